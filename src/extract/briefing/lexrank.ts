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
  /** Sentence i's edges are first[i]…first[i + 1] of `to` (the neighbour) and `cosine`: most similar first
   * (ties by index). Flat typed arrays: a folder of 10,000 articles has millions of edges. */
  first: Int32Array;
  to: Int32Array;
  cosine: Float64Array;
}

/**
 * The sentences' TF-IDF vectors (unit length), flat: sentence i's terms at first[i]…first[i + 1], each in its
 * order within the sentence, with its weight. A sentence's terms do not repeat (they are word sets), so each
 * term's count is 1 and its weight is log((n + 1) / df), the same double for every sentence holding it: worked
 * out once per term, divided by the sentence's norm (summed over all its terms in its order). A vector keeps only
 * the terms in at most MAX_POSTINGS sentences: the graph finds no neighbour through the others, and at 10,000
 * sources three terms in four are common ones. Every large typed array made moves V8 towards a full collection of
 * the whole heap, so the kept vectors are the only copy.
 */
interface Vectors { first: Int32Array; term: Int32Array; weight: Float64Array; df: Int32Array }

function vectors(terms: FlatTerms, termCount: number): Vectors {
  const n = terms.first.length - 1;
  const { first: termsOf, ids } = terms;
  const df = new Int32Array(termCount);
  const seenIn = new Int32Array(termCount).fill(-1);
  let rare = 0;
  for (let i = 0; i < n; i++) {
    for (let k = termsOf[i]!; k < termsOf[i + 1]!; k++) {
      const id = ids[k]!;
      if (seenIn[id] === i) throw new Error(`sentence ${i} repeats term ${id}: the LexRank graph takes word sets`);
      seenIn[id] = i;
      df[id]!++;
    }
  }
  const idf = new Float64Array(termCount);
  for (let t = 0; t < termCount; t++) {
    if (!df[t]) continue;
    idf[t] = Math.log((n + 1) / df[t]!);
    if (df[t]! <= MAX_POSTINGS) rare += df[t]!;
  }
  const first = new Int32Array(n + 1);
  const term = new Int32Array(rare);
  const weight = new Float64Array(rare);
  let kept = 0;
  for (let i = 0; i < n; i++) {
    let norm = 0;
    const from = termsOf[i]!;
    const to = termsOf[i + 1]!;
    for (let k = from; k < to; k++) { const x = idf[ids[k]!]!; norm += x * x; }
    norm = Math.sqrt(norm) || 1;
    first[i] = kept;
    for (let k = from; k < to; k++) {
      const id = ids[k]!;
      if (df[id]! > MAX_POSTINGS) continue;
      term[kept] = id;
      weight[kept++] = idf[id]! / norm;
    }
  }
  first[n] = kept;
  return { first, term, weight, df };
}

/**
 * Each term's postings, flat (term t's at first[t]…first[t + 1]): the sentences holding it, in sentence order,
 * with that sentence's weight for it. Terms in more than MAX_POSTINGS sentences have none.
 */
function postings(v: Vectors, terms: number): { first: Int32Array; node: Int32Array; weight: Float64Array } {
  const n = v.first.length - 1;
  const first = new Int32Array(terms + 1);
  for (let k = 0; k < v.term.length; k++) if (v.df[v.term[k]!]! <= MAX_POSTINGS) first[v.term[k]! + 1]!++;
  for (let t = 0; t < terms; t++) first[t + 1]! += first[t]!;
  const fill = first.slice(0, terms);
  const node = new Int32Array(first[terms]!);
  const weight = new Float64Array(first[terms]!);
  for (let i = 0; i < n; i++) {
    for (let k = v.first[i]!; k < v.first[i + 1]!; k++) {
      const t = v.term[k]!;
      if (v.df[t]! > MAX_POSTINGS) continue;
      node[fill[t]!] = i;
      weight[fill[t]!++] = v.weight[k]!;
    }
  }
  return { first, node, weight };
}

/** Sentences' terms as numbers: sentence i's at first[i]…first[i + 1] of `ids`, in its order. */
interface FlatTerms { first: Int32Array; ids: Int32Array }

/**
 * The similarity graph of sentences whose terms are numbers in [0, termCount), none repeated in a sentence,
 * sentence i's at termsFirst[i]…termsFirst[i + 1] of `ids` (a term is its number: the graph is the same whatever
 * numbers the terms are given, as long as distinct terms get distinct numbers), e.g. the word numbers of WordSets,
 * in the order first met. Cosines are accumulated only over shared, not-too-common terms, for each sentence in the order of its terms
 * and, per term, of the sentences holding it (the order the map-based build summed in, so the cosines are the
 * same to the bit).
 */
export function flatSentenceGraph(termsFirst: Int32Array, ids: Int32Array, termCount: number): SentenceGraph {
  const terms: FlatTerms = { first: termsFirst, ids };
  const n = termsFirst.length - 1;
  const v = vectors(terms, termCount);
  const p = postings(v, termCount);
  // One dense accumulator reused by every sentence; `seenBy` marks which sentence last touched a slot.
  const dot = new Float64Array(n);
  const seenBy = new Int32Array(n).fill(-1);
  const touched = new Int32Array(n);
  /** The kept neighbours of the current sentence, most similar first (ties by index), at most MAX_NEIGHBOURS. */
  const best = new Int32Array(MAX_NEIGHBOURS);
  const first = new Int32Array(n + 1);
  // Room for every sentence's full list at once (the bound is reached only if all are full): one allocation,
  // not a doubling array and a trimmed copy (several times the memory made, on a large folder).
  const to = new Int32Array(n * MAX_NEIGHBOURS);
  const cosine = new Float64Array(to.length);
  // The arrays the inner loop reads, as locals (read once, not from their objects at every posting).
  const { first: termsOf, term: termOf, weight: weights } = v;
  const { first: postingsOf, node: postingNode, weight: postingWeight } = p;
  for (let i = 0; i < n; i++) {
    let nTouched = 0;
    for (let k = termsOf[i]!, last = termsOf[i + 1]!; k < last; k++) {
      const t = termOf[k]!;
      const x = weights[k]!;
      for (let q = postingsOf[t]!, end = postingsOf[t + 1]!; q < end; q++) {
        const j = postingNode[q]!;
        if (j === i) continue;
        if (seenBy[j] !== i) { seenBy[j] = i; dot[j] = 0; touched[nTouched++] = j; }
        dot[j]! += x * postingWeight[q]!;
      }
    }
    const kept = topNeighbours(dot, touched, nTouched, best);
    const at = first[i]!;
    for (let k = 0; k < kept; k++) { to[at + k] = best[k]!; cosine[at + k] = dot[best[k]!]!; }
    first[i + 1] = at + kept;
  }
  return { first, to: to.subarray(0, first[n]), cosine: cosine.subarray(0, first[n]) };
}

/**
 * The touched sentences whose cosine clears EDGE_THRESHOLD, the MAX_NEIGHBOURS most similar (ties: lower index
 * first), written to `best` in that order; returns how many. An insertion into a short sorted list: the order
 * "cosine descending, then index ascending" is total, so the list holds exactly the head of the full sort.
 */
function topNeighbours(dot: Float64Array, touched: Int32Array, nTouched: number, best: Int32Array): number {
  let kept = 0;
  const cap = best.length;
  for (let k = 0; k < nTouched; k++) {
    const j = touched[k]!;
    const c = dot[j]!;
    if (c < EDGE_THRESHOLD) continue;
    // Past the last kept one (or equal and of a higher index): not among the head once the list is full.
    if (kept === cap && !closer(c, j, dot[best[cap - 1]!]!, best[cap - 1]!)) continue;
    let at = kept < cap ? kept++ : cap - 1;
    while (at > 0 && closer(c, j, dot[best[at - 1]!]!, best[at - 1]!)) { best[at] = best[at - 1]!; at--; }
    best[at] = j;
  }
  return kept;
}

/** Whether (cosine c, sentence j) comes before (d, k): more similar first, ties by index. */
const closer = (c: number, j: number, d: number, k: number) => c > d || (c === d && j < k);

/** Stationary centrality of each sentence (sums to 1): a sentence like many central sentences is central. */
export function lexRank(graph: SentenceGraph): Float64Array {
  const { first, to, cosine } = graph;
  const n = first.length - 1;
  let score = new Float64Array(n).fill(n ? 1 / n : 0);
  // Weighted (continuous) LexRank: each row of the cosine graph normalised to a transition distribution.
  const outWeight = new Float64Array(n);
  for (let i = 0; i < n; i++) for (let k = first[i]!; k < first[i + 1]!; k++) outWeight[i]! += cosine[k]!;
  // Each edge's share (cosine / row weight) worked out once: the same products, summed in the same order.
  const share = new Float64Array(to.length);
  for (let i = 0; i < n; i++) for (let k = first[i]!; k < first[i + 1]!; k++) share[k] = cosine[k]! / outWeight[i]!;
  // Two score arrays taking turns (not a new one per iteration: on a large folder each is megabytes).
  let next = new Float64Array(n);
  for (let it = 0; it < ITERATIONS; it++) {
    next.fill(DAMPING / n);
    let dangling = 0;
    for (let i = 0; i < n; i++) {
      if (outWeight[i]! === 0) { dangling += score[i]!; continue; }
      // (1 − d) · score is the left factor of each product, as written in full per edge: the same bits.
      const out = (1 - DAMPING) * score[i]!;
      for (let k = first[i]!; k < first[i + 1]!; k++) next[to[k]!]! += out * share[k]!;
    }
    // A sentence like no other spreads its weight evenly, so the scores still sum to 1. (One pass adds that
    // share and sums the change, in the same order as two passes would.)
    const spread = ((1 - DAMPING) * dangling) / n;
    let delta = 0;
    for (let i = 0; i < n; i++) { next[i]! += spread; delta += Math.abs(next[i]! - score[i]!); }
    [score, next] = [next, score];
    if (delta < TOLERANCE) break;
  }
  return score;
}
