// Named mentions in one document: runs of capitalised words, with titles and roles split off and a
// first guess at the type. Aliases and cross-document identity are settled later (aliases.ts).

import type { EntityType } from '../analysis.ts';
import {
  CALENDAR_WORDS, DEMONYMS, HONORIFICS, NOT_NAMES, ORG_HEADS, ORG_LEADS, PERSON_TITLES, PLACES,
  SENTENCE_STARTERS, SPEECH_VERBS, TITLE_WORDS,
} from './lexicon.ts';
import { sentenceAt, type Span } from './sentences.ts';
import { tokenize, type Token } from './tokens.ts';

/** How sure the type guess is: settled evidence beats shape. */
export type TypeEvidence = 'title' | 'gazetteer' | 'orghead' | 'acronym' | 'shape' | 'context' | 'none';

/** A name found in a document, before aliases are merged. */
export interface Candidate {
  /** Span of the name itself (titles excluded). */
  start: number;
  end: number;
  text: string;
  /** Name tokens, lower-cased. */
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
}

const CONNECTORS = new Set(['of', 'for', 'de', 'del', 'della', 'der', 'den', 'van', 'von', 'da', 'di', 'du', 'la', 'le', 'al', 'el', 'bin', 'ibn', 'bint', 'abu', 'y', '&']);
const MULTIWORD_PLACES = new Set([
  'united states', 'united kingdom', 'united arab emirates', 'saudi arabia', 'new zealand', 'south korea',
  'north korea', 'south africa', 'north africa', 'east africa', 'west africa', 'middle east', 'sri lanka',
  'costa rica', 'el salvador', 'south sudan', 'czech republic', 'dominican republic', 'ivory coast',
  'new york', 'los angeles', 'san francisco', 'hong kong', 'tel aviv', 'abu dhabi', 'addis ababa',
  'buenos aires', 'latin america', 'north america', 'south america', 'new delhi', 'west bank',
  'gaza strip', 'persian gulf', 'gulf of mexico', 'silicon valley', 'wall street',
]);
/** Last words of names of events, not of actors ("the Civil War", "the Arab Spring"). */
const EVENT_HEADS = new Set(['war', 'revolution', 'spring', 'crisis', 'conflict', 'election', 'elections', 'summit', 'games', 'cup', 'olympics', 'championship', 'conference', 'treaty', 'act', 'bill', 'day', 'uprising', 'coup', 'massacre', 'protests']);
const ACRONYM_PLACES = new Set(['us', 'u.s.', 'usa', 'u.s.a.', 'uk', 'u.k.', 'uae', 'u.a.e.', 'drc', 'prc']);
const PLACE_PREPOSITIONS = new Set(['in', 'to', 'from', 'across', 'near', 'into', 'toward', 'towards', 'outside', 'inside', 'throughout', 'around', 'through', 'via']);
const DESCRIBING_VERBS = /^(leads|led|heads|headed|commands|commanded|runs|ran|chairs|controls|founded|represents)\s+(?:the\s+)?(.{3,80}?)(?=[,.;]|$)/u;

/** Words seen lower-case in well-formed text: a capitalised one at a sentence start is just a word. */
export type CommonWords = ReadonlySet<string>;

/** Collect lower-case words of well-formed texts, to tell "Despite" (a word) from "Haftar" (a name). */
export function learnCommonWords(texts: readonly string[]): Set<string> {
  const words = new Set<string>();
  for (const text of texts) for (const m of text.matchAll(/(?<![\p{L}'’-])\p{Ll}[\p{Ll}'’-]*/gu)) words.add(m[0]);
  return words;
}

/** Find name mentions in `text` (sentence spans given), typed where the text says enough. */
export function findCandidates(text: string, sentences: readonly Span[], common: CommonWords): Candidate[] {
  const out: Candidate[] = [];
  for (let s = 0; s < sentences.length; s++) {
    const [from, to] = sentences[s]!;
    const tokens = tokenize(text, from, to);
    let i = 0;
    while (i < tokens.length) {
      const run = readRun(text, tokens, i);
      if (!run) { i++; continue; }
      const cand = classifyRun(text, tokens, run.first, run.last, s, common);
      if (cand) out.push(cand);
      i = run.last + 1;
    }
  }
  return out;
}

const isNameToken = (t: Token) => t.capitalised && !CALENDAR_WORDS.has(t.lower.replace(/\.$/, ''));
const joined = (text: string, a: Token, b: Token) => /^ ?$/.test(text.slice(a.end, b.start)) && !a.possessive;

/** The longest run of name tokens (with inner connectors such as "of") starting at `i`. */
function readRun(text: string, tokens: Token[], i: number): { first: number; last: number } | null {
  const first = tokens[i];
  if (!first || !isNameToken(first)) return null;
  let last = i;
  for (let j = i + 1; j < tokens.length; j++) {
    const prev = tokens[j - 1]!;
    const t = tokens[j]!;
    if (!joined(text, prev, t)) break;
    if (isNameToken(t)) { last = j; continue; }
    const next = tokens[j + 1];
    if (CONNECTORS.has(t.lower) && next && isNameToken(next) && joined(text, t, next)) { last = j + 1; j++; continue; }
    if (t.lower === 'the' && prev.lower === 'of' && next && isNameToken(next)) { last = j + 1; j++; continue; }
    break;
  }
  return { first: i, last };
}

function classifyRun(text: string, tokens: Token[], first: number, last: number, sentence: number, common: CommonWords): Candidate | null {
  let a = first;
  const atSentenceStart = (k: number) => k === 0 || (k === 1 && /^["“‘(]$/.test(tokens[0]!.text));
  // A capitalised common word that opens the sentence is not part of the name.
  // (but a word that qualifies a title, "Finance Minister …", is part of the role).
  const qualifiesTitle = (k: number) => k < last && TITLE_WORDS.has(tokens[k + 1]!.lower) && !SENTENCE_STARTERS.has(tokens[k]!.lower);
  while (a <= last && (tokens[a]!.lower === 'the' || (atSentenceStart(a) && isCommonWord(tokens[a]!, common) && !qualifiesTitle(a)) || NOT_NAMES.has(tokens[a]!.lower))) a++;
  while (a <= last && CONNECTORS.has(tokens[a]!.text)) a++; // lower-case particles only: "Al Jazeera" keeps its "Al"
  if (a > last) return null;

  const all = tokens.slice(a, last + 1);
  const lastWord = all.at(-1)!.lower;
  const orgShaped = all.length > 1 && (ORG_HEADS.has(lastWord) || ORG_LEADS.has(all[0]!.lower));

  // Titles written in front of the name are the role, unless the run is an organisation's name.
  let n = a;
  if (!orgShaped) {
    while (n <= last && (isTitleToken(tokens, n, last) || (common.has(tokens[n]!.lower) && qualifiesTitle(n)))) n++;
    while (n <= last && CONNECTORS.has(tokens[n]!.lower)) n++;
  }
  if (n > last) return null;
  const name = tokens.slice(n, last + 1);
  const words = name.map((t) => t.lower);
  if (name.every((t) => DEMONYMS.has(t.lower) && !PLACES.has(t.lower) && !isAcronym(t.text))) return null;
  if (name.length > 1 && EVENT_HEADS.has(words.at(-1)!)) return null;
  if (name.length === 1 && isCommonWord(name[0]!, common) && !PLACES.has(words[0]!)) return null;

  const roleInfo = readRole(text, tokens, a, n);
  const start = name[0]!.start;
  const end = name.at(-1)!.end;
  const after = tokens[last + 1];
  const before = tokens[n - 1];
  const speaks = !!after && (SPEECH_VERBS.has(after.lower) || (after.text === ',' && !!tokens[last + 2] && SPEECH_VERBS.has(tokens[last + 2]!.lower)));
  const { type, evidence } = guessType(name, words, roleInfo.personal, before, speaks);
  return {
    start, end, text: text.slice(start, end), words, type, evidence,
    role: roleInfo.role, description: readDescription(text, end), acronym: readAcronym(text, end),
    sentence, speaks, initial: atSentenceStart(n),
  };
}

function isCommonWord(t: Token, common: CommonWords): boolean {
  return SENTENCE_STARTERS.has(t.lower) || (common.has(t.lower) && !PLACES.has(t.lower));
}

function isTitleToken(tokens: Token[], k: number, last: number): boolean {
  const t = tokens[k]!;
  if (HONORIFICS.has(t.lower)) return true;
  if (TITLE_WORDS.has(t.lower) || DEMONYMS.has(t.lower)) {
    // "of" joins two titles ("Secretary of State"); a title word must leave a name after it.
    return k < last;
  }
  return t.lower === 'of' && k < last && TITLE_WORDS.has(tokens[k + 1]!.lower);
}

/** The role: title tokens in the run plus role words just before it ("militia leader Gen."). */
function readRole(text: string, tokens: Token[], runFirst: number, nameFirst: number): { role: string | null; personal: boolean } {
  let k = runFirst;
  while (k > 0) {
    const t = tokens[k - 1]!;
    if (!joined(text, t, tokens[k]!)) break;
    if (TITLE_WORDS.has(t.lower) || DEMONYMS.has(t.lower) || (t.lower === 'of' && k - 1 > 0 && TITLE_WORDS.has(tokens[k - 2]!.lower))) k--;
    else break;
  }
  // An organisation written before a lower-case role belongs to it ("U.S. Africa Command leader", "GNA prime minister").
  if (k < runFirst || tokens.slice(k, nameFirst).some((t) => !t.capitalised)) {
    let o = k;
    while (o > 0 && o > k - 5 && tokens[o - 1]!.capitalised && joined(text, tokens[o - 1]!, tokens[o]!) && !tokens[o - 1]!.possessive) o--;
    if (o < k && o > 0) k = o;
  }
  const roleTokens = tokens.slice(k, nameFirst).filter((t) => !/^(mr|mrs|ms|miss)\.?$/i.test(t.text));
  const personal = tokens.slice(k, nameFirst).some((t) => PERSON_TITLES.has(t.lower) || HONORIFICS.has(t.lower));
  while (roleTokens.length && /^(of|the)$/i.test(roleTokens.at(-1)!.text)) roleTokens.pop();
  if (!roleTokens.length) return { role: null, personal };
  // A trailing military abbreviation after a role ("militia leader Gen.") repeats the rank: drop it; alone, spell it out.
  if (roleTokens.length > 1 && /\.$/.test(roleTokens.at(-1)!.text)) roleTokens.pop();
  const role = text.slice(roleTokens[0]!.start, roleTokens.at(-1)!.end).replace(/\s+/g, ' ');
  return { role: RANKS[role.toLowerCase()] ?? role, personal };
}

const RANKS: Record<string, string> = { 'gen.': 'General', 'col.': 'Colonel', 'lt.': 'Lieutenant', 'capt.': 'Captain', 'sgt.': 'Sergeant', 'adm.': 'Admiral', 'sen.': 'Senator', 'rep.': 'Representative', 'gov.': 'Governor', 'dr.': 'Dr.', 'prof.': 'Professor', 'rev.': 'Reverend', 'maj.': 'Major' };

function guessType(name: Token[], words: string[], personal: boolean, before: Token | undefined, speaks: boolean): { type: EntityType | null; evidence: TypeEvidence } {
  const key = words.join(' ');
  const lastWord = words.at(-1)!;
  if (MULTIWORD_PLACES.has(key)) return { type: 'PLACE', evidence: 'gazetteer' };
  if (name.length > 1 && (ORG_HEADS.has(lastWord) || ORG_LEADS.has(words[0]!))) return { type: 'ORG', evidence: 'orghead' };
  if (name.length === 1 && isAcronym(name[0]!.text)) {
    return ACRONYM_PLACES.has(key) ? { type: 'PLACE', evidence: 'gazetteer' } : { type: 'ORG', evidence: 'acronym' };
  }
  if (personal) return { type: 'PERSON', evidence: 'title' };
  if (PLACES.has(key)) return { type: 'PLACE', evidence: 'gazetteer' };
  if (name.length === 1 && ORG_HEADS.has(lastWord)) return { type: 'ORG', evidence: 'orghead' };
  if (name.length > 1 && words.every((w) => PLACES.has(w))) return { type: 'PLACE', evidence: 'gazetteer' };
  if (name.length >= 2 && name.length <= 4) {
    if (before?.lower === 'the') return { type: 'ORG', evidence: 'context' };
    return { type: 'PERSON', evidence: 'shape' };
  }
  if (name.length > 4) return { type: 'ORG', evidence: 'shape' };
  if (before?.lower === 'the') return { type: 'ORG', evidence: 'context' };
  if (speaks) return { type: 'PERSON', evidence: 'context' };
  if (before && PLACE_PREPOSITIONS.has(before.lower)) return { type: 'PLACE', evidence: 'context' };
  return { type: null, evidence: 'none' };
}

export function isAcronym(word: string): boolean {
  return /^(?:\p{Lu}\.){2,}(?:\p{Lu})?$/u.test(word) || /^\p{Lu}{2,6}s?$/u.test(word);
}

/** ", a former army colonel with …" or ", who leads the …" right after a name. */
function readDescription(text: string, end: number): string | null {
  const rest = text.slice(end, end + 160);
  const m = /^,\s+(?:(a|an|the)\s+([^,.;]{3,90}?)|who\s+(?:is\s+|was\s+)?([^,.;]{3,90}?))(?=[,.;]|$)/u.exec(rest);
  if (!m) return null;
  if (m[2]) {
    const phrase = `${m[1]} ${m[2]}`.replace(/\s+/g, ' ').trim();
    return /\b(who|which|that|said|says)\b/.test(phrase) ? phrase.split(/\s+(who|which|that|said|says)\b/)[0]!.trim() : phrase;
  }
  const who = (m[3] ?? '').replace(/\s+/g, ' ').trim();
  const d = DESCRIBING_VERBS.exec(who);
  if (d) return `${d[1]} ${d[2]}`.trim();
  return /^(a|an|the)\s/.test(who) ? who : null;
}

/** "Government of National Accord (GNA)" or "[GNA]": the acronym the text defines. */
function readAcronym(text: string, end: number): string | null {
  const m = /^\s*[([]\s*(\p{Lu}[\p{Lu}.&]{1,9})\s*[)\]]/u.exec(text.slice(end, end + 16));
  return m ? m[1]! : null;
}

/** The sentence index for an offset (re-exported for rules that work on candidates). */
export { sentenceAt };
