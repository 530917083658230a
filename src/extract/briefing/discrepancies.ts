// Discrepancies: where sources disagree on a fact they both state. Each rule finds one kind: a person's
// age, a count of the same thing at the same place (a death toll), the date of the same event. The dates
// of the reports are always shown, since a later report can explain a different number.

import type { Discrepancy, Evidence } from '../../notes/model.ts';
import type { FigureMention } from '../analysis.ts';
import { figureClause, itemsBySentence, spanWords, oneLine, sentenceEvidence, sentenceIndexAt, sortCites, sortEvidence, type NotesContext } from './context.ts';
import { isBriefingFigure } from './figures.ts';
import { ceilDiv, DateNumbers, NumberedWords } from './prefix-filter.ts';
import { anchoredEvents, type AnchoredEvent } from './timeline.ts';

/** A rule is given the keys of count groups that rose over time: trends.ts shows those, they are no clash. */
type DiscrepancyRule = (ctx: NotesContext, rising: ReadonlySet<string>) => Discrepancy[];

/** The rules, in the order their findings are listed. */
export const DISCREPANCY_RULES: ReadonlyArray<[string, DiscrepancyRule]> = [
  ['ages', differingAges],
  ['counts', differingCounts],
  ['event-dates', differingEventDates],
];

export function discrepancies(ctx: NotesContext, rising: ReadonlySet<string> = new Set()): Discrepancy[] {
  return DISCREPANCY_RULES.flatMap(([, rule]) => rule(ctx, rising));
}

export interface Reported { value: number; shown: string; doc: number; start: number; end: number }

/** "Sources give different ages for X: 75 in s1 (undated); 76 in s2 (2019-06-06)." */
function differingAges(ctx: NotesContext): Discrepancy[] {
  return disagreements(ctx, (f) => (f.measure === 'age' && f.entityId ? f.entityId : null)).map(([id, list]) => {
    const name = ctx.entities.get(id)?.canonical ?? id;
    return claim(ctx, `Sources give different ages for ${name}: ${valuesBySource(ctx, list)}.`, list);
  });
}

/** "Sources give different figures for people killed (Port Alder): at least 213 in s4 (undated; “this month”);
 * more than 600 in s3 (2019-06-08; “April” = 2019-04). Not every report is dated, so the gap may be one of timing." */
function differingCounts(ctx: NotesContext, rising: ReadonlySet<string>): Discrepancy[] {
  return disagreements(ctx, countKey).filter(([key]) => !rising.has(key)).map(([key, list]) => {
    const [unit, measure, id] = key.split('|');
    const where = ctx.entities.get(id!)?.canonical ?? id!;
    const what = `${unit ? `${unit} ` : ''}${measure}`;
    return claim(ctx, `Sources give different figures for ${what} (${where}): ${valuesBySource(ctx, list)}. ${timingNote(ctx, list)}`, list);
  });
}

/** Counts of the same thing at the same place or event: unit, measure family and owner. */
export function countKey(f: FigureMention): string | null {
  if (f.measure === 'age' || !isBriefingFigure(f) || !f.entityId) return null; // an unowned count may be of another place or event
  return `${f.unit ?? ''}|${measureFamily(f.measure!)}|${f.entityId}`;
}

/** "killed", "dead", "deaths" are one measure; so are "injured", "wounded", "hurt". */
export function measureFamily(measure: string): string {
  if (/\b(?:killed|dead|deaths|died|slain)\b/.test(measure)) return 'people killed';
  if (/\b(?:injured|wounded|hurt)\b/.test(measure)) return 'people injured';
  if (/\bdisplaced\b/.test(measure)) return 'people displaced';
  return measure;
}

/** Groups of figures (by `keyOf`) on which at least two sources give different values. */
export function disagreements(ctx: NotesContext, keyOf: (f: FigureMention) => string | null): Array<[string, Reported[]]> {
  const groups = new Map<string, Reported[]>();
  ctx.analyses.forEach((a, d) => {
    for (const f of a.figures) {
      const key = keyOf(f);
      if (!key) continue;
      const text = ctx.docs[d]!.text;
      const hedge = /\b(?:at\s+least|more\s+than|over|nearly|almost|about|around|some|up\s+to)\s+$/i.exec(text.slice(Math.max(0, f.start - 16), f.start));
      const reported = { value: f.value, shown: oneLine(`${hedge?.[0].toLowerCase() ?? ''}${f.text.replace(/[- ]years?[- ]old$/i, '')}`), doc: d, start: f.start, end: f.end };
      const list = groups.get(key);
      if (list) list.push(reported); else groups.set(key, [reported]);
    }
  });
  return [...groups]
    .filter(([, list]) => new Set(list.map((x) => x.value)).size > 1 && new Set(list.map((x) => x.doc)).size > 1)
    .sort((a, b) => a[0].localeCompare(b[0], 'en', { numeric: true }));
}

/** "75 in s1 (undated); 76 in s2 (2019-06-06)", smallest value first, each with its sources and their dates. */
function valuesBySource(ctx: NotesContext, list: Reported[]): string {
  const values = [...new Set(list.map((x) => x.value))].sort((a, b) => a - b);
  return values.map((v) => {
    const at = list.filter((x) => x.value === v);
    const docs = [...new Set(at.map((x) => x.doc))].sort((a, b) => a - b);
    return `${at[0]!.shown} in ${docs.map((d) => `${ctx.docs[d]!.id} (${reportDate(ctx, d, at.find((x) => x.doc === d)!)})`).join(' and ')}`;
  }).join('; ');
}

/** The source's date, and the time the figure's own clause gives ("this month") when it has one: a date
 * elsewhere in the sentence ("the coup that brought him to power in 1969") is not when the figure held. */
function reportDate(ctx: NotesContext, d: number, r: Reported): string {
  const k = sentenceIndexAt(ctx, d, r.start);
  const [start, end] = ctx.analyses[d]!.sentences[k] ?? [r.start, r.end];
  const [from, to] = figureClause(ctx.docs[d]!.text, start, end, r);
  const said = ctx.analyses[d]!.dates.find((x) => x.start >= from && x.end <= to);
  const date = ctx.docs[d]!.meta.date ?? 'undated';
  return said ? `${date}; “${oneLine(said.text)}”${said.value && !said.text.includes(said.value) ? ` = ${said.value}` : ''}` : date;
}

/** Whether the reports' dates may explain a difference in numbers. */
function timingNote(ctx: NotesContext, list: Reported[]): string {
  const dates = [...new Set(list.map((x) => ctx.docs[x.doc]!.meta.date))];
  if (dates.includes(null)) return 'Not every report is dated, so the gap may be one of timing.';
  if (dates.length > 1) return 'The reports are of different dates, which may explain the gap.';
  return 'The reports are of the same date.';
}

function claim(ctx: NotesContext, text: string, list: Reported[]): Discrepancy {
  const evidence = list.map((x) => sentenceEvidence(ctx, x.doc, sentenceIndexAt(ctx, x.doc, x.start))).filter((e) => e.text);
  return { text, cites: sortCites(list.map((x) => ctx.docs[x.doc]!.id)), evidence: sortEvidence(evidence) };
}

/** Two reports of one event under different dates must share this many content words (dates aside)… */
const SAME_EVENT_WORDS = 4;
/** …and be this alike overall: stricter than the timeline's merging, since a false clash misleads more. */
const SAME_EVENT_AS = { num: 3, den: 10 };
const SAME_EVENT = SAME_EVENT_AS.num / SAME_EVENT_AS.den;

/** "Sources date the same event differently: 2019-04-15 in s2; 2019-04-22 in s4." Only across sources,
 * only for events naming the same actor, and only where neither date is the coarser form of the other. */
function differingEventDates(ctx: NotesContext): Discrepancy[] {
  const anchored = anchoredEvents(ctx);
  const out: Discrepancy[] = [];
  // Two reports of one event name a common actor and share at least minClashWords words, so each event is
  // compared only with the later events filed under one of its (actor, word) pairs, and only the words of
  // its prefix (prefix filtering, as in timeline.ts: in one global order, date words last and then the
  // rarest first, two events sharing k words share one among each one's first size − k + 1): near-linear on
  // thousands of sources, and the same clashes in the same order as comparing all pairs. Words, actors and
  // dates are numbers (prefix-filter.ts), what a candidate is tested on sits in typed arrays by event.
  const spans = anchored.map((e) => spanWords(ctx.docs[e.doc]!, e.evidence.start, e.evidence.end));
  const words = new NumberedWords(spans);
  const sizes = Int32Array.from(spans, (w) => w.size);
  const docs = Int32Array.from(anchored, (e) => e.doc);
  const dates = new DateNumbers();
  const dateNo = Int32Array.from(anchored, (e) => dates.of(e.date));
  const actorNumbers = new Map<string, number>();
  const actors = anchored.map((e) => Array.from(entityIds(ctx, e), (id) => actorNumbers.get(id) ?? actorNumbers.set(id, actorNumbers.size).get(id)!));
  const prefixes = words.prefixes((_, size) => size - minClashWords(size) + 1);
  const index = clashIndex(actors, prefixes, dateNo, words.places);
  // Events taken into a clash already (by position: each anchored event is one object, once in the list).
  const used = new Uint8Array(anchored.length);
  // Which event last gathered j as a candidate: each later event is taken once per event, without a set.
  const seenBy = new Int32Array(anchored.length).fill(-1);
  for (let i = 0; i < anchored.length; i++) {
    if (used[i]) continue;
    const later: number[] = [];
    const size = sizes[i]!;
    const prefixLength = prefixes.start[i + 1]! - prefixes.start[i]!;
    for (let a = 0; a < actors[i]!.length; a++) {
      for (let p = 0; p < prefixLength; p++) {
        const pair = index.pairOf[index.filingFirst[i]! + a * prefixLength + p]!; // i itself is filed under it
        for (let r = index.runFirst[pair]!; r < index.runFirst[pair + 1]!; r++) {
          // Events of the same date, or of one date within the other, never clash: their runs are skipped
          // whole (on a large folder thousands of reports of one day share an actor and a word).
          if (dates.compatible(index.runDate[r]!, dateNo[i]!)) continue;
          // Runs are in event order and events are taken in order: the later events are those from the first
          // above i, which only moves on (`runFrom`).
          const end = index.runStart[r + 1]!;
          let k = index.runFrom[r]!;
          while (k < end && index.js[k]! <= i) k++;
          index.runFrom[r] = k;
          for (; k < end; k++) {
            const j = index.js[k]!;
            if (seenBy[j] === i) continue;
            seenBy[j] = i;
            if (used[j] || docs[j] === docs[i]) continue;
            // Met first here (under this actor, every shared prefix word is in both one's lists), at the p-th
            // word of i's prefix and the at-th of j's: no rarer word is shared, so at most 1 + the fewer words
            // left after; and a Jaccard of SAME_EVENT needs the smaller size at least that share of the larger.
            const other = sizes[j]!;
            if (1 + Math.min(size - p - 1, other - index.at[k]! - 1) < clashNeeds(size, other)) continue;
            if (SAME_EVENT_AS.den * Math.min(size, other) < SAME_EVENT_AS.num * Math.max(size, other)) continue;
            later.push(j);
          }
        }
      }
    }
    // Every candidate names an actor of i's (it was filed under one of i's actors) and has an incompatible date.
    const clash = Int32Array.from(later).sort().filter((j) => alikeReports(words, i, j));
    if (!clash.length) continue;
    used[i] = 1;
    for (const j of clash) used[j] = 1;
    out.push(dateClash(ctx, [anchored[i]!, ...Array.from(clash, (j) => anchored[j]!)]));
  }
  return out;
}

/** Fewest words (date words included) two reports of `x` and `y` words that clash share: SAME_EVENT_WORDS
 * besides dates, and a Jaccard of SAME_EVENT (num/den), which needs (num + den) · shared ≥ num · (x + y). */
export const clashNeeds = (x: number, y: number): number => Math.max(SAME_EVENT_WORDS, ceilDiv(SAME_EVENT_AS.num * (x + y), SAME_EVENT_AS.num + SAME_EVENT_AS.den));

/**
 * sharedWords(a, b) ≥ SAME_EVENT_WORDS and similarity(a, b) ≥ SAME_EVENT, for two word sets given as sorted
 * numbers (a date word's odd): one merge counts the shared words and those not dates, the same counts.
 */
function alikeReports(words: NumberedWords, a: number, b: number): boolean {
  const { inter, shared } = words.shared(a, b);
  return shared >= SAME_EVENT_WORDS && inter / (words.size(a) + words.size(b) - inter) >= SAME_EVENT;
}

/**
 * Events filed by (actor, prefix word), in flat arrays (a folder of 10,000 sources files ~1.5 million, in
 * hundreds of thousands of lists: no object per list). A pair's filings lie together, in runs of one date each
 * (dates ascending), a run's events ascending: pair p's runs are runFirst[p]…runFirst[p + 1]; run r has the date
 * runDate[r] and its events are js[runStart[r]…runStart[r + 1]], with where the word stands in each one's prefix
 * (`at`); runFrom[r] is the first of them not behind the event the search is at (it only moves on).
 */
export interface ClashIndex {
  /** Event j's filings are filingFirst[j]…filingFirst[j + 1] of `pairOf`, actor by actor (in its list's order), each
   * actor's prefix words in order: the pair each is filed under, numbered once (a map lookup per filing, by
   * actor · words + word, a number often past the small integers; the search reads the number back). */
  filingFirst: Int32Array;
  pairOf: Int32Array;
  runFirst: Int32Array;
  runDate: Int32Array;
  runStart: Int32Array;
  runFrom: Int32Array;
  js: Int32Array;
  at: Int32Array;
}

/** Files each event (by its position) under each of its actors × each of its prefix words (places in the word
 * order, below `words`), by its date: filed in date order, then event order, so each run is one date's, in order. */
export function clashIndex(actors: ReadonlyArray<readonly number[]>, prefixes: { words: Int32Array; start: Int32Array }, dateNo: Int32Array, words: number): ClashIndex {
  const order = Array.from(dateNo.keys()).sort((x, y) => dateNo[x]! - dateNo[y]! || x - y);
  const { filingFirst, pairOf, pairs } = numberPairs(actors, prefixes, words, order);
  const filings = new Int32Array(pairs);
  const runs = new Int32Array(pairs);
  const lastDate = new Int32Array(pairs).fill(-1);
  /** Calls `file(pair, j, at, date)` for every filing, in the index's order. */
  const each = (file: (pair: number, j: number, at: number, date: number) => void) => {
    for (const j of order) {
      const prefixLength = prefixes.start[j + 1]! - prefixes.start[j]!;
      let f = filingFirst[j]!;
      for (let a = 0; a < actors[j]!.length; a++) for (let at = 0; at < prefixLength; at++) file(pairOf[f++]!, j, at, dateNo[j]!);
    }
  };
  // First count each pair's filings and runs, then place them.
  each((pair, _j, _at, date) => {
    filings[pair]!++;
    if (lastDate[pair] !== date) { runs[pair]!++; lastDate[pair] = date; }
  });
  const n = filings.length;
  const runFirst = new Int32Array(n + 1);
  const entryNext = new Int32Array(n);
  for (let p = 0, entries = 0; p < n; p++) { runFirst[p + 1] = runFirst[p]! + runs[p]!; entryNext[p] = entries; entries += filings[p]!; }
  const total = filings.reduce((x, y) => x + y, 0);
  const runCount = runFirst[n]!;
  const runDate = new Int32Array(runCount);
  const runStart = new Int32Array(runCount + 1);
  runStart[runCount] = total;
  const runNext = runFirst.slice(0, n);
  const js = new Int32Array(total);
  const at = new Int32Array(total);
  lastDate.fill(-1);
  each((pair, j, place, date) => {
    const k = entryNext[pair]!++;
    js[k] = j;
    at[k] = place;
    if (lastDate[pair] !== date) { const r = runNext[pair]!++; runDate[r] = date; runStart[r] = k; lastDate[pair] = date; }
  });
  return { filingFirst, pairOf, runFirst, runDate, runStart, runFrom: runStart.slice(0, runCount), js, at };
}

/**
 * Numbers each (actor, prefix word) pair some event is filed under, in the order the events (`order`) first meet
 * them, and records each filing's pair by event (see ClashIndex): the pair's key is looked up once per filing.
 */
export function numberPairs(actors: ReadonlyArray<readonly number[]>, prefixes: { words: Int32Array; start: Int32Array }, words: number, order: readonly number[]): { filingFirst: Int32Array; pairOf: Int32Array; pairs: number } {
  const filingFirst = new Int32Array(actors.length + 1);
  for (let j = 0; j < actors.length; j++) filingFirst[j + 1] = filingFirst[j]! + actors[j]!.length * (prefixes.start[j + 1]! - prefixes.start[j]!);
  const pairOf = new Int32Array(filingFirst[actors.length]!);
  const numbers = new Map<number, number>();
  for (const j of order) {
    let f = filingFirst[j]!;
    for (const actor of actors[j]!) for (let at = prefixes.start[j]!; at < prefixes.start[j + 1]!; at++) {
      const key = actor * words + prefixes.words[at]!;
      let pair = numbers.get(key);
      if (pair === undefined) numbers.set(key, (pair = numbers.size));
      pairOf[f++] = pair;
    }
  }
  return { filingFirst, pairOf, pairs: numbers.size };
}

/** Fewest words (date words included) two reports of `size` words that clash share: SAME_EVENT_WORDS besides
 * dates, and a Jaccard of SAME_EVENT, which takes ceil(SAME_EVENT · size) shared words whatever the other's size. */
export const minClashWords = (size: number): number => Math.max(SAME_EVENT_WORDS, Math.ceil(SAME_EVENT * size - 1e-9));

/** The discrepancy of one event that sources date differently: each date with the sources that give it. */
export function dateClash(ctx: NotesContext, group: readonly AnchoredEvent[]): Discrepancy {
  const byDate = [...new Set(group.map((e) => e.date))].sort()
    .map((date) => `${date} in ${sortCites(group.filter((e) => e.date === date).map((e) => e.evidence.source)).join(' and ')}`);
  const evidence: Evidence[] = group.map((e) => sentenceEvidence(ctx, e.doc, e.index));
  return {
    text: `Sources date the same event differently: ${byDate.join('; ')}.`,
    cites: sortCites(group.map((e) => e.evidence.source)),
    evidence: sortEvidence(evidence),
  };
}

/** Entities named in an event's sentence. */
function entityIds(ctx: NotesContext, e: AnchoredEvent): Set<string> {
  const a = ctx.analyses[e.doc]!;
  return new Set(itemsBySentence(a.sentences, a.entities)[e.index]!.map((m) => m.id));
}
