// The notes stage's shortcuts at scale, each against the plain computation it replaced, on random inputs:
// mentions bucketed by sentence against a filter per sentence; prefixes in the ranked word order against a
// sort by the comparator; content words by the ASCII scan against the Unicode pattern; storm-name counts in
// one pass against a pattern per name; LexRank over flat edge arrays against the loop over edge objects.
import { describe, expect, it } from 'vitest';
import { contentWords, itemsBySentence, isDateWord, oneLine, spanWords, STOP_WORDS, wordOrder } from '../src/extract/briefing/context.ts';
import { lexRank } from '../src/extract/briefing/lexrank.ts';
import { neighbours, sentenceGraph } from './helpers/lexrank.ts';
import { wordCounts } from '../src/extract/briefing/title.ts';
import { nameWords } from '../src/extract/briefing/keypoints.ts';
import { mergeEvents, type AnchoredEvent } from '../src/extract/briefing/timeline.ts';
import { lexRankByObjects, mergeAllPairs } from './helpers/all-pairs.ts';
import { rng } from '../bench/scale/corpus.ts';
import { AsciiWordNumbers, numberedWords, wordOfNumber } from '../src/extract/briefing/word-set.ts';
import { docFrom } from './helpers/docs.ts';
import { int } from './helpers/random.ts';


describe('mentions bucketed by sentence', () => {
  it('are, sentence by sentence and in order, what filtering every item for the sentence gives', () => {
    let placed = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const r = rng(seed);
      // Sorted spans with gaps, touching spans and empty ones; every tenth set out of order or overlapping.
      const sentences: Array<[number, number]> = [];
      for (let at = 0, k = 0; k < 5 + int(r, 30); k++) { const start = at + int(r, 3); const end = start + int(r, 40); sentences.push([start, end]); at = end; }
      if (seed % 10 === 0) sentences.push([int(r, 50), int(r, 50) + 50]);
      const limit = sentences.at(-1)![1] + 10;
      // Items inside one sentence, across two, empty ones, and ones at a sentence's very end.
      const items = Array.from({ length: 200 }, (_, id) => { const start = int(r, limit); const end = r() < 0.1 ? start : start + int(r, 15); return { id, start, end }; });
      const got = itemsBySentence(sentences, items);
      const expected = sentences.map(([s, e]) => items.filter((x) => x.start >= s && x.end <= e));
      expect(got).toEqual(expected);
      placed += expected.flat().length;
      // Asked again for the same lists, the same buckets (made once).
      expect(itemsBySentence(sentences, items)).toBe(got);
      // Buckets are read-only: the empty ones are one shared array, which no caller can fill.
      const empty = got.filter((b) => b.length === 0);
      for (const b of empty) expect(b).toBe(empty[0]);
      if (empty.length) expect(() => (empty[0] as unknown as unknown[]).push(items[0]!)).toThrow();
    }
    expect(placed).toBeGreaterThan(1000);
  });
});

describe('prefixes in the ranked word order', () => {
  it('are the first words of each set sorted by the comparator (marked words last, rarest, then by word)', () => {
    const r = rng(7);
    const vocabulary = [...Array.from({ length: 60 }, (_, k) => `w${k.toString(36)}${int(r, 9)}`), 'april', '2029', 'friday', 'may'];
    const df = new Map<string, number>();
    for (const w of vocabulary) if (r() < 0.9) df.set(w, 1 + int(r, 6)); // a tenth of the words unknown (df 0)
    const compare = (a: string, b: string) => (isDateWord(a) ? 1 : 0) - (isDateWord(b) ? 1 : 0) || (df.get(a) ?? 0) - (df.get(b) ?? 0) || (a < b ? -1 : a > b ? 1 : 0);
    const order = wordOrder(df, isDateWord);
    let withUnknown = 0;
    for (let k = 0; k < 3000; k++) {
      const words = new Set(Array.from({ length: int(r, 15) }, () => vocabulary[int(r, vocabulary.length)]!));
      const n = int(r, words.size + 2);
      expect(order(words, n)).toEqual([...words].sort(compare).slice(0, n));
      if ([...words].some((w) => !df.has(w))) withUnknown++;
    }
    expect(withUnknown).toBeGreaterThan(500);
  });
});

/** Content words as the Unicode pattern reads them (with repeats). */
const byText = (text: string) => [...text.toLowerCase().matchAll(/[\p{L}\p{N}]{3,}/gu)].map((m) => m[0]).filter((w) => !STOP_WORDS.has(w));

describe('content words', () => {
  const byPattern = (text: string) => [...text.toLowerCase().matchAll(/[\p{L}\p{N}]{3,}/gu)].map((m) => m[0]).filter((w) => !STOP_WORDS.has(w));
  it('read by the ASCII scan are what the Unicode pattern reads, in order, whatever the characters', () => {
    const r = rng(11);
    const pieces = ['The', 'army', 'SAID', 'Port', 'x', 'ab', 'abc', '2029', '4,300', ' ', '  ', '\n', '.', ',', '“', '”', '’', '—', '–', '\u00a0', '…', '£', '€', 'café', 'Σίσυφος', 'ΟΔΟΣ', 'İstanbul', 'naïve', '日本語', 'x\u0301y', 'ﬁnal', 'ǅemal', '_id', 'A1b'];
    let nonAscii = 0;
    for (let k = 0; k < 4000; k++) {
      const text = Array.from({ length: 1 + int(r, 25) }, () => pieces[int(r, pieces.length)]!).join(r() < 0.5 ? ' ' : '');
      expect([...contentWords(text)]).toEqual([...new Set(byPattern(text))]);
      if (/[^\x00-\x7f]/.test(text)) nonAscii++;
    }
    expect(nonAscii).toBeGreaterThan(1000);
  });

  it('of a span, shared between callers, are those of its one-line text', () => {
    const doc = docFrom('s1', 'The  army\nadvanced on Port Alder.  “Talks”  resumed — in April.');
    const words = spanWords(doc, 0, 31);
    expect([...words]).toEqual([...contentWords(oneLine(doc.text.slice(0, 31)))]);
    expect(spanWords(doc, 0, 31)).toBe(words);
    expect([...spanWords(doc, 0, 9)]).toEqual(['army']);
  });

  it('of every span of a text, asked in any order and again, are those of the span itself (one cache entry per span)', () => {
    // The cache keys a span by one number made from its start and end: two spans sharing that number would share words.
    const r = rng(33);
    const words = ['army', 'port', 'alder', 'talks', 'resumed', 'april', 'the', 'on', '2019', 'café'];
    let compared = 0;
    for (let t = 0; t < 6; t++) {
      const text = Array.from({ length: 8 + int(r, 12) }, () => words[int(r, words.length)]).join(r() < 0.5 ? ' ' : '\n');
      const doc = docFrom(`s${t + 1}`, text);
      const spans: Array<[number, number]> = [];
      for (let start = 0; start <= text.length; start += 1 + int(r, 3)) for (let end = start; end <= text.length; end += 1 + int(r, 4)) spans.push([start, end]);
      for (const round of [0, 1]) {
        for (let k = spans.length - 1; k > 0; k--) { const j = int(r, k + 1); [spans[k], spans[j]] = [spans[j]!, spans[k]!]; }
        for (const [start, end] of spans) {
          expect([...spanWords(doc, start, end)], `${round}: ${start}-${end}`).toEqual([...contentWords(oneLine(text.slice(start, end)))]);
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(2000);
  });
});

describe('content-word numbers read in place', () => {
  it('are the numbers of the lower-cased words, each distinct word asked once, past the table\'s growth and in mixed case', () => {
    const r = rng(41);
    const asked: string[] = [];
    const byWord = new Map<string, number>();
    const table = new AsciiWordNumbers((w) => { asked.push(w); if (!byWord.has(w)) byWord.set(w, byWord.size); return w.startsWith('q') ? -1 : byWord.get(w)!; });
    const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
    let text = '';
    const spans: Array<[number, number]> = [];
    for (let k = 0; k < 30000; k++) {
      // Short words from a small alphabet meet again often, in other cases; long ones are new (the table grows to 2^16).
      const n = r() < 0.7 ? 1 + int(r, 3) : 3 + int(r, 8);
      const w = Array.from({ length: n }, () => letters[int(r, r() < 0.7 ? 6 : letters.length)]).join('');
      spans.push([text.length, text.length + w.length]);
      text += `${w} `;
    }
    for (const [from, to] of spans) {
      const w = text.slice(from, to).toLowerCase();
      expect(table.get(text, from, to)).toBe(w.startsWith('q') ? -1 : byWord.get(w));
    }
    expect(new Set(asked).size).toBe(asked.length);
    expect(asked.length).toBeGreaterThan(5000);
  });

  it('of a span number its new words in the order first met, as the WordSet of the span\'s words does', () => {
    const r = rng(43);
    spanWords(docFrom('s0', 'army Port 2029'), 0, 14); // the known words have numbers before the rounds
    for (let t = 0; t < 50; t++) {
      // Words never seen before (a fresh stem each round), some repeated in another case, among known and stop words.
      const fresh = Array.from({ length: 3 + int(r, 6) }, (_, k) => `fresh${t}x${k}${int(r, 1000)}`);
      const pool = [...fresh, ...fresh.map((w) => w.toUpperCase()), 'the', 'army', 'Port', 'said', 'ab', '2029'];
      const text = Array.from({ length: 12 }, () => pool[int(r, pool.length)]!).join(r() < 0.5 ? ' ' : ', ');
      const doc = docFrom(`s${t + 1}`, text);
      const before = numberedWords();
      const words = spanWords(doc, 0, text.length);
      const met = [...new Set(byText(text))];
      expect([...words]).toEqual(met);
      // The fresh words have the next numbers, in the order the span first has them.
      const newOnes = met.filter((w) => w.startsWith('fresh'));
      expect(newOnes.map((w) => [...words.sortedIds()].find((id) => wordOfNumber(id) === w))).toEqual(newOnes.map((_, k) => before + k));
    }
  });
});

describe('storm names counted in one pass', () => {
  it('give each name\'s count per text that its own \\bname\\b pattern gives', () => {
    const r = rng(21);
    const names = ['Mitch', 'Mitchell', 'Ana', 'Anastasia', 'Émile', 'Zoë', 'Bob'];
    const pieces = [...names, 'mitch', 'Ana_', '9Ana', 'Anab', ' ', '-', '.', 'é', 'x', '\n', 'Mitché'];
    const texts = Array.from({ length: 300 }, () => Array.from({ length: int(r, 30) }, () => pieces[int(r, pieces.length)]!).join(r() < 0.5 ? ' ' : ''));
    const got = wordCounts(texts, names);
    let found = 0;
    for (const name of names) {
      const expected = texts.map((t) => t.match(new RegExp(`\\b${name}\\b`, 'gu'))?.length ?? 0);
      expect(got.get(name)).toEqual(expected);
      found += expected.reduce((a, b) => a + b, 0);
    }
    expect(found).toBeGreaterThan(300);
  });
});


describe('LexRank over flat edge arrays', () => {
  it('gives, bit for bit, the scores of the loop over edge objects', () => {
    for (const seed of [31, 32, 33]) {
      const r = rng(seed);
      const vocabulary = Array.from({ length: 80 }, (_, k) => `t${k}`);
      // Some sentences share no term with any other (dangling), most share a few.
      const terms = Array.from({ length: 400 }, (_, k) => (k % 17 === 0 ? [`lone${k}`] : [...new Set(Array.from({ length: 2 + int(r, 8) }, () => vocabulary[Math.floor(r() ** 2 * vocabulary.length)]!))]));
      const graph = sentenceGraph(terms);
      expect(neighbours(graph).filter((row) => row.length === 0).length).toBeGreaterThan(5);
      expect([...lexRank(graph)]).toEqual([...lexRankByObjects(graph)]);
    }
  });
});

describe('name words read by character codes', () => {
  it('are the words of the tokens the capital-letter pattern picks, whatever the characters', () => {
    const r = rng(61);
    const pieces = ['Port', 'port', '“Talks', '(UN)', '—Ana', '2029', '4th', 'Émile', 'émile', '«Zoë»', '_x', '...Mitch', 'ǅemal', 'İzmir', '"', '¿Qué', 'ΟΔΟΣ'];
    const byPattern = (text: string) => {
      const out = new Set<string>();
      for (const token of text.split(' ').slice(1)) if (/^[^\p{L}\p{N}]*\p{Lu}/u.test(token)) for (const w of contentWords(token)) out.add(w);
      return out;
    };
    let named = 0;
    for (let k = 0; k < 3000; k++) {
      const text = Array.from({ length: 1 + int(r, 12) }, () => pieces[int(r, pieces.length)]!).join(' ');
      const expected = byPattern(text);
      expect([...nameWords(text)]).toEqual([...expected]);
      named += expected.size;
    }
    expect(named).toBeGreaterThan(3000);
  });
});

describe('timeline merging with the positional filter', () => {
  it('gives the groups of comparing each event with every group, for reports long and short sharing words late in the order', () => {
    let merged = 0;
    for (const seed of [71, 72, 73, 74]) {
      const r = rng(seed);
      // A few common words every report uses (late in the rarest-first order), many rare ones, date words last:
      // pairs first meet late in their orders, where the bound on shared words cuts them.
      const common = Array.from({ length: 6 }, (_, k) => `common${k}`);
      const rare = Array.from({ length: 120 }, (_, k) => `rare${k}`);
      const dates = ['2029', '2029-04', '2029-04-15', '2029-04-16'];
      const events: AnchoredEvent[] = [];
      for (let k = 0; k < 300; k++) {
        const earlier = events.length && r() < 0.4 ? events[int(r, events.length)]! : null;
        const words = earlier
          ? new Set([...earlier.words].filter(() => r() < 0.6).concat(Array.from({ length: int(r, 6) }, () => rare[int(r, rare.length)]!)))
          : new Set([...Array.from({ length: 2 + int(r, 20) }, () => rare[int(r, rare.length)]!), ...common.filter(() => r() < 0.5), ...(r() < 0.5 ? ['april', '2029'] : [])]);
        events.push({ date: earlier && r() < 0.7 ? earlier.date : dates[int(r, dates.length)]!, doc: int(r, 10), index: k, evidence: { source: 's1', start: k, end: k + 1, text: '' }, words, quality: 0, figures: [] });
      }
      const expected = mergeAllPairs(events).map((g) => g.map((e) => e.index));
      expect(mergeEvents(events).map((g) => g.map((e) => e.index))).toEqual(expected);
      merged += events.length - expected.length;
    }
    expect(merged).toBeGreaterThan(300);
  });
});
