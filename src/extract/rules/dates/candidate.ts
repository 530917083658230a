// What a date rule finds: a span and what it means (absolute fields, a shift from an anchor, a weekday, or
// no calendar value); resolve.ts turns the meaning into an ISO value once the document date is known.

import { forLastText } from '../last-text.ts';
import { isAsciiDigit } from '../tokens.ts';

/** The unit a relative expression counts in, which is also the granularity of its value. */
export type Unit = 'day' | 'month' | 'year';

export type Meaning =
  /** Fields the words state ("April 15, 2019", "1998", "2019-04"). */
  | { kind: 'calendar'; year: number; month?: number; day?: number }
  /** A month (and day) without a year: the year comes from the document date ("in April", "Sept. 30", "July last year"). */
  | { kind: 'month'; month: number; day?: number; direction: Direction; yearShift?: number }
  | { kind: 'weekday'; weekday: number; direction: Direction }
  /** `amount` units from the document date or from the previous date in the text ("yesterday", "a year earlier"). */
  | { kind: 'shift'; unit: Unit; amount: number; granularity: Unit; anchor: 'document' | 'previous' }
  /** A value that needs no anchor but is not a calendar date (a decade `199`, a century `19`). */
  | { kind: 'fixed'; value: string }
  /** A time of day alone ("10 p.m."); it takes its day from a neighbour when merged. */
  | { kind: 'time'; time: string }
  /** A real date expression with no ISO calendar value ("now", "the third quarter", "next week"). */
  | { kind: 'vague' };

/** Which way a yearless month or a weekday points from the document date. `auto` reads the sentence's tense. */
export type Direction = 'past' | 'future' | 'this' | 'strict-past' | 'strict-future' | 'auto';

export interface DateCandidate {
  start: number;
  end: number;
  /** Name of the rule that found it (for debugging and tests). */
  rule: string;
  meaning: Meaning;
  /** `hh:mm` when a time of day is attached ("10 p.m. Wednesday"). */
  time?: string;
}

export type DateRule = (text: string) => DateCandidate[];

/** Run a global regex over the text and build a candidate from each match (null skips the match). */
export function scan(text: string, re: RegExp, rule: string, build: (m: RegExpExecArray) => Meaning | null): DateCandidate[] {
  const out: DateCandidate[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const meaning = build(m);
    if (meaning) out.push({ start: m.index, end: m.index + m[0].length, rule, meaning });
  }
  return out;
}

// Many rules only match where some word stands in the text ("quarter", "century"): a rule checks for it
// first and skips its regexes, which are tried at every word otherwise. The words all rules check for are
// looked for together, in one pass over each text.

/** Every word some rule's `mentionTest` checks for (lower case), and one regex for them all (null: to be made). */
const MENTION_WORDS: string[] = [];
let mentionRe: RegExp | null = null;
/** The last text looked at, and the words found in it (for the words of that time). */
let mentionsText: string | null = null;
let mentionsFound = new Set<string>();

/** The checked-for words in a text, in any casing: one regex finds where any stands, each is compared there. */
function mentionsIn(text: string): ReadonlySet<string> {
  if (text === mentionsText && mentionRe) return mentionsFound;
  const found = new Set<string>();
  mentionRe ??= new RegExp(MENTION_WORDS.map(escapeRegExp).join('|'), 'giu');
  mentionRe.lastIndex = 0;
  for (let m = mentionRe.exec(text); m; m = mentionRe.exec(text)) {
    // Every word that stands here (one may be the start of another), and the next match may start inside this one.
    for (const w of MENTION_WORDS) if (text.slice(m.index, m.index + w.length).toLowerCase() === w) found.add(w);
    mentionRe.lastIndex = m.index + 1;
  }
  mentionsText = text;
  mentionsFound = found;
  return found;
}

/**
 * A test of whether a text contains one of `words` (lower case) in any casing: a necessary condition of a
 * rule's match. Made once, when the rule's module loads: the words of all tests are looked for together.
 */
export function mentionTest(words: readonly string[]): (text: string) => boolean {
  for (const w of words) if (!MENTION_WORDS.includes(w)) MENTION_WORDS.push(w);
  mentionRe = null;
  return (text) => {
    const found = mentionsIn(text);
    return words.some((w) => found.has(w));
  };
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

// Most rules' regexes would be tried at every word of the text, and one full pass of such a regex costs
// about as much whatever it looks for. So the words a rule's match must contain (its anchors: a month
// name, a digit, "year"…) are found once per text by one regex, and each rule tries its own regex only
// at the few word starts just before each anchor (see `scanAnchored`).

/** What an anchor may be the start of; a rule names the kinds its match must contain. */
export const ANCHOR = {
  digit: 1,
  month: 2,
  weekday: 4,
  /** day, week, month, year, decade, century */
  unit: 8,
  /** yesterday, today, tomorrow, tonight, night, morning, afternoon, evening */
  dayPart: 16,
  /** now, past, recent(ly), current(ly), nowadays, days, present, moment, future, soon */
  reference: 32,
  /** noon, midnight */
  clock: 64,
} as const;

/** The first three letters of every anchor word, for ANCHOR_RE. */
const ANCHOR_WORDS: string[] = [];
/** Anchor kinds by the first three letters of a word (a superset: "mar" is March, also "market"). */
const ANCHOR_KEYS: ReadonlyMap<number, number> = (() => {
  const keys = new Map<number, number>();
  const add = (kind: number, words: string) => {
    for (const w of words.split(' ')) {
      const key = keyAt(w, 0);
      if (!keys.has(key)) ANCHOR_WORDS.push(w);
      keys.set(key, (keys.get(key) ?? 0) | kind);
    }
  };
  add(ANCHOR.month, 'jan feb mar apr may jun jul aug sep oct nov dec');
  add(ANCHOR.weekday, 'mon tue wed thu fri sat sun');
  add(ANCHOR.unit, 'day wee mon yea dec cen');
  add(ANCHOR.dayPart, 'yes tod tom ton nig mor aft eve');
  add(ANCHOR.reference, 'now pas rec cur day pre mom fut soo');
  add(ANCHOR.clock, 'noo mid');
  return keys;
})();

/** The first three characters at `at`, lower-cased if they are ASCII letters, as one number. */
function keyAt(text: string, at: number): number {
  return ((text.charCodeAt(at) | 32) << 16) | ((text.charCodeAt(at + 1) | 32) << 8) | (text.charCodeAt(at + 2) | 32);
}

/** A digit or the first letters of an anchor word, at a word start. */
const ANCHOR_RE = new RegExp(String.raw`\b(?:[0-9]|${ANCHOR_WORDS.join('|')})`, 'gi');

const isWordChar = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;

/** Each anchor of a text (offsets, and kinds at the same index), and the offsets by kinds asked for so far (found once per text). */
const textAnchors = forLastText((text) => {
  const at: number[] = [];
  const kinds: number[] = [];
  ANCHOR_RE.lastIndex = 0;
  // `test` spares a match array per anchor: a match is one digit or an anchor word's three letters.
  while (ANCHOR_RE.test(text)) {
    const end = ANCHOR_RE.lastIndex;
    const digit = isAsciiDigit(text.charCodeAt(end - 1));
    const start = digit ? end - 1 : end - 3;
    at.push(start);
    kinds.push(digit ? ANCHOR.digit : ANCHOR_KEYS.get(keyAt(text, start))!);
  }
  return { at, kinds, byKinds: new Map<number, Int32Array>() };
});

/** Offsets of the words of `text` that start like an anchor of one of `kinds`. */
function anchorsOf(text: string, kinds: number): Int32Array {
  const anchors = textAnchors(text);
  let hit = anchors.byKinds.get(kinds);
  if (!hit) {
    const offsets: number[] = [];
    anchors.kinds.forEach((k, i) => { if (k & kinds) offsets.push(anchors.at[i]!); });
    hit = Int32Array.from(offsets);
    anchors.byKinds.set(kinds, hit);
  }
  return hit;
}

/** Reused by `scanAnchored`: the word starts before an anchor, nearest first. */
const starts: number[] = [];

/**
 * A regex for `scanAnchored`: sticky (`y`), every match starts at a word start (\b, then an ASCII word
 * character), and at most `wordsBefore` word starts come before the first anchor of `kinds` in the match.
 * `core`, when given, is a sticky regex that matches wherever such a first anchor is (the month word, the
 * year's digits): anchors where it fails are skipped without trying the words before them.
 */
export interface AnchoredPattern {
  sticky: RegExp;
  kinds: number;
  wordsBefore: number;
  core: RegExp | null;
}

/** Every anchored pattern the rules use, so that a test can check each against a plain global scan. */
export const ANCHORED_PATTERNS: AnchoredPattern[] = [];

export function anchored(sticky: RegExp, kinds: number, wordsBefore: number, core: RegExp | null = null): AnchoredPattern {
  for (const re of [sticky, core]) if (re && (!re.sticky || re.global)) throw new Error(`anchored: ${re} must be sticky and not global`);
  const pattern = { sticky, kinds, wordsBefore, core };
  ANCHORED_PATTERNS.push(pattern);
  return pattern;
}

/**
 * `scan` for an anchored pattern: the regex is tried only at the word starts just before each anchor,
 * leftmost first, which finds exactly what the global scan finds (the leftmost match after the previous
 * one), since a match contains an anchor and starts at most `wordsBefore` words before the first one.
 */
export function scanAnchored(text: string, { sticky, kinds, wordsBefore, core }: AnchoredPattern, rule: string, build: (m: RegExpExecArray) => Meaning | null): DateCandidate[] {
  const out: DateCandidate[] = [];
  let lastEnd = 0;
  for (const p of anchorsOf(text, kinds)) {
    if (p < lastEnd) continue;
    if (core) {
      core.lastIndex = p;
      if (!core.test(text)) continue;
    }
    // The word starts before p, nearest first (none before the previous match's end), then p itself.
    starts.length = 0;
    for (let k = p - 1; k >= lastEnd && starts.length < wordsBefore; k--) {
      if (isWordChar(text.charCodeAt(k)) && (k === 0 || !isWordChar(text.charCodeAt(k - 1)))) starts.push(k);
    }
    for (let i = starts.length; i >= 0; i--) {
      sticky.lastIndex = i === 0 ? p : starts[i - 1]!;
      const m = sticky.exec(text);
      if (!m) continue;
      const meaning = build(m);
      if (meaning) out.push({ start: m.index, end: m.index + m[0].length, rule, meaning });
      lastEnd = m.index + m[0].length;
      break;
    }
  }
  return out;
}
