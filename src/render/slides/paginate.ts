// Splits a section's appendix items over as many slides as needed, by their estimated height in px
// (see geometry.ts), so no slide overflows its content box.

/**
 * Split in order into as few pages as a greedy fill gives (a page takes items while their heights
 * fit `room` and there are at most `maxItems`), then even out the pages: the smallest room that
 * still gives that many pages is used, so 8 items become 3 + 3 + 2 rather than 4 + 3 + 1. An item
 * taller than a whole page still gets a page of its own (callers clip text so none is that tall).
 */
export function paginate<T>(items: readonly T[], height: (item: T) => number, room: number, maxItems = Infinity): T[][] {
  const greedy = fill(items, height, room, maxItems);
  if (greedy.length < 2) return greedy;
  let [low, high] = [0, room];
  let best = greedy;
  // Binary search on whole pixels: ~9 fills for a 400 px box.
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    const trial = fill(items, height, mid, maxItems);
    if (trial.length <= greedy.length) [high, best] = [mid, trial];
    else low = mid;
  }
  return best;
}

/** Greedy fill: each page takes items while they fit. */
function fill<T>(items: readonly T[], height: (item: T) => number, room: number, maxItems: number): T[][] {
  const pages: T[][] = [];
  let page: T[] = [];
  let used = 0;
  for (const item of items) {
    const h = height(item);
    if (page.length > 0 && (page.length >= maxItems || used + h > room)) {
      pages.push(page);
      page = [];
      used = 0;
    }
    page.push(item);
    used += h;
  }
  if (page.length > 0) pages.push(page);
  return pages;
}

/** Items in rows of `n` (a grid), so a grid can be paged row by row. */
export function rowsOf<T>(items: readonly T[], n: number): T[][] {
  const rows: T[][] = [];
  for (let i = 0; i < items.length; i += n) rows.push(items.slice(i, i + n));
  return rows;
}
