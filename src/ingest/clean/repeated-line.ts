// Blanks second and later copies of a line repeated verbatim (a headline or pull quote printed twice),
// keeping the first so no words are lost.
import type { Edit } from '../edits.ts';
import type { CleanRule } from './types.ts';
import { blankLine, contentLines, fold, wordCount } from './lines.ts';

// Short lines repeat legitimately ("He said no." in two places); only longer lines count as copies.
const MIN_WORDS = 4;
const MIN_CHARS = 20;

export const repeatedLine: CleanRule = ({ text }) => {
  const seen = new Set<string>();
  const edits: Edit[] = [];
  for (const l of contentLines(text)) {
    const f = fold(l.text);
    if (f.length < MIN_CHARS || wordCount(f) < MIN_WORDS) continue;
    if (seen.has(f)) edits.push(blankLine(l, 'blanked repeated line'));
    else seen.add(f);
  }
  return { edits };
};
