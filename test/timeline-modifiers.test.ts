// A date inside a modifier of a noun ("the offensive, launched in April,") dates that noun's event, not the
// sentence's main clause: the timeline must not place the main clause on it (invented reports).
import { describe, expect, it } from 'vitest';
import { analyzeDocuments } from '../src/extract/analyze.ts';
import { buildNotes } from '../src/extract/briefing/build.ts';
import type { BriefingNotes, SourceDoc } from '../src/notes/model.ts';
import { docFrom } from './helpers/docs.ts';

const build = (set: SourceDoc[]): BriefingNotes => buildNotes(set, analyzeDocuments(set), { inputs: ['t'] });
const timelineOf = (text: string) => build([docFrom('s1', text, { date: '2031-06-12' })]).timeline.map((e) => `${e.date} ${e.text}`);

describe('a date in a modifier of a noun', () => {
  it('does not date the main clause: a participle between commas', () => {
    const t = timelineOf('The dockers\' strike at Port Ardel, launched in March, spreads to two more terminals as talks with the port authority stall.\n\nUnion leaders met on Monday.');
    expect(t.some((x) => x.includes('spreads to two more terminals'))).toBe(false);
  });

  it('does not date the main clause: a participle opening the sentence', () => {
    const t = timelineOf('Signed on May 3 by both unions, the wage deal now faces a legal challenge from the port authority in Ardel.');
    expect(t).toEqual([]);
  });

  it('does not date the main clause: a relative clause between commas', () => {
    const t = timelineOf('The recall of the Belvo kettles, which began in April, has reached more than 40,000 homes across the northern provinces.');
    expect(t).toEqual([]);
  });

  it('keeps the main clause\'s own date when the sentence has one too', () => {
    const t = timelineOf('The wage deal, signed on May 3, was thrown out by the Ardel labour court on June 10 after a complaint by the port authority.');
    expect(t).toEqual(['2031-06-10 The wage deal, signed on May 3, was thrown out by the Ardel labour court on June 10 after a complaint by the port authority.']);
  });

  it('still dates a main clause that follows an aside ("The army, backed by …, attacked on Monday")', () => {
    const t = timelineOf('The river police, backed by volunteers from the northern villages, arrived on Monday, officials in Ardel said.');
    expect(t.map((x) => x.slice(0, 10))).toEqual(['2031-06-09']);
  });

  it('does not date the main clause: a restrictive passive relative clause, no commas', () => {
    const t = timelineOf('The dispute is mostly between the port board that was elected unanimously in 2029 and the dockers who run the cranes.');
    expect(t).toEqual([]);
  });

  it('keeps a main clause that is itself passive ("The board was elected in 2029")', () => {
    const t = timelineOf('The new port board was elected unanimously in 2029 after a long dispute with the dockers of Ardel.');
    expect(t.map((x) => x.slice(0, 4))).toEqual(['2029']);
  });
});

describe('a date the sentence rules out', () => {
  it('does not date the event: "around 2034, and not 2033 as hoped"', () => {
    const t = timelineOf('Delivery of the Ardel ferries is now expected around 2034, and not 2033 as the port board had hoped.');
    expect(t.map((x) => x.slice(0, 4))).toEqual(['2034']);
  });

  it('keeps "not until" and "not before": they say when', () => {
    const t = timelineOf('The Ardel bridge will not reopen until 2033, the port board said.');
    expect(t.map((x) => x.slice(0, 4))).toEqual(['2033']);
  });
});

describe('a sentence whose only date is ruled out', () => {
  it('is no event', () => {
    expect(timelineOf('The Ardel ferry merger went ahead after all, though not in 2033 as the port board had planned.')).toEqual([]);
  });
});
