// The Vocabulary table the per-word passes look words up in: every string added is found again by the
// characters of any span that spells it, numbered in the order added, through the table's growth.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Vocabulary } from '../src/extract/rules/vocabulary.ts';

describe('Vocabulary', () => {
  it('finds each string added by a span of another text, and no string it was not given', () => {
    // Small alphabets make near-misses (same length, shared prefixes, equal hashes of short strings) common.
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'A', 'é', '’', '𝒳', '-'), maxLength: 6 });
    fc.assert(fc.property(fc.uniqueArray(word, { maxLength: 300 }), fc.array(word, { maxLength: 50 }), (added, probes) => {
      const v = new Vocabulary();
      added.forEach((w, k) => {
        expect(v.find(`<${w}>`, 1, 1 + w.length)).toBe(-1);
        expect(v.add(`<${w}>`, 1, 1 + w.length)).toBe(k);
      });
      expect(v.size).toBe(added.length);
      added.forEach((w, k) => {
        expect(v.find(`xx ${w} yy`, 3, 3 + w.length)).toBe(k);
        expect(v.text(k)).toBe(w);
      });
      for (const p of probes) expect(v.find(p, 0, p.length)).toBe(added.indexOf(p));
    }));
  });

  it('keeps every string through many growths of its table', () => {
    const v = new Vocabulary();
    const words = Array.from({ length: 20_000 }, (_, k) => `w${k.toString(36)}`);
    for (const w of words) v.add(w, 0, w.length);
    expect(words.every((w, k) => v.find(` ${w}`, 1, 1 + w.length) === k)).toBe(true);
    expect(v.find('w', 0, 1)).toBe(-1);
  });
});
