// Splits a section's appendix items over as many slides as needed, by their estimated height in px
// (see geometry.ts), so no slide overflows its content box.

/**
 * Split in order into as few pages as a greedy fill gives (a page takes items while their heights
 * fit `room` and there are at most `maxItems`), then even out the pages: the smallest room that
 * still gives that many pages is used, so 8 items become 3 + 3 + 2 rather than 4 + 3 + 1. An item
 * taller than a whole page still gets a page of its own (callers clip text so none is that tall).
 */
export function paginate<T>(items: readonly T[], height: (item: T) => number, room: number, maxItems = Infinity): T[][] {
  // Each item measured once for all the fills below.
  const heights = items.map(height);
  const pagesOf = (breaks: readonly number[]): T[][] => breaks.map((start, k) => items.slice(start, breaks[k + 1] ?? items.length));
  const greedy = fill(heights, room, maxItems);
  if (greedy.length < 2) return pagesOf(greedy);
  let [low, high] = [0, room];
  let best = greedy;
  // Binary search on whole pixels: ~9 fills for a 400 px box.
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    const trial = fill(heights, mid, maxItems);
    if (trial.length <= greedy.length) [high, best] = [mid, trial];
    else low = mid;
  }
  return pagesOf(best);
}

/** Greedy fill: each page takes items while they fit. The index each page starts at. */
function fill(heights: readonly number[], room: number, maxItems: number): number[] {
  const starts: number[] = [];
  let count = 0;
  let used = 0;
  heights.forEach((h, i) => {
    if (count > 0 && (count >= maxItems || used + h > room)) {
      count = 0;
      used = 0;
    }
    if (count === 0) starts.push(i);
    count++;
    used += h;
  });
  return starts;
}

/** Items in rows of `n` (a grid), so a grid can be paged row by row. */
export function rowsOf<T>(items: readonly T[], n: number): T[][] {
  const rows: T[][] = [];
  for (let i = 0; i < items.length; i += n) rows.push(items.slice(i, i + n));
  return rows;
}
