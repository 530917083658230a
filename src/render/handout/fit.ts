// The fit search: the fewest cuts and the largest type that fit one page, found with few Typst
// layouts. A layout of the page costs tens of milliseconds, so each one reports how full the page
// measured (`fill`, 1 = exactly the page), and the next size or cut is guessed from that rather
// than bisected blindly. A layout's page count alone decides what fits, so the answer is the one an
// exhaustive search would give wherever fitting is monotone (less content or smaller type never
// fits worse), and the same notes always take the same path to the same page.

/** One layout of the page: which cut (`step`, see plan.ts), at which size, and how it came out. */
export interface Probe {
  step: number;
  size: number;
  /** Laid out on one page. */
  fits: boolean;
  /** Measured content height over the page's text height; NaN when unknown. */
  fill: number;
}

/** Lays out a cut at a size (memoised by the caller: asking twice costs nothing). */
export type ProbeAt<P extends Probe> = (step: number, size: number) => P;

/** Type sizes are tried on this grid, in points. */
export const SIZE_GRID = 0.25;

/**
 * How page height grows with type size, `fill ∝ size^e`: lines get taller (e = 1) and hold fewer
 * words (up to e = 2); used until two layouts of the same content give the real exponent.
 */
const SIZE_EXPONENT = { guess: 1.8, min: 1, max: 2.5 } as const;
/** Aim a little under a full page, so the first guess is more often one that fits. */
const AIM = 0.99;

/**
 * After this many guesses in a row that fall on the same side, and not near a full page, bisect:
 * the estimate is off. (Near a full page, steps of one item are what is wanted.)
 */
const SAME_SIDE_LIMIT = 2;
const NEAR_FULL = 0.05;

const usable = (p: Probe) => Number.isFinite(p.fill) && p.fill > 0;

function nextRun(run: { fits: boolean; length: number }, p: Probe): { fits: boolean; length: number } {
  const near = usable(p) && Math.abs(p.fill - AIM) <= NEAR_FULL;
  return { fits: p.fits, length: near ? 0 : run.fits === p.fits ? run.length + 1 : 1 };
}

/**
 * The largest size on the grid in [lo, hi] at which cut `step` fits, or null when `lo` does not.
 * `known` layouts (of any cut) seed the estimate; those of this cut in range count as results.
 */
export function largestSize<P extends Probe>(probe: ProbeAt<P>, step: number, lo: number, hi: number, known: readonly P[] = []): P | null {
  const n = Math.round((hi - lo) / SIZE_GRID);
  const sizeAt = (i: number) => lo + i * SIZE_GRID;
  const seen = new Map<number, P>();
  for (const p of known) {
    const i = Math.round((p.size - lo) / SIZE_GRID);
    if (p.step === step && i >= 0 && i <= n && Math.abs(sizeAt(i) - p.size) < 1e-9) seen.set(i, p);
  }
  let run = { fits: false, length: 0 };
  for (;;) {
    // The bracket: the smallest size known not to fit, and the largest known to fit below it.
    const noFit = Math.min(n + 1, ...[...seen].filter(([, p]) => !p.fits).map(([i]) => i));
    const fit = Math.max(-1, ...[...seen].filter(([i, p]) => p.fits && i < noFit).map(([i]) => i));
    if (noFit === 0) return null;
    if (fit === n || (fit >= 0 && noFit - fit === 1)) return seen.get(fit)!;
    const [low, high] = [fit + 1, noFit - 1];
    let guess = (low + high) >> 1;
    if (run.length < SAME_SIDE_LIMIT) {
      const estimate = sizeForFill([...seen.values(), ...known.filter((p) => p.step === step)], known);
      if (estimate !== null) guess = Math.floor((estimate - lo) / SIZE_GRID + 1e-9);
    }
    guess = Math.min(high, Math.max(low, guess));
    const p = probe(step, sizeAt(guess));
    seen.set(guess, p);
    run = nextRun(run, p);
  }
}

/** The size at which the content of `same` (layouts of one cut) would just fill the page; `others` stand in when there are none. */
function sizeForFill(same: readonly Probe[], others: readonly Probe[]): number | null {
  const points = same.filter(usable);
  const ref = closestToFull(points.length ? points : others.filter(usable));
  if (!ref) return null;
  let exponent: number = SIZE_EXPONENT.guess;
  const other = closestToFull(points.filter((p) => p.size !== ref.size));
  if (other) {
    const e = Math.log(ref.fill / other.fill) / Math.log(ref.size / other.size);
    if (Number.isFinite(e)) exponent = Math.min(SIZE_EXPONENT.max, Math.max(SIZE_EXPONENT.min, e));
  }
  return ref.size * (AIM / ref.fill) ** (1 / exponent);
}

function closestToFull<P extends Probe>(points: readonly P[]): P | undefined {
  return [...points].sort((a, b) => Math.abs(Math.log(a.fill)) - Math.abs(Math.log(b.fill)) || a.step - b.step || a.size - b.size)[0];
}

/**
 * The first cut in (after, last] that fits at `size`, or null when `last` does not. Cuts up to
 * `after` are taken not to fit. `weights[k]` is how much cut k shows (plan.ts: decreasing with k),
 * the scale on which the page's fill is interpolated; `known` layouts seed it (those at another
 * size scaled to this one).
 */
export function fewestCuts<P extends Probe>(probe: ProbeAt<P>, size: number, after: number, last: number, weights: readonly number[], known: readonly P[] = []): P | null {
  if (after >= last) return null;
  const seen = new Map<number, P>();
  for (const p of known) if (p.size === size && p.step > after && p.step <= last) seen.set(p.step, p);
  // The least content first: its layout is the cheapest, says at once whether any cut fits, and
  // gives the interpolation a point at this size. A known cut that fits says as much (less content
  // fits too), so then it is not laid out.
  if (![...seen.values()].some((p) => p.fits)) {
    const least = probe(last, size);
    if (!least.fits) return null;
    seen.set(last, least);
  }
  let run = { fits: false, length: 0 };
  for (;;) {
    // The bracket: the first cut known to fit, and the last known not to fit before it.
    const fit = Math.min(last + 1, ...[...seen].filter(([, p]) => p.fits).map(([k]) => k));
    const noFit = Math.max(after, ...[...seen].filter(([k, p]) => !p.fits && k < fit).map(([k]) => k));
    if (fit - noFit === 1) return seen.get(fit)!;
    const [low, high] = [noFit + 1, Math.min(fit - 1, last)];
    let guess = (low + high) >> 1;
    if (run.length < SAME_SIDE_LIMIT) {
      const target = weightForFill(size, [...seen.values()], known, weights);
      if (target !== null) {
        guess = high;
        for (let k = low; k <= high; k++) {
          if (weights[k]! <= target) {
            guess = k;
            break;
          }
        }
      }
    }
    guess = Math.min(high, Math.max(low, guess));
    const p = probe(guess, size);
    seen.set(guess, p);
    run = nextRun(run, p);
  }
}

/**
 * The content weight that would just fill the page at `size`: a Newton step from the layout nearest
 * a full page, along the slope of the line through the nearest layouts on either side of full
 * (those at this size first; a missing side borrows a layout at another size, scaled by size²: fill
 * shrinks at most that fast); with one layout in all, fill is taken as proportional to weight.
 * Page fill moves in jumps as items change column, so a local secant misleads; the wide one does not.
 */
function weightForFill(size: number, same: readonly Probe[], others: readonly Probe[], weights: readonly number[]): number | null {
  type Point = { w: number; f: number };
  const here: Point[] = same.filter(usable).map((p) => ({ w: weights[p.step]!, f: p.fill }));
  const scaled: Point[] = others.filter((p) => usable(p) && p.size !== size).map((p) => ({ w: weights[p.step]!, f: p.fill * (size / p.size) ** 2 }));
  const nearest = (points: readonly Point[], side: 'below' | 'above') =>
    points.filter((p) => (side === 'below' ? p.f <= AIM : p.f > AIM)).sort((a, b) => (side === 'below' ? b.f - a.f : a.f - b.f) || a.w - b.w)[0];
  const below = nearest(here, 'below') ?? nearest(scaled, 'below');
  const above = nearest(here, 'above') ?? nearest(scaled, 'above');
  const ref = [...here].sort((a, b) => Math.abs(a.f - AIM) - Math.abs(b.f - AIM) || a.w - b.w)[0] ?? below ?? above;
  if (!ref) return null;
  let slope = ref.f / ref.w;
  if (below && above && above.w !== below.w && (above.f - below.f) / (above.w - below.w) > 0) slope = (above.f - below.f) / (above.w - below.w);
  return ref.w + (AIM - ref.f) / slope;
}
