// Line views of a text (CRLF, CR or LF) with their offsets, and the small tests rules share about lines.
import type { Edit } from '../edits.ts';

/** One line of the text: `[start, end)` excludes the line break. */
export interface Line {
  /** 0-based line number. */
  index: number;
  start: number;
  end: number;
  text: string;
}

export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  const re = /\r\n|\r|\n/g;
  let start = 0;
  let index = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    lines.push({ index: index++, start, end: m.index, text: text.slice(start, m.index) });
    start = m.index + m[0].length;
  }
  lines.push({ index, start, end: text.length, text: text.slice(start) });
  return lines;
}

export const isBlank = (line: Line): boolean => line.text.trim() === '';

/** The lines that still carry text. */
export const contentLines = (text: string): Line[] => splitLines(text).filter((l) => !isBlank(l));

/** Whitespace folded and trimmed, for comparing lines. */
export const fold = (s: string): string => s.replace(/\s+/g, ' ').trim();

const WORD = /[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu;

export const wordCount = (s: string): number => (s.match(WORD) ?? []).length;

/**
 * wordCount(s), counted no further than `cap`: rules that only ask whether a line is short enough would
 * otherwise count every word of every paragraph (the most time of reading thousands of files).
 */
export function wordsUpTo(s: string, cap: number): number {
  let n = 0;
  WORD.lastIndex = 0;
  while (n < cap && WORD.exec(s) !== null) n++;
  WORD.lastIndex = 0;
  return n;
}

/**
 * The first `n` lines with text: where page chrome, datelines and bylines sit. Rules that act on
 * vocabulary that is also ordinary prose ("Home", "Search") only act here or in the tail.
 */
export const headLines = (text: string, n = 8): Line[] => contentLines(text).slice(0, n);

/** The last `n` lines with text: where cookie notices, copyright lines and share bars sit. */
export const tailLines = (text: string, n = 3): Line[] => contentLines(text).slice(-n);

/** An edit blanking a line's text (its leading and trailing spaces are left alone, they are blank already). */
export function blankLine(line: Line, note: string): Edit {
  const lead = line.text.length - line.text.trimStart().length;
  const trail = line.text.length - line.text.trimEnd().length;
  return { start: line.start + lead, end: line.end - trail, note };
}
