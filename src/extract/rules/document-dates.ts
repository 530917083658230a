// Publication dates inferred across documents: an undated source that reports as "Thursday", "yesterday",
// "today" or "this week" an event another source dates exactly (same entities and words in the sentence)
// was published on or after that event; one that says "last month" or "this month" of an event dated to the
// month was published in the month after it or in it (only the month is then given). A weekday in a reporting clause of such a sentence ("the ministry
// revealed Friday") dates the report, which came no earlier than the event: it narrows the window the event
// gave. Conservative: any ambiguity or contradiction leaves it undated.

import type { SourceText, SourceMeta } from '../../notes/model.ts';
import type { DocumentAnalysis } from '../analysis.ts';
import { addDays, addMonths, formatIso, parseIso, weekdayOf, type CalendarDate } from './dates/calendar.ts';
import { inReportingClause } from './dates/reporting.ts';
import { findDateCandidates, resolveDates } from './dates.ts';
import type { DateCandidate } from './dates/candidate.ts';
import type { Span } from './sentences.ts';
import { wordOrder } from './word-order.ts';

/** What the rule reads of one document. */
export interface DocumentDateInput {
  id: string;
  text: string;
  meta: SourceMeta;
  sentences: readonly Span[];
  /** Entity mentions (ids shared across the documents). */
  entities: ReadonlyArray<{ id: string; start: number; end: number }>;
}

/** A date inferred for one document (by index), with the sentences it rests on. */
export interface InferredDate {
  doc: number;
  date: string;
  evidence: string;
}

/** Two sentences this alike (content-word Jaccard) with a shared entity report one event. */
export const SAME_EVENT_WITH_ENTITY = 0.3;
/** …this alike when they share two entities or more (who did it and to whom: a phone call, a meeting). */
export const SAME_EVENT_WITH_ENTITIES = 0.2;
/** …and this alike without one. */
export const SAME_EVENT_WORDS_ONLY = 0.5;
/** A publication window at most this many days long gives its earliest day; a longer one only its month. */
export const MAX_DAY_WINDOW = 6;
/** A runner-up match this close to the best one, with another date, makes the match ambiguous. */
export const AMBIGUOUS_MARGIN = 0.1;

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const PART = String.raw`(?:\s+(?:morning|afternoon|evening|night))?`;
/** Relative day expressions whose meaning is pinned by the event's date (not "last Thursday": it depends on the day it was said). */
const RELATIVE_DAY = new RegExp(String.raw`^(?:(?:early|late)\s+)?(?:(${WEEKDAYS.join('|')})${PART}|(yesterday|today|tonight|last night)${PART}|(this week))$`, 'i');
/** Relative months: an event "last month" was in the month before publication, one "this month" in its month. */
const RELATIVE_MONTH = /^(?:(?:early|late|earlier|later)\s+)?(?:in\s+)?(this|last)\s+month$/i;

const STOP = new Set('the a an and or but of to in on at by for with from as is are was were be been has have had that this these those it its he she they his her their we our you not no said says told would could should will may might also than then there which who what when where into over after before about more some such only just very'.split(' '));
const DATE_WORDS = new Set([...WEEKDAYS, 'yesterday', 'today', 'tonight', 'night', 'week', 'morning', 'afternoon', 'evening', 'last', 'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december']);

/** Content words of a sentence, date words left out (they differ by construction between the two reports). */
export function eventWords(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.toLowerCase().matchAll(/[\p{L}\p{N}]{3,}/gu)) if (!STOP.has(m[0]) && !DATE_WORDS.has(m[0]) && !/^\d+$/.test(m[0])) out.add(m[0]);
  return out;
}

function jaccard(a: Set<string>, b: Set<string>): number {
  if (!a.size || !b.size) return 0;
  let inter = 0;
  for (const w of a) if (b.has(w)) inter++;
  return inter / (a.size + b.size - inter);
}

export interface Sentence { doc: number; span: Span; words: Set<string>; entities: Set<string> }
/** An event dated by an explicitly dated source: to the day, or to the month (`day` 1, `month: true`). */
export interface Anchor extends Sentence { date: Required<CalendarDate>; month: boolean }
/** The anchor's date at its own granularity. */
const anchorIso = (a: Pick<Anchor, 'date' | 'month'>) => (a.month ? iso(a.date).slice(0, 7) : iso(a.date));

/** What one document gives the rule, found from its own text and sentences (so on any thread): entity ids come later. */
export interface DateClues {
  /** Sentences that date an event to the day or the month (explicitly dated sources only). */
  anchors: Array<{ span: Span; words: string[]; date: Required<CalendarDate>; month: boolean }>;
  /** Relative dates that may date the source by another's event (undated sources only), in text order. */
  phrases: Array<{ text: string; span: Span; words: string[]; byMonth: boolean; reporting: boolean }>;
}

const spanOf = (d: Pick<DocumentDateInput, 'sentences'>, at: number) => d.sentences.find(([a, b]) => at >= a && at < b);

/**
 * A document's clues: its event dates when it is explicitly dated, its relative dates when it is undated.
 * `candidates`: the text's `findDateCandidates`, when the caller has them (the dates rule needs them too).
 */
export function dateClues(d: Pick<DocumentDateInput, 'text' | 'meta' | 'sentences'>, candidates?: readonly DateCandidate[]): DateClues {
  const out: DateClues = { anchors: [], phrases: [] };
  const words = (span: Span) => [...eventWords(d.text.slice(span[0], span[1]))];
  if (d.meta.date !== null && d.meta.dateSource === 'explicit') {
    for (const m of resolveDates(d.text, candidates ?? findDateCandidates(d.text), d.meta.date)) {
      const date = parseIso(m.value?.slice(0, 10) ?? null);
      if (!date || date.month === undefined) continue;
      const span = spanOf(d, m.start);
      // "…, an official told the paper on Thursday" dates the interview, not the event the sentence tells.
      if (span && !inReportingClause(d.text, span[0], m)) out.anchors.push({ span, words: words(span), date: { year: date.year, month: date.month, day: date.day ?? 1 }, month: date.day === undefined });
    }
  }
  if (d.meta.date === null) {
    for (const m of resolveDates(d.text, candidates ?? findDateCandidates(d.text), null)) {
      const byMonth = RELATIVE_MONTH.test(m.text.trim());
      if (m.value !== null || !(byMonth || RELATIVE_DAY.test(m.text.trim()))) continue;
      const span = spanOf(d, m.start);
      if (span) out.phrases.push({ text: m.text, span, words: words(span), byMonth, reporting: inReportingClause(d.text, span[0], m) });
    }
  }
  return out;
}

/** The ids of the entities mentioned within `span`. */
const entitiesIn = (d: Pick<DocumentDateInput, 'entities'>, span: Span) => new Set(d.entities.filter((e) => e.start >= span[0] && e.end <= span[1]).map((e) => e.id));

/**
 * Sentences of explicitly dated documents that date an event to the day or the month, in document order, as the
 * rule reads them once their words are matched (wordMatches): where they are and their date; their entities are
 * found only for the anchors a phrase matches.
 */
function anchorsOf(clues: readonly DateClues[]): Array<Omit<Anchor, 'words' | 'entities'>> {
  return clues.flatMap((c, doc) => c.anchors.map((a) => ({ doc, span: a.span, date: a.date, month: a.month })));
}

/** Finds the anchors a sentence's words may match (a superset of those sameEvent accepts), in anchor order. */
export interface AnchorLookup { near(words: ReadonlySet<string>): number[] }

/** The least word overlap (Jaccard) at which sameEvent can find two sentences alike, whatever they share. */
export const MIN_SAME_EVENT = Math.min(SAME_EVENT_WITH_ENTITIES, SAME_EVENT_WITH_ENTITY, SAME_EVENT_WORDS_ONLY);

/**
 * Words two sets this large must share to reach MIN_SAME_EVENT: |A ∩ B| ≥ t·|A ∪ B| ≥ t·|A|, rounded down
 * (never above the true bound, whatever the float rounding of t·|A|), and at least one.
 */
const mustShare = (size: number) => Math.max(1, Math.floor(MIN_SAME_EVENT * size));

/**
 * The anchors a phrase's sentence can match (prefix filtering, as in set-similarity joins): with the words
 * ranked rarest first over the anchors, two sets sharing at least α words share one among the first
 * |A| − α + 1 of each. So each anchor is filed under its rarer words only, a sentence looks up its rarer
 * words only, and the common words ("new", "million"), whose lists would hold most anchors, are mostly
 * never read. The anchors found include every one sameEvent can accept (test/document-dates-index.test.ts
 * checks it against the scan of all anchors), in anchor order.
 */
export class AnchorIndex implements AnchorLookup {
  /** Anchors per word, for the words in each anchor's prefix. */
  private readonly lists = new Map<string, number[]>();
  /** The words of a set in the index's order: rarest over the anchors first (words of no anchor first), ties by spelling. */
  private readonly ranked: (words: ReadonlySet<string>, n: number) => string[];
  /** The query each anchor was last found for (to list it once). */
  private readonly seen: Int32Array;
  private query = 0;

  constructor(anchors: ReadonlyArray<{ words: ReadonlySet<string> }>) {
    const count = new Map<string, number>();
    for (const a of anchors) for (const w of a.words) count.set(w, (count.get(w) ?? 0) + 1);
    this.ranked = wordOrder(count);
    anchors.forEach((a, i) => {
      for (const w of this.prefix(a.words)) {
        const list = this.lists.get(w);
        if (list) list.push(i); else this.lists.set(w, [i]);
      }
    });
    this.seen = new Int32Array(anchors.length);
  }

  /** The anchors that share a word of their prefix with the prefix of `words`, in anchor order. */
  near(words: ReadonlySet<string>): number[] {
    const out: number[] = [];
    const q = ++this.query;
    for (const w of this.prefix(words)) {
      for (const i of this.lists.get(w) ?? []) {
        if (this.seen[i] !== q) { this.seen[i] = q; out.push(i); }
      }
    }
    return out.sort((x, y) => x - y);
  }

  /** The |words| − α + 1 rarest words (ties by spelling, so that every set ranks its words alike). */
  private prefix(words: ReadonlySet<string>): string[] {
    return this.ranked(words, words.size - mustShare(words.size) + 1);
  }
}

/** How alike two sentences are as reports of one event, or 0 when they are not. */
export function sameEvent(a: Pick<Sentence, 'words' | 'entities'>, b: Pick<Sentence, 'words' | 'entities'>): number {
  return eventScore(jaccard(a.words, b.words), sharedEntities(a, b));
}

const sharedEntities = (a: Pick<Sentence, 'entities'>, b: Pick<Sentence, 'entities'>) => [...a.entities].filter((e) => b.entities.has(e)).length;

/** sameEvent's answer for two sentences whose words have Jaccard `words` and which share `shared` entities. */
function eventScore(words: number, shared: number): number {
  const alike = (shared >= 2 && words >= SAME_EVENT_WITH_ENTITIES) || (shared >= 1 && words >= SAME_EVENT_WITH_ENTITY) || words >= SAME_EVENT_WORDS_ONLY;
  return alike ? words : 0;
}

/**
 * For each undated document, for each of its phrases, the anchors whose words are alike enough for sameEvent
 * to accept them with some entities (Jaccard at least MIN_SAME_EVENT), each with that Jaccard, in anchor order
 * (and of the phrase's granularity: a day phrase needs an event dated to the day). What of the rule needs no
 * entity: it can be found before the entities are merged (src/ingest/parallel.ts finds it while the names are
 * read). An empty list for a dated document, and none at all when no document is undated.
 */
export type WordMatches = Array<Array<Array<[anchor: number, words: number]>>>;

export function wordMatches(docs: ReadonlyArray<Pick<DocumentDateInput, 'meta'>>, clues: readonly DateClues[], indexOf: (anchors: ReadonlyArray<Pick<Anchor, 'words'>>) => AnchorLookup = (a) => new AnchorIndex(a)): WordMatches {
  if (!docs.some((d) => d.meta.date === null)) return [];
  const anchors = clues.flatMap((c) => c.anchors.map((a) => ({ words: new Set(a.words), month: a.month })));
  const index = indexOf(anchors);
  // The Jaccard of each anchor the index finds, of which there are millions at 10,000 sources (2.4 M for 1,700
  // phrases): counted by a mark per word of the phrase, not by looking the anchor's words up in a string set.
  const words = new AnchorWords(anchors);
  return docs.map((d, k) => d.meta.date !== null ? [] : clues[k]!.phrases.map((m) => {
    const phrase = new Set(m.words);
    const near = index.near(phrase);
    const out: Array<[number, number]> = [];
    if (near.length) words.mark(phrase); // only when an anchor is near: most phrases have none
    for (const i of near) {
      if (!m.byMonth && anchors[i]!.month) continue;
      const j = words.jaccard(i, phrase.size);
      if (j >= MIN_SAME_EVENT) out.push([i, j]); // below it, no count of shared entities makes the two alike
    }
    return out;
  }));
}

/**
 * The anchors' words as numbers, anchor after anchor, and a mark per number for the words of the set last
 * marked, so that an anchor's Jaccard with that set is a count over its numbers.
 */
export class AnchorWords {
  private readonly numbers = new Map<string, number>();
  /** Each anchor's word numbers, one anchor after another; anchor i's are ids[start[i]] to ids[start[i + 1]]. */
  private readonly ids: Int32Array;
  private readonly start: Int32Array;
  /** The set each word number was last marked for. */
  private readonly marked: Int32Array;
  private set = 0;

  constructor(anchors: ReadonlyArray<{ words: ReadonlySet<string> }>) {
    this.start = new Int32Array(anchors.length + 1);
    anchors.forEach((a, i) => { this.start[i + 1] = this.start[i]! + a.words.size; });
    this.ids = new Int32Array(this.start[anchors.length]!);
    let k = 0;
    for (const a of anchors) {
      for (const w of a.words) {
        let n = this.numbers.get(w);
        if (n === undefined) this.numbers.set(w, (n = this.numbers.size));
        this.ids[k++] = n;
      }
    }
    this.marked = new Int32Array(this.numbers.size);
  }

  /** Marks the words of `words` (those of no anchor need no mark: no anchor shares them). */
  mark(words: ReadonlySet<string>): void {
    this.set++;
    for (const w of words) {
      const n = this.numbers.get(w);
      if (n !== undefined) this.marked[n] = this.set;
    }
  }

  /** `jaccard` of anchor i's words and the set last marked, of `size` words: the same count over the same union. */
  jaccard(i: number, size: number): number {
    const from = this.start[i]!;
    const to = this.start[i + 1]!;
    if (from === to || size === 0) return 0;
    let shared = 0;
    for (let k = from; k < to; k++) if (this.marked[this.ids[k]!] === this.set) shared++;
    return shared / (to - from + size - shared);
  }
}

type Interval = [lo: Required<CalendarDate>, hi: Required<CalendarDate>];
const iso = (d: CalendarDate) => formatIso(d);

const lastOfMonth = (d: CalendarDate & { month: number }): Required<CalendarDate> => ({ year: d.year, month: d.month, day: new Date(Date.UTC(d.year, d.month, 0)).getUTCDate() });

/**
 * When a source that calls an event of `event`'s month "last month" or "this month" can have been
 * published: the next month, or the rest of that month (from the event's day when it is known).
 */
export function monthWindow(phrase: string, event: Required<CalendarDate>, dayKnown: boolean): Interval | null {
  const m = RELATIVE_MONTH.exec(phrase.trim());
  if (!m) return null;
  if (m[1]!.toLowerCase() === 'last') {
    const next = addMonths({ year: event.year, month: event.month }, 1) as Required<Pick<CalendarDate, 'year' | 'month'>>;
    return [{ ...next, day: 1 }, lastOfMonth(next)];
  }
  return [dayKnown ? event : { ...event, day: 1 }, lastOfMonth(event)];
}

/** When a source that calls an event on `event` by `phrase` can have been published; null if the two contradict. */
export function publicationWindow(phrase: string, event: Required<CalendarDate>): Interval | null {
  const m = RELATIVE_DAY.exec(phrase.trim());
  if (!m) return null;
  if (m[1]) return weekdayOf(event) === WEEKDAYS.indexOf(m[1].toLowerCase()) ? [event, addDays(event, 6)] : null;
  if (m[2]) {
    const word = m[2].toLowerCase();
    const day = word === 'yesterday' || word === 'last night' ? addDays(event, 1) : event;
    return [day, day];
  }
  // "this week": the rest of the event's Monday-to-Sunday week.
  return [event, addDays(event, (7 - weekdayOf(event)) % 7)];
}

/**
 * The day a relative date in a reporting clause names, as a source published on `published` means it:
 * a bare weekday is the last such day on or before publication ("revealed Friday"), "yesterday" the day
 * before. Null for phrases that name no single day ("this week").
 */
export function reportDay(phrase: string, published: Required<CalendarDate>): Required<CalendarDate> | null {
  const m = RELATIVE_DAY.exec(phrase.trim());
  if (!m || m[3]) return null;
  if (m[1]) return addDays(published, -((weekdayOf(published) - WEEKDAYS.indexOf(m[1].toLowerCase()) + 7) % 7));
  const word = m[2]!.toLowerCase();
  return word === 'yesterday' || word === 'last night' ? addDays(published, -1) : published;
}

/** The days of a window on which a report said on `phrase` came no earlier than the event; null if none. */
export function narrowByReport(window: Interval, phrase: string, event: Required<CalendarDate>): Interval | null {
  const days: Array<Required<CalendarDate>> = [];
  for (let d = window[0]; iso(d) <= iso(window[1]); d = addDays(d, 1)) {
    const said = reportDay(phrase, d);
    if (said === null || iso(said) >= iso(event)) days.push(d);
  }
  // The days allowed are a run: once the report can fall after the event, later publication keeps it so.
  return days.length ? [days[0]!, days[days.length - 1]!] : null;
}

const clip = (s: string, n = 120) => { const t = s.replace(/\s+/g, ' ').trim(); return t.length > n ? `${t.slice(0, n - 1)}…` : t; };

/**
 * Infer publication dates for undated documents. Only explicitly dated documents serve as anchors, so
 * one inference never feeds another. The date given is the earliest day the evidence allows when it allows
 * a week at most, else the month when the window lies in one month, else none.
 */
export function inferDocumentDates(docs: readonly DocumentDateInput[], indexOf?: (anchors: ReadonlyArray<Pick<Anchor, 'words'>>) => AnchorLookup, clues?: readonly DateClues[], matches?: WordMatches): InferredDate[] {
  if (!docs.some((d) => d.meta.date === null)) return [];
  const found = clues ?? docs.map((d) => dateClues(d));
  const anchors = anchorsOf(found);
  const near = matches ?? wordMatches(docs, found, indexOf);
  const anchorEntities: Array<Set<string> | undefined> = [];
  const entitiesAt = (i: number) => (anchorEntities[i] ??= entitiesIn(docs[anchors[i]!.doc]!, anchors[i]!.span));
  const out: InferredDate[] = [];
  docs.forEach((d, k) => {
    if (d.meta.date !== null) return;
    let window: Interval | null = null;
    const reasons: string[] = [];
    // Report days only narrow what the events allow: alone, "revealed Friday" says no more than "on or after".
    const reports: Array<{ phrase: string; event: Required<CalendarDate>; reason: string }> = [];
    for (const [p, m] of found[k]!.phrases.entries()) {
      const byMonth = m.byMonth;
      const here = { span: m.span, entities: entitiesIn(d, m.span) };
      // A day phrase needs an event dated to the day (wordMatches keeps those only); "last month" is pinned by its month alone.
      const scored = near[k]![p]!.map(([i, words]) => ({ a: anchors[i]!, score: eventScore(words, sharedEntities(here, { entities: entitiesAt(i) })) })).filter((x) => x.score > 0).sort((x, y) => y.score - x.score);
      const best = scored[0];
      if (!best) continue;
      // Another report this close that dates the event differently: no way to tell which is meant.
      const key = (a: Pick<Anchor, 'date'>) => (byMonth ? iso(a.date).slice(0, 7) : iso(a.date));
      if (scored.some((x) => key(x.a) !== key(best.a) && best.score - x.score < AMBIGUOUS_MARGIN)) return;
      const other = docs[best.a.doc]!;
      const reason = `"${m.text}" in "${clip(d.text.slice(here.span[0], here.span[1]))}" is the event ${other.id} dates ${anchorIso(best.a)}: "${clip(other.text.slice(best.a.span[0], best.a.span[1]))}"`;
      if (byMonth) {
        if (m.reporting) continue;
        const w = monthWindow(m.text, best.a.date, !best.a.month)!;
        window = window === null ? w : [later(window[0], w[0]), earlier(window[1], w[1])];
        if (iso(window[0]) > iso(window[1])) return;
        reasons.push(reason);
        continue;
      }
      if (m.reporting) {
        reports.push({ phrase: m.text, event: best.a.date, reason: reason.replace(' is the event ', ' reports, no earlier, the event ') });
        continue;
      }
      const w = publicationWindow(m.text, best.a.date);
      if (!w) return; // "Thursday" for an event another source puts on a Tuesday: a contradiction, not evidence
      window = window === null ? w : [later(window[0], w[0]), earlier(window[1], w[1])];
      if (iso(window[0]) > iso(window[1])) return;
      reasons.push(reason);
    }
    if (window === null) return;
    for (const r of reports) {
      const narrowed = narrowByReport(window, r.phrase, r.event);
      if (narrowed === null) return; // the report would come before the event it reports
      if (iso(narrowed[0]) !== iso(window[0]) || iso(narrowed[1]) !== iso(window[1])) reasons.push(r.reason);
      window = narrowed;
    }
    const [lo, hi] = window as Interval;
    const span = (Date.UTC(hi.year, hi.month - 1, hi.day) - Date.UTC(lo.year, lo.month - 1, lo.day)) / 86_400_000;
    if (span <= MAX_DAY_WINDOW) {
      const when = span === 0 ? '' : ` (published ${iso(lo)} to ${iso(hi)}; the earliest is taken)`;
      out.push({ doc: k, date: iso(lo), evidence: `${reasons.join('; ')}${when}` });
    } else if (iso(lo).slice(0, 7) === iso(hi).slice(0, 7)) {
      // A window of weeks is no day: the month is what the evidence says, so the month is what is given.
      out.push({ doc: k, date: iso(lo).slice(0, 7), evidence: `${reasons.join('; ')} (published ${iso(lo)} to ${iso(hi)}; the month is given)` });
    }
  });
  return out;
}

const later = (a: Required<CalendarDate>, b: Required<CalendarDate>) => (iso(a) >= iso(b) ? a : b);
const earlier = (a: Required<CalendarDate>, b: Required<CalendarDate>) => (iso(a) <= iso(b) ? a : b);

/**
 * The analysis rule: documents with an inferred date (dateSource `inferred`, no `undated` flag), as new
 * objects so the caller's documents are not changed; their analyses get the same metadata and flags.
 */
export function withInferredDates(docs: readonly SourceText[], analyses: DocumentAnalysis[], clues?: readonly DateClues[], matches?: WordMatches): SourceText[] {
  const found = inferDocumentDates(docs.map((d, k) => ({ id: d.id, text: d.text, meta: d.meta, sentences: analyses[k]!.sentences, entities: analyses[k]!.entities })), undefined, clues, matches);
  const next = [...docs];
  for (const f of found) {
    const doc = docs[f.doc]!;
    const meta: SourceMeta = { ...doc.meta, date: f.date, dateSource: 'inferred', dateEvidence: f.evidence };
    const flags = doc.flags.filter((x) => x !== 'undated');
    next[f.doc] = { ...doc, meta, flags };
    analyses[f.doc]!.meta = meta;
    analyses[f.doc]!.flags = flags;
  }
  return next;
}
