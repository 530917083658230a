// Names in a lower-cased source the truecaser could not restore: what the gazetteer and the other,
// well-formed documents of the run know about its lower-case words.

import { withCapital, type Token } from '../tokens.ts';
import { FIRST_NAMES } from '../gazetteer.ts';
import { isPlaceName } from './typing.ts';

/** What a mention needs to be extended: its span and words. */
interface Extendable {
  start: number;
  text: string;
  words: string[];
}

// Names that are also everyday English words: in lower case they are more likely the word.
const AMBIGUOUS = new Set('turkey chad jordan guinea china nice mobile bath reading split will mark bill grace rose frank don dean guy jack rob sandy lee art hope joy max'.split(' '));

/**
 * Tokens of a degraded text with the capitals it lost put back as flags: a country or city of the
 * gazetteer ("qatar"), or a given name between two capitalised words ("Tomas ali Reyn"), unless
 * the word is also an everyday word or the well-formed documents write it in lower case (`common`).
 */
export function markLostCapitals(tokens: readonly Token[], common: ReadonlySet<string>): Token[] {
  return tokens.map((t, k) => {
    if (t.capitalised || !t.word || common.has(t.lower) || AMBIGUOUS.has(t.lower)) return t;
    const place = isPlaceName(t.lower);
    const givenName = FIRST_NAMES.has(t.lower) && tokens[k - 1]?.capitalised === true && tokens[k + 1]?.capitalised === true;
    return place || givenName ? withCapital(t) : t;
  });
}

/**
 * A mention whose lower-case words before it complete a name the well-formed documents write
 * ("government of National Accord" → "Government of National Accord") takes those words in.
 */
export function extendByKnownNames<T extends Extendable>(text: string, tokens: readonly Token[], cand: T, known: ReadonlySet<string>): T {
  let k = tokens.findIndex((t) => t.start === cand.start);
  if (k <= 0) return cand;
  let best: T = cand;
  const words = [...cand.words];
  for (let back = 1; back <= 3 && k - 1 >= 0; back++) {
    const t = tokens[--k]!;
    if (!t.word || t.capitalised) break;
    words.unshift(t.lower);
    if (known.has(words.join(' '))) best = { ...cand, start: t.start, text: text.slice(t.start, cand.start + cand.text.length), words: [...words] };
  }
  return best;
}
