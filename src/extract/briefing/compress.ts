// Sentence compression by deletion only: a selected sentence shortened to its claim (attribution frames,
// leading connectives, parentheticals and appositive detail dropped), so the result is a sub-sequence of the
// source's words and still a quotation of it. The whole sentence stays in the evidence line.
import { datelineAt } from '../rules/dateline.ts';

/** A rule deletes words from a sentence; it returns the sentence unchanged when it does not apply. */
type CompressionRule = (s: string) => string;

/** A pronoun among the first words: cut from its name, the claim would not say who. */
const PRONOUN_START = /^(?:\S+\s+){0,3}?(?:he|she|they|it|his|her|its|their|them|we|i|this|these|those)\b/i;
/** Verbs of saying whose clause frames a claim rather than making it. */
const SAYING = String.raw`(?:said|says|told|tells|added|announced|reported|revealed|stated|confirmed|warned|insisted|claimed|explained|noted)`;

/** "BAGHDAD, Iraq (AP) _ ": where a wire story was filed (rules/dateline.ts), not part of its claim. */
const leadingDateline: CompressionRule = (s) => {
  const d = datelineAt(s);
  return d ? s.slice(d.end) : s;
};

/** "But", "However,", "It comes as": they lean on the sentence before, which the reader does not see. */
const leadingConnective: CompressionRule = (s) =>
  s.replace(/^(?:(?:But|And|Yet|So|Still|However|Meanwhile|Moreover|Furthermore|Also|Instead|Separately|Nevertheless|In addition|At the same time),?\s+|(?:It|This|That|The move|The (?:call|decision|announcement)) (?:comes|came) (?:as|after|amid)\s+)/, '');

/** "…, a top official told The Daily Herald on Thursday." and "…, the Red Cross said." at the end. */
const trailingAttribution: CompressionRule = (s) =>
  s.replace(new RegExp(String.raw`,\s+(?:(?:according to\s+[^,]{2,80})|(?:[^,]{2,80}?\s${SAYING}(?:\s+[^,]{0,60})?))(?=[.!]["”’]?$)`), '');

/** "…, the White House revealed Friday, as …": a short saying clause set off by commas mid-sentence. */
const medialAttribution: CompressionRule = (s) =>
  s.replace(new RegExp(String.raw`,\s+(?:[\p{L}.'’-]+\s+){1,5}?${SAYING}(?:\s+(?:on\s+)?\p{Lu}\p{Ll}+day)?,(?=\s)`, 'u'), ',')
    .replace(/,,/g, ',');

/** Plain verbs of saying: "X warned that…" or "X claimed that…" is no plain report, and keeps its frame. */
const PLAIN_SAYING = String.raw`(?:said|says|told|tells|added|announced|reported|stated|confirmed)`;

/** "X said that …": the claim is what follows; kept when a pronoun would then stand without its name. */
const leadingAttribution: CompressionRule = (s) => {
  const m = new RegExp(String.raw`^[^,"“]{2,80}?\s${PLAIN_SAYING}(?:\s+\p{Lu}[\p{L}.]*(?:\s+\p{Lu}[\p{L}.]*){0,3})?(?:\s+on\s+\p{Lu}\p{Ll}+day)?\s+that\s+`, 'u').exec(s);
  if (!m || PRONOUN_START.test(s.slice(m[0].length))) return s;
  return s.slice(m[0].length);
};

/** "(GNA)", "(about 3 miles)": asides in brackets; not one a possessive owns ("Japan's (ANA) were to take
 * delivery": cut, "Japan's were"). */
const parentheticals: CompressionRule = (s) => s.replace(/(?<![’']s\s*)\s*\([^()]{1,80}\)(?=[\s,.;:!?])/g, '');

/**
 * "…al-Karim, who is a close ally of Vell, to …" and "…, which leads the …." at the end. Not a clause whose comma
 * opens an appositive of the name it ends with ("…itself, which occurred as Keith Scott, a 43-year-old man, was
 * sitting…": cut, "…itself a 43-year-old man, was sitting…"): the clause goes on past it.
 */
const relativeClauses: CompressionRule = (s) =>
  s.replace(/,\s+(?:who|which)\s+(?:[^,;"“”]|,(?=\d)){3,90},(?=\s)/g, (clause: string, at: number) =>
    NAME_END.test(clause) && APPOSITIVE_START.test(s.slice(at + clause.length)) ? clause : '')
    .replace(/,\s+(?:who|which)\s+(?:[^,;"“”]|,(?=\d)){3,120}(?=[.!]["”’]?$)/, '');
/** A capitalised word before the clause's closing comma… */
const NAME_END = /\p{Lu}[\p{L}'’.-]*,$/u;
/** …and an article after it: the comma opens an appositive of that name. */
const APPOSITIVE_START = /^\s+(?:a|an|the)\s/;

/**
 * "Vell, a 76-year-old former army officer, said": an appositive after a name, not a list item. Not one that
 * names a second subject ("Cara, a food chain and Unicorp, a holding company, are based…": cut, Cara would be
 * the holding company), nor one that ends in an adjective, the first of a list ("the Forum, a conservative,
 * pro-growth group": cut, "Forum pro-growth group").
 */
const appositives: CompressionRule = (s) =>
  s.replace(/(?<!\b(?:and|or)\s)(\p{Lu}[\p{L}'’-]*),\s+(?:a|an|the)\s+([^,;"“”]{3,70}),\s+(?!and\b|or\b)/gu, (whole, name: string, body: string) =>
    /\b(?:and|or)\s+\p{Lu}/u.test(body) || ADJECTIVE_END.test(body) ? whole : `${name} `);

/** The endings of most English adjectives ("conservative", "liberal", "famous", "Islamic"); a noun is cut as before. */
const ADJECTIVE_END = /\p{Ll}(?:ive|al|ic|ous|ful|less|able|ible|ary|ish)$/u;

/** The rules in the order they run: outer frames first, then detail inside the claim. */
export const COMPRESSION_RULES: ReadonlyArray<[string, CompressionRule]> = [
  ['leading-dateline', leadingDateline],
  ['leading-connective', leadingConnective],
  ['trailing-attribution', trailingAttribution],
  ['medial-attribution', medialAttribution],
  ['leading-attribution', leadingAttribution],
  ['parentheticals', parentheticals],
  ['relative-clauses', relativeClauses],
  ['appositives', appositives],
];

/** A compression shorter than this (words) has lost its claim; the rule is not applied. */
const MIN_WORDS = 6;

/** Words and punctuation marks, the units of the sub-sequence property. */
export function tokens(s: string): string[] {
  return s.match(/[\p{L}\p{N}]+(?:['’.\-][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]/gu) ?? [];
}

/** True when `short`'s tokens appear in order in `long` (the first compared without case, for the capital a cut adds). */
export function isSubsequence(short: string, long: string): boolean {
  const a = tokens(short);
  const b = tokens(long);
  let j = 0;
  for (let i = 0; i < a.length; i++) {
    const want = i === 0 ? a[i]!.toLowerCase() : a[i]!;
    while (j < b.length && (i === 0 ? b[j]!.toLowerCase() : b[j]!) !== want) j++;
    if (j === b.length) return false;
    j++;
  }
  return true;
}

const wordCount = (s: string) => s.split(/\s+/).filter(Boolean).length;
const quotesBalanced = (s: string) => (s.match(/“/g)?.length ?? 0) === (s.match(/”/g)?.length ?? 0) && (s.match(/"/g)?.length ?? 0) % 2 === 0;

/** The sentence shortened to its claim; each rule is kept only when the result is still a whole sentence. */
export function compress(sentence: string, rules = COMPRESSION_RULES): string {
  let s = sentence;
  for (const [, rule] of rules) {
    const next = capitalise(singleFullStop(rule(s).replace(/\s+([,.;:!?])/g, '$1').replace(/\s+/g, ' ').trim()));
    if (next === s) continue;
    if (wordCount(next) < MIN_WORDS || !/[.!?]["”’)]*$/.test(next) || !quotesBalanced(next) || !isSubsequence(next, sentence)) continue;
    s = next;
  }
  return s;
}

/** "…overtook Infogear Corp., which took place in 1996." cut to "…Corp..": an abbreviation's full stop ends the sentence too (not "…"). */
const singleFullStop = (s: string) => s.replace(/(?<!\.)\.\.(["”’)]*)$/, '.$1');

/** The first letter made a capital, unless the first word has one inside ("iOS", "eBay": names keep their case). */
const capitalise = (s: string) => s.replace(/^\p{Ll}(?![\p{L}\p{N}]*\p{Lu})/u, (c) => c.toUpperCase());
