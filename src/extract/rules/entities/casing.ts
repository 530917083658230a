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
 * are counted: this runs over every word of the run.
 */
export function learnCommonWords(teachers: readonly TokenizedText[], asked: readonly TokenizedText[] = teachers): Set<string> {
  const capitalised = new Set<string>();
  for (const { tokens } of asked) for (const t of tokens) if (t.capitalised) capitalised.add(t.lower);
  const lower = new Map<string, number>();
  const capitalisedMid = new Map<string, number>();
  for (const { text, tokens } of teachers) {
    for (let k = 0; k < tokens.length; k++) {
      const t = tokens[k]!;
      if (!t.word || !capitalised.has(t.lower)) continue;
      if (!t.capitalised) { lower.set(t.lower, (lower.get(t.lower) ?? 0) + 1); continue; }
      if (t.text.length > 1 && t.text === t.text.toUpperCase()) continue; // acronyms say nothing about the word
      if (opensSentence(text, tokens, k)) continue;
      capitalisedMid.set(t.lower, (capitalisedMid.get(t.lower) ?? 0) + 1);
    }
  }
  const common = new Set<string>();
  for (const [w, n] of lower) if (n >= (capitalisedMid.get(w) ?? 0)) common.add(w);
  return common;
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
