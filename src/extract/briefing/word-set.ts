// A compact, read-only set of words: what the notes stage keeps for every sentence of every source.
//
// The duplicate merge, the key points, the timeline and the discrepancies compare sentences by their content
// words, so each sentence's words are made once and kept for the whole notes stage (spanWords, context.ts). As
// a Set<string>, each sentence cost a hash table plus one string per word (the same word in ten thousand
// sources was ten thousand strings): ~600 MB of the heap at 10,000 articles. Here the words are numbers in one
// shared table, and a sentence keeps one Int32Array: its word numbers in the order first met (what iteration
// gives, as a Set would) followed by the same numbers sorted (what `has` and the overlaps search and merge).

/** Numbers for words, in the order first met. One table for the process: a word keeps its number. */
class WordTable {
  private readonly ids = new Map<string, number>();
  private readonly words: string[] = [];
  /** The word's number, given a new one if it has none. */
  idOf(word: string): number {
    let id = this.ids.get(word);
    if (id === undefined) { id = this.words.length; this.ids.set(word, id); this.words.push(word); }
    return id;
  }
  /** The word's number, or -1 for a word no set holds. */
  find(word: string): number { return this.ids.get(word) ?? -1; }
  word(id: number): string { return this.words[id]!; }
  get count(): number { return this.words.length; }
}

const TABLE = new WordTable();

/** The word's number, given a new one if it has none: numbers go up in the order words are first met. */
export const numberOf = (word: string): number => TABLE.idOf(word);

/** How many words have numbers (every number is below it). */
export const numberedWords = (): number => TABLE.count;
/** The word a set's number stands for. */
export const wordOfNumber = (id: number): string => TABLE.word(id);

/**
 * A test of words, asked of word numbers and answered once per number (the answer kept in a byte per number:
 * 1 yes, 2 no, 0 not asked yet): for tests asked of the same few thousand words millions of times.
 */
export function wordNumberTest(test: (word: string) => boolean): (id: number) => boolean {
  let answers = new Uint8Array(1 << 12);
  return (id) => {
    if (id >= answers.length) { const grown = new Uint8Array(Math.max(2 * answers.length, id + 1)); grown.set(answers); answers = grown; }
    if (!answers[id]) answers[id] = test(TABLE.word(id)) ? 1 : 2;
    return answers[id] === 1;
  };
}

/**
 * The sets' numbers are cut from shared blocks: a typed array of its own would cost a set ~200 bytes of
 * object headers, more than its words. A block lives while any set cut from it does.
 */
const BLOCK = 1 << 16;
let block = new Int32Array(BLOCK);
let used = 0;

/** Room for `n` numbers: a block and the offset in it. */
function allocate(n: number): [Int32Array, number] {
  if (used + n > block.length) { block = new Int32Array(Math.max(BLOCK, n)); used = 0; }
  used += n;
  return [block, used - n];
}

/** Where `id` is in ids[from, to) (sorted ascending), or -1. */
function indexIn(ids: Int32Array, from: number, to: number, id: number): number {
  let lo = from;
  let hi = to - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const x = ids[mid]!;
    if (x < id) lo = mid + 1;
    else if (x > id) hi = mid - 1;
    else return mid;
  }
  return -1;
}

/** Iterates a WordSet's words in the order they were first met (as a Set<string> of them would). */
class WordIterator implements IterableIterator<string> {
  constructor(private readonly ids: Int32Array, private k: number, private readonly end: number) {}
  next(): IteratorResult<string> {
    return this.k < this.end ? { value: TABLE.word(this.ids[this.k++]!), done: false } : { value: undefined, done: true };
  }
  [Symbol.iterator](): IterableIterator<string> { return this; }
}

/** Distinct word numbers in the order first met, `count` of them from the start of `numbers`: a WordSet made
 * from these is the set of their words, without a string looked up per word. */
export class FirstMetIds {
  constructor(readonly numbers: Int32Array, readonly count: number) {}
}

const lowerAscii = (c: number) => (c >= 65 && c <= 90 ? c | 32 : c);

/** The hash AsciiWordNumbers files a word by: FNV-1a over its lower-cased characters, from ASCII_HASH_START,
 * one asciiHashStep per character (a caller reading the characters anyway can hash as it goes). */
export const ASCII_HASH_START = 0x811c9dc5 | 0;
export const asciiHashStep = (h: number, c: number): number => Math.imul(h ^ lowerAscii(c), 0x01000193);

/**
 * Numbers for ASCII words read in place, lower-cased: `get(text, from, to)` is `numberOf(text.slice(from,
 * to).toLowerCase())`, with `numberOf` asked once per distinct word, so a word met before costs a hash of its
 * characters and one comparison, not a string, a lower-casing and a map lookup (the notes stage reads every word of
 * every sentence of 10,000 sources). A table of its own, in open addressing over typed arrays: words by hash,
 * then by their characters (kept lower-cased in one byte pool).
 */
export class AsciiWordNumbers {
  private slots = new Int32Array(1 << 12).fill(-1);
  private hashes = new Int32Array(1 << 11);
  private values = new Int32Array(1 << 11);
  /** Where each word's characters start in the pool (the next word's start is where they end). */
  private starts = new Int32Array((1 << 11) + 1);
  private pool = new Uint8Array(1 << 14);
  private count = 0;
  constructor(private readonly numberOf: (word: string) => number) {}

  get(text: string, from: number, to: number): number {
    let h = ASCII_HASH_START;
    for (let k = from; k < to; k++) h = asciiHashStep(h, text.charCodeAt(k));
    return this.getHashed(text, from, to, h);
  }

  /** get(text, from, to) for a caller that has the word's hash already (ASCII_HASH_START and asciiHashStep). */
  getHashed(text: string, from: number, to: number, h: number): number {
    const mask = this.slots.length - 1;
    let s = h & mask;
    for (let e = this.slots[s]!; e >= 0; s = (s + 1) & mask, e = this.slots[s]!) {
      if (this.hashes[e] === h && this.holds(e, text, from, to)) return this.values[e]!;
    }
    const value = this.numberOf(text.slice(from, to).toLowerCase());
    this.add(s, h, value, text, from, to);
    return value;
  }

  /** Whether entry e's word is text[from, to), lower-cased. */
  private holds(e: number, text: string, from: number, to: number): boolean {
    const at = this.starts[e]!;
    if (this.starts[e + 1]! - at !== to - from) return false;
    for (let k = 0; k < to - from; k++) if (this.pool[at + k] !== lowerAscii(text.charCodeAt(from + k))) return false;
    return true;
  }

  /** Files a new word in slot s. */
  private add(s: number, h: number, value: number, text: string, from: number, to: number): void {
    const e = this.count++;
    if (e + 1 >= this.hashes.length) {
      this.hashes = grown(this.hashes);
      this.values = grown(this.values);
      this.starts = grown(this.starts);
    }
    const at = this.starts[e]!;
    while (at + to - from > this.pool.length) { const wider = new Uint8Array(2 * this.pool.length); wider.set(this.pool); this.pool = wider; }
    for (let k = from; k < to; k++) this.pool[at + k - from] = lowerAscii(text.charCodeAt(k));
    this.starts[e + 1] = at + to - from;
    this.hashes[e] = h;
    this.values[e] = value;
    this.slots[s] = e;
    if (2 * this.count > this.slots.length) this.rehash();
  }

  /** Twice the slots, every word filed again: the table stays at most half full, so probes stay short. */
  private rehash(): void {
    this.slots = new Int32Array(2 * this.slots.length).fill(-1);
    const mask = this.slots.length - 1;
    for (let e = 0; e < this.count; e++) {
      let s = this.hashes[e]! & mask;
      while (this.slots[s]! >= 0) s = (s + 1) & mask;
      this.slots[s] = e;
    }
  }
}

/** The array, twice as long. */
function grown(a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const b = new Int32Array(2 * a.length);
  b.set(a);
  return b;
}

export class WordSet implements ReadonlySet<string> {
  /** From `at`, the word numbers in the order met, then the same numbers sorted (in a shared block). */
  private readonly ids: Int32Array;
  private readonly at: number;
  readonly size: number;

  /** The set of `words` (repeats dropped; iteration keeps the order of first appearance). */
  constructor(words: Iterable<string> | FirstMetIds) {
    let order: ArrayLike<number>;
    let n: number;
    if (words instanceof FirstMetIds) {
      order = words.numbers;
      n = words.count;
    } else {
      const met: number[] = [];
      const seen = new Set<number>();
      for (const w of words) {
        const id = TABLE.idOf(w);
        if (!seen.has(id)) { seen.add(id); met.push(id); }
      }
      order = met;
      n = met.length;
    }
    this.size = n;
    [this.ids, this.at] = allocate(2 * n);
    for (let k = 0; k < n; k++) this.ids[this.at + k] = this.ids[this.at + n + k] = order[k]!;
    this.ids.subarray(this.at + n, this.at + 2 * n).sort();
  }

  /** Copies its word numbers, in the order first met, into `into` from `at`. */
  copyOrderedIds(into: Int32Array, at: number): void {
    const { ids, size } = this;
    const from = this.at;
    for (let k = 0; k < size; k++) into[at + k] = ids[from + k]!;
  }

  /** Copies its word numbers, ascending, into `into` from `at`. */
  copySortedIds(into: Int32Array, at: number): void { into.set(this.ids.subarray(this.at + this.size, this.at + 2 * this.size), at); }

  /** Its word numbers that `keep`, sorted ascending. */
  sortedIdsWhere(keep: (id: number) => boolean): number[] {
    const out: number[] = [];
    for (let k = this.at + this.size; k < this.at + 2 * this.size; k++) if (keep(this.ids[k]!)) out.push(this.ids[k]!);
    return out;
  }

  has(word: string): boolean {
    const id = TABLE.find(word);
    return id >= 0 && indexIn(this.ids, this.at + this.size, this.at + 2 * this.size, id) >= 0;
  }

  /** The words' numbers (one per word, the same in every set), ascending: a view of the shared block, to read only. */
  sortedIds(): Int32Array { return this.ids.subarray(this.at + this.size, this.at + 2 * this.size); }

  /** Its k-th word number in ascending order (0 ≤ k < size): sortedIds without a view made. */
  sortedIdAt(k: number): number { return this.ids[this.at + this.size + k]!; }

  /**
   * How many words the two sets share, or -1 as soon as fewer than `need` can be: one merge of their sorted
   * numbers, cut short when the words left in either cannot make up the rest.
   */
  sharedAtLeast(other: WordSet, need: number): number {
    const a = this.ids;
    const b = other.ids;
    let inter = 0;
    for (let i = this.at + this.size, j = other.at + other.size, ea = this.at + 2 * this.size, eb = other.at + 2 * other.size; i < ea && j < eb;) {
      if (inter + Math.min(ea - i, eb - j) < need) return -1;
      const x = a[i]!;
      const y = b[j]!;
      if (x < y) i++;
      else if (x > y) j++;
      else { inter++; i++; j++; }
    }
    return inter >= need ? inter : -1;
  }

  /** How many words the two sets share, leaving out those whose number `skip`s (see wordNumberTest: no string is
   * read): sharedCounts' count. */
  sharedCount(other: WordSet, skip?: (id: number) => boolean): number {
    const counts = this.sharedCounts(other, skip);
    return skip ? counts.kept : counts.inter;
  }

  /** How many words the two sets share (`inter`) and how many of those `skip` leaves in (`kept`: all of them
   * without `skip`): one merge of their sorted numbers. */
  sharedCounts(other: WordSet, skip?: (id: number) => boolean): { inter: number; kept: number } {
    const a = this.ids;
    const b = other.ids;
    let inter = 0;
    let kept = 0;
    for (let i = this.at + this.size, j = other.at + other.size, ea = this.at + 2 * this.size, eb = other.at + 2 * other.size; i < ea && j < eb;) {
      const x = a[i]!;
      const y = b[j]!;
      if (x < y) i++;
      else if (x > y) j++;
      else { inter++; if (!skip || !skip(x)) kept++; i++; j++; }
    }
    return { inter, kept };
  }

  forEach(callback: (value: string, key: string, set: ReadonlySet<string>) => void, thisArg?: unknown): void {
    for (let k = this.at; k < this.at + this.size; k++) { const w = TABLE.word(this.ids[k]!); callback.call(thisArg, w, w, this); }
  }
  [Symbol.iterator](): IterableIterator<string> { return new WordIterator(this.ids, this.at, this.at + this.size); }
  values(): IterableIterator<string> { return this[Symbol.iterator](); }
  keys(): IterableIterator<string> { return this[Symbol.iterator](); }
  *entries(): IterableIterator<[string, string]> { for (const w of this) yield [w, w]; }
}

/** The sets' word numbers, each set's in its order, in one flat array: set k's from `first[k]` to `first[k + 1]`
 * (what flatSentenceGraph takes). */
export function flatOrderedIds(sets: readonly WordSet[]): { first: Int32Array; ids: Int32Array } {
  const first = new Int32Array(sets.length + 1);
  sets.forEach((s, k) => { first[k + 1] = first[k]! + s.size; });
  const ids = new Int32Array(first[sets.length]!);
  sets.forEach((s, k) => s.copyOrderedIds(ids, first[k]!));
  return { first, ids };
}
