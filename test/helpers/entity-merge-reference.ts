// The entity merge as it was before its memos (settleTypes and resolveEntities of main at b2cc59a, verbatim
// but for names): the plain computation test/entity-merge.test.ts compares the rule with on random mentions.
// Not to be changed with the rule's speed-ups: it is the reference the rule must still agree with. Changed once with
// the rule's meaning (stop 23): a closing legal form is left out of a firm's key ("Acme Corp" is "Acme"), written
// here plainly, as LEGAL_FORM below marks; and again (stop 24): surnames meet by skeleton only when spelled close
// letter by letter, a lone surname prefers the person its title, its document or its gender points to, as
// SPELLING below marks; and again (names6): of two people a document named before a lone surname, the one named
// last, as RECENCY below marks.
import type { EntityType } from '../../src/extract/analysis.ts';
import type { Entity, PlacedCandidate } from '../../src/extract/rules/aliases.ts';
import { nameSkeleton } from '../../src/extract/rules/entities/skeleton.ts';
import { FIRST_NAMES } from '../../src/extract/rules/gazetteer.ts';
import { withoutLegalForm } from '../../src/extract/rules/entities/legal-form.ts';
import { isAcronym, isPlaceName, type TypeEvidence } from '../../src/extract/rules/entities/typing.ts';
import { FEMALE_NAMES, MALE_NAMES } from '../../src/extract/rules/gender.ts';

type Typed = { words: string[]; type: EntityType | null; evidence: TypeEvidence; initial: boolean; product: boolean; speaks: boolean; event: boolean; productContext?: boolean };

/** A surname's spelling-tolerant key; short skeletons collide too often ("China" ~ "Chen"), so those stay exact. */
function surnameKey(word: string): string {
  const skeleton = nameSkeleton(word);
  return skeleton.length >= 3 && !isPlaceName(word) ? skeleton : `=${word}`;
}

const STRONG = new Set<TypeEvidence>(['title', 'gazetteer', 'orghead', 'placehead', 'acronym', 'firstname']);

/**
 * "Pat Caddell … Caddell said": news names a person again by the surname alone, an organisation by its first
 * word ("Lockheed Martin … Lockheed"). So a two- or three-word name whose last word alone is the one who
 * speaks elsewhere in the run (not a known place or organisation) is a person's.
 */
const NOT_PERSON_WORDS = new Set(['of', 'for', 'the', 'and', '&', 'on', 'in']);
function secondReference(words: readonly string[], byKey: ReadonlyMap<string, number[]>, cands: readonly Typed[], leads: ReadonlySet<string>): boolean {
  // A person's name has no "of" or "for" inside ("Shares of Orchard" is no one's).
  if (words.length > 3 || words.some((w) => NOT_PERSON_WORDS.has(w))) return false;
  const last = words.at(-1)!;
  // Not when the last word leads names of its own ("Apple" of "Apple Macintosh") or the first word stands alone (a firm's short name).
  if (leads.has(last) || byKey.has(words[0]!)) return false;
  const alone = byKey.get(last);
  return !!alone && alone.some((k) => cands[k]!.speaks) && alone.every((k) => cands[k]!.type === null || cands[k]!.type === 'PERSON' || !STRONG.has(cands[k]!.evidence));
}

/** How many of the mentions list[...] stand where a product's name does. */
function productVotes(cands: readonly Typed[], list: readonly number[]): number {
  let n = 0;
  for (const k of list) if (cands[k]!.productContext) n++;
  return n;
}

/** The settled type of one mention: a new type and evidence, or null when the mention is dropped. */
type Settled = { type: EntityType | null; evidence: TypeEvidence } | null;

/**
 * Settle types over all mentions of the run: a product's or a storm's name is dropped; an untyped full name is a
 * person when any mention of it or of its surname carries a person's title, else an organisation; a
 * single word is a place by context only when most of its mentions read as one. Returns one decision
 * per mention, in order.
 */
export function settleTypesReference(cands: readonly Typed[]): Settled[] {
  const byKey = new Map<string, number[]>();
  const firms = new Set<string>(); // LEGAL_FORM
  const keys = cands.map((c, k) => {
    const bare = withoutLegalForm(c.words); // LEGAL_FORM: the key of two words or more left, not a given name's
    const firm = bare.length >= 2 && bare.length < c.words.length && !FIRST_NAMES.has(bare[0]!);
    if (firm) firms.add(bare.join(' '));
    const key = c.words.length === 1 ? c.words[0]! : (firm ? bare : c.words).join(' ');
    const list = byKey.get(key);
    if (list) list.push(k); else byKey.set(key, [k]);
    return key;
  });
  const personWords = new Set<string>(); // full names and surname keys seen with a person's title
  const products = new Set<string>();
  const events = new Set<string>();
  cands.forEach((c, k) => {
    // RECENCY: a titled name's surname is its word before an "of" phrase ("King Hussein of Jordan" is a Hussein).
    const of = c.words.indexOf('of');
    if (c.type === 'PERSON' && c.evidence === 'title') { personWords.add(keys[k]!); personWords.add(surnameKey(of > 0 ? c.words[of - 1]! : c.words.at(-1)!)); }
    if (c.product) products.add(keys[k]!);
    if (c.event) events.add(keys[k]!);
  });
  const out: Settled[] = cands.map((c) => ({ type: c.type, evidence: c.evidence }));
  const leads = new Set<string>(); // first words of names of two words or more
  for (const c of cands) if (c.words.length > 1) leads.add(c.words[0]!);
  for (const [key, list] of byKey) {
    if (firms.has(key)) { for (const k of list) out[k] = { type: 'ORG', evidence: 'orghead' }; continue; } // LEGAL_FORM
    const strongAt = list.find((k) => STRONG.has(cands[k]!.evidence) && cands[k]!.type !== null);
    const strong = strongAt === undefined ? undefined : cands[strongAt]!;
    if (products.has(key) && !strong) { for (const k of list) out[k] = null; continue; }
    // A brand read as a product in most of its mentions is one everywhere (a maker's name is the subject of
    // verbs and the owner of things, so "Acme jets" once among "Acme said" twice keeps Acme).
    if (!strong && productVotes(cands, list) * 2 > list.length) { for (const k of list) out[k] = null; continue; }
    // A storm's name is an event's wherever it stands ("Mitch weakened"); the types here are actors' only.
    if (events.has(key) && strong?.evidence !== 'title') { for (const k of list) out[k] = null; continue; }
    if (cands[list[0]!]!.words.length > 1) {
      for (const k of list) {
        const c = cands[k]!;
        if (c.type !== null && c.evidence !== 'context') continue;
        const person = personWords.has(key) || personWords.has(surnameKey(c.words.at(-1)!)) || secondReference(c.words, byKey, cands, leads);
        out[k] = person ? { type: 'PERSON', evidence: 'context' } : { type: strong?.type ?? c.type ?? 'ORG', evidence: c.evidence };
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
      if (strong && !STRONG.has(c.evidence)) out[k] = { type: strong.type, evidence: strong.evidence };
      else if (c.evidence === 'context' && c.type === 'PLACE' && !placeWins) out[k] = { type: null, evidence: 'none' };
    }
  }
  return out;
}

const NAME_PARTICLES = new Set(['al', 'el', 'bin', 'ibn', 'abu', 'van', 'von', 'de', 'da', 'di', 'du', 'le', 'la', 'der', 'del']);
const NOT_CONTENT = new Set(['of', 'for', 'the', 'and', '&']);

// A plural's lower-case "s" goes ("MPs" ~ "MP"); the capital S of "US" stays.
const acronymKey = (text: string) => text.replace(/\./g, '').replace(/(?<=\p{Lu})s$/u, '').toLowerCase();
const isContent = (w: string) => !NAME_PARTICLES.has(w) && !NOT_CONTENT.has(w);
/** The words without particles and "of"/"the"; `words` itself (not a copy) when all are content words. Read only. */
const contentWords = (words: string[]): string[] => (words.every(isContent) ? words : words.filter(isContent));
const initials = (words: string[]) => contentWords(withoutLegalForm(words)).map((w) => w[0]).join(''); // LEGAL_FORM

interface Cluster {
  type: EntityType | null;
  mentions: PlacedCandidate[];
  first: string | null; // first-name skeleton for persons
  last: string; // surname skeleton for persons, lower-cased name for others
}

/** Merge candidates from all documents into entities with stable ids (`e1`… by first mention). */
export function resolveEntitiesReference(given: PlacedCandidate[]): Entity[] {
  // Types first, over the whole run, so that one mention's evidence types the others.
  const settled = settleTypesReference(given.map((p) => p.cand));
  const placed: PlacedCandidate[] = [];
  const attributive = new Set<PlacedCandidate>(); // RECENCY: a lone word typed an organisation by "the" before it
  given.forEach((p, k) => {
    const s = settled[k];
    if (!s) return;
    const q = s.type === p.cand.type && s.evidence === p.cand.evidence ? p : { ...p, cand: { ...p.cand, type: s.type, evidence: s.evidence } };
    if (p.cand.words.length === 1 && p.cand.type === 'ORG' && p.cand.evidence === 'context') attributive.add(q);
    placed.push(q);
  });
  // Each mention's content words, by its index in `placed` (asked for in every step below).
  const cores = placed.map((p) => contentWords(p.cand.words));
  const persons = new Map<string, Cluster[]>(); // surname skeleton → clusters
  const named = new Map<string, Cluster>(); // lower-cased name (or acronym key) → cluster
  const clusters: Cluster[] = [];
  const newCluster = (c: Cluster) => { clusters.push(c); return c; };

  const personParts = (core: string[]) => {
    return { first: core.length > 1 ? nameSkeleton(core[0]!) : null, last: nameSkeleton(core.at(-1) ?? '') };
  };

  const stepOneCore = new Map<PlacedCandidate, string[]>(); // SPELLING: the given name and surname step 1 keyed each full name by
  // 1. Full person names define people; middle names and particles are ignored.
  placed.forEach((p, k) => {
    if (p.cand.type !== 'PERSON' || cores[k]!.length < 2) return;
    // SPELLING: "Democrat Hillary Clinton" is Hillary Clinton's when another mention is the two words alone.
    const own = cores[k]!;
    const tail = own.slice(-2).join(' ');
    const core = own.length >= 3 && !FIRST_NAMES.has(own[0]!) && placed.some((q, j) => q.cand.type === 'PERSON' && cores[j]!.length === 2 && cores[j]!.join(' ') === tail) ? own.slice(-2) : own;
    stepOneCore.set(p, core);
    const { first, last } = personParts(core);
    const list = persons.get(last) ?? [];
    let c = list.find((x) => x.first === first && close(spelledOf(x, stepOneCore).first!, core[0]!) && close(spelledOf(x, stepOneCore).last, core.at(-1)!)); // SPELLING
    if (!c) { c = newCluster({ type: 'PERSON', mentions: [], first, last }); list.push(c); persons.set(last, list); }
    c.mentions.push(p);
  });
  // 2. Organisations and places by name; acronyms the text defines join their long form. A single
  // word typed only by context that is also a known surname waits for step 3.
  const deferred = new Set<PlacedCandidate>();
  // Acronym key → the first name written with that acronym bracketed after it ("United States Air Force (USAF)").
  const definers = new Map<string, Cluster>();
  const oneWordFirms = new Set<string>(); // LEGAL_FORM
  placed.forEach((p, k) => {
    if (p.cand.type === 'PERSON' && cores[k]!.length >= 2) return;
    if (p.cand.type !== 'ORG' && p.cand.type !== 'PLACE') return;
    if (p.cand.words.length === 1 && (persons.has(nameSkeleton(p.cand.words[0]!)) || givenNameHolder(persons, p, cores[k]!)) && p.cand.evidence !== 'gazetteer' && p.cand.evidence !== 'acronym') {
      deferred.add(p);
      return;
    }
    const key = isAcronym(p.cand.text) ? acronymKey(p.cand.text) : withoutLegalForm(p.cand.words).join(' '); // LEGAL_FORM
    if (!isAcronym(p.cand.text) && p.cand.words.length > 1 && withoutLegalForm(p.cand.words).length === 1) oneWordFirms.add(key);
    let c = named.get(key);
    if (!c) { c = newCluster({ type: p.cand.type, mentions: [], first: null, last: key }); named.set(key, c); }
    c.mentions.push(p);
    if (p.cand.acronym && !named.has(acronymKey(p.cand.acronym))) named.set(acronymKey(p.cand.acronym), c);
    if (p.cand.acronym && !definers.has(acronymKey(p.cand.acronym))) definers.set(acronymKey(p.cand.acronym), c);
  });
  // Acronyms a text defines for a long name join it, even where another source used the acronym first;
  // acronyms that match the initials of a long name ("UN" ~ "United Nations") join it.
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
    const long = definers.get(key) ?? byInitials.get(key);
    if (long && long !== c) { long.mentions.push(...c.mentions); c.mentions = []; named.set(key, long); }
  }
  // SPELLING: a lone name after a sovereign's title joins the first person written with that title and given
  // name, else the first lone name with them, else starts a person; a lone name with no surname person joins the
  // first such royal person of that name.
  const royal = /^(?:Crown\s+)?(?:King|Queen|Prince|Princess|Pope|Emperor|Empress|Sultan|Emir|Tsar|Czar)$/i;
  const royalClusters: Array<{ key: string; name: string; c: Cluster }> = [];
  const royalDone = new Set<PlacedCandidate>();
  // RECENCY: a royal's full name ("King Hussein of Jordan") makes a royal of that given name too, for a lone name its document names after it.
  const fullRoyals: Array<{ name: string; c: Cluster }> = [];
  for (const q of placed) {
    if (!stepOneCore.has(q) || !q.cand.role || !royal.test(q.cand.role)) continue;
    fullRoyals.push({ name: stepOneCore.get(q)![0]!, c: clusters.find((c) => c.mentions.includes(q))! });
  }
  placed.forEach((p, k) => {
    const core = cores[k]!;
    if (core.length !== 1 || !p.cand.role || !royal.test(p.cand.role) || p.cand.type === 'ORG' || p.cand.type === 'PLACE') return;
    const key = `${p.cand.role.toLowerCase()} ${core[0]}`;
    const full = placed.find((q) => stepOneCore.has(q) && q.cand.role && royal.test(q.cand.role) && `${q.cand.role.toLowerCase()} ${stepOneCore.get(q)![0]}` === key);
    const titledFull = full ? clusters.find((c) => c.mentions.includes(full)) : undefined;
    let c = royalClusters.find((x) => x.key === key)?.c ?? titledFull;
    if (!c) { c = newCluster({ type: 'PERSON', mentions: [], first: null, last: key }); }
    if (!royalClusters.some((x) => x.key === key)) royalClusters.push({ key, name: core[0]!, c });
    c.mentions.push(p);
    royalDone.add(p);
  });
  // 3. Single names and titled surnames ("Vell", "Mr. Reyn") join the person with that surname.
  placed.forEach((p, k) => {
    const core = cores[k]!;
    if (!deferred.has(p) && (core.length >= 2 || (p.cand.type !== 'PERSON' && p.cand.type !== null))) return;
    if (royalDone.has(p)) return;
    const last = nameSkeleton(core[0] ?? '');
    const list = persons.get(last);
    // SPELLING: the royal of that name when this document named it (so) before and no such person before.
    const surnamed = list ? surnamePerson(list, core[0] ?? '', p, stepOneCore, attributive.has(p)) : null;
    const royalBefore = (c: Cluster | undefined) => !!c && c.mentions.some((m) => m.doc === p.doc && m.cand.start < p.cand.start && !!m.cand.role && royal.test(m.cand.role) && (royalDone.has(m) || stepOneCore.has(m)));
    const notRoyal = p.cand.type === 'ORG' || p.cand.type === 'PLACE';
    const byTitle = notRoyal ? undefined : royalClusters.find((x) => x.name === core[0])?.c;
    const byFull = notRoyal ? undefined : fullRoyals.find((x) => x.name === core[0])?.c; // RECENCY
    const r = royalBefore(byTitle) ? byTitle : royalBefore(byFull) ? byFull : byTitle;
    // RECENCY: both named before in this document: the one just named (see justNamed), else the person.
    const person = r && royalBefore(r) && surnamed && namedBefore(surnamed, p) ? (attributive.has(p) ? null : justNamed([surnamed, r], p, stepOneCore)) ?? surnamed
      : r && royalBefore(r) ? r : surnamed ?? r ?? null;
    if (person) {
      person.mentions.push(p);
      return;
    }
    const holder = givenNameHolder(persons, p, core); // GIVEN_NAME
    if (holder) { holder.mentions.push(p); return; }
    const key = withoutLegalForm(p.cand.words).join(' '); // LEGAL_FORM
    const org = named.get(key);
    if (org && !(p.cand.type === 'PERSON' && oneWordFirms.has(key))) { org.mentions.push(p); return; } // LEGAL_FORM
    if (p.cand.type === 'PERSON') {
      const c = newCluster({ type: 'PERSON', mentions: [p], first: null, last });
      if (list) list.push(c); // SPELLING
      else persons.set(last, [c]);
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

// SPELLING: the person a lone surname is, computed from the cluster's mentions each time.
const fullNames = (c: Cluster) => c.mentions.filter((m) => m.cand.type === 'PERSON' && contentWords(m.cand.words).length >= 2);
function spelledOf(c: Cluster, stepOneCore: ReadonlyMap<PlacedCandidate, string[]>): { first: string | null; last: string } {
  const core = stepOneCore.get(c.mentions[0]!) ?? contentWords(c.mentions[0]!.cand.words);
  return core.length >= 2 ? { first: core[0]!, last: core.at(-1)! } : { first: null, last: core[0] ?? '' };
}
function genderOfTitle(title: string | null): 'm' | 'f' | null {
  if (/^(?:Mr|Sir|King|Prince|Lord)\b/.test(title ?? '')) return 'm';
  return /^(?:Mrs|Ms|Miss|Madam|Dame|Queen|Princess|Lady)\b/.test(title ?? '') ? 'f' : null;
}
function surnamePerson(list: Cluster[], word: string, p: PlacedCandidate, stepOneCore: ReadonlyMap<PlacedCandidate, string[]>, attributive: boolean): Cluster | null {
  const gender = genderOfTitle(p.cand.role) ?? p.cand.gender; // RECENCY: "Mrs." before the name
  const first = (c: Cluster) => spelledOf(c, stepOneCore).first;
  const genderOf = (name: string | null) => (name && MALE_NAMES.has(name) ? 'm' : name && FEMALE_NAMES.has(name) ? 'f' : null);
  const pool = list.filter((c) => close(spelledOf(c, stepOneCore).last, word) && !(gender && genderOf(first(c)) && genderOf(first(c)) !== gender));
  if (!pool.length) return null;
  const here = pool.filter((c) => namedBefore(c, p));
  const among = here.length ? here : pool;
  const title = p.cand.role?.toLowerCase();
  const titled = title ? among.filter((c) => fullNames(c).some((m) => m.cand.role?.toLowerCase() === title)) : [];
  const fits = titled.length ? titled : among;
  return (here.length > 1 && fits.length > 1 && !attributive ? justNamed(fits, p, stepOneCore) : null) ?? mostMentioned(fits); // RECENCY
}
/**
 * RECENCY: of `people`, the one with the latest mention before `p` in its document (a full name of two words, a
 * royal's, or a lone name that joined them before `p`; the first of equals), when that mention is in p's sentence
 * or the three before and p's source is not degraded; else null.
 */
function justNamed(people: readonly Cluster[], p: PlacedCandidate, stepOneCore: ReadonlyMap<PlacedCandidate, string[]>): Cluster | null {
  if (p.degraded || (p.cand.type !== 'PERSON' && p.cand.type !== null)) return null;
  const namings = (c: Cluster) => c.mentions.filter((m) => m.doc === p.doc && m.cand.start < p.cand.start && (stepOneCore.get(m)?.length ?? 2) === 2);
  const last = (c: Cluster) => {
    const before = namings(c);
    return before.length ? before.reduce((a, b) => (b.cand.start > a.cand.start ? b : a)) : null;
  };
  let best: Cluster | null = null;
  let bestAt: PlacedCandidate | null = null;
  for (const c of people) {
    const at = last(c);
    if (at && (!bestAt || at.cand.start > bestAt.cand.start)) { best = c; bestAt = at; }
  }
  const recent = (c: Cluster) => namings(c).filter((m) => m.cand.sentence >= p.cand.sentence - 10).length;
  const most = Math.max(0, ...people.map(recent));
  if (!best || !bestAt || bestAt.cand.sentence < p.cand.sentence - 3 || recent(best) < most) return null;
  const first = spelledOf(best, stepOneCore).first;
  const wellNamed = first === null || FIRST_NAMES.has(first) || fullNames(best).some((m) => m.cand.role !== null) || best.mentions.length >= 2;
  return wellNamed ? best : null;
}
const namedBefore = (c: Cluster, p: PlacedCandidate) => fullNames(c).some((m) => m.doc === p.doc && m.cand.start < p.cand.start);
/** Plain edit distance, whole table; a vowel for a vowel costs nothing. */
function distance(a: string, b: string): number {
  const cost = (x: string, y: string) => (x === y || ('aeiouy'.includes(x) && 'aeiouy'.includes(y)) ? 0 : 1);
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) for (let j = 1; j <= b.length; j++) d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost(a[i - 1]!, b[j - 1]!));
  return d[a.length]![b.length]!;
}
function close(a: string, b: string): boolean {
  const plain = (w: string) => w.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/^(al|el|ad|as|ash|an|ar|at|az|bin|ibn|abu|van|von|de|da|di|du|le|la|der)[-’' ]/u, '').replace(/[^\p{L}]/gu, '').replace(/(\p{L})\1+/gu, '$1');
  const x = plain(a), y = plain(b);
  if (x === y) return true;
  const n = Math.min(x.length, y.length);
  return n > 4 && distance(x, y) <= (n <= 10 ? 1 : 2);
}

/**
 * GIVEN_NAME: the one full-name person (a cluster of step 1, one of its full names titled or with a role) named
 * by two words, the first the lone word as written, earlier in the lone word's source, by scanning every
 * mention; null when none is or two are.
 */
function givenNameHolder(persons: ReadonlyMap<string, Cluster[]>, p: PlacedCandidate, core: readonly string[]): Cluster | null {
  if (core.length !== 1) return null;
  const fullNames = (c: Cluster) => c.mentions.filter((m) => contentWords(m.cand.words).length >= 2);
  const holders = [...persons.values()].flat().filter((c) => c.first !== null
    && fullNames(c).some((m) => m.cand.evidence === 'title' || m.cand.role !== null)
    && fullNames(c).some((m) => contentWords(m.cand.words).length === 2 && contentWords(m.cand.words)[0] === core[0] && m.doc === p.doc && m.cand.start < p.cand.start));
  return holders.length === 1 ? holders[0]! : null;
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
  const counts = new Map<string, number>();
  const good = mentions.filter((m) => !m.degraded);
  for (const m of good.length ? good : mentions) {
    const words = contentWords(m.cand.words);
    const full = type === 'PERSON' ? words.length >= 2 : !isAcronym(m.cand.text);
    const weight = (full ? 100 : 1);
    counts.set(m.cand.text, (counts.get(m.cand.text) ?? 0) + weight);
  }
  const best = first([...counts.entries()])!;
  // Only a degraded source named it, in lower case: show it with capitals ("qatar" → "Qatar").
  return best === best.toLowerCase() ? best.replace(/(^|\s)(\p{L})/gu, (_, sp: string, c: string) => sp + c.toUpperCase()) : best;
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
