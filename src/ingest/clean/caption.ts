// Blanks image captions: lines that end in a photo credit ("… Image courtesy: X", "… [Getty]",
// "… (Photo: AFP)"), and lines repeated verbatim whose words also stand inside a longer paragraph
// (a caption or pull quote copied from the body). The body keeps its own copy.
import type { Edit } from '../edits.ts';
import type { CleanRule } from './types.ts';
import { blankLine, contentLines, fold, wordCount, wordsUpTo } from './lines.ts';

/** "Image courtesy: X", "Photo: X", "Photograph: X/AFP", "Credit: X" closing the line. */
export const LABELLED_CREDIT = /(?:^|[\s.,;–—-])(?:(?:file\s+)?(?:image|photo|photograph|picture|pic|video|graphic|illustration|main image|top image)s?(?:\s+(?:courtesy|credit|credits|by|source))?(?:\s+of)?|courtesy(?:\s+of)?|credits?|source)\s*:\s*[^.!?:]{1,60}$/i;
export const COURTESY_OF = /(?:^|\s)(?:\(|\[)?(?:photo|image|picture)?\s*courtesy\s+of\s+[^.!?]{1,60}$/i;

/** A bracketed credit closing the line: "[Getty]", "(AFP/Getty Images)", "(Photo by X/Reuters)". */
export const BRACKET_AT_END = /[[(]([^[\]()]{1,60})[\])]\s*$/;
export const CREDIT_WORDS = /\b(?:getty|afp|ap|epa|reuters|anadolu|xinhua|dpa|shutterstock|alamy|istock|pa images|pa wire|ansa|sipa|bloomberg|handout|pool|photo|photos|photograph|image|images|picture|pictures|file|courtesy|credit|supplied|twitter|facebook|instagram|via)\b/i;

const MAX_CAPTION_WORDS = 80;

/**
 * What each credit pattern cannot match without: a colon (LABELLED_CREDIT), "courtesy" (COURTESY_OF), a closing
 * bracket at the end (BRACKET_AT_END). A line with none of them has no credit, whatever its length.
 */
const mayHaveCredit = (s: string): boolean => s.includes(':') || s.endsWith(')') || s.endsWith(']') || COURTESY.test(s);
const COURTESY = /courtesy/i;

function hasCredit(line: string): boolean {
  const s = line.trim();
  if (!mayHaveCredit(s)) return false;
  if (wordsUpTo(s, MAX_CAPTION_WORDS + 1) > MAX_CAPTION_WORDS) return false;
  if (LABELLED_CREDIT.test(s) || COURTESY_OF.test(s)) return true;
  const b = BRACKET_AT_END.exec(s);
  return b !== null && wordCount(b[1]!) <= 6 && CREDIT_WORDS.test(b[1]!);
}

export const caption: CleanRule = ({ text }) => {
  const lines = contentLines(text);
  const folded = lines.map((l) => fold(l.text));
  const count = new Map<string, number>();
  for (const f of folded) count.set(f, (count.get(f) ?? 0) + 1);
  const edits: Edit[] = [];
  lines.forEach((l, k) => {
    const f = folded[k]!;
    if (hasCredit(l.text)) {
      edits.push(blankLine(l, 'blanked image caption'));
      return;
    }
    const words = (count.get(f) ?? 0) >= 2 ? wordsUpTo(f, MAX_CAPTION_WORDS + 1) : 0;
    const repeated = words >= 6 && words <= MAX_CAPTION_WORDS;
    if (repeated && folded.some((g) => g.length > f.length && g.includes(f))) edits.push(blankLine(l, 'blanked repeated caption (its words are in the body)'));
  });
  return { edits };
};
