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
  const out: Token[] = [];
  const slice = text.slice(from, to);
  TOKEN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN.exec(slice))) {
    let value = m[0];
    const start = from + m.index;
    let end = start + value.length;
    let possessive = false;
    const poss = /^(.+?)['’]s$/u.exec(value);
    if (poss && /\p{L}/u.test(value[0]!)) {
      value = poss[1]!;
      end = start + value.length;
      possessive = true;
    }
    if ((ABBREVIATED.test(value) || /^\p{Lu}$/u.test(value)) && slice[end - from] === '.') {
      value += '.';
      end += 1;
      TOKEN.lastIndex = end - from;
    }
    const word = /^\p{L}/u.test(value);
    const capitalised = word && (/^\p{Lu}/u.test(value) || PARTICLE_NAME.test(value));
    out.push({ text: value, lower: value.toLowerCase(), start, end, possessive, capitalised, word });
  }
  return out;
}
