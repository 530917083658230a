// Near-duplicate sources merged for citation: a sentence of a source flagged `duplicate` that repeats a
// sentence of another source is taken out of the analysis (so its claim is not made twice), and every
// item resting on that other sentence cites the duplicate too ([s2, s5]). Its own sentences stay.

import type { BriefingNotes, Claim, Evidence, SourceDoc } from '../../notes/model.ts';
import type { DocumentAnalysis } from '../analysis.ts';
import { sentenceAt } from '../rules/sentences.ts';
import { contentWords, oneLine, similarity, sortCites, sortEvidence } from './context.ts';

/** A duplicate's sentence this alike (content-word Jaccard, same numbers) to another's is the same sentence. */
export const SAME_SENTENCE = 0.6;

export interface DuplicateMerge {
  /** The analyses with the repeated sentences of duplicates (and everything found in them) left out. */
  analyses: DocumentAnalysis[];
  /** Sentences of duplicates, by the sentence they repeat (`s2:140`: source and start). */
  twins: Map<string, Evidence[]>;
}

interface Line { doc: number; start: number; end: number; text: string; words: Set<string>; numbers: string }

const numbersOf = (text: string) => [...new Set(text.match(/\d[\d,.]*/g) ?? [])].sort().join(' ');

/** The lines of a source. Words and numbers are read from the raw span (folding whitespace changes neither);
 * the one-line text, needed only for a duplicate's cited lines, is made when `withText`. */
function linesOf(docs: readonly SourceDoc[], a: DocumentAnalysis, doc: number, withText: boolean): Line[] {
  const source = docs[doc]!.text;
  return a.sentences.map((s) => {
    const raw = source.slice(s[0], s[1]);
    return { doc, start: s[0], end: s[1], text: withText ? oneLine(raw) : '', words: contentWords(raw), numbers: numbersOf(raw) };
  });
}

/**
 * An index of the originals' sentences by their rarest words, exact for SAME_SENTENCE: a sentence with w
 * content words that is ≥ 0.6 alike (Jaccard) to another shares at least ceil(0.6w) of its words, so the
 * two share one of each one's w − ceil(0.6w) + 1 rarest (prefix filtering). Only those words are indexed
 * and looked up, so a duplicate's sentence is compared with the few sentences that share a rare word, not
 * with every sentence of every source.
 */
function sentenceIndex(originals: readonly Line[]): (line: Line) => Line[] {
  const df = new Map<string, number>();
  for (const o of originals) for (const w of o.words) df.set(w, (df.get(w) ?? 0) + 1);
  // Rarest first, then by the word itself: one global order, whatever the order of the input.
  const prefix = (words: Set<string>) => [...words]
    .sort((a, b) => (df.get(a) ?? 0) - (df.get(b) ?? 0) || (a < b ? -1 : a > b ? 1 : 0))
    .slice(0, words.size - Math.floor((3 * words.size + 4) / 5) + 1); // ceil(0.6w) in integers
  const postings = new Map<string, number[]>();
  const filed = new Set<string>();
  originals.forEach((o, k) => {
    // A sentence many sources carry word for word is filed once: an earlier original with the same words and
    // numbers scores the same against any sentence and comes first, so a later one is never the one taken.
    const key = wordsKey(o);
    if (filed.has(key)) return;
    filed.add(key);
    for (const w of prefix(o.words)) (postings.get(w) ?? postings.set(w, []).get(w)!).push(k);
  });
  return (line) => {
    const hits = new Set<number>();
    // Only sentences that could be the answer: the same numbers (the caller's test), and sizes within the
    // threshold of each other (a Jaccard of SAME_SENTENCE needs the smaller set at least that share of the larger).
    const size = line.words.size;
    for (const w of prefix(line.words)) {
      for (const k of postings.get(w) ?? []) {
        const o = originals[k]!;
        if (o.numbers === line.numbers && Math.min(o.words.size, size) >= SAME_SENTENCE * Math.max(o.words.size, size) - 1e-9) hits.add(k);
      }
    }
    // In the originals' order, so the first of equally alike sentences is the one taken, as before.
    return [...hits].sort((a, b) => a - b).map((k) => originals[k]!);
  };
}

/** A sentence's numbers and content words, as one string: equal for sentences with the same words and numbers. */
const wordsKey = (l: Line) => `${l.numbers}\u0001${[...l.words].sort().join(' ')}`;

/** Take the repeated sentences out of each duplicate's analysis and record what they repeat. */
export function mergeDuplicates(docs: readonly SourceDoc[], analyses: readonly DocumentAnalysis[]): DuplicateMerge {
  const isDuplicate = (d: number) => docs[d]!.flags.includes('duplicate');
  if (!docs.some((_, d) => isDuplicate(d))) return { analyses: [...analyses], twins: new Map() };
  const originals = analyses.flatMap((a, d) => (isDuplicate(d) ? [] : linesOf(docs, a, d, false)));
  const alike = sentenceIndex(originals);
  // A copied sentence (same words, same numbers) is the commonest case in a large folder, and a sentence
  // many sources carry would put hundreds of look-alikes in its index lists: the first original with the
  // same words is the answer the scan below would give (nothing beats Jaccard 1), found in one lookup.
  const sameWords = new Map<string, Line>();
  for (const o of originals) { const key = wordsKey(o); if (!sameWords.has(key)) sameWords.set(key, o); }
  const twins = new Map<string, Evidence[]>();
  const out = analyses.map((a, d) => {
    if (!isDuplicate(d)) return a;
    const repeated: Array<[number, number]> = [];
    for (const line of linesOf(docs, a, d, true)) {
      if (line.words.size < 3) continue;
      let best: Line | null = line.words.size ? sameWords.get(wordsKey(line)) ?? null : null;
      let bestScore = SAME_SENTENCE;
      if (!best) for (const o of alike(line)) {
        if (o.numbers !== line.numbers) continue; // "76" against "75" is a discrepancy to show, not a copy
        const score = similarity(o.words, line.words);
        if (score >= bestScore && (best === null || score > bestScore)) { best = o; bestScore = score; }
      }
      if (!best) continue;
      repeated.push([line.start, line.end]);
      const key = `${docs[best.doc]!.id}:${best.start}`;
      const twin = { source: docs[d]!.id, start: line.start, end: line.end, text: line.text };
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
