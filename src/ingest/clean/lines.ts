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

/** The last text `contentLines` split, and its lines (see there). */
let lastText: string | null = null;
let lastLines: readonly Line[] = [];

/**
 * The lines that still carry text. The cleaning rules run one after another on one text (a rule that changes
 * nothing hands on the same string) and most begin by splitting it into lines, so the last text's lines are
 * kept: frozen, as every caller shares them.
 */
export function contentLines(text: string): readonly Line[] {
  if (text !== lastText) {
    lastLines = Object.freeze(splitLines(text).filter((l) => !isBlank(l)));
    lastText = text;
  }
  return lastLines;
}

/**
 * Whitespace folded and trimmed, for comparing lines: every run of whitespace becomes one space. Most lines
 * are in that form already (single plain spaces between words) and are only trimmed, without a new string
 * rebuilt space by space; only the runs that change are replaced (two or more whitespace characters, or one
 * that is not a plain space).
 */
export const fold = (s: string): string => (isFolded(s) ? s : s.replace(FOLDABLE, ' ')).trim();
const FOLDABLE = /\s{2,}|[^\S ]/g;
const WHITESPACE = /\s/;

/** Whether `s` has no whitespace but single plain spaces (what FOLDABLE would find nothing in). */
function isFolded(s: string): boolean {
  let space = false;
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (c > 32 && c < 127) { space = false; continue; }
    if (c === 32) { if (space) return false; space = true; continue; }
    // A control character or non-ASCII: whitespace only if \s says so (tab, no-break space, ideographic space…).
    if (WHITESPACE.test(s[k]!)) return false;
    space = false;
  }
  return true;
}

const WORD = /[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu;

export const wordCount = (s: string): number => (s.match(WORD) ?? []).length;

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
/** Answers for the non-ASCII code points met so far (a text uses few). */
const nonAscii = new Map<number, boolean>();

/** Code units of the letter or digit at `k` (1, or 2 outside the BMP), 0 when there is none. */
function wordCharWidth(s: string, k: number): number {
  if (k >= s.length) return 0;
  const c = s.charCodeAt(k);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) ? 1 : 0;
  const cp = s.codePointAt(k)!;
  let yes = nonAscii.get(cp);
  if (yes === undefined) nonAscii.set(cp, (yes = LETTER_OR_DIGIT.test(String.fromCodePoint(cp))));
  return yes ? (cp > 0xffff ? 2 : 1) : 0;
}

/** The characters that join two runs of letters into one word in wordCount: ' ’ . - */
const isJoiner = (c: number) => c === 39 || c === 0x2019 || c === 46 || c === 45;

/**
 * wordCount(s), counted no further than `cap`, by a scan that reads words as wordCount's pattern does: rules
 * that only ask whether a line is short enough counted every word of every paragraph with the pattern,
 * the most time of reading thousands of files.
 */
export function wordsUpTo(s: string, cap: number): number {
  let n = 0;
  for (let k = 0; k < s.length && n < cap;) {
    const w = wordCharWidth(s, k);
    if (w === 0) { k += s.codePointAt(k)! > 0xffff ? 2 : 1; continue; }
    n++;
    k += w;
    // The word goes on through letters and digits, and through a joiner with a letter or digit after it.
    for (let v = wordCharWidth(s, k); v > 0 || (isJoiner(s.charCodeAt(k)) && wordCharWidth(s, k + 1) > 0); v = wordCharWidth(s, k)) k += v > 0 ? v : 1;
  }
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
