// Rules for dates that count from the document date or from the previous date in the text: "yesterday",
// "last month", "two years ago", "a week later", weekdays, and times of day that attach to them.

import { anchored, ANCHOR, mentionTest, scan, scanAnchored, type DateRule, type Direction, type Unit } from './candidate.ts';
import { countOf, NUMBER_WORD, WEEKDAY, WEEKDAYS } from './lexicon.ts';

/** Words a rule below needs in the text before its regexes are worth running. */
const MENTIONS_DAY_PART = mentionTest(['morning', 'afternoon', 'evening', 'overnight']);

const PART_OF_DAY = String.raw`(?:\s+(?:morning|afternoon|evening|night))?`;

/** yesterday / today / tomorrow / tonight / last night / this morning, with "early"/"late" and a part of the day. */
const DEICTIC_DAY_RE = anchored(new RegExp(String.raw`\b(?:(?:early|late|earlier|later)\s+)?(?:the\s+day\s+(before|after)\s+)?(yesterday|today|tomorrow|tonight)${PART_OF_DAY}\b`, 'iy'), ANCHOR.dayPart, 4, /(?:yesterday|today|tomorrow|tonight)\b/iy);
const PART_OF_DAY_RE = anchored(/\b(?:(?:early|late|earlier|later)\s+)?(last|this)\s+(night|morning|afternoon|evening)\b/iy, ANCHOR.dayPart, 2, /(?:night|morning|afternoon|evening)\b/iy);
const deicticDay: DateRule = (text) => [
  // "early the day before yesterday": four words before the day word ("day" is not one of its anchors).
  ...scanAnchored(text, DEICTIC_DAY_RE, 'deictic-day', (m) => {
    const base = { yesterday: -1, today: 0, tonight: 0, tomorrow: 1 }[m[2]!.toLowerCase()] ?? 0;
    const extra = m[1] ? (m[1].toLowerCase() === 'before' ? -1 : 1) : 0;
    return { kind: 'shift', unit: 'day', amount: base + extra, granularity: 'day', anchor: 'document' };
  }),
  ...scanAnchored(text, PART_OF_DAY_RE, 'deictic-day', (m) =>
    ({ kind: 'shift', unit: 'day', amount: m[1]!.toLowerCase() === 'last' && m[2]!.toLowerCase() === 'night' ? -1 : 0, granularity: 'day', anchor: 'document' })),
  // A part of the day on its own ("by mid-afternoon", "overnight", "midmorning") is the document's day in news copy.
  // "midmorning" is one word, so this rule has no anchor at a word start: it runs where its words stand.
  ...(!MENTIONS_DAY_PART(text) ? [] : scan(text, /\b(?:(?:mid|early|late)[- ]?(?:morning|afternoon|evening)|overnight)\b/gi, 'part-of-day', () =>
    ({ kind: 'shift', unit: 'day', amount: 0, granularity: 'day', anchor: 'document' }))),
];

const DETERMINER: Record<string, { amount: number; anchor: 'document' | 'previous' } | null> = {
  last: { amount: -1, anchor: 'document' }, past: { amount: -1, anchor: 'document' }, this: { amount: 0, anchor: 'document' },
  current: { amount: 0, anchor: 'document' }, next: { amount: 1, anchor: 'document' }, coming: { amount: 1, anchor: 'document' },
  previous: { amount: -1, anchor: 'previous' }, prior: { amount: -1, anchor: 'previous' }, following: { amount: 1, anchor: 'previous' },
  same: { amount: 0, anchor: 'previous' }, that: { amount: 0, anchor: 'previous' }, the: { amount: 0, anchor: 'document' },
};

/**
 * "last year", "this month", "next week", "earlier this year", "the end of last month", "the following day".
 * Weeks, weekends, decades and seasons are dates without a calendar value. "the year"/"the day" alone are
 * dates in news copy (the current one); "the past year" is TimeML's previous calendar year.
 */
/** Words before the unit at most: "the first half of" (4), "earlier in" (2), "the full" (2), "fiscal" (1). */
const UNIT_RELATIVE_WORDS = 9;
const UNIT_RELATIVE_RE = anchored(/\b(?:(?:the\s+)?(?:end|beginning|start|middle|close|rest|remainder|first\s+half|second\s+half)\s+of\s+)?(?:(?:early|late|earlier|later|mid)(?:-|\s+)(?:in\s+)?)?(?:(last|past|this|current|next|coming|previous|prior|following|same|that)|(the)(?:\s+(?:full|latest))?)\s+(?:(?:fiscal|calendar)\s+)?(day|week|weekend|month|year|decade|century)\b(?!-|\s+(?:ended|ending|to\s+date|through|before|after)\b)/iy, ANCHOR.unit, UNIT_RELATIVE_WORDS, /(?:day|week|weekend|month|year|decade|century)\b/iy);
const unitRelative: DateRule = (text) => scanAnchored(text,
  UNIT_RELATIVE_RE, 'unit-relative', (m) => {
    const det = DETERMINER[(m[1] ?? m[2]!).toLowerCase()]!;
    const unitWord = m[3]!.toLowerCase();
    // "the decade"/"the century" alone are mostly durations; "the year", "the week" are dates in news copy.
    if (m[2] && (unitWord === 'decade' || unitWord === 'century')) return null;
    if (unitWord === 'day' && !m[2] && det.anchor === 'document') return null; // "this day", "last day" of …: not a date
    const unit: Unit | null = unitWord === 'day' ? 'day' : unitWord === 'month' ? 'month' : unitWord === 'year' ? 'year' : null;
    if (!unit) return { kind: 'vague' };
    return { kind: 'shift', unit, amount: det.amount, granularity: unit, anchor: m[2] && unit === 'day' ? 'previous' : det.anchor };
  });

/** "two years ago", "a week later", "three months earlier", "10 days from now". */
// "more than a couple of days": at most five words before the unit.
const COUNTED_SHIFT_RE = anchored(new RegExp(String.raw`\b(?:(?:about|some|nearly|almost|more\s+than|less\s+than|over|just|only|barely|roughly|around)\s+)?(\d{1,3}|${NUMBER_WORD}|a\s+few|several|a\s+couple\s+of|a\s+number\s+of|many|few)\s+(day|week|month|year|decade)s?\s+(ago|earlier|later|from\s+now|hence|back|(?:before|after)(?!\s+(?:the|a|an|his|her|their|its|he|she|they|it|we|i|\w+ing)\b))\b`, 'iy'), ANCHOR.unit, 5, /(?:day|week|month|year|decade)s?\b/iy);
const countedShift: DateRule = (text) => scanAnchored(text,
  COUNTED_SHIFT_RE, 'counted-shift', (m) => {
    const n = countOf(m[1]!.replace(/\s+/g, ' '));
    const unitWord = m[2]!.toLowerCase();
    const when = m[3]!.toLowerCase().replace(/\s+/g, ' ');
    if (n === null || unitWord === 'decade') return { kind: 'vague' };
    const sign = when === 'later' || when === 'after' || when === 'from now' || when === 'hence' ? 1 : -1;
    const anchor = when === 'ago' || when === 'from now' || when === 'hence' || when === 'back' ? 'document' : 'previous';
    const [unit, amount]: [Unit, number] = unitWord === 'week' ? ['day', 7 * n] : [unitWord as Unit, n];
    return { kind: 'shift', unit, amount: sign * amount, granularity: unit, anchor };
  });

const WEEKDAY_DIRECTION: Record<string, Direction> = { last: 'strict-past', past: 'strict-past', next: 'strict-future', coming: 'strict-future', this: 'auto' };

/** "Friday", "last Tuesday", "Thursday night", "early Monday". Plurals ("Mondays") are sets, not dates. */
const WEEKDAY_RE = anchored(new RegExp(String.raw`\b(?:(last|past|next|coming|this|early|late)\s+)?(${WEEKDAY})${PART_OF_DAY}\b`, 'iy'), ANCHOR.weekday, 1, new RegExp(String.raw`(?:${WEEKDAY})\b`, 'iy'));
const weekday: DateRule = (text) => scanAnchored(text,
  WEEKDAY_RE, 'weekday', (m) => ({
    kind: 'weekday', weekday: WEEKDAYS.get(m[2]!.toLowerCase())!, direction: WEEKDAY_DIRECTION[m[1]?.toLowerCase() ?? ''] ?? 'auto',
  }));

const CLOCK_TIME_RE = anchored(/\b(\d{1,2})(?::(\d\d))?\s*(?:([ap])\.\s?m\.|([ap])m\b)(?:\s+(?:[ECMP][SD]T|GMT|UTC|local\s+time)\b)?/iy, ANCHOR.digit, 0);
const NOON_RE = anchored(/\b(noon|midnight)\b/iy, ANCHOR.clock, 0);
/** "10 p.m.", "7:15 a.m. EST", "noon", "midnight": a time of day, dated by the expression next to it. */
const timeOfDay: DateRule = (text) => [
  ...scanAnchored(text, CLOCK_TIME_RE, 'time-of-day', (m) => {
    let hour = Number(m[1]);
    if (hour < 1 || hour > 12) return null;
    const pm = (m[3] ?? m[4])!.toLowerCase() === 'p';
    if (pm && hour < 12) hour += 12;
    if (!pm && hour === 12) hour = 0;
    return { kind: 'time', time: `${String(hour).padStart(2, '0')}:${m[2] ?? '00'}` };
  }),
  ...scanAnchored(text, NOON_RE, 'time-of-day', (m) => ({ kind: 'time', time: m[1]!.toLowerCase() === 'noon' ? '12:00' : '24:00' })),
];

export const RELATIVE_RULES: Array<[string, DateRule]> = [
  ['deictic-day', deicticDay],
  ['unit-relative', unitRelative],
  ['counted-shift', countedShift],
  ['weekday', weekday],
  ['time-of-day', timeOfDay],
];

