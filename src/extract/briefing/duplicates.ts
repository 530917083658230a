// Near-duplicate sources merged for citation: a sentence of a source flagged `duplicate` that repeats a
// sentence of another source is taken out of the analysis (so its claim is not made twice), and every
// item resting on that other sentence cites the duplicate too ([s2, s5]). Its own sentences stay.

import type { BriefingNotes, Claim, Evidence, SourceText } from '../../notes/model.ts';
import type { DocumentAnalysis } from '../analysis.ts';
import { sentenceAt } from '../rules/sentences.ts';
import { oneLine, sortCites, sortEvidence, spanWords, wordOrder } from './context.ts';

/** A duplicate's sentence this alike (content-word Jaccard, same numbers) to another's is the same sentence. */
export const SAME_SENTENCE = 0.6;

export interface DuplicateMerge {
  /** The analyses with the repeated sentences of duplicates (and everything found in them) left out. */
  analyses: DocumentAnalysis[];
  /** Sentences of duplicates, by the sentence they repeat (`s2:140`: source and start). */
  twins: Map<string, Evidence[]>;
}

interface Line {
  doc: number; start: number; end: number; words: ReadonlySet<string>; numbers: string;
  /** Its numbers and words (as sorted word numbers) in one string: equal for lines with the same words and numbers. */
  key: string;
  /** The words as ascending numbers (WordIds): two lines' shared words are counted by one merge of two arrays. */
  ids: Int32Array;
}

/** Numbers for words, given in the order words are first met: the same word, the same number. */
type WordIds = Map<string, number>;

function idsOf(words: ReadonlySet<string>, wordIds: WordIds): Int32Array {
  const ids = new Int32Array(words.size);
  let k = 0;
  for (const w of words) { let id = wordIds.get(w); if (id === undefined) wordIds.set(w, (id = wordIds.size)); ids[k++] = id; }
  return ids.sort();
}

/** similarity (Jaccard) of two lines' word sets, from their sorted word numbers: the same counts, so the same value. */
function lineSimilarity(a: Line, b: Line): number {
  const x = a.ids;
  const y = b.ids;
  if (!x.length || !y.length) return 0;
  let inter = 0;
  for (let i = 0, j = 0; i < x.length && j < y.length;) {
    if (x[i]! < y[j]!) i++;
    else if (x[i]! > y[j]!) j++;
    else { inter++; i++; j++; }
  }
  return inter / (x.length + y.length - inter);
}

const numbersOf = (text: string) => [...new Set(text.match(/\d[\d,.]*/g) ?? [])].sort().join(' ');

/** The lines of a source. Words and numbers are read from the raw span (folding whitespace changes neither);
 * the words are shared with the later stages (spanWords), and the one-line text is made only for a cited line. */
function linesOf(docs: readonly SourceText[], a: DocumentAnalysis, doc: number, wordIds: WordIds): Line[] {
  const source = docs[doc]!.text;
  return a.sentences.map((s) => {
    const words = spanWords(docs[doc]!, s[0], s[1]);
    const numbers = numbersOf(source.slice(s[0], s[1]));
    const ids = idsOf(words, wordIds);
    let key = `${numbers}\u0001`;
    for (let k = 0; k < ids.length; k++) key += `${ids[k]} `; // a typed array's join is slower than this
    return { doc, start: s[0], end: s[1], words, numbers, key, ids };
  });
}

/**
 * An index of the originals' sentences by their rarest words, exact for SAME_SENTENCE: a sentence with w
 * content words that is ≥ 0.6 alike (Jaccard) to another shares at least ceil(0.6w) of its words, so the
 * two share one of each one's w − ceil(0.6w) + 1 rarest (prefix filtering). Only those words are indexed
 * and looked up, so a duplicate's sentence is compared with the few sentences that share a rare word, not
 * with every sentence of every source. Lists are kept per numbers as well (a copy must state the same
 * numbers), so a sentence many sources carry with other figures is not in the list of each of its words.
 */
function sentenceIndex(originals: readonly Line[]): (line: Line) => Line[] {
  const df = new Map<string, number>();
  for (const o of originals) for (const w of o.words) df.set(w, (df.get(w) ?? 0) + 1);
  // Rarest first, then by the word itself: one global order, whatever the order of the input.
  const order = wordOrder(df);
  const prefix = (words: ReadonlySet<string>) => order(words, words.size - Math.floor((3 * words.size + 4) / 5) + 1); // ceil(0.6w) in integers
  // Each list holds the originals (k) and where the word stands in each one's order (at).
  const postings = new Map<string, { k: number[]; at: number[] }>();
  const filed = new Set<string>();
  originals.forEach((o, k) => {
    // A sentence many sources carry word for word is filed once: an earlier original with the same words and
    // numbers scores the same against any sentence and comes first, so a later one is never the one taken.
    if (filed.has(o.key)) return;
    filed.add(o.key);
    prefix(o.words).forEach((w, at) => {
      const key = `${o.numbers}\u0001${w}`;
      const list = postings.get(key);
      if (list) { list.k.push(k); list.at.push(at); } else postings.set(key, { k: [k], at: [at] });
    });
  });
  // Which query last took an original: each is taken once per query, without a set. Sizes in one typed
  // array: the scan reads millions of them, and a line's own object is far away in the heap.
  const seenBy = new Int32Array(originals.length).fill(-1);
  const sizes = Int32Array.from(originals, (o) => o.words.size);
  let query = 0;
  return (line) => {
    query++;
    const hits: number[] = [];
    // Only sentences that could be the answer: the same numbers (the caller's test, and the lists' key), and
    // sizes within the threshold of each other (a Jaccard of SAME_SENTENCE needs the smaller set at least that share of the larger).
    const size = line.words.size;
    prefix(line.words).forEach((w, i) => {
      const list = postings.get(`${line.numbers}\u0001${w}`);
      if (!list) return;
      for (let n = 0; n < list.k.length; n++) {
        const k = list.k[n]!;
        if (seenBy[k] === query) continue;
        seenBy[k] = query;
        const other = sizes[k]!;
        if (Math.min(other, size) < SAME_SENTENCE * Math.max(other, size) - 1e-9) continue;
        // Met first here, at the i-th word of this line's order and the at-th of the other's: no word before
        // either is shared (a rarer shared word would have met it sooner), so they share at most 1 + the
        // fewer words left after. A Jaccard of SAME_SENTENCE (0.6) needs 3/8 of both sizes shared.
        const most = 1 + Math.min(size - i - 1, other - list.at[n]! - 1);
        if (most >= (3 * (size + other)) / 8 - 1e-9) hits.push(k);
      }
    });
    // In the originals' order, so the first of equally alike sentences is the one taken, as before.
    return Array.from(Int32Array.from(hits).sort(), (k) => originals[k]!);
  };
}

/** Take the repeated sentences out of each duplicate's analysis and record what they repeat. */
export function mergeDuplicates(docs: readonly SourceText[], analyses: readonly DocumentAnalysis[]): DuplicateMerge {
  const isDuplicate = (d: number) => docs[d]!.flags.includes('duplicate');
  if (!docs.some((_, d) => isDuplicate(d))) return { analyses: [...analyses], twins: new Map() };
  const wordIds: WordIds = new Map();
  const originals = analyses.flatMap((a, d) => (isDuplicate(d) ? [] : linesOf(docs, a, d, wordIds)));
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
    for (const line of linesOf(docs, a, d, wordIds)) {
      if (line.words.size < 3) continue;
      let best: Line | null = line.words.size ? sameWords.get(line.key) ?? null : null;
      let bestScore = SAME_SENTENCE;
      if (!best) for (const o of alike(line)) {
        if (o.numbers !== line.numbers) continue; // "76" against "75" is a discrepancy to show, not a copy
        const score = lineSimilarity(o, line);
        if (score >= bestScore && (best === null || score > bestScore)) { best = o; bestScore = score; }
      }
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
