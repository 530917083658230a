// Quote attribution as a model, on invented articles: pronouns resolved by role and salience, speakers
// named before the quote, continuations, partial quotes, unnamed speakers, hard-wrapped wire copy,
// mismatched marks, and a confidence that says when the speaker is unclear.
import { describe, expect, it } from 'vitest';
import { analyzeDocuments } from '../src/extract/analyze.ts';
import type { DocumentAnalysis, QuoteMention } from '../src/extract/analysis.ts';
import { buildNotes } from '../src/extract/briefing/build.ts';
import { SPEAKER_UNCLEAR } from '../src/extract/briefing/quotes.ts';
import { SPEAKER_CONFIDENCE_THRESHOLD } from '../src/extract/rules/quotes.ts';
import { unwrapLines } from '../src/extract/rules/sentences.ts';
import { docFrom } from './helpers/docs.ts';

const analyze = (text: string): DocumentAnalysis => analyzeDocuments([docFrom('s1', text)])[0]!;
const quoteWith = (a: DocumentAnalysis, fragment: string): QuoteMention | undefined => a.quotes.find((q) => q.text.includes(fragment));

describe('pronoun speakers by grammatical role', () => {
  it('gives "he said" to the subject of the last attribution, not the third party named after it', () => {
    const text = `Harbour commissioner Peter Arvidsen said he has asked the ministry to end its support for Mark Brandvold, who is backed by the shipping lobby.
The shipping lobby has paid Mark Brandvold's campaign since 2019.

"We are not seeking money. We need a fair hearing," he said.`;
    const q = quoteWith(analyze(text), 'not seeking money');
    expect(q?.speakerName).toBe('Peter Arvidsen');
    expect(q?.speakerForm).toBe('pronoun');
  });

  it('keeps the speaker through a clause that names her companion', () => {
    const text = `The old town was empty on Saturday.
"It has been a terrible season," said Ms. Rosalind Achterberg. She and her friend, Ms. Mirela Dunca, sipped coffee on the terrace.
"Even the bakeries are closed," she said.`;
    expect(quoteWith(analyze(text), 'bakeries are closed')?.speakerName).toBe('Rosalind Achterberg');
  });

  it('reports the speaker as unclear when two people fit the pronoun equally', () => {
    const text = `Ms. Mary Quist and Ms. Linda Sandvik met the harbour board on Monday.
"It went badly," she said.`;
    const q = quoteWith(analyze(text), 'went badly');
    expect(q?.confidence).toBeLessThan(SPEAKER_CONFIDENCE_THRESHOLD);
  });

  it('shows such a quote in the notes as said by an unclear speaker, not by a guess', () => {
    const text = `Ms. Mary Quist and Ms. Linda Sandvik met the harbour board on Monday.
"The board did not listen to a single word we said about the pier," she said.`;
    const docs = [docFrom('s1', text)];
    const notes = buildNotes(docs, analyzeDocuments(docs), { inputs: ['test'] });
    expect(notes.quotes.find((x) => x.text.includes('did not listen'))?.speaker).toBe(SPEAKER_UNCLEAR);
  });
});

describe('speakers named before the quote', () => {
  it('reads "X told the outlet the next day, “…”" and "X said:"', () => {
    const text = `The council vote was delayed again.
Minister Halvard Nyqvist told Radio Nord the next day, "We urge the council to return to the table."
Later, Nyqvist told reporters: "The fishing families deserve an answer."`;
    const a = analyze(text);
    expect(quoteWith(a, 'urge the council')?.speakerName).toBe('Halvard Nyqvist');
    expect(quoteWith(a, 'urge the council')?.attribution).toBe('before');
    expect(quoteWith(a, 'deserve an answer')?.speakerName).toBe('Halvard Nyqvist');
  });
});

describe('continuation', () => {
  it('gives a quote with no attribution of its own to the speaker of the sentence before', () => {
    const text = `Admiral Kerstin Lowe told the senate defence committee last month that the fleet was ageing fast. "Behind closed doors there is no doubt that the frigates need replacing."
The cabinet met on Friday to discuss the budget, the ministry said. "The Minister recognised the concerns of the coastal towns."`;
    const a = analyze(text);
    expect(quoteWith(a, 'Behind closed doors')?.speakerName).toBe('Kerstin Lowe');
    expect(quoteWith(a, 'Behind closed doors')?.attribution).toBe('continuation');
    expect(quoteWith(a, 'coastal towns')?.speakerName).toMatch(/ministry/i);
    expect(quoteWith(a, 'coastal towns')?.attribution).toBe('continuation');
  });
});

describe('partial quotes', () => {
  it('extracts quoted words completing a report of speech, as kind partial, with the reporter’s subject as speaker', () => {
    const text = `On March 3, Minister Halvard Nyqvist said in a statement that the council had "failed to consult a single fishing family before the vote."
The plan would be "a death sentence for the northern harbours," the union said.`;
    const a = analyze(text);
    const q = quoteWith(a, 'failed to consult');
    expect(q?.kind).toBe('partial');
    expect(q?.speakerName).toBe('Halvard Nyqvist');
    expect(quoteWith(a, 'death sentence')?.kind).toBe('partial');
    expect(quoteWith(a, 'death sentence')?.speakerName).toMatch(/union/i);
  });

  it('leaves short scare quotes alone', () => {
    const a = analyze('Nyqvist said that the plan was a "mistake."\n');
    expect(a.quotes).toEqual([]);
  });
});

describe('unnamed speakers', () => {
  it('names an anonymous speaker by the fullest description the text gives', () => {
    const text = `A Transport Ministry official said the talks would resume next week.
The unions are "ready to compromise on the night shifts," the official said on condition of anonymity.
"Nobody wants another strike," the official said.`;
    const a = analyze(text);
    expect(quoteWith(a, 'Nobody wants another strike')?.speakerName).toBe('a Transport Ministry official');
    expect(quoteWith(a, 'Nobody wants another strike')?.speakerForm).toBe('unnamed');
    expect(quoteWith(a, 'ready to compromise')?.speakerName).toBe('a Transport Ministry official');
  });
});

describe('hard-wrapped wire copy', () => {
  const text = `NORTHPORT (Wire) -- The Valmora city council voted on Tuesday to
close the old ferry terminal, a move opposed by dock workers and
by the regional transport board.

   Council leader Ingrid Halvorsen told reporters after the vote
that the terminal had cost the city too much. \`\`We cannot keep
paying for a building nobody uses,'' she said. \`\`The money belongs
in the schools.''

   The transport board said in a statement it would appeal. As of
Thursday, no date had been set for the hearing.
`;
  const a = analyze(text);

  it('reads a quote across a line break, with offsets into the file', () => {
    const q = quoteWith(a, 'We cannot keep');
    expect(q?.text).toBe("We cannot keep\npaying for a building nobody uses,");
    expect(text.slice(q!.start, q!.end)).toBe(q!.text);
    expect(q?.speakerName).toBe('Ingrid Halvorsen');
    expect(quoteWith(a, 'The money belongs')?.text).toBe('The money belongs\nin the schools.');
  });

  it('does not end a sentence at a line break', () => {
    const sentences = a.sentences.map(([s, e]) => text.slice(s, e));
    expect(sentences).toContain('As of\nThursday, no date had been set for the hearing.');
  });

  it('leaves one-sentence-a-line copy as it is', () => {
    const lines = `The ferry stopped running on Monday after the storm damaged the pier.
Repairs are expected to take three weeks and cost the town a great deal.
The mayor said the town would ask the region for help with the bill.
Residents of the island have been told to use the mainland clinic.`;
    expect(unwrapLines(lines)).toBe(lines);
    expect(analyze(lines).sentences).toHaveLength(4);
  });
});

describe('mismatched and missing closing marks', () => {
  it('closes a single-mark quote at a double mark followed by its attribution', () => {
    const text = `The nurses' union met the hospital board on Friday.
‘We are not asking for charity,” she said. “We want a contract.”`;
    const a = analyze(text);
    expect(a.quotes.map((q) => q.text)).toEqual(['We are not asking for charity,', 'We want a contract.']);
  });

  it('does not let an unclosed quote swallow the attribution', () => {
    const text = `Union leader Carla Benedetti spoke after the vote.
"We are not going back to work,' she said. "Not this week."`;
    const q = analyze(text).quotes[0];
    expect(q?.text).toBe('We are not going back to work,');
    expect(q?.speakerName).toBe('Carla Benedetti');
  });
});
