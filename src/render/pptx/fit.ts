// Fits text into boxes: measures paragraphs with the deck's text measure (src/render/slides/geometry.ts,
// DejaVu Sans advances, 5 % spare), shrinks the font through a list of sizes, and only then splits a
// list over continuation slides. The writer sets the same line spacing and insets it assumes here.
import { lineCount } from '../slides/geometry.ts';
import type { Box } from './theme.ts';

/** A stretch of a paragraph in one style. */
export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
  /** Hex colour; default the ink colour. */
  colour?: string;
}

/** One paragraph of a text box. */
export interface Para {
  runs: Run[];
  /** A bulleted item (indented by BULLET_INDENT_PT); headings and plain lines are not. */
  bullet?: boolean;
  /** A second-level item, indented twice. */
  sub?: boolean;
  /** A heading: never the last paragraph of a slide. */
  keep?: boolean;
  /** The list item it belongs to (for the speaker notes of the slide it lands on). */
  key?: number;
}

/** Line height as a multiple of the font size (the writer sets it exactly). */
export const LINE = 1.2;
/** Space after a paragraph, as a multiple of the font size. */
export const SPACE_AFTER = 0.4;
/** Inner margin of every text box, each side, in points. */
export const INSET_PT = 4;
/** Indent of a bulleted paragraph's text, in points (a second level: twice). */
export const BULLET_INDENT_PT = 16;

export const paraText = (p: Para): string => p.runs.map((r) => r.text).join('');

/** Indent of a paragraph's text in points. */
export const indentPt = (p: Para): number => (p.sub ? 2 : p.bullet ? 1 : 0) * BULLET_INDENT_PT;

/** Height of one paragraph in points, without the space after it. A paragraph with a bold run is measured all bold. */
export function paraHeightPt(p: Para, pt: number, boxWidthIn: number): number {
  const width = boxWidthIn * 72 - 2 * INSET_PT - indentPt(p);
  const lines = lineCount(paraText(p), { px: pt, line: pt * LINE, width, bold: p.runs.some((r) => r.bold) });
  return Math.max(1, lines) * pt * LINE;
}

/** Height in points a text box needs for `paras` at `pt`, insets included. */
export function boxHeightPt(paras: readonly Para[], pt: number, boxWidthIn: number): number {
  if (paras.length === 0) return 2 * INSET_PT;
  const body = paras.reduce((h, p) => h + paraHeightPt(p, pt, boxWidthIn), 0);
  return body + (paras.length - 1) * pt * SPACE_AFTER + 2 * INSET_PT;
}

/** The largest of `sizes` at which `paras` fit `box`, or null. */
export function fitSize(paras: readonly Para[], box: Box, sizes: readonly number[]): number | null {
  for (const pt of sizes) if (boxHeightPt(paras, pt, box.w) <= box.h * 72) return pt;
  return null;
}

/** What one slide of a list holds. */
export interface Page {
  pt: number;
  paras: Para[];
}

/**
 * Lay `paras` out in `box`: on one page at the largest size that fits, else at the smallest size
 * over as many pages as needed. Headings (`keep`) never end a page. A paragraph
 * too tall for a whole box is split between words, so no text is ever lost or overflows.
 */
export function paginate(paras: readonly Para[], box: Box, sizes: readonly number[]): Page[] {
  const one = fitSize(paras, box, sizes);
  if (one !== null) return [{ pt: one, paras: [...paras] }];
  const pt = sizes[sizes.length - 1]!;
  const pages: Page[] = [];
  let current: Para[] = [];
  const fits = (list: readonly Para[]) => boxHeightPt(list, pt, box.w) <= box.h * 72;
  for (const para of paras.flatMap((p) => splitTooTall(p, pt, box))) {
    if (current.length && !fits([...current, para])) {
      // Carry trailing headings over with the paragraph they introduce.
      const carried: Para[] = [];
      while (current.length > 1 && current[current.length - 1]!.keep) carried.unshift(current.pop()!);
      pages.push({ pt, paras: current });
      current = [...carried];
    }
    current.push(para);
  }
  if (current.length) pages.push({ pt, paras: current });
  return pages;
}

/** Split a paragraph that does not fit an empty box into pieces that do, between words, keeping each run's style. */
function splitTooTall(p: Para, pt: number, box: Box): Para[] {
  if (boxHeightPt([p], pt, box.w) <= box.h * 72) return [p];
  const words = p.runs.flatMap((r) => r.text.split(/(?<= )/u).map((text) => ({ ...r, text })));
  const pieces: Para[] = [];
  let runs: Run[] = [];
  for (const w of words) {
    const next = [...runs, w];
    if (runs.length && boxHeightPt([{ ...p, runs: next }], pt, box.w) > box.h * 72) {
      pieces.push({ ...p, runs });
      runs = [w];
    } else runs = next;
  }
  if (runs.length) pieces.push({ ...p, runs });
  return pieces;
}
