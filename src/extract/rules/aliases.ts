// Who is who across documents: merge mentions into entities by alias — full name, surname, title +
// surname, spelling variants (Tchaikovsky/Chaikovsky), acronyms defined in the text or matching initials.

import type { EntityType } from '../analysis.ts';
import type { Candidate } from './entities.ts';
import { nameSkeleton } from './entities/skeleton.ts';
import { isAcronym, settleTypes } from './entities/typing.ts';
import { withoutLegalForm } from './entities/legal-form.ts';

export { nameSkeleton };

/** One mention with the document it is in. */
export interface PlacedCandidate {
  doc: number;
  cand: Candidate;
  /** From a degraded source: its spelling and casing are weaker evidence. */
  degraded: boolean;
}

/** A person, organisation or place, with every mention of it. */
export interface Entity {
  id: string;
  type: EntityType;
  canonical: string;
  mentions: PlacedCandidate[];
  /** Roles written with its mentions, most frequent first. */
  roles: string[];
  /** Appositive descriptions ("a former army colonel"), most frequent first. */
  descriptions: string[];
}

const NAME_PARTICLES = ['al', 'el', 'bin', 'ibn', 'abu', 'van', 'von', 'de', 'da', 'di', 'du', 'le', 'la', 'der', 'del'];
/** Name particles and "of", "for", "the", "and", "&": the words a name's content leaves out, in one set. */
const NOT_CONTENT = new Set([...NAME_PARTICLES, 'of', 'for', 'the', 'and', '&']);

// A plural's lower-case "s" goes ("MPs" ~ "MP"); the capital S of "US" stays.
const acronymKey = (text: string) => text.replace(/\./g, '').replace(/(?<=\p{Lu})s$/u, '').toLowerCase();
const isContent = (w: string) => !NOT_CONTENT.has(w);
/** The words without particles and "of"/"the"; `words` itself (not a copy) when all are content words. Read only. */
const contentWords = (words: string[]): string[] => (words.every(isContent) ? words : words.filter(isContent));
const initials = (words: string[]) => contentWords(withoutLegalForm(words)).map((w) => w[0]).join('');

/** The key an organisation or place is filed under: its words without a closing legal form ("zeta corp." → "zeta"). */
const nameKey = (words: string[]) => withoutLegalForm(words).join(' ');
/** Whether `words` has at least two content words (`contentWords(words).length >= 2`, without the copy). */
function twoContentWords(words: readonly string[]): boolean {
  let n = 0;
  for (const w of words) if (isContent(w) && ++n === 2) return true;
  return false;
}

interface Cluster {
  type: EntityType | null;
  mentions: PlacedCandidate[];
  first: string | null; // first-name skeleton for persons
  last: string; // surname skeleton for persons, lower-cased name for others
}

/**
 * Merge candidates from all documents into entities with stable ids (`e1`… by first mention). Takes `given`:
 * the list is emptied once each mention is settled. A third of the mentions change type or evidence there
 * (~0.28 M of ~0.84 M at 10,000 generated articles) and are replaced by retyped copies; the originals (~85 MB
 * there) can then go while the merge's clusters and maps are made.
 */
export function resolveEntities(given: PlacedCandidate[]): Entity[] {
  // Types first, over the whole run, so that one mention's evidence types the others.
  const settled = settleTypes(given.map((p) => p.cand));
  const placed: PlacedCandidate[] = [];
  given.forEach((p, k) => {
    const s = settled[k];
    if (!s) return;
    placed.push(s.type === p.cand.type && s.evidence === p.cand.evidence ? p : { ...p, cand: { ...p.cand, type: s.type, evidence: s.evidence } });
  });
  given.length = 0;
  // Each mention's content words, by its index in `placed` (asked for in every step below).
  const cores = placed.map((p) => contentWords(p.cand.words));
  const persons = new Map<string, Cluster[]>(); // surname skeleton → clusters
  const named = new Map<string, Cluster>(); // lower-cased name (or acronym key) → cluster
  const clusters: Cluster[] = [];
  const newCluster = (c: Cluster) => { clusters.push(c); return c; };

  const personParts = (core: string[]) => {
    return { first: core.length > 1 ? nameSkeleton(core[0]!) : null, last: nameSkeleton(core.at(-1) ?? '') };
  };

  // 1. Full person names define people; middle names and particles are ignored.
  placed.forEach((p, k) => {
    if (p.cand.type !== 'PERSON' || cores[k]!.length < 2) return;
    const { first, last } = personParts(cores[k]!);
    const list = persons.get(last) ?? [];
    let c = list.find((x) => x.first === first);
    if (!c) { c = newCluster({ type: 'PERSON', mentions: [], first, last }); list.push(c); persons.set(last, list); }
    c.mentions.push(p);
  });
  // 2. Organisations and places by name, a closing legal form left out ("Bolt Industries Inc." is "Bolt
  // Industries"); acronyms the text defines join their long form. A single
  // word typed only by context that is also a known surname waits for step 3.
  const deferred = new Set<PlacedCandidate>();
  const oneWordFirms = new Set<string>(); // keys of names a legal form left one word ("Zeta Corp." → "zeta")
  placed.forEach((p, k) => {
    if (p.cand.type === 'PERSON' && cores[k]!.length >= 2) return;
    if (p.cand.type !== 'ORG' && p.cand.type !== 'PLACE') return;
    if (p.cand.words.length === 1 && persons.has(nameSkeleton(p.cand.words[0]!)) && p.cand.evidence !== 'gazetteer' && p.cand.evidence !== 'acronym') {
      deferred.add(p);
      return;
    }
    const acronym = isAcronym(p.cand.text);
    const key = acronym ? acronymKey(p.cand.text) : nameKey(p.cand.words);
    if (!acronym && p.cand.words.length > 1 && !key.includes(' ')) oneWordFirms.add(key);
    let c = named.get(key);
    if (!c) { c = newCluster({ type: p.cand.type, mentions: [], first: null, last: key }); named.set(key, c); }
    c.mentions.push(p);
    if (p.cand.acronym && !named.has(acronymKey(p.cand.acronym))) named.set(acronymKey(p.cand.acronym), c);
  });
  // Acronyms that match the initials of a long name ("UN" ~ "United Nations") join it.
  const byInitials = new Map<string, Cluster>();
  for (const o of clusters) {
    if (o.type === 'PERSON') continue;
    for (const m of o.mentions) {
      if (m.cand.words.length < 2) continue;
      const k = initials(m.cand.words);
      if (!byInitials.has(k)) byInitials.set(k, o);
    }
  }
  for (const [key, c] of [...named]) {
    if (c.mentions.length === 0 || !c.mentions.every((m) => isAcronym(m.cand.text))) continue;
    const long = byInitials.get(key);
    if (long && long !== c) { long.mentions.push(...c.mentions); c.mentions = []; named.set(key, long); }
  }
  // 3. Single names and titled surnames ("Vell", "Mr. Reyn") join the person with that surname.
  placed.forEach((p, k) => {
    const core = cores[k]!;
    if (!deferred.has(p) && (core.length >= 2 || (p.cand.type !== 'PERSON' && p.cand.type !== null))) return;
    const last = nameSkeleton(core[0] ?? '');
    const list = persons.get(last);
    if (list?.length) {
      mostMentioned(list).mentions.push(p);
      return;
    }
    const key = nameKey(p.cand.words);
    const org = named.get(key);
    // A person's lone name does not join a firm only its legal form made one word ("President Ford", "Ford Co.").
    if (org && !(p.cand.type === 'PERSON' && oneWordFirms.has(key))) { org.mentions.push(p); return; }
    if (p.cand.type === 'PERSON') {
      const c = newCluster({ type: 'PERSON', mentions: [p], first: null, last });
      persons.set(last, [c]);
      return;
    }
    // An unknown single name: keep it only if it recurs, as an organisation.
    const c = newCluster({ type: null, mentions: [p], first: null, last: key });
    named.set(key, c);
  });

  // finish() sorts each entity's mentions, so its first mention is where it first appears.
  const entities = clusters
    .filter((c) => c.mentions.length > 0)
    .map((c) => finish(c))
    .filter((e): e is Omit<Entity, 'id'> => e !== null)
    .map((e) => ({ e, at: position(e.mentions[0]!) }))
    .sort((a, b) => a.at - b.at)
    .map(({ e }) => e);
  return entities.map((e, k) => ({ ...e, id: `e${k + 1}` }));
}

/** The cluster with the most mentions, the first of equals (as a stable sort by count would pick). */
function mostMentioned(list: readonly Cluster[]): Cluster {
  let best = list[0]!;
  for (const c of list) if (c.mentions.length > best.mentions.length) best = c;
  return best;
}

const position = (m: PlacedCandidate) => m.doc * 1e9 + m.cand.start;

function finish(c: Cluster): Omit<Entity, 'id'> | null {
  let type = c.type;
  if (type === null) {
    // A lone capitalised word is a name mid-sentence; at a sentence start, only if it recurs.
    if (c.mentions.length < 2 && c.mentions.every((m) => m.cand.initial)) return null;
    // A name that mostly "says" things is a person, unless it recurs often: firms issue statements too.
    const speaking = c.mentions.filter((m) => m.cand.speaks).length;
    type = speaking * 2 > c.mentions.length && c.mentions.length <= 3 ? 'PERSON' : 'ORG';
  }
  c.mentions.sort((a, b) => a.doc - b.doc || a.cand.start - b.cand.start);
  return { type, canonical: canonicalName(c.mentions, type), mentions: c.mentions, roles: ranked(c.mentions.map((m) => m.cand.role)), descriptions: ranked(c.mentions.map((m) => m.cand.description)) };
}

/** The name to show: the most frequent full form from well-formed sources (longer wins a tie). */
function canonicalName(mentions: PlacedCandidate[], type: EntityType): string {
  const good = mentions.filter((m) => !m.degraded);
  const counted = good.length ? good : mentions;
  const best = onlyText(counted) ?? first([...weightedTexts(counted, type).entries()])!;
  // Only a degraded source named it, in lower case: show it with capitals ("qatar" → "Qatar").
  return best === best.toLowerCase() ? best.replace(/(^|\s)(\p{L})/gu, (_, sp: string, c: string) => sp + c.toUpperCase()) : best;
}

/** Each text's weight: 100 a full form (a person's two content words, another's long form), 1 a short one. */
function weightedTexts(mentions: readonly PlacedCandidate[], type: EntityType): Map<string, number> {
  const counts = new Map<string, number>();
  for (const m of mentions) {
    const full = type === 'PERSON' ? twoContentWords(m.cand.words) : !isAcronym(m.cand.text);
    counts.set(m.cand.text, (counts.get(m.cand.text) ?? 0) + (full ? 100 : 1));
  }
  return counts;
}

/** The text all `mentions` share, or null when they differ: the only text counted wins whatever its weight (most entities are written one way). */
function onlyText(mentions: readonly PlacedCandidate[]): string | null {
  const text = mentions[0]!.cand.text;
  for (const m of mentions) if (m.cand.text !== text) return null;
  return text;
}

/**
 * The tie-break between two spellings: the one not written in capitals all through ("Facebook" before
 * "FACEBOOK"), then plain string order (UTF-16 code units): the same on every machine, unlike a locale's
 * collation, and cheap.
 */
const byCodeUnits = (a: string, b: string) => Number(allCaps(a)) - Number(allCaps(b)) || (a < b ? -1 : a > b ? 1 : 0);
const allCaps = (s: string) => s !== s.toLowerCase() && s === s.toUpperCase();

/** Most frequent first, then longest, then by `byCodeUnits`. */
const byCount = (a: [string, number], b: [string, number]) => b[1] - a[1] || b[0].length - a[0].length || byCodeUnits(a[0], b[0]);

/** The first of `entries` in `byCount` order (what sorting would put first, without sorting). */
function first(entries: Array<[string, number]>): string | undefined {
  let best = entries[0];
  for (let k = 1; k < entries.length; k++) if (byCount(entries[k]!, best!) < 0) best = entries[k];
  return best?.[0];
}

/** Distinct non-empty strings, most frequent first (then longest, then alphabetical, for determinism). */
function ranked(values: Array<string | null>): string[] {
  const counts = new Map<string, number>();
  for (const v of values) if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
  if (counts.size <= 1) return [...counts.keys()];
  return [...counts].sort(byCount).map(([v]) => v);
}
