// The timeline's index files an event unless events of its signature in its group already stand for it
// (standFor): the loop gives what the set of those events' sources gives, on random filings.
import { describe, expect, it } from 'vitest';
import { standFor } from '../src/extract/briefing/timeline.ts';
import { rng } from '../bench/scale/corpus.ts';
import { int } from './helpers/random.ts';

/** The plain test: the sources of the filed events in the group, as a set, hold the newcomer's or are two. */
function standForPlain(reps: readonly number[], groupOf: Int32Array, docOf: Int32Array, group: number, doc: number): boolean {
  const docs = new Set(reps.filter((j) => groupOf[j] === group).map((j) => docOf[j]!));
  return docs.has(doc) || docs.size >= 2;
}

describe('timeline filing: events that already stand for a newcomer', () => {
  it('is what the set of their sources says, on random groups, sources and lists', () => {
    const r = rng(77);
    let yes = 0;
    let no = 0;
    for (let round = 0; round < 4000; round++) {
      const n = 1 + int(r, 12);
      const groupOf = Int32Array.from({ length: n }, () => int(r, 3));
      const docOf = Int32Array.from({ length: n }, () => int(r, 4));
      const reps = Array.from({ length: int(r, 6) }, () => int(r, n));
      const group = int(r, 3);
      const doc = int(r, 4);
      const want = standForPlain(reps, groupOf, docOf, group, doc);
      expect(standFor(reps, groupOf, docOf, group, doc)).toBe(want);
      if (want) yes++; else no++;
    }
    expect(Math.min(yes, no)).toBeGreaterThan(500); // both answers met often
  });
});
