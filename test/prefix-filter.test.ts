// Words and dates as numbers for the timeline's and the event-date clashes' prefix-filtered searches
// (src/extract/briefing/prefix-filter.ts), each against the plain computation on strings it replaced, on random
// inputs: date numbers against `compatible` on the ISO strings; shared-word counts against set intersections;
// prefixes against a sort of each set's words by the documented order (date words last, rarest first, by number);
// timeline merging with counts numbered against comparing every group with the counts as strings; the timeline
// selection's similarity graph over WordSet numbers against the graph over the words as strings.
import { describe, expect, it } from 'vitest';
import { isDateWord } from '../src/extract/briefing/context.ts';
import { DateNumbers, NumberedWords } from '../src/extract/briefing/prefix-filter.ts';
import { compatible, mergeEvents, sameEvent, type AnchoredEvent } from '../src/extract/briefing/timeline.ts';
import { mergeAllPairs } from './helpers/all-pairs.ts';
import { sentenceGraph } from './helpers/lexrank.ts';
import { wordSetGraph } from '../src/extract/briefing/timeline-select.ts';
import { WordSet } from '../src/extract/briefing/word-set.ts';
import { rng } from '../bench/scale/corpus.ts';
import { int } from './helpers/random.ts';

/** A word's number in the WordSets' shared table. */
const numberOf = (w: string) => new WordSet([w]).sortedIds()[0]!;

describe('dates as numbers', () => {
  it('are equal for equal dates and compatible exactly when the ISO strings are (one the coarser form of the other)', () => {
    const r = rng(5);
    const years = ['2028', '2029', '2030'];
    const random = () => {
      const year = years[int(r, years.length)]!;
      const level = int(r, 3);
      if (level === 0) return year;
      const month = `${year}-0${1 + int(r, 3)}`;
      return level === 1 ? month : `${month}-1${int(r, 3)}`;
    };
    const dates = new DateNumbers();
    let agree = 0;
    let differ = 0;
    for (let k = 0; k < 5000; k++) {
      const [a, b] = [random(), random()];
      const [x, y] = [dates.of(a), dates.of(b)];
      expect(x === y).toBe(a === b);
      expect(dates.compatible(x, y), `${a} ${b}`).toBe(compatible(a, b));
      expect(dates.compatible(y, x)).toBe(compatible(b, a));
      if (a !== b && compatible(a, b)) agree++; else if (!compatible(a, b)) differ++;
    }
    expect(agree).toBeGreaterThan(300); // nested pairs (a year and its day) are among them, not only equal dates
    expect(differ).toBeGreaterThan(1000);
  });
});

describe('word sets as numbers', () => {
  /** Random sets from a small vocabulary with date words, some given as WordSets, some as plain sets. */
  function randomSets(seed: number): Array<ReadonlySet<string>> {
    const r = rng(seed);
    const vocabulary = [...Array.from({ length: 40 }, (_, k) => `pf${seed}w${k}`), 'april', '2029', 'friday', 'month', '15'];
    return Array.from({ length: 120 }, () => {
      const words = Array.from({ length: int(r, 25) }, () => vocabulary[int(r, vocabulary.length)]!);
      return r() < 0.5 ? new WordSet(words) : new Set(words);
    });
  }

  it('count the shared words, and those of them that are not date words, as set intersections do', () => {
    let datesShared = 0;
    for (const seed of [1, 2, 3]) {
      const sets = randomSets(seed);
      const numbered = new NumberedWords(sets);
      for (let a = 0; a < sets.length; a++) {
        expect(numbered.size(a)).toBe(sets[a]!.size);
        for (let b = 0; b < sets.length; b++) {
          const both = [...sets[a]!].filter((w) => sets[b]!.has(w));
          expect(numbered.shared(a, b)).toEqual({ inter: both.length, shared: both.filter((w) => !isDateWord(w)).length });
          if (both.some(isDateWord)) datesShared++;
        }
      }
    }
    expect(datesShared).toBeGreaterThan(1000);
  });

  it('give as prefixes each set\'s first words sorted by date word last, then fewest sets holding it, then number', () => {
    let kept = 0;
    for (const seed of [4, 5, 6]) {
      const sets = randomSets(seed);
      const df = new Map<string, number>();
      for (const s of sets) for (const w of s) df.set(w, (df.get(w) ?? 0) + 1);
      const order = [...df.keys()].sort((a, b) => Number(isDateWord(a)) - Number(isDateWord(b)) || df.get(a)! - df.get(b)! || numberOf(a) - numberOf(b));
      const place = new Map(order.map((w, k) => [w, k]));
      const length = (k: number, size: number) => size - 1 - (k % 4); // from a word short to three, and below 0
      const { words, start } = new NumberedWords(sets).prefixes(length);
      sets.forEach((s, k) => {
        const expected = [...s].map((w) => place.get(w)!).sort((a, b) => a - b).slice(0, Math.max(0, length(k, s.size)));
        expect(Array.from(words.subarray(start[k], start[k + 1]))).toEqual(expected);
        kept += expected.length;
      });
    }
    expect(kept).toBeGreaterThan(2000);
  });
});

describe('timeline merging with counts as numbers', () => {
  it('gives the groups of comparing each event with every group, for reports giving counts of several measures', () => {
    let merges = 0;
    let keptApart = 0;
    for (const seed of [21, 22, 23]) {
      const r = rng(seed);
      const vocabulary = Array.from({ length: 30 }, (_, k) => `pc${k}`);
      // The same value of another measure, another value of the same measure, several counts at once.
      const counts = ['12  people killed', '40  people killed', '12  people injured', '40  people injured', '3  homes destroyed'];
      const events: AnchoredEvent[] = Array.from({ length: 300 }, (_, k) => ({
        date: ['2029-04', '2029-04-15', '2029-04-16'][int(r, 3)]!, doc: int(r, 6), index: k,
        evidence: { source: 's1', start: k, end: k + 1, text: '' },
        words: new Set(Array.from({ length: 4 + int(r, 8) }, () => vocabulary[int(r, vocabulary.length)]!)), quality: 0,
        figures: counts.filter(() => r() < 0.25),
      }));
      const expected = mergeAllPairs(events).map((g) => g.map((e) => e.index));
      expect(mergeEvents(events).map((g) => g.map((e) => e.index))).toEqual(expected);
      merges += events.length - expected.length;
      // Pairs alike in words that their counts keep apart: the counts matter here.
      for (const a of events) for (const b of events) if (a !== b && !sameEvent(a, b) && sameEvent({ ...a, figures: [] }, b)) keptApart++;
    }
    expect(merges).toBeGreaterThan(300);
    expect(keptApart).toBeGreaterThan(100);
  });
});

describe('the timeline selection\'s similarity graph over word numbers', () => {
  it('is, bit for bit, the graph over the same words as strings, each sentence\'s in its order', () => {
    let edges = 0;
    for (const seed of [31, 32, 33]) {
      const r = rng(seed);
      // Words numbered in the shared table in another order than these sentences meet them.
      const vocabulary = Array.from({ length: 60 }, (_, k) => `sg${seed}w${k}`);
      new WordSet([...vocabulary].reverse());
      const sentences = Array.from({ length: 150 }, () => Array.from({ length: 1 + int(r, 14) }, () => vocabulary[int(r, r() < 0.5 ? 12 : vocabulary.length)]!));
      const sets = sentences.map((words) => new WordSet(words));
      const expected = sentenceGraph(sets.map((s) => [...s]));
      const got = wordSetGraph(sets);
      expect(Array.from(got.first)).toEqual(Array.from(expected.first));
      expect(Array.from(got.to)).toEqual(Array.from(expected.to));
      expect(Array.from(got.cosine)).toEqual(Array.from(expected.cosine));
      edges += expected.to.length;
    }
    expect(edges).toBeGreaterThan(2000);
  });
});
