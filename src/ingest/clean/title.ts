// The headline: the first line with text, when it is short, starts like a title and has no closing full
// stop. It becomes the title and is blanked (with a copy printed right under it), so its words are not
// read a second time as a sentence of the body. A title already known (frontmatter) is matched instead.
import type { Edit } from '../edits.ts';
import type { CleanRule } from './types.ts';
import { blankLine, contentLines, fold, wordsUpTo, type Line } from './lines.ts';

const MAX_WORDS = 25;
const MAX_CHARS = 200;

export function looksLikeHeadline(line: string): boolean {
  const s = line.trim();
  const words = wordsUpTo(s, MAX_WORDS + 1);
  if (words < 2 || words > MAX_WORDS || s.length > MAX_CHARS) return false;
  if (!/^[\p{Lu}\p{N}"“‘'«]/u.test(s)) return false;
  // A closing full stop, comma, colon or semicolon marks a sentence or a label, not a headline.
  return !/[.,;:]["”’»)]?$/.test(s) || /\.\.\.$|…$/.test(s);
}

/** Whether `next`, the very next line, goes on with `line`'s sentence in lower case: a paragraph hard-wrapped
 * ("… weapons inspection" / "team resumed work …"), not a headline over its story. */
const runsOn = (line: Line, next: Line) => next.index === line.index + 1 && /^\s*\p{Ll}/u.test(next.text);

const same = (a: string, b: string) => fold(a).toLowerCase() === fold(b).toLowerCase();

export const title: CleanRule = ({ text, meta }) => {
  const lines = contentLines(text);
  const first = lines[0];
  const second = lines[1];
  if (!first || !second) return {};
  const edits: Edit[] = [];
  if (meta.title !== null) {
    if (same(first.text, meta.title)) edits.push(blankLine(first, 'headline (same as the title) blanked'));
    return { edits };
  }
  if (!looksLikeHeadline(first.text) || runsOn(first, second)) return {};
  edits.push(blankLine(first, 'headline read as the title'));
  if (same(second.text, first.text) && lines[2]) edits.push(blankLine(second, 'repeated headline blanked'));
  return { edits, meta: { title: fold(first.text) } };
};
