// A PDF page's text items back into reading text (pure): items on one baseline make a line, a gap
// between lines wider than the usual spacing starts a paragraph, and a word hyphenated across a line
// end is joined again.

/** What the line builder needs from a pdf.js text item. */
export interface PositionedText {
  str: string;
  /** Left edge and baseline, in PDF units (y grows upward). */
  x: number;
  y: number;
  width: number;
  /** Font size (the item's height); 0 when pdf.js does not know it. */
  size: number;
}

interface Line {
  y: number;
  size: number;
  text: string;
}

/** Items whose baselines are closer than this share of the font size are on one line (sub/superscripts). */
const SAME_LINE = 0.4;
/** A horizontal gap wider than this share of the font size is a space between words. */
const WORD_GAP = 0.15;
/** A line gap this many times the page's usual gap starts a paragraph. */
const PARAGRAPH_GAP = 1.4;

function buildLines(items: PositionedText[]): Line[] {
  const sorted = items.filter((i) => i.str !== '').sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: PositionedText[][] = [];
  for (const item of sorted) {
    const row = rows[rows.length - 1];
    const size = item.size || 10;
    if (row && Math.abs(row[0]!.y - item.y) <= size * SAME_LINE) row.push(item);
    else rows.push([item]);
  }
  return rows.map((row) => {
    row.sort((a, b) => a.x - b.x);
    let text = '';
    let end = -Infinity;
    for (const item of row) {
      const gap = item.x - end;
      if (text !== '' && !/\s$/.test(text) && !/^\s/.test(item.str) && gap > (item.size || 10) * WORD_GAP) text += ' ';
      text += item.str;
      end = item.x + item.width;
    }
    return { y: row[0]!.y, size: Math.max(...row.map((i) => i.size || 10)), text: text.replace(/\s+/g, ' ').trim() };
  }).filter((l) => l.text !== '');
}

/**
 * The page's line spacing: the smallest gap between consecutive lines that is at least most of a font size
 * (smaller gaps are sub- and superscripts set on a line of their own). Paragraph gaps are wider by definition.
 */
function usualGap(lines: Line[]): number {
  let best = Infinity;
  for (let k = 1; k < lines.length; k++) {
    const g = lines[k - 1]!.y - lines[k]!.y;
    if (g >= lines[k]!.size * 0.8 && g < best) best = g;
  }
  return Number.isFinite(best) ? best : 0;
}

/** "inter-" + "national" → "international": a hyphen at a line end before a lower-case letter splits a word. */
const HYPHENATED = /(\p{L})[-\u00AD]$/u;

/** One page's text: lines joined by line breaks, paragraphs by a blank line. */
export function pageText(items: PositionedText[]): string {
  const lines = buildLines(items);
  const gap = usualGap(lines);
  let out = '';
  lines.forEach((line, k) => {
    if (k === 0) {
      out = line.text;
      return;
    }
    const prev = lines[k - 1]!;
    const spacing = prev.y - line.y;
    const newParagraph = spacing <= 0 || (gap > 0 && spacing > gap * PARAGRAPH_GAP) || (gap === 0 && spacing > prev.size * 2);
    if (!newParagraph && HYPHENATED.test(out) && /^\p{Ll}/u.test(line.text)) out = out.slice(0, -1) + line.text;
    else out += (newParagraph ? '\n\n' : '\n') + line.text;
  });
  return out;
}
