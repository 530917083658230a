// Inferred document dates at scale: the anchors a phrase is compared with come from a prefix-filtered word
// index (document-dates.ts AnchorIndex). It must never miss an anchor that sameEvent accepts, so the dates
// inferred are those the scan of every anchor gives (test/helpers/all-pairs.ts). Invented words and names.
import { describe, expect, it } from 'vitest';
import { AnchorIndex, AnchorWords, dateClues, inferDocumentDates, sameEvent, wordMatches, type DocumentDateInput } from '../src/extract/rules/document-dates.ts';
import type { Span } from '../src/extract/rules/sentences.ts';
import { rng } from '../bench/scale/corpus.ts';
import { allAnchors, inferDatesByScan } from './helpers/all-pairs.ts';

const SYL = ['ka', 'lo', 'mer', 'tan', 'vi', 'sor', 'del', 'ru', 'ba', 'nes', 'hal', 'qui', 'dor', 'fen'];
/** A vocabulary whose words are drawn Zipf-like (a few very common ones, as in news), so prefixes matter. */
function vocabulary(r: () => number, n: number): () => string {
  const words = new Set<string>();
  while (words.size < n) words.add(Array.from({ length: 2 + Math.floor(r() * 3) }, () => SYL[Math.floor(r() * SYL.length)]).join(''));
  const list = [...words];
  return () => list[Math.floor(list.length * r() ** 3)]!;
}

describe('the anchor index finds every anchor sameEvent accepts', () => {
  it('on random word and entity sets of every size', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const r = rng(seed);
      const pick = vocabulary(r, 40 + Math.floor(r() * 200));
      const set = (n: number) => new Set(Array.from({ length: n }, pick));
      const ents = () => new Set(Array.from({ length: Math.floor(r() * 3) }, () => `e${Math.floor(r() * 5)}`));
      const base = Array.from({ length: 10 }, () => set(1 + Math.floor(r() * 15)));
      // Many sets are edits of a few, so that overlaps near each threshold are common.
      const made = () => {
        if (r() < 0.5) return set(1 + Math.floor(r() * 20));
        const out = new Set([...base[Math.floor(r() * base.length)]!].filter(() => r() < 0.8));
        for (let k = Math.floor(r() * 4); k > 0; k--) out.add(pick());
        return out;
      };
      const anchors = Array.from({ length: 300 }, () => ({ words: made(), entities: ents() }));
      const index = new AnchorIndex(anchors);
      let accepted = 0;
      for (let q = 0; q < 200; q++) {
        const here = { words: made(), entities: ents() };
        const near = index.near(here.words);
        expect(near).toEqual([...new Set(near)].sort((x, y) => x - y));
        const found = new Set(near);
        anchors.forEach((a, i) => { if (sameEvent(here, a) > 0) { accepted++; expect(found.has(i)).toBe(true); } });
      }
      expect(accepted).toBeGreaterThan(0);
    }
  });
});

const NAMES = ['Arlo Venn', 'Mira Castel', 'the Dorn Council', 'Port Hallow', 'Ivo Brask', 'Kessa Lund'];
const DAY = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Documents telling a few invented events: dated ones give the day, undated ones a weekday, "yesterday" or "last month". */
function corpus(seed: number): DocumentDateInput[] {
  const r = rng(seed);
  const pick = vocabulary(r, 60);
  const events = Array.from({ length: 6 }, () => ({
    words: Array.from({ length: 5 + Math.floor(r() * 8) }, pick),
    who: NAMES[Math.floor(r() * NAMES.length)]!,
    day: new Date(Date.UTC(2024, Math.floor(r() * 12), 1 + Math.floor(r() * 27))),
  }));
  const docs: DocumentDateInput[] = [];
  for (let n = 0; n < 40; n++) {
    const dated = r() < 0.6;
    let text = '';
    const sentences: Span[] = [];
    const entities: Array<{ id: string; start: number; end: number }> = [];
    for (let s = 0, count = 1 + Math.floor(r() * 4); s < count; s++) {
      const e = events[Math.floor(r() * events.length)]!;
      // Half the reports share few enough words with the event's other reports that their entities decide.
      const keep = r() < 0.5 ? 0.8 : 0.45;
      const words = e.words.filter(() => r() < keep).concat(r() < 0.5 ? [pick()] : [], keep < 0.8 ? [pick(), pick()] : []);
      const day = r() < 0.1 ? new Date(e.day.getTime() + 86_400_000) : e.day; // now and then a source disagrees
      // Now and then an event dated to its month only: an anchor for "last month", not for a day phrase.
      const when = dated
        ? (r() < 0.3 ? `in ${MONTHS[day.getUTCMonth()]} 2024` : `on ${MONTHS[day.getUTCMonth()]} ${day.getUTCDate()}, 2024`)
        : ['on ' + DAY[day.getUTCDay()], 'yesterday', 'this week', 'last month', 'on ' + DAY[(day.getUTCDay() + 1) % 7]][Math.floor(r() * 5)]!;
      const start = text.length;
      const named = r() < 0.7;
      if (named) entities.push({ id: e.who, start, end: start + e.who.length });
      text += `${named ? e.who : 'They'} ${words.join(' ')} ${when}. `;
      sentences.push([start, text.length - 1]);
    }
    docs.push({ id: `s${n + 1}`, text, sentences, entities, meta: { title: null, date: dated ? '2024-12-31' : null, dateSource: dated ? 'explicit' : 'unknown', dateEvidence: null, outlet: null, author: null, url: null } });
  }
  return docs;
}

describe("anchors' words as numbers", () => {
  it("give each anchor's Jaccard with a set marked, as counted word by word", () => {
    const r = rng(5);
    let shared = 0;
    for (let t = 0; t < 50; t++) {
      const draw = () => new Set(Array.from({ length: Math.floor(r() * 12) }, () => `w${Math.floor(r() * 25)}`));
      const anchors = Array.from({ length: 30 }, () => ({ words: draw() }));
      const words = new AnchorWords(anchors);
      for (let q = 0; q < 10; q++) {
        const set = draw();
        words.mark(set);
        anchors.forEach((a, i) => {
          const inter = [...a.words].filter((x) => set.has(x)).length;
          expect(words.jaccard(i, set.size)).toBe(a.words.size && set.size ? inter / (a.words.size + set.size - inter) : 0);
          if (inter > 0) shared++;
        });
      }
    }
    expect(shared).toBeGreaterThan(3000);
  });
});

describe('the word matches of inferred dates', () => {
  it('list, for each phrase, exactly the anchors of its granularity that sameEvent can accept with some entities', () => {
    let listed = 0;
    let months = 0;
    for (let seed = 1; seed <= 30; seed++) {
      const docs = corpus(seed);
      const clues = docs.map((d) => dateClues(d));
      const anchors = clues.flatMap((c) => c.anchors);
      months += anchors.filter((a) => a.month).length;
      const matches = wordMatches(docs, clues);
      docs.forEach((d, k) => {
        if (d.meta.date !== null) { expect(matches[k]).toEqual([]); return; }
        clues[k]!.phrases.forEach((m, p) => {
          // The plain scan: every anchor, scored by sameEvent as if the two shared every entity there is.
          const all = new Set(['x', 'y']);
          const expected = anchors.flatMap((a, i) => {
            if (!m.byMonth && a.month) return [];
            const score = sameEvent({ words: new Set(m.words), entities: all }, { words: new Set(a.words), entities: all });
            return score > 0 ? [[i, score]] : [];
          });
          expect(matches[k]![p]).toEqual(expected);
          listed += expected.length;
        });
      });
    }
    expect(listed).toBeGreaterThan(50);
    expect(months).toBeGreaterThan(5);
  });
});

describe('inferred document dates through the index', () => {
  it('are the dates the scan of every anchor gives', () => {
    let inferred = 0;
    for (let seed = 1; seed <= 30; seed++) {
      const docs = corpus(seed);
      const indexed = inferDocumentDates(docs);
      expect(indexed).toEqual(inferDocumentDates(docs, allAnchors));
      // The word matches found before the entities (as the worker-thread path finds them) give the same dates.
      const clues = docs.map((d) => dateClues(d));
      expect(inferDocumentDates(docs, undefined, clues, wordMatches(docs, clues))).toEqual(indexed);
      // …and the dates the plain scan gives, each anchor with its words and entities (sameEvent on every pair).
      expect(indexed.map(({ doc, date }) => ({ doc, date }))).toEqual(inferDatesByScan(docs));
      inferred += indexed.length;
    }
    expect(inferred).toBeGreaterThan(10);
  });
});
