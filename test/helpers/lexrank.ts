// The LexRank graph as the tests read it: built from sentences of string terms, and its edges as objects per
// sentence (most similar first), to compare with the map-based builds in the tests. Only tests need these views.
import { flatSentenceGraph, type SentenceGraph } from '../../src/extract/briefing/lexrank.ts';

/** The graph of sentences given as string terms: each distinct term numbered in first-seen order across all. */
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
