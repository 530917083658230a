// Candidate near-duplicate pairs without comparing every pair: a prefix-filtered inverted index over hashed
// word shingles (the "AllPairs" method), exact for "shares at least 2/3 of the smaller text's shingles".

/**
 * Both duplicate tests imply this share of the smaller text's shingles: Jaccard ≥ 0.5 means shared ≥
 * (a + b) / 3 ≥ 2a/3 for the smaller size a; containment ≥ 0.7 means shared ≥ 0.7a. So every pair that
 * either test accepts has it, and only pairs that have it need measuring.
 */
export const SHARED_OF_SMALLER = [2, 3] as const;
/** Hash collisions can merge two shingles of one text: the prefix is this much longer so none is lost. */
const SLACK = 2;
/** Buckets of the shingle-frequency table used to order shingles rarest first (4 MB). */
const FREQ_BUCKETS = 1 << 20;

/**
 * Shingles indexed beyond the prefix the argument below needs, as a share of the text's. Two texts that meet
 * in the index must then meet in that many more indexed shingles to reach the threshold, so a text sharing
 * only a paragraph or two with another is ruled out by counting, before their hashes are compared (on
 * generated corpora that reuse paragraphs, those comparisons grew with the square of the corpus).
 */
export const EXTRA_PREFIX = 0.2;

/** Bits of the hash that pick an index bucket (a 4 MB directory). */
const DIRECTORY_BITS = 20;

/** Shingles a text of `a` shingles must share with a larger one: ceil(2a/3), in integers. */
const needed = (a: number) => Math.floor((SHARED_OF_SMALLER[0] * a + SHARED_OF_SMALLER[1] - 1) / SHARED_OF_SMALLER[1]);

/** Shingles of a text of `a` that are indexed: the prefix that no qualifying pair can miss, and EXTRA_PREFIX more. */
const indexedOf = (a: number) => Math.min(a, a - needed(a) + 1 + SLACK + Math.ceil(a * EXTRA_PREFIX));

/**
 * Indexed shingles of a text of `a` that a larger text must hold for the two to share needed(a) − SLACK: all
 * but the a − indexedOf(a) shingles left out of the index can be missing from it.
 */
export const minIndexedHits = (a: number) => needed(a) - SLACK - (a - indexedOf(a));

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Whether the code point is a letter or digit (ASCII without a regex: most text is ASCII). */
function isWordChar(cp: number): boolean {
  if (cp < 128) return (cp >= 97 && cp <= 122) || (cp >= 48 && cp <= 57) || (cp >= 65 && cp <= 90);
  return WORD_CHAR.test(String.fromCodePoint(cp));
}

/**
 * A text's distinct shingle hashes, sorted: the same runs of words as duplicates.ts `shingles` (letters and
 * digits, lower-cased), each word hashed as it is read and each run of `size` word hashes mixed into one,
 * so no string is made per word or per shingle.
 */
export function shingleHashes(text: string, size: number): Uint32Array {
  const lower = text.toLowerCase();
  const words: number[] = [];
  let h = 0x811c9dc5;
  let inWord = false;
  for (let k = 0; k < lower.length; k++) {
    const cp = lower.codePointAt(k)!;
    if (isWordChar(cp)) {
      h = Math.imul(h ^ cp, 0x01000193);
      inWord = true;
    } else if (inWord) {
      words.push(h >>> 0);
      h = 0x811c9dc5;
      inWord = false;
    }
    if (cp > 0xffff) k++;
  }
  if (inWord) words.push(h >>> 0);
  const out = new Set<number>();
  for (let k = 0; k + size <= words.length; k++) {
    let x = 0x9e3779b9;
    for (let w = k; w < k + size; w++) x = Math.imul((x ^ words[w]!) >>> 0, 0x85ebca6b) ^ (x >>> 13);
    out.add((x ^ (x >>> 16)) >>> 0);
  }
  return Uint32Array.from(out).sort();
}

/**
 * Whether two sorted hash arrays share at least `need` hashes (a merge that stops as soon as `a` has too
 * few hashes left to get there). Most texts met through a shared rare shingle share little else, so the
 * answer is usually "no" a third of the way through `a`; a full count of every such pair was what grew
 * fastest on corpora where many texts reuse the same paragraphs.
 */
export function sharesAtLeast(a: Uint32Array, b: Uint32Array, need: number): boolean {
  let n = 0;
  for (let x = 0, y = 0; x < a.length && y < b.length;) {
    if (n + (a.length - x) < need) return false;
    if (a[x] === b[y]) { n++; x++; y++; } else if (a[x]! < b[y]!) x++; else y++;
  }
  return n >= need;
}

/**
 * Pairs [i, j] (i < j, sorted) of texts that may share SHARED_OF_SMALLER of the smaller's `size`-word
 * shingles. Every pair that does is returned (the prefix argument below); some that do not are too.
 *
 * Shingles are ordered by a global order, rarest first (by a hashed frequency count, then by hash). If the
 * smaller text A must share t of its a shingles with B, then B holds at least one of A's first a − t + 1
 * shingles in that order. So only each text's prefix is indexed, and each text looks up all its shingles
 * among the prefixes of texts no larger than itself. Rare shingles make short posting lists, so the work
 * grows with the number of texts that really share rare runs of words, not with the square of the corpus.
 * `known` holds hashes already made for some texts (by text, `shingleHashes(text, size)`).
 */
export function candidatePairs(texts: readonly string[], size: number, minShingles: number, known?: ReadonlyMap<string, Uint32Array>): Array<[number, number]> {
  // A text's hashes depend on its characters only: those made where it was read (a worker thread) are reused.
  const sets = texts.map((t) => known?.get(t) ?? shingleHashes(t, size));
  const freq = new Uint32Array(FREQ_BUCKETS);
  for (const s of sets) for (const h of s) freq[h & (FREQ_BUCKETS - 1)]!++;
  const rank = (h: number) => freq[h & (FREQ_BUCKETS - 1)]! * 2 ** 32 + h;
  // "Smaller" is by (size, index): a total order, so each pair is looked at from one side only.
  const smaller = (i: number, j: number) => sets[i]!.length < sets[j]!.length || (sets[i]!.length === sets[j]!.length && i < j);
  // The index: (hash, text) packed into one double (32 + 20 bits), sorted, so a hash's texts are one run.
  const entries: number[] = [];
  sets.forEach((s, i) => {
    if (s.length < minShingles - SLACK) return;
    const prefix = indexedOf(s.length);
    const ordered = new Float64Array(s.length);
    for (let k = 0; k < s.length; k++) ordered[k] = rank(s[k]!);
    ordered.sort();
    for (let k = 0; k < prefix; k++) entries.push((ordered[k]! % 2 ** 32) * 2 ** 20 + i);
  });
  if (texts.length >= 2 ** 20) throw new Error('too many texts for the duplicate index');
  const index = Float64Array.from(entries).sort();
  // A directory by the hash's top DIRECTORY_BITS bits: where each bucket's run starts in the index. A lookup
  // then searches a run of a few entries instead of the whole index (whose ~20 steps of binary search, each a
  // cache miss on a large array, were most of the time on thousands of texts).
  const directory = new Uint32Array(2 ** DIRECTORY_BITS + 1);
  for (let k = 0, b = 0; b <= 2 ** DIRECTORY_BITS; b++) {
    while (k < index.length && Math.floor(index[k]! / 2 ** (52 - DIRECTORY_BITS)) < b) k++;
    directory[b] = k;
  }
  // Per text j: how many of its shingles each smaller text holds among its indexed ones (the texts met, in `met`).
  const hits = new Uint32Array(sets.length);
  const met: number[] = [];
  const pairs: Array<[number, number]> = [];
  sets.forEach((s, j) => {
    if (s.length < minShingles - SLACK) return;
    for (const h of s) {
      const key = h * 2 ** 20;
      let lo = directory[h >>> (32 - DIRECTORY_BITS)]!;
      let hi = directory[(h >>> (32 - DIRECTORY_BITS)) + 1]!;
      while (lo < hi) { const mid = (lo + hi) >> 1; if (index[mid]! < key) lo = mid + 1; else hi = mid; }
      for (let k = lo; k < index.length && index[k]! < key + 2 ** 20; k++) {
        const i = index[k]! - key;
        if (i === j || !smaller(i, j)) continue;
        if (hits[i]! === 0) met.push(i);
        hits[i] = hits[i]! + 1;
      }
    }
    for (const i of met) {
      // Most texts met through a shared rare shingle share little else: the count, then the hashes, say so cheaply.
      if (hits[i]! >= minIndexedHits(sets[i]!.length) && sharesAtLeast(sets[i]!, s, needed(sets[i]!.length) - SLACK)) pairs.push(i < j ? [i, j] : [j, i]);
      hits[i] = 0;
    }
    met.length = 0;
  });
  return pairs.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
}
