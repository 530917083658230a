// Near-duplicate sources merged for citation: a sentence of a source flagged `duplicate` that repeats a
// sentence of another source is taken out of the analysis (so its claim is not made twice), and every
// item resting on that other sentence cites the duplicate too ([s2, s5]). Its own sentences stay.

import type { BriefingNotes, Claim, Evidence, SourceText } from '../../notes/model.ts';
import type { DocumentAnalysis } from '../analysis.ts';
import { sentenceAt } from '../rules/sentences.ts';
import { oneLine, sortCites, sortEvidence, spanWords } from './context.ts';
import { ceilDiv } from './prefix-filter.ts';
import { numberedWords, type WordSet } from './word-set.ts';

/** A duplicate's sentence this alike (content-word Jaccard, same numbers) to another's is the same sentence:
 * 3/5, kept as a fraction too, as the index's bounds compare whole numbers so that a bound never turns a tie away. */
const SAME_SENTENCE_AS = { num: 3, den: 5 };
export const SAME_SENTENCE = SAME_SENTENCE_AS.num / SAME_SENTENCE_AS.den;

export interface DuplicateMerge {
  /** The analyses with the repeated sentences of duplicates (and everything found in them) left out. */
  analyses: DocumentAnalysis[];
  /** Sentences of duplicates, by the sentence they repeat (`s2:140`: source and start). */
  twins: Map<string, Evidence[]>;
}

/** A sentence of a source, as the duplicate search reads it (exported for the tests). */
export interface Line {
  doc: number; start: number; end: number; words: WordSet;
  /** Its numbers (sorted, distinct, space-joined) as a number: the same for lines stating the same numbers. */
  numbers: number;
  /** A hash of numbers and words: lines with the same words and numbers have the same (sameLine tells them apart). */
  hash: number;
}

const numbersOf = (text: string) => [...new Set(text.match(/\d[\d,.]*/g) ?? [])].sort().join(' ');

/** A small integer hash (a Map key without a heap number) of a line's numbers and words. */
function lineHash(numbers: number, words: WordSet): number {
  let h = Math.imul(0x811c9dc5 ^ numbers, 0x01000193);
  for (let k = 0; k < words.size; k++) h = Math.imul(h ^ words.sortedIdAt(k), 0x01000193);
  return h & 0x3fffffff;
}

/** Whether two lines have the same numbers and the same words. */
function sameLine(a: Line, b: Line): boolean {
  if (a.numbers !== b.numbers || a.words.size !== b.words.size) return false;
  for (let k = 0; k < a.words.size; k++) if (a.words.sortedIdAt(k) !== b.words.sortedIdAt(k)) return false;
  return true;
}

/** The lines of a source. Words and numbers are read from the raw span (folding whitespace changes neither);
 * the words are shared with the later stages (spanWords), and the one-line text is made only for a cited line.
 * `numbered` gives each distinct numbers string its number. */
function linesOf(docs: readonly SourceText[], a: DocumentAnalysis, doc: number, numbered: (numbers: string) => number): Line[] {
  const source = docs[doc]!.text;
  return a.sentences.map((s) => {
    const words = spanWords(docs[doc]!, s[0], s[1]);
    const numbers = numbered(numbersOf(source.slice(s[0], s[1])));
    return { doc, start: s[0], end: s[1], words, numbers, hash: lineHash(numbers, words) };
  });
}

/** The first line with the same words and numbers as each line given, among `lines`: by hash, then compared
 * (what a map keyed by the numbers and the words as one string gives, without the string). */
export function firstSameLine(lines: readonly Line[]): (line: Line) => Line | undefined {
  // Most hashes are one line's: a line alone; a list only where lines of other words or numbers share a hash.
  const byHash = new Map<number, Line | Line[]>();
  for (const o of lines) {
    const held = byHash.get(o.hash);
    if (!held) byHash.set(o.hash, o);
    else if (!Array.isArray(held)) { if (!sameLine(held, o)) byHash.set(o.hash, [held, o]); }
    else if (!held.some((x) => sameLine(x, o))) held.push(o);
  }
  return (line) => {
    const held = byHash.get(line.hash);
    if (!held) return undefined;
    if (!Array.isArray(held)) return sameLine(held, line) ? held : undefined;
    return held.find((x) => sameLine(x, line));
  };
}

/** An index list: originals (k), where the word stands in each one's order (at), and, once the list is first
 * read, their sizes with the entries sorted by size ascending (most lists are never read: only duplicates ask). */
interface Posting { k: number[]; at: number[]; size: number[] | null }

/**
 * Ranks of word numbers in one global order, rarest first (by `df`, then by word number), for the words with a
 * df; -1 for the rest: a set's words sort by rank as integers. Any one order serves prefix filtering; numbers
 * break ties without reading a word's string.
 */
function rankByRarity(df: Int32Array): Int32Array {
  const vocabulary: number[] = [];
  for (let id = 0; id < df.length; id++) if (df[id]! > 0) vocabulary.push(id);
  vocabulary.sort((a, b) => df[a]! - df[b]! || a - b);
  const rank = new Int32Array(df.length).fill(-1);
  vocabulary.forEach((id, r) => { rank[id] = r; });
  return rank;
}

/**
 * An index of the originals' sentences by their rarest words, giving a duplicate's sentence the original the
 * scan of all of them would take (the most alike at SAME_SENTENCE or more, the first of equals) without the scan:
 * - Prefix filtering: a sentence with w content words that is ≥ t alike (Jaccard) to another shares at least
 *   ceil(tw) of its words, so the two share one of each one's w − ceil(tw) + 1 rarest. Originals are filed
 *   under the words of their prefix for t = SAME_SENTENCE (0.6), the lowest threshold ever asked.
 * - The threshold rises as the search goes: once an original scores s, only originals scoring s or more can
 *   be taken (s and a smaller position, or more), so the line's prefix, the size range and the shared-word
 *   bound below are those of s. The rarest words come first, so the best answer (often a copy with one word
 *   dropped) is usually met in the first list, and the rest of the search is cut to a word or two.
 * - Lists are kept per numbers as well (a copy must state the same numbers), and sorted by size: a Jaccard
 *   of t needs the smaller set at least t of the larger, so only a range of each list is read.
 * Words are word numbers throughout (no string per word): the order is rankByRarity's, as ranks. A duplicate's
 * word no original has (df 0) comes first in that order and is in no list, so it only counts in the positions.
 * `filed(o)`: whether to file an original (one of several with the same words and numbers is enough).
 * `queries`: the lines that will be looked up. A list is only ever read for a word of a query's prefix, so an
 * original is filed only under those of its prefix words (keeping its place `at` in its own order): at 10,000
 * articles most prefix words are rare words no duplicate's sentence starts with.
 */
function sentenceIndex(originals: readonly Line[], filed: (o: Line) => boolean, queries: readonly Line[]): (line: Line) => Line | null {
  const df = new Int32Array(numberedWords());
  for (const o of originals) for (let k = 0; k < o.words.size; k++) df[o.words.sortedIdAt(k)]!++;
  const rank = rankByRarity(df);
  const byRank = new Int32Array(df.length);
  rank.forEach((r, id) => { if (r >= 0) byRank[r] = id; });
  const { num: num0, den: den0 } = SAME_SENTENCE_AS;
  const prefixSize = (size: number) => size - ceilDiv(num0 * size, den0) + 1;
  // One buffer for the words of the line at hand (lines are ranked one at a time): no array per line.
  let buffer = new Int32Array(64);
  /** The line's words that have a df, by rank (rarest first; in the shared buffer, valid until the next call),
   * and how many words it has without one. */
  const ranked = (set: WordSet): { words: Int32Array; unseen: number } => {
    if (set.size > buffer.length) buffer = new Int32Array(2 * set.size);
    let n = 0;
    for (let k = 0; k < set.size; k++) { const id = set.sortedIdAt(k); const r = id < rank.length ? rank[id]! : -1; if (r >= 0) buffer[n++] = r; }
    const words = buffer.subarray(0, n).sort();
    for (let k = 0; k < n; k++) words[k] = byRank[words[k]!]!;
    return { words, unseen: set.size - n };
  };
  // The words some query's prefix holds (at the lowest threshold, the longest prefix).
  const asked = new Uint8Array(df.length);
  for (const q of queries) {
    const { words, unseen } = ranked(q.words);
    for (let i = unseen, n = Math.min(q.words.size, prefixSize(q.words.size)); i < n; i++) asked[words[i - unseen]!] = 1;
  }
  // Lists by the line's numbers, then by word number.
  const postings = new Map<number, Map<number, Posting>>();
  originals.forEach((o, k) => {
    // A sentence many sources carry word for word is filed once: an earlier original with the same words and
    // numbers scores the same against any sentence and comes first, so a later one is never the one taken.
    if (!filed(o)) return;
    const { words } = ranked(o.words);
    let lists = postings.get(o.numbers);
    if (!lists) postings.set(o.numbers, (lists = new Map()));
    for (let at = 0, n = Math.min(words.length, prefixSize(o.words.size)); at < n; at++) {
      if (!asked[words[at]!]) continue;
      const list = lists.get(words[at]!);
      if (list) { list.k.push(k); list.at.push(at); } else lists.set(words[at]!, { k: [k], at: [at], size: null });
    }
  });
  // Which query last took an original: each is taken once per query, without a set.
  const seenBy = new Int32Array(originals.length).fill(-1);
  let query = 0;
  return (line) => {
    query++;
    const lists = postings.get(line.numbers);
    if (!lists) return null;
    const size = line.words.size;
    // The line's order: its `unseen` words first (in no list), then `words`; the i-th word is words[i − unseen].
    const { words, unseen } = ranked(line.words);
    // The best so far (an original's position, -1 for none) and the threshold num/den: its score once there is one.
    let best = -1;
    let num = num0;
    let den = den0;
    let length = Math.min(size, prefixSize(size));
    for (let i = unseen; i < length; i++) {
      const list = lists.get(words[i - unseen]!);
      if (!list) continue;
      const sizes = list.size ?? sortBySize(list, originals);
      // A Jaccard of num/den needs the smaller size at least num/den of the larger: the range of this list to read.
      for (let n = firstAtLeast(sizes, ceilDiv(num * size, den)); n < list.k.length; n++) {
        const other = sizes[n]!;
        if (other * num > size * den) break;
        if (other * den < size * num) continue; // the threshold rose since this list was entered
        const k = list.k[n]!;
        if (seenBy[k] === query) continue;
        seenBy[k] = query;
        // Met first here, at the i-th word of this line's order and the at-th of the other's: no word before
        // either is shared (a rarer shared word would have met it sooner), so they share at most 1 + the
        // fewer words left after. A Jaccard of num/den needs num/(num + den) of both sizes shared.
        const need = ceilDiv(num * (size + other), num + den);
        if (1 + Math.min(size - i - 1, other - list.at[n]! - 1) < need) continue;
        const inter = originals[k]!.words.sharedAtLeast(line.words, need);
        if (inter < 0) continue;
        const union = size + other - inter;
        // More alike, or as alike and earlier (the scan takes the first of equals).
        const more = inter * den > num * union;
        if (!more && best >= 0 && k > best) continue;
        if (!more && inter * den < num * union) continue;
        best = k;
        if (more) { num = inter; den = union; length = Math.min(size, prefixSize(size), size - ceilDiv(num * size, den) + 1); }
      }
    }
    return best < 0 ? null : originals[best]!;
  };
}

/** Sorts a list's entries by the size of their original (stably: by position among equal sizes); gives the sizes. */
function sortBySize(list: Posting, originals: readonly Line[]): number[] {
  const sizeOf = list.k.map((k) => originals[k]!.words.size);
  const order = list.k.map((_, n) => n).sort((a, b) => sizeOf[a]! - sizeOf[b]! || a - b);
  list.k = order.map((n) => list.k[n]!);
  list.at = order.map((n) => list.at[n]!);
  return (list.size = order.map((n) => sizeOf[n]!));
}

/** The first position in an ascending array holding `x` or more (its length when none does). */
function firstAtLeast(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (sorted[mid]! < x) lo = mid + 1; else hi = mid; }
  return lo;
}

/** Take the repeated sentences out of each duplicate's analysis and record what they repeat. */
export function mergeDuplicates(docs: readonly SourceText[], analyses: readonly DocumentAnalysis[]): DuplicateMerge {
  const isDuplicate = (d: number) => docs[d]!.flags.includes('duplicate');
  if (!docs.some((_, d) => isDuplicate(d))) return { analyses: [...analyses], twins: new Map() };
  const numberIds = new Map<string, number>();
  const numbered = (numbers: string) => {
    let id = numberIds.get(numbers);
    if (id === undefined) numberIds.set(numbers, (id = numberIds.size));
    return id;
  };
  const originals = analyses.flatMap((a, d) => (isDuplicate(d) ? [] : linesOf(docs, a, d, numbered)));
  // A copied sentence (same words, same numbers) is the commonest case in a large folder, and a sentence
  // many sources carry would put hundreds of look-alikes in its index lists: the first original with the
  // same words is the answer the scan below would give (nothing beats Jaccard 1), found in one lookup.
  const sameWords = firstSameLine(originals);
  // The duplicates' lines (after the originals': words are numbered in the order first met), each one's copy
  // among the originals (asked once; lines of fewer than three words are never matched), and the lines the index
  // will be asked about: those of three words or more with no copy.
  const duplicateLines = analyses.map((a, d) => (isDuplicate(d) ? linesOf(docs, a, d, numbered) : []));
  const copies = duplicateLines.map((lines) => lines.map((line) => (line.words.size >= 3 ? sameWords(line) : undefined)));
  const searched = duplicateLines.flatMap((lines, d) => lines.filter((line, i) => line.words.size >= 3 && !copies[d]![i]));
  const alike = sentenceIndex(originals, (o) => sameWords(o) === o, searched);
  const twins = new Map<string, Evidence[]>();
  const out = analyses.map((a, d) => {
    if (!isDuplicate(d)) return a;
    const repeated: Array<[number, number]> = [];
    for (const [i, line] of duplicateLines[d]!.entries()) {
      if (line.words.size < 3) continue;
      // "76" against "75" is a discrepancy to show, not a copy: the index only holds originals of the same numbers.
      const best = copies[d]![i] ?? alike(line);
      if (!best) continue;
      repeated.push([line.start, line.end]);
      const key = `${docs[best.doc]!.id}:${best.start}`;
      const twin = { source: docs[d]!.id, start: line.start, end: line.end, text: oneLine(docs[d]!.text.slice(line.start, line.end)) };
      const list = twins.get(key);
      if (list) list.push(twin); else twins.set(key, [twin]);
    }
    // The repeated spans are in text order and do not overlap: a binary search per item, not a scan.
    const kept = (at: number) => sentenceAt(repeated, at) < 0;
    return {
      ...a,
      sentences: a.sentences.filter(([s]) => kept(s)),
      entities: a.entities.filter((x) => kept(x.start)),
      dates: a.dates.filter((x) => kept(x.start)),
      quotes: a.quotes.filter((x) => kept(x.start)),
      figures: a.figures.filter((x) => kept(x.start)),
      alignments: a.alignments.filter((x) => kept(x.start)),
    };
  });
  return { analyses: out, twins };
}

/** An item with the duplicates' sentences added beside the sentences they repeat. */
function withTwins<T extends Pick<Claim, 'cites' | 'evidence'>>(item: T, twins: Map<string, Evidence[]>): T {
  const extra = item.evidence.flatMap((e) => twins.get(`${e.source}:${e.start}`) ?? []);
  if (extra.length === 0) return item;
  return { ...item, cites: sortCites([...item.cites, ...extra.map((e) => e.source)]), evidence: sortEvidence([...item.evidence, ...extra]) };
}

/** Every item that rests on a repeated sentence cites the duplicate too; the bottom line follows its key points. */
export function citeTwins(notes: BriefingNotes, twins: Map<string, Evidence[]>): BriefingNotes {
  if (twins.size === 0) return notes;
  const keyPoints = notes.keyPoints.map((c) => withTwins(c, twins));
  const citesOf = new Map(keyPoints.map((p) => [p.text, p.cites]));
  return {
    ...notes,
    bottomLine: notes.bottomLine.map((c) => ({ ...c, cites: sortCites([...c.cites, ...(citesOf.get(c.text) ?? [])]) })),
    keyPoints,
    actors: notes.actors.map((x) => withTwins(x, twins)),
    timeline: notes.timeline.map((x) => withTwins(x, twins)),
    quotes: notes.quotes.map((x) => withTwins(x, twins)),
    figures: notes.figures.map((x) => withTwins(x, twins)),
    discrepancies: notes.discrepancies.map((x) => withTwins(x, twins)),
  };
}
