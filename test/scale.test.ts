// Scale: near-duplicates found through the shingle index (not all pairs) are exactly the pairs an all-pairs
// comparison finds; repeated sentences found through the rare-word index are the ones a scan finds; files
// read on worker threads give the same documents and diagnostics as one thread; the LexRank graph, timeline
// merging, event-date clashes and quote groups found through their indexes are exactly what the plain
// all-pairs loops give.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeDocuments } from '../src/extract/analyze.ts';
import { mergeDuplicates } from '../src/extract/briefing/duplicates.ts';
import { makeContext, similarity } from '../src/extract/briefing/context.ts';
import { DISCREPANCY_RULES } from '../src/extract/briefing/discrepancies.ts';
import { groupAlike, SAME_QUOTE } from '../src/extract/briefing/quotes.ts';
import { MAX_NEIGHBOURS, MAX_POSTINGS } from '../src/extract/briefing/lexrank.ts';
import { graphByMaps, neighbours, sentenceGraph } from './helpers/lexrank.ts';
import { mergeEvents, type AnchoredEvent } from '../src/extract/briefing/timeline.ts';
import { candidatePairs, minIndexedHits, needed, pairIndex, pairsOfRanks, setSize, sharedCount, shingleSet, sortPairs, tableSizes, type CandidatePair, type ShingleSet } from '../src/ingest/duplicate-index.ts';
import { findDuplicates, findDuplicatesWith, MIN_SHINGLES, overlap, SAME_STORY_CONTAINMENT, SAME_STORY_JACCARD, shingles, SHINGLE_WORDS } from '../src/ingest/duplicates.ts';
import { readSourcesParallel, readSourcesThen } from '../src/ingest/parallel.ts';
import type { SourceDoc } from '../src/notes/model.ts';
import { eventDateClashesAllPairs, mergeAllPairs, scanTwins } from './helpers/all-pairs.ts';
import { rng } from '../bench/scale/corpus.ts';
import { docFrom } from './helpers/docs.ts';

const SYL = ['ka', 'lo', 'mer', 'tan', 'vi', 'sor', 'del', 'ru', 'ba', 'nes', 'hal', 'qui', 'dor', 'fen', 'pra', 'lum'];
function word(r: () => number): string { let w = ''; for (let k = 0, n = 1 + Math.floor(r() * 3); k < n; k++) w += SYL[Math.floor(r() * SYL.length)]; return w; }
function sentence(r: () => number): string {
  const words = Array.from({ length: 8 + Math.floor(r() * 12) }, () => word(r));
  return `${words[0]![0]!.toUpperCase()}${words.join(' ').slice(1)}.`;
}

/** Articles of invented words: some share sentences with others (one event, other words), some are copies
 * near each threshold (edited, cut short), so the index is tested where it could go wrong. */
function corpus(seed: number, n: number): string[] {
  const r = rng(seed);
  const shared = Array.from({ length: 30 }, () => sentence(r));
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const roll = r();
    if (i > 3 && roll < 0.35) {
      // A copy: cut to a share of the original, and/or with words dropped.
      const orig = out[Math.floor(r() * out.length)]!.split(' ');
      const keep = 0.4 + r() * 0.6;
      const cut = orig.slice(0, Math.max(1, Math.floor(orig.length * keep)));
      const drop = r() * 0.08;
      out.push(cut.filter(() => r() > drop).join(' '));
    } else {
      const sentences = Array.from({ length: 6 + Math.floor(r() * 14) }, () => (r() < 0.25 ? shared[Math.floor(r() * shared.length)]! : sentence(r)));
      out.push(sentences.join(' '));
    }
  }
  return out;
}

/** Pairs of sets (i < j) that share at least needed() of the smaller's hashes, with the count: every pair counted. */
function countedPairs(sets: readonly ShingleSet[]): CandidatePair[] {
  const out: CandidatePair[] = [];
  for (let i = 0; i < sets.length; i++) {
    for (let j = i + 1; j < sets.length; j++) {
      const a = Math.min(setSize(sets[i]!), setSize(sets[j]!));
      const shared = sharedCount(sets[i]!, sets[j]!);
      if (a >= MIN_SHINGLES && shared >= needed(a)) out.push([i, j, shared]);
    }
  }
  return out;
}

/** The all-pairs reference: every pair measured, as findDuplicates did before the index. */
function allPairs(texts: string[]): Array<[number, number]> {
  const sets = texts.map((t) => shingles(t));
  const out: Array<[number, number]> = [];
  for (let i = 0; i < texts.length; i++) {
    for (let j = i + 1; j < texts.length; j++) {
      if (Math.min(sets[i]!.size, sets[j]!.size) < MIN_SHINGLES) continue;
      const o = overlap(sets[i]!, sets[j]!);
      if (o.jaccard >= SAME_STORY_JACCARD || o.containment >= SAME_STORY_CONTAINMENT) out.push([i, j]);
    }
  }
  return out;
}

describe('near-duplicates through the shingle index', () => {
  it('finds exactly the pairs that comparing all pairs finds, on corpora with copies near both thresholds', () => {
    let found = 0;
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const texts = corpus(seed, 80);
      const expected = allPairs(texts);
      const docs = texts.map((t, k) => docFrom(`s${k + 1}`, t));
      const got = findDuplicates(docs).map((p) => [Number(p.original.slice(1)) - 1, Number(p.duplicate.slice(1)) - 1].sort((a, b) => a - b));
      expect(got).toEqual(expected);
      found += expected.length;
    }
    expect(found).toBeGreaterThan(50); // the corpora do hold copies, so the equality above means something
  });

  it('uses the shingle sets it is given for a text (made on a worker) and finds the same pairs with them', () => {
    const texts = corpus(3, 80);
    const docs = texts.map((t, k) => docFrom(`s${k + 1}`, t));
    const plain = findDuplicates(docs);
    expect(plain.length).toBeGreaterThan(5);
    expect(findDuplicates(docs, new Map(texts.map((t) => [t, shingleSet(t, SHINGLE_WORDS)])))).toEqual(plain);
    // A set given for a text is used as it is: with an empty one, that text repeats no other.
    const first = plain[0]!.original;
    const emptied = findDuplicates(docs, new Map([[docs[Number(first.slice(1)) - 1]!.text, new Uint32Array(0)]]));
    expect(emptied.some((p) => p.original === first || p.duplicate === first)).toBe(false);
    expect(emptied.length).toBeGreaterThan(0);
  });

  it('proposes exactly the pairs that share 2/3 of the smaller set, with the count, as counting every pair does', () => {
    let found = 0;
    for (const seed of [11, 12, 13, 14]) {
      const sets = corpus(seed, 90).map((t) => shingleSet(t, SHINGLE_WORDS));
      const expected: Array<[number, number, number]> = [];
      for (let i = 0; i < sets.length; i++) {
        for (let j = i + 1; j < sets.length; j++) {
          const a = Math.min(setSize(sets[i]!), setSize(sets[j]!));
          const shared = sharedCount(sets[i]!, sets[j]!);
          if (a >= MIN_SHINGLES && shared >= needed(a)) expected.push([i, j, shared]);
        }
      }
      expect(candidatePairs(sets, MIN_SHINGLES)).toEqual(expected);
      // The tables only speed the search up: the full-size ones (a large corpus's), and tiny ones where
      // nearly every key shares a bucket, a directory entry and a filter bit, give the same pairs.
      for (const tables of [tableSizes(1e8, 1e8), { freq: 1, directory: 1, present: 5 }, { freq: 7, directory: 3, present: 9 }]) {
        expect(candidatePairs(sets, MIN_SHINGLES, tables)).toEqual(expected);
      }
      found += expected.length;
    }
    expect(found).toBeGreaterThan(40);
  });

  it('finds each pair by its larger text\'s rank alone, so ranges of ranks searched apart give the same pairs', () => {
    let found = 0;
    for (const seed of [15, 16, 17]) {
      const sets = corpus(seed, 90).map((t) => shingleSet(t, SHINGLE_WORDS));
      const expected = countedPairs(sets);
      const index = pairIndex(sets, MIN_SHINGLES);
      const r = rng(seed);
      // Random cuts, an empty range and a range of one rank among them, as the worker threads are given them.
      const cuts = [...new Set([0, 1, 1 + Math.floor(r() * 88), Math.floor(r() * 90), Math.floor(r() * 90), 89, 90])].sort((a, b) => a - b);
      const parts = cuts.slice(1).map((to, k) => pairsOfRanks(index, sets, cuts[k]!, to));
      expect(sortPairs(parts.flat())).toEqual(expected);
      expect(parts.filter((p) => p.length > 0).length).toBeGreaterThan(1);
      found += expected.length;
    }
    expect(found).toBeGreaterThan(30);
  });

  it('sizes its tables to the corpus: full size from a million keys on, smaller below', () => {
    expect(tableSizes(12e6, 6e6)).toEqual({ freq: 20, directory: 20, present: 25 });
    expect(tableSizes(150_000, 80_000)).toEqual({ freq: 18, directory: 17, present: 22 });
    expect(tableSizes(0, 0)).toEqual({ freq: 10, directory: 10, present: 15 });
  });

  it('hashes the same shingles as the string sets: one hash per distinct shingle, shared where the shingle is', () => {
    // Words with capitals, digits, accents, letters outside the BMP and punctuation between them: the
    // string sets lower-case and split them; the hashes must see the same words.
    const r = rng(21);
    const vocab = ['Dam', 'dam', 'DAM', 'école', 'Écoles', 'ÇA', '2024', 'x9', '𝒜lpha', 'ωmega', 'naïve', 'co-op', "don't", 'u.s.', 'river', 'Flood'];
    const texts = Array.from({ length: 60 }, () => Array.from({ length: 20 + Math.floor(r() * 60) }, () => vocab[Math.floor(r() * vocab.length)]!).join(r() < 0.5 ? ' ' : ', '));
    const sets = texts.map((t) => shingleSet(t, 2));
    const strings = texts.map((t) => shingles(t, 2));
    texts.forEach((_, i) => {
      expect(setSize(sets[i]!)).toBe(strings[i]!.size);
      for (let j = 0; j < i; j++) expect(sharedCount(sets[i]!, sets[j]!)).toBe([...strings[i]!].filter((x) => strings[j]!.has(x)).length);
    });
  });

  it('needs, of a text\'s indexed shingles, no more than a pair at the threshold must share', () => {
    // A text of a shingles shares ceil(2a/3) − 2 with its pair at worst, of which at most the unindexed ones are missing.
    for (let a = 18; a < 3000; a++) expect(minIndexedHits(a)).toBeGreaterThanOrEqual(1);
    expect(minIndexedHits(900)).toBeGreaterThan(100);
  });

  it('proposes for measuring only pairs that share much, not every pair', () => {
    const texts = corpus(7, 120);
    const candidates = candidatePairs(texts.map((t) => shingleSet(t, SHINGLE_WORDS)), MIN_SHINGLES);
    expect(candidates.length).toBeLessThan(3 * allPairs(texts).length + 10);
    expect(candidates.length).toBeLessThan((120 * 119) / 2 / 20);
  });
});


describe('repeated sentences through the rare-word index', () => {
  it('pairs each duplicate sentence with the same original sentence as a scan of all of them', () => {
    const r = rng(11);
    const pool = Array.from({ length: 40 }, () => sentence(r));
    const docs: SourceDoc[] = [];
    for (let k = 0; k < 24; k++) {
      const dup = k % 4 === 3;
      // Sentences drawn from one pool, some with a word changed: alike, near alike and unlike pairs.
      const text = Array.from({ length: 8 }, () => {
        const s = pool[Math.floor(r() * pool.length)]!;
        return r() < 0.4 ? s.replace(/ \p{L}+ /u, ` ${word(r)} `) : s;
      }).join(' ');
      docs.push(docFrom(`s${k + 1}`, text, { flags: dup ? ['duplicate'] : [] }));
    }
    const analyses = analyzeDocuments(docs);
    const merged = mergeDuplicates(docs, analyses);
    const got = [...merged.twins].flatMap(([key, list]) => list.map((e) => `${e.source}:${e.start}->${key}`)).sort();
    const expected = scanTwins(docs, analyses).sort();
    expect(expected.length).toBeGreaterThan(10);
    expect(got).toEqual(expected);
  });
});

describe('reading on worker threads', () => {
  it('gives the same documents, ids and diagnostics with 1 and 2 workers', async () => {
    const dir = path.resolve(import.meta.dirname, '.tmp/scale-read');
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    const r = rng(5);
    for (let k = 0; k < 220; k++) {
      const name = `f${String(k).padStart(3, '0')}`;
      if (k % 50 === 7) fs.writeFileSync(path.join(dir, `${name}.xyz`), 'not a source'); // a skipped file, with its note
      else if (k % 50 === 9) fs.writeFileSync(path.join(dir, `${name}.txt`), '   \n'); // no text: an error diagnostic
      else fs.writeFileSync(path.join(dir, k % 3 ? `${name}.txt` : `${name}.md`), `${sentence(r)}\n\ndate 2024-0${1 + (k % 9)}-1${k % 9}\n\n${Array.from({ length: 5 }, () => sentence(r)).join(' ')}\n`);
    }
    const one = await readSourcesParallel([dir], { cwd: dir }, 1);
    const progress: Array<[number, number, string]> = [];
    const two = await readSourcesParallel([dir], { cwd: dir, onFile: (done, total, file) => progress.push([done, total, file]) }, 2, 50);
    // Files go to the workers several to a message, but progress is still told once per file, counting up.
    expect(progress.map(([done]) => done)).toEqual(Array.from({ length: 220 }, (_, k) => k + 1));
    expect(new Set(progress.map(([, total]) => total))).toEqual(new Set([220]));
    expect(new Set(progress.map(([, , file]) => file)).size).toBe(220);
    expect(one.docs.length).toBeGreaterThan(200);
    expect(one.diagnostics.length).toBeGreaterThan(3);
    expect(JSON.stringify({ docs: two.docs, diagnostics: two.diagnostics })).toBe(JSON.stringify(one));
    // The workers also hashed each text's shingles for the duplicate search: the sets this thread would make.
    expect(one.shingles).toBeUndefined();
    expect(two.shingles!.size).toBe(new Set(two.docs.map((d) => d.text)).size);
    for (const d of two.docs) expect(two.shingles!.get(d.text)).toEqual(shingleSet(d.text, SHINGLE_WORDS));
  }, 120_000);

  it('finds the duplicate search\'s pairs on the read workers, or here for few shingles, the same as counting every pair', async () => {
    const dir = path.resolve(import.meta.dirname, '.tmp/scale-pairs');
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    corpus(8, 130).forEach((text, k) => fs.writeFileSync(path.join(dir, `f${String(k).padStart(3, '0')}.txt`), `${text}\n`));
    // Two workers from 50 files each, and the search on them from any number of shingles (a large corpus's path),
    // or in this thread from the plan whatever the shingles (a small corpus's path: fewer than the minimum).
    for (const minShinglesForWorkers of [0, Infinity]) {
      const { got, sets, duplicates, plain } = await readSourcesThen([dir], { cwd: dir }, async (read, find) => {
        const sets = read.docs.map((d) => read.shingles!.get(d.text)!);
        return { got: await find(sets, MIN_SHINGLES), sets, duplicates: await findDuplicatesWith(read.docs, read.shingles, find), plain: findDuplicates(read.docs) };
      }, 2, 50, minShinglesForWorkers);
      expect(sets).toHaveLength(130);
      const expected = countedPairs(sets);
      expect(expected.length).toBeGreaterThan(20);
      expect(got).toEqual(expected);
      expect(duplicates).toEqual(plain);
      expect(plain.length).toBeGreaterThan(10);
    }
  }, 120_000);
});


describe('the LexRank graph through its dense accumulator', () => {
  it('has exactly the neighbours and cosines the map-based build gives, caps included', () => {
    const r = rng(21);
    const vocabulary = Array.from({ length: 60 }, () => word(r));
    // Some words in more than MAX_POSTINGS sentences, and sentences with many near neighbours.
    const terms = Array.from({ length: MAX_POSTINGS + 150 }, () => [...new Set(Array.from({ length: 3 + Math.floor(r() * 9) }, () => vocabulary[Math.floor(r() ** 2 * vocabulary.length)]!))]);
    const got = neighbours(sentenceGraph(terms));
    expect(got).toEqual(graphByMaps(terms));
    expect(got.filter((n) => n.length === MAX_NEIGHBOURS).length).toBeGreaterThan(20);
  });
});


describe('timeline merging through the date and word index', () => {
  it('gives the same groups, in the same order, as comparing each event with every group', () => {
    let merges = 0;
    for (const seed of [1, 2, 3, 4]) {
      const r = rng(100 + seed);
      const vocabulary = Array.from({ length: 40 }, () => word(r));
      // Dates at three granularities that nest ("2029", "2029-04", "2029-04-15"), so groups can join across them.
      const dates = ['2029', '2029-04', '2029-05', '2029-04-15', '2029-04-16', '2029-05-02', '2030', '2030-01-09'];
      const events: AnchoredEvent[] = Array.from({ length: 300 }, (_, k) => ({
        date: dates[Math.floor(r() * dates.length)]!,
        doc: Math.floor(r() * 30),
        index: k,
        evidence: { source: 's1', start: k, end: k + 1, text: '' },
        words: new Set(Array.from({ length: 3 + Math.floor(r() * 6) }, () => vocabulary[Math.floor(r() * vocabulary.length)]!)),
        quality: 0,
      }));
      const expected = mergeAllPairs(events).map((g) => g.map((e) => e.index));
      expect(mergeEvents(events).map((g) => g.map((e) => e.index))).toEqual(expected);
      merges += events.length - expected.length;
    }
    expect(merges).toBeGreaterThan(100); // events did merge, across granularities too, so the equality means something
  });
});


describe('event-date clashes through the (actor, word) index', () => {
  it('are the clashes comparing every pair of events finds', () => {
    const r = rng(31);
    const actors = ['Mayor Ilse Korven', 'Governor Ana Belmonte', 'the Marivian Navy', 'Minister Tomas Orlen'];
    const acts = ['opened the new harbour bridge at Port Salla', 'signed the fishing treaty with the northern provinces', 'closed the old ferry terminal at Vessa Bay', 'announced the flood relief fund for the river towns'];
    const months = ['March', 'April', 'May'];
    const docs = Array.from({ length: 40 }, (_, k) => docFrom(`s${k + 1}`, Array.from({ length: 4 }, () =>
      `${actors[Math.floor(r() * actors.length)]!.replace(/^the/, 'The')} ${acts[Math.floor(r() * acts.length)]!} on ${months[Math.floor(r() * months.length)]!} ${1 + Math.floor(r() * 5)}, 2029.`).join('\n\n'), { date: '2029-06-06' }));
    const ctx = makeContext(docs, analyzeDocuments(docs));
    const rule = DISCREPANCY_RULES.find(([name]) => name === 'event-dates')![1];
    const expected = eventDateClashesAllPairs(ctx);
    expect(expected.length).toBeGreaterThan(5);
    expect(rule(ctx, new Set())).toEqual(expected);
  });
});

describe('quote groups through the rare-word index of their first quotes', () => {
  it('are the groups a scan of every group gives, with copies near the threshold', () => {
    let joined = 0;
    for (const seed of [1, 2, 3]) {
      const r = rng(200 + seed);
      const vocabulary = Array.from({ length: 80 }, () => word(r));
      const quotes: Array<{ k: number; words: Set<string> }> = [];
      for (let k = 0; k < 400; k++) {
        // A fresh quote, or an earlier one with some words swapped: alike, near alike and unlike pairs.
        const base = k > 5 && r() < 0.5 ? [...quotes[Math.floor(r() * quotes.length)]!.words] : Array.from({ length: 4 + Math.floor(r() * 10) }, () => vocabulary[Math.floor(r() * vocabulary.length)]!);
        quotes.push({ k, words: new Set(base.map((w) => (r() < 0.15 ? vocabulary[Math.floor(r() * vocabulary.length)]! : w))) });
      }
      const expected: Array<typeof quotes> = [];
      for (const q of quotes) {
        const home = expected.find((g) => similarity(g[0]!.words, q.words) >= SAME_QUOTE);
        if (home) home.push(q); else expected.push([q]);
      }
      expect(groupAlike(quotes).map((g) => g.map((q) => q.k))).toEqual(expected.map((g) => g.map((q) => q.k)));
      joined += quotes.length - expected.length;
    }
    expect(joined).toBeGreaterThan(150);
  });
});
