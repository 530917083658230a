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

/** The other documents' words (lower-cased), as the cut-off first word test asks about them. */
export interface Vocabulary {
  has(word: string): boolean;
  /** Whether some word longer than `tail` ends with it. */
  hasLongerEnding(tail: string): boolean;
}

/** A vocabulary of these words. */
export function vocabularyOf(words: Iterable<string>): Vocabulary {
  const set = new Set(words);
  return { has: (w) => set.has(w), hasLongerEnding: (tail) => [...set].some((w) => w.length > tail.length && w.endsWith(tail)) };
}

const MIN_LETTERS = 120;
const MAX_CAPITAL_SHARE = 0.005;
const MIN_WORDS = 40;
const MIN_STOPS_PER_100_WORDS = 1;

const LETTER = /\p{L}/u;
const CAPITAL = /\p{Lu}/u;

/**
 * Letters and capital letters in the text, as `/\p{L}/gu` and `/\p{Lu}/gu` count them, by one walk without
 * an array of matches (this runs over every source of a run; most characters are ASCII). With `capitalLimit`,
 * the walk stops when the capitals reach it (the counts are then of the text so far).
 */
export function letterCounts(text: string, capitalLimit = Infinity): { letters: number; capitals: number } {
  let letters = 0;
  let capitals = 0;
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c < 128) {
      if (c >= 97 && c <= 122) letters++;
      else if (c >= 65 && c <= 90) { letters++; if (++capitals >= capitalLimit) break; }
      continue;
    }
    const cp = text.codePointAt(k)!;
    if (cp > 0xffff) k++;
    const ch = String.fromCodePoint(cp);
    if (LETTER.test(ch)) { letters++; if (CAPITAL.test(ch) && ++capitals >= capitalLimit) break; }
  }
  return { letters, capitals };
}

export function isLowercased(text: string): boolean {
  // A text has no more letters than code units, so once its capitals reach the share of its length they are
  // past the share of its letters too, and the walk can stop (ordinary prose stops in its first lines).
  const { letters, capitals } = letterCounts(text, MAX_CAPITAL_SHARE * text.length);
  return letters >= MIN_LETTERS && capitals / letters < MAX_CAPITAL_SHARE;
}

export function isUnpunctuated(text: string): boolean {
  const stops = text.match(/[.!?…](?=["'”’)\]]*(?:\s|$))/g)?.length ?? 0;
  // Two words always have a character between them, so a text has at most ceil(length / 2) words: with that
  // many stops per hundred, ordinary prose is answered without counting its words.
  if (stops * 100 >= Math.ceil(text.length / 2)) return false;
  const words = wordCount(text);
  if (words < MIN_WORDS) return false;
  return (stops * 100) / words < MIN_STOPS_PER_100_WORDS;
}

/**
 * The text starts with a lower-case fragment that is no word: not in the common list, not used by the
 * other documents, not used again in this one, and the tail of a longer word that is known (the
 * "tration" of "administration"). A well-cased text that starts in lower case needs no such tail.
 */
export function partialFirstWord(text: string, vocabulary: Vocabulary): Damage['partialFirstWord'] {
  const first = firstWordAsked(text);
  if (!first || vocabulary.has(first.text)) return null;
  const word = first.text;
  const own = new Set(tokens(text).slice(1).map((t) => t.text.toLowerCase()));
  if (own.has(word)) return null;
  const tailOfKnown = vocabulary.hasLongerEnding(word) || [...own].some((w) => w.length > word.length && w.endsWith(word));
  if (!tailOfKnown && isLowercased(text)) return null;
  return { start: first.start, end: first.end, text: word };
}

/**
 * The first word of a text when `partialFirstWord` must ask the vocabulary about it: a lower-case word opening
 * the text, standing alone, and not a common word; else null. Found without tokenizing the whole text.
 */
export function firstWordAsked(text: string): { start: number; end: number; text: string } | null {
  const m = /\p{L}+/u.exec(text);
  if (!m) return null;
  const first = { start: m.index, end: m.index + m[0].length, text: m[0] };
  if (text.slice(0, first.start).trim() !== '') return null;
  if (!/^\p{Ll}+$/u.test(first.text) || !/^(?:\s|$)/.test(text.slice(first.end, first.end + 1))) return null;
  return COMMON_WORDS.has(first.text) ? null : first;
}

export function detectDamage(text: string, vocabulary: Vocabulary): Damage {
  return { lowercase: isLowercased(text), unpunctuated: isUnpunctuated(text), partialFirstWord: partialFirstWord(text, vocabulary) };
}
