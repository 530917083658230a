// Key points at 10,000 sources (keypoints.ts, timeline.ts sameEvent, word-set.ts), each shortcut against the plain
// computation it replaced, on random inputs: the Jaccard test cut short at the count of shared words it needs
// against similarity(); sameEvent's merges of word numbers against its loop over a Set of strings; a word test
// answered once per word number, and the count of shared words skipping some numbers, against the tests on strings.
import { describe, expect, it } from 'vitest';
import { isDateWord, similarity } from '../src/extract/briefing/context.ts';
import { sharedNeeded } from '../src/extract/briefing/keypoints.ts';
import { sameEvent } from '../src/extract/briefing/timeline.ts';
import { numberOf, WordSet, wordNumberTest } from '../src/extract/briefing/word-set.ts';
import { rng } from '../bench/scale/corpus.ts';
import { int, pick } from './helpers/random.ts';

/** keypoints.ts SAME_FACT: two sentences this alike (Jaccard) report the same fact. */
const SAME_FACT = 0.34;

/** Words of a small vocabulary with date words and numbers among them, so random sets overlap often. */
function words(r: () => number, n: number): string[] {
  const vocabulary = ['troops', 'killed', 'village', 'talks', 'ceasefire', 'border', 'aid', 'convoy', 'port', 'vote', 'strike', 'rebels', 'april', 'friday', '2029', '213', 'week', 'today', 'harbour', 'ferry'];
  return Array.from({ length: n }, () => pick(r, vocabulary));
}

describe('the Jaccard test cut short', () => {
  it('needs the fewest shared words at which the quotient reaches SAME_FACT, for every pair of sizes', () => {
    for (let a = 1; a <= 70; a++) {
      for (let b = 1; b <= 70; b++) {
        const need = sharedNeeded(a, b);
        const reaches = (m: number) => m / (a + b - m) >= SAME_FACT;
        if (need <= Math.min(a, b)) expect(reaches(need)).toBe(true);
        else expect(need).toBe(Math.min(a, b) + 1);
        for (let m = 0; m < need && m <= Math.min(a, b); m++) expect(reaches(m)).toBe(false);
      }
    }
  });

  it('answers as similarity() >= SAME_FACT on random word sets', () => {
    const r = rng(71);
    let close = 0;
    for (let k = 0; k < 4000; k++) {
      const a = new WordSet(words(r, 1 + int(r, 16)));
      const b = new WordSet(words(r, 1 + int(r, 16)));
      const expected = similarity(a, b) >= SAME_FACT;
      expect(a.sharedAtLeast(b, sharedNeeded(a.size, b.size)) >= 0).toBe(expected);
      if (expected) close++;
    }
    expect(close).toBeGreaterThan(300); // both answers were met often
  });
});

describe('sameEvent over word numbers', () => {
  it('answers as over Sets of the same words, dates and counts included', () => {
    const r = rng(72);
    const dates = ['2029', '2029-04', '2029-04-15', '2029-04-16', '2029-05', '2030-01-09'];
    const figures = ['213 people killed', '600 people killed', '12 trucks'];
    let same = 0;
    for (let k = 0; k < 4000; k++) {
      const event = () => {
        const w = words(r, 2 + int(r, 10));
        return { date: pick(r, dates), doc: int(r, 3), figures: r() < 0.3 ? [pick(r, figures)] : [], set: new WordSet(w), strings: new Set(w) };
      };
      const a = event();
      const b = event();
      const expected = sameEvent({ ...a, words: a.strings }, { ...b, words: b.strings });
      expect(sameEvent({ ...a, words: a.set }, { ...b, words: b.set })).toBe(expected);
      if (expected) same++;
    }
    expect(same).toBeGreaterThan(200);
  });
});

describe('word tests by number', () => {
  it('answer as the test of the word, past the growth of their table, and count shared words as the string test does', () => {
    const r = rng(73);
    const isDate = wordNumberTest(isDateWord);
    // Words numbered far past the table's first size (4,096), asked in random order, some twice.
    const made = Array.from({ length: 6000 }, (_, k) => (k % 7 === 0 ? `${2000 + k}` : k % 11 === 0 ? pick(r, ['april', 'friday', 'week']) : `w${k}x${int(r, 1000)}`));
    for (let k = 0; k < 9000; k++) {
      const w = pick(r, made);
      expect(isDate(numberOf(w))).toBe(isDateWord(w));
    }
    for (let k = 0; k < 2000; k++) {
      const a = new WordSet(words(r, 1 + int(r, 16)));
      const b = new WordSet(words(r, 1 + int(r, 16)));
      expect(a.sharedCount(b, isDate)).toBe([...a].filter((w) => b.has(w) && !isDateWord(w)).length);
    }
  });
});
