// The date expressions of a text are found once and resolved against each date they need (dates.ts
// findDateCandidates + resolveDates): by the document-dates rule against the stated date, and by the dates
// rule against the stated or inferred one. The results must be those of `findDates` run afresh each time,
// the simple version. Random documents of invented events, explicitly dated or undated, many of them sharing
// an event so that dates get inferred.
import { describe, expect, it } from 'vitest';
import { analyzeDocuments } from '../src/extract/analyze.ts';
import { findDateCandidates, findDates, resolveDates } from '../src/extract/rules/dates.ts';
import { rng } from '../bench/scale/corpus.ts';
import { docFrom } from './helpers/docs.ts';
import { pick } from './helpers/random.ts';

const ACTORS = ['Velna Corp', 'Mira Olsen', 'the Harlow council', 'Tavik Rail', 'Senator Oren Dask', 'Kessa Mining'];
const EVENTS = ['opened the Harlow bridge', 'signed the Dornia accord', 'closed the Brenn plant', 'announced a merger with Qualt',
  'won the Sorrel tender', 'recalled the K-9 drills'];
const WHEN = ['on March 3, 2021', 'in May', 'yesterday', 'last week', 'two days ago', 'on Friday', 'a year earlier', 'earlier this month',
  'on Tuesday, June 8', 'last month', 'in 2019', 'this morning', 'three weeks later', 'on Jan. 12', 'the next day', 'today', 'at 10 p.m. Wednesday'];
const FILLER = ['Officials declined to comment.', 'Shares rose 3% in early trading.', 'The talks lasted hours.', 'Critics called it rushed.'];

const isoDay = (r: () => number) => `20${20 + Math.floor(r() * 5)}-0${1 + Math.floor(r() * 9)}-${String(1 + Math.floor(r() * 28)).padStart(2, '0')}`;

function sentence(r: () => number): string {
  return r() < 0.25 ? pick(r, FILLER) : `${pick(r, ACTORS)} ${pick(r, EVENTS)} ${pick(r, WHEN)}.`;
}

function corpus(seed: number) {
  const r = rng(seed);
  return Array.from({ length: 6 + Math.floor(r() * 10) }, (_, k) => {
    const text = Array.from({ length: 2 + Math.floor(r() * 8) }, () => sentence(r)).join(' ');
    return docFrom(`s${k + 1}`, text, { date: r() < 0.5 ? isoDay(r) : null });
  });
}

describe('date expressions found once, resolved per date', () => {
  it('resolve to what findDates gives afresh, for any document date, in any order', () => {
    for (let seed = 1; seed <= 30; seed++) {
      const r = rng(seed);
      const text = Array.from({ length: 12 }, () => sentence(r)).join(' ');
      const candidates = findDateCandidates(text);
      expect(candidates.length).toBeGreaterThan(0);
      for (const date of [isoDay(r), null, isoDay(r).slice(0, 7), isoDay(r)]) {
        expect(resolveDates(text, candidates, date)).toEqual(findDates(text, date));
      }
    }
  });

  it('give analyzeDocuments the dates findDates gives for each source against its final (stated or inferred) date', () => {
    let inferred = 0;
    let undated = 0;
    for (let seed = 1; seed <= 25; seed++) {
      const docs = corpus(seed);
      const analyses = analyzeDocuments(docs);
      analyses.forEach((a, k) => {
        expect(a.dates).toEqual(findDates(docs[k]!.text, a.meta.date));
        if (a.meta.dateSource === 'inferred') inferred++;
        if (a.meta.date === null) undated++;
      });
    }
    // Both kinds of source the shortcut must get right occur: dated by inference, and left undated.
    expect(inferred).toBeGreaterThan(0);
    expect(undated).toBeGreaterThan(0);
  });
});
