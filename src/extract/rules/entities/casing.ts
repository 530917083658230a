// Which capitalised words are just words: learned from how the well-formed documents of the run write
// each word away from a sentence start ("despite" is a word; "Apple", capitalised far more often than
// not, is a name even though "an apple" occurs too).

import { isCapitalised, isWordAt, lowerCase, PackedTokenWriter, type PackedTokens, type Spellings, TokenCursor } from '../tokens.ts';
import { charsHash, grow, Vocabulary } from '../vocabulary.ts';

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

/**
 * `learnCommonWords` fed one text at a time. It walks the tokens without building them (this pass runs over
 * every word before any name is read) and hands each text's tokens back packed, for the names pass.
 */
export class CommonWordsLearner implements Spellings {
  /** Each written form met, found by its characters without slicing a string (see Vocabulary). */
  private readonly forms = new Vocabulary();
  /** Per written form (by its number in `forms`): its lower-cased word's number, and FORM_CAPITALISED | FORM_ACRONYM. */
  private formWord = new Int32Array(1024);
  private formFlags = new Uint8Array(1024);
  /** The lower-cased words, numbered in the order met, and per word: how often written in lower case, how often capitalised mid-sentence, and whether ever capitalised. */
  private readonly words = new Vocabulary();
  private lower = new Int32Array(1024);
  private capitalisedMid = new Int32Array(1024);
  private capitalisedSeen = new Uint8Array(1024);

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
      const form = word ? this.form(text, start, end, cursor.hashed ? cursor.hash : charsHash(text, start, end)) : -1;
      const flags = form >= 0 ? this.formFlags[form]! : 0;
      packed.push(start, end, cursor.possessive, word, (flags & FORM_CAPITALISED) !== 0, form);
      const single = end - start === 1 ? text.charCodeAt(start) : 0;
      const kind = single < PUNCT.length ? PUNCT[single]! : 0;
      if (kind === OPENER) continue;
      const before = prevEnd;
      const afterEnd = prevEnds;
      prevEnd = end;
      prevEnds = kind === END;
      if (form < 0 || !teaches) continue;
      if ((flags & FORM_CAPITALISED) === 0) { this.lower[this.formWord[form]!]!++; continue; }
      if ((flags & FORM_ACRONYM) !== 0) continue; // acronyms say nothing about the word
      const opensSentence = before < 0 || afterEnd || hasNewline(text, before, start);
      if (!opensSentence) this.capitalisedMid[this.formWord[form]!]!++;
    }
    return packed.finish(text, this);
  }

  written(form: number): string {
    return this.forms.text(form);
  }

  lowered(form: number): string {
    return this.words.text(this.formWord[form]!);
  }

  /** The common words among those asked about. */
  commonWords(): Set<string> {
    const common = new Set<string>();
    for (let k = 0; k < this.words.size; k++) {
      if (isCommon(this.lower[k]!, this.capitalisedMid[k]!, this.capitalisedSeen[k]!)) common.add(this.words.text(k));
    }
    return common;
  }

  /** What was counted, per word, for a learner on another thread to add up (CasingTally). */
  counts(): CasingCounts {
    const n = this.words.size;
    return {
      words: Array.from({ length: n }, (_, k) => this.words.text(k)),
      lower: this.lower.slice(0, n), capitalisedMid: this.capitalisedMid.slice(0, n), capitalisedSeen: this.capitalisedSeen.slice(0, n),
    };
  }

  /** The number of the written form text[start, end), a word. */
  private form(text: string, start: number, end: number, hash: number): number {
    const known = this.forms.find(text, start, end, hash);
    if (known >= 0) return known;
    const id = this.forms.add(text, start, end, hash);
    const raw = this.forms.text(id);
    const capitalised = isCapitalised(text, start, end);
    const word = this.word(lowerCase(raw));
    if (id >= this.formWord.length) { this.formWord = grow(this.formWord); this.formFlags = grow(this.formFlags); }
    this.formWord[id] = word;
    this.formFlags[id] = (capitalised ? FORM_CAPITALISED : 0) | (raw.length > 1 && !hasLowerCase(raw) ? FORM_ACRONYM : 0);
    if (capitalised) this.capitalisedSeen[word] = 1;
    return id;
  }

  /** The number of a lower-cased word. */
  private word(lower: string): number {
    let id = this.words.find(lower, 0, lower.length);
    if (id < 0) {
      id = this.words.add(lower, 0, lower.length);
      if (id >= this.lower.length) { this.lower = grow(this.lower); this.capitalisedMid = grow(this.capitalisedMid); this.capitalisedSeen = grow(this.capitalisedSeen); }
    }
    return id;
  }
}

/** A word is common when written in lower case at least as often as capitalised mid-sentence (and asked about). */
const isCommon = (lower: number, capitalisedMid: number, capitalisedSeen: number) => lower > 0 && capitalisedSeen !== 0 && lower >= capitalisedMid;

/** A learner's counts per lower-cased word (plain arrays, to cross threads). */
export interface CasingCounts { words: string[]; lower: Int32Array; capitalisedMid: Int32Array; capitalisedSeen: Uint8Array }

/**
 * The counts of learners that each read part of the texts, added up: the sums are what one learner reading
 * every text counts, so the common words are the same (a set: only membership is ever asked).
 */
export class CasingTally {
  private readonly sums = new Map<string, [lower: number, capitalisedMid: number, capitalisedSeen: number]>();

  add(c: CasingCounts): void {
    c.words.forEach((w, k) => {
      const s = this.sums.get(w);
      if (s) { s[0] += c.lower[k]!; s[1] += c.capitalisedMid[k]!; s[2] |= c.capitalisedSeen[k]!; } else this.sums.set(w, [c.lower[k]!, c.capitalisedMid[k]!, c.capitalisedSeen[k]!]);
    });
  }

  commonWords(): Set<string> {
    const common = new Set<string>();
    for (const [w, [lower, mid, seen]] of this.sums) if (isCommon(lower, mid, seen)) common.add(w);
    return common;
  }
}

const FORM_CAPITALISED = 1;
const FORM_ACRONYM = 2;

/** Whether `s` has a lower-case letter (`s !== s.toUpperCase()`, without building the upper-case copy for ASCII). */
function hasLowerCase(s: string): boolean {
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (c >= 97 && c <= 122) return true;
    if (c >= 128) return s !== s.toUpperCase();
  }
  return false;
}


/** Opening quotes and brackets, which may stand before a sentence's first word; and what ends a sentence. */
const OPENER = 1;
const END = 2;
const PUNCT = new Uint8Array(0x2020);
for (const c of '"“‘\'([') PUNCT[c.charCodeAt(0)] = OPENER;
for (const c of '.!?:') PUNCT[c.charCodeAt(0)] = END;

/** Whether a line break stands in text[from, to). */
function hasNewline(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (text.charCodeAt(k) === 10) return true;
  return false;
}
