// Date and time expressions: a named, ordered list of small rules finds candidate spans (rules/dates/*),
// overlaps keep the longest, neighbours that form one date are joined, and values are resolved left to right.

import type { DateMention } from '../analysis.ts';
import { ABSOLUTE_RULES } from './dates/absolute.ts';
import { parseIso, type CalendarDate } from './dates/calendar.ts';
import type { DateCandidate, DateRule } from './dates/candidate.ts';
import { RELATIVE_RULES } from './dates/relative.ts';
import { looksFuture, resolveDate, resolveValue } from './dates/resolve.ts';
import { VAGUE_RULES } from './dates/vague.ts';

/** Every rule, by name; the order only breaks ties between candidates of equal length. */
export const DATE_RULES: ReadonlyArray<[string, DateRule]> = [...ABSOLUTE_RULES, ...RELATIVE_RULES, ...VAGUE_RULES];

/** Keep the longest of overlapping candidates (earlier rule on a tie), in text order. */
export function selectLongest(candidates: DateCandidate[]): DateCandidate[] {
  const order = candidates.map((c, k) => ({ c, k }));
  order.sort((a, b) => a.c.start - b.c.start || (b.c.end - b.c.start) - (a.c.end - a.c.start) || a.k - b.k);
  const kept: DateCandidate[] = [];
  for (const { c } of order) {
    const last = kept[kept.length - 1];
    if (!last || c.start >= last.end) kept.push(c);
    // A later-starting candidate that is longer than the one it overlaps wins ("the third quarter" over "the").
    else if (c.end - c.start > last.end - last.start) kept[kept.length - 1] = c;
  }
  return kept;
}

/** What may stand between two parts of one date: a comma, a space, "on", "at", "of". */
const JOIN_GAP = /^(?:\s*,\s*|\s+|\s+(?:on|at|of)\s+)$/i;

const hasDayPart = (c: DateCandidate) => (c.meaning.kind === 'calendar' || c.meaning.kind === 'month') && c.meaning.day !== undefined;

/** A day of its own: a dated day, a weekday or a shift by days ("yesterday"). */
const namesDay = (c: DateCandidate) => hasDayPart(c) || c.meaning.kind === 'weekday' || (c.meaning.kind === 'shift' && c.meaning.unit === 'day');

/** Join "10 p.m." + "Wednesday", "Friday" + "Feb. 13, 1998": one date, the more precise part's meaning. */
function joinParts(a: DateCandidate, b: DateCandidate, gap: string): DateCandidate | null {
  const span = { start: a.start, end: b.end, rule: `${a.rule}+${b.rule}` };
  if (a.meaning.kind === 'time' && b.meaning.kind !== 'time' && b.time === undefined) return { ...span, meaning: b.meaning, time: a.meaning.time };
  if (b.meaning.kind === 'time' && a.meaning.kind !== 'time' && a.time === undefined) return { ...span, meaning: a.meaning, time: b.meaning.time };
  // "mid-afternoon yesterday", "Friday, late evening": a part of the day takes its neighbour's day.
  if (a.rule === 'part-of-day' && namesDay(b)) return { ...span, meaning: b.meaning, ...(b.time !== undefined ? { time: b.time } : {}) };
  if (b.rule === 'part-of-day' && namesDay(a)) return { ...span, meaning: a.meaning, ...(a.time !== undefined ? { time: a.time } : {}) };
  if (a.meaning.kind === 'weekday' && hasDayPart(b)) return { ...span, meaning: b.meaning, ...(b.time !== undefined ? { time: b.time } : {}) };
  if (b.meaning.kind === 'weekday' && hasDayPart(a)) return { ...span, meaning: a.meaning, ...(a.time !== undefined ? { time: a.time } : {}) };
  // "January nineteen ninety-seven": a yearless month and a year said apart.
  const yearOnly = b.meaning.kind === 'calendar' && b.meaning.month === undefined ? b.meaning.year : null;
  if (a.meaning.kind === 'month' && a.meaning.yearShift === undefined && yearOnly !== null && /^\s+$/.test(gap)) {
    return { ...span, meaning: { kind: 'calendar', year: yearOnly, month: a.meaning.month, ...(a.meaning.day !== undefined ? { day: a.meaning.day } : {}) } };
  }
  return null;
}

export function joinAdjacent(text: string, candidates: DateCandidate[]): DateCandidate[] {
  const out: DateCandidate[] = [];
  for (const c of candidates) {
    const last = out[out.length - 1];
    const gap = last ? text.slice(last.end, c.start) : '';
    if (last && c.start - last.end <= 6 && JOIN_GAP.test(gap)) {
      const joined = joinParts(last, c, gap);
      if (joined) { out[out.length - 1] = joined; continue; }
    }
    out.push(c);
  }
  return out;
}

/**
 * Whether a date may anchor a later "a week later". Dates the text names do, and so do event times counted
 * from the document ("two months ago", "yesterday"); year-sized comparisons ("a year ago", "last year") and
 * dates counted from another do not: in reports they are parallel baselines, and chaining "a year earlier"
 * off the previous "a year earlier" walks back a year each time (measured on TimeBank).
 */
function anchors(c: DateCandidate): boolean {
  const m = c.meaning;
  if (m.kind === 'shift') return m.anchor === 'document' && m.unit !== 'year';
  return m.kind === 'calendar' || m.kind === 'month' || m.kind === 'weekday';
}

/**
 * Find every date or time expression. Relative expressions resolve only against `documentDate` (ISO, any
 * granularity); without it they get value null, and no year is ever guessed.
 */
export function findDates(text: string, documentDate: string | null): DateMention[] {
  return resolveDates(text, findDateCandidates(text), documentDate);
}

/**
 * The date expressions of `text`, not yet resolved: what `findDates` finds before it reads the document
 * date. It does not depend on that date, so a caller that resolves one text against two dates (or twice,
 * as the document-dates rule and the dates rule do) finds them once. Read only: resolving does not change them.
 */
export function findDateCandidates(text: string): readonly DateCandidate[] {
  return joinAdjacent(text, selectLongest(DATE_RULES.flatMap(([, rule]) => rule(text))));
}

/** `findDates(text, documentDate)`, from `findDateCandidates(text)`: the values resolved left to right. */
export function resolveDates(text: string, candidates: readonly DateCandidate[], documentDate: string | null): DateMention[] {
  const doc = parseIso(documentDate);
  let previous: CalendarDate | null = null;
  return candidates.map((c) => {
    const ctx = { doc, previous, future: looksFuture(text, c.start) };
    const value = resolveValue(c, ctx);
    if (anchors(c)) previous = resolveDate(c, ctx);
    return { start: c.start, end: c.end, text: text.slice(c.start, c.end), value };
  });
}
