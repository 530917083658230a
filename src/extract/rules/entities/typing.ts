// Entity types: a first guess from one mention's shape and words, then a settlement over every
// document of the run, where one mention's evidence ("Mr. Roe", "the Acme Group") types the others.

import type { EntityType } from '../../analysis.ts';
import { withoutLegalForm } from './legal-form.ts';
import { FIRST_NAMES, MORE_PLACES, PLACE_HEADS, PLACE_LEADS } from '../gazetteer.ts';
import { DEMONYMS, ORG_HEADS, ORG_LEADS, PLACES } from '../lexicon.ts';
import type { Token } from '../tokens.ts';
import { nameSkeleton } from './skeleton.ts';

/** How sure the type guess is: settled evidence beats shape. */
export type TypeEvidence = 'title' | 'gazetteer' | 'orghead' | 'placehead' | 'acronym' | 'firstname' | 'shape' | 'context' | 'none';

/** What the settlement needs of a mention. */
export interface Typed {
  words: string[];
  type: EntityType | null;
  evidence: TypeEvidence;
  /** Opens its sentence, where a capital says little. */
  initial: boolean;
  /** Stands right after a model number ("the 787 Dreamliner"): the name is a product's. */
  product: boolean;
  /** Followed by a verb of saying ("X said"). */
  speaks: boolean;
  /** A storm's name ("Mitch" of "Hurricane Mitch"): an event, so no mention of that name is an actor. */
  event: boolean;
  /** The words around it read as a product's ("the new X", "Acme's X", "X laptops"); a vote, not a verdict. */
  productContext?: boolean;
}

export const MULTIWORD_PLACES = new Set([
  'united states', 'united kingdom', 'united arab emirates', 'saudi arabia', 'new zealand', 'south korea',
  'north korea', 'south africa', 'north africa', 'east africa', 'west africa', 'middle east', 'sri lanka',
  'costa rica', 'el salvador', 'south sudan', 'czech republic', 'dominican republic', 'ivory coast',
  'new york', 'los angeles', 'san francisco', 'hong kong', 'tel aviv', 'abu dhabi', 'addis ababa',
  'buenos aires', 'latin america', 'north america', 'south america', 'new delhi', 'west bank',
  'gaza strip', 'persian gulf', 'gulf of mexico', 'silicon valley', 'wall street', 'united states of america',
  'european union', 'new jersey', 'new mexico', 'new hampshire', 'north carolina', 'south carolina',
  'north dakota', 'south dakota', 'west virginia', 'rhode island', 'las vegas', 'san diego', 'san jose',
  'long beach', 'rio de janeiro', 'sao paulo', 'mexico city', 'kuala lumpur', 'cape town', 'new orleans',
  'salt lake city', 'st louis', 'st. louis', 'east timor', 'puerto rico', 'southeast asia', 'central asia',
  'east asia', 'western europe', 'eastern europe', 'central america', 'horn of africa', 'asia pacific',
]);
/** Acronyms of countries and unions of countries (the EU is a place in the usual annotation). */
export const ACRONYM_PLACES = new Set(['us', 'u.s.', 'usa', 'u.s.a.', 'uk', 'u.k.', 'uae', 'u.a.e.', 'drc', 'prc', 'eu', 'e.u.']);
/** The natural features among the place heads: capitalised after "the" alone, one is a place ("the Gulf"), unlike "the Palace". */
const GEOGRAPHIC_HEADS: ReadonlySet<string> = new Set(`river lake sea ocean island islands mountains valley bay peninsula coast
  desert canal strait gulf hills heights`.split(/\s+/).filter((w) => PLACE_HEADS.has(w)));
const PLACE_PREPOSITIONS = new Set(['in', 'near', 'outside', 'inside', 'throughout', 'across', 'around']);

/** Every place name the lists know, in one set: this is asked for most name words. */
const ALL_PLACES: ReadonlySet<string> = new Set([...MULTIWORD_PLACES, ...PLACES, ...MORE_PLACES]);
export const isPlaceName = (key: string) => ALL_PLACES.has(key);

/**
 * Place names as a nationality adjective builds on them: whole, and without their last one or two letters
 * ("Honduras" → "hondur" for "Honduran", "Korea" → "kore" for "Korean"). Stems under three letters say nothing.
 */
const PLACE_STEMS: ReadonlySet<string> = (() => {
  const stems = new Set<string>();
  // A place opened by a particle lends its last word too ("El Salvador" → "Salvadoran"); not "Czech Republic" → "Republican".
  const lends = (p: string) => PLACE_LEADS.has(p.slice(0, p.indexOf(' ')));
  const words = [...ALL_PLACES].flatMap((p) => (p.includes(' ') && lends(p) ? [p, p.slice(p.lastIndexOf(' ') + 1)] : [p]));
  for (const p of words) {
    if (p.length < 4) continue;
    stems.add(p);
    if (p.length - 1 >= 4) stems.add(p.slice(0, -1));
    if (p.length - 2 >= 4) stems.add(p.slice(0, -2));
  }
  for (const d of DEMONYMS) stems.delete(d); // "American" is a demonym, not a stem of one
  return stems;
})();
/** Endings that make a nationality of a place ("Nicaragua-n", "Hondur-an", "Parisi-an", "Iraq-i", "Congol-ese"). */
const NATIONALITY_ENDINGS = ['n', 'an', 'ian', 'nian', 'ean', 'ese', 'i', 'ish', 'er'];
const nationalityCache = new Map<string, boolean>();

/**
 * Whether a lower-cased word or phrase is a nationality adjective ("honduran", "costa rican"): one of the
 * lexicon's, or a known place plus a nationality ending. Not a place itself ("Jordan", "Milan").
 */
export function isNationality(key: string): boolean {
  if (DEMONYMS.has(key)) return true;
  let hit = nationalityCache.get(key);
  if (hit === undefined) {
    hit = !ALL_PLACES.has(key) && NATIONALITY_ENDINGS.some((e) => key.length > e.length + 3 && key.endsWith(e) && PLACE_STEMS.has(key.slice(0, -e.length)));
    if (nationalityCache.size > 20000) nationalityCache.clear();
    nationalityCache.set(key, hit);
  }
  return hit;
}

export function isAcronym(word: string): boolean {
  // Most words fail on their second letter, before any Unicode regex runs.
  const second = word[1];
  if (second === undefined || (second !== '.' && second === second.toLowerCase() && second !== second.toUpperCase())) return false;
  return /^(?:\p{Lu}\.){2,}(?:\p{Lu})?$/u.test(word) || /^\p{Lu}{2,6}s?$/u.test(word);
}

/** The type one mention shows by itself; null when only the other mentions can tell. */
export function guessType(name: readonly Token[], words: readonly string[], personal: boolean, before: Token | undefined, speaks: boolean): { type: EntityType | null; evidence: TypeEvidence } {
  const key = words.join(' ');
  const first = words[0]!;
  const last = words.at(-1)!;
  const multi = name.length > 1;
  if (isPlaceName(key)) return { type: 'PLACE', evidence: 'gazetteer' };
  if (multi && (ORG_HEADS.has(last) || ORG_LEADS.has(first))) return { type: 'ORG', evidence: 'orghead' };
  if (!multi && isAcronym(name[0]!.text)) {
    return ACRONYM_PLACES.has(key) ? { type: 'PLACE', evidence: 'gazetteer' } : { type: 'ORG', evidence: 'acronym' };
  }
  if (personal) return { type: 'PERSON', evidence: 'title' };
  // A given name and a surname that is also a place word ("Karen Park", "Jim Hall") is a person.
  if (name.length === 2 && FIRST_NAMES.has(first) && !PLACE_LEADS.has(first)) return { type: 'PERSON', evidence: 'firstname' };
  if (multi && (PLACE_HEADS.has(last) || PLACE_LEADS.has(first))) return { type: 'PLACE', evidence: 'placehead' };
  if (!multi && ORG_HEADS.has(last)) return { type: 'ORG', evidence: 'orghead' };
  if (multi && words.every((w) => isPlaceName(w))) return { type: 'PLACE', evidence: 'gazetteer' };
  if (multi) {
    if (FIRST_NAMES.has(first) && name.length <= 4) return { type: 'PERSON', evidence: 'firstname' };
    if (before?.lower === 'the' || name.length > 4) return { type: 'ORG', evidence: 'context' };
    return { type: null, evidence: 'shape' };
  }
  // "the Gulf", "the Valley": a geographic common noun written as a name stands for that one place.
  if (before?.lower === 'the') return GEOGRAPHIC_HEADS.has(first) ? { type: 'PLACE', evidence: 'placehead' } : { type: 'ORG', evidence: 'context' };
  if (speaks) return { type: null, evidence: 'context' };
  if (before && PLACE_PREPOSITIONS.has(before.lower)) return { type: 'PLACE', evidence: 'context' };
  return { type: null, evidence: 'none' };
}

/**
 * The key a name of two words or more is settled under: its words without a closing legal form when two or more
 * remain ("acme widgets ltd." → "acme widgets", added to `firms`), so the firm's name with and without it is typed
 * as one. A single word left ("Ford Co." → "ford") keeps the legal form, as does a name that opens with a given
 * name: a lone word may be someone's surname, and a firm may be named after a person.
 */
function settledKey(words: string[], firms: Set<string>): string {
  const bare = withoutLegalForm(words);
  // "John Lewis Ltd." is named after a person, who may be in the news too: only the firm has the legal form.
  if (bare.length === words.length || bare.length < 2 || FIRST_NAMES.has(bare[0]!)) return words.join(' ');
  const key = bare.join(' ');
  firms.add(key);
  return key;
}

/**
 * The word a titled person's name ends in before an "of" phrase: "King Hussein of Jordan" is Hussein, as
 * "Hussein" alone or "Saddam Hussein" may be; Jordan is his kingdom. The last word when there is no "of".
 */
function nameBeforeOf(words: readonly string[]): string {
  const of = words.indexOf('of');
  return of > 0 ? words[of - 1]! : words.at(-1)!;
}

/** A surname's spelling-tolerant key; short skeletons collide too often ("China" ~ "Chen"), so those stay exact. */
function surnameKey(word: string): string {
  const skeleton = nameSkeleton(word);
  return skeleton.length >= 3 && !isPlaceName(word) ? skeleton : `=${word}`;
}

const STRONG = new Set<TypeEvidence>(['title', 'gazetteer', 'orghead', 'placehead', 'acronym', 'firstname']);

/**
 * "San Pedro Sula and Tegucigalpa", "Acme, Bolt and Zeta Corp": names in one list ("X, Y and Z", "X or Y")
 * share a type, so an untyped name takes the type its strongly typed neighbours agree on. `between(k)` is
 * the text between mention k and k + 1 (null when they are in different sentences). Changes `cands` in place.
 */
export function shareListTypes(cands: Array<{ type: EntityType | null; evidence: TypeEvidence }>, between: (k: number) => string | null): void {
  let from = 0;
  for (let k = 0; k < cands.length; k++) {
    const gap = k + 1 < cands.length ? between(k) : null;
    const link = gap === null ? null : LIST_LINK.exec(gap);
    if (link) continue; // the list goes on
    // cands[from..k] is one list (or a lone name); only a list closed by "and"/"or" counts: "X, Y" may be an appositive.
    if (k > from && /\b(and|or)\b/.test(between(k - 1) ?? '')) {
      let type: EntityType | null = null;
      let agree = true;
      for (let j = from; j <= k; j++) {
        const c = cands[j]!;
        // A given name is too weak a sign to lend ("Douglas Aircraft and McDonnell Douglas").
        if (c.type === null || !STRONG.has(c.evidence) || c.evidence === 'firstname') continue;
        if (type !== null && type !== c.type) agree = false;
        type = c.type;
      }
      if (type !== null && agree) for (let j = from; j <= k; j++) if (cands[j]!.type === null) cands[j] = Object.assign(cands[j]!, { type, evidence: 'context' as const });
    }
    from = k + 1;
  }
}
const LIST_LINK = /^(?:\s*,\s*|\s+(?:and|or)\s+|\s*,\s+(?:and|or)\s+)$/;

/**
 * "Pat Caddell … Caddell said": news names a person again by the surname alone, an organisation by its first
 * word ("Lockheed Martin … Lockheed"). So a two- or three-word name whose last word alone is the one who
 * speaks elsewhere in the run (not a known place or organisation) is a person's.
 */
const NOT_PERSON_WORDS = new Set(['of', 'for', 'the', 'and', '&', 'on', 'in']);
function secondReference(words: readonly string[], byKey: ReadonlyMap<string, number[]>, cands: readonly Typed[], leads: ReadonlySet<string>, alone: Map<string, boolean>): boolean {
  // A person's name has no "of" or "for" inside ("Shares of Orchard" is no one's).
  if (words.length > 3 || words.some((w) => NOT_PERSON_WORDS.has(w))) return false;
  const last = words.at(-1)!;
  // Not when the last word leads names of its own ("Apple" of "Apple Macintosh") or the first word stands alone (a firm's short name).
  if (leads.has(last) || byKey.has(words[0]!)) return false;
  // Asked for every name that ends with the word: the answer, over all its lone mentions, is kept.
  let hit = alone.get(last);
  if (hit === undefined) alone.set(last, (hit = speaksAlone(last, byKey, cands)));
  return hit;
}

/** Whether the mentions of `word` alone include one who speaks and none strongly typed other than a person. */
function speaksAlone(word: string, byKey: ReadonlyMap<string, number[]>, cands: readonly Typed[]): boolean {
  const alone = byKey.get(word);
  return !!alone && alone.some((k) => cands[k]!.speaks) && alone.every((k) => cands[k]!.type === null || cands[k]!.type === 'PERSON' || !STRONG.has(cands[k]!.evidence));
}

/** How many of the mentions list[...] stand where a product's name does. */
function productVotes(cands: readonly Typed[], list: readonly number[]): number {
  let n = 0;
  for (const k of list) if (cands[k]!.productContext) n++;
  return n;
}

/** The settled type of one mention: a new type and evidence, or null when the mention is dropped. */
export type Settled = { readonly type: EntityType | null; readonly evidence: TypeEvidence } | null;

/**
 * One shared, frozen decision per (type, evidence) pair: hundreds of thousands of mentions at 10,000 sources
 * each made an object of their own before, and a decision is only ever read.
 */
const DECISIONS = new Map<EntityType | null, Map<TypeEvidence, NonNullable<Settled>>>();
function decision(type: EntityType | null, evidence: TypeEvidence): NonNullable<Settled> {
  let byEvidence = DECISIONS.get(type);
  if (!byEvidence) DECISIONS.set(type, (byEvidence = new Map()));
  let d = byEvidence.get(evidence);
  if (!d) byEvidence.set(evidence, (d = Object.freeze({ type, evidence })));
  return d;
}

/** Whether two mentions have the same words (those of one key in settleTypes do: words hold no spaces). */
function sameWords(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return false;
  return true;
}

/**
 * Settle types over all mentions of the run: a product's or a storm's name is dropped; an untyped full name is a
 * person when any mention of it or of its surname carries a person's title, else an organisation; a
 * single word is a place by context only when most of its mentions read as one. Returns one decision
 * per mention, in order.
 */
export function settleTypes(cands: readonly Typed[]): Settled[] {
  const byKey = new Map<string, number[]>();
  const firms = new Set<string>(); // keys some mention writes with a legal form ("Acme Widgets Ltd.")
  const keys = cands.map((c, k) => {
    const key = c.words.length === 1 ? c.words[0]! : settledKey(c.words, firms);
    const list = byKey.get(key);
    if (list) list.push(k); else byKey.set(key, [k]);
    return key;
  });
  const personWords = new Set<string>(); // full names and surname keys seen with a person's title
  const products = new Set<string>();
  const events = new Set<string>();
  cands.forEach((c, k) => {
    if (c.type === 'PERSON' && c.evidence === 'title') { personWords.add(keys[k]!); personWords.add(surnameKey(nameBeforeOf(c.words))); }
    if (c.product) products.add(keys[k]!);
    if (c.event) events.add(keys[k]!);
  });
  const out: Settled[] = cands.map((c) => decision(c.type, c.evidence));
  const speaksAloneOf = new Map<string, boolean>(); // secondReference's verdict on a lone word
  const leads = new Set<string>(); // first words of names of two words or more
  for (const c of cands) if (c.words.length > 1) leads.add(c.words[0]!);
  for (const [key, list] of byKey) {
    // A legal form says a firm, whatever else is written with its name ("Acme Widgets, who retains…").
    if (firms.has(key)) { for (const k of list) out[k] = decision('ORG', 'orghead'); continue; }
    const strongAt = list.find((k) => STRONG.has(cands[k]!.evidence) && cands[k]!.type !== null);
    const strong = strongAt === undefined ? undefined : cands[strongAt]!;
    if (products.has(key) && !strong) { for (const k of list) out[k] = null; continue; }
    // A brand read as a product in most of its mentions is one everywhere (a maker's name is the subject of
    // verbs and the owner of things, so "Acme jets" once among "Acme said" twice keeps Acme).
    if (!strong && productVotes(cands, list) * 2 > list.length) { for (const k of list) out[k] = null; continue; }
    // A storm's name is an event's wherever it stands ("Mitch weakened"); the types here are actors' only.
    if (events.has(key) && strong?.evidence !== 'title') { for (const k of list) out[k] = null; continue; }
    if (cands[list[0]!]!.words.length > 1) {
      // Whether the name is a person's depends on its words only: decided once for the key's mentions with
      // those words (all of them: a key is the words joined by spaces, and no word holds a space).
      let asked: readonly string[] | null = null;
      let person = false;
      for (const k of list) {
        const c = cands[k]!;
        if (c.type !== null && c.evidence !== 'context') continue;
        if (asked === null || !sameWords(asked, c.words)) {
          asked = c.words;
          person = personWords.has(key) || personWords.has(surnameKey(c.words.at(-1)!)) || secondReference(c.words, byKey, cands, leads, speaksAloneOf);
        }
        out[k] = person ? decision('PERSON', 'context') : decision(strong?.type ?? c.type ?? 'ORG', c.evidence);
      }
      continue;
    }
    // One word: where all is weak, a context-typed place needs most mentions (not the sentence openers) to agree.
    let counted = 0, placeVotes = 0;
    for (const k of list) {
      const c = cands[k]!;
      if (c.initial) continue;
      counted++;
      if (c.type === 'PLACE' && c.evidence === 'context') placeVotes++;
    }
    const placeWins = placeVotes * 2 > counted;
    for (const k of list) {
      const c = cands[k]!;
      if (strong && !STRONG.has(c.evidence)) out[k] = decision(strong.type, strong.evidence);
      else if (c.evidence === 'context' && c.type === 'PLACE' && !placeWins) out[k] = decision(null, 'none');
    }
  }
  return out;
}
