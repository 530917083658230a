// The deck planner's loops as they were before they were made to scale (slides/fit.ts, paginate.ts,
// unknowns.ts), kept as oracles: the faster versions must give what these give.
import type { Claim } from '../../src/notes/model.ts';
import { FILL, ZOOMS } from '../../src/render/slides/fit.ts';

/** fitZoom as it was: every zoom step tried, largest first. */
export function fitZoomEachStep(height: (zoom: number) => number, room: number, maxZoom: number): number {
  return ZOOMS.find((z) => z <= maxZoom && z >= 1 && height(z) <= room * FILL.high) ?? 1;
}

/** paginate as it was: each fill measuring every item again. */
export function paginateEachFill<T>(items: readonly T[], height: (item: T) => number, room: number, maxItems = Infinity): T[][] {
  const fill = (r: number): T[][] => {
    const pages: T[][] = [];
    let page: T[] = [];
    let used = 0;
    for (const item of items) {
      const h = height(item);
      if (page.length > 0 && (page.length >= maxItems || used + h > r)) {
        pages.push(page);
        page = [];
        used = 0;
      }
      page.push(item);
      used += h;
    }
    if (page.length > 0) pages.push(page);
    return pages;
  };
  const greedy = fill(room);
  if (greedy.length < 2) return greedy;
  let [low, high] = [0, room];
  let best = greedy;
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    const trial = fill(mid);
    if (trial.length <= greedy.length) [high, best] = [mid, trial];
    else low = mid;
  }
  return best;
}

/** The claims shown under a weak source, as they were found: every claim searched for every source. */
export function restingClaimsEachSource(claims: readonly Claim[], ids: readonly string[], shown: number): Map<string, Claim[]> {
  return new Map(ids.map((id) => [id, claims.filter((c) => c.cites.includes(id)).slice(0, shown)]));
}
