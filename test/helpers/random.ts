// Seeded random choices for the oracle tests' generated inputs (with rng from bench/scale/corpus.ts).

/** A whole number in [0, n). */
export const int = (r: () => number, n: number): number => Math.floor(r() * n);

/** One of `xs`, chosen evenly. */
export const pick = <T>(r: () => number, xs: readonly T[]): T => xs[int(r, xs.length)]!;
