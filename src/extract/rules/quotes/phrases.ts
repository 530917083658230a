// The speaker's noun phrase next to a verb of saying: a name with its titles ("IMF chief economist
// Maury Obstfeld"), an unnamed speaker ("the ad’s narrator", "a spokesman"), or a pronoun ("she").

import { HONORIFICS, TITLE_MODIFIERS, TITLE_WORDS } from '../lexicon.ts';
import { BETWEEN_SPEAKER_AND_VERB, isQuoteVerb, NOT_SPEAKER_AFTER_VERB } from './verbs.ts';

export interface Span { start: number; end: number }

interface Token { text: string; lower: string; start: number; end: number }

const TOKEN = /[\p{L}\p{N}][\p{L}\p{N}'’.&-]*|[(),:;—–―"“”]/gu;

/** Tokens of text[from, to) with absolute offsets; a final full stop is cut unless it ends an abbreviation. */
function tokens(text: string, from: number, to: number): Token[] {
  const out: Token[] = [];
  for (const m of text.slice(from, to).matchAll(TOKEN)) {
    let t = m[0];
    if (t.endsWith('.') && !isAbbreviation(t)) t = t.replace(/\.+$/, '');
    if (t.endsWith("'") || t.endsWith('’')) t = t.slice(0, -1);
    if (!t) continue;
    out.push({ text: t, lower: t.toLowerCase(), start: from + m.index, end: from + m.index + t.length });
  }
  return out;
}

const isAbbreviation = (t: string) => HONORIFICS.has(t.toLowerCase()) || /^(?:\p{Lu}\.)+(?:\p{Lu}\.?)?$/u.test(t) || /^(?:\p{L}\.){2,}$/u.test(t) || /\.\p{L}/u.test(t);

export const PRONOUN_SPEAKERS = new Set(['he', 'she', 'they', 'we', 'i', 'it', 'who', 'you']);
const DETERMINERS = new Set(['the', 'a', 'an', 'his', 'her', 'its', 'their', 'our', 'my', 'your', 'this', 'that', 'one', 'another', 'some', 'several', 'two', 'three']);
const STOP_WORDS = new Set(`and or but in on at of to for with by from as that which when while if so because after before
  than then said says told is was are were be been has have had will would could can may might not no it's there here what
  how why where about into over under between against during`.split(/\s+/));

/** Lower-case words inside names ("Bill de Blasio", "Ludwig van Beethoven"). */
const NAME_PARTICLES = new Set(['de', 'da', 'del', 'van', 'von', 'der', 'bin', 'al', 'la', 'le', 'du', 'dos', 'di']);

/** A party and state written after a legislator's name: "R-Ky.", "D-N.C.", "I-Vt.". */
const PARTY_AND_STATE = /^[RDI]-\p{Lu}[\p{L}.]*$/u;

const isCapitalised = (t: string) => /^\p{Lu}/u.test(t);
const isWord = (t: Token) => /^[\p{L}\p{N}]/u.test(t.text);

/** The noun phrase that ends right before `end` (the speaker of "X said"), looking back to `floor`. */
export function phraseBefore(text: string, end: number, floor: number): Span | null {
  const toks = tokens(text, Math.max(floor, end - 300), end);
  let k = toks.length - 1;
  while (k >= 0 && isWord(toks[k]!) && (BETWEEN_SPEAKER_AND_VERB.has(toks[k]!.lower) || /ly$/.test(toks[k]!.lower))) k--;
  // "Mitch McConnell, R-Ky., said": a party and state set off by commas belong to the name before them.
  if (k >= 3 && toks[k]!.text === ',' && PARTY_AND_STATE.test(toks[k - 1]!.text) && toks[k - 2]!.text === ',') k -= 3;
  // "Flynn, a top Trump surrogate, said": go back over lower-case appositives to the name they describe.
  while (k >= 0 && toks[k]!.text === ',') {
    const segStart = lastIndexBefore(toks, k - 1, (t) => t.text === ',' || t.text === '”' || t.text === '"' || t.text === ':');
    const first = toks[segStart + 1];
    if (!first || !isAppositive(first) || segStart < 0 || toks[segStart]!.text !== ',') break;
    k = segStart;
    // Nothing word-like before this comma: no name to land on.
    if (k - 1 < 0 || !isWord(toks[k - 1]!)) break;
  }
  if (k >= 0 && toks[k]!.text === ',') k--;
  if (k >= 0 && toks[k]!.text === ')') k = lastIndexBefore(toks, k, (t) => t.text === '(') - 1; // "(D-N.C.)"
  const head = toks[k];
  if (!head || !isWord(head) || STOP_WORDS.has(head.lower) || isQuoteVerb(head.lower) && !isCapitalised(head.text)) return null;
  if (PRONOUN_SPEAKERS.has(head.lower)) return { start: head.start, end: head.end };
  let s = k;
  if (isCapitalised(head.text)) {
    // A name with its titles: capitalised words, initials, honorifics, role words ("press secretary").
    while (s - 1 >= 0 && isWord(toks[s - 1]!) && k - s < 8) {
      const t = toks[s - 1]!;
      if ((isCapitalised(t.text) && !DETERMINERS.has(t.lower)) || TITLE_WORDS.has(t.lower) || NAME_PARTICLES.has(t.lower) || /^(?:police|press|host|economist|anchor|strategist|adviser|chief)$/.test(t.lower)) s--;
      else break;
    }
  } else {
    // An unnamed speaker: back to its determiner or possessive ("the ad’s narrator", "a friend").
    let j = s;
    while (j - 1 >= 0 && isWord(toks[j - 1]!) && k - j < 6 && !STOP_WORDS.has(toks[j - 1]!.lower)) {
      j--;
      if (DETERMINERS.has(toks[j]!.lower) || /[’']s$/.test(toks[j]!.text)) { s = j; break; }
    }
  }
  // "Jan Vos, president and CEO of Acme said": a title set off after a name, its closing comma missing; the name
  // before the comma is the speaker, and the whole span is kept so the person is picked over the employer.
  const named = nameBeforeTitle(text, toks, s, k, floor);
  if (named) return named;
  // "a spokesman for the transport ministry": the speaker is the phrase the "for"/"of" hangs on.
  // "Michael O'Hanlon of the Brookings Institution said": over "the" too.
  const linkAt = toks[s - 1]?.lower === 'the' ? s - 2 : s - 1;
  const link = toks[linkAt];
  if (link && /^(?:for|of|at)$/.test(link.lower) && linkAt - 1 >= 0) {
    const outer = phraseBefore(text, link.start, toks[0]!.start);
    if (outer && !PRONOUN_SPEAKERS.has(text.slice(outer.start, outer.end).toLowerCase())) return { start: outer.start, end: head.end };
  }
  return { start: toks[s]!.start, end: head.end };
}

/** The noun phrase that starts right after `start` (the speaker of "said X"), up to `ceil`. */
export function phraseAfter(text: string, start: number, ceil: number): Span | null {
  const toks = tokens(text, start, Math.min(ceil, start + 200));
  const first = toks[0];
  if (!first || !isWord(first) || NOT_SPEAKER_AFTER_VERB.has(first.lower)) return null;
  if (PRONOUN_SPEAKERS.has(first.lower)) return { start: first.start, end: first.end };
  let e = 0;
  while (e + 1 < toks.length && e < 7) {
    const t = toks[e + 1]!;
    if (!isWord(t) || STOP_WORDS.has(t.lower) || NOT_SPEAKER_AFTER_VERB.has(t.lower) && !DETERMINERS.has(toks[e]!.lower)) break;
    // A name ends at the first lower-case word after it ("said Smith on Monday" stopped by "on"), unless a
    // title and a name follow ("says Acme senior vice president Jan Vos": the person, not the employer).
    // A phrase opened by a determiner describes someone, and its capitalised words are modifiers ("one Democratic
    // source on the panel").
    // "said Trump's spokesman": a possessive name is the phrase's determiner, and the phrase goes on to its head.
    if (isCapitalised(toks[e]!.text) && !isCapitalised(t.text) && !DETERMINERS.has(toks[e]!.lower) && !DETERMINERS.has(first.lower) && !/[’']s$/.test(toks[e]!.text)) {
      const named = titleThenName(toks, e + 1);
      if (named !== -1) e = named;
      break;
    }
    e++;
  }
  return namedAfterTitle(toks, e) ?? { start: first.start, end: toks[e]!.end };
}

/**
 * From toks[k]: lower-case title words ending in a title ("senior vice president"), then a capitalised name
 * ended by the phrase's end. The index of the name's last token, or -1.
 */
function titleThenName(toks: readonly Token[], k: number): number {
  let j = k;
  while (toks[j] && isWord(toks[j]!) && !isCapitalised(toks[j]!.text) && (TITLE_WORDS.has(toks[j]!.lower) || TITLE_MODIFIERS.has(toks[j]!.lower)) && j - k < 5) j++;
  if (j === k || !TITLE_WORDS.has(toks[j - 1]!.lower)) return -1;
  let n = j;
  while (toks[n] && isWord(toks[n]!) && (isCapitalised(toks[n]!.text) || NAME_PARTICLES.has(toks[n]!.lower)) && !TITLE_WORDS.has(toks[n]!.lower) && n - j < 4) n++;
  if (n === j) return -1;
  const after = toks[n];
  return after && isWord(after) && isCapitalised(after.text) ? -1 : n - 1;
}

/**
 * "said Acme President and Chief Executive Officer, Tom Enders": a title phrase ending at toks[e] (with more
 * titles joined by "and"), then a comma and a name. The name is the speaker; the phrase before it is the role.
 * The whole span is returned, so the person named inside it is picked over the organisation.
 */
function namedAfterTitle(toks: readonly Token[], e: number): Span | null {
  let k = e;
  while (toks[k + 1]?.lower === 'and' && toks[k + 2] && isCapitalised(toks[k + 2]!.text)) {
    k += 2;
    while (toks[k + 1] && isWord(toks[k + 1]!) && isCapitalised(toks[k + 1]!.text) && k - e < 8) k++;
  }
  if (!TITLE_WORDS.has(toks[k]!.lower) || toks[k + 1]?.text !== ',') return null;
  let n = k + 2;
  if (!toks[n] || !isWord(toks[n]!) || !isCapitalised(toks[n]!.text) || TITLE_WORDS.has(toks[n]!.lower) || DETERMINERS.has(toks[n]!.lower)) return null;
  while (toks[n + 1] && isWord(toks[n + 1]!) && (isCapitalised(toks[n + 1]!.text) || NAME_PARTICLES.has(toks[n + 1]!.lower)) && n - k < 5) n++;
  // The name must end the phrase: the sentence, a comma or a bracket follows ("…, Tom Enders." / "…, Tom Enders, …").
  const after = toks[n + 1];
  if (after && isWord(after)) return null;
  return { start: toks[0]!.start, end: toks[n]!.end };
}

/**
 * toks[s..k] all title words ("president and CEO", "CEO"), joined by "and", right after "Name,": the span from the
 * name to toks[k]. Null when the phrase holds any other word or no name stands before the comma.
 */
function nameBeforeTitle(text: string, toks: readonly Token[], s: number, k: number, floor: number): Span | null {
  let t = s;
  while (toks[t - 1]?.lower === 'and' && TITLE_WORDS.has(toks[t - 2]?.lower ?? '')) {
    t -= 2;
    while (t - 1 >= 0 && TITLE_WORDS.has(toks[t - 1]!.lower)) t--;
  }
  for (let j = t; j <= k; j++) if (!TITLE_WORDS.has(toks[j]!.lower) && !TITLE_MODIFIERS.has(toks[j]!.lower) && toks[j]!.lower !== 'and') return null;
  const comma = toks[t - 1];
  if (comma?.text !== ',' || !toks[t - 2] || !isWord(toks[t - 2]!) || !isCapitalised(toks[t - 2]!.text)) return null;
  const name = phraseBefore(text, comma.start, floor);
  if (!name || PRONOUN_SPEAKERS.has(text.slice(name.start, name.end).toLowerCase())) return null;
  return { start: name.start, end: toks[k]!.end };
}

/** "a top Trump surrogate", "82", "who served…", "the assistant leader…": words that describe a name. */
function isAppositive(t: Token): boolean {
  return !isCapitalised(t.text) || /^(?:The|A|An)$/.test(t.text);
}

function lastIndexBefore(toks: Token[], from: number, f: (t: Token) => boolean): number {
  for (let k = from; k >= 0; k--) if (f(toks[k]!)) return k;
  return -1;
}

/** Words that open a clause before its subject ("In an August speech, Trump …", "But she …"). */
const CLAUSE_OPENERS = new Set(`in on at after before during as when while since with without for from by under amid despite
  following asked speaking lamenting pressed but and so yet then later earlier still meanwhile also however once`.split(/\s+/));

/**
 * The subject of the clause starting at `from` (the speaker of "Smith attacked the plan, saying, “…"):
 * past a leading phrase set off by a comma, the first pronoun, name or determiner phrase.
 */
export function subjectAt(text: string, from: number, to: number): Span | null {
  const toks = tokens(text, from, Math.min(to, from + 300));
  let k = 0;
  if (toks[0] && (CLAUSE_OPENERS.has(toks[0].lower) || /ing$/.test(toks[0].lower))) {
    const comma = toks.findIndex((t) => t.text === ',');
    k = comma !== -1 && comma < 10 ? comma + 1 : 1;
  }
  const first = toks[k];
  if (!first || !isWord(first)) return null;
  if (PRONOUN_SPEAKERS.has(first.lower)) return { start: first.start, end: first.end };
  let e = k;
  if (DETERMINERS.has(first.lower)) {
    while (e + 1 < toks.length && e - k < 4 && isWord(toks[e + 1]!) && !STOP_WORDS.has(toks[e + 1]!.lower) && !isQuoteVerb(toks[e + 1]!.lower)) e++;
    return e > k ? { start: first.start, end: toks[e]!.end } : null;
  }
  if (!isCapitalised(first.text)) return null;
  while (e + 1 < toks.length && e - k < 6 && isWord(toks[e + 1]!) && (isCapitalised(toks[e + 1]!.text) || NAME_PARTICLES.has(toks[e + 1]!.lower))) e++;
  // "Acme CEO, Jan Vos, defended the choice": the name set off after the title is the subject.
  const named = namedAfterTitle(toks.slice(k), e - k);
  return named ?? { start: first.start, end: toks[e]!.end };
}
