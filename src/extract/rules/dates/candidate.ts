// What a date rule finds: a span and what it means (absolute fields, a shift from an anchor, a weekday, or
// no calendar value); resolve.ts turns the meaning into an ISO value once the document date is known.

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
// first and skips its regexes, which are tried at every word otherwise. The rules run one text after
// another, so the lower-cased text is kept for the next rule.
let lastText = '';
let lastLower = '';

/** Whether `text` contains one of `words` (lower case) in any casing: a necessary condition of a rule's match. */
export function mentionsAny(text: string, words: readonly string[]): boolean {
  if (text !== lastText) { lastText = text; lastLower = text.toLowerCase(); }
  return words.some((w) => lastLower.includes(w));
}
