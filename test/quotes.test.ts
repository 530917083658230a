// Direct quotes and their speakers on made-up articles: every attribution pattern, multi-paragraph
// quotes, scare quotes and titles rejected, pronouns, institutions and the speaker span.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeDocuments } from '../src/extract/analyze.ts';
import type { DocumentAnalysis, QuoteMention } from '../src/extract/analysis.ts';
import { findQuoteSpans } from '../src/extract/rules/quotes.ts';
import { hasWords, wordsOf } from '../src/extract/rules/quotes/verbs.ts';
import { docFrom } from './helpers/docs.ts';

const analyze = (text: string): DocumentAnalysis => analyzeDocuments([docFrom('s1', text)])[0]!;
const quoteWith = (a: DocumentAnalysis, fragment: string): QuoteMention | undefined => a.quotes.find((q) => q.text.includes(fragment));
/** The text the speaker span points at, for the quote containing `fragment`. */
const spanOf = (text: string, a: DocumentAnalysis, fragment: string): string | null => {
  const q = quoteWith(a, fragment);
  return q && q.speakerStart !== null && q.speakerEnd !== null ? text.slice(q.speakerStart, q.speakerEnd) : null;
};

describe('attribution patterns', () => {
  const text = `The Harbour Board voted on Tuesday to close the north pier for repairs.
"The pier has been unsafe for two winters," board chair Miriam Okafor said.
"We waited too long," said Tomas Lindqvist, the harbour engineer. "Nobody wanted to pay for it."
Okafor told reporters after the vote: "The repairs start in March."
According to Lindqvist, "the old timber will not last another storm."
Dockworkers' union leader Samuel Reyes spoke next.
"We will lose a season of work," he said.
The port authority said in a statement: "Ferries will move to the south pier."`;
  const a = analyze(text);

  it('reads "X said" after the quote', () => {
    expect(quoteWith(a, 'unsafe for two winters')?.speakerName).toBe('Miriam Okafor');
    expect(spanOf(text, a, 'unsafe for two winters')).toContain('Okafor');
  });

  it('reads "said X" after the quote, and carries X to the quote that continues it', () => {
    expect(quoteWith(a, 'We waited too long')?.speakerName).toBe('Tomas Lindqvist');
    expect(spanOf(text, a, 'We waited too long')).toContain('Lindqvist');
    expect(quoteWith(a, 'Nobody wanted to pay')?.speakerName).toBe('Tomas Lindqvist');
    expect(spanOf(text, a, 'Nobody wanted to pay')).toContain('Lindqvist');
  });

  it('reads "X told …:" before the quote', () => {
    expect(quoteWith(a, 'repairs start in March')?.speakerName).toBe('Miriam Okafor');
    expect(spanOf(text, a, 'repairs start in March')).toBe('Okafor');
  });

  it('reads "according to X"', () => {
    expect(quoteWith(a, 'old timber')?.speakerName).toBe('Tomas Lindqvist');
  });

  it('resolves "he said" to the person named just before, with the span on the pronoun', () => {
    expect(quoteWith(a, 'lose a season')?.speakerName).toBe('Samuel Reyes');
    expect(spanOf(text, a, 'lose a season')).toBe('he');
  });

  it('lets an institution speak', () => {
    expect(quoteWith(a, 'Ferries will move')?.speakerName).toMatch(/port authority/i);
    expect(spanOf(text, a, 'Ferries will move')).toMatch(/port authority/i);
  });
});

describe('which quoted words are direct quotes', () => {
  const text = `Critics called the tariff plan a "confusing" move and a "gift to importers."
The minister's book, "Steel and Salt," sold poorly. Viewers of "Morning Harbour" saw the debate.
"It is a tax on every family," said Ines Barros, an economist.
"No." The chairman did not elaborate.
Barros later called it "a slow-motion mistake."
The levy has often been described as "a tax on the poor."`;
  const a = analyze(text);

  it('rejects scare quotes, titles and labels inside the writer’s sentence', () => {
    for (const words of ['confusing', 'gift to importers', 'Steel and Salt', 'Morning Harbour', 'tax on the poor']) {
      expect(quoteWith(a, words), words).toBeUndefined();
    }
  });

  it('keeps quotes that open a sentence, however short, and quotes a verb hands the clause', () => {
    expect(quoteWith(a, 'tax on every family')?.speakerName).toBe('Ines Barros');
    expect(quoteWith(a, 'No.')).toBeDefined();
    expect(quoteWith(a, 'slow-motion mistake')?.speakerName).toBe('Ines Barros');
  });

  it('gives exact spans without the quotation marks', () => {
    for (const q of a.quotes) {
      expect(text.slice(q.start, q.end)).toBe(q.text);
      expect(q.text).not.toMatch(/^["“]|["”]$/);
    }
  });

  it('reads single straight marks as quotes, not apostrophes, and skips quoted section headings', () => {
    const t = "The dockers' union met on Monday.\n'We will not sign this contract,' the union's president said.\n\n'A Port in Trouble.'\n\nTalks resume in the '90s-era hall.";
    const b = analyze(t);
    expect(b.quotes.map((q) => q.text)).toEqual(['We will not sign this contract,']);
    expect(spanOf(t, b, 'not sign')).toMatch(/president/);
  });

  it('reads a transcript turn as a record, not a quote', () => {
    const t = analyze('The exchange went as follows:\n\n"HOST: Will the mine reopen?\n\n"MAYOR: Not this year."');
    expect(t.quotes).toEqual([]);
  });
});

describe('multi-paragraph quotes', () => {
  const text = `Teachers walked out across the valley on Friday. Union secretary Dalia Moreno addressed the rally.

“We have asked for smaller classes for six years. We have asked politely.

“Now we are asking loudly,” she said.

The district office said it would respond next week.`;
  const a = analyze(text);

  it('runs an unclosed quote to its paragraph end and goes on with the next paragraph that opens with a mark', () => {
    const spans = findQuoteSpans(text);
    expect(spans[0]!.unclosed).toBe(true);
    expect(text.slice(spans[0]!.start, spans[0]!.end)).toBe('We have asked for smaller classes for six years. We have asked politely.');
    expect(text.slice(spans[1]!.start, spans[1]!.end)).toBe('Now we are asking loudly,');
  });

  it('gives both paragraphs the speaker named at the end, through the same pronoun', () => {
    expect(quoteWith(a, 'smaller classes')?.speakerName).toBe('Dalia Moreno');
    expect(quoteWith(a, 'asking loudly')?.speakerName).toBe('Dalia Moreno');
    expect(spanOf(text, a, 'asking loudly')).toBe('she');
  });
});

describe('pronoun resolution', () => {
  const text = `Mr. Hugo Brandt, the fisheries minister, met the trawler owners. Ms. Clara Voss chaired the meeting.
"The quotas stay," he said.
"Then the fleet stays in port," she said.
Brandt later spoke to Voss and to the owners. "I have heard them," he said.`;
  const a = analyze(text);

  it('picks the person of the pronoun’s gender, not merely the nearest', () => {
    expect(quoteWith(a, 'quotas stay')?.speakerName).toBe('Hugo Brandt');
    expect(quoteWith(a, 'fleet stays in port')?.speakerName).toBe('Clara Voss');
    expect(quoteWith(a, 'I have heard them')?.speakerName).toBe('Hugo Brandt');
  });

  it('points the span at the pronoun itself', () => {
    expect(spanOf(text, a, 'fleet stays in port')).toBe('she');
    expect(spanOf(text, a, 'I have heard them')).toBe('he');
  });
});

describe('unnamed and nominal speakers', () => {
  const text = `The rail strike entered its third day.
"Talks have not resumed," a spokesman for the transport ministry said.
"We are ready when they are," the official, who asked not to be named, told the Courier.
Vox pop outside the station:
"I walked four miles this morning." ― Priya Nair`;
  const a = analyze(text);

  it('takes the noun phrase as written when no entity names the speaker', () => {
    expect(spanOf(text, a, 'Talks have not resumed')).toMatch(/spokesman/);
    expect(quoteWith(a, 'ready when they are')?.speakerName).toBe('the official');
    expect(spanOf(text, a, 'ready when they are')).toBe('the official');
  });

  it('reads a name after a dash as the speaker of a vox-pop quote', () => {
    expect(spanOf(text, a, 'four miles')).toBe('Priya Nair');
  });
});

describe('word counting', () => {
  it('tells whether a string has n words as counting all its words would', () => {
    const s = fc.string({ unit: fc.constantFrom('a', 'Z', '7', '.', '’', "'", '-', ' ', ',', 'é', '“'), maxLength: 30 });
    fc.assert(fc.property(s, fc.nat(8), (t, n) => {
      expect(hasWords(t, n)).toBe(wordsOf(t).length >= n);
    }), { numRuns: 500 });
  });
});
