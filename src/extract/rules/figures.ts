// Figures: ages, money, percentages, quantities with units and plain counts, each with what it measures.
// A named list of small rules over the text; numbers inside date expressions, years and ordinals are skipped.

import type { DateMention, FigureMention } from '../analysis.ts';
import { findDates } from './dates.ts';
import { looksLikeYear } from './dates/absolute.ts';
import { forLastText } from './last-text.ts';
import { isAsciiLetter } from './tokens.ts';

/** A number as written: digits (with thousands commas and decimals) or words, maybe with a scale word. */
const UNIT_WORDS = 'one|two|three|four|five|six|seven|eight|nine';
const WORD_NUMBER = String.raw`(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:${UNIT_WORDS})\b)?|${UNIT_WORDS}|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|a\s+dozen|a\s+hundred|a\s+thousand|a\s+million|a\s+billion)`;
const DIGITS = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
const SCALE = String.raw`(?:\s+(?:hundred|thousand|million|billion|trillion)\b|(?:bn|mn|m|k)\b)?`;
const NUMBER = String.raw`(?:${DIGITS}|${WORD_NUMBER})${SCALE}`;

const SMALL: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20,
  thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90, dozen: 12, hundred: 100, thousand: 1000, million: 1e6, billion: 1e9,
};
const SCALES: Record<string, number> = { hundred: 100, thousand: 1e3, k: 1e3, million: 1e6, m: 1e6, mn: 1e6, billion: 1e9, bn: 1e9, trillion: 1e12 };

/** The value of a number matched by NUMBER ("1,009" → 1009, "1.5 million" → 1500000, "twenty-five" → 25, "a dozen" → 12). */
export function parseNumber(raw: string): number | null {
  const s = raw.toLowerCase().trim();
  const scaled = /^(.*?)(?:\s+(hundred|thousand|million|billion|trillion)|(bn|mn|m|k))$/.exec(s);
  const body = scaled ? scaled[1]! : s;
  const scale = scaled ? SCALES[(scaled[2] ?? scaled[3])!]! : 1;
  let base: number | null;
  if (/^[\d,.]+$/.test(body)) base = Number(body.replace(/,/g, ''));
  else {
    const words = body.replace(/^an?\s+/, '').split(/[-\s]+/);
    base = words.reduce<number | null>((sum, w) => (sum === null || SMALL[w] === undefined ? null : sum + SMALL[w]!), 0);
    if (/^an?\s+/.test(body) && words.length === 1 && base !== null) base = SMALL[words[0]!] ?? null;
  }
  if (base === null || !Number.isFinite(base)) return null;
  return Math.round(base * scale * 1e6) / 1e6;
}

/** What a rule finds before overlaps are settled. */
interface FigureCandidate {
  start: number;
  end: number;
  value: number;
  unit: string | null;
  measure: string | null;
}

type FigureRule = (text: string) => FigureCandidate[];

/** Words that end a measure phrase: function words and auxiliaries ("213 people [have] been killed"). */
const STOP = new Set(['a', 'an', 'the', 'of', 'in', 'on', 'at', 'to', 'for', 'from', 'by', 'with', 'and', 'or', 'but', 'as', 'than',
  'have', 'has', 'had', 'were', 'was', 'are', 'is', 'be', 'been', 'being', 'will', 'would', 'could', 'may', 'might', 'who', 'which', 'that',
  'said', 'says', 'since', 'after', 'before', 'during', 'last', 'this', 'next', 'more', 'less', 'each', 'per', 'a', 'some', 'about', 'up', 'down',
  'over', 'under', 'into', 'while', 'when', 'where', 'it', 'its', 'their', 'his', 'her', 'they', 'he', 'she', 'we', 'i', 'you', 'not', 'so', 'also',
  'year', 'years', 'month', 'months', 'week', 'weeks', 'day', 'days', 'hour', 'hours', 'minute', 'minutes', 'percent', 'times', 'other', 'others',
  // Adverbs of time end the phrase too: "$269m earlier" is money, not a measure of "earlier".
  'earlier', 'later', 'ago', 'previously', 'again', 'already', 'instead', 'now', 'then', 'today', 'yesterday', 'tomorrow']);
/** Participles that say what happened to what was counted: any "-ed" form after an auxiliary ("have been
 * killed"), and these casualty words directly ("1,009 injured", "20 people dead"). */
const PARTICIPLE = /^(?:\w+ed|hurt|held|taken|missing|dead|born|slain|shot|left|seen|sold|built|made|lost|won)$/i;
const CASUALTY = /^(?:killed|injured|wounded|hurt|dead|missing|arrested|detained|displaced|evacuated|rescued|slain)$/i;
const AUXILIARY = new Set(['have', 'has', 'had', 'were', 'was', 'are', 'is', 'been', 'being', 'reportedly', 'also', 'now', 'already', 'were', 'be']);

/** The head noun phrase after a figure, plus a participle that follows it ("people … killed"); null if none. */
export function measureAfter(text: string, end: number): string | null {
  // The words of the next 80 characters, read one at a time (most phrases end within two or three words).
  // "a 3.5-inch screen", "a 10-point lead": the words the hyphen joins to the number say what it measures.
  const from = text.charCodeAt(end) === 45 && /\p{L}/u.test(text[end + 1] ?? '') ? end + 1 : end;
  const window = text.slice(from, from + 80);
  WORD.lastIndex = 0;
  const nextWord = () => WORD.exec(window)?.[0];
  const phrase: string[] = [];
  let models = 0; // model numbers in the phrase, which do not count towards its three words
  let w = nextWord();
  for (; w !== undefined && phrase.length - models < 3; w = nextWord()) {
    const bare = asciiLetters(w) ? w : w.replace(/[^\p{L}'-]/gu, '');
    // "200 iPhone 4 customers", "300 Boeing 737 jets": a model number after a name is part of the phrase.
    // "2,000 Americans 18 and older": not after a plural, which counts people (see isModelNumber).
    if (/^\d+$/.test(w) && phrase.length > 0 && isModelNumber(text, from + WORD.lastIndex - w.length, from + WORD.lastIndex)) { phrase.push(w); models++; continue; }
    // A dash between spaces opens an aside ("27 leaders - British Prime Minister … - with"): the phrase ends.
    if (!bare || STOP.has(bare.toLowerCase()) || /^\d/.test(w) || /^[-–—]+$/.test(bare)) break;
    // A past form is the verb ("300 workers walked out", "$5 million compared with"), not part of the
    // phrase, unless it is itself what was counted ("1,009 injured").
    if (/(?:ed|died|fled)$/i.test(bare) && !/based$/i.test(bare) && !(phrase.length === 0 && CASUALTY.test(bare))) break;
    phrase.push(bare);
    if (bare !== w) return phrase.join(' ').toLowerCase(); // punctuation ends the phrase
  }
  let auxiliaries = 0;
  for (; w !== undefined && AUXILIARY.has(w.toLowerCase()); w = nextWord()) auxiliaries++;
  const next = w?.replace(/[^\p{L}]/gu, '') ?? '';
  const fits = auxiliaries > 0 ? PARTICIPLE.test(next) : CASUALTY.test(next);
  const participle = phrase.length && next && fits && !STOP.has(next.toLowerCase()) ? next : '';
  if (!phrase.length) return null;
  return [phrase.join(' '), participle].filter(Boolean).join(' ').toLowerCase();
}

/** A word of measureAfter's window: what `split(/\s+/)` gives, without the empty strings. */
const WORD = /\S+/g;

/** Whether `w` is ASCII letters only (the usual word, which the Unicode replace would leave as it is). */
function asciiLetters(w: string): boolean {
  for (let k = 0; k < w.length; k++) {
    if (!isAsciiLetter(w.charCodeAt(k))) return false;
  }
  return true;
}

/**
 * Run a rule's regex where a match may start, anchored there (the regex is sticky), instead of letting the
 * engine try every offset of the text: this gives the same matches as a global scan (each search resumes at
 * the previous match's end) because every match starts at an offset `figureStarts` lists with one of the
 * rule's `kinds` (START bits).
 */
export function scanFigures<T>(text: string, { re, kinds }: FigurePattern, build: (m: RegExpExecArray) => T | null): T[] {
  const out: T[] = [];
  const { at, kind } = figureStarts(text);
  let from = 0;
  for (let i = 0; i < at.length; i++) {
    if (!(kind[i]! & kinds) || at[i]! < from) continue;
    re.lastIndex = at[i]!;
    const m = re.exec(text);
    if (!m) continue;
    from = m.index + m[0].length;
    const found = build(m);
    if (found) out.push(found);
  }
  return out;
}

/** What may start at an offset: a number (digits or a number word), "age", a currency, a payment verb. */
const START = { number: 1, age: 2, currency: 4, payment: 8 } as const;

/** A rule's sticky regex and the kinds of start (START bits) its matches begin at. */
export interface FigurePattern {
  re: RegExp;
  kinds: number;
}

/** Every rule's pattern, for the test that checks each against a global scan of its regex. */
export const FIGURE_PATTERNS: FigurePattern[] = [];

function figurePattern(re: RegExp, kinds: number): FigurePattern {
  if (!re.sticky || re.global) throw new Error(`figurePattern: ${re} must be sticky and not global`);
  const pattern = { re, kinds };
  FIGURE_PATTERNS.push(pattern);
  return pattern;
}

/**
 * Where any figure rule's match may start, by kind (one capture group each): a digit or the first word of a
 * number word ("thirteen" and "thirty" for the thirties; "a dozen"…), "age", a currency code, a payment verb,
 * each at a word start (\b: no ASCII word character before); or a currency sign. A superset: the rule's own
 * regex decides. "ſ" folds to "s" in the age rule's Unicode mode ("ſix"), so it may start a number there.
 */
const FIGURE_START = /\b(?:([0-9]|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fifteen|twenty|thirty|forty|fifty|a\s+(?:dozen|hundred|thousand|million|billion))|(age)|(us\$|[ca]\$|usd|eur|gbp)|(pay|paid|spen|cost|worth|fined|rais))|([$€£])|(ſ)/gi;
const GROUP_KINDS = [0, START.number, START.age, START.currency, START.payment, START.currency, START.number];

/** The offsets `FIGURE_START` finds and their kinds, computed once per text and shared by the rules. */
const figureStarts = forLastText((text) => {
  const at: number[] = [];
  const kind: number[] = [];
  FIGURE_START.lastIndex = 0;
  for (let m = FIGURE_START.exec(text); m; m = FIGURE_START.exec(text)) {
    at.push(m.index);
    let g = 1;
    while (m[g] === undefined) g++;
    kind.push(GROUP_KINDS[g]!);
  }
  return { at, kind };
});

const BEFORE_NUMBER = String.raw`(?<![\w$€£#.,-])`;

/**
 * "76 years old", "the 75-year-old", "aged 46", "age 46", and "Linda Sanders, 35," after a name (its digits
 * are matched before the name is looked for behind them, so that the look-behind runs only at digits).
 */
const AGE_RE = new RegExp(String.raw`${BEFORE_NUMBER}(${DIGITS}|${WORD_NUMBER})[- ]years?[- ]old\b|\bage[ds]?\s+(\d{1,3})\b(?![.,]\d)|(\d{1,3})(?<=\b[A-Z][\p{L}'-]+,\s\d{1,3})(?=,\s)`, 'iuy');
const AGE = figurePattern(AGE_RE, START.number | START.age);
const ages: FigureRule = (text) => scanFigures(text, AGE, (m) => {
  const raw = (m[1] ?? m[2] ?? m[3])!;
  const value = parseNumber(raw);
  if (value === null || value < 1 || value > 120) return null;
  return { start: m.index, end: m.index + m[0].length, value, unit: 'years', measure: 'age' };
});

const CURRENCY: Record<string, string> = {
  '$': 'USD', 'us$': 'USD', 'usd': 'USD', '€': 'EUR', 'eur': 'EUR', '£': 'GBP', 'gbp': 'GBP', 'c$': 'CAD', 'a$': 'AUD', 'dollars': 'USD',
  'u.s. dollars': 'USD', 'us dollars': 'USD', 'canadian dollars': 'CAD', 'australian dollars': 'AUD', 'euros': 'EUR', 'pounds sterling': 'GBP', 'yen': 'JPY',
};
const MONEY_RE = new RegExp(String.raw`(?:\b(US\$|C\$|A\$|USD|EUR|GBP)\s?|([$€£])\s?)(${NUMBER})|${BEFORE_NUMBER}(${NUMBER})\s+((?:u\.s\.\s+|us\s+|canadian\s+|australian\s+)?dollars|euros|pounds\s+sterling|yen)\b`, 'iy');
const MONEY = figurePattern(MONEY_RE, START.currency | START.number);
const money: FigureRule = (text) => scanFigures(text, MONEY, (m) => {
  const value = parseNumber((m[3] ?? m[4])!);
  if (value === null) return null;
  const unit = CURRENCY[(m[1] ?? m[2] ?? m[5])!.toLowerCase().replace(/\s+/g, ' ')] ?? null;
  const end = m.index + m[0].length;
  // "$2 million in fines", "£300,000 for repairs": what the money is for follows a preposition.
  return { start: m.index, end, value, unit, measure: moneyPurpose(text, end) };
});

const PERCENT_RE = new RegExp(String.raw`${BEFORE_NUMBER}(${DIGITS}|${WORD_NUMBER})\s?(?:%|percent\b|per\s+cent\b|percentage\s+points?\b)`, 'iy');
const PERCENT = figurePattern(PERCENT_RE, START.number);
const percentages: FigureRule = (text) => scanFigures(text, PERCENT, (m) => {
  const value = parseNumber(m[1]!);
  if (value === null) return null;
  const end = m.index + m[0].length;
  const of = /^\s+of\s+(?:the\s+)?/i.exec(text.slice(end, end + 20));
  return { start: m.index, end, value, unit: 'percent', measure: of ? measureAfter(text, end + of[0].length) : percentMeasure(text, m.index, end) };
});

/** Time words after a percentage date it ("5 percent yesterday"); they are not what it measures. */
const TIME_WORD = /^(?:yesterday|today|tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|overnight|annually)\b/i;
/** "inflation rose to 5 percent", "turnout was 12%", "a growth rate of 3 percent": the noun the share is of. */
const SHARE_SUBJECT_BEFORE = /\b([a-z][a-z-]{3,})\s+(?:was|is|were|are|rose|fell|reached|hit|climbed|dropped|jumped|stood\s+at|of|at|to|by)(?:\s+(?:to|by|at|about|around|nearly|almost|some))?\s+$/i;

/** What a percentage without "of" measures: the noun after it ("a 4 percent rise"), else its subject before. */
function percentMeasure(text: string, start: number, end: number): string | null {
  const after = measureAfter(text, end);
  if (after && !TIME_WORD.test(after)) return after;
  const subject = SHARE_SUBJECT_BEFORE.exec(text.slice(Math.max(0, start - 40), start));
  return subject && !STOP.has(subject[1]!.toLowerCase()) ? subject[1]!.toLowerCase() : null;
}

const UNITS: Record<string, string> = {
  km: 'km', kilometers: 'km', kilometres: 'km', kilometer: 'km', kilometre: 'km', miles: 'miles', mile: 'miles', meters: 'm', metres: 'm', meter: 'm', metre: 'm',
  feet: 'feet', foot: 'feet', barrels: 'barrels', barrel: 'barrels', tonnes: 'tonnes', tonne: 'tonnes', tons: 'tons', ton: 'tons', kg: 'kg', kilograms: 'kg',
  acres: 'acres', hectares: 'hectares', mph: 'mph', 'km/h': 'km/h', megawatts: 'MW', mw: 'MW', gigawatts: 'GW', gw: 'GW', litres: 'litres', liters: 'litres', gallons: 'gallons',
};
const QUANTITY_RE = new RegExp(String.raw`${BEFORE_NUMBER}(${NUMBER})(?:\s+|-)(${Object.keys(UNITS).sort((a, b) => b.length - a.length).map((u) => u.replace('/', '\\/')).join('|')})(?![\w/])`, 'iy');
const QUANTITY = figurePattern(QUANTITY_RE, START.number);
const quantities: FigureRule = (text) => scanFigures(text, QUANTITY, (m) => {
  const value = parseNumber(m[1]!);
  if (value === null) return null;
  const end = m.index + m[0].length;
  const of = /^\s+(?:of\s+)/i.exec(text.slice(end, end + 8));
  return { start: m.index, end, value, unit: UNITS[m[2]!.toLowerCase()] ?? m[2]!, measure: of ? measureAfter(text, end + of[0].length) : null };
});

/** Time units: "five years" is a duration, not a figure a briefing compares. */
const DURATION_AFTER = /^(?:\s+|-)(?:years?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?|centuries|times)\b/i;

/** A count, maybe a range ("10-15 people": the figure is its first number). */
const COUNT_RE = new RegExp(String.raw`${BEFORE_NUMBER}(${NUMBER})(?![\w%])(?!\s*(?:st|nd|rd|th)\b)(?:[-–](?:${DIGITS})(?![\w%]))?`, 'iy');
const COUNT = figurePattern(COUNT_RE, START.number);
/** Labels, not counts: "No. 3", "Flight 370", "Room 12". */
const LABEL_BEFORE = /\b(?:no\.|number|flight|room|route|page|chapter|article|resolution|section|highway|interstate|channel|version|model|item|rule)\s*$/i;
/** A number and "out of" or "in" right before a count ("one out of every", "three in"). */
const RATIO_BEFORE = new RegExp(String.raw`\b(${DIGITS}|${WORD_NUMBER}|an?)\s+(out\s+of|in)\s+(every\s+)?$`, 'i');
/**
 * "one out of every 200 customers", "three in 10 voters": the count is a ratio's base, not how many were
 * counted. With "in", only when "every" says so, or one is counted ("one in five Americans"), or the base is
 * a round 10, 100, 1,000… as polls give it: "scored eight in 12 games" and "killed 5 in 12 attacks" count the
 * games and the attacks, and "arrested 12 in 3 raids" the raids.
 */
function isRatioBase(text: string, start: number, raw: string): boolean {
  const m = RATIO_BEFORE.exec(text.slice(Math.max(0, start - 40), start));
  if (!m) return false;
  if (/^out/i.test(m[2]!) || m[3]) return true;
  const part = /^an?$/i.test(m[1]!) ? 1 : parseNumber(m[1]!);
  const whole = parseNumber(raw);
  return part !== null && whole !== null && part < whole && (part === 1 || isPowerOfTen(whole));
}
const isPowerOfTen = (n: number) => n >= 10 && /^10*$/.test(String(n));
/** The hundredth of a currency right after a count ("50 cents"), in lower case: "50 Cent" is a name. */
const SMALL_CHANGE = /^\s+(?:cents?|pence|centimes)\b/;
/** "213 people have been killed", "1,009 injured", "two soldiers": a count and what it counts. */
const counts: FigureRule = (text) => scanFigures(text, COUNT, (m) => {
  const raw = m[1]!;
  const end = m.index + m[0].length;
  if (LABEL_BEFORE.test(text.slice(Math.max(0, m.index - 12), m.index))) return null;
  if (isRatioBase(text, m.index, raw)) return null;
  if (isClockTime(text, m.index, end) || isModelNumber(text, m.index, end)) return null;
  if (DURATION_AFTER.test(text.slice(end, end + 12))) return null;
  const value = parseNumber(raw);
  if (value === null) return null;
  const measure = withCasualtyVerbBefore(text, m.index, measureAfter(text, end));
  // "fell 50 cents", "up 20 pence": a price's move, money with no purpose, not a count of cents.
  if (SMALL_CHANGE.test(text.slice(end, end + 10))) return { start: m.index, end, value, unit: 'cents', measure: null };
  // A word number ("one", "two") is a figure only when it counts something a briefing compares.
  if (/^[a-z]/i.test(raw) && !isWordCountOfInterest(text, m.index, raw, measure)) return null;
  if (/^\d{4}$/.test(raw) && looksLikeYear(text, m.index, end) && !/^\s+[a-z]/.test(text.slice(end, end + 2))) return null;
  return { start: m.index, end, value, unit: null, measure };
});

/** A clock time ("12:30 EST", "16:30 UTC", "6 p.m."): its numbers tell when, not how many. */
const CLOCK_AFTER = /^(?::\d\d|\s*(?:a\.?m\.?|p\.?m\.?|o'clock|gmt|utc|[ecmp][sd]t|bst|cet)\b)/i;
function isClockTime(text: string, start: number, end: number): boolean {
  return /\d:$/.test(text.slice(Math.max(0, start - 2), start)) || CLOCK_AFTER.test(text.slice(end, end + 8));
}

/** Capitalised words before a number that still let it be a count: "Some 200 people", "About 40", and days and
 * months ("On Tuesday 40 people were hurt"). */
const COUNT_LEAD = /^(?:i|some|about|around|nearly|almost|over|only|just|roughly|approximately|another|all|at|least|more|than|up|to|the|an?|and|but|with|of|in|on|for|(?:mon|tues|wednes|thurs|fri|satur|sun)day|january|february|march|april|may|june|july|august|september|october|november|december)$/i;
/** A name whose number follows it, or a capitalised singular name right after the number, makes the number
 * part of a name, not a count: model and product names ("Boeing 737-800", "Trent 900 engines", "the 787
 * Dreamliner"). Plurals after a number are counted people ("300 Marines", "200 Britons"), and a capitalised
 * word followed by its own noun ("500 Acme engineers") leaves the noun counted. */
function isModelNumber(text: string, start: number, end: number): boolean {
  if (!/^\d+$/.test(text.slice(start, end).split(/[-–]/)[0]!)) return false;
  const preceding = text.slice(Math.max(0, start - 40), start);
  const before = /(\S)?\s+(\p{Lu}[\p{L}'’-]*)[ -]$/u.exec(preceding);
  // A capitalised word that opens the sentence ("Some 200 …", "Police 300 …" aside) is no name.
  // Nor does a plural ("Americans 18 and older"): counted people, as after the number.
  if (before && before[1] !== undefined && !/[.!?"“”]/.test(before[1]) && !COUNT_LEAD.test(before[2]!) && !PLURAL_NAME.test(before[2]!)) return true;
  // A camel-case name ("iPhone 4", "iOS 4", "eBay 2") is no common word, even when it opens the sentence.
  if (CAMEL_CASE_BEFORE.test(preceding)) return true;
  const after = /^\s+["“']?(\p{Lu}[\p{L}'’-]*)["”']?(\s+(\S+)|[,.;:)]|$)/u.exec(text.slice(end, end + 40));
  if (!after || /(?:s|ese)$/.test(after[1]!)) return false;
  const next = after[3];
  return next === undefined || STOP.has(next.toLowerCase().replace(/[^\p{L}]/gu, '')) || AUXILIARY.has(next.toLowerCase());
}

/** A capitalised word that reads as a plural of people ("Americans", "Britons", "Japanese"), not a name's "-us" or "-ss". */
const PLURAL_NAME = /(?:[^su]s|ese)$/;
/** A word with a capital after its lower-case start ("iPhone", "iOS", "eBay"), right before a number. */
const CAMEL_CASE_BEFORE = /(?:^|[\s("“‘])\p{Ll}+\p{Lu}[\p{L}'’-]*[ -]$/u;

/** "killed at least 40 people": the verb before the count says what happened to those counted. */
const CASUALTY_VERB_BEFORE = /\b(killed|injured|wounded|displaced|evacuated|arrested|detained|rescued)\s+(?:(?:at\s+least|more\s+than|over|nearly|almost|about|around|some|up\s+to|an\s+estimated)\s+)?$/i;

/** "has killed at least 40 people" → "people killed", as "40 people were killed" reads. */
function withCasualtyVerbBefore(text: string, start: number, measure: string | null): string | null {
  const verb = CASUALTY_VERB_BEFORE.exec(text.slice(Math.max(0, start - 32), start));
  if (!verb || !measure || measure.split(' ').some((w) => CASUALTY.test(w))) return measure;
  return `${measure} ${verb[1]!.toLowerCase()}`;
}

/** Nouns whose count a briefing reports: people, casualties, forces and the like ("two soldiers", "three homes"). */
const COUNTED_NOUN = /^(?:people|persons?|civilians?|soldiers?|troops?|fighters?|militants?|rebels?|insurgents?|gunmen|police(?:men)?|officers?|workers?|employees?|staff|children|kids|women|men|residents?|refugees?|migrants?|protesters?|demonstrators?|victims?|casualties|deaths?|dead|bodies|hostages?|prisoners?|detainees?|inmates?|patients?|students?|voters?|passengers?|families|households?|homes?|houses?|buildings?|jobs?|vehicles?|aircraft|planes?|jets?|drones?|tanks?|ships?|vessels?|missiles?|rockets?|bombs?|schools?|hospitals?|villages?|towns?|cases?|infections?|votes?|seats?|journalists?|doctors?|nurses?|members?|lawmakers?|senators?|judges?|ministers?)$/i;
/** Words that make a small number a reference, not a count: "the two sides", "their two sons". */
const DEFINITE_BEFORE = /\b(?:the|these|those|its|their|his|her|our|my|your|all|both)\s+$/i;

/** A number written as a word is a figure only when it counts people or things a briefing compares
 * ("two soldiers", "three killed"), not in a bare reference ("the two sides", "one of", "two months"). */
function isWordCountOfInterest(text: string, start: number, raw: string, measure: string | null): boolean {
  if (!measure || /^one$/i.test(raw)) return false; // "one of", "no one": rarely a figure worth citing
  if (DEFINITE_BEFORE.test(text.slice(Math.max(0, start - 8), start))) return false;
  const [head = '', ...rest] = measure.split(' ');
  return COUNTED_NOUN.test(head) || CASUALTY.test(head) || rest.some((w) => CASUALTY.test(w));
}

/** Money whose currency sign was lost (degraded text): "paying some 2 million to the firm". A scale word
 * after a payment verb marks it as money; the unit stays null since the currency is not stated. */
const PAYMENT_RE = new RegExp(String.raw`\b(?:pay|pays|paid|paying|spend|spends|spent|spending|cost|costs|costing|worth|fined|raised?|raising)\s+(?:(?:some|about|around|roughly|nearly|almost|over|more\s+than|at\s+least|up\s+to|an\s+estimated)\s+)?((?:${DIGITS}|${WORD_NUMBER})\s+(?:million|billion|trillion)\b|(?:${DIGITS})(?:bn|mn)\b)`, 'iy');
const PAYMENT = figurePattern(PAYMENT_RE, START.payment);
const payments: FigureRule = (text) => scanFigures(text, PAYMENT, (m) => {
  const value = parseNumber(m[1]!);
  if (value === null) return null;
  const start = m.index + m[0].length - m[1]!.length;
  const end = m.index + m[0].length;
  return { start, end, value, unit: null, measure: moneyPurpose(text, end) };
});

/** What money is for or paid to: "in fines", "for the site", "to a lobbying firm" → its noun phrase. */
function moneyPurpose(text: string, end: number): string | null {
  const direct = measureAfter(text, end);
  if (direct) return direct;
  const linked = /^\s+(?:in|of|for|to|on)\s+(?:(?:the|a|an)\s+)?/i.exec(text.slice(end, end + 16));
  return linked ? measureAfter(text, end + linked[0].length) : null;
}

/** The figure rules, in priority order: an earlier rule's span wins an overlap. */
export const FIGURE_RULES: ReadonlyArray<[string, FigureRule]> = [
  ['age', ages],
  ['money', money],
  ['payment', payments],
  ['percent', percentages],
  ['quantity', quantities],
  ['count', counts],
];

/**
 * Every figure with what it measures. `sentences` bounds nothing yet but keeps the signature the lead wires
 * in; `entityId` is left null (ages are linked to persons by rules/figure-owners.ts). Pass the document's
 * `dates` when already found, to skip finding them again (only their spans are used).
 */
export function findFigures(text: string, sentences: Array<[number, number]>, dates?: readonly DateMention[]): FigureMention[] {
  void sentences;
  // Characters already claimed by a date or by an earlier figure rule (numbers inside dates are not figures).
  const taken = new Uint8Array(text.length);
  const claim = (s: number, e: number) => taken.fill(1, s, e);
  const isFree = (s: number, e: number) => taken.subarray(s, e).every((x) => x === 0);
  for (const d of dates ?? findDates(text, null)) claim(d.start, d.end);
  const out: FigureMention[] = [];
  for (const [, rule] of FIGURE_RULES) {
    for (const c of rule(text)) {
      if (!isFree(c.start, c.end)) continue;
      claim(c.start, c.end);
      out.push({ start: c.start, end: c.end, text: text.slice(c.start, c.end), value: c.value, unit: c.unit, measure: c.measure, entityId: null });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
