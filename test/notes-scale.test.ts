// Scale of the notes stage: timeline merging through its prefix-filtered, deduplicated index gives the groups
// the plain loop over every group gives; the shared-word bounds the prefix filters rest on hold for every pair
// the tests accept; event-date clashes through their prefix index are those of comparing every pair; a
// duplicate's repeated sentences, looked up among originals of the same numbers and of a size within the
// threshold, are the ones a scan of every original finds.
import { describe, expect, it } from 'vitest';
import { analyzeDocuments } from '../src/extract/analyze.ts';
import { contentWords, makeContext, sharedWords, similarity, spanWords } from '../src/extract/briefing/context.ts';
import { firstSameLine, mergeDuplicates, SAME_SENTENCE, type Line } from '../src/extract/briefing/duplicates.ts';
import { WordSet } from '../src/extract/briefing/word-set.ts';
import { clashNeeds, DISCREPANCY_RULES, minClashWords } from '../src/extract/briefing/discrepancies.ts';
import { MAX_POSTINGS, mergeEvents, minSharedWords, sameEvent, type AnchoredEvent } from '../src/extract/briefing/timeline.ts';
import type { SourceDoc } from '../src/notes/model.ts';
import { eventDateClashesAllPairs, mergeAllPairs, scanTwins } from './helpers/all-pairs.ts';
import { rng } from '../bench/scale/corpus.ts';
import { docFrom } from './helpers/docs.ts';
import { pick } from './helpers/random.ts';

const SYL = ['ka', 'lo', 'mer', 'tan', 'vi', 'sor', 'del', 'ru', 'ba', 'nes', 'hal', 'qui', 'dor', 'fen', 'pra', 'lum'];
const word = (r: () => number) => { let w = ''; for (let k = 0, n = 2 + Math.floor(r() * 2); k < n; k++) w += SYL[Math.floor(r() * SYL.length)]; return w; };


/**
 * Invented dated events where the index could go wrong: exact copies (same date, words and counts) from the
 * same source and from others, short reports inside long ones (only the contained test, across sources,
 * joins them), date words every event of a day shares, counts that differ, and three nesting granularities.
 */
function inventedEvents(seed: number, n: number): AnchoredEvent[] {
  const r = rng(seed);
  const vocabulary = Array.from({ length: 50 }, () => word(r));
  const dateWords = ['april', '2029', 'friday', 'may'];
  const dates = ['2029', '2029-04', '2029-05', '2029-04-15', '2029-04-16', '2029-05-02'];
  const events: AnchoredEvent[] = [];
  for (let k = 0; k < n; k++) {
    const roll = r();
    const earlier = events.length ? pick(r, events) : null;
    let words: Set<string>;
    let date = pick(r, dates);
    let figures = r() < 0.15 ? [`${pick(r, [12, 40])}  people killed`] : [];
    if (earlier && roll < 0.3) { words = new Set(earlier.words); date = earlier.date; figures = [...(earlier.figures ?? [])]; } // a copy
    else if (earlier && roll < 0.5) { words = new Set([...earlier.words].filter(() => r() < 0.35)); date = earlier.date; } // a short report of it
    else {
      words = new Set(Array.from({ length: 3 + Math.floor(r() * 18) }, () => pick(r, vocabulary)));
      for (const w of dateWords) if (r() < 0.4) words.add(w);
    }
    events.push({ date, doc: Math.floor(r() * 8), index: k, evidence: { source: 's1', start: k, end: k + 1, text: '' }, words, quality: 0, figures });
  }
  return events;
}

/** The event-date rule gives exactly the clashes comparing every pair finds on these sources; returns how many. */
function expectAllPairsClashes(docs: SourceDoc[]): number {
  const ctx = makeContext(docs, analyzeDocuments(docs));
  const rule = DISCREPANCY_RULES.find(([name]) => name === 'event-dates')![1];
  const expected = eventDateClashesAllPairs(ctx);
  expect(rule(ctx, new Set())).toEqual(expected);
  return expected.length;
}

describe('timeline merging through the prefix-filtered index', () => {
  it('gives the groups, in order and with their members in order, of comparing each event with every group', () => {
    let merges = 0;
    for (const seed of [1, 2, 3, 4, 5]) {
      // Below MAX_POSTINGS events in all, so no (date, word) list is cut: the index must be exact.
      const events = inventedEvents(300 + seed, Math.min(MAX_POSTINGS, 350));
      const expected = mergeAllPairs(events).map((g) => g.map((e) => e.index));
      expect(mergeEvents(events).map((g) => g.map((e) => e.index))).toEqual(expected);
      merges += events.length - expected.length;
    }
    expect(merges).toBeGreaterThan(500); // events did merge, so the equality means something
  });

  it('rests on a true bound: every pair sameEvent accepts shares at least minSharedWords of each one\'s words', () => {
    const events = inventedEvents(7, 400);
    let accepted = 0;
    let atBound = 0;
    for (let i = 0; i < events.length; i++) for (let j = i + 1; j < events.length; j++) {
      const [a, b] = [events[i]!, events[j]!];
      if (!sameEvent(a, b)) continue;
      accepted++;
      const shared = [...a.words].filter((w) => b.words.has(w)).length;
      expect(shared).toBeGreaterThanOrEqual(Math.max(minSharedWords(a.words.size), minSharedWords(b.words.size)));
      if (shared === Math.max(minSharedWords(a.words.size), minSharedWords(b.words.size))) atBound++;
    }
    expect(accepted).toBeGreaterThan(1000);
    expect(atBound).toBeGreaterThan(10); // pairs at the bound exist: a bound one higher would lose them
  });
});


describe('event-date clashes through the prefix-filtered (actor, word) index', () => {
  it('are the clashes comparing every pair finds, with reports near the word bound', () => {
    let clashes = 0;
    for (const seed of [41, 42, 43, 44, 45, 46]) {
      const r = rng(seed);
      const actors = ['Mayor Ilse Korven', 'Governor Ana Belmonte', 'Minister Tomas Orlen'];
      // Acts of invented words from a small vocabulary, long and short: many pairs just at and just under
      // the shared-word bound, where a prefix one word short would lose a clash.
      const vocabulary = Array.from({ length: 16 }, () => word(r));
      const acts = Array.from({ length: 10 }, () => `reportedly ${Array.from({ length: 2 + Math.floor(r() * 10) }, () => pick(r, vocabulary)).join(' ')}`);
      const months = ['March', 'April', 'May'];
      const docs = Array.from({ length: 25 }, (_, k) => docFrom(`s${k + 1}`, Array.from({ length: 4 }, () =>
        `${pick(r, actors)} ${pick(r, acts)} on ${pick(r, months)} ${1 + Math.floor(r() * 4)}, 2029.`).join('\n\n'), { date: '2029-06-06' }));
      clashes += expectAllPairsClashes(docs);
    }
    expect(clashes).toBeGreaterThan(10);
  });

  it('are found when a short report is all of a long one\'s last words in the order: the long one\'s prefix holds one shared word, its last', () => {
    // The short report's 6 words (a Jaccard of exactly 0.3 with the long one's 20) are shared; in the long one's
    // order its 14 words of its own come first (rarest), then the 4 shared ones, then the date words. Its prefix
    // (20 − 6 + 1 words) holds only the first shared word: one word shorter, the clash would be lost.
    const long = 'Mayor Ilse Korven resigned amid quarrels over harbour tollkeepers ferrymen bargemasters lockwardens ropemakers chandlers sailmakers caulkers shipwrights wharfingers netmenders on April 9, 2029.';
    const docs = [
      docFrom('s1', 'Mayor Ilse Korven resigned on April 2, 2029.', { date: '2029-06-06' }),
      docFrom('s2', long, { date: '2029-06-06' }),
    ];
    const ctx = makeContext(docs, analyzeDocuments(docs));
    const words = [...spanWords(ctx.docs[1]!, 0, long.length)];
    expect(words.length).toBe(20);
    expect(expectAllPairsClashes(docs)).toBe(1);
  });

  it('are the clashes comparing every pair finds when dates nest (years, months, days): lists of dates compatible with an event\'s are skipped whole', () => {
    let clashes = 0;
    for (const seed of [51, 52, 53, 54]) {
      const r = rng(seed);
      const actors = ['Mayor Ilse Korven', 'Governor Ana Belmonte', 'Minister Tomas Orlen'];
      const vocabulary = Array.from({ length: 14 }, () => word(r));
      const acts = Array.from({ length: 8 }, () => `reportedly ${Array.from({ length: 3 + Math.floor(r() * 8) }, () => pick(r, vocabulary)).join(' ')}`);
      // A year, a month of it, or a day of a month: same-day, nested and clashing dates in one folder.
      const when = () => pick(r, ['in 2029', 'in 2030', 'in March 2029', 'in April 2029', 'on March 2, 2029', 'on April 3, 2029', 'on April 4, 2029', 'on March 2, 2030']);
      const docs = Array.from({ length: 25 }, (_, k) => docFrom(`s${k + 1}`, Array.from({ length: 4 }, () =>
        `${pick(r, actors)} ${pick(r, acts)} ${when()}.`).join('\n\n'), { date: '2030-06-06' }));
      clashes += expectAllPairsClashes(docs);
    }
    expect(clashes).toBeGreaterThan(10);
  });

  it('filters candidates by the exact count a clash needs: clashNeeds(x, y) is the fewest shared words reaching 4 and a Jaccard of 0.3', () => {
    let exact = 0;
    for (let x = 1; x <= 60; x++) for (let y = 1; y <= 60; y++) {
      const least = Array.from({ length: Math.min(x, y) + 1 }, (_, inter) => inter).find((inter) => inter >= 4 && inter / (x + y - inter) >= 0.3);
      expect(clashNeeds(x, y)).toBe(least ?? Math.max(4, Math.ceil((3 * (x + y)) / 13 - 1e-9)));
      if (least !== undefined && least / (x + y - least) === 0.3) exact++;
    }
    expect(exact).toBeGreaterThan(20); // sizes where the Jaccard lands exactly on 0.3, the edge the bound must keep
  });

  it('rests on a true bound: clashing words sets share at least minClashWords of each one\'s words', () => {
    const r = rng(43);
    const vocabulary = Array.from({ length: 30 }, () => word(r));
    let checked = 0;
    for (let k = 0; k < 20000; k++) {
      const a = new Set(Array.from({ length: 4 + Math.floor(r() * 14) }, () => pick(r, vocabulary)));
      const b = new Set(Array.from({ length: 4 + Math.floor(r() * 14) }, () => pick(r, vocabulary)));
      if (sharedWords(a, b) < 4 || similarity(a, b) < 0.3) continue;
      checked++;
      const shared = [...a].filter((w) => b.has(w)).length;
      expect(shared).toBeGreaterThanOrEqual(Math.max(minClashWords(a.size), minClashWords(b.size)));
    }
    expect(checked).toBeGreaterThan(100);
  });
});


describe('the first original with the same words and numbers', () => {
  it('is, found by hash and compared, what a map keyed by numbers and words as one string gives, hashes colliding often', () => {
    const r = rng(81);
    const line = (): Line => {
      const words = new WordSet(Array.from({ length: Math.floor(r() * 4) }, () => `same${Math.floor(r() * 5)}`));
      const numbers = Math.floor(r() * 3);
      // A hash of two values only: lines of other words or numbers share it all the time.
      return { doc: 0, start: 0, end: 0, words, numbers, hash: (numbers + words.size) % 2 };
    };
    const keyOf = (l: Line) => `${l.numbers}\u0001${[...l.words.sortedIds()].join(' ')}`;
    let found = 0;
    for (let round = 0; round < 50; round++) {
      const originals = Array.from({ length: 40 }, line);
      const byKey = new Map<string, Line>();
      for (const o of originals) if (!byKey.has(keyOf(o))) byKey.set(keyOf(o), o);
      const first = firstSameLine(originals);
      for (const l of [...originals, ...Array.from({ length: 40 }, line)]) {
        expect(first(l)).toBe(byKey.get(keyOf(l)));
        if (first(l)) found++;
      }
    }
    expect(found).toBeGreaterThan(2000);
  });
});

describe('repeated sentences among originals of the same numbers and a near size', () => {
  it('pair each duplicate sentence with the original a scan of all of them finds, sentences cut short included', () => {
    const r = rng(51);
    const vocabulary = Array.from({ length: 400 }, () => word(r));
    const sentence = () => {
      const words = Array.from({ length: 5 + Math.floor(r() * 11) }, () => pick(r, vocabulary));
      if (r() < 0.3) words.splice(2, 0, String(10 + Math.floor(r() * 3)));
      return `${words[0]![0]!.toUpperCase()}${words.join(' ').slice(1)}.`;
    };
    const pool = Array.from({ length: 60 }, sentence);
    const docs: SourceDoc[] = Array.from({ length: 40 }, (_, k) => docFrom(`s${k + 1}`, Array.from({ length: 8 }, () => {
      const s = pick(r, pool);
      // Copies cut short by one to four words, so pairs fall on both sides of the size bound.
      if (r() < 0.6) return `${s.slice(0, -1).split(' ').slice(0, -(1 + Math.floor(r() * 4))).join(' ')}.`;
      return s;
    }).join(' '), { flags: k % 3 === 2 ? ['duplicate'] : [] }));
    const analyses = analyzeDocuments(docs);
    const got = [...mergeDuplicates(docs, analyses).twins].flatMap(([key, list]) => list.map((e) => `${e.source}:${e.start}->${key}`)).sort();
    const expected = scanTwins(docs, analyses).sort();
    expect(expected.length).toBeGreaterThan(40);
    expect(got).toEqual(expected);
  });

  it('pair each duplicate sentence with the most alike original, the first of equals, among many near copies (the search raises its threshold as it goes)', () => {
    let twins = 0;
    let beaten = 0;
    let tied = 0;
    for (const seed of [61, 62, 63]) {
      const r = rng(seed);
      const vocabulary = Array.from({ length: 200 }, () => word(r));
      // Few base sentences, each carried by many sources with a word or two changed, dropped or added: one
      // duplicate sentence has many originals at 0.6 or more, of several scores, and equal scores at several places.
      const bases = Array.from({ length: 12 }, () => Array.from({ length: 6 + Math.floor(r() * 12) }, () => pick(r, vocabulary)));
      const variant = (base: string[]) => {
        const words = [...base];
        for (let k = Math.floor(r() * 3); k > 0; k--) {
          const roll = r();
          const at = Math.floor(r() * words.length);
          if (roll < 0.4) words[at] = pick(r, vocabulary);
          else if (roll < 0.7 && words.length > 4) words.splice(at, 1);
          else words.splice(at, 0, pick(r, vocabulary));
        }
        if (r() < 0.2) words.splice(1, 0, String(10 + Math.floor(r() * 2)));
        return `${words[0]![0]!.toUpperCase()}${words.join(' ').slice(1)}.`;
      };
      const docs: SourceDoc[] = Array.from({ length: 60 }, (_, k) => docFrom(`s${k + 1}`, Array.from({ length: 6 }, () => variant(pick(r, bases))).join(' '),
        { flags: k % 4 === 3 ? ['duplicate'] : [] }));
      const analyses = analyzeDocuments(docs);
      const got = [...mergeDuplicates(docs, analyses).twins].flatMap(([key, list]) => list.map((e) => `${e.source}:${e.start}->${key}`)).sort();
      const expected = scanTwins(docs, analyses).sort();
      expect(got).toEqual(expected);
      twins += expected.length;
      // How often the answer was not the first original over the threshold (a better one came later), and how
      // often another original scored as high later on (the first of equals had to be kept).
      const stats = rankedTwins(docs, analyses);
      beaten += stats.beaten;
      tied += stats.tied;
    }
    expect(twins).toBeGreaterThan(150);
    expect(beaten).toBeGreaterThan(20);
    expect(tied).toBeGreaterThan(20);
  });

  it('pair duplicate sentences holding words no original has (first in the word order, in no list) with the original the scan finds', () => {
    // The index ranks only the originals' words; a duplicate's other words come before them in the order, so they
    // move where its rare words stand (and so the bounds on what is left) without being looked up.
    let twins = 0;
    let withUnseen = 0;
    for (const seed of [71, 72]) {
      const r = rng(seed);
      const vocabulary = Array.from({ length: 150 }, () => word(r));
      const bases = Array.from({ length: 15 }, () => Array.from({ length: 5 + Math.floor(r() * 14) }, () => pick(r, vocabulary)));
      const sentence = (duplicate: boolean) => {
        const words = [...pick(r, bases)];
        if (r() < 0.5) words.splice(Math.floor(r() * words.length), 1);
        // Words of the duplicates only: zz-words no original carries, one to three of them.
        if (duplicate && r() < 0.8) for (let k = 1 + Math.floor(r() * 3); k > 0; k--) words.splice(Math.floor(r() * words.length), 0, `zz${word(r)}`);
        if (r() < 0.15) words.splice(1, 0, String(10 + Math.floor(r() * 2)));
        return `${words[0]![0]!.toUpperCase()}${words.join(' ').slice(1)}.`;
      };
      const docs: SourceDoc[] = Array.from({ length: 50 }, (_, k) => {
        const duplicate = k % 3 === 1;
        return docFrom(`s${k + 1}`, Array.from({ length: 6 }, () => sentence(duplicate)).join(' '), { flags: duplicate ? ['duplicate'] : [] });
      });
      const analyses = analyzeDocuments(docs);
      const got = [...mergeDuplicates(docs, analyses).twins].flatMap(([key, list]) => list.map((e) => `${e.source}:${e.start}->${key}`)).sort();
      const expected = scanTwins(docs, analyses).sort();
      expect(got).toEqual(expected);
      twins += expected.length;
      // Twins whose duplicate sentence (`sN:start->…`, up to its full stop) holds a zz-word.
      const holdsUnseen = (twin: string) => {
        const [, n, at] = /^s(\d+):(\d+)/.exec(twin)!;
        const text = docs[Number(n) - 1]!.text;
        return /zz/.test(text.slice(Number(at), text.indexOf('.', Number(at))));
      };
      withUnseen += expected.filter(holdsUnseen).length;
    }
    expect(twins).toBeGreaterThan(60);
    expect(withUnseen).toBeGreaterThan(30);
  });
});

/** Over every duplicate sentence with a twin: whether an earlier original passed the threshold with a lower score
 * (`beaten`), and whether a later original scored as high as the one taken (`tied`). */
function rankedTwins(docs: SourceDoc[], analyses: ReturnType<typeof analyzeDocuments>): { beaten: number; tied: number } {
  const numbers = (t: string) => [...new Set(t.match(/\d[\d,.]*/g) ?? [])].sort().join(' ');
  const lines = (d: number) => analyses[d]!.sentences.map(([s, e]) => { const text = docs[d]!.text.slice(s, e); return { words: contentWords(text), n: numbers(text) }; });
  const originals = docs.flatMap((doc, d) => (doc.flags.includes('duplicate') ? [] : lines(d)));
  let beaten = 0;
  let tied = 0;
  docs.forEach((doc, d) => {
    if (!doc.flags.includes('duplicate')) return;
    for (const l of lines(d)) {
      if (l.words.size < 3) continue;
      const scores = originals.map((o) => (o.n === l.n ? similarity(o.words, l.words) : 0));
      const best = Math.max(...scores);
      if (best < SAME_SENTENCE) continue;
      const first = scores.findIndex((x) => x >= SAME_SENTENCE);
      if (scores[first]! < best) beaten++;
      if (scores.filter((x) => x === best).length > 1) tied++;
    }
  });
  return { beaten, tied };
}
