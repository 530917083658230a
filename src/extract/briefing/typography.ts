// Wire typography made typographic for claim and quote text: ``…'' and straight quotes become “…” and ’,
// " _ " and " -- " dashes become " — ". Evidence lines keep the source's own characters.

/** The rules, in order: each is a small named rewrite of characters only (never of words). */
export const TYPOGRAPHY_RULES: ReadonlyArray<[string, (s: string) => string]> = [
  // Wire copy written on typewriter keyboards: ``quoted'' with two backticks and two apostrophes.
  // Some papers open with two apostrophes too (''makes me smart''): after a space and before a word they open.
  ['wire-double-quotes', (s) => s.replace(/``\s?/g, '“').replace(/(^|[\s([{—])''(?=[\p{L}\p{N}])/gu, '$1“').replace(/(\S)\s?''/g, '$1”').replace(/''/g, '”')],
  // AP's " _ " (and the typed " -- ") stand for an em dash between spaced words.
  ['wire-dashes', (s) => s.replace(/ (?:_|--) /g, ' — ')],
  // A straight double quote opens after a space, bracket or dash (or at the start) and closes elsewhere.
  ['straight-double-quotes', (s) => s.replace(/"/g, (_q, at: number) => (at === 0 || /[\s([{—–-]/.test(s[at - 1]!) ? '“' : '”'))],
  // A straight apostrophe opens a quote only before a letter after a space; inside or after a word it is ’.
  ['straight-single-quotes', (s) => s.replace(/'/g, (_q, at: number) => ((at === 0 || /[\s([{“—]/.test(s[at - 1]!)) && /[\p{L}\p{N}]/u.test(s[at + 1] ?? '') && !/^'(?:\d0s|tis|twas|em)\b/i.test(s.slice(at)) ? '‘' : '’'))],
];

/** The text with wire conventions turned into proper typography. */
export function typeset(text: string): string {
  return TYPOGRAPHY_RULES.reduce((s, [, rule]) => rule(s), text);
}
