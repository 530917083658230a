// LexRank (Erkan & Radev 2004): sentence centrality by power iteration over a TF-IDF cosine graph. Built
// through an inverted index with a cap per term and per node, so a folder of 10,000 articles stays
// near-linear: no all-pairs comparison of sentences.

/** Edges below this cosine are not drawn (the LexRank paper's threshold graph uses 0.1). */
export const EDGE_THRESHOLD = 0.1;
/** A term in more sentences than this is too common to find neighbours by (its idf is near zero anyway). */
export const MAX_POSTINGS = 200;
/** Each sentence keeps at most this many neighbours, the most similar. */
export const MAX_NEIGHBOURS = 24;
const DAMPING = 0.15;
const ITERATIONS = 40;
const TOLERANCE = 1e-7;

export interface SentenceGraph {
  /** Per sentence: neighbours and their cosine, most similar first (ties by index). */
  neighbours: Array<Array<{ node: number; cosine: number }>>;
}

/** TF-IDF vectors (unit length) of the sentences' terms. */
function vectors(terms: readonly string[][]): { vec: Array<Map<string, number>>; df: Map<string, number> } {
  const df = new Map<string, number>();
  for (const t of terms) for (const w of new Set(t)) df.set(w, (df.get(w) ?? 0) + 1);
  const n = terms.length;
  const vec = terms.map((t) => {
    const tf = new Map<string, number>();
    for (const w of t) tf.set(w, (tf.get(w) ?? 0) + 1);
    const v = new Map<string, number>();
    let norm = 0;
    for (const [w, f] of tf) {
      const x = f * Math.log((n + 1) / df.get(w)!);
      if (x > 0) { v.set(w, x); norm += x * x; }
    }
    norm = Math.sqrt(norm) || 1;
    for (const [w, x] of v) v.set(w, x / norm);
    return v;
  });
  return { vec, df };
}

/** The similarity graph: cosines accumulated only over shared, not-too-common terms. */
export function sentenceGraph(terms: readonly string[][]): SentenceGraph {
  const { vec, df } = vectors(terms);
  const postings = new Map<string, number[]>();
  vec.forEach((v, i) => {
    for (const w of v.keys()) if (df.get(w)! <= MAX_POSTINGS) { const p = postings.get(w); if (p) p.push(i); else postings.set(w, [i]); }
  });
  const neighbours = vec.map((v, i) => {
    const dot = new Map<number, number>();
    for (const [w, x] of v) {
      const p = postings.get(w);
      if (!p) continue;
      for (const j of p) if (j !== i) dot.set(j, (dot.get(j) ?? 0) + x * vec[j]!.get(w)!);
    }
    return [...dot].filter(([, c]) => c >= EDGE_THRESHOLD)
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, MAX_NEIGHBOURS)
      .map(([node, cosine]) => ({ node, cosine }));
  });
  return { neighbours };
}

/** Stationary centrality of each sentence (sums to 1): a sentence like many central sentences is central. */
export function lexRank(graph: SentenceGraph): Float64Array {
  const n = graph.neighbours.length;
  let score = new Float64Array(n).fill(n ? 1 / n : 0);
  // Weighted (continuous) LexRank: each row of the cosine graph normalised to a transition distribution.
  const outWeight = graph.neighbours.map((row) => row.reduce((s, e) => s + e.cosine, 0));
  for (let it = 0; it < ITERATIONS; it++) {
    const next = new Float64Array(n).fill(DAMPING / n);
    let dangling = 0;
    for (let i = 0; i < n; i++) {
      const w = outWeight[i]!;
      if (w === 0) { dangling += score[i]!; continue; }
      for (const e of graph.neighbours[i]!) next[e.node]! += (1 - DAMPING) * score[i]! * (e.cosine / w);
    }
    // A sentence like no other spreads its weight evenly, so the scores still sum to 1.
    for (let i = 0; i < n; i++) next[i]! += ((1 - DAMPING) * dangling) / n;
    let delta = 0;
    for (let i = 0; i < n; i++) delta += Math.abs(next[i]! - score[i]!);
    score = next;
    if (delta < TOLERANCE) break;
  }
  return score;
}
