// What the rounds of extraction on worker threads (src/ingest/parallel.ts) send of a part's names and
// entities: a table of the part's distinct strings and typed arrays of numbers, moved between threads
// instead of copied. At 10,000 sources the parts' names, and then their entities, are ~840,000 objects; cloned one
// by one, writing the names cost the workers ~1.3 s and reading them the main thread ~1.9 s (plus ~0.5 s to
// share their strings again), in the round before the entity merge, where the main thread's time is the
// critical path; the entities sent back for the per-document rules cost about as much again.
import type { EntityMention, EntityType } from './analysis.ts';
import type { SourceEntities } from './analyze.ts';
import type { TypeEvidence } from './rules/entities/typing.ts';
import type { Candidate } from './rules/entities.ts';

/** A part's names: `counts[d]` names for its d-th source, in order; each name's fields in `fields`, its words in `words`. */
export interface PackedCandidates {
  /** The distinct strings of the part (texts, words, roles, descriptions, acronyms), each once. */
  strings: string[];
  /** Names per source. */
  counts: Int32Array;
  /** FIELDS numbers per name (see packCandidates). */
  fields: Int32Array;
  /** Each name's words as string numbers, one name after another (`fields` gives each name's count). */
  words: Int32Array;
}

/** Numbers per name in `fields`: start, end, text, role, description, acronym, sentence, word count, type, evidence, flags. */
const FIELDS = 11;
const TYPES: ReadonlyArray<EntityType | null> = [null, 'PERSON', 'ORG', 'PLACE'];
const EVIDENCE: readonly TypeEvidence[] = ['title', 'gazetteer', 'orghead', 'placehead', 'acronym', 'firstname', 'shape', 'context', 'none'];
const SPEAKS = 1, INITIAL = 2, PRODUCT = 4, EVENT = 8, PRODUCT_CONTEXT = 16, MALE = 32, FEMALE = 64;

/** Strings numbered as they are first met (null is -1), for a message's table. */
class StringTable {
  readonly strings: string[] = [];
  private readonly numbers = new Map<string, number>();

  number(s: string | null): number {
    if (s === null) return -1;
    let n = this.numbers.get(s);
    if (n === undefined) { n = this.strings.length; this.strings.push(s); this.numbers.set(s, n); }
    return n;
  }
}

/** A value's number in its list of values (a value the list lacks would come back as another one). */
function code<T>(values: readonly T[], value: T): number {
  const k = values.indexOf(value);
  if (k < 0) throw new Error(`packCandidates: no number for ${String(value)}`);
  return k;
}

/** The names of a part's sources, packed for a message (`transfer`: the buffers to move, not copy). */
export function packCandidates(lists: readonly Candidate[][]): { packed: PackedCandidates; transfer: ArrayBuffer[] } {
  const table = new StringTable();
  const number = (s: string | null) => table.number(s);
  let names = 0, wordCount = 0;
  for (const list of lists) for (const c of list) { names++; wordCount += c.words.length; }
  const counts = Int32Array.from(lists, (l) => l.length);
  const fields = new Int32Array(names * FIELDS);
  const words = new Int32Array(wordCount);
  let f = 0, w = 0;
  for (const list of lists) {
    for (const c of list) {
      fields[f++] = c.start;
      fields[f++] = c.end;
      fields[f++] = number(c.text);
      fields[f++] = number(c.role);
      fields[f++] = number(c.description);
      fields[f++] = number(c.acronym);
      fields[f++] = c.sentence;
      fields[f++] = c.words.length;
      fields[f++] = code(TYPES, c.type);
      fields[f++] = code(EVIDENCE, c.evidence);
      fields[f++] = (c.speaks ? SPEAKS : 0) | (c.initial ? INITIAL : 0) | (c.product ? PRODUCT : 0) | (c.event ? EVENT : 0) | (c.productContext ? PRODUCT_CONTEXT : 0)
        | (c.gender === 'm' ? MALE : c.gender === 'f' ? FEMALE : 0);
      for (const x of c.words) words[w++] = number(x);
    }
  }
  return { packed: { strings: table.strings, counts, fields, words }, transfer: [counts.buffer, fields.buffer, words.buffer] };
}

/**
 * The names back as objects, as findCandidates made them (same fields, same order). `shared` maps each string
 * met so far, over every part, to its one copy: a message gives each part its own copies, and the analyses
 * keep these strings, so the same name met in thousands of sources is kept once. `sharedWords` does the same
 * for the names' lists of words (read only, as every reader of a name's words does): the ~0.84 M names of
 * 10,000 generated articles are all alive in the entity merge, at the main thread's peak of memory, and an
 * array of words each was ~60 bytes of them.
 */
export function unpackCandidates(packed: PackedCandidates, shared: Map<string, string>, sharedWords = new Map<string, string[]>()): Candidate[][] {
  const strings = packed.strings.map((s) => {
    const known = shared.get(s);
    if (known !== undefined) return known;
    shared.set(s, s);
    return s;
  });
  const text = (n: number) => (n < 0 ? null : strings[n]!);
  const { counts, fields, words } = packed;
  const out: Candidate[][] = [];
  let f = 0, w = 0;
  for (const count of counts) {
    const list: Candidate[] = new Array(count);
    for (let k = 0; k < count; k++, f += FIELDS) {
      const wordsOf = sharedList(sharedWords, strings, words, w, fields[f + 7]!);
      w += wordsOf.length;
      const flags = fields[f + 10]!;
      // The fields in findCandidates' order, so that the objects share its hidden class.
      list[k] = {
        start: fields[f]!, end: fields[f + 1]!, text: strings[fields[f + 2]!]!, words: wordsOf,
        type: TYPES[fields[f + 8]!] as EntityType | null, evidence: EVIDENCE[fields[f + 9]!]!,
        role: text(fields[f + 3]!), description: text(fields[f + 4]!), acronym: text(fields[f + 5]!),
        speaks: (flags & SPEAKS) !== 0, initial: (flags & INITIAL) !== 0, product: (flags & PRODUCT) !== 0, event: (flags & EVENT) !== 0,
        sentence: fields[f + 6]!, productContext: (flags & PRODUCT_CONTEXT) !== 0,
        gender: (flags & MALE) !== 0 ? 'm' : (flags & FEMALE) !== 0 ? 'f' : null,
      };
    }
    out.push(list);
  }
  return out;
}

/** The list of the `count` strings numbered from words[at] on, one list for all equal ones met in `lists`. */
function sharedList(lists: Map<string, string[]>, strings: readonly string[], words: Int32Array, at: number, count: number): string[] {
  const list = new Array<string>(count);
  for (let j = 0; j < count; j++) list[j] = strings[words[at + j]!]!;
  // The count first: no word holds a NUL, but a word may be empty ([''] and [] would both join to '').
  const key = `${count}\u0000${list.join('\u0000')}`;
  const known = lists.get(key);
  if (known !== undefined) return known;
  lists.set(key, list);
  return list;
}

/** What the per-document rules of a part's sources need (SourceEntities), packed as PackedCandidates are. */
export interface PackedSources {
  /** Each source's document date. */
  dates: Array<string | null>;
  /** The distinct strings of the part (ids, mention texts, canonical names, roles, descriptions). */
  strings: string[];
  /** Entity mentions per source. */
  counts: Int32Array;
  /** MENTION_FIELDS numbers per mention (see `packSources`). */
  fields: Int32Array;
  /** Pairs of string numbers: an entity's id, its role and description in words (SourceEntities' roles). */
  roles: Int32Array;
}

/** Numbers per mention: id, type, start, end, text, canonical, role, description. */
const MENTION_FIELDS = 8;
const ENTITY_TYPES: readonly EntityType[] = ['PERSON', 'ORG', 'PLACE'];

/**
 * A part's sources' dates and entities, and the roles (of `roles`, every entity's) of the entities they mention,
 * packed for a message (sourceBuffers: the buffers to move). `dates[k]` and `entities[k]` are the k-th source's.
 */
export function packSources(dates: ReadonlyArray<string | null>, entities: ReadonlyArray<readonly EntityMention[]>, roles: ReadonlyMap<string, string>): PackedSources {
  const table = new StringTable();
  let mentions = 0;
  for (const list of entities) mentions += list.length;
  const counts = Int32Array.from(entities, (list) => list.length);
  const fields = new Int32Array(mentions * MENTION_FIELDS);
  const rolePairs: number[] = [];
  const withRole = new Set<string>();
  let f = 0;
  for (const list of entities) {
    for (const e of list) {
      fields[f++] = table.number(e.id);
      fields[f++] = code(ENTITY_TYPES, e.type);
      fields[f++] = e.start;
      fields[f++] = e.end;
      fields[f++] = table.number(e.text);
      fields[f++] = table.number(e.canonical);
      fields[f++] = table.number(e.role);
      fields[f++] = table.number(e.description);
    }
    // Only the roles of the part's own entities: a compact message.
    for (const e of list) {
      const role = roles.get(e.id);
      if (role === undefined || withRole.has(e.id)) continue;
      withRole.add(e.id);
      rolePairs.push(table.number(e.id), table.number(role));
    }
  }
  return { dates: [...dates], strings: table.strings, counts, fields, roles: Int32Array.from(rolePairs) };
}

/** The buffers of packed sources, to move with the message rather than copy. */
export const sourceBuffers = (p: PackedSources): ArrayBuffer[] => [p.counts.buffer as ArrayBuffer, p.fields.buffer as ArrayBuffer, p.roles.buffer as ArrayBuffer];

/**
 * The sources back as SourceEntities. Every source of the part is given the part's one map of roles: the rules
 * read it only for the ids of the source's own mentions (an entity's roles are the same in every source).
 */
export function unpackSources(packed: PackedSources): SourceEntities[] {
  const { strings, counts, fields } = packed;
  const text = (n: number) => (n < 0 ? null : strings[n]!);
  const roles = new Map<string, string>();
  for (let k = 0; k < packed.roles.length; k += 2) roles.set(strings[packed.roles[k]!]!, strings[packed.roles[k + 1]!]!);
  let f = 0;
  return packed.dates.map((date, s): SourceEntities => {
    const entities: EntityMention[] = new Array(counts[s]!);
    for (let k = 0; k < entities.length; k++, f += MENTION_FIELDS) {
      // The fields in the order the entities rule (analyze.ts) writes them.
      entities[k] = {
        id: strings[fields[f]!]!, type: ENTITY_TYPES[fields[f + 1]!]!, start: fields[f + 2]!, end: fields[f + 3]!,
        text: strings[fields[f + 4]!]!, canonical: strings[fields[f + 5]!]!, role: text(fields[f + 6]!), description: text(fields[f + 7]!),
      };
    }
    return { date, roles, entities };
  });
}
