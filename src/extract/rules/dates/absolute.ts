// Rules for dates whose words name the calendar: numeric dates, month-day(-year), month-year, bare months,
// bare years in a date-like context, decades and centuries.

import { isValidDay } from './calendar.ts';
import { anchored, ANCHOR, mentionTest, scan, scanAnchored, type DateRule, type Direction, type Meaning } from './candidate.ts';
import { MONTH, MONTH_ABBR, MONTH_FULL, monthNumber } from './lexicon.ts';

/** Words a rule below needs in the text before its regexes are worth running. */
const MENTIONS_DECADE = mentionTest(['0s', "0's", '0’s']);
const MENTIONS_SHORT_DECADE = mentionTest(['0s']);
const MENTIONS_CENTURY = mentionTest(['century']);
const MENTIONS_SPELLED_YEAR = mentionTest(['nineteen', 'thousand']);

/** Words that may lead a date and belong to its span ("early", "mid-", "the end of"). */
const LEAD = String.raw`(?:(?:the\s+)?(?:end|beginning|start|middle|close|first\s+half|second\s+half|rest)\s+of\s+|(?:early|late|mid|earlier|later)(?:-|\s+)(?:in\s+)?|fiscal\s+(?:year\s+)?)?`;
/** Words LEAD may put before the month or the year: "the first half of". */
const LEAD_WORDS = 4;
/** A day of the month: one or two digits, maybe an ordinal suffix, not part of a larger number or a percentage. */
const DAY = String.raw`(\d{1,2})(?:st|nd|rd|th)?(?![\d%]|[.,]\d|\s*(?:percent|per\s+cent)\b)`;
const YEAR = String.raw`(1[5-9]\d\d|20\d\d)(?![\d%]|[.,]\d)`;

const year = (s: string | undefined) => (s === undefined ? undefined : Number(s));

/** The month-day(-year) and day-month(-year) family, with an optional relative year ("July last year"). */
function calendarOrMonth(month: number, day: number | undefined, y: number | undefined, direction: Direction, yearShift?: number): Meaning | null {
  if (day !== undefined && (day < 1 || day > 31)) return null;
  if (y !== undefined) {
    if (day !== undefined && !isValidDay(y, month, day)) return null;
    return day === undefined ? { kind: 'calendar', year: y, month } : { kind: 'calendar', year: y, month, day };
  }
  const m: Meaning = { kind: 'month', month, direction };
  if (day !== undefined) m.day = day;
  if (yearShift !== undefined) m.yearShift = yearShift;
  return m;
}

const RELATIVE_YEAR: Record<string, number> = { last: -1, this: 0, next: 1 };

const ISO_DATE_RE = anchored(/\b(1[5-9]\d\d|20\d\d)-(\d\d)-(\d\d)\b/y, ANCHOR.digit, 0);
const SLASHED_ISO_DATE_RE = anchored(/\b(1[5-9]\d\d|20\d\d)\/(\d\d)\/(\d\d)\b/y, ANCHOR.digit, 0);
const SLASHED_DATE_RE = anchored(/\b(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})\b(?!\/)/y, ANCHOR.digit, 0);
// Each starts with its digits: the anchor itself, no word before it.
const numericDate: DateRule = (text) => [
  ...scanAnchored(text, ISO_DATE_RE, 'numeric-date', (m) => calendarOrMonth(Number(m[2]), Number(m[3]), Number(m[1]), 'past')),
  ...scanAnchored(text, SLASHED_ISO_DATE_RE, 'numeric-date', (m) => calendarOrMonth(Number(m[2]), Number(m[3]), Number(m[1]), 'past')),
  // US order, as in English-language wire copy; a two-digit year is read the usual way (≥ 50 → 19xx).
  ...scanAnchored(text, SLASHED_DATE_RE, 'numeric-date', (m) => {
    const raw = m[3]!;
    const y = raw.length === 2 ? (Number(raw) >= 50 ? 1900 : 2000) + Number(raw) : Number(raw);
    return calendarOrMonth(Number(m[1]), Number(m[2]), y, 'past');
  }),
];

/** A month word as every month rule has it: not followed by a letter ("March 5", "Sept.", not "market"). */
const MONTH_WORD = new RegExp(String.raw`(?:${MONTH_FULL}|${MONTH_ABBR})(?![a-z])`, 'iy');

const MONTH_DAY_RE = anchored(new RegExp(String.raw`\b${LEAD}(${MONTH})\s+${DAY}(?:(?:,\s*|\s+)${YEAR}|\s+(?:of\s+)?(last|this|next)\s+year\b)?`, 'iy'), ANCHOR.month, LEAD_WORDS, MONTH_WORD);
const DAY_MONTH_RE = anchored(new RegExp(String.raw`\b(?:the\s+)?${DAY}\s+(?:of\s+)?(${MONTH})(?![a-z])(?:,?\s+${YEAR})?`, 'iy'), ANCHOR.month, 3 /* the 5th of */, MONTH_WORD);
const monthDay: DateRule = (text) => [
  ...scanAnchored(text, MONTH_DAY_RE, 'month-day', (m) =>
    calendarOrMonth(monthNumber(m[1]!)!, Number(m[2]), year(m[3]), 'auto', m[4] ? RELATIVE_YEAR[m[4].toLowerCase()] : undefined)),
  ...scanAnchored(text, DAY_MONTH_RE, 'day-month', (m) =>
    calendarOrMonth(monthNumber(m[2]!)!, Number(m[1]), year(m[3]), 'auto')),
];

const MONTH_YEAR_RE = anchored(new RegExp(String.raw`\b${LEAD}(${MONTH})(?:,\s*|\s+)(?:of\s+)?${YEAR}`, 'iy'), ANCHOR.month, LEAD_WORDS, MONTH_WORD);
const MONTH_RELATIVE_YEAR_RE = anchored(new RegExp(String.raw`\b${LEAD}(${MONTH})\s+(?:of\s+)?(last|this|next)\s+year\b`, 'iy'), ANCHOR.month, LEAD_WORDS, MONTH_WORD);
const monthYear: DateRule = (text) => [
  ...scanAnchored(text, MONTH_YEAR_RE, 'month-year', (m) =>
    calendarOrMonth(monthNumber(m[1]!)!, undefined, Number(m[2]), 'past')),
  ...scanAnchored(text, MONTH_RELATIVE_YEAR_RE, 'month-year', (m) =>
    calendarOrMonth(monthNumber(m[1]!)!, undefined, undefined, 'past', RELATIVE_YEAR[m[2]!.toLowerCase()])),
];

/** Prepositions and modifiers that make "May"/"March" a month rather than a verb or a noun. */
const MONTH_CUE = /\b(?:in|since|until|till|by|from|to|through|during|before|after|of|early|late|mid|last|this|next|between|and|or|on|for|around|since|until)[\s-]+$/i;

const BARE_MONTH_RE = anchored(new RegExp(String.raw`\b(?:(last|this|next|coming|past)\s+)?${LEAD}(${MONTH_FULL}|(?:${MONTH_ABBR})\.)(?![\w-]|['’](?!s\b))`, 'iy'), ANCHOR.month, 1 + LEAD_WORDS, MONTH_WORD);
const bareMonth: DateRule = (text) => scanAnchored(text,
  BARE_MONTH_RE, 'month', (m) => {
    const word = m[2]!;
    const bare = m[0].length === word.length;
    // "may"/"march" in lower case are a verb and a noun; capitalised alone they need a cue ("in May").
    if (/^(?:may|march)$/i.test(word)) {
      if (!/^[A-Z]/.test(word) || (bare && !MONTH_CUE.test(text.slice(Math.max(0, m.index - 12), m.index)))) return null;
    }
    const modifier = m[1]?.toLowerCase();
    const direction: Direction = modifier === 'last' || modifier === 'past' ? 'strict-past' : modifier === 'next' || modifier === 'coming' ? 'strict-future' : modifier === 'this' ? 'this' : 'auto';
    return calendarOrMonth(monthNumber(word)!, undefined, undefined, direction);
  });

/** Nouns that make a preceding four-digit number a count, not a year ("2000 people"). */
const COUNT_NOUN = /^(?:\s*(?:-|to)\s*\d[\d,]*)?\s+(?:people|persons|men|women|children|troops|soldiers|police|workers|employees|jobs|shares|votes|voters|cars|vehicles|units|homes|houses|deaths|dead|cases|tons|tonnes|barrels|feet|foot|meters|metres|miles|km|kilometers|kilometres|acres|hectares|points|dollars|euros|pounds|yen|francs|marks|members|students|residents|refugees|prisoners|delegates|passengers|flights|planes|aircraft|copies|pages|words|rounds|beds|calories|lives|companies|stores|sites|hours|minutes|seconds|days|weeks|months|years)\b/i;
/** What just before a four-digit number makes it a quantity or a label ("$1990", "more than 2000", "No. 1984"). */
const NOT_YEAR_BEFORE = /(?:[$£€#]\s?|\d[.,]|\b(?:than|least|nearly|almost|approximately|roughly|up\s+to|no\.|number|flight|route|room|page|model|highway|interstate|channel|rule|article|resolution|code|bill|version|windows)\s+)$/i;
const NOT_YEAR_AFTER = /^(?:[.,]\d|\s*(?:%|percent|per\s+cent)|\s*-?\s*years?[- ]old)/i;

/** A four-digit number 1500-2099 read as a year, unless its neighbours say it is a count, money or a label. */
export function looksLikeYear(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 24), start);
  const after = text.slice(end, end + 40);
  return !NOT_YEAR_BEFORE.test(before) && !NOT_YEAR_AFTER.test(after) && !COUNT_NOUN.test(after);
}

const BARE_YEAR_RE = anchored(new RegExp(String.raw`\b(?:(?:the\s+)?(?:calendar\s+|fiscal\s+)?year\s+)?${LEAD}(1[5-9]\d\d|20\d\d)\b(?!['’]?s\b|\d|[.,]\d)`, 'iy'), ANCHOR.digit, 3 + LEAD_WORDS, /(?:1[5-9]|20)\d\d\b/y);
const bareYear: DateRule = (text) => scanAnchored(text, BARE_YEAR_RE, 'year', (m) => {
  const digitsStart = m.index + m[0].length - 4;
  return looksLikeYear(text, digitsStart, digitsStart + 4) ? { kind: 'calendar', year: Number(m[1]) } : null;
});

const ORDINAL_CENTURY: Record<string, number> = { eighteenth: 18, nineteenth: 19, twentieth: 20, 'twenty-first': 21 };

/** "the 1990s" → `199`, "the '90s" → `199`, "the 20th century" → `19` (ISO's decade and century forms). */
const decadeOrCentury: DateRule = (text) => [
  ...(!MENTIONS_DECADE(text) ? [] : scan(text, /\b(?:the\s+)?(?:(?:early|mid|late)[- ]?)?(1[5-9]\d|20\d)0['’]?s\b/gi, 'decade', (m) => ({ kind: 'fixed', value: m[1]! }))),
  // A two-digit decade ("the '90s") names its century only by habit; in news it is the last such decade.
  ...(!MENTIONS_SHORT_DECADE(text) ? [] : scan(text, /(?:\bthe\s+)?(?:(?:early|mid|late)[- ]?)?['’]([2-9])0s\b/gi, 'decade', (m) => ({ kind: 'fixed', value: `19${m[1]}` }))),
  ...(!MENTIONS_CENTURY(text) ? [] : scan(text, /\b(?:the\s+)?(?:(\d{1,2})(?:st|nd|rd|th)|(eighteenth|nineteenth|twentieth|twenty-first))[- ]century\b/gi, 'century', (m) => {
    const n = m[1] ? Number(m[1]) : ORDINAL_CENTURY[m[2]!.toLowerCase()]!;
    return n >= 1 && n <= 21 ? { kind: 'fixed', value: String(n - 1).padStart(2, '0') } : null;
  })),
];

const UNITS = ['', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const TENS = ['', 'ten', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const TEENS = ['ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];

/** Spoken years in transcripts: "nineteen ninety-six", "the year two thousand". */
const NINETEEN_RE = new RegExp(String.raw`\bnineteen[- ](?:(${TENS.slice(2).join('|')})(?:[- ](${UNITS.slice(1).join('|')}))?|(${TEENS.join('|')}))\b`, 'gi');
const TWO_THOUSAND_RE = new RegExp(String.raw`\b(?:the\s+)?year\s+two\s+thousand(?:\s+(?:and\s+)?(${UNITS.slice(1).join('|')}))?\b`, 'gi');
const spelledYear: DateRule = (text) => !MENTIONS_SPELLED_YEAR(text) ? [] : [
  ...scan(text, NINETEEN_RE, 'spelled-year', (m) => {
    const n = m[3] ? 10 + TEENS.indexOf(m[3].toLowerCase()) : TENS.indexOf(m[1]!.toLowerCase()) * 10 + (m[2] ? UNITS.indexOf(m[2].toLowerCase()) : 0);
    return { kind: 'calendar', year: 1900 + n };
  }),
  ...scan(text, TWO_THOUSAND_RE, 'spelled-year', (m) =>
    ({ kind: 'calendar', year: 2000 + (m[1] ? UNITS.indexOf(m[1].toLowerCase()) : 0) })),
];

export const ABSOLUTE_RULES: Array<[string, DateRule]> = [
  ['numeric-date', numericDate],
  ['month-day', monthDay],
  ['month-year', monthYear],
  ['month', bareMonth],
  ['year', bareYear],
  ['decade-century', decadeOrCentury],
  ['spelled-year', spelledYear],
];
