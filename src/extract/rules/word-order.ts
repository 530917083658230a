// One global order of words for prefix filtering (set-similarity joins): two sets that must share α words
// share one among the first |A| − α + 1 of each, when both are ranked in the same order, rarest first.

/**
 * Words in one global order (for prefix filtering): the words `last` marks after the others, then the rarest
 * (by `df`) first, then by the word itself. `firstOf(words, n)` gives a set's first n (≥ 0) words in that order;
 * every word of `df` is ranked once, so a set's words sort as numbers. A word `df` lacks (df 0) sorts by the
 * same order through the comparator.
 */
export function wordOrder(df: ReadonlyMap<string, number>, last: (w: string) => boolean = () => false): (words: ReadonlySet<string>, n: number) => string[] {
  const compare = (a: string, b: string) => (last(a) ? 1 : 0) - (last(b) ? 1 : 0) || (df.get(a) ?? 0) - (df.get(b) ?? 0) || (a < b ? -1 : a > b ? 1 : 0);
  const vocabulary = [...df.keys()].sort(compare);
  const rank = new Map(vocabulary.map((w, k) => [w, k]));
  return (words, n) => {
    const ranks: number[] = [];
    for (const w of words) {
      const r = rank.get(w);
      if (r === undefined) return [...words].sort(compare).slice(0, Math.max(0, n));
      ranks.push(r);
    }
    const sorted = Int32Array.from(ranks).sort();
    const out: string[] = [];
    for (let k = 0; k < sorted.length && k < n; k++) out.push(vocabulary[sorted[k]!]!);
    return out;
  };
}
