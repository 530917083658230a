// Scale: repair's casing table learns only the words and pairs the damaged texts look up, and the truecasing
// it gives is the same as with a table of every word; the early-stopping hash overlap test answers as a full count.
import { describe, expect, it } from 'vitest';
import { sharesAtLeast } from '../src/ingest/duplicate-index.ts';
import { casingKeys, learnCasing, truecaseEdits } from '../src/ingest/repair/casing.ts';

const teachers = [
  'Yesterday the Harbour Board met in Kelvane. Officials of the Harbour Board said the Tarn Bridge was shut.',
  'In Kelvane, Mayor Ossa Brin said the bridge would reopen. The Tarn Bridge carries most freight to the Coast Road.',
  'Rain fell on the Coast Road again. Brin told the Northern Ledger that repairs would take a week.',
];
const damaged = 'the harbour board said mayor ossa brin would visit kelvane and the tarn bridge on monday';

describe('casing table limited to the damaged texts', () => {
  const keys = casingKeys([damaged]);
  const full = learnCasing(teachers);
  const only = learnCasing(teachers, keys);

  it('keeps only keys the damaged text has', () => {
    expect(only.words.size).toBeGreaterThan(0);
    expect(only.pairs.size).toBeGreaterThan(0);
    for (const w of only.words.keys()) expect(keys.words.has(w)).toBe(true);
    for (const w of only.heads.keys()) expect(keys.words.has(w)).toBe(true);
    for (const p of only.pairs.keys()) expect(keys.pairs.has(p)).toBe(true);
    // The full table has what the damaged text never asks for ("rain", "freight").
    expect(full.words.has('freight')).toBe(true);
    expect(only.words.has('freight')).toBe(false);
  });

  it('truecases the damaged text exactly as a table of every word does', () => {
    const edits = truecaseEdits(damaged, only);
    expect(edits.map((e) => e.replacement)).toContain('Kelvane');
    expect(edits).toEqual(truecaseEdits(damaged, full));
  });
});

describe('sharesAtLeast', () => {
  it('answers as a full count of shared hashes would, for every threshold', () => {
    let seed = 7;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0);
    for (let round = 0; round < 50; round++) {
      const pool = Array.from({ length: 40 }, next);
      const pick = () => Uint32Array.from(new Set(pool.filter(() => next() % 3 !== 0))).sort();
      const [a, b] = [pick(), pick()];
      const shared = [...a].filter((x) => b.includes(x)).length;
      for (let need = 0; need <= a.length + 1; need++) expect(sharesAtLeast(a, b, need)).toBe(shared >= need);
    }
  });
});
