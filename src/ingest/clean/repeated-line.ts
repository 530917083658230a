// Blanks second and later copies of a line repeated verbatim (a headline, standfirst or pull quote printed
// twice), keeping the first so no words are lost.
import type { Edit } from '../edits.ts';
import type { CleanRule } from './types.ts';
import { blankLine, contentLines, fold, wordsUpTo } from './lines.ts';

// Short lines repeat legitimately ("He said no." in two places); only longer lines count as copies.
const MIN_WORDS = 4;
const MIN_CHARS = 20;
/**
 * A headline or pull quote is a sentence or so. A longer paragraph printed twice deep in a page is text
 * being quoted (a reply quoting the post above it, an excerpt list before the full entries), and is kept,
 * unless its first copy sits in the head of the page, where a standfirst repeats as the first paragraph.
 */
const MAX_COPY_WORDS = 30;
const HEAD_LINES = 8;

export const repeatedLine: CleanRule = ({ text }) => {
  const firstSeen = new Map<string, number>();
  const edits: Edit[] = [];
  contentLines(text).forEach((l, k) => {
    const f = fold(l.text);
    if (f.length < MIN_CHARS) return;
    // A line's words are counted only when it repeats: whether a line counts depends on its folded text alone,
    // so a first copy too short to count is only ever met again by copies that are skipped as well.
    const first = firstSeen.get(f);
    if (first === undefined) { firstSeen.set(f, k); return; }
    const words = wordsUpTo(f, MAX_COPY_WORDS + 1);
    if (words >= MIN_WORDS && (words <= MAX_COPY_WORDS || first < HEAD_LINES)) edits.push(blankLine(l, 'blanked repeated line'));
  });
  return { edits };
};
