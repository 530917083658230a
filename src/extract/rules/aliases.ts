// Who is who across documents: merge mentions into entities by alias — full name, surname, title +
// surname, spelling variants (Tchaikovsky/Chaikovsky), acronyms defined in the text or matching initials.

import type { EntityType } from '../analysis.ts';
import type { Candidate } from './entities.ts';
import { bareName, nameSkeleton } from './entities/skeleton.ts';
import { isAcronym, settleTypes } from './entities/typing.ts';
import { withoutLegalForm } from './entities/legal-form.ts';
import { FIRST_NAMES } from './gazetteer.ts';
import { firstNameGender, titleGender, type Gender } from './gender.ts';

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
  last: string; // surname skeleton for persons (title and given name for a royal's own), lower-cased name for others
  /** A person's first and last name as first written (lower-cased), that a variant spelling must stay close to. */
  spelled?: { first: string | null; last: string };
  /** The gender the person's first name suggests (`firstNameGender(spelled.first)`), asked once, not per lone surname. */
  gender?: Gender | null;
  /** Where a person's full name is first written in the first document that writes it (document, offset)… */
  atDoc?: number;
  atStart?: number;
  /** …and in the others (document → offset), made when a second document names them. */
  moreAt?: Map<number, number>;
  /** The titles written with a person's full name, lower-cased ("president"), made at the first. */
  titles?: string[];
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
  // "the Trump campaign": a lone word after "the" (typed an organisation by that alone, before the types were
  // settled) qualifies a noun; it refers to no one just named. By index in `placed`.
  const attributive = new Uint8Array(given.length);
  given.forEach((p, k) => {
    const s = settled[k];
    if (!s) return;
    if (p.cand.words.length === 1 && p.cand.type === 'ORG' && p.cand.evidence === 'context') attributive[placed.length] = 1;
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

  // 1. Full person names define people; middle names and particles are ignored. Spellings meet by skeleton
  // (Cardozo/Cardoso) only when they are close letter by letter too: "Flynn" and "Fallon" share a skeleton.
  // A sovereign's or prince's name is a given name ("King Hussein of Jordan"): title and given name → person, and
  // where each such person is first named so in each document.
  const royals = new Map<string, Cluster>();
  const royalFirstAt = new Map<Cluster, Map<number, number>>();
  const fullRoyalByName = new Map<string, Cluster>(); // a given name → the first royal named in full with it ("King Hussein of Jordan")
  const royalAt = (c: Cluster) => { let at = royalFirstAt.get(c); if (!at) { at = new Map(); royalFirstAt.set(c, at); } return at; };
  const twoWordNames = new Set<string>();
  const bySpelling = new Map<string, Cluster>(); // a full name's given name and surname as written → its person
  placed.forEach((p, k) => { if (p.cand.type === 'PERSON' && cores[k]!.length === 2) twoWordNames.add(cores[k]!.join(' ')); });
  placed.forEach((p, k) => {
    if (p.cand.type !== 'PERSON' || cores[k]!.length < 2) return;
    const core = personCore(cores[k]!, twoWordNames);
    const { first, last } = personParts(core);
    const firstWord = core[0]!;
    const lastWord = core.at(-1)!;
    // Most full names are written the same way again: those find their person by the words alone.
    const spelling = `${firstWord} ${lastWord}`;
    let c = bySpelling.get(spelling);
    if (!c) {
      const list = persons.get(last) ?? [];
      c = list.find((x) => x.first === first && closeSpelling(x.spelled!.first!, firstWord) && closeSpelling(x.spelled!.last, lastWord));
      if (!c) {
        c = newCluster({ type: 'PERSON', mentions: [], first, last, spelled: { first: firstWord, last: lastWord }, gender: firstNameGender(firstWord) });
        list.push(c);
        persons.set(last, list);
      }
      bySpelling.set(spelling, c);
    }
    c.mentions.push(p);
    notePersonAt(c, p);
    if (p.cand.role) { const title = p.cand.role.toLowerCase(); if (!c.titles) c.titles = [title]; else if (!c.titles.includes(title)) c.titles.push(title); }
    if (p.cand.role && ROYAL_TITLE.test(p.cand.role)) {
      const key = `${p.cand.role.toLowerCase()} ${firstWord}`;
      if (!royals.has(key)) royals.set(key, c);
      if (!fullRoyalByName.has(firstWord)) fullRoyalByName.set(firstWord, c);
      noteFirst(royalAt(c), p);
    }
  });
  // The people each document writes a full name of (step 1 alone writes them), for step 4's lone surnames.
  const fullNamedIn = personsByDocument(clusters);
  // 2. Organisations and places by name, a closing legal form left out ("Bolt Industries Inc." is "Bolt
  // Industries"); acronyms the text defines join their long form. A single
  // word typed only by context that is also a known surname waits for step 3.
  const deferred = new Set<PlacedCandidate>();
  // Acronym key → the first name written with that acronym bracketed after it ("United States Air Force (USAF)").
  const definers = new Map<string, Cluster>();
  const oneWordFirms = new Set<string>(); // keys of names a legal form left one word ("Zeta Corp." → "zeta")
  const givenNames = givenNameIndex(persons, placed, cores);
  placed.forEach((p, k) => {
    if (p.cand.type === 'PERSON' && cores[k]!.length >= 2) return;
    if (p.cand.type !== 'ORG' && p.cand.type !== 'PLACE') return;
    if (p.cand.words.length === 1 && p.cand.evidence !== 'gazetteer' && p.cand.evidence !== 'acronym'
      && (persons.has(nameSkeleton(p.cand.words[0]!)) || givenNameHolder(givenNames, p, cores[k]!))) {
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
  // 3. "King Hussein" is not Saddam Hussein: a lone name after a sovereign's title is a given name, and joins only
  // the person written with that title and name ("King Hussein of Jordan"), or starts its own, which the name
  // alone joins where no person has it as a surname ("Prince Harry" … "Harry").
  const royalMentions = new Set<PlacedCandidate>();
  const royalByName = new Map<string, Cluster>();
  placed.forEach((p, k) => {
    const core = cores[k]!;
    if (core.length !== 1 || !p.cand.role || !ROYAL_TITLE.test(p.cand.role) || p.cand.type === 'ORG' || p.cand.type === 'PLACE') return;
    const key = `${p.cand.role.toLowerCase()} ${core[0]}`;
    let royal = royals.get(key);
    if (!royal) { royal = newCluster({ type: 'PERSON', mentions: [], first: null, last: key }); royals.set(key, royal); }
    royal.mentions.push(p);
    noteFirst(royalAt(royal), p);
    royalMentions.add(p);
    if (!royalByName.has(core[0]!)) royalByName.set(core[0]!, royal);
  });
  // The people of a skeleton bucket whose surname is spelled close to a word, asked once per word and bucket (a
  // bucket's pools are made again when a person of its own joins it).
  const closePools = new Map<string, Map<string, Cluster[]>>();
  const closeTo = (bucket: string, list: readonly Cluster[], word: string): Cluster[] => {
    let pools = closePools.get(bucket);
    if (!pools) { pools = new Map(); closePools.set(bucket, pools); }
    let pool = pools.get(word);
    if (!pool) { pool = list.filter((c) => closeSpelling(c.spelled!.last, word)); pools.set(word, pool); }
    return pool;
  };
  // 4. Single names and titled surnames ("Vell", "Mr. Reyn") join the person with that surname, or the royal of
  // that name this document named before when it named no such person before ("Hussein said" after "King Hussein
  // of Jordan", Saddam Hussein being another story's); else a person of their own, or an organisation.
  // Where each person was last named before the k-th mention in its document (see LastNamed). Asked only when two
  // people of that name were both named in full before it there (rare): the mentions are filed by document then.
  const resolvedTo: Array<Cluster | undefined> = new Array(placed.length); // the person each lone name joined below
  let byDoc: Map<number, number[]> | null = null;
  const namedIn = (k: number): Map<Cluster, LastNamed> => {
    byDoc ??= mentionsByDocument(placed);
    const p = placed[k]!;
    const at = new Map<Cluster, LastNamed>();
    for (const j of byDoc.get(p.doc)!) {
      const q = placed[j]!;
      if (q.cand.start >= p.cand.start) continue;
      const c = fullNameCluster(q, j) ?? resolvedTo[j];
      if (!c) continue;
      const counted = q.cand.sentence >= p.cand.sentence - RECENT_SENTENCES ? 1 : 0;
      const seen = at.get(c);
      if (!seen) at.set(c, { start: q.cand.start, sentence: q.cand.sentence, count: counted });
      else {
        seen.count += counted;
        if (seen.start < q.cand.start) { seen.start = q.cand.start; seen.sentence = q.cand.sentence; }
      }
    }
    return at;
  };
  // The person a mention names in full (a given name and a surname, or a sovereign's title and name), or null. A
  // longer name may be words the run took in ("Washington Post Trump"), so it names no one here.
  const fullNameCluster = (q: PlacedCandidate, j: number): Cluster | null => {
    const core = cores[j]!;
    if (royalMentions.has(q)) return royals.get(`${q.cand.role!.toLowerCase()} ${core[0]}`) ?? null;
    if (q.cand.type !== 'PERSON' || core.length < 2) return null;
    const full = personCore(core, twoWordNames);
    return full.length === 2 ? bySpelling.get(`${full[0]} ${full[1]}`) ?? null : null;
  };
  placed.forEach((p, k) => {
    const core = cores[k]!;
    if (!deferred.has(p) && (core.length >= 2 || (p.cand.type !== 'PERSON' && p.cand.type !== null))) return;
    if (royalMentions.has(p)) return;
    const last = nameSkeleton(core[0] ?? '');
    const list = persons.get(last);
    const surnamed = list ? personForSurname(closeTo(last, list, core[0] ?? ''), namedBefore(fullNamedIn, last, core[0] ?? '', p), p, () => (attributive[k] ? null : namedIn(k))) : null;
    // The royal of that name this document named before (by title and name alone, else in full), else the first
    // named by title and name alone anywhere.
    const byTitle = p.cand.type === 'ORG' || p.cand.type === 'PLACE' ? undefined : royalByName.get(core[0] ?? '');
    const byFullName = p.cand.type === 'ORG' || p.cand.type === 'PLACE' ? undefined : fullRoyalByName.get(core[0] ?? '');
    const titleBefore = royalNamedBefore(royalFirstAt, byTitle, p);
    const fullBefore = !titleBefore && royalNamedBefore(royalFirstAt, byFullName, p);
    const royalBefore = titleBefore || fullBefore;
    const royal = fullBefore ? byFullName : byTitle;
    // Both named before in this document ("Saddam Hussein … King Hussein of Jordan. Hussein said"): the one just named, else the person.
    const person = royalBefore && royal && surnamed && personAt(surnamed, p.doc) < p.cand.start ? justNamed([surnamed, royal], p, () => (attributive[k] ? null : namedIn(k))) ?? surnamed
      : royalBefore ? royal : surnamed ?? royal ?? null;
    if (person) {
      person.mentions.push(p);
      resolvedTo[k] = person;
      return;
    }
    // "Saddam Hussein … Saddam": a given name alone after the full name in the same source is that person.
    const holder = givenNameHolder(givenNames, p, core);
    if (holder) { holder.mentions.push(p); resolvedTo[k] = holder; return; }
    const key = nameKey(p.cand.words);
    const org = named.get(key);
    // A person's lone name does not join a firm only its legal form made one word ("President Ford", "Ford Co.").
    if (org && !(p.cand.type === 'PERSON' && oneWordFirms.has(key))) { org.mentions.push(p); return; }
    if (p.cand.type === 'PERSON') {
      const c = newCluster({ type: 'PERSON', mentions: [p], first: null, last, spelled: { first: null, last: core[0] ?? '' }, gender: null });
      if (list) { list.push(c); closePools.delete(last); }
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

/** Titles whose bearer is named by a given name: "King Hussein", "Queen Noor", "Pope Francis", "Crown Prince Hassan". */
const ROYAL_TITLE = /^(?:Crown\s+)?(?:King|Queen|Prince|Princess|Pope|Emperor|Empress|Sultan|Emir|Tsar|Czar)$/i;

/**
 * A full name's given name and surname: its own, or, when a word that is no given name stands before a two-word
 * name written elsewhere, that name's ("Democrat Hillary Clinton", "State Hillary Clinton" of "Secretary of State
 * Hillary Clinton": a party or a title the name run took in).
 */
function personCore(core: string[], twoWordNames: ReadonlySet<string>): string[] {
  if (core.length < 3 || FIRST_NAMES.has(core[0]!)) return core;
  const tail = core.slice(-2);
  return twoWordNames.has(tail.join(' ')) ? tail : core;
}

/**
 * The person a lone surname ("Flynn", "President Obama") is, of the people whose surname is spelled close to it
 * (`close`) and whose first name does not contradict its title ("Queen Noor" is no man): one whose full name this document
 * wrote before it (`here`: those of `close` that namedBefore found), else one written with the same title elsewhere, else
 * the most mentioned anywhere (among equals, the same title, then the most mentioned). Of two this document named before
 * it, the same title decides ("President Obama"), then the one it named last (`namedHere`, as a reader takes "Obama said"
 * after "his wife, Michelle Obama"), not the one named more often. Null when none is close: "Flynn" in a story about
 * Michael Flynn is not the Brian Fallon of another story, although their skeletons match; "Lynch said" after "Rep.
 * Stephen Lynch" is him, not the Loretta Lynch more stories name; "President Clinton" in 1998 copy that never writes his
 * full name is the Clinton other stories call President.
 */
function personForSurname(close: readonly Cluster[], here: readonly Cluster[], p: PlacedCandidate, namedHere: () => ReadonlyMap<Cluster, LastNamed> | null): Cluster | null {
  // "Queen Noor" by her title; "Mrs. Obama" by the honorific her role leaves out.
  const gender = titleGender(p.cand.role) ?? p.cand.gender;
  const title = p.cand.role?.toLowerCase();
  const fits = (c: Cluster) => !(gender && contradicts(gender, c.gender ?? null));
  const nearby = here.filter(fits);
  if (nearby.length) {
    const titled = title ? nearby.filter((c) => c.titles?.includes(title)) : [];
    const among = titled.length ? titled : nearby;
    // Two people of the name in this document ("Barack Obama … his wife, Michelle Obama. Obama said"): the one just named.
    return (nearby.length > 1 && among.length > 1 ? justNamed(among, p, namedHere) : null) ?? mostMentioned(among);
  }
  // No one named here: the most mentioned of the close, titled first, in one pass (a common surname's bucket holds
  // hundreds of people at 10,000 sources, asked ~170,000 times there: no lists made per lone surname).
  let best: Cluster | null = null;
  let bestTitled: Cluster | null = null;
  for (const c of close) {
    if (!fits(c)) continue;
    if (!best || c.mentions.length > best.mentions.length) best = c;
    if (title && c.titles?.includes(title) && (!bestTitled || c.mentions.length > bestTitled.mentions.length)) bestTitled = c;
  }
  return bestTitled ?? best;
}

/**
 * The people of surname bucket `bucket` spelled close to `word` (the pool closeTo gives) whose full name p's document
 * writes before p, in the bucket's order: looked for among the few people that document names (`fullNamedIn`,
 * personsByDocument), not by asking each person of the bucket where it is named. Both lists hold step 1's people in
 * the order step 1 made them, so the order needs no sorting.
 */
function namedBefore(fullNamedIn: ReadonlyMap<number, readonly Cluster[]>, bucket: string, word: string, p: PlacedCandidate): Cluster[] {
  const out: Cluster[] = [];
  for (const c of fullNamedIn.get(p.doc) ?? []) {
    if (c.last === bucket && personAt(c, p.doc) < p.cand.start && closeSpelling(c.spelled!.last, word)) out.push(c);
  }
  return out;
}

/** The people whose full name each document writes (step 1's clusters, in the order made: each in every document of its atDoc and moreAt). */
function personsByDocument(people: readonly Cluster[]): Map<number, Cluster[]> {
  const byDoc = new Map<number, Cluster[]>();
  const add = (doc: number, c: Cluster) => { const list = byDoc.get(doc); if (list) list.push(c); else byDoc.set(doc, [c]); };
  for (const c of people) {
    if (c.atDoc === undefined) continue;
    add(c.atDoc, c);
    for (const doc of c.moreAt?.keys() ?? []) add(doc, c);
  }
  return byDoc;
}

/**
 * Where a person was last named before a mention, in its document: by a full name of two words (or a sovereign's
 * title and name), or by a lone name that joined them. Offset and sentence index.
 */
interface LastNamed { start: number; sentence: number; /** how often the document named them so in the RECENT_SENTENCES before */ count: number }

/** How far back a person's namings count towards being the subject of the passage (a live blog's earlier items do not). */
const RECENT_SENTENCES = 10;
/** How far back the last naming may be for the name to pass to that person: the sentence before, or two more. */
const JUST_NAMED = 3;

/**
 * Of `people`, the one named last before `p` in its document, when that was in p's sentence or the three before: a
 * reader takes "Obama said" right after "his wife, Michelle Obama" as her, and "Johnson" three sentences on as him still.
 * Null (the caller's rule decides) when:
 * - the last naming is more than three sentences back;
 * - another of them was named more often in the ten sentences before: the passage's subject ("a photo of Heidi Cruz. 'I am not in
 *   the habit…,' Cruz said" in a story about Ted Cruz; "former President Bill Clinton … said that in 1998, Clinton
 *   allowed her staff" in one about Hillary Clinton's health);
 * - the name last written may be no one's ("Did Trump …?", "Candidate Trump"): no given name known, no title, named once;
 * - `p` is typed no person, or qualifies a noun (`namedHere` gives null: "the Trump campaign" after "Ivanka Trump's
 *   statement" is the candidate's);
 * - `p`'s source is degraded (its runs may join two names: "Mr Trump Haftar").
 */
function justNamed(people: readonly Cluster[], p: PlacedCandidate, namedHere: () => ReadonlyMap<Cluster, LastNamed> | null): Cluster | null {
  if (p.degraded || (p.cand.type !== 'PERSON' && p.cand.type !== null)) return null;
  const namedAt = namedHere();
  if (!namedAt) return null;
  let best: Cluster | null = null;
  let bestAt: LastNamed | undefined;
  let most = 0;
  for (const c of people) {
    const at = namedAt.get(c);
    if (!at) continue;
    most = Math.max(most, at.count);
    if (!bestAt || at.start > bestAt.start) { best = c; bestAt = at; }
  }
  if (!best || !bestAt || bestAt.sentence < p.cand.sentence - JUST_NAMED || bestAt.count < most) return null;
  return wellNamed(best) ? best : null;
}

/** A person whose full name is surely a name: a sovereign's, or one with a known given name, a title, or more than one mention. */
const wellNamed = (c: Cluster) => !c.spelled?.first || FIRST_NAMES.has(c.spelled.first) || c.titles !== undefined || c.mentions.length >= 2;

/** Every mention's index in `placed`, by document. */
function mentionsByDocument(placed: readonly PlacedCandidate[]): Map<number, number[]> {
  const byDoc = new Map<number, number[]>();
  placed.forEach((q, j) => {
    const list = byDoc.get(q.doc);
    if (list) list.push(j); else byDoc.set(q.doc, [j]);
  });
  return byDoc;
}

const contradicts = (a: Gender, b: Gender | null) => b !== null && a !== b;

/** Whether the mention's document named the royal `r` (by title and name) before it. */
function royalNamedBefore(firstAt: ReadonlyMap<Cluster, ReadonlyMap<number, number>>, r: Cluster | undefined, p: PlacedCandidate): boolean {
  return r !== undefined && (firstAt.get(r)?.get(p.doc) ?? Infinity) < p.cand.start;
}

/** Where document `doc` first writes the person's full name (Infinity when it does not). */
function personAt(c: Cluster, doc: number): number {
  return c.atDoc === doc ? c.atStart! : c.moreAt?.get(doc) ?? Infinity;
}

/** Keeps the earliest offset where the full-name mention's document names the person. */
function notePersonAt(c: Cluster, p: PlacedCandidate): void {
  if (c.atDoc === undefined || c.atDoc === p.doc) {
    if (c.atDoc === undefined || c.atStart! > p.cand.start) { c.atDoc = p.doc; c.atStart = p.cand.start; }
    return;
  }
  c.moreAt ??= new Map();
  noteFirst(c.moreAt, p);
}

/** Keeps in `at` the earliest offset where the mention's document names it. */
function noteFirst(at: Map<number, number>, p: PlacedCandidate): void {
  const seen = at.get(p.doc);
  if (seen === undefined || seen > p.cand.start) at.set(p.doc, p.cand.start);
}

/**
 * Whether two spellings of a name word can be one name: the same once diacritics, case, a leading particle and
 * doubled letters are set aside, or within one edit (two past ten letters), a vowel for a vowel costing
 * nothing ("Cardozo"/"Cardoso", "Qaddafi"/"Qadhafi", "Muhammad"/"Mohammed", "Sissi"/"Sisi", "al-Sarraj"/"Sarraj").
 * A name of four letters or fewer must be the same ("Chen"/"Chan", "Li"/"Lu" are two names; "Flynn"/"Fallon" too;
 * "Chastened" opening a sentence is not "Castañeda").
 */
export function closeSpelling(a: string, b: string): boolean {
  if (a === b) return true;
  const x = plainSpelling(a);
  const y = plainSpelling(b);
  if (x === y) return true;
  const shorter = Math.min(x.length, y.length);
  if (shorter <= 4) return false;
  const allowed = shorter <= 10 ? 1 : 2;
  return Math.abs(x.length - y.length) <= allowed && editDistanceWithin(x, y, allowed);
}

// The same few thousand name words are compared over and over at scale: their plain spellings are cached (bounded).
const plainCache = new Map<string, string>();
function plainSpelling(word: string): string {
  let plain = plainCache.get(word);
  if (plain === undefined) {
    plain = bareName(word).replace(/[^\p{L}]/gu, '').replace(/(\p{L})\1+/gu, '$1');
    if (plainCache.size > 20000) plainCache.clear();
    plainCache.set(word, plain);
  }
  return plain;
}

const VOWELS = 'aeiouy';
/** Substitution cost: none between two vowels (transliterations swap them), else one. */
const swapCost = (x: string, y: string) => (x === y || (VOWELS.includes(x) && VOWELS.includes(y)) ? 0 : 1);

/** Whether the edit distance of `a` and `b` (vowel swaps free) is at most `max`, stopping once a row exceeds it. */
function editDistanceWithin(a: string, b: string, max: number): boolean {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + swapCost(a[i - 1]!, b[j - 1]!));
      row.push(v);
      if (v < best) best = v;
    }
    if (best > max) return false;
    prev = row;
  }
  return prev[b.length]! <= max;
}

/** Full-name person clusters by source and given name, each with its first two-word mention's offset there. */
type GivenNameIndex = Map<string, Array<{ cluster: Cluster; start: number }>>;
const givenNameKey = (doc: number, given: string) => `${doc}\u0000${given}`;
/** A mention typed a person by a title ("President X", "Mr. X") or written with a role. */
const titled = (m: PlacedCandidate) => m.cand.evidence === 'title' || m.cand.role !== null;

/**
 * The index `givenNameHolder` reads, made for the given names that some lone word may be, so that a run with
 * many people keeps only the few entries asked for.
 */
function givenNameIndex(persons: ReadonlyMap<string, Cluster[]>, placed: readonly PlacedCandidate[], cores: readonly string[][]): GivenNameIndex {
  const wanted = new Set<string>();
  placed.forEach((p, k) => { if (cores[k]!.length === 1) wanted.add(cores[k]![0]!); });
  const index: GivenNameIndex = new Map();
  for (const list of persons.values()) {
    for (const cluster of list) {
      // Only someone a title or a role shows to be a person: a given name alone types nothing ("Charlotte Panthers").
      if (!cluster.mentions.some(titled)) continue;
      for (const m of cluster.mentions) {
        // Only a name of two words ("Saddam Hussein") says its first word is a given name: in "Republican
        // Donald Trump" or "Senator-elect Jane Roe" the first word may be a description the run kept.
        const core = contentWords(m.cand.words);
        if (core.length !== 2 || !wanted.has(core[0]!)) continue;
        const key = givenNameKey(m.doc, core[0]!);
        const holders = index.get(key) ?? [];
        const seen = holders.find((h) => h.cluster === cluster);
        if (seen) seen.start = Math.min(seen.start, m.cand.start);
        else holders.push({ cluster, start: m.cand.start });
        index.set(key, holders);
      }
    }
  }
  return index;
}

/**
 * The person a lone word names as a given name ("Saddam" after "Saddam Hussein"): the one person whose full name
 * of two words opens with that word earlier in the same source; null when none does, or two people do ("Anna
 * Berg … Anna Kell … Anna" is either).
 */
function givenNameHolder(index: GivenNameIndex, p: PlacedCandidate, core: readonly string[]): Cluster | null {
  if (core.length !== 1) return null;
  // The word as written, not its spelling skeleton: a short word's skeleton says little ("Md" ~ "Muhammad").
  const holders = index.get(givenNameKey(p.doc, core[0]!));
  if (!holders) return null;
  let found: Cluster | null = null;
  for (const h of holders) {
    if (h.start >= p.cand.start) continue;
    if (found) return null;
    found = h.cluster;
  }
  return found;
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
