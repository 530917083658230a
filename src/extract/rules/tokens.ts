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
const TOKEN = /(?:\p{L}\.){2,}(?:\p{L}\b)?|\p{L}[\p{L}\p{M}\p{N}]*(?:['’]\p{L}[\p{L}\p{M}\p{N}]*|-\p{Lu}[\p{L}\p{M}\p{N}]*)*|\p{N}[\p{N},.]*\p{N}|\p{N}|\S/gu;
const ABBREVIATED = /^(mr|mrs|ms|dr|gen|col|lt|capt|sgt|adm|rev|prof|sen|rep|gov|pres|st|jr|sr|maj|brig|mt|ft|inc|corp|ltd|co|gens)$/i;
const PARTICLE_NAME = /^(al|el|ad|as|ash|bin|ibn|abu|van|von|de|da|di|du|le|la|mac|mc|o)[-’']\p{Lu}/u;

/** Split text into tokens; possessives split off, abbreviations keep their full stop ("Gen."). */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
  // Scans the text in place (no slice): this runs over every word of every document.
  const out: Token[] = [];
  TOKEN.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = TOKEN.exec(text)) && m.index < to) {
    const start = m.index;
    let value = m[0].length > to - start ? m[0].slice(0, to - start) : m[0];
    let end = start + value.length;
    let possessive = false;
    if (value.length > 2 && value.charCodeAt(value.length - 1) === 115 /* s */ && (value.endsWith("'s") || value.endsWith('’s')) && isLetter(value[0]!)) {
      value = value.slice(0, -2);
      end -= 2;
      possessive = true;
    }
    if (text[end] === '.' && end < to && (ABBREVIATED.test(value) || (value.length === 1 && isUpper(value)))) {
      value += '.';
      end += 1;
      TOKEN.lastIndex = end;
    }
    const head = value[0]!;
    const word = isLetter(head);
    const capitalised = word && (isUpper(head) || PARTICLE_NAME.test(value));
    out.push({ text: value, lower: value.toLowerCase(), start, end, possessive, capitalised, word });
  }
  return out;
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
