// Blanks Markdown markup (heading marks, emphasis, link targets, images, quote and list marks, fences,
// HTML comments) so the cleaning rules and extraction see prose. Link text and emphasised words stay.
import type { Edit } from '../edits.ts';
import { splitLines } from '../clean/lines.ts';

export const LINE_MARKS: readonly RegExp[] = [
  /^ {0,3}#{1,6}(?=\s|$)/, // ATX heading mark
  /(?<=\S)[ \t]+#+[ \t]*$/, // closing heading hashes
  /^ {0,3}(?:>[ \t]?)+/, // block quote marks
  /^[ \t]*(?:[-*+]|\d{1,3}[.)])(?=[ \t]+\S)/, // list item mark
  /^ {0,3}(?:`{3,}|~{3,}).*$/, // code fence line
  /^ {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,}|=+)[ \t]*$/, // thematic break, setext underline
  /^ {0,3}\[[^\]\n]+\]:[ \t]*\S+.*$/, // link reference definition
];

/** What the closing-hashes pattern cannot match without; a line without it is not tried (the pattern, not anchored, tries every position). */
const CLOSING_HASHES = LINE_MARKS[1]!;

/** Each inline pattern with the pieces of text it cannot match without one of (`needs`): a text with none is not scanned. */
export const INLINE: ReadonlyArray<{ re: RegExp; needs: readonly string[]; spans: (m: RegExpExecArray) => Array<[number, number]> }> = [
  { re: /<!--[\s\S]*?-->/g, needs: ['<!--'], spans: (m) => [[m.index, m.index + m[0].length]] },
  { re: /!\[[^\]\n]*\]\([^)\n]*\)/g, needs: [']('], spans: (m) => [[m.index, m.index + m[0].length]] },
  { re: /\[([^\]\n]+)\](\([^)\n]*\)|\[[^\]\n]*\])/g, needs: ['['], spans: (m) => [[m.index, m.index + 1], [m.index + 1 + m[1]!.length, m.index + m[0].length]] },
  { re: /<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>\n]*)?\/?>/g, needs: ['<'], spans: (m) => [[m.index, m.index + m[0].length]] },
  { re: /(\*\*|__)(?=\S)([^\n]*?\S)\1/g, needs: ['**', '__'], spans: (m) => [[m.index, m.index + 2], [m.index + m[0].length - 2, m.index + m[0].length]] },
  { re: /(?<![\p{L}\p{N}*])\*(?=\S)([^*\n]*?\S)\*(?![\p{L}\p{N}*])/gu, needs: ['*'], spans: (m) => [[m.index, m.index + 1], [m.index + m[0].length - 1, m.index + m[0].length]] },
  { re: /(?<![\p{L}\p{N}_])_(?=\S)([^_\n]*?\S)_(?![\p{L}\p{N}_])/gu, needs: ['_'], spans: (m) => [[m.index, m.index + 1], [m.index + m[0].length - 1, m.index + m[0].length]] },
  { re: /`([^`\n]+)`/g, needs: ['`'], spans: (m) => [[m.index, m.index + 1], [m.index + m[0].length - 1, m.index + m[0].length]] },
];

/** Edits blanking the markup in `text` from `from` on (the frontmatter before it is handled elsewhere). */
export function markdownSyntaxEdits(text: string, from = 0): Edit[] {
  const edits: Edit[] = [];
  for (const line of splitLines(text)) {
    if (line.end <= from) continue;
    for (const re of LINE_MARKS) {
      if (re === CLOSING_HASHES && !line.text.includes('#')) continue;
      const m = re.exec(line.text);
      if (m && m[0].length > 0) edits.push({ start: line.start + m.index, end: line.start + m.index + m[0].length, note: 'blanked Markdown markup' });
    }
  }
  const body = text.slice(from);
  for (const { re, needs, spans } of INLINE) {
    if (!needs.some((n) => body.includes(n))) continue;
    for (const m of body.matchAll(re)) {
      for (const [a, b] of spans(m as RegExpExecArray)) if (b > a) edits.push({ start: from + a, end: from + b, note: 'blanked Markdown markup' });
    }
  }
  return edits;
}
