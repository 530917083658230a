// Words the date rules read: month and weekday names, number words, and the regex fragments built from them.

/** Month name or abbreviation (lower case, without a trailing dot) → month number 1-12. */
export const MONTHS: ReadonlyMap<string, number> = new Map([
  ['january', 1], ['jan', 1], ['february', 2], ['feb', 2], ['march', 3], ['mar', 3], ['april', 4], ['apr', 4],
  ['may', 5], ['june', 6], ['jun', 6], ['july', 7], ['jul', 7], ['august', 8], ['aug', 8],
  ['september', 9], ['sept', 9], ['sep', 9], ['october', 10], ['oct', 10], ['november', 11], ['nov', 11], ['december', 12], ['dec', 12],
]);

/** Full month names, then abbreviations (which need their dot, or a day number after them, to count). */
export const MONTH_FULL = 'january|february|march|april|may|june|july|august|september|october|november|december';
export const MONTH_ABBR = 'jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec';
/** A month as written before a day or year: full name, or an abbreviation with or without its dot. */
export const MONTH = `(?:${MONTH_FULL}|(?:${MONTH_ABBR})\\.?)`;

/** Weekday name (lower case) → 0 (Sunday) … 6 (Saturday), as Date.getUTCDay counts. */
export const WEEKDAYS: ReadonlyMap<string, number> = new Map([
  ['sunday', 0], ['monday', 1], ['tuesday', 2], ['wednesday', 3], ['thursday', 4], ['friday', 5], ['saturday', 6],
]);
export const WEEKDAY = 'monday|tuesday|wednesday|thursday|friday|saturday|sunday';

/** Small cardinal numbers as words; "a"/"an" count as one ("a year ago"). */
export const NUMBER_WORDS: ReadonlyMap<string, number> = new Map([
  ['a', 1], ['an', 1], ['one', 1], ['two', 2], ['three', 3], ['four', 4], ['five', 5], ['six', 6], ['seven', 7], ['eight', 8],
  ['nine', 9], ['ten', 10], ['eleven', 11], ['twelve', 12], ['thirteen', 13], ['fourteen', 14], ['fifteen', 15],
  ['sixteen', 16], ['seventeen', 17], ['eighteen', 18], ['nineteen', 19], ['twenty', 20], ['thirty', 30], ['forty', 40],
  ['fifty', 50], ['sixty', 60], ['seventy', 70], ['eighty', 80], ['ninety', 90], ['hundred', 100],
]);
export const NUMBER_WORD = [...NUMBER_WORDS.keys()].filter((w) => w !== 'hundred').join('|');

/** Month number from a matched month word ("Sept." → 9), or undefined. */
export function monthNumber(word: string): number | undefined {
  return MONTHS.get(word.toLowerCase().replace(/\.$/, ''));
}

/** A count written in digits or words ("3", "three", "a"); vague counts ("several") give null. */
export function countOf(word: string): number | null {
  const w = word.toLowerCase();
  if (/^\d+$/.test(w)) return Number(w);
  return NUMBER_WORDS.get(w) ?? null;
}
