// Near-duplicate search at scale: each text's word shingles as sorted 64-bit hashes (made where the text is
// read, on a worker thread), and candidate pairs from a prefix-filtered inverted index over them (the
// "AllPairs" method), exact for "shares at least 2/3 of the smaller text's shingles".

/**
 * Both duplicate tests imply this share of the smaller text's shingles: Jaccard ≥ 0.5 means shared ≥
 * (a + b) / 3 ≥ 2a/3 for the smaller size a; containment ≥ 0.7 means shared ≥ 0.7a. So every pair that
 * either test accepts has it, and only pairs that have it need measuring.
 */
export const SHARED_OF_SMALLER = [2, 3] as const;

/**
 * Shingles indexed beyond the prefix the argument below needs, as a share of the text's. Two texts that meet
 * in the index must then meet in that many more indexed shingles to reach the threshold, so a text sharing
 * only a paragraph or two with another is ruled out by counting, before their hashes are compared (on
 * generated corpora that reuse paragraphs, those comparisons grew with the square of the corpus).
 */
export const EXTRA_PREFIX = 0.2;

/**
 * The sizes of the search's tables, in bits (see tableSizes): `freq`, the shingle-frequency table that orders
 * shingles rarest first; `directory`, the bits of a key that pick an index bucket; `present`, the bits of a
 * key that pick a bit of the "some text has this key indexed" filter (a quarter of its bits' count in bytes,
 * so it stays in cache where the index does not): many of a text's keys are in no other text's prefix (3.5M
 * of 11.7M lookups at 10,000 generated articles), and each lookup is a cache miss in the directory and one in
 * the index. Any sizes give the same pairs: the tables only make the search fast.
 */
export interface TableBits { freq: number; directory: number; present: number }

/** The largest tables: 4 MB each (a frequency table and a directory of 2^20 words, a filter of 2^25 bits), for millions of shingles. */
const MAX_TABLE_BITS = 20;
const MIN_TABLE_BITS = 10;
/** About one bucket a key, up to MAX_TABLE_BITS. */
const bitsFor = (keys: number) => Math.min(MAX_TABLE_BITS, Math.max(MIN_TABLE_BITS, Math.ceil(Math.log2(keys + 1))));

/**
 * Table sizes for `shingles` shingles in all and `indexed` index entries: the full 4 MB tables from a million
 * keys on (a thousand articles), smaller below. Filling and scanning the full tables (a directory of 2^20
 * buckets is walked whole) cost more than the rest of the search for a few hundred articles.
 */
export const tableSizes = (shingles: number, indexed: number): TableBits =>
  ({ freq: bitsFor(shingles), directory: bitsFor(indexed), present: bitsFor(indexed) + 5 });

/**
 * A text's distinct shingles, each a 64-bit hash held as two 32-bit words (at HI and LO of each pair), sorted
 * as 64-bit numbers. Two hashes of different shingles agree with a chance of 2^-64, so counts of equal
 * hashes are taken as counts of equal shingles: a wrong count needs two of a corpus's distinct shingles to
 * agree in 64 bits (under 3·10^-6 for 10^7 of them), in texts compared with each other. The hash is not keyed:
 * a source written to collide could move a count, which can only flag or unflag a copy.
 */
export type ShingleSet = Uint32Array;

/** Where each half of a 64-bit hash sits in a ShingleSet: the platform's order, so the set sorts natively as BigUint64Array. */
const LITTLE_ENDIAN = new Uint8Array(Uint32Array.of(1).buffer)[0] === 1;
const HI = LITTLE_ENDIAN ? 1 : 0;
const LO = 1 - HI;

/** Shingles in a set. */
export const setSize = (s: ShingleSet): number => s.length >> 1;

/** The high 32 bits of the set's k-th hash: the index's key (two hashes may share it; the low half tells them apart). */
export const keyAt = (s: ShingleSet, k: number): number => s[2 * k + HI]!;

/** Whether the set's x-th hash is below, equal to or above the other set's y-th: −1, 0, 1. */
function compareAt(a: ShingleSet, x: number, b: ShingleSet, y: number): number {
  const ah = a[2 * x + HI]!;
  const bh = b[2 * y + HI]!;
  if (ah !== bh) return ah < bh ? -1 : 1;
  const al = a[2 * x + LO]!;
  const bl = b[2 * y + LO]!;
  return al === bl ? 0 : al < bl ? -1 : 1;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Whether the code point is a letter or digit (ASCII without a regex: most text is ASCII). */
function isWordChar(cp: number): boolean {
  if (cp < 128) return (cp >= 97 && cp <= 122) || (cp >= 48 && cp <= 57) || (cp >= 65 && cp <= 90);
  return WORD_CHAR.test(String.fromCodePoint(cp));
}

/**
 * A text's words as two independent 32-bit hashes each (FNV-1a, and a multiply–xorshift hash), read the way
 * duplicates.ts `shingles` reads words (runs of letters and digits, lower-cased), with no string made per word.
 */
function wordHashes(text: string): { first: Uint32Array; second: Uint32Array } {
  const lower = text.toLowerCase();
  const first: number[] = [];
  const second: number[] = [];
  let h = 0x811c9dc5;
  let g = 0x27d4eb2f;
  let inWord = false;
  for (let k = 0; k < lower.length; k++) {
    const cp = lower.codePointAt(k)!;
    if (isWordChar(cp)) {
      h = Math.imul(h ^ cp, 0x01000193);
      g = Math.imul(g ^ cp, 0x5bd1e995);
      g ^= g >>> 15;
      inWord = true;
    } else if (inWord) {
      first.push(h >>> 0);
      second.push(g >>> 0);
      h = 0x811c9dc5;
      g = 0x27d4eb2f;
      inWord = false;
    }
    if (cp > 0xffff) k++;
  }
  if (inWord) { first.push(h >>> 0); second.push(g >>> 0); }
  return { first: Uint32Array.from(first), second: Uint32Array.from(second) };
}

/** The first half of a shingle's hash: its `size` word hashes mixed in order. */
function mixFirst(words: Uint32Array, from: number, size: number): number {
  let x = 0x9e3779b9;
  for (let w = from; w < from + size; w++) x = Math.imul((x ^ words[w]!) >>> 0, 0x85ebca6b) ^ (x >>> 13);
  return (x ^ (x >>> 16)) >>> 0;
}

/** The second half: the other word hashes mixed another way (MurmurHash3's rounds and finish). */
function mixSecond(words: Uint32Array, from: number, size: number): number {
  let x = 0x7f4a7c15;
  for (let w = from; w < from + size; w++) {
    let k = Math.imul(words[w]!, 0xcc9e2d51);
    k = Math.imul((k << 15) | (k >>> 17), 0x1b873593);
    x ^= k;
    x = (Math.imul((x << 13) | (x >>> 19), 5) + 0xe6546b64) | 0;
  }
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

/**
 * A text's shingle set: the runs of `size` words of duplicates.ts `shingles`, each hashed to 64 bits,
 * sorted and without repeats.
 */
export function shingleSet(text: string, size: number): ShingleSet {
  const { first, second } = wordHashes(text);
  const m = Math.max(0, first.length - size + 1);
  const all = new BigUint64Array(m);
  const words = new Uint32Array(all.buffer);
  for (let k = 0; k < m; k++) {
    words[2 * k + HI] = mixFirst(first, k, size);
    words[2 * k + LO] = mixSecond(second, k, size);
  }
  all.sort(); // native, on the 64-bit values
  let n = 0;
  for (let k = 0; k < m; k++) {
    if (n > 0 && compareAt(words, k, words, n - 1) === 0) continue;
    words[2 * n + HI] = words[2 * k + HI]!;
    words[2 * n + LO] = words[2 * k + LO]!;
    n++;
  }
  return n === m ? words : words.slice(0, 2 * n);
}

/**
 * The hashes two sets share when they share at least `need`, else some number below `need`: a merge that
 * stops as soon as either set has too few hashes left to get there (most texts met through a shared rare
 * shingle share little else, so it usually stops a third of the way through `a`), and that otherwise counts
 * to the end, so a pair found is not merged a second time to be measured (findDuplicates). Each step reads
 * one new hash (its high half, the low half only on a tie), not both sets' pairs again: at 10,000 generated
 * articles this merge and the count it replaced took ~3 of the duplicate search's ~7 CPU s.
 */
export function sharedIfAtLeast(a: ShingleSet, b: ShingleSet, need: number): number {
  const [na, nb] = [setSize(a), setSize(b)];
  let n = 0;
  if (na === 0 || nb === 0) return 0;
  let x = 0;
  let y = 0;
  let ah = a[HI]!;
  let bh = b[HI]!;
  for (;;) {
    if (n + Math.min(na - x, nb - y) < need) return n;
    if (ah < bh) {
      if (++x === na) break;
      ah = a[2 * x + HI]!;
    } else if (ah > bh) {
      if (++y === nb) break;
      bh = b[2 * y + HI]!;
    } else {
      const al = a[2 * x + LO]!;
      const bl = b[2 * y + LO]!;
      if (al === bl) n++;
      if (al <= bl && ++x === na) break;
      if (al >= bl && ++y === nb) break;
      ah = a[2 * x + HI]!;
      bh = b[2 * y + HI]!;
    }
  }
  return n;
}

/** Hashes the two sets share (the plain merge: sharedIfAtLeast's tests compare it with this). */
export function sharedCount(a: ShingleSet, b: ShingleSet): number {
  const [na, nb] = [setSize(a), setSize(b)];
  let n = 0;
  for (let x = 0, y = 0; x < na && y < nb;) {
    const c = compareAt(a, x, b, y);
    if (c === 0) { n++; x++; y++; } else if (c < 0) x++; else y++;
  }
  return n;
}

/** Shingles a text of `a` shingles must share with a larger one: ceil(2a/3), in integers. */
export const needed = (a: number) => Math.floor((SHARED_OF_SMALLER[0] * a + SHARED_OF_SMALLER[1] - 1) / SHARED_OF_SMALLER[1]);

/** Shingles of a text of `a` that are indexed: the prefix that no qualifying pair can miss, and EXTRA_PREFIX more. */
const indexedOf = (a: number) => Math.min(a, a - needed(a) + 1 + Math.ceil(a * EXTRA_PREFIX));

/**
 * Indexed shingles of a text of `a` that a larger text must hold for the two to share needed(a): all but the
 * a − indexedOf(a) shingles left out of the index can be missing from it.
 */
export const minIndexedHits = (a: number) => needed(a) - (a - indexedOf(a));

/** Texts by rank: ordered by (size, position), so of any two the "smaller" is the one of lower rank. */
function sizeOrder(sets: readonly ShingleSet[]): Uint32Array {
  const order = Uint32Array.from(sets.keys());
  return order.sort((x, y) => setSize(sets[x]!) - setSize(sets[y]!) || x - y);
}

/** How many hashes of all the sets fall in each bucket of their key (a key shared by many texts is common). */
function keyFrequencies(sets: readonly ShingleSet[], bits: number): Uint32Array {
  const freq = new Uint32Array(2 ** bits);
  const mask = 2 ** bits - 1;
  for (const s of sets) for (let k = 0, n = setSize(s); k < n; k++) freq[keyAt(s, k) & mask]!++;
  return freq;
}

/**
 * The index of a candidate search (see candidatePairs), in flat typed arrays so that several threads can probe
 * parts of it at once (src/ingest/parallel.ts shares them): the sets by rank, their sizes by rank, and the index.
 */
export interface PairIndex {
  /** The set at each rank: ordered by (size, position), so of any two the "smaller" is the one of lower rank. */
  order: Uint32Array;
  /** Each rank's set's size. */
  sizes: Uint32Array;
  /**
   * Each indexed text's prefix (its rarest shingles' keys) as (key, rank) pairs, sorted as 64-bit numbers so a
   * key's texts are one run in rank order (HI and LO of each pair, as in a ShingleSet).
   */
  entries: Uint32Array;
  /** By the key's top `bits.directory` bits, where each bucket's run of entries starts (a lookup walks a few entries, not the index). */
  directory: Uint32Array;
  /** A bit per low `bits.present` bits of the keys indexed. */
  present: Int32Array;
  bits: TableBits;
  /** Texts with fewer shingles are neither indexed nor looked up. */
  minShingles: number;
}

/** Makes a typed array's memory: plain, or shared so that other threads can fill or read it (src/ingest/parallel.ts). */
export type Allocate = (bytes: number) => ArrayBufferLike;
const plainMemory: Allocate = (bytes) => new ArrayBuffer(bytes);

/**
 * The index being made (see pairIndex): the sets' order and sizes by rank, the shingle-frequency table, and
 * where each rank's prefix goes in `entries`, which fillPrefixes fills (a range of ranks at a time, so that
 * threads can share it) and finishIndex sorts.
 */
export interface IndexPlan {
  order: Uint32Array;
  sizes: Uint32Array;
  /** Rank r's prefix is entries r's entries from start[r] to start[r + 1] (no entries for a text too short to index). */
  start: Uint32Array;
  /** Shingles of all the sets by the low `bits.freq` bits of their key (keyFrequencies). */
  freq: Uint32Array;
  entries: Uint32Array;
  bits: TableBits;
  minShingles: number;
  /** Shingles of all the sets (the sum of `sizes`). */
  shingles: number;
}

/** The order, table sizes, frequencies and entries' places of the index over `sets`, its memory from `allocate`. */
export function indexPlan(sets: readonly ShingleSet[], minShingles: number, tables?: TableBits, allocate: Allocate = plainMemory): IndexPlan {
  const order = new Uint32Array(allocate(4 * sets.length));
  order.set(sizeOrder(sets));
  const sizes = new Uint32Array(allocate(4 * sets.length));
  order.forEach((i, r) => { sizes[r] = setSize(sets[i]!); });
  const start = new Uint32Array(allocate(4 * (sets.length + 1)));
  let shingles = 0;
  sizes.forEach((a, r) => {
    shingles += a;
    start[r + 1] = start[r]! + (a >= minShingles ? indexedOf(a) : 0);
  });
  const total = start[sets.length]!;
  const bits = tables ?? tableSizes(shingles, total);
  const freq = new Uint32Array(allocate(4 * 2 ** bits.freq));
  freq.set(keyFrequencies(sets, bits.freq));
  return { order, sizes, start, freq, entries: new Uint32Array(allocate(8 * total)), bits, minShingles, shingles };
}

/** Writes the prefixes of the texts ranked in [from, to) into the plan's entries: their rarest shingles' keys, with their rank. */
export function fillPrefixes(plan: IndexPlan, sets: readonly ShingleSet[], from: number, to: number): void {
  const { order, start, freq, entries } = plan;
  const freqMask = 2 ** plan.bits.freq - 1;
  for (let r = from; r < to; r++) {
    const s = sets[order[r]!]!;
    const a = setSize(s);
    if (start[r + 1] === start[r]) continue; // too short to index
    // Rarest first: by the key's count, then by the key (a total order on keys, the same for every text).
    const byRank = new BigUint64Array(a);
    const ranked = new Uint32Array(byRank.buffer);
    for (let k = 0; k < a; k++) {
      ranked[2 * k + HI] = freq[keyAt(s, k) & freqMask]!;
      ranked[2 * k + LO] = keyAt(s, k);
    }
    byRank.sort();
    for (let k = 0, e = start[r]!; e < start[r + 1]!; k++, e++) {
      entries[2 * e + HI] = ranked[2 * k + LO]!;
      entries[2 * e + LO] = r;
    }
  }
}

/** The index of a plan whose prefixes are all filled: the entries sorted, with their directory and filter (memory from `allocate`). */
export function finishIndex(plan: IndexPlan, allocate: Allocate = plainMemory): PairIndex {
  const { entries, bits } = plan;
  const total = entries.length >> 1;
  new BigUint64Array(entries.buffer, entries.byteOffset, total).sort();
  const buckets = 2 ** bits.directory;
  const shift = 32 - bits.directory;
  const directory = new Uint32Array(allocate(4 * (buckets + 1)));
  for (let k = 0, b = 0; b <= buckets; b++) {
    while (k < total && entries[2 * k + HI]! >>> shift < b) k++;
    directory[b] = k;
  }
  const present = new Int32Array(allocate(4 * 2 ** (bits.present - 5)));
  const presentMask = 2 ** bits.present - 1;
  for (let k = 0; k < total; k++) present[(entries[2 * k + HI]! & presentMask) >>> 5]! |= 1 << (entries[2 * k + HI]! & 31);
  return { order: plan.order, sizes: plan.sizes, entries, directory, present, bits, minShingles: plan.minShingles };
}

/**
 * The index over `sets` for candidatePairs. `tables`: the tables' sizes, by default from the sets' sizes
 * (tableSizes); any give the same pairs.
 */
export function pairIndex(sets: readonly ShingleSet[], minShingles: number, tables?: TableBits): PairIndex {
  const plan = indexPlan(sets, minShingles, tables);
  fillPrefixes(plan, sets, 0, sets.length);
  return finishIndex(plan);
}

/** A candidate pair: the two sets' positions (the lower first) and the hashes they share. */
export type CandidatePair = [number, number, number];

/**
 * The candidate pairs whose larger set has a rank in [from, to), in no set order: each pair is found by its
 * larger set alone, so the ranks can be split between threads and their pairs put together (candidatePairs).
 */
export function pairsOfRanks(index: PairIndex, sets: readonly ShingleSet[], from: number, to: number): CandidatePair[] {
  const { order, sizes, entries, directory, present, bits, minShingles } = index;
  const total = entries.length >> 1;
  const presentMask = 2 ** bits.present - 1;
  const shift = 32 - bits.directory;
  // Per text j: how many of the lower-ranked texts' indexed shingles it holds (the texts met, by rank, in `met`).
  const hits = new Uint32Array(sets.length);
  const met: number[] = [];
  const pairs: CandidatePair[] = [];
  for (let rj = from; rj < to; rj++) {
    const j = order[rj]!;
    const s = sets[j]!;
    if (setSize(s) < minShingles) continue;
    for (let k = 0, prev = -1, n = setSize(s); k < n; k++) {
      const key = keyAt(s, k);
      if (key === prev) continue; // two hashes with one key: the key's run is counted once
      prev = key;
      if ((present[(key & presentMask) >>> 5]! & (1 << (key & 31))) === 0) continue; // no text has it indexed
      let e = directory[key >>> shift]!;
      while (e < total && entries[2 * e + HI]! < key) e++;
      // The key's run, up to the first text not ranked below this one.
      for (; e < total && entries[2 * e + HI] === key && entries[2 * e + LO]! < rj; e++) {
        const ri = entries[2 * e + LO]!;
        if (hits[ri]!++ === 0) met.push(ri);
      }
    }
    for (const ri of met) {
      // Most texts met through a shared rare shingle share little else: the count, then the hashes, say so cheaply.
      if (hits[ri]! >= minIndexedHits(sizes[ri]!)) {
        const i = order[ri]!;
        const need = needed(sizes[ri]!);
        const shared = sharedIfAtLeast(sets[i]!, s, need);
        if (shared >= need) pairs.push(i < j ? [i, j, shared] : [j, i, shared]);
      }
      hits[ri] = 0;
    }
    met.length = 0;
  }
  return pairs;
}

/** Candidate pairs in their order: by the first set, then the second. */
export const sortPairs = (pairs: CandidatePair[]): CandidatePair[] => pairs.sort((x, y) => x[0] - y[0] || x[1] - y[1]);

/**
 * Pairs [i, j, shared] (i < j, sorted) of sets that share at least SHARED_OF_SMALLER of the smaller's hashes,
 * with the hashes they share: exactly those (each pair the index proposes is then counted), found without
 * comparing every pair.
 *
 * Shingles are ordered by a global order, rarest first (by a hashed frequency count of their keys, then by
 * key). If the smaller text A must share t of its a shingles with B, then B holds at least one of A's first
 * a − t + 1 shingles in that order (only t − 1 of the shared ones fit after them). So only each text's prefix
 * is indexed, and each text looks up all its keys among the prefixes of texts ranked below it, which sit at
 * the start of each key's run: the scan stops at the first text not below it. Rare shingles make short
 * runs, so the work grows with the number of texts that really share rare runs of words. `tables`: the
 * tables' sizes (default: from the sets', tableSizes); any give the same pairs.
 */
export function candidatePairs(sets: readonly ShingleSet[], minShingles: number, tables?: TableBits): CandidatePair[] {
  return pairsOfPlan(indexPlan(sets, minShingles, tables), sets);
}

/** candidatePairs from its index's plan over `sets` (made here, or in shared memory by src/ingest/parallel.ts), in this thread. */
export function pairsOfPlan(plan: IndexPlan, sets: readonly ShingleSet[]): CandidatePair[] {
  fillPrefixes(plan, sets, 0, sets.length);
  return sortPairs(pairsOfRanks(finishIndex(plan), sets, 0, sets.length));
}
