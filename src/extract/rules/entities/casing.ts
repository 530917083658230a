// Which capitalised words are just words: learned from how the well-formed documents of the run write
// each word away from a sentence start ("despite" is a word; "Apple", capitalised far more often than
// not, is a name even though "an apple" occurs too).

import type { Token } from '../tokens.ts';

/** Lower-cased words the documents mostly write in lower case. */
export type CommonWords = ReadonlySet<string>;

/** A document's text with its tokens (from `tokenize`). */
export interface TokenizedText {
  text: string;
  tokens: readonly Token[];
}

/**
 * Words written in lower case at least as often as capitalised mid-sentence in `teachers`. Only words
 * that some document (`asked`, the teachers included) capitalises can be asked about, so only those
 * are kept.
 */
export function learnCommonWords(teachers: readonly TokenizedText[], asked: readonly TokenizedText[] = teachers): Set<string> {
  const learner = new CommonWordsLearner();
  for (const { tokens } of asked) learner.ask(tokens);
  for (const { text, tokens } of teachers) learner.teach(text, tokens);
  return learner.commonWords();
}

/**
 * `learnCommonWords` fed one text at a time, so that no text's tokens need outlive its turn (keeping
 * every text's tokens alive at once costs more in garbage collection than tokenizing twice).
 */
export class CommonWordsLearner {
  private readonly capitalised = new Set<string>();
  private readonly lower = new Map<string, number>();
  private readonly capitalisedMid = new Map<string, number>();

  /** Note the words a text capitalises: those are the words that may be asked about. */
  ask(tokens: readonly Token[]): void {
    for (const t of tokens) if (t.capitalised) this.capitalised.add(t.lower);
  }

  /** Count how a well-formed text writes its words (all of them: which will be asked about is not known yet). */
  teach(text: string, tokens: readonly Token[]): void {
    for (let k = 0; k < tokens.length; k++) {
      const t = tokens[k]!;
      if (!t.word) continue;
      if (!t.capitalised) { this.lower.set(t.lower, (this.lower.get(t.lower) ?? 0) + 1); continue; }
      if (t.text.length > 1 && t.text === t.text.toUpperCase()) continue; // acronyms say nothing about the word
      if (opensSentence(text, tokens, k)) continue;
      this.capitalisedMid.set(t.lower, (this.capitalisedMid.get(t.lower) ?? 0) + 1);
    }
  }

  /** The common words among those asked about. */
  commonWords(): Set<string> {
    const common = new Set<string>();
    for (const [w, n] of this.lower) if (this.capitalised.has(w) && n >= (this.capitalisedMid.get(w) ?? 0)) common.add(w);
    return common;
  }
}

const OPENERS = new Set(['"', '“', '‘', "'", '(', '[']);
const ENDS = new Set(['.', '!', '?', ':']);

/** True when token k opens a sentence, a line or the text (quotes and brackets before it aside). */
function opensSentence(text: string, tokens: readonly Token[], k: number): boolean {
  let j = k - 1;
  while (j >= 0 && OPENERS.has(tokens[j]!.text)) j--;
  if (j < 0) return true;
  const prev = tokens[j]!;
  if (ENDS.has(prev.text)) return true;
  const gap = text.indexOf('\n', prev.end);
  return gap !== -1 && gap < tokens[k]!.start;
}
