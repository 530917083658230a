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

/** A sentence's TF-IDF vector (unit length): its terms in first-seen order and their weights, as two
 * arrays (a Map's entries would be read through an entry array each, millions of them on a large folder). */
interface Vector { terms: string[]; weights: number[] }

/** TF-IDF vectors (unit length) of the sentences' terms. */
function vectors(terms: readonly string[][]): { vec: Vector[]; df: Map<string, number> } {
  const df = new Map<string, number>();
  for (const t of terms) for (const w of new Set(t)) df.set(w, (df.get(w) ?? 0) + 1);
  const n = terms.length;
  const vec = terms.map((t) => {
    const tf = new Map<string, number>();
    for (const w of t) tf.set(w, (tf.get(w) ?? 0) + 1);
    const v: Vector = { terms: [], weights: [] };
    let norm = 0;
    for (const [w, f] of tf) {
      const x = f * Math.log((n + 1) / df.get(w)!);
      if (x > 0) { v.terms.push(w); v.weights.push(x); norm += x * x; }
    }
    norm = Math.sqrt(norm) || 1;
    for (let k = 0; k < v.weights.length; k++) v.weights[k] = v.weights[k]! / norm;
    return v;
  });
  return { vec, df };
}

/** The similarity graph: cosines accumulated only over shared, not-too-common terms. */
export function sentenceGraph(terms: readonly string[][]): SentenceGraph {
  const { vec, df } = vectors(terms);
  // Each posting carries its sentence's weight for the term, so the inner loop reads numbers from arrays
  // instead of looking the term up in a map per pair: the same sums in the same order, several times faster.
  const postings = new Map<string, { nodes: number[]; weights: number[] }>();
  vec.forEach((v, i) => {
    v.terms.forEach((w, k) => {
      if (df.get(w)! > MAX_POSTINGS) return;
      const x = v.weights[k]!;
      const p = postings.get(w);
      if (p) { p.nodes.push(i); p.weights.push(x); } else postings.set(w, { nodes: [i], weights: [x] });
    });
  });
  // One dense accumulator reused by every sentence; `seenBy` marks which sentence last touched a slot.
  const dot = new Float64Array(vec.length);
  const seenBy = new Int32Array(vec.length).fill(-1);
  // Typed, not arrays emptied per sentence (V8 frees an emptied array's store, so each sentence regrew it).
  const touched = new Int32Array(vec.length);
  const near = new Int32Array(vec.length);
  // Most similar first, ties by index: the order edges are kept in.
  const closer = (a: number, b: number) => dot[b]! - dot[a]! || a - b;
  const neighbours = vec.map((v, i) => {
    let nTouched = 0;
    for (let t = 0; t < v.terms.length; t++) {
      const p = postings.get(v.terms[t]!);
      if (!p) continue;
      const x = v.weights[t]!;
      const { nodes, weights } = p;
      for (let k = 0; k < nodes.length; k++) {
        const j = nodes[k]!;
        if (j === i) continue;
        if (seenBy[j] !== i) { seenBy[j] = i; dot[j] = 0; touched[nTouched++] = j; }
        dot[j]! += x * weights[k]!;
      }
    }
    // Only the kept neighbours become edge objects: a sentence may clear the threshold with hundreds.
    let nNear = 0;
    for (let k = 0; k < nTouched; k++) if (dot[touched[k]!]! >= EDGE_THRESHOLD) near[nNear++] = touched[k]!;
    const kept = near.subarray(0, nNear).sort(closer);
    const edges: Array<{ node: number; cosine: number }> = [];
    for (let k = 0; k < nNear && k < MAX_NEIGHBOURS; k++) edges.push({ node: kept[k]!, cosine: dot[kept[k]!]! });
    return edges;
  });
  return { neighbours };
}

/** Stationary centrality of each sentence (sums to 1): a sentence like many central sentences is central. */
export function lexRank(graph: SentenceGraph): Float64Array {
  const n = graph.neighbours.length;
  let score = new Float64Array(n).fill(n ? 1 / n : 0);
  // Weighted (continuous) LexRank: each row of the cosine graph normalised to a transition distribution.
  const outWeight = graph.neighbours.map((row) => row.reduce((s, e) => s + e.cosine, 0));
  // The edges in flat typed arrays (row i at first[i]…first[i + 1]) with their share (cosine / row weight)
  // worked out once: the same products, summed in the same order, without reading 40 times through objects.
  const first = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) first[i + 1] = first[i]! + graph.neighbours[i]!.length;
  const to = new Int32Array(first[n]!);
  const share = new Float64Array(first[n]!);
  graph.neighbours.forEach((row, i) => row.forEach((e, k) => { to[first[i]! + k] = e.node; share[first[i]! + k] = e.cosine / outWeight[i]!; }));
  for (let it = 0; it < ITERATIONS; it++) {
    const next = new Float64Array(n).fill(DAMPING / n);
    let dangling = 0;
    for (let i = 0; i < n; i++) {
      if (outWeight[i]! === 0) { dangling += score[i]!; continue; }
      for (let k = first[i]!; k < first[i + 1]!; k++) next[to[k]!]! += (1 - DAMPING) * score[i]! * share[k]!;
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
