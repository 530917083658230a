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

/** How many words have numbers (every number is below it). */
export const numberedWords = (): number => TABLE.count;
/** The word a set's number stands for. */
export const wordOfNumber = (id: number): string => TABLE.word(id);

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

export class WordSet implements ReadonlySet<string> {
  /** From `at`, the word numbers in the order met, then the same numbers sorted (in a shared block). */
  private readonly ids: Int32Array;
  private readonly at: number;
  readonly size: number;

  /** The set of `words` (repeats dropped; iteration keeps the order of first appearance). */
  constructor(words: Iterable<string>) {
    const order: number[] = [];
    const seen = new Set<number>();
    for (const w of words) {
      const id = TABLE.idOf(w);
      if (!seen.has(id)) { seen.add(id); order.push(id); }
    }
    const n = order.length;
    this.size = n;
    [this.ids, this.at] = allocate(2 * n);
    this.ids.set(order, this.at);
    this.ids.set(Int32Array.from(order).sort(), this.at + n);
  }

  /** Copies its word numbers, in the order first met, into `into` from `at`. */
  copyOrderedIds(into: Int32Array, at: number): void { for (let k = 0; k < this.size; k++) into[at + k] = this.ids[this.at + k]!; }

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

  /** How many words the two sets share: one merge of their sorted numbers. */
  sharedCount(other: WordSet, skip?: (word: string) => boolean): number {
    const a = this.ids;
    const b = other.ids;
    let inter = 0;
    for (let i = this.at + this.size, j = other.at + other.size, ea = this.at + 2 * this.size, eb = other.at + 2 * other.size; i < ea && j < eb;) {
      const x = a[i]!;
      const y = b[j]!;
      if (x < y) i++;
      else if (x > y) j++;
      else { if (!skip || !skip(TABLE.word(x))) inter++; i++; j++; }
    }
    return inter;
  }

  forEach(callback: (value: string, key: string, set: ReadonlySet<string>) => void, thisArg?: unknown): void {
    for (let k = this.at; k < this.at + this.size; k++) { const w = TABLE.word(this.ids[k]!); callback.call(thisArg, w, w, this); }
  }
  [Symbol.iterator](): IterableIterator<string> { return new WordIterator(this.ids, this.at, this.at + this.size); }
  values(): IterableIterator<string> { return this[Symbol.iterator](); }
  keys(): IterableIterator<string> { return this[Symbol.iterator](); }
  *entries(): IterableIterator<[string, string]> { for (const w of this) yield [w, w]; }
}
