// Tells damaged text apart: lower-cased throughout, nearly without sentence punctuation, or starting in
// the middle of a word. Thresholds are deliberately far from ordinary prose, which has 2-5% capitals
// and several full stops per hundred words.
import { wordCount } from '../clean/lines.ts';
import { COMMON_WORDS } from './common-words.ts';
import { tokens } from './tokens.ts';

export interface Damage {
  lowercase: boolean;
  unpunctuated: boolean;
  /** The cut-off first word, when the text starts inside a word. */
  partialFirstWord: { start: number; end: number; text: string } | null;
}

const MIN_LETTERS = 120;
const MAX_CAPITAL_SHARE = 0.005;
const MIN_WORDS = 40;
const MIN_STOPS_PER_100_WORDS = 1;

export function isLowercased(text: string): boolean {
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  const capitals = text.match(/\p{Lu}/gu)?.length ?? 0;
  return letters >= MIN_LETTERS && capitals / letters < MAX_CAPITAL_SHARE;
}

export function isUnpunctuated(text: string): boolean {
  const words = wordCount(text);
  if (words < MIN_WORDS) return false;
  const stops = text.match(/[.!?…](?=["'”’)\]]*(?:\s|$))/g)?.length ?? 0;
  return (stops * 100) / words < MIN_STOPS_PER_100_WORDS;
}

/**
 * The text starts with a lower-case fragment that is no word: not in the common list, not used by the
 * other documents, not used again in this one, and the tail of a longer word that is known (the
 * "tration" of "administration"). A well-cased text that starts in lower case needs no such tail.
 */
export function partialFirstWord(text: string, vocabulary: ReadonlySet<string>): Damage['partialFirstWord'] {
  const toks = tokens(text);
  const first = toks[0];
  if (!first || text.slice(0, first.start).trim() !== '') return null;
  if (!/^\p{Ll}+$/u.test(first.text) || !/^(?:\s|$)/.test(text.slice(first.end, first.end + 1))) return null;
  const word = first.text;
  const own = new Set(toks.slice(1).map((t) => t.text.toLowerCase()));
  if (COMMON_WORDS.has(word) || vocabulary.has(word) || own.has(word)) return null;
  const known = [...vocabulary, ...own];
  const tailOfKnown = known.some((w) => w.length > word.length && w.endsWith(word));
  if (!tailOfKnown && isLowercased(text)) return null;
  return { start: first.start, end: first.end, text: word };
}

export function detectDamage(text: string, vocabulary: ReadonlySet<string>): Damage {
  return { lowercase: isLowercased(text), unpunctuated: isUnpunctuated(text), partialFirstWord: partialFirstWord(text, vocabulary) };
}
