// How much of a section one slide shows, and how large: the most items (in priority order) whose
// estimated height fits, then the largest zoom at which they still fit, so every slide is filled
// to most of its content box instead of leaving half of it empty or spilling onto "(2/3)" slides.

/**
 * Share of the content box a slide's estimate may fill. Estimates take the widest font in the
 * stack (DejaVu), so with the narrower first choice (Source Sans) a slide measures 10-30% less;
 * 0.9 keeps a slide whose estimate is exact (one-line items) inside the deck's 60-90% aim.
 */
export const FILL = { high: 0.9 } as const;

/**
 * Zoom steps tried, largest first; 1 is the designed size. Below 1 only when one item alone does
 * not fit. Steps of 0.05, so the chosen zoom lands within a few percent of the fill aimed at
 * (steps of 0.2 left a slide up to a third short of it); above 2 only for a slide with very
 * little on it (one disagreement), whose section allows it.
 */
export const ZOOMS: readonly number[] = Array.from({ length: 39 }, (_, k) => Math.round((2.6 - k * 0.05) * 100) / 100);

/**
 * The smallest zoom a main slide is planned at to take one more item. Widths are estimated for the
 * widest font, so in the theme's first font an item often takes a line less than estimated: at
 * zoom 1 a slide of one-line events was planned with five, 57% filled. Planned a little smaller,
 * it takes eight; the layout then zooms the block to the fonts shown (slides/theme/setup/fill.ts),
 * and in the widest font it stays as planned: body text 15 px on the 980 px canvas, 29 px at 1080p.
 */
export const TIGHT = 0.85;

/** Estimated height in px of the first `count` items at `zoom` (margins and anything above the list included). */
export type BlockHeight = (count: number, zoom: number) => number;

export interface Fit {
  count: number;
  zoom: number;
  height: number;
}

/**
 * The most items, at most `maxItems`, that fit `room` at zoom `TIGHT` (at least one: if even one
 * does not fit there, the largest smaller zoom at which it fits, else the smallest), then the
 * largest zoom up to `maxZoom` (and at least `TIGHT`) at which those items still fit.
 */
export function fitBlock(total: number, height: BlockHeight, room: number, maxItems: number, maxZoom: number): Fit {
  const limit = room * FILL.high;
  const most = Math.min(total, maxItems);
  let count = 0;
  while (count < most && height(count + 1, TIGHT) <= limit) count++;
  if (count === 0) {
    count = Math.min(1, total);
    const small = ZOOMS.filter((z) => z < TIGHT);
    const zoom = small.find((z) => height(count, z) <= limit) ?? small[small.length - 1] ?? 1;
    return { count, zoom, height: height(count, zoom) };
  }
  const zoom = ZOOMS.find((z) => z <= maxZoom && z >= TIGHT && height(count, z) <= limit) ?? TIGHT;
  return { count, zoom, height: height(count, zoom) };
}

/**
 * The largest zoom up to `maxZoom` (and at least 1) at which a fixed block fits: the first of the
 * steps, largest first, that fits. A block set larger is never shorter (a box narrower in CSS px
 * never takes fewer lines: geometry.ts lineCount), so the steps fit from some step on and are
 * bisected: measuring every step of thousands of appendix pages was a third of a large deck's plan.
 */
export function fitZoom(height: (zoom: number) => number, room: number, maxZoom: number): number {
  const steps = ZOOMS.filter((z) => z <= maxZoom && z >= 1);
  const fits = (i: number): boolean => height(steps[i] as number) <= room * FILL.high;
  let [low, high] = [0, steps.length];
  while (low < high) {
    const mid = (low + high) >> 1;
    if (fits(mid)) high = mid;
    else low = mid + 1;
  }
  return steps[low] ?? 1;
}
