// Word tokens with offsets, shared by the entity, quote and alignment rules.

export interface Token {
  /** The token as written, without a possessive ending. */
  text: string;
  /** Lower-cased `text`. */
  lower: string;
  start: number;
  end: number;
  /** Followed by a possessive 's / ’s (not part of `text`). */
  possessive: boolean;
  /** Starts with a capital letter (or a lower-case name particle joined by a hyphen: "al-Sarraj"). */
  capitalised: boolean;
  /** Made of letters. */
  word: boolean;
}

// Hyphenated parts join only when the part after the hyphen is capitalised ("al-Sarraj") — "Nations-backed" is two words.
const TOKEN = /(?:\p{L}\.){2,}(?:\p{L}\b)?|\p{L}[\p{L}\p{M}\p{N}]*(?:['’]\p{L}[\p{L}\p{M}\p{N}]*|-\p{Lu}[\p{L}\p{M}\p{N}]*)*|\p{N}[\p{N},.]*\p{N}|\p{N}|\S/uy;
const ABBREVIATED = /^(mr|mrs|ms|dr|gen|col|lt|capt|sgt|adm|rev|prof|sen|rep|gov|pres|st|jr|sr|maj|brig|mt|ft|inc|corp|ltd|co|gens)$/i;
const PARTICLE_NAME = /^(al|el|ad|as|ash|bin|ibn|abu|van|von|de|da|di|du|le|la|mac|mc|o)[-’']\p{Lu}/u;

/** Split text into tokens; possessives split off, abbreviations keep their full stop ("Gen."). */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
  // This runs over every word of every document. Every non-space character starts a token (TOKEN ends
  // with \S), so the sticky regex is tried only there, and `test` spares the match array of `exec`.
  const out: Token[] = [];
  let at = from;
  for (;;) {
    while (at < text.length && isSpace(text.charCodeAt(at))) at++;
    if (at >= to) break;
    const start = at;
    TOKEN.lastIndex = start;
    TOKEN.test(text);
    let value = text.slice(start, Math.min(TOKEN.lastIndex, to));
    let end = start + value.length;
    at = TOKEN.lastIndex;
    let possessive = false;
    if (value.length > 2 && value.charCodeAt(value.length - 1) === 115 /* s */ && (value.endsWith("'s") || value.endsWith('’s')) && isLetter(value[0]!)) {
      value = value.slice(0, -2);
      end -= 2;
      possessive = true;
    }
    if (text[end] === '.' && end < to && (ABBREVIATED.test(value) || (value.length === 1 && isUpper(value)))) {
      value += '.';
      end += 1;
      at = end;
    }
    const head = value[0]!;
    const word = isLetter(head);
    const capitalised = word && (isUpper(head) || (mayBeParticleName(value) && PARTICLE_NAME.test(value)));
    out.push({ text: value, lower: value.toLowerCase(), start, end, possessive, capitalised, word });
  }
  return out;
}

/** JavaScript's \s, by code unit. */
function isSpace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Cheap pre-test for PARTICLE_NAME: a hyphen or apostrophe within its first four characters. */
function mayBeParticleName(value: string): boolean {
  for (let k = 1; k < 5 && k < value.length; k++) {
    const c = value.charCodeAt(k);
    if (c === 45 /* - */ || c === 39 /* ' */ || c === 0x2019 /* ’ */) return true;
  }
  return false;
}

// Case tests with an ASCII fast path: this runs once per token of every document. Beyond ASCII, a
// letter is what has two cases; letters of scripts without case do not matter, names are found by capitals.
function isLetter(c: string): boolean {
  const code = c.charCodeAt(0);
  if (code < 128) return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  return c.toLowerCase() !== c.toUpperCase();
}
function isUpper(c: string): boolean {
  const code = c.charCodeAt(0);
  if (code < 128) return code >= 65 && code <= 90;
  return c !== c.toLowerCase();
}
