// What the rounds of extraction on worker threads send packed (src/extract/packed.ts) against what they
// packed: unpacked, every name of every source comes back with the same fields, in the same order, on random
// names (nulls, empty lists, every type, evidence and flag) and on the names findCandidates reads from
// articles; every source's date and entity mentions come back the same, and its roles answer the same for
// every entity it mentions.
// (That a string met in several parts is kept once cannot be seen from JavaScript: equal strings compare equal.)
import { describe, expect, it } from 'vitest';
import { packCandidates, packSources, sourceBuffers, unpackCandidates, unpackSources } from '../src/extract/packed.ts';
import type { SourceEntities } from '../src/extract/analyze.ts';
import { findCandidates, learnCommonWords, type Candidate, type TypeEvidence } from '../src/extract/rules/entities.ts';
import { splitSentences } from '../src/extract/rules/sentences.ts';
import type { EntityMention, EntityType } from '../src/extract/analysis.ts';
import { rng } from '../bench/scale/corpus.ts';
import { pick } from './helpers/random.ts';

const WORDS = ['acme', 'marta', 'vell', 'of', 'the', 'kelvane', 'port', 'ansel', 'ünal', 'o’neil', ''];
const TYPES: Array<EntityType | null> = [null, 'PERSON', 'ORG', 'PLACE'];
const EVIDENCE: TypeEvidence[] = ['title', 'gazetteer', 'orghead', 'placehead', 'acronym', 'firstname', 'shape', 'context', 'none'];
const maybe = (r: () => number, xs: readonly string[]) => (r() < 0.4 ? null : pick(r, xs));

/** Random names for `sources` sources (some with none), every field varied. */
function randomNames(seed: number, sources: number): Candidate[][] {
  const r = rng(seed);
  return Array.from({ length: sources }, () => Array.from({ length: r() < 0.2 ? 0 : Math.floor(r() * 12) }, (): Candidate => {
    const words = Array.from({ length: Math.floor(r() * 4) }, () => pick(r, WORDS));
    const start = Math.floor(r() * 100_000);
    return {
      start, end: start + Math.floor(r() * 40), text: words.join(' ') || 'X', words,
      type: pick(r, TYPES), evidence: pick(r, EVIDENCE),
      role: maybe(r, ['minister', 'chair', '']), description: maybe(r, ['a former army officer', 'the capital']), acronym: maybe(r, ['UN', 'GNA']),
      speaks: r() < 0.5, initial: r() < 0.5, product: r() < 0.5, event: r() < 0.5, sentence: Math.floor(r() * 300), productContext: r() < 0.5,
      gender: pick(r, ['m', 'f', null] as const),
    };
  }));
}

/** Packs and unpacks, as the worker and the main thread do (the buffers moved in between are copied here). */
function roundTrip(lists: Candidate[][], shared = new Map<string, string>(), sharedWords = new Map<string, string[]>()): Candidate[][] {
  const { packed, transfer } = packCandidates(lists);
  expect(transfer).toEqual([packed.counts.buffer, packed.fields.buffer, packed.words.buffer]);
  const moved = structuredClone(packed, { transfer });
  return unpackCandidates(moved, shared, sharedWords);
}

describe('names packed for a message', () => {
  it('come back as they were, fields in the same order, on random names', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const names = randomNames(seed, 1 + (seed % 9));
      const back = roundTrip(names);
      expect(back).toStrictEqual(names);
      // Key order too: the analyses are compared as JSON, and objects of one shape share V8's hidden class.
      expect(JSON.stringify(back)).toBe(JSON.stringify(names));
    }
  });

  it('come back as findCandidates read them from articles', () => {
    const texts = [
      'Marta Vell, the chair of the Harbour Board, said on Tuesday that the Kelvane Council would meet. "We will reopen," Vell said.',
      'The Government of National Accord (GNA) met Pavel Ancik in Port Ansel. Ancik, a former army colonel, told the BBC the 787 Dreamliner was late.',
      'Hurricane Mitch hit Honduras and Nicaragua. Acme Corp, Bolt and Zeta Corp said the U.N. would help.',
    ];
    const common = learnCommonWords(texts);
    const names = texts.map((t) => findCandidates(t, splitSentences(t), common));
    expect(names.flat().length).toBeGreaterThan(12);
    expect(JSON.stringify(roundTrip(names))).toBe(JSON.stringify(names));
  });

  it('share one list of words between names with the same words, over every part', () => {
    const sharedWords = new Map<string, string[]>();
    const shared = new Map<string, string>();
    const parts = [1, 2, 3].map((seed) => randomNames(seed, 6));
    const back = parts.map((names) => roundTrip(names, shared, sharedWords)).flat(2);
    const first = new Map<string, string[]>();
    let sharedPairs = 0;
    for (const c of back) {
      // The count first: [''] and [] are different lists that join to the same text.
      const key = JSON.stringify(c.words);
      const seen = first.get(key);
      if (seen === undefined) first.set(key, c.words);
      else { expect(c.words).toBe(seen); sharedPairs++; }
    }
    expect(sharedPairs).toBeGreaterThan(20);
    expect(new Set(back.map((c) => c.words)).size).toBe(first.size);
    expect(JSON.stringify(back)).toBe(JSON.stringify(parts.flat(2)));
  });

  it('refuse a type or evidence they have no number for', () => {
    const bad = { ...randomNames(3, 20).flat()[0]!, evidence: 'hunch' as TypeEvidence };
    expect(() => packCandidates([[bad]])).toThrow(/no number/);
  });
});

/**
 * Random sources: a date or none, mentions of entities shared between sources, each source's roles of its own
 * entities; and the roles of every entity (some the sources never mention), as the corpus-wide rules give them.
 */
function randomSources(seed: number, count: number): { sources: SourceEntities[]; roles: Map<string, string> } {
  const r = rng(seed);
  const entities = Array.from({ length: 12 }, (_, k) => ({
    id: `e${k + 1}`, type: pick(r, ['PERSON', 'ORG', 'PLACE'] as const), canonical: pick(r, ['Marta Vell', 'Acme Corp', 'Kelvane', 'Port Ansel']),
    role: pick(r, ['chair Harbour Board', '', 'a former army officer']),
  }));
  const sources = Array.from({ length: count }, (): SourceEntities => {
    const mentions: EntityMention[] = Array.from({ length: r() < 0.2 ? 0 : Math.floor(r() * 10) }, (_, k) => {
      const e = pick(r, entities);
      return { id: e.id, type: e.type, start: k * 50, end: k * 50 + 9, text: pick(r, ['Vell', 'Marta Vell', 'Acme', 'kelvane']), canonical: e.canonical, role: maybe(r, ['Gen.', 'chair']), description: maybe(r, ['a former army officer']) };
    });
    const roles = new Map(mentions.map((m) => [m.id, entities.find((e) => e.id === m.id)!.role]));
    return { date: r() < 0.3 ? null : `2024-03-${10 + Math.floor(r() * 20)}`, roles, entities: mentions };
  });
  return { sources, roles: new Map(entities.map((e) => [e.id, e.role])) };
}

describe('sources packed for the per-document rules', () => {
  it("come back with their dates and mentions, and roles that answer as each source's own", () => {
    let mentions = 0;
    let unmentioned = 0;
    for (let seed = 1; seed <= 30; seed++) {
      const { sources, roles } = randomSources(seed, 1 + (seed % 8));
      const packed = packSources(sources.map((s) => s.date), sources.map((s) => s.entities), roles);
      const rolePairs = packed.roles.length; // read before the buffer is moved
      const back = unpackSources(structuredClone(packed, { transfer: sourceBuffers(packed) }));
      expect(back.length).toBe(sources.length);
      back.forEach((b, k) => {
        const s = sources[k]!;
        expect(b.date).toBe(s.date);
        expect(JSON.stringify(b.entities)).toBe(JSON.stringify(s.entities));
        // The rules ask the roles only for the ids of the source's own mentions.
        for (const m of s.entities) expect(b.roles.get(m.id)).toBe(s.roles.get(m.id));
        mentions += s.entities.length;
      });
      // Only the roles of the part's own entities are sent, each once.
      const own = new Set(sources.flatMap((s) => s.entities.map((m) => m.id)));
      expect(rolePairs).toBe(2 * own.size);
      unmentioned += roles.size - own.size;
    }
    expect(mentions).toBeGreaterThan(300);
    expect(unmentioned).toBeGreaterThan(10);
  });
});
