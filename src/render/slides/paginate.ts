// Splits a section's items over as many slides as needed, by a size budget that keeps a 16:9 slide
// of the default theme from overflowing.
//
// Geometry behind the numbers (default theme, canvas 980×552 px): padding leaves 868×472 px; the
// heading takes ~60 px; body text is 1.1rem with list items at 1.8em line height, ≈32 px a line,
// so 13 lines fit; a line holds ≈90 characters of prose. We count 85 a line and 12 lines a slide.
// Checked by eye on exported decks of largeNotes() and hostileNotes().

/** How much one slide of a kind may hold. */
export interface Budget {
  /** Most items on one slide. */
  maxItems: number;
  /** Most characters on one slide, each item counted in whole lines (see `lineCost`). */
  maxChars: number;
  /** Longest text shown for one item; longer text is clipped and shown in full in the notes. */
  maxItemChars: number;
  /** Lines an item takes beyond its text (a quote's padding, a figure's big number). */
  extraLines: number;
}

/** Characters counted for one line of body text. */
export const LINE_CHARS = 85;

/** Budgets per slide kind; tests check rendered decks against them. */
export const BUDGETS = {
  bottomLine: { maxItems: 4, maxChars: 12 * LINE_CHARS, maxItemChars: 300, extraLines: 0 },
  keyPoints: { maxItems: 7, maxChars: 12 * LINE_CHARS, maxItemChars: 300, extraLines: 0 },
  actors: { maxItems: 6, maxChars: 12 * LINE_CHARS, maxItemChars: 240, extraLines: 0 },
  timeline: { maxItems: 12, maxChars: 12 * LINE_CHARS, maxItemChars: 240, extraLines: 0 },
  // A quote is a padded block in a smaller font.
  quotes: { maxItems: 3, maxChars: 10 * LINE_CHARS, maxItemChars: 300, extraLines: 1 },
  // Figures are cards in a 2×2 grid; the big number takes a line of its own.
  figures: { maxItems: 4, maxChars: 12 * LINE_CHARS, maxItemChars: 130, extraLines: 1 },
  discrepancies: { maxItems: 7, maxChars: 12 * LINE_CHARS, maxItemChars: 300, extraLines: 0 },
  // Source lines are set in a smaller font, so more of them fit.
  sources: { maxItems: 10, maxChars: 14 * LINE_CHARS, maxItemChars: 200, extraLines: 0 },
} as const satisfies Record<string, Budget>;

/** What an item of `chars` characters costs: whole lines, since a short item still takes a line. */
export function lineCost(chars: number, extraLines = 0): number {
  return (Math.max(1, Math.ceil(chars / LINE_CHARS)) + extraLines) * LINE_CHARS;
}

/**
 * Greedy split in order: a page takes items while both limits hold. An item bigger than a whole
 * page still gets a page of its own (callers clip items to `maxItemChars`, below a page).
 */
export function paginate<T>(items: readonly T[], size: (item: T) => number, budget: Budget): T[][] {
  const pages: T[][] = [];
  let page: T[] = [];
  let used = 0;
  for (const item of items) {
    const cost = lineCost(size(item), budget.extraLines);
    if (page.length > 0 && (page.length >= budget.maxItems || used + cost > budget.maxChars)) {
      pages.push(page);
      page = [];
      used = 0;
    }
    page.push(item);
    used += cost;
  }
  if (page.length > 0) pages.push(page);
  return pages;
}

/** `Key points` or `Key points (2/3)`. */
export function pageHeading(heading: string, index: number, count: number): string {
  return count > 1 ? `${heading} (${index + 1}/${count})` : heading;
}
