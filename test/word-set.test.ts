// WordSet (src/extract/briefing/word-set.ts) is what the notes stage keeps per sentence instead of a Set<string>:
// it must answer exactly as the Set of the same words would, in the same iteration order, and the overlaps
// (similarity, sharedWords, containment) must count what the Set-based loops count.
import { describe, expect, it } from 'vitest';
import { containment, sharedWords, similarity } from '../src/extract/briefing/context.ts';
import { WordSet, wordNumberTest } from '../src/extract/briefing/word-set.ts';

/** A small deterministic generator, so a failure can be replayed. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => { s = (s * 1664525 + 1013904223) >>> 0; return s / 2 ** 32; };
}

const VOCAB = ['harbour', 'ferry', '2019', 'april', 'minister', 'said', 'strike', 'friday', 'port', 'workers', 'union', 'talks', 'year', 'week', 'million', 'council', 'vote', 'deal'];

function words(next: () => number): string[] {
  const n = Math.floor(next() * 14);
  return Array.from({ length: n }, () => (next() < 0.15 ? `w${Math.floor(next() * 5000)}` : VOCAB[Math.floor(next() * VOCAB.length)]!));
}

/** The Set-based loops the fast paths replace. */
const setShared = (a: Set<string>, b: Set<string>, skip: (w: string) => boolean) => [...a].filter((w) => b.has(w) && !skip(w)).length;
const dateWord = (w: string) => /^(?:\d+|april|friday|week|year)$/.test(w);
const dateWordNumber = wordNumberTest(dateWord);

describe('WordSet', () => {
  it('holds, orders and counts words as a Set of them would, on random word lists', () => {
    const next = rng(7);
    const sets: Array<[Set<string>, WordSet]> = [];
    for (let k = 0; k < 400; k++) {
      const w = words(next);
      const plain = new Set(w);
      const compact = new WordSet(w);
      expect(compact.size).toBe(plain.size);
      expect([...compact]).toEqual([...plain]);
      const seen: string[] = [];
      compact.forEach((v, key) => { expect(key).toBe(v); seen.push(v); });
      expect(seen).toEqual([...plain]);
      expect([...compact.entries()]).toEqual([...plain.entries()]);
      for (const probe of [...VOCAB, 'w1', 'w4999', 'nowhere', '']) expect(compact.has(probe)).toBe(plain.has(probe));
      sets.push([plain, compact]);
    }
    for (let k = 0; k + 1 < sets.length; k++) {
      const [pa, ca] = sets[k]!;
      const [pb, cb] = sets[k + 1]!;
      // Both WordSets: the sorted-number merge. One of each: the Set loop over a WordSet's has.
      expect(similarity(ca, cb)).toBe(similarity(pa, pb));
      expect(similarity(pa, cb)).toBe(similarity(pa, pb));
      expect(sharedWords(ca, cb)).toBe(setShared(pa, pb, (w) => /^(?:\d+|january|february|march|april|may|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday|week|month|year|today|yesterday)$/.test(w)));
      expect(containment(ca, cb)).toBe(containment(pa, pb));
      expect(ca.sharedCount(cb, dateWordNumber)).toBe(setShared(pa, pb, dateWord));
      expect(ca.sharedCounts(cb, dateWordNumber)).toEqual({ inter: setShared(pa, pb, () => false), kept: setShared(pa, pb, dateWord) });
      // The merge cut short: the count when it reaches `need`, else -1, for every need around the count.
      const shared = setShared(pa, pb, () => false);
      for (let need = Math.max(0, shared - 2); need <= shared + 2; need++) expect(ca.sharedAtLeast(cb, need)).toBe(shared >= need ? shared : -1);
      expect([...ca.sortedIds()]).toEqual(Array.from({ length: ca.size }, (_, i) => ca.sortedIdAt(i)));
    }
  });

  it('keeps each set its own words when many sets share the number blocks', () => {
    // Past one block (65,536 numbers) the sets are cut from a new one: earlier sets must not change.
    const made = Array.from({ length: 6000 }, (_, k) => [`a${k}`, `b${k % 97}`, `c${k % 13}`, 'shared', `d${k}`, `e${k}`]);
    const sets = made.map((w) => new WordSet(w));
    made.forEach((w, k) => { expect([...sets[k]!]).toEqual(w); expect(sets[k]!.has(`a${k}`)).toBe(true); expect(sets[k]!.has(`a${k + 1}`)).toBe(false); });
  });
});
