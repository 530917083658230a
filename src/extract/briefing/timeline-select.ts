// Timeline summarisation: which dates a long timeline shows and which event tells each. Dates are ranked by
// how often the collection refers to them, weighted by how many independent sources do (Tran et al. 2013;
// the "datewise" approach of Martschat & Markert 2018); each chosen date is told by its most central event
// (LexRank over that date's sentences), with redundancy across dates removed by MMR (Carbonell & Goldstein 1998).

import type { Evidence, SourceText, TimelineEvent } from '../../notes/model.ts';
import type { DocumentAnalysis } from '../analysis.ts';
import { sentenceAt } from '../rules/sentences.ts';
import { contentWords, makeContext, oneLine, spanWords, type NotesContext } from './context.ts';
import { mergeDuplicates } from './duplicates.ts';
import { flatSentenceGraph, lexRank, type SentenceGraph } from './lexrank.ts';
import { placedOnTimeline, withAnalysisMeta } from './source-dates.ts';
import { timeline } from './timeline.ts';
import { flatOrderedIds, WordSet } from './word-set.ts';

/** A timeline of at most this many events is shown whole: a small briefing keeps every event. */
export const TIMELINE_BUDGET = 24;
/** Bounds of the number of dates a selected timeline shows (journalists' timelines run 10-40 dates). */
export const MIN_DATES = 10;
export const MAX_DATES = 40;
/** MMR trade-off: the share of an event's worth that is its centrality, the rest its novelty. */
const MMR_LAMBDA = 0.7;

/** A date the collection refers to, with the counts it is ranked by. */
export interface DateRank {
  date: string;
  /** Sentences that mention the date, plus sources published on it. */
  references: number;
  /** Independent sources that refer to it (a near-duplicate source counts once, with the one it repeats). */
  sources: number;
  score: number;
}

export interface TimelineSelection {
  /** How many dates to show (default: `dateBudget` of the distinct dates). */
  dates?: number;
  /** Events per date (default 1). */
  perDate?: number;
  /** At most this many events in all, filled date by date in rounds (default: dates × perDate). */
  cap?: number;
  /** Only day dates (YYYY-MM-DD) are eligible: timeline benchmarks are by day. */
  daysOnly?: boolean;
}

/**
 * How many dates a timeline of `distinct` dates shows: twice the square root, kept within 10-40 and never
 * more than there are. A collection spanning 25 dates shows 10, one spanning 100 shows 20, 400 or more 40:
 * a journalist's timeline grows with the story, much more slowly than the dates the articles mention.
 */
export function dateBudget(distinct: number): number {
  return Math.min(distinct, Math.max(MIN_DATES, Math.min(MAX_DATES, Math.round(2 * Math.sqrt(distinct)))));
}

/**
 * Every date of the collection by how often it is referred to: the sentences mentioning it (a sentence once,
 * however many times it names the date) and the sources published on it, times 1 + ln(independent sources),
 * so a date many sources name outranks one a single source keeps repeating. Highest first, ties by date.
 */
export function rankDates(ctx: NotesContext): DateRank[] {
  const refs = new Map<string, { references: number; docs: Set<number> }>();
  const refer = (date: string, d: number) => {
    let r = refs.get(date);
    if (!r) refs.set(date, (r = { references: 0, docs: new Set() }));
    r.references++;
    r.docs.add(d);
  };
  ctx.analyses.forEach((a, d) => {
    const doc = ctx.docs[d]!;
    if (doc.meta.date) refer(doc.meta.date, d);
    // Each mention is placed in its sentence by binary search, so a long article costs no sentences × dates scan.
    const named = new Set<string>();
    for (const x of a.dates) {
      if (!x.value || !ISO.test(x.value) || !placedOnTimeline(doc, x)) continue;
      const k = sentenceAt(a.sentences, x.start);
      if (k >= 0 && x.end <= a.sentences[k]![1] && !named.has(`${k} ${x.value}`)) { named.add(`${k} ${x.value}`); refer(x.value, d); }
    }
  });
  return [...refs].map(([date, r]) => {
    const sources = independentSources(ctx, r.docs);
    return { date, references: r.references, sources, score: r.references * (1 + Math.log(sources)) };
  }).sort((a, b) => b.score - a.score || (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

const ISO = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Sources among `docs` that are not flagged as near-duplicates of another (at least one: a copy alone still stands for one). */
function independentSources(ctx: NotesContext, docs: ReadonlySet<number>): number {
  return Math.max(1, [...docs].filter((d) => !ctx.docs[d]!.flags.includes('duplicate')).length);
}

/**
 * The events a timeline shows, in the timeline's order: the `dates` best-ranked dates that have events, and
 * for each, its most central event not already told on another date; then (with `perDate` > 1) a second
 * round in the same date order, and so on, until `cap` events.
 */
export function selectEvents(ctx: NotesContext, events: readonly TimelineEvent[], options: TimelineSelection = {}): TimelineEvent[] {
  const byDate = new Map<string, number[]>();
  events.forEach((e, i) => {
    if (options.daysOnly && !DAY.test(e.date)) return;
    (byDate.get(e.date) ?? byDate.set(e.date, []).get(e.date)!).push(i);
  });
  const ranked = rankDates(ctx).filter((r) => byDate.has(r.date));
  const dates = ranked.slice(0, Math.max(0, options.dates ?? dateBudget(ranked.length))).map((r) => r.date);
  const perDate = Math.max(1, options.perDate ?? 1);
  const cap = options.cap ?? dates.length * perDate;
  // An event's words, made only for the events of the chosen dates (a long timeline has thousands of others).
  const words: Array<Set<string> | undefined> = [];
  const wordsOf = (i: number) => (words[i] ??= contentWords(events[i]!.text));
  const docOf = new Map(ctx.docs.map((doc, d) => [doc.id, d]));
  const duplicate = new Set(ctx.docs.filter((doc) => doc.flags.includes('duplicate')).map((doc) => doc.id));
  const worth = new Map(dates.map((date) => [date, centrality(ctx, events, byDate.get(date)!, docOf, duplicate)]));
  const chosen: number[] = [];
  for (let round = 0; round < perDate && chosen.length < cap; round++) {
    for (const date of dates) {
      if (chosen.length >= cap) break;
      const best = mostNovel(byDate.get(date)!.filter((i) => !chosen.includes(i)), worth.get(date)!, chosen, wordsOf);
      if (best !== undefined) chosen.push(best);
    }
  }
  return chosen.sort((a, b) => a - b).map((i) => events[i]!);
}

/**
 * Each event's centrality among its date's events: LexRank over the date's sentences (every source's telling
 * of every event, a near-duplicate's left out), summed per event, so an event several sources tell in words
 * like the date's other reports is central. Scaled so the date's best event is 1.
 */
function centrality(ctx: NotesContext, events: readonly TimelineEvent[], members: readonly number[], docOf: ReadonlyMap<string, number>, duplicate: ReadonlySet<string>): Map<number, number> {
  const nodes: number[] = [];
  const tellings: WordSet[] = [];
  for (const i of members) {
    const told = events[i]!.evidence.filter((e) => !duplicate.has(e.source));
    for (const e of told.length ? told : events[i]!.evidence.slice(0, 1)) { nodes.push(i); tellings.push(tellingWords(ctx, docOf, e)); }
    if (!events[i]!.evidence.length) { nodes.push(i); tellings.push(new WordSet(contentWords(events[i]!.text))); }
  }
  const rank = lexRank(wordSetGraph(tellings));
  const sums = new Map<number, number>(members.map((i) => [i, 0]));
  nodes.forEach((event, k) => sums.set(event, sums.get(event)! + rank[k]!));
  const top = Math.max(...sums.values()) || 1;
  return new Map([...sums].map(([i, s]) => [i, s / top]));
}

/**
 * The content words of a telling, in order: those of its span, made once for the notes stage and shared
 * (spanWords), when its text is that span's one-line text, as every timeline event's evidence is; else its text's.
 */
function tellingWords(ctx: NotesContext, docOf: ReadonlyMap<string, number>, e: Evidence): WordSet {
  const d = docOf.get(e.source);
  const doc = d === undefined ? undefined : ctx.docs[d];
  if (doc && oneLine(doc.text.slice(e.start, e.end)) === e.text) return spanWords(doc, e.start, e.end);
  return new WordSet(contentWords(e.text));
}

/** sentenceGraph of the sets' words (each set's in its order), from their numbers: no string is looked up. */
export function wordSetGraph(sets: readonly WordSet[]): SentenceGraph {
  const { first, ids } = flatOrderedIds(sets);
  // Numbered from 0 in the order met, so the graph's tables are sized to these sentences, not to every word.
  const local = new Map<number, number>();
  for (let p = 0; p < ids.length; p++) ids[p] = local.get(ids[p]!) ?? local.set(ids[p]!, local.size).get(ids[p]!)!;
  return flatSentenceGraph(first, ids, local.size);
}

/** Maximal marginal relevance: the candidate whose centrality, less its likeness to an event already chosen, is highest (ties: timeline order). */
function mostNovel(candidates: readonly number[], worth: ReadonlyMap<number, number>, chosen: readonly number[], words: (i: number) => Set<string>): number | undefined {
  let best: number | undefined;
  let bestScore = -Infinity;
  for (const i of candidates) {
    const redundancy = chosen.reduce((m, j) => Math.max(m, cosine(words(i), words(j))), 0);
    const score = MMR_LAMBDA * worth.get(i)! - (1 - MMR_LAMBDA) * redundancy;
    if (score > bestScore) { best = i; bestScore = score; }
  }
  return best;
}

/** Cosine of two sets of words (binary vectors). */
function cosine(a: Set<string>, b: Set<string>): number {
  if (!a.size || !b.size) return 0;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared / Math.sqrt(a.size * b.size);
}

/**
 * The notes' timeline: every event while there are at most TIMELINE_BUDGET; beyond, the events of the
 * `dateBudget` best-ranked dates, one per date, then second events of the best dates while the timeline is
 * under the budget (so a long timeline shows about TIMELINE_BUDGET entries, or one per date when more dates
 * are chosen).
 */
export function notesTimeline(ctx: NotesContext, events: readonly TimelineEvent[]): TimelineEvent[] {
  if (events.length <= TIMELINE_BUDGET) return [...events];
  const distinct = new Set(events.map((e) => e.date)).size;
  const dates = dateBudget(distinct);
  return selectEvents(ctx, events, { dates, perDate: 2, cap: Math.max(TIMELINE_BUDGET, dates) });
}

/**
 * A timeline summary to score on its own (`briefing summarize --timeline`): `YYYY-MM-DD<TAB>sentence` lines in
 * date order, `sentences` events for each of `dates` days (default: `dateBudget` of the days), no citations.
 * Each sentence is an event's text as the notes show it: a source sentence, or its head up to the date's clause.
 */
export function timelineSummary(docs: SourceText[], analyses: DocumentAnalysis[], options: { dates?: number; sentences?: number } = {}): string[] {
  const dated = withAnalysisMeta(docs, analyses);
  const ctx = makeContext(dated, mergeDuplicates(dated, analyses).analyses);
  const chosen = selectEvents(ctx, timeline(ctx), { dates: options.dates, perDate: options.sentences ?? 1, daysOnly: true });
  return chosen.map((e) => `${e.date}\t${e.text}`);
}
