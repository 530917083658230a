// "said Acme President and Chief Executive Officer, Tom Enders" / "Acme CEO, Jan Vos, defended …": a company's
// title set off by a comma before a name. The person is the speaker, not the company, and the title's last word
// ("Officer") is no person (invented reports).
import { describe, expect, it } from 'vitest';
import { analyzeDocuments } from '../src/extract/analyze.ts';
import { docFrom } from './helpers/docs.ts';

const analyze = (text: string) => analyzeDocuments([docFrom('s1', text, { date: '2031-03-02' })])[0]!;
const speakers = (text: string) => analyze(text).quotes.map((q) => q.speakerName);

describe('a titled name after a comma', () => {
  it('is the speaker of "said ORG Title and Title, Name."', () => {
    const text = 'The first ferry was handed over in Velna on Monday.\n\n"This is a milestone for the yard, and I thank every crew who worked nights," said Norvik Yards President and Chief Executive Officer, Ilse Moravec.\n';
    expect(speakers(text)).toEqual(['Ilse Moravec']);
    expect(analyze(text).entities.map((e) => e.text)).not.toContain('Officer');
  });

  it('is the speaker of "ORG CEO, Name, defended … by saying, "…""', () => {
    const text = 'Baltavia Air ordered five more jets on Tuesday.\n\nBaltavia Air CEO, Oren Kask, defended the order by saying, "These jets are the most reliable in the fleet and the cheapest to fly."\n';
    expect(speakers(text)).toEqual(['Oren Kask']);
  });

  it('keeps the company as the speaker when no name follows the title', () => {
    const text = 'The yard closed for a week.\n\n"We regret the delay to every customer waiting for a ship," said the Norvik Yards spokesman.\n';
    expect(speakers(text)).not.toContain('Ilse Moravec');
    expect(analyze(text).quotes).toHaveLength(1);
  });
});

describe('a person with a job title around the employer', () => {
  it('is the speaker of "Name, title and title of ORG said, "…"" (the appositive\'s closing comma missing)', () => {
    const text = 'Halvard Marine launched its first electric tug on Friday.\n\nPetra Solheim, president and CEO of Halvard Marine Vessels said, "This has been a proud day for everyone at the yard."\n';
    expect(speakers(text)).toEqual(['Petra Solheim']);
  });

  it('is the speaker of "says ORG senior vice president Name"', () => {
    const text = 'The airline will fly the new jets from June.\n\n"We plan to use the jets on our northern routes first," says NVA senior vice president Ilse Marden.\n';
    expect(speakers(text)).toEqual(['Ilse Marden']);
  });

  it('is typed a person when a bare job title follows the name ("Name, project manager and ORG vice president")', () => {
    const text = 'The tug left the dock at noon.\n\n"We are rolling out the first delivery tug," enthused Rolf Anker, project manager and Halvard vice president.\n';
    expect(speakers(text)).toEqual(['Rolf Anker']);
    expect(analyze(text).entities.find((e) => e.text === 'Rolf Anker')?.type).toBe('PERSON');
  });

  it('is described by a bare title after a quote opening its line, and a list of places is no title', () => {
    const quoted = analyze('"The order is signed," said Tomas Brekke, chief executive of Velmar Aerospace.\n');
    expect(quoted.entities.find((e) => e.text === 'Tomas Brekke')?.type).toBe('PERSON');
    const list = analyze('Orsk, Velna and Tarvik voted on Sunday.\n');
    expect(list.entities.filter((e) => e.type === 'PERSON')).toEqual([]);
  });
});
