// The run-on test of the sentence splitter (hasMoreWords: more than `limit` words?) and its shortcut for
// short stretches (2 × limit characters hold at most `limit` words), against counting /\S+/g matches, on
// random stretches of words and spaces right around the limit.
import { describe, expect, it } from 'vitest';
import { hasMoreWords } from '../src/extract/rules/sentences.ts';
import { rng } from '../bench/scale/corpus.ts';

const SPACES = [' ', ' ', '\n', '\t', '\u00a0', '  '];

describe('hasMoreWords', () => {
  it('says whether a stretch has more than `limit` words, as counting /\\S+/g does', () => {
    let over = 0, under = 0;
    for (let seed = 1; seed <= 400; seed++) {
      const r = rng(seed);
      const limit = 1 + Math.floor(r() * 12);
      // One-letter words with single spaces pack the most words into the fewest characters: the shortcut's edge.
      const tight = r() < 0.5;
      let text = r() < 0.3 ? ' ' : '';
      const words = limit - 2 + Math.floor(r() * 5);
      for (let k = 0; k < words; k++) text += (tight ? 'a' : 'ab'.repeat(1 + Math.floor(r() * 3))) + (tight ? ' ' : SPACES[Math.floor(r() * SPACES.length)]!);
      if (r() < 0.5) text = text.trimEnd();
      const from = r() < 0.2 ? 1 : 0;
      const to = text.length - (r() < 0.2 ? 1 : 0);
      const expected = (text.slice(from, to).match(/\S+/g) ?? []).length > limit;
      expect(hasMoreWords(text, from, to, limit)).toBe(expected);
      if (expected) over++; else under++;
    }
    expect(over).toBeGreaterThan(100);
    expect(under).toBeGreaterThan(100);
  });
});
