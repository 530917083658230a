// Slide geometry and text size estimates. The pixel values mirror slides/theme/styles/*.css (change
// both together); text widths are measured conservatively against DejaVu Sans, the widest font in
// the theme's stack, so an estimate errs towards more lines, never fewer.
import { slideCiteText } from './notes.ts';

/** The slide canvas (headmatter `canvasWidth: 980`, 16:9). */
export const CANVAS = { width: 980, height: 552 } as const;

/**
 * The box under a slide's heading and above its footer: frame padding 56 px a side; heading block
 * 32 + 36 + 8 + 3 + 18 = 97 px from the top; footer rule 513 px down. 8 px are kept spare.
 */
export const CONTENT = { width: 868, height: 400 } as const;

/** A run of text in one font: `px` font size, `line` line height, `width` of its box. */
export interface TextBox {
  px: number;
  line: number;
  width: number;
  /** Set in bold (names, figures). */
  bold?: boolean;
  /** Set in the monospace face: 0.602 em a character (CJK 1 em). */
  mono?: boolean;
}

// East Asian wide and fullwidth characters, and emoji, take a full em and break anywhere.
const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{1f300}-\u{1faff}\u{20000}-\u{3fffd}]/u;
const ZERO = /[\p{M}\u200b-\u200f\u2060\ufeff]/u;

/**
 * Advances of the printable ASCII characters (U+0020–U+007E) in thousandths of an em: the larger
 * of DejaVu Sans and DejaVu Serif, as Chromium measures them. Those are the widest faces the
 * theme may fall back to (Source Sans and Noto Sans run about 10 % narrower).
 */
const ASCII_EM = [
  318, 402, 460, 838, 636, 950, 890, 275, 390, 390, 500, 838, 318, 361, 318, 337, 636, 636, 636, 636, 636, 636, 636, 636, 636, 636, 337, 337, 838, 838,
  838, 536, 1000, 722, 735, 765, 802, 730, 694, 799, 872, 395, 401, 747, 664, 1024, 875, 820, 673, 820, 753, 685, 667, 843, 722, 1028, 712, 660, 695,
  390, 337, 390, 838, 500, 500, 613, 640, 560, 640, 615, 370, 640, 644, 320, 310, 606, 320, 974, 644, 612, 640, 640, 478, 521, 402, 644, 592, 856, 592,
  592, 527, 636, 337, 636, 838,
].map((w) => w / 1000);

/** Advance of one character in em (regular weight). Other scripts: a measured average, rounded up. */
export function charEm(ch: string): number {
  const code = ch.codePointAt(0) ?? 0;
  if (code >= 0x20 && code <= 0x7e) return ASCII_EM[code - 0x20] ?? 0.65;
  if (ZERO.test(ch)) return 0;
  if (WIDE.test(ch)) return 1;
  // Arabic measures 0.45 em a character on average in DejaVu, Hebrew 0.55; accented Latin 0.61.
  if (/[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]/.test(ch)) return 0.6;
  if (ch === '…' || ch === '—') return 1;
  return 0.7;
}

/** Width of a string in em; bold text is about 13 % wider. */
export function textEm(text: string, bold = false): number {
  let em = 0;
  for (const ch of text) em += charEm(ch);
  return bold ? em * 1.13 : em;
}

/** Width of a string in em in DejaVu Sans Mono. */
function monoEm(text: string): number {
  let em = 0;
  for (const ch of text) em += ZERO.test(ch) ? 0 : WIDE.test(ch) ? 1 : 0.602;
  return em;
}

/** A wide character, or a run without one. */
const WORD_PART = new RegExp(`${WIDE.source}|(?:(?!${WIDE.source})[^])+`, 'gu');

/** Words as the browser may break them: runs without spaces, each wide character on its own. */
function words(text: string): string[] {
  // Most text has no wide character: its words are its space-separated runs.
  if (!WIDE.test(text)) return text.split(' ').filter((w) => w !== '');
  return text.split(' ').flatMap((w) => w.match(WORD_PART) ?? []);
}

/**
 * The widths of a text's words in em, by face, as measured last: planning a deck measures the same
 * text at several zooms and widths (fit.ts), and measuring is most of the planning's time. Cleared
 * when large, so a long `dev` session does not grow it without end (a deck of 10,000 sources
 * measures about 35,000 texts).
 */
const measured = new Map<string, readonly number[]>();
const MEASURED_MAX = 100_000;

function wordWidths(text: string, box: TextBox): readonly number[] {
  const key = `${box.mono ? 'm' : box.bold ? 'b' : 'r'}${text}`;
  let widths = measured.get(key);
  if (widths === undefined) {
    if (measured.size >= MEASURED_MAX) measured.clear();
    widths = words(text).map((w) => (box.mono ? monoEm(w) : textEm(w, box.bold)));
    measured.set(key, widths);
  }
  return widths;
}

/**
 * Lines a text takes in `box` when wrapped at spaces (and anywhere in a word too long for a line,
 * as `overflow-wrap: anywhere` does), with `tailEm` of unbreakable text (a citation) at its end.
 * 5 % of the width is kept spare for kerning and font differences.
 */
export function lineCount(text: string, box: TextBox, tailEm = 0): number {
  const max = (box.width * 0.95) / box.px;
  let lines = 1;
  let used = 0;
  const place = (w: number, gap: number): void => {
    if (used > 0 && used + gap + w > max) {
      lines++;
      used = 0;
    } else if (used > 0) used += gap;
    if (w > max) {
      lines += Math.ceil(w / max) - 1;
      used = w - (Math.ceil(w / max) - 1) * max;
    } else used += w;
  };
  for (const w of wordWidths(text, box)) place(w, box.mono ? 0.602 : 0.32);
  if (tailEm > 0) place(tailEm, 0.32);
  return text === '' && tailEm === 0 ? 0 : lines;
}

/** Height in px of a text in `box`. */
export function textHeight(text: string, box: TextBox, tailEm = 0): number {
  return lineCount(text, box, tailEm) * box.line;
}

/** Width in em, at the body size `px`, of a citation set at 13 px. */
export function citeEm(cite: string, px: number): number {
  return cite === '' ? 0 : (textEm(cite) * 13) / px;
}

/**
 * The width in em of each citation list as a slide shows it (`slideCiteText`), by list: planning
 * measures an item at many zooms and page breaks, so each list is written and measured once.
 */
const citeWidths = new WeakMap<readonly string[], number>();

/** `citeEm(slideCiteText(cites), px)`, the list measured once (the notes' lists are not changed once read). */
export function citesEm(cites: readonly string[], px: number): number {
  if (cites.length === 0) return 0;
  let em = citeWidths.get(cites);
  if (em === undefined) {
    em = textEm(slideCiteText(cites));
    citeWidths.set(cites, em);
  }
  return (em * 13) / px;
}

/**
 * The box as laid out inside an element with CSS `zoom: z`: the content box is 1/z as wide in CSS
 * px, while `fixed` px of it (padding, a date column, a gap) stay as they are; heights measured in
 * it are multiplied by z by the caller. `fixed: Infinity` is a box of fixed width.
 */
export function atZoom(box: TextBox, zoom: number, fixed = 0): TextBox {
  if (fixed === Infinity) return box;
  return { ...box, width: (box.width + fixed) / zoom - fixed };
}
