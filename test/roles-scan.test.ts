// The backward scan that finds where a name's sentence starts gives what the pattern it replaced gives
// (/[^.!?\n]*$/, which retried at every offset and was quadratic in the window it searched).
import { describe, expect, it } from 'vitest';
import { sentenceStart } from '../src/extract/rules/entities/roles.ts';
import { rng } from '../bench/scale/corpus.ts';

describe('sentenceStart', () => {
  it('finds the same start as /[^.!?\\n]*$/ on random text', () => {
    const r = rng(7);
    const alphabet = ['a', 'b', ' ', '.', '!', '?', '\n', '"', ',', 'É'];
    for (let n = 0; n < 2000; n++) {
      const text = Array.from({ length: Math.floor(r() * 40) }, () => alphabet[Math.floor(r() * alphabet.length)]!).join('');
      expect(sentenceStart(text), JSON.stringify(text)).toBe(Math.max(text.search(/[^.!?\n]*$/), 0));
    }
  });

  it('starts after the last stop, mark or line break, or at the start', () => {
    expect(sentenceStart('He left. She said, "we')).toBe(8);
    expect(sentenceStart('Why?\nThen Ana')).toBe(5);
    expect(sentenceStart('no stop here')).toBe(0);
    expect(sentenceStart('ends.')).toBe(5);
  });
});
