// Word sets and dates as numbers, for the two prefix-filtered searches over every dated event of a folder:
// timeline merging (timeline.ts) and event-date clashes (discrepancies.ts). Both need each event's words as
// sorted numbers (to count shared words by a merge), its first words in one global order (prefix filtering),
// and whether two ISO dates can name the same day. At 10,000 sources they are ~70,000 events: made from the
// WordSets' own numbers and from date numbers, these cost no string per word and no string comparison per pair.

import { isDateWord } from './context.ts';
import { numberedWords, wordOfNumber, WordSet } from './word-set.ts';

/** ⌈a / b⌉ for whole numbers a ≥ 0, b > 0, without a float's rounding in the way (the exact bounds of the
 * prefix-filtered searches: duplicates.ts, discrepancies.ts). */
export const ceilDiv = (a: number, b: number): number => Math.floor((a + b - 1) / b);

/**
 * Each event's words, numbered for merging, and their order for prefix filtering. All sets' numbers sit in
 * one flat array (a typed array per set of ~70,000 would cost more in headers than its words, and the
 * collector's time).
 */
export class NumberedWords {
  /** The sets' words, set after set, each set's ascending: 2 · its WordSet number, plus 1 for a date word (so a
   * merge of two sets tells the date words by their odd numbers; the order is the WordSets' own). */
  readonly ids: Int32Array;
  /** Where each set's words start in `ids` (and, at the end, where the last one's end). */
  readonly start: Int32Array;
  /** Each word's place in the global order (by WordSet number), for the words of the sets. */
  private readonly rank: Int32Array;
  /** How many places the order has (every place is below it). */
  readonly places: number;

  /**
   * The global order is the one prefix filtering asks of any order, a total one, chosen to keep lists short:
   * date words last (thousands of events of one day share them), then the rarest first, then by number. Any
   * total order finds the same pairs; this one meets them with the fewest list entries.
   */
  constructor(sets: ReadonlyArray<ReadonlySet<string>>) {
    const wordSets = sets.map((s) => (s instanceof WordSet ? s : new WordSet(s)));
    this.start = new Int32Array(sets.length + 1);
    wordSets.forEach((s, k) => { this.start[k + 1] = this.start[k]! + s.size; });
    this.ids = new Int32Array(this.start[sets.length]!);
    wordSets.forEach((s, k) => s.copySortedIds(this.ids, this.start[k]!));
    const total = numberedWords();
    const df = new Int32Array(total);
    const dateWord = new Uint8Array(total);
    const vocabulary: number[] = [];
    for (const w of this.ids) {
      if (df[w] === 0) { vocabulary.push(w); dateWord[w] = isDateWord(wordOfNumber(w)) ? 1 : 0; }
      df[w] = df[w]! + 1;
    }
    const order = Int32Array.from(vocabulary).sort((a, b) => dateWord[a]! - dateWord[b]! || df[a]! - df[b]! || a - b);
    this.rank = new Int32Array(total);
    this.places = order.length;
    order.forEach((w, k) => { this.rank[w] = k; });
    for (let p = 0; p < this.ids.length; p++) this.ids[p] = 2 * this.ids[p]! + dateWord[this.ids[p]!]!;
  }

  /** How many words set k has. */
  size(k: number): number { return this.start[k + 1]! - this.start[k]!; }

  /**
   * Each set's first words in the global order, as their places in it (ascending), as many as `length(k, size)`
   * says (at least 0): flat, set after set, each from `start[k]`.
   */
  prefixes(length: (k: number, size: number) => number): { words: Int32Array; start: Int32Array } {
    const n = this.start.length - 1;
    const start = new Int32Array(n + 1);
    for (let k = 0; k < n; k++) start[k + 1] = start[k]! + Math.min(this.size(k), Math.max(0, length(k, this.size(k))));
    const words = new Int32Array(start[n]!);
    let longest = 0;
    for (let k = 0; k < n; k++) longest = Math.max(longest, this.size(k));
    const ranks = new Int32Array(longest);
    for (let k = 0; k < n; k++) {
      // The set's places in the order, sorted by insertion (a sentence has tens of words), then its head kept.
      const size = this.size(k);
      for (let p = 0; p < size; p++) {
        const r = this.rank[this.ids[this.start[k]! + p]! >> 1]!;
        let q = p;
        while (q > 0 && ranks[q - 1]! > r) { ranks[q] = ranks[q - 1]!; q--; }
        ranks[q] = r;
      }
      words.set(ranks.subarray(0, start[k + 1]! - start[k]!), start[k]!);
    }
    return { words, start };
  }

  /** Of sets a and b, how many words both have (`inter`) and how many of those are not date words (`shared`): one merge. */
  shared(a: number, b: number): { inter: number; shared: number } {
    const ids = this.ids;
    let inter = 0;
    let shared = 0;
    for (let p = this.start[a]!, q = this.start[b]!, pEnd = this.start[a + 1]!, qEnd = this.start[b + 1]!; p < pEnd && q < qEnd;) {
      const x = ids[p]!;
      const y = ids[q]!;
      if (x < y) p++;
      else if (x > y) q++;
      else { inter++; if ((x & 1) === 0) shared++; p++; q++; }
    }
    return { inter, shared };
  }
}

/**
 * ISO dates ("2019", "2019-04", "2019-04-15") as numbers, with what `compatible` (timeline.ts) asks of two
 * strings, equal or one the coarser form of the other, answered from numbers: a date's number and those of its
 * coarser forms, by level (year 0, month 1, day 2).
 */
export class DateNumbers {
  private readonly numbers = new Map<string, number>();
  /** By date number: its level, and the numbers of its forms at each level up to its own (3 a date). */
  private readonly levels: number[] = [];
  private readonly forms: number[] = [];

  /** The date's number (the same for the same date); its coarser forms are numbered too. */
  of(date: string): number {
    const known = this.numbers.get(date);
    if (known !== undefined) return known;
    const level = date.length > 7 ? 2 : date.length > 4 ? 1 : 0;
    // The coarser forms first, so the arrays grow by pushes (no holes: they stay packed).
    const coarser = [4, 7].slice(0, level).map((n) => this.of(date.slice(0, n)));
    const n = this.numbers.size;
    this.numbers.set(date, n);
    this.levels.push(level);
    this.forms.push(...coarser, n, ...[-1, -1].slice(level));
    return n;
  }

  /** The number of the date's form at `level` (-1 when it is coarser than that). */
  formAt(n: number, level: number): number { return this.forms[3 * n + level]!; }
  level(n: number): number { return this.levels[n]!; }

  /** Whether two numbered dates can name the same day: the coarser one is the finer one's form at its level. */
  compatible(a: number, b: number): boolean {
    const level = Math.min(this.levels[a]!, this.levels[b]!);
    return this.forms[3 * a + level] === this.forms[3 * b + level];
  }
}
