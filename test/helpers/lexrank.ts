// The LexRank graph as the tests read it: built from sentences of string terms, and its edges as objects per
// sentence (most similar first), to compare with the map-based builds in the tests. Only tests need these views.
import { EDGE_THRESHOLD, flatSentenceGraph, MAX_NEIGHBOURS, MAX_POSTINGS, type SentenceGraph } from '../../src/extract/briefing/lexrank.ts';

/** The graph of sentences given as string terms (none repeated in a sentence): each term numbered in first-seen
 * order across all. */
export function sentenceGraph(terms: readonly string[][]): SentenceGraph {
  const numberOf = new Map<string, number>();
  const first = new Int32Array(terms.length + 1);
  terms.forEach((t, i) => { first[i + 1] = first[i]! + t.length; });
  const ids = new Int32Array(first[terms.length]!);
  terms.forEach((t, i) => t.forEach((w, k) => {
    let id = numberOf.get(w);
    if (id === undefined) numberOf.set(w, (id = numberOf.size));
    ids[first[i]! + k] = id;
  }));
  return flatSentenceGraph(first, ids, numberOf.size);
}

/** Per sentence, its neighbours and their cosine, most similar first (ties by index): the graph's flat edges as objects. */
export function neighbours(graph: SentenceGraph): Array<Array<{ node: number; cosine: number }>> {
  const { first, to, cosine } = graph;
  return Array.from({ length: first.length - 1 }, (_, i) => {
    const row: Array<{ node: number; cosine: number }> = [];
    for (let k = first[i]!; k < first[i + 1]!; k++) row.push({ node: to[k]!, cosine: cosine[k]! });
    return row;
  });
}

/** The LexRank graph as it was first built: maps of term frequencies, postings as lists, every neighbour sorted. */
export function graphByMaps(terms: readonly string[][]): Array<Array<{ node: number; cosine: number }>> {
  const df = new Map<string, number>();
  for (const t of terms) for (const w of new Set(t)) df.set(w, (df.get(w) ?? 0) + 1);
  const n = terms.length;
  const vec = terms.map((t) => {
    const tf = new Map<string, number>();
    for (const w of t) tf.set(w, (tf.get(w) ?? 0) + 1);
    const v = new Map<string, number>();
    let norm = 0;
    for (const [w, f] of tf) { const x = f * Math.log((n + 1) / df.get(w)!); if (x > 0) { v.set(w, x); norm += x * x; } }
    norm = Math.sqrt(norm) || 1;
    for (const [w, x] of v) v.set(w, x / norm);
    return v;
  });
  const postings = new Map<string, number[]>();
  vec.forEach((v, i) => { for (const w of v.keys()) if (df.get(w)! <= MAX_POSTINGS) (postings.get(w) ?? postings.set(w, []).get(w)!).push(i); });
  return vec.map((v, i) => {
    const dot = new Map<number, number>();
    for (const [w, x] of v) for (const j of postings.get(w) ?? []) if (j !== i) dot.set(j, (dot.get(j) ?? 0) + x * vec[j]!.get(w)!);
    return [...dot].filter(([, c]) => c >= EDGE_THRESHOLD).sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, MAX_NEIGHBOURS).map(([node, cosine]) => ({ node, cosine }));
  });
}
