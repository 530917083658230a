// Word tokens with offsets, and whether a token opens a sentence (where its capital says nothing about
// the word itself).

export interface Token {
  start: number;
  end: number;
  text: string;
}

export function tokens(text: string): Token[] {
  return [...text.matchAll(/\p{L}+/gu)].map((m) => ({ start: m.index, end: m.index + m[0].length, text: m[0] }));
}

const OPENERS = /["“‘'«(\[\s]/;

/** True when only spaces, opening quotes or brackets stand between the token and a sentence end or line start. */
export function isSentenceInitial(text: string, start: number): boolean {
  let k = start - 1;
  while (k >= 0 && OPENERS.test(text[k]!) && text[k] !== '\n' && text[k] !== '\r') k--;
  if (k < 0) return true;
  return /[.!?:;…\n\r—–]/.test(text[k]!);
}

/** A one-letter token that stands alone as a word, not a piece of "U.S." or "don't". */
export function standsAlone(text: string, t: Token): boolean {
  const before = text[t.start - 1] ?? ' ';
  const after = text[t.end] ?? ' ';
  return !/[.'’\-\p{L}\p{N}]/u.test(before) && !/[.'’\-\p{L}\p{N}]/u.test(after);
}

/** Two tokens with only spaces between them (no punctuation, no line break). */
export const adjacent = (text: string, a: Token, b: Token): boolean => /^[ \t]+$/.test(text.slice(a.end, b.start));
