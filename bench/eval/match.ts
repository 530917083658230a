// Span arithmetic and one-to-one matching shared by the scorers: overlap, maximum bipartite matching, P/R/F1.

/** A half-open character range `[start, end)` in UTF-16 code units. */
export interface Span {
  start: number;
  end: number;
}

/** Characters two spans share (0 when they only touch or are apart). */
export function overlap(a: Span, b: Span): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

/** Characters a span shares with a gold span made of several fragments (brat discontinuous spans). */
export function overlapFragments(a: Span, fragments: readonly Span[]): number {
  let total = 0;
  for (const f of fragments) total += overlap(a, f);
  return total;
}

/** Precision, recall and F1 from counts; an empty side gives 0 (never NaN) except that nothing vs nothing is perfect. */
export interface Prf {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

export function prf(tp: number, fp: number, fn: number): Prf {
  // Nothing predicted and nothing to find is a perfect score, not 0/0: it keeps "gold vs gold = 1" true for empty docs.
  const precision = tp + fp === 0 ? (fn === 0 ? 1 : 0) : tp / (tp + fp);
  const recall = tp + fn === 0 ? (fp === 0 ? 1 : 0) : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { tp, fp, fn, precision, recall, f1 };
}

/**
 * Maximum one-to-one matching between predictions and gold items (Kuhn's augmenting paths).
 * `edges(p)` lists the gold indices prediction `p` may match, best first; a greedy pass would lose
 * matches when nested gold spans compete for one prediction, which MEANTIME's extended mentions do.
 * Returns `goldOf[p]` = matched gold index or -1.
 */
export function maximumMatching(predCount: number, goldCount: number, edges: (p: number) => number[]): number[] {
  const adjacency = Array.from({ length: predCount }, (_, p) => edges(p));
  const predOf = new Array<number>(goldCount).fill(-1);
  const goldOf = new Array<number>(predCount).fill(-1);
  const tryAugment = (p: number, seen: boolean[]): boolean => {
    for (const g of adjacency[p] ?? []) {
      if (seen[g]) continue;
      seen[g] = true;
      const holder = predOf[g] ?? -1;
      if (holder === -1 || tryAugment(holder, seen)) {
        predOf[g] = p;
        goldOf[p] = g;
        return true;
      }
    }
    return false;
  };
  for (let p = 0; p < predCount; p++) tryAugment(p, new Array<boolean>(goldCount).fill(false));
  return goldOf;
}
