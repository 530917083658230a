// Near-duplicate sources merged for citation: a sentence of a source flagged `duplicate` that repeats a
// sentence of another source is taken out of the analysis (so its claim is not made twice), and every
// item resting on that other sentence cites the duplicate too ([s2, s5]). Its own sentences stay.

import type { BriefingNotes, Claim, Evidence, SourceText } from '../../notes/model.ts';
import type { DocumentAnalysis } from '../analysis.ts';
import { sentenceAt } from '../rules/sentences.ts';
import { oneLine, sortCites, sortEvidence, spanWords, wordOrder } from './context.ts';
import type { WordSet } from './word-set.ts';

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

interface Line {
  doc: number; start: number; end: number; words: WordSet; numbers: string;
  /** Its numbers and words (as sorted word numbers) in one string: equal for lines with the same words and numbers. */
  key: string;
  /** The words as ascending numbers (the WordSet's own): two lines' shared words are counted by one merge of two arrays. */
  ids: Int32Array;
}

/**
 * The shared words of two lines (sorted word numbers), or -1 as soon as fewer than `need` can be: one merge,
 * cut short when the words left in either line cannot make up the rest.
 */
function sharedAtLeast(x: Int32Array, y: Int32Array, need: number): number {
  let inter = 0;
  for (let i = 0, j = 0; i < x.length && j < y.length;) {
    if (inter + Math.min(x.length - i, y.length - j) < need) return -1;
    if (x[i]! < y[j]!) i++;
    else if (x[i]! > y[j]!) j++;
    else { inter++; i++; j++; }
  }
  return inter >= need ? inter : -1;
}

const numbersOf = (text: string) => [...new Set(text.match(/\d[\d,.]*/g) ?? [])].sort().join(' ');

/** The lines of a source. Words and numbers are read from the raw span (folding whitespace changes neither);
 * the words are shared with the later stages (spanWords), and the one-line text is made only for a cited line. */
function linesOf(docs: readonly SourceText[], a: DocumentAnalysis, doc: number): Line[] {
  const source = docs[doc]!.text;
  return a.sentences.map((s) => {
    const words = spanWords(docs[doc]!, s[0], s[1]);
    const numbers = numbersOf(source.slice(s[0], s[1]));
    const ids = words.sortedIds();
    let key = `${numbers}\u0001`;
    for (let k = 0; k < ids.length; k++) key += `${ids[k]} `; // a typed array's join is slower than this
    return { doc, start: s[0], end: s[1], words, numbers, key, ids };
  });
}

/** ⌈a / b⌉ for whole numbers a ≥ 0, b > 0, without a float's rounding in the way. */
const ceilDiv = (a: number, b: number) => Math.floor((a + b - 1) / b);

/** An index list: originals (k), where the word stands in each one's order (at), and, once the list is first
 * read, their sizes with the entries sorted by size ascending (most lists are never read: only duplicates ask). */
interface Posting { k: number[]; at: number[]; size: number[] | null }

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
 */
function sentenceIndex(originals: readonly Line[]): (line: Line) => Line | null {
  const df = new Map<string, number>();
  for (const o of originals) for (const w of o.words) df.set(w, (df.get(w) ?? 0) + 1);
  // Rarest first, then by the word itself: one global order, whatever the order of the input.
  const order = wordOrder(df);
  const { num: num0, den: den0 } = SAME_SENTENCE_AS;
  const prefix = (words: ReadonlySet<string>) => order(words, words.size - ceilDiv(num0 * words.size, den0) + 1);
  const postings = new Map<string, Posting>();
  const filed = new Set<string>();
  originals.forEach((o, k) => {
    // A sentence many sources carry word for word is filed once: an earlier original with the same words and
    // numbers scores the same against any sentence and comes first, so a later one is never the one taken.
    if (filed.has(o.key)) return;
    filed.add(o.key);
    prefix(o.words).forEach((w, at) => {
      const key = `${o.numbers}\u0001${w}`;
      const list = postings.get(key);
      if (list) { list.k.push(k); list.at.push(at); } else postings.set(key, { k: [k], at: [at], size: null });
    });
  });
  // Which query last took an original: each is taken once per query, without a set.
  const seenBy = new Int32Array(originals.length).fill(-1);
  let query = 0;
  return (line) => {
    query++;
    const size = line.words.size;
    const words = prefix(line.words);
    // The best so far (an original's position, -1 for none) and the threshold num/den: its score once there is one.
    let best = -1;
    let num = num0;
    let den = den0;
    let length = words.length;
    for (let i = 0; i < length; i++) {
      const list = postings.get(`${line.numbers}\u0001${words[i]}`);
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
        const inter = sharedAtLeast(originals[k]!.ids, line.ids, need);
        if (inter < 0) continue;
        const union = size + other - inter;
        // More alike, or as alike and earlier (the scan takes the first of equals).
        const more = inter * den > num * union;
        if (!more && best >= 0 && k > best) continue;
        if (!more && inter * den < num * union) continue;
        best = k;
        if (more) { num = inter; den = union; length = Math.min(words.length, size - ceilDiv(num * size, den) + 1); }
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
  const originals = analyses.flatMap((a, d) => (isDuplicate(d) ? [] : linesOf(docs, a, d)));
  const alike = sentenceIndex(originals);
  // A copied sentence (same words, same numbers) is the commonest case in a large folder, and a sentence
  // many sources carry would put hundreds of look-alikes in its index lists: the first original with the
  // same words is the answer the scan below would give (nothing beats Jaccard 1), found in one lookup.
  const sameWords = new Map<string, Line>();
  for (const o of originals) if (!sameWords.has(o.key)) sameWords.set(o.key, o);
  const twins = new Map<string, Evidence[]>();
  const out = analyses.map((a, d) => {
    if (!isDuplicate(d)) return a;
    const repeated: Array<[number, number]> = [];
    for (const line of linesOf(docs, a, d)) {
      if (line.words.size < 3) continue;
      // "76" against "75" is a discrepancy to show, not a copy: the index only holds originals of the same numbers.
      const best = sameWords.get(line.key) ?? alike(line);
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
