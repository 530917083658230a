// Timeline: one event per sentence, anchored to the date its main event refers to; the same event reported
// by several sources merged with all their citations, told in the best-written source's words. The event
// text is always a verbatim span of a source (the sentence, or its head up to the date in run-on text).

import type { Evidence, TimelineEvent } from '../../notes/model.ts';
import type { DateMention } from '../analysis.ts';
import { isDateWord, isDateWordNumber, itemsBySentence, oneLine, shownText, sortCites, sortEvidence, spanWords, type NotesContext } from './context.ts';
import { DateNumbers, NumberedWords } from './prefix-filter.ts';
import { WordSet } from './word-set.ts';
import { inReportingClause, REPORTING } from '../rules/dates/reporting.ts';
import { hasMainVerb } from './sentence-shape.ts';
import { placedOnTimeline } from './source-dates.ts';
import { datelineAt } from '../rules/dateline.ts';
import { dateInQuote, dateWordInName, inFirstPerson, isCounterfactual, isQuestion, opensWithQuotation, ruledOut, sinceNegated } from './not-events.ts';
import { backgroundAttribute, comparisonPoint, sinceInSideClause } from './background-dates.ts';

/** Two reports of one date this alike describe the same event. */
const SAME_EVENT = 0.2;
/** …or share at least this many content words (dates aside)… */
const SAME_EVENT_SHARED = 3;
/** …making up this share of the shorter report. */
const SAME_EVENT_CONTAINED = 0.25;
/** Two reports at different granularities ("April", "April 15") must be this alike to be one event, or share
 * this many content words (twice the contained share). */
const SAME_EVENT_ACROSS_GRANULARITY = 0.3;
const SAME_EVENT_SHARED_ACROSS = 4;
/** A newcomer is compared with at most this many of the latest events filed under each (date, word). */
export const MAX_POSTINGS = 400;
/** Fewer words than this is a dateline or header ("date 2019-06-06"), not an event. */
const MIN_WORDS = 6;
/** A sentence longer than this (words) is cut to the clause holding its date, where that reads whole. */
const LONG_EVENT_WORDS = 30;

const ISO = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/;
/** "this year", "next year": a period still running or to come, not the date of an event. */
const ONGOING_YEAR = /\b(?:this|next|coming)\s+year\b/i;

/** One dated sentence (or its head), ready to be merged with the same event from other sources. */
export interface AnchoredEvent {
  date: string;
  doc: number;
  /** Sentence index in its document. */
  index: number;
  evidence: Evidence;
  words: ReadonlySet<string>;
  /** How well the event reads, to choose whose words tell a merged event. */
  quality: number;
  /** Its counts as "value unit measure" ("213  people killed"): two reports giving other numbers are two events. */
  figures?: string[];
}

export function timeline(ctx: NotesContext): TimelineEvent[] {
  return mergeEvents(anchoredEvents(ctx))
    .map((g) => {
      const lead = [...g].sort((a, b) => b.quality - a.quality || a.doc - b.doc || a.index - b.index)[0]!;
      return {
        date: mostSpecific(g.map((e) => e.date)),
        text: shownText(ctx, lead.doc, lead.evidence.start, lead.evidence.end),
        cites: sortCites(g.map((e) => e.evidence.source)),
        evidence: sortEvidence(g.map((e) => e.evidence)),
      };
    })
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.text.localeCompare(b.text)));
}

/** Anchored events of a context: the timeline and the event-date clashes read the same ones, made once. */
const anchoredOf = new WeakMap<NotesContext, readonly AnchoredEvent[]>();

/** Every dated sentence of every source, each placed once, at its anchor date (read-only: shared). */
export function anchoredEvents(ctx: NotesContext): readonly AnchoredEvent[] {
  let events = anchoredOf.get(ctx);
  if (!events) anchoredOf.set(ctx, (events = findAnchoredEvents(ctx)));
  return events;
}

function findAnchoredEvents(ctx: NotesContext): AnchoredEvent[] {
  const events: AnchoredEvent[] = [];
  ctx.analyses.forEach((a, d) => {
    const text = ctx.docs[d]!.text;
    a.sentences.forEach(([start, end], k) => {
      const inSentence = itemsBySentence(a.sentences, a.dates)[k]!;
      if (!inSentence.length) return;
      // Someone's own words (a letter in the first person, a quote), a question and what did not happen are no events.
      const sentence = text.slice(start, end);
      if (inFirstPerson(sentence) || isCounterfactual(sentence) || isQuestion(sentence) || opensWithQuotation(sentence)) return;
      const report = reportDates(text, start, inSentence, ctx.docs[d]!.meta.date);
      const background = backgroundDates(text, start, end, inSentence, ctx.docs[d]!.meta.date);
      const dates = inSentence.filter((x) => x.value && ISO.test(x.value) && !report.has(x) && !background.has(x) && placedOnTimeline(ctx.docs[d]!, x) && !ONGOING_YEAR.test(x.text)
        && !inNounModifier(text, start, end, x) && !dateInQuote(text, start, end, x, a.quotes) && !sinceNegated(text, start, x) && !ruledOut(text, start, x) && !dateWordInName(text, start, x));
      if (!dates.length) return;
      const anchor = anchorDate(text, start, dates);
      const span = eventSpan(text, start, end, anchor, a.flags.includes('degraded'));
      span[0] += datelineLength(text.slice(span[0], span[1]));
      const shown = oneLine(text.slice(span[0], span[1]));
      if (shown.split(' ').length < MIN_WORDS) return;
      // A piece the boundary model cut from unpunctuated text may be no sentence at all: it is no event.
      if (a.flags.includes('degraded') && !hasMainVerb(shown)) return;
      const evidence: Evidence = { source: ctx.docs[d]!.id, start: span[0], end: span[1], text: shown };
      // Matched on the whole sentence: a cut run-on still shares its words with a clean report of the event.
      const words = spanWords(ctx.docs[d]!, start, end);
      const figures = itemsBySentence(a.sentences, a.figures)[k]!.filter((f) => f.measure && f.measure !== 'age').map((f) => `${f.value} ${f.unit ?? ''} ${f.measure}`);
      events.push({ date: anchor.value!, doc: d, index: k, evidence, words, quality: readability(shown, a.flags.includes('degraded')), figures });
    });
  });
  return events;
}

/**
 * Dates of a sentence that date its telling, not an event: a date in a reporting clause ("…, the ministry
 * revealed Friday") when the sentence dates its event otherwise (even by a phrase that cannot be resolved,
 * "a call this week"), or when it is the source's own publication date (the news itself, "…, an official
 * told the paper on Thursday"). Such a date would put the item on the day it was published.
 */
export function reportDates(text: string, sentenceStart: number, dates: readonly DateMention[], published: string | null): Set<DateMention> {
  const inReport = dates.filter((x) => inReportingClause(text, sentenceStart, x));
  const datesEvent = inReport.length < dates.length;
  return new Set(inReport.filter((x) => datesEvent || (published !== null && x.value === published)));
}

/**
 * Dates of a sentence that are not its event's (background-dates.ts): a point it compares with ("the first time
 * … since Jan. 13"), the start of a state told in a side clause ("…, which has been on patrol since March") and
 * the date of a thing it relates its event to ("over the 2008 collapse"). A comparison
 * puts the sentence's event at the time of the report, so a date in one of its subordinate clauses ("Ritter, who
 * arrived Thursday, …") dates a side event, not it, and goes too.
 */
function backgroundDates(text: string, sentenceStart: number, sentenceEnd: number, dates: readonly DateMention[], published: string | null): Set<DateMention> {
  const compared = dates.filter((x) => comparisonPoint(text, sentenceStart, sentenceEnd, x));
  return new Set(dates.filter((x) => compared.includes(x) || (compared.length > 0 && inSubordinateClause(text, sentenceStart, x))
    || sinceInSideClause(text, sentenceStart, x) || backgroundAttribute(text, sentenceStart, sentenceEnd, x, published)));
}

/**
 * The date a sentence's main event refers to. A date in a reporting clause ("…, an official told the paper
 * on Thursday") dates the report, so it counts only when the sentence has no other date; of the rest, the
 * most specific wins ("in April … on April 15" → April 15), and among equally specific ones the earliest.
 */
export function anchorDate(text: string, sentenceStart: number, dates: readonly DateMention[]): DateMention {
  const events = dates.filter((x) => !inReportingClause(text, sentenceStart, x) && !ruledOut(text, sentenceStart, x));
  const pool = events.length ? events : dates;
  // "walked out on Saturday after talks collapsed on Friday": the main clause's date is the event's.
  const main = pool.filter((x) => !SUBORDINATE.test(clauseBefore(text, sentenceStart, x)));
  return [...(main.length ? main : pool)].sort((a, b) => b.value!.length - a.value!.length || (a.value! < b.value! ? -1 : a.value! > b.value! ? 1 : a.start - b.start))[0]!;
}

/** Whether a date stands in a clause that is not its sentence's main one ("who has ruled the east since 2014"). */
export const inSubordinateClause = (text: string, sentenceStart: number, x: DateMention): boolean => SUBORDINATE.test(clauseBefore(text, sentenceStart, x));

/**
 * Whether a date stands in a comma-bounded modifier of a noun: a participle ("the offensive, launched in
 * April, stalls"; "Signed on May 3, the deal takes effect"), a relative clause ("the talks, which began in
 * April, collapsed") or a passive participle with its agent ("a crossing built by the army on Monday"). Such a date dates the noun's event, never the main clause's, so it must not anchor the
 * sentence (the timeline has no report-dated items: a sentence left with no other date is left out).
 */
export function inNounModifier(text: string, sentenceStart: number, sentenceEnd: number, x: DateMention): boolean {
  const clause = clauseBefore(text, sentenceStart, x);
  if (REDUCED_PASSIVE.test(clause) || RESTRICTIVE_PASSIVE.test(clause)) return true;
  // Otherwise the modifier is closed by a comma or dash before the sentence goes on ("…in April, stalls").
  if (!/^[^,;—.!?]{0,40}[,—]\s*\p{L}/u.test(text.slice(x.end, sentenceEnd))) return false;
  if (RELATIVE.test(clause)) return true;
  if (!PARTICIPLE_MODIFIER.test(clause)) return false;
  // Opened at the sentence start, or by the first comma after the subject: a participle after a later comma
  // is as likely the main verb after an aside ("The army, backed by Norland, attacked on Monday, …").
  const opening = text.slice(sentenceStart, x.start - clause.length);
  return opening.trim() === '' || !/[,;—]/.test(opening.slice(0, -1));
}

/**
 * "…to a temporary crossing built by the army on Monday": a passive participle with its agent ("by the army")
 * right after a noun, with no "was"/"has been" before it, modifies that noun, comma or not.
 */
const REDUCED_PASSIVE = /\b(?!(?:was|were|been|be|being|is|are|am|has|have|had|get|gets|got|not|and|or)\s)\p{Ll}{3,}\s+(?:\p{Ll}{2,}ed|built|made|taken|held|set|sent|won|given|drawn|brought|begun|led|run|sold|struck|thrown|written|seen|known|found)\s+by\s+(?:the\s+|a\s+|an\s+)?[\p{L}'’.-]+(?:\s+[\p{L}'’.-]+){0,3}\s+(?:in|on|at|during|last|early|late)\s+$/u;

/**
 * "…the parliament that was elected democratically in 2014…": a relative pronoun, a passive "was/has been" and its
 * participle right before the date; the clause tells when its noun came about, whatever follows it, comma or not.
 */
const RESTRICTIVE_PASSIVE = /\b(?:that|which|who)\s+(?:was|were|had\s+been|has\s+been|have\s+been)\s+(?:\p{Ll}+ly\s+)?(?:\p{Ll}{2,}ed|built|made|taken|held|set|sent|won|given|drawn|brought|begun|led|run|sold|struck|thrown|written|seen|known|found|chosen|signed)\s+(?:\p{Ll}+ly\s+)?(?:(?:in|on|at|during|last|early|late|mid|the|this|earlier)\s+)+$/u;

/** A non-restrictive relative clause: "…, which began in April, …", "…, a secularist who has held … since 2014, …". */
const RELATIVE = /\b(?:which|who|whose)\b/i;
/** A past participle and at most a preposition or determiner before the date: "launched in", "signed on", "held last". */
const PARTICIPLE_MODIFIER = /^\s*(?:(?:first|originally|only|initially)\s+)?(?:\p{Ll}{2,}ed|begun|held|set|built|made|taken|won|given|known|seen|written|drawn|struck|brought|sent|fought|found|led|run|sold|begun|thrown|hit|put|agreed|signed)\s+(?:(?:in|on|at|during|from|last|early|late|mid|the|this|earlier)\s+)*$/iu;

/** Words opening a clause that is not the sentence's main one: a date after them dates a side event. */
const SUBORDINATE = /\b(?:after|before|since|when|while|until|following|once|because|which|who|whom|that|whose)\b/i;

/** The text of a date's clause before it: from the last comma (or the sentence start) up to the date. */
function clauseBefore(text: string, sentenceStart: number, x: DateMention): string {
  const before = text.slice(sentenceStart, x.start);
  return before.slice(Math.max(before.lastIndexOf(','), before.lastIndexOf(';'), before.lastIndexOf('—')) + 1);
}

/**
 * The span that tells the event: the whole sentence, except a run-on from a degraded source (no closing
 * punctuation: its end is where the splitter gave up, often mid-clause), which is cut right after its date
 * ("the mayor was ousted and jailed in 2011 outside powers have…" → up to "2011"). Cutting keeps the text
 * verbatim, so it stays traceable.
 */
function eventSpan(text: string, start: number, end: number, anchor: DateMention, degraded: boolean): [number, number] {
  const runOn = degraded && !/[.!?]["”’)]*\s*$/.test(text.slice(start, end)) && /\p{L}/u.test(text.slice(anchor.end, end));
  if (runOn) return oneLine(text.slice(start, anchor.end)).split(' ').length < MIN_WORDS ? [start, end] : [start, anchor.end];
  return [start, clauseEnd(text, start, end, anchor) ?? end];
}

/**
 * A long sentence is cut at the end of the clause holding its date, when that leaves a sentence head of some
 * length with its own subject and verb ("The parliament was elected in 2014, and its rivals…" → up to "2014";
 * not "Vell, a secularist who has held the east since 2014, …", whose head is no sentence). Never when the
 * rest holds the attribution ("…, an official said"): a claim must not lose who made it. Never inside
 * quotation marks. Null when the sentence is kept whole.
 */
function clauseEnd(text: string, start: number, end: number, anchor: DateMention): number | null {
  if (oneLine(text.slice(start, end)).split(' ').length <= LONG_EVENT_WORDS) return null;
  const cut = clauseBreakAfter(text, start, anchor.end, end);
  if (cut === null) return null;
  const head = text.slice(start, cut);
  if (oneLine(head).split(' ').length < 2 * MIN_WORDS - 4 || REPORTING.test(text.slice(cut, end))) return null;
  if ((head.match(/["“”]/g) ?? []).length % 2 === 1) return null;
  // "Vell, a secularist who has controlled the east since 2014" has no verb of its own: not a sentence.
  if (!hasMainVerb(head)) return null;
  return cut;
}

/**
 * The first comma, semicolon or dash in text[from, end) that ends a clause: not a comma inside a noun phrase
 * ("came with an updated, more accurate method": cut, "came with an updated") nor one inside a list of names
 * ("available in the United States, Britain, France and Japan": cut, the list would lose the rest of its
 * members, which changes the claim). Null when there is none.
 */
export function clauseBreakAfter(text: string, start: number, from: number, end: number): number | null {
  const BREAK = /[,;—]/g;
  BREAK.lastIndex = from;
  for (let m = BREAK.exec(text); m && m.index < end; m = BREAK.exec(text)) {
    if (m[0] !== ',') return m.index;
    const head = text.slice(start, m.index);
    const rest = text.slice(m.index, end);
    if (NOUN_PHRASE_OPEN.test(head) && continuesNounPhrase(rest)) continue;
    const list = NAME_END.test(head) ? NAME_LIST_TAIL.exec(rest) : null;
    if (list) { BREAK.lastIndex = m.index + list[0].length; continue; }
    return m.index;
  }
  return null;
}

/** A determiner and one word: a noun phrase that has not reached its noun unless that word is it ("an updated"). */
const NOUN_PHRASE_OPEN = /\b(?:a|an|the|its|their|his|her|our|this|these|those)\s+\p{Ll}[\p{Ll}-]*$/iu;
/** Words that open a new clause or phrase after a comma: conjunctions, relatives, prepositions, pronouns, determiners. */
const CLAUSE_OPENERS = new Set(`and or but nor so yet then which who whom whose where when while that as because since though although
  after before if unless until including with without from to in on at by for of into about against among than like
  the a an this these those his her its their our my your he she it they we i you there not also even only both either
  said says according`.split(/\s+/));
/**
 * After "a|the X,": another modifier of the same noun ("more accurate method", "cheaper model") rather than a new
 * clause or an apposition. A word followed by a reporting verb is the subject of a clause (", officials said,").
 */
function continuesNounPhrase(rest: string): boolean {
  const m = /^,\s+(\p{Ll}[\p{Ll}-]*)(?:\s+(\p{Ll}+))?/u.exec(rest);
  const next = m?.[1];
  return next !== undefined && !CLAUSE_OPENERS.has(next) && !/ing$/.test(next) && !REPORTING_VERBS.has(m![2] ?? '');
}
/** Verbs that report what someone said: the word before one is its speaker. */
const REPORTING_VERBS = new Set(['said', 'says', 'told', 'tells', 'added', 'adds']);

/** A capitalised word (a name's last) ending the head before a comma. */
const NAME_END = /(?:^|\s)(?:\p{Lu}[\p{L}\p{N}'’&.-]*)$/u;
const NAME = String.raw`(?:the\s+)?\p{Lu}[\p{L}\p{N}'’&.-]*(?:\s+(?:of\s+)?\p{Lu}[\p{L}\p{N}'’&.-]*)*`;
/** ", Britain, France and Japan": the rest of a list of names (at least one more after a comma, then "and"/"or" the last). */
const NAME_LIST_TAIL = new RegExp(String.raw`^(?:,\s+${NAME})+,?\s+(?:and|or)\s+${NAME}`, 'u');

/** Length of the wire dateline opening `sentence` (where the story was filed, not the event), or 0 when there is
 * none or the entry would be too short without it. The entry starts after it (still a verbatim span). */
function datelineLength(sentence: string): number {
  const d = datelineAt(sentence);
  return d && oneLine(sentence.slice(d.end)).split(' ').length >= MIN_WORDS ? d.end : 0;
}

/** How well a sentence reads as a timeline entry: a clean source, a capital at the start, a full stop at the end, a moderate length. */
function readability(text: string, degraded: boolean): number {
  const n = text.split(' ').length;
  return (degraded ? 0 : 4) + (/^["“‘]?\p{Lu}/u.test(text) ? 1 : 0) + (/[.!?]["”’)]*$/.test(text) ? 1 : 0) + (n >= 8 && n <= 40 ? 1 : 0) - (/^["“‘]/.test(text) ? 1 : 0);
}

/** A group of events being merged: its number (`id`), its members (positions in the input), its distinct dates (as
 * the index's date numbers), and its place in the order of groups. */
interface EventGroup { id: number; members: number[]; dates: number[]; order: number }

/** Groups of events that are one event: same date (or one date within the other) and similar words. */
export function mergeEvents(events: readonly AnchoredEvent[]): AnchoredEvent[][] {
  const groups: EventGroup[] = [];
  const newGroup = (order: number): EventGroup => { const g = { id: groups.length, members: [], dates: [], order }; groups.push(g); return g; };
  const index = new EventIndex(events);
  let order = 0;
  events.forEach((e, i) => {
    // A newcomer like events of several groups joins them into one (four sources may each echo a different
    // pair), but every date in a group must agree with the newcomer's, so no group spans two days.
    const homes = index.homes(i, groups);
    homes.sort((a, b) => a.order - b.order);
    const date = index.dateOf(i);
    let home: EventGroup;
    if (!index.datesAgree(homes, date)) {
      // The newcomer cannot join them all: it goes to the first (keeping its place), or starts a group.
      home = homes[0] ?? newGroup(order++);
    } else {
      // One group, or several joined into the first (the others' members after its own, in group order):
      // the joined group moves to the end of the order. Joining in place, not copying the first group's
      // members, keeps a large group absorbing small ones linear.
      home = homes[0] ?? newGroup(0);
      home.order = order++;
      for (const g of homes.slice(1)) {
        for (const j of g.members) { home.members.push(j); index.groupOf[j] = home.id; }
        for (const d of g.dates) if (!home.dates.includes(d)) home.dates.push(d);
      }
    }
    home.members.push(i);
    if (!home.dates.includes(date)) home.dates.push(date);
    index.add(i, home);
  });
  // The groups events are in (a group joined into another has none left).
  return [...new Set(Array.from(index.groupOf, (g) => groups[g]!))].sort((a, b) => a.order - b.order).map((g) => g.members.map((j) => events[j]!));
}

/** Fewest words two events that sameEvent takes for one can share, for an event of `size` content words
 * (whatever the other's size): a Jaccard of SAME_EVENT needs ceil(SAME_EVENT · size) shared words, the
 * contained route SAME_EVENT_SHARED; the tests across granularities ask for more. */
export const minSharedWords = (size: number): number => Math.min(SAME_EVENT_SHARED, Math.ceil(SAME_EVENT * size - 1e-9));

/**
 * Whether filed events of one signature (`reps`) already stand for a newcomer of source `doc` in `group`: the set of
 * the sources of those in the group (groupOf, docOf by event) holds `doc` or has two members. Found without making
 * the set: EventIndex asks it on every add.
 */
export function standFor(reps: readonly number[], groupOf: Int32Array, docOf: Int32Array, group: number, doc: number): boolean {
  let seen = -1;
  for (const j of reps) {
    if (groupOf[j] !== group) continue;
    const d = docOf[j]!;
    if (d === doc || (seen >= 0 && d !== seen)) return true;
    seen = d;
  }
  return false;
}

/**
 * Filed events by list (a (key, word) of EventIndex), flat: list k's entries from first[k], filled[k] of them so far,
 * of room for first[k + 1] − first[k]: each event's position (`js`) and where the word stands in its prefix (`at`).
 */
interface EventLists { first: Int32Array; filled: Int32Array; js: Int32Array; at: Int32Array }

/**
 * Events by date and word, so a newcomer is compared only with events it could be one with instead of with
 * every event so far: merging stays near-linear in a folder of thousands of sources. Exact, by three facts:
 * - sameEvent needs compatible dates: an event dated D is filed under "=D" and under "*P" for each coarser
 *   form P of D ("2019", "2019-04" for "2019-04-15"); a newcomer dated D looks up "=Q" for D and each coarser
 *   form Q (events of its date or coarser) and "*D" (finer events). Each compatible event is under one key.
 * - sameEvent needs k = minSharedWords(size) shared words (prefix filtering): in one global order of words
 *   (date words last, as thousands of events on one day share them; then the rarest first), two events
 *   sharing k words share one among each one's first size − k + 1 words, so only those are filed and looked up.
 * - Events with the same date, words and counts are alike to every event alike: one of them per group is
 *   filed (two, from different sources, as sameEvent asks more of two sentences of one source).
 * What a candidate is tested on sits in flat typed arrays by event (size, source, date, group, whether it gives
 * counts) and words and dates are numbers (prefix-filter.ts): on a day thousands of sources share, a newcomer
 * meets hundreds of candidates, most of a group found a home already, and none is read from its event object.
 */
class EventIndex {
  /** The lists' numbers by key (2 · date number for "=D", 2 · date number + 1 for "*P"), then by word (its place
   * in the global order): one list for each (key, word) some event would be filed under. */
  private listOf = new Map<number, Map<number, number>>();
  /** The lists, flat (see EventLists). */
  private lists: EventLists;
  /** The events' words as numbers (prefix-filter.ts), and their prefixes as places in the global word order: flat,
   * event after event, event k's from prefixes.start[k]. */
  private words: NumberedWords;
  private prefixes: { words: Int32Array; start: Int32Array };
  private signatures: string[];
  /** Filed events by signature (date, words, counts). */
  private filed = new Map<string, number[]>();
  private dates = new DateNumbers();
  /** Each event's content-word count, source, date number and whether it gives counts (figures). */
  private size: Int32Array;
  private doc: Int32Array;
  private dateNo: Int32Array;
  private counted: Uint8Array;
  /** For an event that gives counts, its counts and their measures as numbers (equal numbers, equal strings). */
  private counts: Array<{ values: number[]; measures: number[] } | undefined>;
  /** Each event's group, by number (-1 until placed): the one record of it, kept by mergeEvents. */
  readonly groupOf: Int32Array;
  /** Which newcomer last took an event; which found a group (by number: at most one a newcomer) a home;
   * which looked at a group's dates, and their answer. */
  private seen: Int32Array;
  private homeFor: Int32Array;
  private datesFor: Int32Array;
  private datesAgreed: Uint8Array;

  constructor(events: readonly AnchoredEvent[]) {
    this.words = new NumberedWords(events.map((e) => e.words));
    this.prefixes = this.words.prefixes((_, size) => size - minSharedWords(size) + 1);
    this.size = Int32Array.from(events, (e) => e.words.size);
    this.doc = Int32Array.from(events, (e) => e.doc);
    this.dateNo = Int32Array.from(events, (e) => this.dates.of(e.date));
    this.lists = this.layLists(events.length);
    this.counted = Uint8Array.from(events, (e) => (e.figures?.length ? 1 : 0));
    const numbers = new Map<string, number>();
    const number = (x: string) => numbers.get(x) ?? numbers.set(x, numbers.size).get(x)!;
    this.counts = events.map((e) => (e.figures?.length ? { values: e.figures.map(number), measures: e.figures.map((f) => number(measureOf(f))) } : undefined));
    // The words by their sorted numbers (one number a word): the same words, the same signature, with no sort of strings.
    this.signatures = events.map((e, k) => `${this.dateNo[k]}\u0001${this.words.ids.subarray(this.words.start[k], this.words.start[k + 1]).join(' ')}\u0001${e.figures?.length ? [...new Set(e.figures)].sort().join('\u0002') : ''}`);
    this.groupOf = new Int32Array(events.length).fill(-1);
    this.seen = new Int32Array(events.length).fill(-1);
    this.homeFor = new Int32Array(events.length).fill(-1);
    this.datesFor = new Int32Array(events.length).fill(-1);
    this.datesAgreed = new Uint8Array(events.length);
  }

  /** Event i's date, as a number (the groups keep their dates so). */
  dateOf(i: number): number { return this.dateNo[i]!; }

  /** Whether every two dates of the groups and `date` are compatible. Each home agrees with `date` and a group's
   * own dates agree (this test made them so), so fewer than two homes always agree. */
  datesAgree(homes: readonly EventGroup[], date: number): boolean {
    if (homes.length < 2) return true;
    const all = [date, ...homes.flatMap((g) => g.dates)];
    return all.every((x) => all.every((y) => this.dates.compatible(x, y)));
  }

  /** Files event `i`, now in `home`, unless its group already holds events that stand for it. */
  add(i: number, home: EventGroup): void {
    this.groupOf[i] = home.id;
    const sig = this.signatures[i]!;
    const reps = this.filed.get(sig);
    if (reps && standFor(reps, this.groupOf, this.doc, home.id, this.doc[i]!)) return;
    if (reps) reps.push(i); else this.filed.set(sig, [i]);
    const { words: prefixes, start } = this.prefixes;
    const { first, filled, js, at } = this.lists;
    for (const key of this.filingKeys(i)) {
      const byWord = this.listOf.get(key)!;
      for (let p = 0; p < start[i + 1]! - start[i]!; p++) {
        const list = byWord.get(prefixes[start[i]! + p]!)!;
        const n = first[list]! + filled[list]!++;
        js[n] = i;
        at[n] = p;
      }
    }
  }

  /** The keys event i is filed under: "*P" for each coarser form P of its date, then "=D" for its date. */
  private filingKeys(i: number): number[] {
    const date = this.dateNo[i]!;
    const level = this.dates.level(date);
    const keys: number[] = [];
    for (let l = 0; l < level; l++) keys.push(2 * this.dates.formAt(date, l) + 1);
    keys.push(2 * date);
    return keys;
  }

  /**
   * Numbers a list for each (key, word) an event would be filed under and lays them out flat, each with room for
   * every event that could be filed there: filing fills them in event order, as lists growing by pushes did, but
   * with no array per list and nothing to copy as they grow (at 10,000 sources ~220,000 lists, ~1.5 M entries).
   */
  private layLists(count: number): EventLists {
    const { words: prefixes, start } = this.prefixes;
    const room: number[] = [];
    for (let i = 0; i < count; i++) {
      for (const key of this.filingKeys(i)) {
        let byWord = this.listOf.get(key);
        if (!byWord) this.listOf.set(key, (byWord = new Map()));
        for (let p = start[i]!; p < start[i + 1]!; p++) {
          const list = byWord.get(prefixes[p]!);
          if (list === undefined) { byWord.set(prefixes[p]!, room.length); room.push(1); } else room[list]!++;
        }
      }
    }
    const first = new Int32Array(room.length + 1);
    for (let list = 0; list < room.length; list++) first[list + 1] = first[list]! + room[list]!;
    return { first, filled: new Int32Array(room.length), js: new Int32Array(first[room.length]!), at: new Int32Array(first[room.length]!) };
  }

  /**
   * The groups event `i` joins: every date agrees with its own, and a member is alike (sameEvent). Each earlier
   * filed event with a compatible date sharing a prefix word with `i` is taken once, unless its group is a
   * home already, and tested with the most words the two can share (positional filtering): met first at the
   * p-th word of i's prefix and the at-th of j's, they share no word before either (a rarer shared word, in
   * the one global order, would have met them sooner, under the same key), so at most 1 + the fewer words left after.
   */
  homes(i: number, groups: readonly EventGroup[]): EventGroup[] {
    const date = this.dateNo[i]!;
    const level = this.dates.level(date);
    const size = this.size[i]!;
    const { words: prefixes, start } = this.prefixes;
    const { first, filled, js, at } = this.lists;
    const homes: EventGroup[] = [];
    // Events of its date or a coarser form ("=Q"), then events of finer dates within it ("*D").
    for (let l = 0; l <= level + 1; l++) {
      const byWord = this.listOf.get(l <= level ? 2 * this.dates.formAt(date, l) : 2 * date + 1);
      if (!byWord) continue;
      for (let p = 0; p < start[i + 1]! - start[i]!; p++) {
        const list = byWord.get(prefixes[start[i]! + p]!);
        if (list === undefined) continue;
        for (let n = first[list]!, end = n + filled[list]!; n < end; n++) {
          const j = js[n]!;
          if (this.seen[j] === i) continue;
          this.seen[j] = i;
          const g = this.groupOf[j]!;
          if (this.homeFor[g] === i) continue; // one alike member is enough: the rest of its group need no test
          // The bound on shared words first: it turns most candidates away, with no word or date lookup.
          if (Math.min(size - p, this.size[j]! - at[n]!) < this.needed(j, i) - 1e-9) continue;
          if (!this.agrees(groups[g]!, i) || !this.alike(j, i)) continue;
          this.homeFor[g] = i;
          homes.push(groups[g]!);
        }
      }
    }
    return homes;
  }

  /** The fewest shared words (date words included) with which sameEvent can take events j and i for one: the least
   * of what its routes need (a Jaccard of J needs J/(1+J) of both sizes; the contained route its count and share). */
  private needed(j: number, i: number): number {
    const both = this.size[j]! + this.size[i]!;
    const small = Math.min(this.size[j]!, this.size[i]!);
    const same = this.dateNo[j] === this.dateNo[i];
    const jaccard = same ? SAME_EVENT : SAME_EVENT_ACROSS_GRANULARITY;
    const byJaccard = (jaccard / (1 + jaccard)) * both;
    if (this.doc[j] === this.doc[i]) return byJaccard;
    return Math.min(byJaccard, Math.max(same ? SAME_EVENT_SHARED : SAME_EVENT_SHARED_ACROSS, (same ? SAME_EVENT_CONTAINED : 2 * SAME_EVENT_CONTAINED) * small));
  }

  /** Whether every date of group `g` agrees with event i's (asked once per newcomer and group). */
  private agrees(g: EventGroup, i: number): boolean {
    if (this.datesFor[g.id] !== i) {
      this.datesFor[g.id] = i;
      const date = this.dateNo[i]!;
      this.datesAgreed[g.id] = g.dates.every((d) => this.dates.compatible(d, date)) ? 1 : 0;
    }
    return this.datesAgreed[g.id] === 1;
  }

  /**
   * sameEvent(events[j], events[i]) for a candidate (its date compatible with i's, by the key it was filed
   * under), with the shared words counted by one merge of the two sorted number arrays instead of set lookups:
   * the same counts (a date word's number is odd), so the same answer.
   */
  private alike(j: number, i: number): boolean {
    if (this.counted[j] && this.counted[i] && countNumbersDiffer(this.counts[j]!, this.counts[i]!)) return false;
    const both = this.words.shared(j, i);
    return alikeCounts(this.size[j]!, this.size[i]!, this.dateNo[j] === this.dateNo[i], this.doc[j] !== this.doc[i], both.inter, both.shared);
  }
}

/** Alike enough to be one event: overall word overlap, or (for a short report inside a long sentence)
 * several shared content words making up a good part of the shorter one. */
export function sameEvent(a: Pick<AnchoredEvent, 'date' | 'doc' | 'words' | 'figures'>, b: Pick<AnchoredEvent, 'date' | 'doc' | 'words' | 'figures'>): boolean {
  // "213 killed" and "more than 600 killed" in alike sentences are two moments of a toll, not one report.
  if (countsDiffer(a.figures ?? [], b.figures ?? [])) return false;
  // Dates that cannot be one event's rule it out before any word is read.
  if (a.date !== b.date && !compatible(a.date, b.date)) return false;
  // similarity, sharedWords and containment of the two word sets: one merge of their numbers for WordSets (the
  // key points ask this of millions of neighbour pairs), else one pass over the smaller set.
  if (a.words instanceof WordSet && b.words instanceof WordSet) {
    const { inter, kept } = a.words.sharedCounts(b.words, isDateWordNumber);
    return alikeCounts(a.words.size, b.words.size, a.date === b.date, a.doc !== b.doc, inter, kept);
  }
  const small = a.words.size <= b.words.size ? a.words : b.words;
  const large = small === a.words ? b.words : a.words;
  let inter = 0;
  let shared = 0;
  for (const w of small) if (large.has(w)) { inter++; if (!isDateWord(w)) shared++; }
  return alikeCounts(a.words.size, b.words.size, a.date === b.date, a.doc !== b.doc, inter, shared);
}


/** sameEvent's test for events of compatible dates once their shared words are counted (`inter` in all, `shared`
 * of them not date words), given as numbers: their sizes, whether the dates are equal and whether the two are from
 * different sources. */
function alikeCounts(sizeA: number, sizeB: number, sameDate: boolean, retold: boolean, inter: number, shared: number): boolean {
  const smallSize = Math.min(sizeA, sizeB);
  const jaccard = smallSize ? inter / (sizeA + sizeB - inter) : 0;
  const contained = smallSize ? shared / smallSize : 0;
  // One source rarely tells one event twice in different words (retold: from another source): its look-alike
  // sentences are different events.
  if (sameDate) return jaccard >= SAME_EVENT || (retold && shared >= SAME_EVENT_SHARED && contained >= SAME_EVENT_CONTAINED);
  return jaccard >= SAME_EVENT_ACROSS_GRANULARITY || (retold && shared >= SAME_EVENT_SHARED_ACROSS && contained >= 2 * SAME_EVENT_CONTAINED);
}

/** Both give a count of the same measure and none of one's values is among the other's. */
function countsDiffer(a: readonly string[], b: readonly string[]): boolean {
  if (!a.length || !b.length) return false; // nothing shared: most events give no count
  const shared = a.map(measureOf).filter((m) => b.some((f) => measureOf(f) === m));
  return shared.length > 0 && !a.some((f) => b.includes(f));
}

/** countsDiffer of two events' counts given as numbers (the same strings, the same numbers): no string is cut per pair. */
function countNumbersDiffer(a: { values: number[]; measures: number[] }, b: { values: number[]; measures: number[] }): boolean {
  return a.measures.some((m) => b.measures.includes(m)) && !a.values.some((v) => b.values.includes(v));
}

/** "213  people killed" → "people killed": what a count counts. */
const measureOf = (f: string) => f.slice(f.indexOf(' ') + 1);

/** Two ISO dates that can name the same day: equal, or one the coarser form of the other ("2019-04", "2019-04-15"). */
export const compatible = (a: string, b: string) => a.startsWith(b) || b.startsWith(a);

/** The most specific of compatible dates ("2019-04", "2019-04-15" → "2019-04-15"); the earliest on a tie. */
function mostSpecific(dates: readonly string[]): string {
  return [...dates].sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0))[0]!;
}
