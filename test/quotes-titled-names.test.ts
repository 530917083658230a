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
