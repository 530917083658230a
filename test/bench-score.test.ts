// Unit tests for the evaluation scorers (bench/eval): matching rules on hand-made cases.

import { describe, expect, it } from 'vitest';
import { maximumMatching, prf } from '../bench/eval/match.ts';
import { entityScores, matchEntities, matchQuotes, quoteScores, shingleCounts, shingles, speakerAccuracy, speakerNameVerdict, wordTokens, type TypedSpan } from '../bench/eval/score.ts';

const ent = (start: number, end: number, type: TypedSpan['type'] = 'PERSON'): TypedSpan => ({ start, end, type, text: '' });

describe('entity matching', () => {
  it('scores a perfect prediction 1', () => {
    const gold = [ent(0, 5), ent(10, 15, 'ORG'), ent(20, 25, 'PLACE')];
    const s = entityScores([matchEntities(gold, gold)]);
    expect(s.ALL).toMatchObject({ tp: 3, fp: 0, fn: 0, f1: 1 });
    expect(s.PLACE.f1).toBe(1);
  });

  it('scores an empty prediction 0 and nothing-vs-nothing 1', () => {
    expect(entityScores([matchEntities([ent(0, 5)], [])]).ALL).toMatchObject({ tp: 0, fn: 1, f1: 0 });
    expect(entityScores([matchEntities([], [])]).ALL.f1).toBe(1);
  });

  it('matches on partial overlap but not on touching spans', () => {
    const m = matchEntities([ent(10, 20)], [ent(18, 30), ent(20, 25)]);
    expect(m.matched).toHaveLength(1);
    expect(m.matched[0]!.pred.start).toBe(18);
    expect(m.falsePositives.map((p) => p.start)).toEqual([20]);
  });

  it('does not count one gold twice for two overlapping predictions', () => {
    const s = entityScores([matchEntities([ent(0, 20)], [ent(0, 5), ent(6, 20)])]);
    expect(s.ALL).toMatchObject({ tp: 1, fp: 1, fn: 0 });
  });

  it('does not let one prediction match two gold mentions', () => {
    const s = entityScores([matchEntities([ent(0, 5), ent(6, 10)], [ent(0, 10)])]);
    expect(s.ALL).toMatchObject({ tp: 1, fp: 0, fn: 1 });
  });

  it('finds the maximum matching when nested gold compete (greedy would lose one)', () => {
    // Gold "Long Beach, California" [0,22) and "California" [12,22). The first prediction overlaps the outer
    // gold most, so a greedy pass would give it the outer one and leave the second prediction, which only
    // overlaps the outer gold, unmatched.
    const gold = [ent(0, 22, 'PLACE'), ent(12, 22, 'PLACE')];
    const pred = [ent(5, 22, 'PLACE'), ent(0, 10, 'PLACE')];
    const m = matchEntities(gold, pred);
    expect(m.matched).toHaveLength(2);
    expect(m.falsePositives).toHaveLength(0);
  });

  it('requires the types to agree', () => {
    const m = matchEntities([ent(0, 5, 'ORG')], [ent(0, 5, 'PERSON')]);
    expect(m.matched).toHaveLength(0);
    const s = entityScores([m]);
    expect(s.ORG).toMatchObject({ fn: 1, fp: 0 });
    expect(s.PERSON).toMatchObject({ fp: 1, fn: 0 });
    expect(s.ALL).toMatchObject({ tp: 0, fp: 1, fn: 1 });
  });

  it('ignores unmatched predictions over untyped names, but still scores matches there', () => {
    const m = matchEntities([ent(0, 5)], [ent(0, 5), ent(10, 15)], [{ start: 8, end: 20 }]);
    expect(m.matched).toHaveLength(1);
    expect(m.ignored).toHaveLength(1);
    expect(m.falsePositives).toHaveLength(0);
  });
});

describe('maximumMatching and prf', () => {
  it('augments paths', () => {
    // p0 can take g0 or g1, p1 only g0: both must be matched.
    expect(maximumMatching(2, 2, (p) => (p === 0 ? [0, 1] : [0]))).toEqual([1, 0]);
  });
  it('computes P/R/F1', () => {
    expect(prf(2, 2, 0)).toMatchObject({ precision: 0.5, recall: 1 });
    expect(prf(2, 2, 0).f1).toBeCloseTo(2 / 3);
    expect(prf(0, 3, 0)).toMatchObject({ precision: 0, recall: 0, f1: 0 });
  });
});

describe('quote matching', () => {
  const gq = (start: number, end: number, source: [number, number] | null = [0, 5], fragments = [{ start, end }]) => ({
    start, end, fragments, source: source && { start: source[0], end: source[1] }, sourceText: source ? 'Smith' : null,
  });
  const pq = (start: number, end: number, speaker: [number, number] | null = [0, 5]) => ({
    start, end, speakerStart: speaker?.[0] ?? null, speakerEnd: speaker?.[1] ?? null,
  });

  it('matches when at least half of the gold is covered, and not below', () => {
    // Gold includes its quotation marks (100..200); the prediction excludes them.
    expect(matchQuotes([gq(100, 200)], [pq(101, 199)]).matched).toHaveLength(1);
    expect(matchQuotes([gq(100, 200)], [pq(100, 150)]).matched).toHaveLength(1);
    expect(matchQuotes([gq(100, 200)], [pq(100, 149)]).matched).toHaveLength(0);
  });

  it('counts a gold once when two predictions cover it', () => {
    const s = quoteScores([matchQuotes([gq(100, 200)], [pq(100, 180), pq(110, 200)])]);
    expect(s).toMatchObject({ tp: 1, fp: 1, fn: 0 });
  });

  it('measures coverage over fragments of a discontinuous gold', () => {
    const g = gq(100, 300, [0, 5], [{ start: 100, end: 150 }, { start: 250, end: 300 }]);
    // Covers 50 of 100 gold characters (the gap does not count).
    expect(matchQuotes([g], [pq(100, 150)]).matched).toHaveLength(1);
    expect(matchQuotes([g], [pq(100, 140)]).matched).toHaveLength(0);
  });

  it('judges speakers by overlap with the Source span and skips gold without one', () => {
    const gold = [gq(100, 200, [10, 15]), gq(300, 400, [10, 15]), gq(500, 600, [10, 15]), gq(700, 800, null)];
    const pred = [pq(100, 200, [12, 20]), pq(300, 400, [20, 25]), pq(500, 600, null), pq(700, 800, [1, 2])];
    const m = matchQuotes(gold, pred);
    expect(m.matched.map((x) => x.speaker)).toEqual(['right', 'wrong', 'wrong', 'no-gold-source']);
    expect(speakerAccuracy([m])).toMatchObject({ right: 1, total: 3 });
  });
});

describe('cleaning shingles', () => {
  it('lower-cases word tokens and keeps inner apostrophes', () => {
    expect(wordTokens("Don't STOP—now, 2016!")).toEqual(["don't", 'stop', 'now', '2016']);
  });

  it('scores identical text 1 and disjoint text 0', () => {
    const text = 'the quick brown fox jumps over the lazy dog';
    expect(prfOf(shingleCounts(text, text)).f1).toBe(1);
    expect(prfOf(shingleCounts('alpha beta gamma delta', text)).f1).toBe(0);
  });

  it('counts shingles as a multiset: a duplicated paragraph costs precision', () => {
    const para = 'one two three four five';
    const c = shingleCounts(`${para} ${para}`, para);
    // gold: 2 shingles; predicted: 7 shingles of which 2 match.
    expect(c).toEqual({ tp: 2, fp: 5, fn: 0 });
  });

  it('keeps a short text as one shingle', () => {
    expect([...shingles('Read more').keys()]).toEqual(['read more']);
    expect(shingles('').size).toBe(0);
  });
});

describe('speaker name verdict', () => {
  const named = (speakerName: string) => ({ speakerName, speakerForm: 'named' });
  it('wants a named Source named by its head word, past titles, brackets and appositives', () => {
    expect(speakerNameVerdict('Caddell', named('Pat Caddell'))).toBe('right');
    expect(speakerNameVerdict('Rep. Jim Jordan (R-Ohio)', named('Jim Jordan'))).toBe('right');
    expect(speakerNameVerdict('Kenneth Baer, a former official', named('Kenneth Baer'))).toBe('right');
    expect(speakerNameVerdict('Trump lawyer Marc Kasowitz', named('Donald Trump'))).toBe('wrong');
    expect(speakerNameVerdict('White House chief of staff Reince Priebus', named('Reince Priebus'))).toBe('right');
    expect(speakerNameVerdict('Caddell', { speakerName: 'a pollster', speakerForm: 'unnamed' })).toBe('wrong');
  });
  it('wants a description not resolved to a name it only contains, save a spokesperson\'s organisation', () => {
    expect(speakerNameVerdict("Obama's former campaign strategist", named('Barack Obama'))).toBe('wrong');
    expect(speakerNameVerdict('one U.S. crew chief', { speakerName: 'one U.S. crew chief', speakerForm: 'unnamed' })).toBe('right');
    expect(speakerNameVerdict('a White House spokesman', named('White House'))).toBe('right');
    expect(speakerNameVerdict('the wife of Clinton', named('Clinton'))).toBe('wrong');
  });
  it('leaves pronouns and descriptions resolved by coreference unscored', () => {
    expect(speakerNameVerdict('he', named('Pat Caddell'))).toBeNull();
    expect(speakerNameVerdict('the president', named('Barack Obama'))).toBeNull();
  });
});

const prfOf = (c: { tp: number; fp: number; fn: number }) => prf(c.tp, c.fp, c.fn);
