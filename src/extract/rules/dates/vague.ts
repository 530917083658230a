// Rules for date expressions with no ISO calendar value: present/past/future references ("now",
// "recently"), fiscal quarters and halves, seasons, and the reporting periods of financial copy.

import { anchored, ANCHOR, mentionTest, scan, scanAnchored, type DateRule, type Meaning } from './candidate.ts';

/** Words a rule below needs in the text before its regexes are worth running. */
const MENTIONS_QUARTER = mentionTest(['quarter']);
const MENTIONS_PERIOD = mentionTest(['period']);
const MENTIONS_HALF = mentionTest(['half']);
const MENTIONS_YEAR_HYPHEN = mentionTest(['year-']);

const VAGUE: Meaning = { kind: 'vague' };

// "in the foreseeable future": three words before the anchor.
const NOW_RE = anchored(/\bnow\b/iy, ANCHOR.reference, 0);
const THE_PAST_RE = anchored(/\bthe\s+past\b(?<=\b(?:in|from)\s+the\s+past)(?!\s+(?:\d|few|several|couple|many|one|two|three|four|five|six|seven|eight|nine|ten|twelve|year|month|week|day|decade|quarter|century|generation)\w*)/iy, ANCHOR.reference, 1, /past\b/iy);
const RECENT_UNITS_RE = anchored(/\b(?:in\s+)?recent\s+(?:years|months|weeks|days)\b/iy, ANCHOR.reference, 1, /recent\b/iy);
const PRESENT_OR_FUTURE_RE = anchored(/\b(?:currently|recently|(?:more|most|until|as)\s+recently|nowadays|these\s+days|at\s+present|at\s+the\s+moment|(?:in\s+)?the\s+(?:near\s+|distant\s+|foreseeable\s+)?future)\b|(?<!\bas\s)\bsoon\b(?!\s+(?:after|as)\b)/iy, ANCHOR.reference, 3, /(?:currently|recently|nowadays|days|present|moment|future|soon)\b/iy);
const CURRENT_RE = anchored(/\b(?:current|recent)\b(?!\s+(?:account|accounts|affairs|events|price|prices|rate|rates|law|laws|system|situation|years|months|weeks|days|decades|times)\b)/iy, ANCHOR.reference, 0);
const YEAR_END_RE = anchored(/\b(?:the\s+)?year(?:['’]s)?[- ]end\b/iy, ANCHOR.unit, 1, /year\b/iy);

/** "now", "currently", "recently", "the future", "soon", "these days": TimeML's PRESENT/PAST/FUTURE_REF. */
const referencePoint: DateRule = (text) => [
  ...scanAnchored(text, NOW_RE, 'reference', () => VAGUE),
  // "in the past" as a time, not "in the past two years" (a duration).
  ...scanAnchored(text, THE_PAST_RE, 'reference', () => VAGUE),
  ...scanAnchored(text, RECENT_UNITS_RE, 'reference', () => VAGUE),
  ...scanAnchored(text, PRESENT_OR_FUTURE_RE, 'reference', () => VAGUE),
  // "current" and "recent" are dates as adjectives of time-bound things ("the current quarter" is caught whole
  // elsewhere); before other nouns ("current account", "recent years") TimeML tags something else or nothing.
  ...scanAnchored(text, CURRENT_RE, 'reference', () => VAGUE),
];

const ORDINAL = String.raw`(?:first|second|third|fourth|1st|2nd|3rd|4th)`;
const PERIOD_MODIFIER = String.raw`(?:latest|current|previous|prior|comparable|same|recent|final|year-earlier|year-ago|year-before|fiscal|(?:19|20)\d\d(?:['’]s)?|this\s+year['’]s|last\s+year['’]s)`;

/** "the third quarter", "third-quarter", "the year-ago period", "the first half", "year-earlier", "year-end". */
const QUARTER_RE = new RegExp(String.raw`\b(?:(?:the|this|last|next|its|their|that)\s+)?(?:${PERIOD_MODIFIER}\s+)*(?:${ORDINAL}|${PERIOD_MODIFIER})[- ](?:fiscal\s+)?quarter\b(?:\s+of\s+(?:19|20)\d\d\b)?`, 'gi');
const PERIOD_RE = new RegExp(String.raw`\b(?:the\s+)?(?:${PERIOD_MODIFIER}\s+)+period\b`, 'gi');
const reportingPeriod: DateRule = (text) => [
  ...(MENTIONS_QUARTER(text) ? [
    ...scan(text, QUARTER_RE, 'quarter', () => VAGUE),
    ...scan(text, /\b(?:the|this|last|next|that)\s+quarter\b/gi, 'quarter', () => VAGUE),
  ] : []),
  ...(MENTIONS_PERIOD(text) ? scan(text, PERIOD_RE, 'period', (m) => {
    const year = /\b(?:19|20)\d\d\b/.exec(m[0]);
    return year ? { kind: 'calendar', year: Number(year[0]) } : VAGUE;
  }) : []),
  ...(MENTIONS_HALF(text) ? scan(text, /\b(?:the\s+)?(?:first|second)\s+half\b(?:\s+of\s+(?:the\s+year|(?:19|20)\d\d))?/gi, 'half', () => VAGUE) : []),
  // "year-earlier results" are last year's (year granularity is what the words say).
  ...(MENTIONS_YEAR_HYPHEN(text) ? scan(text, /\byear-(?:earlier|ago|before)\b/gi, 'period', () => ({ kind: 'shift', unit: 'year', amount: -1, granularity: 'year', anchor: 'document' })) : []),
  ...scanAnchored(text, YEAR_END_RE, 'period', () => VAGUE),
];

/** "this summer", "last fall", "the winter of 1990" (a season is no calendar value; its year is). */
const MENTIONS_SEASON = mentionTest(['spring', 'summer', 'fall', 'autumn', 'winter']);
const season: DateRule = (text) => !MENTIONS_SEASON(text) ? [] : [
  ...scan(text, /\b(?:(?:last|this|next|early|late|the|mid|past)[\s-]+){1,2}(spring|summer|fall|autumn|winter)\b(?:\s+(?:of\s+)?((?:19|20)\d\d)\b)?/gi, 'season', (m) => {
    // "the fall of the Berlin Wall": a fall is a season only with a year or a time word in front.
    if (m[1]!.toLowerCase() === 'fall' && !m[2] && /^the\b/i.test(m[0])) return null;
    return m[2] ? { kind: 'calendar', year: Number(m[2]) } : VAGUE;
  }),
  ...scan(text, /\b(spring|summer|autumn|winter)\s+(?:of\s+)?((?:19|20)\d\d)\b/gi, 'season', (m) => ({ kind: 'calendar', year: Number(m[2]) })),
];

export const VAGUE_RULES: Array<[string, (text: string) => ReturnType<DateRule>]> = [
  ['reference', referencePoint],
  ['reporting-period', reportingPeriod],
  ['season', season],
];
