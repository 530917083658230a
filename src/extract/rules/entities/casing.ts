// Which capitalised words are just words: learned from how the well-formed documents of the run write
// each word away from a sentence start ("despite" is a word; "Apple", capitalised far more often than
// not, is a name even though "an apple" occurs too).

import { isCapitalised, isWordAt, lowerCase, PackedTokenWriter, type PackedTokens, TokenCursor } from '../tokens.ts';

/** Lower-cased words the documents mostly write in lower case. */
export type CommonWords = ReadonlySet<string>;

/**
 * Words written in lower case at least as often as capitalised mid-sentence in `teachers`. Only words
 * that some text (`asked`, the teachers included) capitalises can be asked about, so only those are kept.
 */
export function learnCommonWords(teachers: readonly string[], asked: readonly string[] = teachers): Set<string> {
  const learner = new CommonWordsLearner();
  for (const text of asked) learner.read(text, false);
  for (const text of teachers) learner.read(text, true);
  return learner.commonWords();
}

/** How often a word is written in lower case, and capitalised away from a sentence start. */
interface Counts {
  lower: number;
  capitalisedMid: number;
}

/**
 * `learnCommonWords` fed one text at a time. It walks the tokens without building them (this pass runs over
 * every word before any name is read) and hands each text's tokens back packed, for the names pass.
 */
export class CommonWordsLearner {
  private readonly capitalised = new Set<string>();
  private readonly counts = new Map<string, Counts>();
  /**
   * The written forms met lately, by a hash of their characters (one per slot): a frequent word ("the",
   * "said") is then found without slicing, lower-casing and hashing a new string each time.
   */
  private readonly forms: Array<WordForm | undefined> = new Array<WordForm | undefined>(FORM_SLOTS).fill(undefined);

  /**
   * Note the words a text capitalises (those are the words that may be asked about) and, when it `teaches`
   * (a well-formed text), count how it writes its words: all of them, since which will be asked about is not known yet.
   * Returns the text's tokens, packed, for the pass that reads the names (so that it need not walk the text again).
   */
  read(text: string, teaches: boolean): PackedTokens {
    const cursor = new TokenCursor(text);
    const packed = new PackedTokenWriter();
    // The last token that is no opening quote or bracket: its end, and whether it ends a sentence.
    let prevEnd = -1;
    let prevEnds = false;
    while (cursor.next()) {
      const { start, end } = cursor;
      const word = isWordAt(text, start);
      const form = word ? this.form(text, start, end) : null;
      packed.push(start, end, cursor.possessive, word, form?.capitalised === true);
      const single = end - start === 1 ? text.charCodeAt(start) : 0;
      if (single && OPENERS.has(single)) continue;
      const before = prevEnd;
      const afterEnd = prevEnds;
      prevEnd = end;
      prevEnds = single !== 0 && ENDS.has(single);
      if (!form) continue;
      if (form.capitalised) this.capitalised.add(form.lower);
      if (!teaches) continue;
      if (!form.capitalised) { form.counts.lower++; continue; }
      if (form.acronym) continue; // acronyms say nothing about the word
      const opensSentence = before < 0 || afterEnd || hasNewline(text, before, start);
      if (!opensSentence) form.counts.capitalisedMid++;
    }
    return packed.finish(text);
  }

  /** The common words among those asked about. */
  commonWords(): Set<string> {
    const common = new Set<string>();
    for (const [w, n] of this.counts) if (n.lower > 0 && this.capitalised.has(w) && n.lower >= n.capitalisedMid) common.add(w);
    return common;
  }

  /** What is known of the word text[start, end) as written. */
  private form(text: string, start: number, end: number): WordForm {
    let h = 0;
    for (let k = start; k < end; k++) h = (Math.imul(h, 31) + text.charCodeAt(k)) | 0;
    const slot = (h ^ (h >>> 13)) & (FORM_SLOTS - 1);
    const seen = this.forms[slot];
    if (seen && sameChars(seen.raw, text, start, end)) return seen;
    const raw = text.slice(start, end);
    const lower = lowerCase(raw);
    const form = { raw, lower, capitalised: isCapitalised(text, start, end), acronym: raw.length > 1 && !hasLowerCase(raw), counts: this.count(lower) };
    this.forms[slot] = form;
    return form;
  }

  private count(word: string): Counts {
    let n = this.counts.get(word);
    if (!n) { n = { lower: 0, capitalisedMid: 0 }; this.counts.set(word, n); }
    return n;
  }
}

const FORM_SLOTS = 16384;

/** A word as written, with what the learner needs of it. */
interface WordForm {
  raw: string;
  lower: string;
  capitalised: boolean;
  /** Capitals all through ("NATO"). */
  acronym: boolean;
  /** The counts of its lower-case word. */
  counts: Counts;
}

/** Whether `s` has a lower-case letter (`s !== s.toUpperCase()`, without building the upper-case copy for ASCII). */
function hasLowerCase(s: string): boolean {
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (c >= 97 && c <= 122) return true;
    if (c >= 128) return s !== s.toUpperCase();
  }
  return false;
}

/** Whether text[start, end) is `word`. */
function sameChars(word: string, text: string, start: number, end: number): boolean {
  if (word.length !== end - start) return false;
  for (let k = 0; k < word.length; k++) if (word.charCodeAt(k) !== text.charCodeAt(start + k)) return false;
  return true;
}

/** Opening quotes and brackets, which may stand before a sentence's first word; and what ends a sentence. */
const OPENERS = new Set([...'"“‘\'(['].map((c) => c.charCodeAt(0)));
const ENDS = new Set([...'.!?:'].map((c) => c.charCodeAt(0)));

/** Whether a line break stands in text[from, to). */
function hasNewline(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (text.charCodeAt(k) === 10) return true;
  return false;
}
