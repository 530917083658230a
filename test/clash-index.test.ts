// The event-date clash index numbers each (actor, prefix word) pair once and keeps each filing's pair by event
// (numberPairs): the index it lays out is the one a map looked up at every filing gives, list for list.
import { describe, expect, it } from 'vitest';
import { analyzeDocuments } from '../src/extract/analyze.ts';
import { makeContext } from '../src/extract/briefing/context.ts';
import { clashIndex, DISCREPANCY_RULES, numberPairs } from '../src/extract/briefing/discrepancies.ts';
import { rng } from '../bench/scale/corpus.ts';
import { eventDateClashesAllPairs } from './helpers/all-pairs.ts';
import { docFrom } from './helpers/docs.ts';
import { int, pick } from './helpers/random.ts';

/** Random events: each a few actors (some none) and a prefix of distinct word places, with a date number. */
function inventedFilings(seed: number, n: number) {
  const r = rng(seed);
  const words = 40 + int(r, 60);
  const actors = Array.from({ length: n }, () => {
    const list: number[] = [];
    for (let k = int(r, 4); k > 0; k--) { const a = int(r, 12); if (!list.includes(a)) list.push(a); }
    return list;
  });
  const start = new Int32Array(n + 1);
  const prefixWords: number[] = [];
  for (let j = 0; j < n; j++) {
    const prefix = new Set<number>();
    for (let k = int(r, 7); k > 0; k--) prefix.add(int(r, words));
    prefixWords.push(...prefix);
    start[j + 1] = prefixWords.length;
  }
  const dateNo = Int32Array.from({ length: n }, () => int(r, 5));
  return { actors, prefixes: { words: Int32Array.from(prefixWords), start }, dateNo, words };
}

/** The plain layout: for each (actor, word) pair, the events filed under it in date then event order, with the
 * word's place in each one's prefix, from a string-keyed map looked up at every filing. */
function plainLists(f: ReturnType<typeof inventedFilings>): Map<string, Array<[number, number, number]>> {
  const order = Array.from(f.dateNo.keys()).sort((x, y) => f.dateNo[x]! - f.dateNo[y]! || x - y);
  const lists = new Map<string, Array<[number, number, number]>>();
  for (const j of order) for (const actor of f.actors[j]!) for (let at = 0; at < f.prefixes.start[j + 1]! - f.prefixes.start[j]!; at++) {
    const key = `${actor}:${f.prefixes.words[f.prefixes.start[j]! + at]!}`;
    if (!lists.has(key)) lists.set(key, []);
    lists.get(key)!.push([f.dateNo[j]!, j, at]);
  }
  return lists;
}

describe('event-date clash index', () => {
  it('records each filing\'s pair by event: the pair of its actor and prefix word, numbered in the order first met', () => {
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const f = inventedFilings(900 + seed, 150);
      const order = Array.from(f.dateNo.keys()).sort((x, y) => f.dateNo[x]! - f.dateNo[y]! || x - y);
      const { filingFirst, pairOf, pairs } = numberPairs(f.actors, f.prefixes, f.words, order);
      // The plain numbering: a string key per pair, numbered when first met in `order`.
      const numbers = new Map<string, number>();
      for (const j of order) for (const actor of f.actors[j]!) for (let p = f.prefixes.start[j]!; p < f.prefixes.start[j + 1]!; p++) {
        const key = `${actor}:${f.prefixes.words[p]!}`;
        if (!numbers.has(key)) numbers.set(key, numbers.size);
      }
      expect(pairs).toBe(numbers.size);
      for (let j = 0; j < f.actors.length; j++) {
        const length = f.prefixes.start[j + 1]! - f.prefixes.start[j]!;
        expect(filingFirst[j + 1]! - filingFirst[j]!).toBe(f.actors[j]!.length * length);
        f.actors[j]!.forEach((actor, a) => {
          for (let p = 0; p < length; p++) expect(pairOf[filingFirst[j]! + a * length + p]).toBe(numbers.get(`${actor}:${f.prefixes.words[f.prefixes.start[j]! + p]!}`));
        });
      }
    }
  });

  it('lays out, for every pair an event is filed under, the lists of filing under a map lookup each time', () => {
    let filings = 0;
    for (const seed of [11, 12, 13, 14]) {
      const f = inventedFilings(seed, 200);
      const index = clashIndex(f.actors, f.prefixes, f.dateNo, f.words);
      const plain = plainLists(f);
      for (let j = 0; j < f.actors.length; j++) {
        const length = f.prefixes.start[j + 1]! - f.prefixes.start[j]!;
        f.actors[j]!.forEach((actor, a) => {
          for (let p = 0; p < length; p++) {
            const pair = index.pairOf[index.filingFirst[j]! + a * length + p]!;
            const got: Array<[number, number, number]> = [];
            for (let r = index.runFirst[pair]!; r < index.runFirst[pair + 1]!; r++) {
              for (let k = index.runStart[r]!; k < index.runStart[r + 1]!; k++) got.push([index.runDate[r]!, index.js[k]!, index.at[k]!]);
            }
            expect(got).toEqual(plain.get(`${actor}:${f.prefixes.words[f.prefixes.start[j]! + p]!}`));
            filings++;
          }
        });
      }
    }
    expect(filings).toBeGreaterThan(1000);
  });

  it('finds the clashes of reports naming two actors each, sharing only one of them, in either place', () => {
    // The search reads each of an event's filings back by actor and word: a report whose second actor is the
    // only one it shares with another is found under that actor's filings, not its first's.
    let clashes = 0;
    for (const seed of [21, 22, 23, 24]) {
      const r = rng(seed);
      const people = ['Mayor Ilse Korven', 'Governor Ana Belmonte', 'Minister Tomas Orlen', 'Senator Rui Kasabian', 'Judge Nadia Felmont'];
      const acts = ['opened the new harbour bridge to traffic', 'signed the ferry tolls agreement with the port', 'closed the old river crossing for repairs'];
      const docs = Array.from({ length: 24 }, (_, k) => docFrom(`s${k + 1}`, Array.from({ length: 3 }, () => {
        const first = pick(r, people);
        const second = pick(r, people.filter((x) => x !== first));
        return `${first} and ${second} ${pick(r, acts)} on April ${1 + int(r, 3)}, 2029.`;
      }).join('\n\n'), { date: '2029-06-06' }));
      const ctx = makeContext(docs, analyzeDocuments(docs));
      const rule = DISCREPANCY_RULES.find(([name]) => name === 'event-dates')![1];
      const expected = eventDateClashesAllPairs(ctx);
      expect(rule(ctx, new Set())).toEqual(expected);
      clashes += expected.length;
    }
    expect(clashes).toBeGreaterThan(3);
  });
});
