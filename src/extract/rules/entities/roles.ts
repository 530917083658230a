// Titles and roles around a name: which leading words are a title ("Secretary of State"), where a title
// inside a run splits an employer from a person ("Acme Corp CEO Jane Roe"), and what is said about the
// name right after it (an appositive, a defined acronym).

import { HONORIFICS, PERSON_TITLES, SENTENCE_STARTERS, TITLE_MODIFIERS, TITLE_WORDS } from '../lexicon.ts';
import type { Token } from '../tokens.ts';
import { isNationality } from './typing.ts';

/**
 * Title words that can carry a title on their own. A prefix made only of modifiers ("National",
 * "Saudi", "Foreign") is part of a name, not a role: "National Accord", "Saudi Arabia".
 */
const TITLE_HEADS = new Set([
  ...PERSON_TITLES, ...HONORIFICS,
  ...'ceo cfo coo official officer founder co-founder analyst economist lawyer editor reporter correspondent diplomat manager executive speaker chair'.split(' '),
]);
/** Titles that close a run on their own after an employer's name ("Acme CEO, Jane Roe, said …"). */
const JOB_TITLES = new Set('ceo cfo coo chairman chairwoman spokesman spokeswoman spokesperson president founder co-founder executive director analyst'.split(' '));

/** A common word opening a title ("Harbour Minister", "Finance Minister"). */
export function qualifiesTitle(tokens: readonly Token[], k: number, last: number, common: ReadonlySet<string>): boolean {
  return k < last && TITLE_WORDS.has(tokens[k + 1]!.lower) && !SENTENCE_STARTERS.has(tokens[k]!.lower) && common.has(tokens[k]!.lower);
}

export const isTitleHead = (t: Token) => TITLE_HEADS.has(t.lower);

/** A word that may stand in a title: a title word, "of" inside one, or a nationality before one. */
export function isTitleToken(tokens: readonly Token[], k: number, last: number): boolean {
  const t = tokens[k]!;
  if (k >= last) return false; // a title must leave a name after it
  if (HONORIFICS.has(t.lower) || TITLE_WORDS.has(t.lower)) return true;
  const next = tokens[k + 1]!;
  // "Egyptian President X": a nationality is part of a title only when a title word follows it.
  if (isNationality(t.lower)) return TITLE_WORDS.has(next.lower) || isNationality(next.lower);
  return t.lower === 'of' && TITLE_WORDS.has(next.lower);
}

/**
 * Index of the first name token after a leading title in tokens[a..last], or `a` when there is none.
 * A common word may open the title ("Harbour Minister").
 */
export function leadingTitleEnd(tokens: readonly Token[], a: number, last: number, common: ReadonlySet<string>): number {
  let k = a;
  let head = false;
  while (k <= last && (isTitleToken(tokens, k, last) || qualifiesTitle(tokens, k, last, common))) {
    if (isTitleHead(tokens[k]!)) head = true;
    k++;
  }
  return head ? k : a;
}

/** A title inside a run after an employer's name: "Acme Corp CEO Jane Roe" → role at [start, end). */
export function innerTitle(tokens: readonly Token[], n: number, last: number): { start: number; end: number } | null {
  for (let j = n + 1; j <= last; j++) {
    const t = tokens[j]!;
    if (!TITLE_WORDS.has(t.lower) || !isTitleHead(t)) continue;
    let start = j;
    while (start - 1 > n && (TITLE_WORDS.has(tokens[start - 1]!.lower) || isNationality(tokens[start - 1]!.lower)) && !isTitleHead(tokens[start - 1]!)) start--;
    let end = j + 1;
    while (end <= last && (TITLE_WORDS.has(tokens[end]!.lower) || tokens[end]!.lower === 'of') && end < last) end++;
    end = titleHeadAhead(tokens, end, last);
    // With no name after it, only a job title closes a run ("Acme CEO"): "Burger King" stays a name.
    if (end > last && !JOB_TITLES.has(tokens[end - 1]!.lower)) return null;
    return { start, end };
  }
  return null;
}

/**
 * "Acme Chief Financial Officer Jan Roe": a title whose middle words are no title words ("Financial") runs on
 * to a title head one or two words further, when a name of two words at least still follows it. Returns
 * the index after that head, or `end` when there is none.
 */
function titleHeadAhead(tokens: readonly Token[], end: number, last: number): number {
  for (let k = end + 1; k <= Math.min(end + 2, last - 2); k++) {
    if (isTitleHead(tokens[k]!) && TITLE_WORDS.has(tokens[k]!.lower)) return k + 1;
  }
  return end;
}

const RANKS: Record<string, string> = { 'gen.': 'General', 'col.': 'Colonel', 'lt.': 'Lieutenant', 'capt.': 'Captain', 'sgt.': 'Sergeant', 'adm.': 'Admiral', 'sen.': 'Senator', 'rep.': 'Representative', 'gov.': 'Governor', 'dr.': 'Dr.', 'prof.': 'Professor', 'rev.': 'Reverend', 'maj.': 'Major' };

/** The role: title tokens in the run plus role words just before it ("militia leader Gen."). */
export function readRole(text: string, tokens: readonly Token[], runFirst: number, nameFirst: number, joined: (a: Token, b: Token) => boolean): { role: string | null; personal: boolean } {
  // "the chief executive of Acme Corp": a name after a title's "of" is the employer, not the holder.
  // So is one with its honorific: "the chairman of Mrs. Clinton's campaign" is not Mrs. Clinton's title.
  const honorificsOnly = tokens.slice(runFirst, nameFirst).every((t) => HONORIFICS.has(t.lower));
  if (honorificsOnly && runFirst > 1 && tokens[runFirst - 1]!.text === 'of' && TITLE_WORDS.has(tokens[runFirst - 2]!.lower)) return { role: null, personal: false };
  let k = runFirst;
  while (k > 0) {
    const t = tokens[k - 1]!;
    if (!joined(t, tokens[k]!)) break;
    const titled = TITLE_WORDS.has(t.lower) || (isNationality(t.lower) && TITLE_WORDS.has(tokens[k]!.lower));
    if (titled || (t.lower === 'of' && k - 1 > 0 && TITLE_WORDS.has(tokens[k - 2]!.lower))) k--;
    else break;
  }
  // An organisation written before a lower-case role belongs to it ("U.S. Africa Command leader", "GNA prime minister").
  if (k < runFirst || someLowerCase(tokens, k, nameFirst)) {
    let o = k;
    while (o > 0 && o > k - 5 && tokens[o - 1]!.capitalised && joined(tokens[o - 1]!, tokens[o]!) && !tokens[o - 1]!.possessive) o--;
    if (o < k && o > 0) k = o;
  }
  return roleFrom(text, tokens.slice(k, nameFirst));
}

/** Whether one of tokens[from..to) is not capitalised. */
function someLowerCase(tokens: readonly Token[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (!tokens[k]!.capitalised) return true;
  return false;
}

/** What `roleFrom` reads from no tokens (most names have no title). Read only. */
const NO_ROLE: { role: string | null; personal: boolean } = Object.freeze({ role: null, personal: false });

/** A role string from its tokens: honorifics dropped, a lone rank abbreviation spelled out. */
export function roleFrom(text: string, tokens: readonly Token[]): { role: string | null; personal: boolean } {
  if (tokens.length === 0) return NO_ROLE;
  const personal = tokens.some((t) => PERSON_TITLES.has(t.lower) || HONORIFICS.has(t.lower));
  const roleTokens = tokens.filter((t) => !/^(mr|mrs|ms|miss)\.?$/i.test(t.text));
  while (roleTokens.length && /^(of|the)$/i.test(roleTokens.at(-1)!.text)) roleTokens.pop();
  if (!roleTokens.length) return { role: null, personal };
  // A trailing military abbreviation after a role ("militia leader Gen.") repeats the rank: drop it; alone, spell it out.
  if (roleTokens.length > 1 && /\.$/.test(roleTokens.at(-1)!.text)) roleTokens.pop();
  // "former RT journalists", "state Senate races": words that only qualify a title name no role by themselves.
  if (roleTokens.every((t) => QUALIFIERS.has(t.lower))) return { role: null, personal };
  const role = text.slice(roleTokens[0]!.start, roleTokens.at(-1)!.end).replace(/\s+/g, ' ');
  return { role: RANKS[role.toLowerCase()] ?? role, personal };
}

/** Title words that qualify a title ("former minister", "state senator", "deputy head") but are none alone. */
const QUALIFIERS = new Set(`former acting interim ex- ex state national foreign defense defence interior finance security vice deputy
  prime field managing militia army military rebel opposition party labor labour union`.split(/\s+/));

const DESCRIBING_VERBS = /^(leads|led|heads|headed|commands|commanded|runs|ran|chairs|controls|founded|represents)\s+(?:the\s+)?(.{3,80}?)(?=[,.;]|$)/u;

/** ", a former army colonel with …" or ", who leads the …" right after a name. */
export function readDescription(text: string, end: number): string | null {
  if (text[end] !== ',') return null; // most names are not followed by an appositive
  if (inSpeakersVoice(text, end)) return null;
  const rest = text.slice(end, end + 160);
  const m = /^,\s+(?:(a|an|the)\s+([^,.;]{3,90}?)|who\s+(?:is\s+|was\s+)?([^,.;]{3,90}?))(?=[,.;]|$)/u.exec(rest);
  if (!m) return bareTitle(text, end);
  if (m[2]) {
    // "5,000": a comma inside a number does not end the phrase, so what came before it is no whole phrase.
    if (/\d$/.test(m[2]) && /^,\d/.test(rest.slice(m[0].length))) return null;
    const phrase = `${m[1]} ${m[2]}`.replace(/\s+/g, ' ').trim();
    const cut = /\b(who|which|that|said|says)\b/.test(phrase) ? phrase.split(/\s+(who|which|that|said|says)\b/)[0]!.trim() : phrase;
    // "Tegucigalpa, the army recaptured …": the next clause of the sentence, not a describing phrase.
    // "Northrop Grumman, the Air Force, and …": another name in a list, not what the first one is.
    return isClause(cut) || isProperName(cut) ? null : cut;
  }
  const who = (m[3] ?? '').replace(/\s+/g, ' ').trim();
  const d = DESCRIBING_VERBS.exec(who);
  if (d) return `${d[1]} ${d[2]}`.trim();
  return /^(a|an|the)\s/.test(who) ? who : null;
}

/** Words besides the titles that may open a job title without an article ("senior vice president", "co-founder of"). */
const TITLE_OPENERS = new Set([...TITLE_MODIFIERS, 'co-founder']);

/**
 * ", president and chief executive of Acme", ", CEO of Acme", ", project manager and Acme vice president": a job
 * title set off after a name without an article, as business and wire copy write it. Only a phrase that opens with a
 * title word and whose head is a person's title or noun counts, so a list ("Oslo, Bergen") or a clause never does.
 */
function bareTitle(text: string, end: number): string | null {
  const m = /^,\s+([\p{L}][^,.;()"“”]{1,90}?)(?=\s+(?:said|says|told|added)\b|[,.;]|$)/u.exec(text.slice(end, end + 120));
  if (!m) return null;
  const phrase = m[1]!.replace(/\s+/g, ' ').trim();
  const first = phrase.split(' ')[0]!.toLowerCase();
  if (!TITLE_WORDS.has(first) && !TITLE_OPENERS.has(first)) return null;
  return !isClause(phrase) && describesPerson(phrase) ? phrase : null;
}

/**
 * "the Air Force", "the United Nations": after its article, a phrase whose words are all capitalised (bar "of",
 * "and", "for", "the") is a name. A describing phrase has a common noun at its head ("the Airbus chief executive").
 */
function isProperName(phrase: string): boolean {
  const words = phrase.split(/\s+/).slice(1).filter((w) => !/^(?:of|and|for|the|de|du|la|&)$/.test(w));
  return words.length > 0 && words.every((w) => /^[\p{Lu}\p{N}]/u.test(w));
}

/** "I", "we", "my", "our" as the story never writes them in its own voice ("World War I in" is a name). */
const FIRST_PERSON = /\b(?:I\s+(?!(?:of|in|and|or|to|at|on|for|from|by|with|as)\b)\p{Ll}|(?:we|our|my)\b|(?:We|Our|My)\s)/u;

/**
 * Whether the name ending at `end` stands in someone's words: inside quotation marks opened earlier in its
 * sentence, or in a sentence in the first person (a transcript, a letter). "I just know that Jane Roe, a leader
 * who embodies our values, will win" is the speaker's praise, not a description of who Jane Roe is.
 */
function inSpeakersVoice(text: string, end: number): boolean {
  const from = Math.max(0, end - 300);
  const before = text.slice(from, end);
  const start = sentenceStart(before);
  // A closing mark right after the previous sentence's full stop ('… lead us." Ana Pell') belongs to that sentence;
  // a mark after a space, a line break or at the start of the text opens this one ('He left. "We won," said Ana Pell').
  const closesPrevious = start > 0 && before[start - 1] !== '\n';
  const sentence = (closesPrevious ? before.slice(start).replace(/^(?:["”’)]|'')+/u, '') : before.slice(start)).trimStart();
  // Wire copy quotes ``like this'' as well as "like this" and “like this”.
  if ((sentence.match(/["“”]|``|''/g)?.length ?? 0) % 2 === 1) return true;
  return FIRST_PERSON.test(sentence.replace(/["“][^"“”]*["”]|``.*?''/g, ' '));
}

/** Where the last sentence of `before` starts: after its last full stop, mark or line break (a backward scan; the
 * pattern /[^.!?\n]*$/ gives the same answer but retries at every offset, quadratic in the window). */
export function sentenceStart(before: string): number {
  for (let k = before.length - 1; k >= 0; k--) {
    const c = before.charCodeAt(k);
    if (c === 46 || c === 33 || c === 63 || c === 10) return k + 1; // . ! ? \n
  }
  return 0;
}

/** Auxiliaries, and a past-tense verb taking an object: a phrase with one is a clause, not an appositive. */
const AUXILIARIES = /\b(?:is|are|was|were|has|have|had|will|would|could|can|may|might|must|did|does|do)\b/u;
/** A word followed by a determiner or a number: in a noun phrase only a preposition or a conjunction stands there. */
const BEFORE_DETERMINER = /(?<=\s)(\p{Ll}+)\s+(?:(?:the|a|an|his|her|its|their|more)\b|\d)/gu;
const LINKS = new Set(`of for at in with from to on by into onto over under near across about against between among than as
  like after before since during through without within per via and or but nor plus all both half`.split(/\s+/));
/** Whether a phrase is a clause ("the army rebuilt the bridge"), not an appositive noun phrase ("the leader of the party"). */
function isClause(phrase: string): boolean {
  if (AUXILIARIES.test(phrase)) return true;
  for (const m of phrase.matchAll(BEFORE_DETERMINER)) if (!LINKS.has(m[1]!)) return true;
  return false;
}

/** Nouns that describe a place ("the capital", "a port city", "the town of"). */
export const PLACE_NOUNS = new Set(`capital city town village port region province district county suburb island country
  state-capital hamlet municipality enclave`.split(/\s+/));

/** Whether a description ("the capital", "a coastal town 50 km north") is a place's: its head noun is a place noun. */
export function describesPlace(description: string | null): boolean {
  if (!description) return false;
  const words = description.toLowerCase().split(/\s+/);
  const stop = words.findIndex((w, k) => k > 0 && DESCRIPTION_STOPS.has(w));
  const head = words[(stop > 0 ? stop : words.length) - 1]!.replace(/[^\p{L}-]/gu, '');
  return PLACE_NOUNS.has(head);
}

/** Nouns that describe a person ("a former army officer", "the 46-year-old businessman"), beyond the titles. */
export const PERSON_NOUNS = new Set(`officer businessman businesswoman commander colonel general leader lawyer politician diplomat
  activist journalist official executive founder economist banker engineer analyst professor scholar soldier warlord
  father mother son daughter wife husband brother sister veteran candidate lawmaker senator governor mayor judge
  prosecutor doctor physician surgeon author writer novelist singer actor actress player coach man woman citizen
  adviser advisor aide envoy negotiator militant cleric imam priest student teacher worker farmer entrepreneur
  investor billionaire millionaire businessperson spokesman spokeswoman spokesperson chairman chairwoman chief
  strongman dissident opponent critic ally loyalist defector exile refugee survivor victim suspect defendant`.split(/\s+/));
const DESCRIPTION_STOPS = new Set(['of', 'for', 'at', 'in', 'with', 'from', 'to', 'on', 'and', 'who', 'whose']);

/** Whether a description ("a 76-year-old former army officer", "the leader of the GNA") is a person's. */
export function describesPerson(description: string | null): boolean {
  if (!description) return false;
  const words = description.toLowerCase().split(/\s+/);
  const stop = words.findIndex((w, k) => k > 0 && DESCRIPTION_STOPS.has(w));
  const head = words[(stop > 0 ? stop : words.length) - 1]!.replace(/[^\p{L}-]/gu, '');
  return PERSON_NOUNS.has(head) || TITLE_WORDS.has(head) || /\b\d{1,3}-year-old\b/.test(description);
}

/**
 * "Rosa Vell, a street vendor who lost her home", "Rosa Vell, who fled": "who" after the name or its
 * appositive refers to a person (an organisation takes "which"), whatever the describing noun is.
 */
export function followedByWho(text: string, end: number): boolean {
  return text[end] === ',' && /^,\s+(?:(?:a|an|the)\s+[^,.;()"“]{1,60}?\s+)?who\b/u.test(text.slice(end, end + 80));
}

/**
 * "Its director, Ines Vell, said": a possessive or an article, a person noun or a title, and a comma
 * right before the name: an appositive that makes it a person's.
 */
export function personNounBefore(tokens: readonly Token[], first: number): boolean {
  const noun = tokens[first - 2];
  const det = tokens[first - 3];
  if (tokens[first - 1]?.text !== ',' || !noun || !det) return false;
  if (!noun.capitalised) return (PERSON_NOUNS.has(noun.lower) || TITLE_WORDS.has(noun.lower)) && APPOSITIVE_LEADS.has(det.lower);
  // "Baltavia Air CEO, Oren Kask", "… Chief Executive Officer, Ilse Moravec": a capitalised job title closing an
  // employer's name or a longer title, then the holder's name.
  return TITLE_HEADS.has(noun.lower) && (det.capitalised || APPOSITIVE_LEADS.has(det.lower));
}
const APPOSITIVE_LEADS = new Set(['its', 'his', 'her', 'their', 'our', 'the', 'a', 'an']);

/**
 * A description written before the name ("the 46-year-old former businessman Tomas Reyn"): from a
 * determiner, lower-case words (and an age) ending in a person noun right before `first`; null if none.
 */
export function readPrecedingDescription(text: string, tokens: readonly Token[], first: number): string | null {
  const head = tokens[first - 1];
  if (!head || head.capitalised || !PERSON_NOUNS.has(head.lower) || head.end + 1 !== tokens[first]!.start) return null;
  // At most eight tokens between the determiner and the noun ("46", "-", "year", "-", "old" are five).
  for (let k = first - 2; k >= 0 && k >= first - 10; k--) {
    const t = tokens[k]!;
    if (t.lower === 'the' || t.lower === 'a' || t.lower === 'an') return text.slice(t.start, head.end).replace(/\s+/g, ' ');
    if (!/^(?:[\p{Ll}-]+|\d{1,3})$/u.test(t.text)) return null;
  }
  return null;
}

/** "Government of National Accord (GNA)" or "[GNA]": the acronym the text defines. */
export function readAcronym(text: string, end: number): string | null {
  if (!/[\s([]/.test(text[end] ?? '')) return null;
  const m = /^\s*[([]\s*(\p{Lu}[\p{Lu}.&]{1,9})\s*[)\]]/u.exec(text.slice(end, end + 16));
  return m ? m[1]! : null;
}
