// Named mentions in one document: runs of capitalised words, with titles and roles split off and a
// first guess at the type. Types are settled over the run (entities/typing.ts); aliases and
// cross-document identity are settled later (aliases.ts).

import type { EntityType } from '../analysis.ts';
import { honorificGender, type Gender } from './gender.ts';
import { learnCommonWords, type CommonWords } from './entities/casing.ts';
import { extendByKnownNames, markLostCapitals } from './entities/degraded.ts';
import { describesPerson, describesPlace, followedByWho, personNounBefore, innerTitle, isTitleHead, leadingTitleEnd, PLACE_NOUNS, qualifiesTitle, readAcronym, readDescription, readPrecedingDescription, readRole, roleFrom } from './entities/roles.ts';
import { ACRONYM_PLACES, guessType, isAcronym, isNationality, isPlaceName, MULTIWORD_PLACES, shareListTypes, type TypeEvidence } from './entities/typing.ts';
import { FIRST_NAMES, GOVERNMENT_BODIES, HOLIDAYS, UNITS } from './gazetteer.ts';
import { CALENDAR_WORDS, HONORIFICS, NOT_NAMES, ORG_HEADS, ORG_LEADS, SENTENCE_STARTERS, SPEECH_VERBS, TITLE_MODIFIERS, TITLE_WORDS } from './lexicon.ts';
import { sentenceAt, type Span } from './sentences.ts';
import { datelineAt } from './dateline.ts';
import { isAsciiDigit, tokenize, TokenList, type Token, type TokenSource } from './tokens.ts';

export { isAcronym, learnCommonWords, tokenize, type CommonWords, type TypeEvidence };

/** A name found in a document, before aliases are merged. */
export interface Candidate {
  /** Span of the name itself (titles excluded). */
  start: number;
  end: number;
  text: string;
  /** Name tokens, lower-cased. Read only: names with the same words may share the list (extract/packed.ts). */
  words: string[];
  /** The type guess; null when only aliasing can tell. */
  type: EntityType | null;
  evidence: TypeEvidence;
  /** Title or role written with the mention ("Deputy Prime Minister"), or null. */
  role: string | null;
  /** An appositive or "who leads …" description right after the name, or null. */
  description: string | null;
  /** The acronym the text defines for this name ("Government of National Accord (GNA)"), or null. */
  acronym: string | null;
  /** Index of the sentence the mention is in. */
  sentence: number;
  /** True when the text follows the mention with a verb of saying ("X said"). */
  speaks: boolean;
  /** True when the name opens its sentence (where capitals say little). */
  initial: boolean;
  /** True when a model number stands right before it ("the 787 Dreamliner"): a product's name. */
  product: boolean;
  /** True when it is a storm's name ("Hurricane Mitch"): an event, which is no actor (see typing.ts). */
  event: boolean;
  /** True when the words around it read as a product's ("the new X", "Acme's X", "X laptops"): a vote, see typing.ts. */
  productContext: boolean;
  /** The gender an honorific right before the name gives ("Mr. Obama", "Mrs. Obama"), which its role leaves out; or null. */
  gender: Gender | null;
}

const CONNECTORS = new Set(['of', 'for', 'de', 'del', 'della', 'der', 'den', 'van', 'von', 'da', 'di', 'du', 'la', 'le', 'al', 'el', 'bin', 'ibn', 'bint', 'abu', 'y', '&']);
/** Last words of names of events, plans and things, not of actors ("the Civil War", "the Air Show"). */
const EVENT_HEADS = new Set(`war revolution spring crisis conflict election elections summit games cup olympics championship
  conference treaty act bill day uprising coup massacre protests show expo fair festival program programme project
  initiative kit player store prize award year`.split(/\s+/));
const HONORIFIC_BREAKS = new Set(['mr', 'mr.', 'mrs', 'mrs.', 'ms', 'ms.', 'miss', 'dr', 'dr.']);
const DETERMINERS = new Set(['the', 'a', 'an', 'its', 'their', 'his', 'her', 'new', 'first']);

/** Find name mentions in `text` (sentence spans given), typed where the text says enough. */
export function findCandidates(text: string, sentences: readonly Span[], common: CommonWords, tokens: readonly Token[] | TokenSource = tokenize(text)): Candidate[] {
  const source = Array.isArray(tokens) ? new TokenList(tokens) : tokens as TokenSource;
  const out: Candidate[] = [];
  let lo = 0;
  for (const [from, to] of segments(text, sentences)) {
    while (lo < source.length && source.start(lo) < from) lo++;
    let hi = lo;
    // A name starts at a name token: a segment without one is not built at all, and runs are read from the first.
    let firstName = -1;
    while (hi < source.length && source.end(hi) <= to) {
      if (firstName < 0 && source.capitalised(hi) && isNameText(source.text(hi))) firstName = hi;
      hi++;
    }
    // The segment's tokens are reused for the next segment: nothing below keeps a token.
    const segment = firstName >= 0 ? source.segment(lo, hi) : [];
    let i = firstName >= 0 ? firstName - lo : 0;
    lo = hi;
    while (i < segment.length) {
      // A run starts at a capitalised token only (readRun's first test): the others are passed over here.
      if (!segment[i]!.capitalised) { i++; continue; }
      const run = readRun(text, segment, i);
      if (!run) { i++; continue; }
      for (const cand of classifyRun(text, segment, run.first, run.last, common)) {
        cand.sentence = sentenceAt(sentences, cand.start); // a fresh object of this rule's own
        out.push(cand);
      }
      i = run.last + 1;
    }
  }
  shareListTypes(out, (k) => (out[k]!.sentence === out[k + 1]!.sentence ? text.slice(out[k]!.end, out[k + 1]!.start) : null));
  return out;
}

/** Names of two words or more that well-formed documents write, lower-cased. */
export function knownNames(candidates: readonly Candidate[][]): Set<string> {
  const known = new Set<string>();
  for (const list of candidates) for (const c of list) if (c.words.length > 1) known.add(c.words.join(' '));
  return known;
}

/** `findCandidates` for a degraded (lower-cased) text: lost capitals put back, known names completed. */
export function findDegradedCandidates(text: string, sentences: readonly Span[], common: CommonWords, tokens: readonly Token[], known: ReadonlySet<string>): Candidate[] {
  const marked = markLostCapitals(tokens, common);
  return findCandidates(text, sentences, common, marked).map((c) => {
    const longer = extendByKnownNames(text, marked, c, known);
    if (longer === c) return c;
    const names = tokenize(text, longer.start, longer.start + longer.text.length);
    return { ...longer, ...guessType(names, longer.words, false, undefined, c.speaks) };
  });
}

/**
 * Sentences joined where no punctuation ends one: the pseudo-sentences of unpunctuated text may cut a
 * name in two ("told The Washington | Times"), so a name may run on across such a cut.
 */
function segments(text: string, sentences: readonly Span[]): Span[] {
  const out: Span[] = [];
  for (const [a, b] of sentences) {
    const prev = out.at(-1);
    if (prev && a - prev[1] < 4 && /^[ \t]+$/.test(text.slice(prev[1], a)) && /[\p{L}\p{N}]/u.test(text[prev[1] - 1] ?? '')) prev[1] = b;
    else out.push([a, b]);
  }
  return out;
}

const hasDigit = (s: string) => /\p{N}/u.test(s);
const nameWordCache = new Map<string, boolean>();
/** A capitalised token that may be part of a name; the answer depends only on its text, so it is cached. */
const isNameToken = (t: Token) => t.capitalised && isNameText(t.text);
function isNameText(word: string): boolean {
  let hit = nameWordCache.get(word);
  if (hit === undefined) {
    hit = isNameWord(word, word.toLowerCase());
    if (nameWordCache.size > 50000) nameWordCache.clear();
    nameWordCache.set(word, hit);
  }
  return hit;
}
const isNameWord = (text: string, lower: string) => !hasDigit(text) && !CALENDAR_WORDS.has(lower.replace(/\.$/, '')) && !HOLIDAYS.has(lower)
  && !/['’](ve|re|ll|d|m|t)$/i.test(text) && !NOT_NAMES.has(lower);
/** Next to each other in one name: at most one space between, and no possessive ending the first. */
const joined = (text: string, a: Token, b: Token) => !a.possessive && (b.start === a.end || (b.start === a.end + 1 && text[a.end] === ' ') || wrapsAt(text, a.end, b.start));

/** Shortest line that counts as hard-wrapped prose; a shorter one is a byline or a heading ("By Jane Roe"). */
const WRAPPED_LINE = 50;
/**
 * Whether text[end, next) is the line break of hard-wrapped prose ("President Carlos\nFlores"): one
 * newline (CRLF too), no indent, after a line long enough to be running text.
 */
function wrapsAt(text: string, end: number, next: number): boolean {
  const gap = next - end;
  if (gap === 1 ? text.charCodeAt(end) !== 10 : gap !== 2 || text.charCodeAt(end) !== 13 || text.charCodeAt(end + 1) !== 10) return false;
  const lineStart = text.lastIndexOf('\n', end - 1) + 1;
  return end - lineStart >= WRAPPED_LINE;
}

/** Whether the character before `start` is a letter or digit (no space or punctuation between). */
function gluedToWord(text: string, start: number): boolean {
  if (start === 0) return false;
  const c = text.charCodeAt(start - 1);
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return /[\p{L}\p{N}]/u.test(text[start - 1]!);
}

/** The longest run of name tokens (with inner connectors such as "of") starting at `i`. */
function readRun(text: string, tokens: readonly Token[], i: number): { first: number; last: number } | null {
  const first = tokens[i];
  if (!first || !isNameToken(first)) return null;
  // "777-200LR", "iPhone 3GS": capitals glued to a number or word are a model's suffix, not a name.
  if (gluedToWord(text, first.start)) return null;
  let last = i;
  for (let j = i + 1; j < tokens.length; j++) {
    const prev = tokens[j - 1]!;
    const t = tokens[j]!;
    if (!joined(text, prev, t)) break;
    // "… in Kenya Mr Smith said": an honorific starts a new name (unpunctuated text runs names together).
    if (HONORIFIC_BREAKS.has(t.lower)) break;
    // "Qatar Egypt": two places side by side are a list that lost its commas, unless they make one name.
    if (isPlaceName(prev.lower) && !MULTIWORD_PLACES.has(`${prev.lower} ${t.lower}`)) {
      const after = tokens[j + 1];
      if (isPlaceName(t.lower) || (after && MULTIWORD_PLACES.has(`${t.lower} ${after.lower}`))) break;
    }
    if (isNameToken(t)) { last = j; continue; }
    const next = tokens[j + 1];
    if (monthAsSurname(tokens, i, j)) { last = j; continue; }
    if (CONNECTORS.has(t.lower) && next && isNameToken(next) && joined(text, t, next) && connects(tokens, i, j)) { last = j + 1; j++; continue; }
    if (t.lower === 'the' && prev.lower === 'of' && next && isNameToken(next)) { last = j + 1; j++; continue; }
    break;
  }
  return { first: i, last };
}

/** Months that are also surnames ("Theresa May", "Brian May", "Jenny April"). */
const SURNAME_MONTHS = new Set(['may', 'june', 'april', 'august', 'march']);

/**
 * Whether the month word at j is the surname of the given name before it: "Prime Minister Theresa May was not
 * invited" (not "Theresa" and a month). Only right after a known given name in the run, and not before a day or a
 * year ("Alice June 12", "Sarah May 2019" stay dates).
 */
function monthAsSurname(tokens: readonly Token[], i: number, j: number): boolean {
  const t = tokens[j]!;
  if (j <= i || !t.capitalised || !SURNAME_MONTHS.has(t.lower) || !FIRST_NAMES.has(tokens[j - 1]!.lower)) return false;
  const next = tokens[j + 1];
  return !next || !/^\d/.test(next.text);
}

/**
 * Whether the connector at j continues the run that starts at i: "for" only after an organisation's or
 * a title's word ("Commission for Trade", "Minister for Energy"), and no connector after a person's
 * given name and surname ("Mira Olsen of Acme" is two names).
 */
function connects(tokens: readonly Token[], i: number, j: number): boolean {
  const prev = tokens[j - 1]!.lower;
  if (tokens[j]!.lower === 'for' && !ORG_HEADS.has(prev) && !ORG_LEADS.has(prev) && !TITLE_WORDS.has(prev)) return false;
  return !(j - i >= 2 && FIRST_NAMES.has(tokens[i]!.lower));
}

function classifyRun(text: string, tokens: readonly Token[], first: number, last: number, common: CommonWords): Candidate[] {
  // "Hurricane Mitch", "tropical storm Mitch": the storm's own name, kept to drop its other mentions.
  const storm = stormNameStart(text, tokens, first, last);
  if (storm >= 0) {
    const name = build(text, tokens, storm, last, last, { role: null, personal: false }, common);
    return name ? [{ ...name, type: null, evidence: 'none', description: null, event: true }] : [];
  }
  // A capitalised common word that opens the sentence is not part of the name
  // (but a word that qualifies a title, "Finance Minister …", is part of the role).
  let a = first;
  while (a <= last && (tokens[a]!.lower === 'the' || tokens[a]!.lower === 'an' || (atSentenceStart(tokens, a) && isCommonWord(tokens[a]!, common) && !qualifiesTitle(tokens, a, last, common)))) a++;
  // "the Jewish West Bank settlement", "Honduran Tegucigalpa": a nationality before a known place describes it.
  while (a < last && isDemonym(tokens[a]!.lower) && isPlaceName(lowerWords(tokens, a + 1, last))) a++;
  while (a <= last && CONNECTORS.has(tokens[a]!.text)) a++; // lower-case particles only: "Al Jazeera" keeps its "Al"
  if (a > last) return [];

  // "Secretary of the Air Force Jan Roe": the title and its "of the" stand before the run, which names the employer and the holder.
  if (a === first) {
    const title = titleOfBefore(tokens, a);
    const split = title >= 0 ? splitHolder(text, tokens, title, a, last, common) : null;
    if (split) return split;
  }

  // Model numbers: "Boeing 737", "Vickers VC-10" name products, not their makers.
  if (modelNumberAfter(text, tokens[last]!.end) && !tokens[last]!.possessive) return [];

  const orgShaped = last > a && (ORG_HEADS.has(tokens[last]!.lower) || ORG_LEADS.has(tokens[a]!.lower));
  // Titles written in front of the name are the role, unless the run is an organisation's or a place's name.
  const n = orgShaped || (last > a && MULTIWORD_PLACES.has(lowerWords(tokens, a, last))) ? a : leadingTitleEnd(tokens, a, last, common);
  let nameFirst = n;
  // Lower-case particles only, as above: "El Salvador" keeps its "El".
  while (nameFirst <= last && CONNECTORS.has(tokens[nameFirst]!.text)) nameFirst++;
  if (nameFirst > last) return [];

  // A country before a state body is a place of its own ("US Air Force", "UK RAF").
  const country = leadingCountry(tokens, nameFirst, last);
  if (country !== null && n === a) {
    const body = classifyRun(text, tokens, country + 1, last, common);
    return [...classifyRun(text, tokens.slice(0, country + 1), nameFirst, country, common), ...withRunAcronym(text, tokens, nameFirst, last, body)];
  }
  // A title inside the run splits an employer from a person: "Acme Corp CEO Jane Roe".
  const inner = orgShaped ? null : innerTitle(tokens, nameFirst, last);
  if (inner) {
    const employer = build(text, tokens, nameFirst, inner.start - 1, last, { role: null, personal: false }, common);
    if (inner.end > last) return employer ? [{ ...employer, type: employer.type === 'PLACE' ? 'PLACE' : 'ORG', evidence: employer.type === 'PLACE' ? employer.evidence : 'context' }] : [];
    const person = build(text, tokens, inner.end, last, last, roleFrom(text, tokens.slice(inner.start, inner.end)), common);
    return [...(employer ? [{ ...employer, type: employer.type === 'PLACE' ? 'PLACE' as const : 'ORG' as const }] : []), ...(person ? [person] : [])];
  }
  // "Director of Air Force Communications Jan Roe": the employer a title's "of" names, then the holder's own name.
  if (nameFirst > n) {
    const split = splitHolder(text, tokens, a, nameFirst, last, common);
    if (split) return split;
  }
  // "Minister of Foreign Affairs Jan Roe": a title's "of" phrase runs on past its title words; a given name ends it.
  if (nameFirst === n && n > a && tokens.slice(a, n).some((t) => t.lower === 'of')) {
    const holder = holderAfterEmployer(tokens, n, last, common);
    const person = holder >= 0 ? build(text, tokens, holder, last, last, roleFrom(text, tokens.slice(a, holder)), common) : null;
    if (person) return [person];
  }
  // "CEO of Acme Corp": the name after a title's "of" is the employer, not the title's holder.
  const roleInfo = nameFirst > n ? { role: null, personal: false } : readRole(text, tokens, a, nameFirst, (x, y) => joined(text, x, y));
  const found = build(text, tokens, nameFirst, last, last, roleInfo, common);
  return found ? [found] : [];
}

/**
 * tokens[from..last] as an employer's name and then the name of the title's holder, the title running from
 * tokens[title] to the employer: the holder gets the whole title ("Secretary of the Air Force") as the role.
 * Null when no person's name closes the run.
 */
function splitHolder(text: string, tokens: readonly Token[], title: number, from: number, last: number, common: CommonWords): Candidate[] | null {
  const holder = holderAfterEmployer(tokens, from, last, common);
  if (holder < 0) return null;
  // A rank before the name ("… of Staff Gen. Jan Roe") is the holder's, not part of the employer's name.
  let end = holder - 1;
  while (end > from && HONORIFICS.has(tokens[end]!.lower)) end--;
  const employer = classifyRun(text, tokens.slice(0, end + 1), from, end, common);
  const person = build(text, tokens, holder, last, last, roleFrom(text, tokens.slice(title, holder)), common);
  return person ? [...employer, person] : employer;
}

/**
 * Index of the first word of a title that ends in "of" or "of the" right before tokens[first] ("Assistant
 * Secretary of the | Air Force"); -1 when none does. The title is title words, a modifier ("Assistant") may open it.
 */
function titleOfBefore(tokens: readonly Token[], first: number): number {
  let k = first - 1;
  if (tokens[k]?.lower === 'the') k--;
  if (k < 1 || tokens[k]!.lower !== 'of' || !TITLE_WORDS.has(tokens[k - 1]!.lower)) return -1;
  let start = k - 1;
  while (start > 0 && (TITLE_WORDS.has(tokens[start - 1]!.lower) || TITLE_MODIFIERS.has(tokens[start - 1]!.lower))) start--;
  return start;
}

/**
 * Where a person's name closes the employer's name after a title's "of" ("Secretary of the Air Force Jan Roe",
 * "Director of Air Force Communications Jan Roe"): a given name and a surname (a middle initial between may
 * be), with at least one word of the employer's before them (tokens[from] is never a particle); -1 when the
 * run ends otherwise ("Henry Holdings" ends in an organisation's word, "Philip Morris" leaves no employer,
 * "Foreign Affairs" has no given name).
 */
function holderAfterEmployer(tokens: readonly Token[], from: number, last: number, common: CommonWords): number {
  for (const holder of [last - 1, last - 2]) {
    if (holder <= from) continue;
    if (holder === last - 2 && !/^\p{Lu}\.$/u.test(tokens[last - 1]!.text)) continue; // only a middle initial between
    if (!FIRST_NAMES.has(tokens[holder]!.lower) && !(holder === last - 1 && unknownNamePair(tokens, holder, common) && namesAnEmployer(tokens, from, holder))) continue;
    // "Henry Holdings": a firm's word closes the run, not a surname.
    return ORG_HEADS.has(tokens[last]!.lower) ? -1 : holder;
  }
  return -1;
}

/**
 * Whether tokens[k] and tokens[k + 1] read as a given name and a surname that no list knows ("Secretary of the
 * Air Force for Acquisition Darleen Druyun"): two plain capitalised words that the documents never write as
 * ordinary words and that are no title, organisation, place or nationality word. An employer's name ends in
 * such words ("Homeland Security", "Naval Operations", "Central Intelligence Agency") or in a place.
 */
function unknownNamePair(tokens: readonly Token[], k: number, common: CommonWords): boolean {
  return isPlainNameWord(tokens[k]!, common) && isPlainNameWord(tokens[k + 1]!, common)
    && !MULTIWORD_PLACES.has(`${tokens[k - 1]!.lower} ${tokens[k]!.lower}`) && !MULTIWORD_PLACES.has(`${tokens[k]!.lower} ${tokens[k + 1]!.lower}`);
}

/**
 * Whether tokens[from..to) read as an employer's name, so that what follows may be its officer's: a word of an
 * organisation's or an office's in it ("Air Force for Acquisition", "Homeland Security"), or a place closing it.
 * "Commander of the Space Shuttle Columbia" has none: "Shuttle Columbia" is no one's name.
 */
function namesAnEmployer(tokens: readonly Token[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const w = tokens[k]!.lower;
    if (ORG_HEADS.has(w) || ORG_LEADS.has(w) || TITLE_WORDS.has(w)) return true;
  }
  return isPlaceName(tokens[to - 1]!.lower);
}

/** A capitalised word, lower case after its first letter, that is no common word, title, organisation's word, place or nationality. */
function isPlainNameWord(t: Token, common: CommonWords): boolean {
  const w = t.lower;
  return /^\p{Lu}\p{Ll}+(?:['’-]\p{L}+)?$/u.test(t.text) && !t.possessive && !common.has(w) && !TITLE_WORDS.has(w) && !TITLE_MODIFIERS.has(w) && !HONORIFICS.has(w)
    && !ORG_HEADS.has(w) && !ORG_LEADS.has(w) && !isPlaceName(w) && !isNationality(w) && !CONNECTORS.has(w);
}

/**
 * "United States Air Force (USAF)", "U.S. Air Force (USAF)": the bracketed acronym abbreviates the whole run, the
 * country the body was split from included, so the body's name ("Air Force") is what it stands for; so does the
 * run's initials written as a word elsewhere in the same source ("U.S. Air Force … USAF officials"), three
 * letters at least. `body` is what the run after the country made; its candidate ending the run takes the
 * acronym when the initials agree.
 */
function withRunAcronym(text: string, tokens: readonly Token[], from: number, last: number, body: Candidate[]): Candidate[] {
  const named = body.at(-1);
  if (!named || named.acronym !== null || named.end !== tokens[last]!.end) return body;
  const initials = runInitials(tokens, from, last);
  const bracketed = readAcronym(text, named.end);
  const acronym = bracketed ?? (initials.length >= 3 && standsAlone(text, initials.toUpperCase()) ? initials.toUpperCase() : null);
  // "U.S. Army" and "USA": a country's own acronym names the country, not the body.
  if (acronym === null || acronym.replace(/\./g, '').toLowerCase() !== initials || ACRONYM_PLACES.has(acronym.toLowerCase())) return body;
  return [...body.slice(0, -1), { ...named, acronym }];
}

/** Whether `word` is written somewhere in `text` as a word of its own ("USAF officials", not "USAFE"). */
function standsAlone(text: string, word: string): boolean {
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    const end = at + word.length;
    if (!gluedToWord(text, at) && (end === text.length || !gluedToWord(text, end + 1))) return true;
  }
  return false;
}

/** The initials of tokens[from..last]: an acronym's letters ("U.S." → "us"), a word's first letter, particles left out. */
function runInitials(tokens: readonly Token[], from: number, last: number): string {
  let out = '';
  for (let k = from; k <= last; k++) {
    const t = tokens[k]!;
    if (CONNECTORS.has(t.text) || t.lower === 'the') continue;
    out += isAcronym(t.text) ? t.lower.replace(/\./g, '') : t.lower[0];
  }
  return out;
}

/** Words that name a storm before its given name ("Hurricane Mitch", "Tropical Storm Mitch", "Super Typhoon Haiyan"). */
const STORM_WORDS = new Set(['hurricane', 'typhoon', 'cyclone', 'storm']);
const STORM_LEADS = new Set(['tropical', 'super', 'cyclonic', 'winter']);

/** Index of the storm's name in tokens[first..last] when the run is, or follows, a storm word; else -1. */
function stormNameStart(text: string, tokens: readonly Token[], first: number, last: number): number {
  const before = tokens[first - 1];
  if (before && STORM_WORDS.has(before.lower) && joined(text, before, tokens[first]!)) return first;
  let k = first;
  while (k < last && STORM_LEADS.has(tokens[k]!.lower)) k++;
  if (!STORM_WORDS.has(tokens[k]!.lower)) return -1;
  while (k <= last && STORM_WORDS.has(tokens[k]!.lower)) k++;
  return k <= last ? k : -1;
}

/** Whether a model number follows a name ending at `end`: /^[ -]?\p{N}|^ \p{Lu}+\p{N}/ on the next three characters. */
function modelNumberAfter(text: string, end: number): boolean {
  const c = text.charCodeAt(end);
  // Only a space, a hyphen or a number can start one; most names are followed by a space and a lower-case word.
  if (c === 32) {
    const d = text.charCodeAt(end + 1);
    if (d >= 97 && d <= 122) return false;
  } else if (c !== 45 && !isAsciiDigit(c) && c < 128) return false;
  return /^[ -]?\p{N}|^ \p{Lu}+\p{N}/u.test(text.slice(end, end + 3));
}

/** tokens[from..to] lower-cased and joined by spaces. */
function lowerWords(tokens: readonly Token[], from: number, to: number): string {
  let out = tokens[from]!.lower;
  for (let k = from + 1; k <= to; k++) out += ` ${tokens[k]!.lower}`;
  return out;
}

/** A candidate for tokens[from..to] (the run ends at `runLast`), or null when it is no name. */
function build(text: string, tokens: readonly Token[], from: number, to: number, runLast: number, roleInfo: { role: string | null; personal: boolean }, common: CommonWords): Candidate | null { // its sentence index is set by findCandidates
  if (from > to) return null;
  const name = tokens.slice(from, to + 1);
  const words = name.map((t) => t.lower);
  // After "Mr."/"Dr." a word is a surname, whatever else it may be ("Mr. Burman", "Mr. King").
  const honorific = roleInfo.personal;
  if (!honorific && name.every((t) => isDemonym(t.lower) && !isPlaceName(t.lower) && !isAcronym(t.text))) return null;
  if (!honorific && name.length > 1 && isDemonym(words.join(' '))) return null; // "Costa Rican", "New Yorkers"
  if (name.length > 1 && EVENT_HEADS.has(words.at(-1)!)) return null;
  if (name.length === 1 && isCommonWord(name[0]!, common) && !isPlaceName(words[0]!)) return null;
  if (name.length === 1 && /^\p{Lu}\.?$/u.test(name[0]!.text)) return null; // a lone initial
  // A title alone ("the CEO", "the Prime Minister") names no one in particular.
  // So does the end of a longer title ("Chief Executive Officer"): only "Mr."/"Dr." make a title word a surname.
  const afterHonorific = from > 0 && HONORIFICS.has(tokens[from - 1]!.lower);
  // "Assistant Secretary" too: a modifier that opens a title adds no name to it.
  if (!afterHonorific && name.every((t) => (TITLE_WORDS.has(withoutDots(t.lower)) || TITLE_MODIFIERS.has(t.lower)) && !ORG_HEADS.has(t.lower)) && name.some((t) => isTitleHead(t))) return null;
  const before = tokens[from - 1];
  const next = tokens[to + 1];
  if (name.length === 1 && CURRENCY_SIGNS.has(text.charCodeAt(name[0]!.end))) return null; // "US$40", "HK$": a currency
  if (name.length === 1 && isDollarPrefix(text, name[0]!)) return null; // "US $99", "U.S. $5.41": a currency too
  if (name.length === 1 && UNITS.has(words[0]!) && (isNumber(before) || isNumber(next) || /^\s?[#$£€]/u.test(text.slice(name[0]!.end, name[0]!.end + 2)) || bracketedAfterAmount(tokens, from))) return null;
  const start = name[0]!.start;
  const end = name.at(-1)!.end;
  const dateline = datelinePart(text, start, end);
  if (dateline === 'credit') return null;
  const afterRun = tokens[runLast + 1];
  const speaks = to === runLast && !!afterRun && (SPEECH_VERBS.has(afterRun.lower) || (afterRun.text === ',' && !!tokens[runLast + 2] && SPEECH_VERBS.has(tokens[runLast + 2]!.lower)));
  const description = readDescription(text, end) ?? (roleInfo.role === null ? readPrecedingDescription(text, tokens, from) : null);
  const guessed = guessType(name, words, roleInfo.personal, before, speaks);
  // "Marta Vell, a former army officer": a person's description types an otherwise untyped name;
  // "Tegucigalpa, the capital", "the town of Leon", "Long Beach, California", "Ostrava-based": a place's types a place.
  const weak = guessed.type === null || guessed.evidence === 'context';
  const { type, evidence } = guessed.type === null && (describesPerson(description) || followedByWho(text, end) || personNounBefore(tokens, from)) ? { type: 'PERSON' as const, evidence: 'title' as const }
    : (weak || dateline === 'place') && (dateline === 'place' || describesPlace(description) || placeNounOf(tokens, from) || placeAfter(tokens, to, common)) ? { type: 'PLACE' as const, evidence: 'placehead' as const }
    // "-based" is only a vote: an "Intel-based" computer is built on a firm's chips.
    : weak && basedIn(text, end) ? { type: 'PLACE' as const, evidence: 'context' as const } : guessed;
  // "the 787 Dreamliner", "Acme 3000 Dreamliner": a model number right before the name.
  const maker = tokens[from - 2];
  const product = isNumber(before) && !/,|^(1[89]|20)\d\d$/.test(before!.text) && !!maker
    && (DETERMINERS.has(maker.lower) || (maker.capitalised && !SENTENCE_STARTERS.has(maker.lower)));
  return {
    start, end, text: oneLine(text.slice(start, end)), words, type, evidence,
    // In a dateline the bracket after the place credits the agency ("SYDNEY, Australia (AP)"): it defines no acronym.
    role: roleInfo.role, description, acronym: dateline === 'place' ? null : definedAcronym(readAcronym(text, end), words),
    speaks, initial: atSentenceStart(tokens, from), product, event: name.length === 1 && abbreviatesEvent(tokens, from), sentence: -1,
    productContext: productContext(tokens, from, to, common), gender: before ? honorificGender(before.lower) : null,
  };
}

/**
 * "the Developers Conference (DC)", "a Software Development Kit (SDK)": an acronym bracketed after the name of
 * an event or a thing (its last word an event head, whose initial the acronym ends with) abbreviates that
 * name, so it is no actor either; typing.ts drops its other mentions as it does a storm's.
 */
function abbreviatesEvent(tokens: readonly Token[], from: number): boolean {
  const head = tokens[from - 2];
  const acronym = tokens[from]!.text;
  return tokens[from - 1]?.text === '(' && !!head && head.capitalised && EVENT_HEADS.has(head.lower)
    && isAcronym(acronym) && acronym.replace(/[.s]+$/, '').endsWith(head.text[0]!);
}

/** "$99 (USD)", "6:40 p.m. (GMT +8)": a unit glossed in brackets right after an amount or a clock time. */
function bracketedAfterAmount(tokens: readonly Token[], from: number): boolean {
  const amount = tokens[from - 2];
  return tokens[from - 1]?.text === '(' && !!amount && (isNumber(amount) || CLOCK_WORDS.has(amount.lower));
}
const CLOCK_WORDS = new Set(['a.m.', 'p.m.', 'am', 'pm']);

/**
 * Lower-case nouns of consumer goods sold under a line's own name ("the Orbix operating system", "Zephyr
 * laptops"). Not the nouns a maker's name qualifies as often ("Acme jets", "Acme chips", "Acme cars"):
 * there the name is the maker's, an organisation.
 */
const PRODUCT_NOUNS = new Set(`laptop laptops notebook notebooks smartphone smartphones tablet tablets software browser
  handset handsets console consoles app apps lineup touchscreen`.split(/\s+/));
/** Words before a name that make it a thing released or owned: "the new X", "a version of X". */
const PRODUCT_LEADS = new Set(['new', 'newest', 'latest', 'forthcoming', 'upcoming']);

/**
 * Whether the words around tokens[from..to] read as a product's name: a product noun right after it
 * ("Orbix laptops", "the Orbix operating system"), "the new"/"latest" before it, or an organisation's
 * possessive before it ("Acme's Orbix"; a person's or a place's is not counted, nor a name a title types).
 * Only a vote: typing.ts drops a name when most of its mentions have it and none carries strong evidence.
 */
function productContext(tokens: readonly Token[], from: number, to: number, common: CommonWords): boolean {
  const next = tokens[to + 1];
  if (next && !next.capitalised && next.start - tokens[to]!.end <= 1) {
    if (PRODUCT_NOUNS.has(next.lower)) return true;
    if (next.lower === 'operating' && tokens[to + 2]?.lower === 'system') return true;
  }
  const before = tokens[from - 1];
  if (!before) return false;
  if (PRODUCT_LEADS.has(before.lower)) return true;
  // "Acme's Orbix": the possessor is capitalised, not a place, not a person's given name.
  return before.possessive && before.capitalised && !isCommonWord(before, common) && !isPlaceName(before.lower) && !ACRONYM_PLACES.has(before.lower) && !FIRST_NAMES.has(before.lower);
}

/** A name cut by a hard wrap, written on one line (its offsets still span the line break). */
const oneLine = (s: string) => (s.includes('\n') ? s.replace(/\s+/g, ' ') : s);

/** A bracketed acronym that can abbreviate the name: same first letter ("Honduras (AP)" is a news agency's credit). */
function definedAcronym(acronym: string | null, words: readonly string[]): string | null {
  if (acronym === null) return null;
  const first = words.find((w) => !CONNECTORS.has(w) && w !== 'the');
  return first && acronym[0]!.toLowerCase() === first[0] ? acronym : null;
}

/**
 * A name in a wire dateline opening its line ("VELNA, Casteria (AP) _ "): the words before the bracket name
 * where the story was filed, places; the bracketed words credit the agency that filed it, no actor of the story.
 */
function datelinePart(text: string, start: number, end: number): 'place' | 'credit' | null {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  if (start - lineStart > 60) return null;
  const d = datelineAt(text, lineStart);
  if (!d || end > d.end) return null;
  return d.credit && start > d.credit[0] ? 'credit' : 'place';
}

/** "the Ostrava-based maker": a name written before "-based" is where something is based, a place. */
const basedIn = (text: string, end: number) => text.charCodeAt(end) === 45 && text.startsWith('based', end + 1) && !/\p{L}/u.test(text[end + 6] ?? '');

/** "the town of Leon", "the capital of X": a lower-case place noun and "of" right before the name. */
function placeNounOf(tokens: readonly Token[], from: number): boolean {
  const of = tokens[from - 1];
  const noun = tokens[from - 2];
  return of?.lower === 'of' && !!noun && !noun.capitalised && PLACE_NOUNS.has(noun.lower);
}

/**
 * "Long Beach, California" and the dateline's "TEGUCIGALPA, Honduras (AP)": a name followed by a comma and
 * a known place, which ends there (not "Smith, Washington Post"); a possessive place only before a name
 * ("Wimborne, UK's Cobham", not "X, Spain's envoy").
 */
function placeAfter(tokens: readonly Token[], to: number, common: CommonWords): boolean {
  if (tokens[to + 1]?.text !== ',') return false;
  const k = to + 2;
  const first = tokens[k];
  if (!first?.capitalised) return false;
  // The place may be two or three words ("New York", "Costa Rica").
  let key = first.lower;
  let end = isPlaceName(key) || ACRONYM_PLACES.has(key) ? k : -1; // "Wimborne, UK's Cobham"
  for (let j = k + 1; j <= k + 2 && tokens[j]?.capitalised; j++) {
    key += ` ${tokens[j]!.lower}`;
    if (isPlaceName(key)) end = j;
  }
  if (end < 0) return false;
  const place = tokens[end]!;
  const after = tokens[end + 1];
  // "Wimborne, UK's Cobham": a place's firm after a possessive place (but "Roe, Spain's envoy" or "Roe, Spain's
  // Foreign Minister" describes Roe).
  if (place.possessive) return !!after && after.capitalised && !TITLE_WORDS.has(after.lower) && !isCommonWord(after, common);
  return !(after && after.capitalised && after.start - place.end <= 1);
}

const CURRENCY_SIGNS = new Set([...'$#£€¥'].map((c) => c.charCodeAt(0)));

/**
 * Codes of countries whose currency is a dollar. Written apart from the dollar sign of an amount ("US $99", "U.S.
 * $5.41", "NZ $20") such a code says which dollar it is: the currency, not a mention of the place.
 */
const DOLLAR_CODES = new Set('US NZ HK AU CA SG NT TW TT JM BZ BS BB FJ'.split(' '));
/** Any other name before an amount is a payee, even a two-letter one ("lent GM $13.4 billion", "paid IBM $40"). */
function isDollarPrefix(text: string, t: Token): boolean {
  return DOLLAR_CODES.has(withoutDots(t.text)) && /^ ?\$ ?\d/.test(text.slice(t.end, t.end + 4));
}
const withoutDots = (w: string) => (w.includes('.') ? w.replace(/\./g, '') : w);

/** Token k opens its sentence: first, after an opening quote, or after a full stop within a joined segment. */
function atSentenceStart(tokens: readonly Token[], k: number): boolean {
  if (k === 0) return true;
  const prev = tokens[k - 1]!;
  if (prev.end - prev.start !== 1) return false;
  const c = prev.text;
  return (k === 1 && (c === '"' || c === '“' || c === '‘' || c === '(')) || c === '.' || c === '!' || c === '?';
}

/** A nationality or a creed's adjective, or its plural ("Kenyans", "Islamists"): a description, not a name. */
const CREEDS = new Set('islamist islamic muslim christian jewish jew sunni shia shiite catholic protestant orthodox hindu buddhist sikh arab jihadist zionist'.split(' '));
const isDemonym = (w: string) => isNationality(w) || CREEDS.has(w) || (w.endsWith('s') && (isNationality(w.slice(0, -1)) || CREEDS.has(w.slice(0, -1))));

const isNumber = (t: Token | undefined) => !!t && /^\p{N}/u.test(t.text);

/** Index of the last token of a country that opens tokens[from..last] before a state body or an acronym. */
function leadingCountry(tokens: readonly Token[], from: number, last: number): number | null {
  for (let len = Math.min(3, last - from); len >= 1; len--) {
    const end = from + len - 1;
    const key = lowerWords(tokens, from, end);
    if (!isPlaceName(key) && !ACRONYM_PLACES.has(key)) continue;
    const rest = tokens[end + 1]!;
    if (GOVERNMENT_BODIES.has(rest.lower) || (end + 1 === last && isAcronym(rest.text))) return end;
  }
  return null;
}

function isCommonWord(t: Token, common: CommonWords): boolean {
  // "US" is not "us": capitals all through are an acronym's, whatever the lower-case word.
  if (t.text.length > 1 && isAcronym(t.text)) return false;
  return SENTENCE_STARTERS.has(t.lower) || (common.has(t.lower) && !isPlaceName(t.lower));
}

/** The sentence index for an offset (re-exported for rules that work on candidates). */
export { sentenceAt };
