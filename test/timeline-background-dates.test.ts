// Dates a sentence names that are not its event's (background-dates.ts): a point it compares with ("the first
// time … since Jan. 13"), the start of a state told in a side clause, and the date of a background thing a noun
// phrase names ("prosecuted … over the 2008 collapse"). The timeline must not place the sentence on them, and
// must keep the sentences that are about that date (invented reports).
import { describe, expect, it } from 'vitest';
import { analyzeDocuments } from '../src/extract/analyze.ts';
import { backgroundAttribute, comparisonPoint, sinceInSideClause } from '../src/extract/briefing/background-dates.ts';
import { buildNotes } from '../src/extract/briefing/build.ts';
import type { SourceDoc } from '../src/notes/model.ts';
import { docFrom } from './helpers/docs.ts';

const timelineOf = (text: string, date: string | null = '2031-06-12') => {
  const set: SourceDoc[] = [docFrom('s1', text, { date })];
  return buildNotes(set, analyzeDocuments(set), { inputs: ['t'] }).timeline.map((e) => `${e.date} ${e.text}`);
};

/** The mention of `date` in `sentence`, as the rules see it (the sentence is the whole text). */
const mention = (sentence: string, date: string) => {
  const start = sentence.indexOf(date);
  return { start, end: start + date.length, text: date, value: '2029' };
};
const compared = (s: string, d: string) => comparisonPoint(s, 0, s.length, mention(s, d));
const background = (s: string, d: string, published: string | null = '2031-06-12') => backgroundAttribute(s, 0, s.length, mention(s, d), published);

describe('a comparison point', () => {
  it('does not date the sentence: "the first time … since"', () => {
    expect(timelineOf('It was the first time that the Velna inspectors had been allowed into the dockyard since Jan. 13.')).toEqual([]);
  });

  it('does not date the sentence: a superlative, a change or a level "last seen in"', () => {
    expect(timelineOf('The Ardel index closed at its highest level since March 2029 after a week of heavy buying.')).toEqual([]);
    expect(timelineOf('Since Tuesday, shares of the Ardel shipyard have gained nearly 4% on hopes of a rescue.')).toEqual([]);
    expect(timelineOf('Grain prices in the northern provinces fell to levels last seen in 2027, traders in Ardel said.')).toEqual([]);
    expect(timelineOf('The port board pledged to cut harbour emissions 40 percent from 2025 levels within a decade.')).toEqual([]);
  });

  it('does not date the sentence: a figure set against the same one a year earlier', () => {
    expect(timelineOf('Separately, Velna Foods posted a third-quarter net loss of $2.3 million, or 68 cents a share, versus net income of $5.3 million, or $1.61 a share, a year earlier.')).toEqual([]);
    expect(timelineOf('In this year\'s third quarter, net was $10.5 million, or $1.05 a share, compared with $10.3 million a year earlier.')).toEqual([]);
    expect(timelineOf('Ardel Tankers said it has 13 ships in service, up from seven a year ago.')).toEqual([]);
    expect(timelineOf('Vehicle production at the Ardel plant fell 8.4% from a year ago, which hurt the supplier\'s earnings.')).toEqual([]);
    expect(timelineOf('Average wages in the port rose again, leaving them 3.8 percent higher than a year earlier.')).toEqual([]);
    expect(timelineOf('The ferry operator said net rose to $108.8 million, or $1.35 a share, from $90.5 million, or $1.12 a share, a year ago.')).toEqual([]);
    expect(compared('The Ardel index closed down 4.5% from the previous Friday.', 'Friday')).toBe(true);
    expect(compared('These results compare with net income of $1.8 million for the same period in 2029.', '2029')).toBe(true);
    expect(compared('Output at the Ardel yards fell sharply from a year earlier.', 'a year earlier')).toBe(true);
  });

  it('keeps a "from" that measures no change from the date (unit)', () => {
    expect(compared('The firm blamed the decrease on leaving its northern sales out from the 2029 figures.', '2029')).toBe(false);
    expect(compared('Prices rose after the firm moved its offices from Velna in 2029.', '2029')).toBe(false);
    expect(compared('Most of the gain came from new ferry routes in 2029.', '2029')).toBe(false);
  });

  it('keeps a date that is no comparison point: a limit, a range\'s end, "more than"', () => {
    expect(timelineOf('The plan was designed to lower emissions from power plants by 2034 to 32 percent below 2025 levels.').map((x) => x.slice(0, 4))).toEqual(['2034']);
    expect(timelineOf('Ardel Shipping has received far more orders than its rival in 2030, the trade press reported.').map((x) => x.slice(0, 4))).toEqual(['2030']);
    expect(timelineOf('The former minister took the stand for more than four hours Friday in an Ardel court.').map((x) => x.slice(0, 10))).toEqual(['2031-06-06']);
    expect(compared('Bookings must be made no later than March 2029.', 'March 2029')).toBe(false);
  });

  it('leaves the main clause its own date, and drops a date in a side clause of a comparing sentence', () => {
    expect(timelineOf('Unemployment in Ardel rose to 9 percent in May, the most since 2019, the statistics office reported.').map((x) => x.slice(0, 7))).toEqual(['2031-05']);
    // "who arrived Thursday" dates the arrival; the sentence's event (the first inspection) is now.
    expect(timelineOf('It was the first time that Brandt, who arrived Thursday with some 50 inspectors for a long tour of the coast, had been allowed to inspect a dockyard since Jan. 13.')).toEqual([]);
  });

  it('keeps "since" that tells when a state began, in the main clause', () => {
    const t = timelineOf('The Ardel ferry line had been suspended since July 24, 2030 after a fatal collision in the harbour.');
    expect(t).toEqual(['2030-07-24 The Ardel ferry line had been suspended since July 24, 2030 after a fatal collision in the harbour.']);
  });

  it('is told apart from other dates after "since" (unit)', () => {
    expect(compared('Unemployment rose to 9 percent, the most since 2029.', '2029')).toBe(true);
    expect(compared('Prices slumped to levels last reached in 2029.', '2029')).toBe(true);
    expect(compared('Emissions must fall 30 percent below 2029 levels.', '2029')).toBe(true);
    expect(compared('The mayor has lived in Velna since 2029.', '2029')).toBe(false);
    // "mostly" and "records" are no superlative or record.
    expect(compared('The archive, mostly private records, has been closed since 2029.', '2029')).toBe(false);
  });
});

describe('the start of a state told in a side clause', () => {
  it('does not date the main clause', () => {
    expect(timelineOf('The senator accused her rival of hiding his past, though party records show he has been a registered member since 2029.')).toEqual([]);
    expect(timelineOf('Officials now plan to replace the frigate Aldo Verre, which has been on patrol since March, with a newer ship.')).toEqual([]);
  });

  it('is told apart from a main clause\'s state (unit)', () => {
    const side = 'Velna is ruled by a council that has held power since 2029.';
    expect(sinceInSideClause(side, 0, mention(side, '2029'))).toBe(true);
    const main = 'Velna has been ruled by a council since 2029.';
    expect(sinceInSideClause(main, 0, mention(main, '2029'))).toBe(false);
  });
});

describe('a background thing named by its date', () => {
  it('does not date a sentence that relates its event to it', () => {
    expect(timelineOf('Federal prosecutors indicted two former bank executives over the 2028 economic collapse.')).toEqual([]);
    expect(timelineOf('The official said the sites could only be visited by a special team, as laid down by the Feb. 23 accord signed by both governments.')).toEqual([]);
    expect(timelineOf('The union said its strike would continue past the Nov. 1 deadline set in the agreement.')).toEqual([]);
    expect(timelineOf('The Ardel Herald, which unearthed a 2025 report on the dockyard, published it in full.')).toEqual([]);
  });

  it('keeps the sentence\'s own date when it has one', () => {
    const t = timelineOf('Prosecutors charged three bank executives on Monday over the 2028 economic collapse.');
    expect(t).toEqual(['2031-06-09 Prosecutors charged three bank executives on Monday over the 2028 economic collapse.']);
  });

  it('keeps a sentence about that thing: its subject, or placed in it', () => {
    expect(timelineOf('The 2028 collapse wiped out $11 trillion in household wealth across the northern provinces.').map((x) => x.slice(0, 4))).toEqual(['2028']);
    expect(timelineOf('Forty dockers were killed in the 2028 harbour fire at the Ardel shipyard, the report found.').map((x) => x.slice(0, 4))).toEqual(['2028']);
    expect(timelineOf('The harbour authority was created as part of the 2029 port reforms passed by the assembly.').map((x) => x.slice(0, 4))).toEqual(['2029']);
  });

  it('does not date a present-tense sentence whose subject is the past thing; keeps past tense, things to come and undated sources', () => {
    expect(timelineOf('That 2019 resolution calls for a self-declared zone to stay open for ships in any storm.')).toEqual([]);
    expect(timelineOf('The 2024 port charter, which most harbour towns signed, obligates them to share pilots in storms.')).toEqual([]);
    expect(timelineOf('A 2029 study by two Velna economists found that harbour fees had doubled.').map((x) => x.slice(0, 4))).toEqual(['2029']);
    expect(timelineOf('The 2033 port election will decide who runs the Ardel docks for a decade.').map((x) => x.slice(0, 4))).toEqual(['2033']);
    expect(timelineOf('That 2019 resolution calls for the unconditional withdrawal of the fleet from the self-declared security zone.', null).map((x) => x.slice(0, 4))).toEqual(['2019']);
  });

  it('keeps a deadline or target ("by the Tuesday deadline", "in time for the 2032 Games")', () => {
    expect(timelineOf('The new ferries are scheduled to be delivered in time for the 2032 Velna Games.').map((x) => x.slice(0, 4))).toEqual(['2032']);
    expect(background('Shareholders tendered 99% of the shares by the Tuesday deadline.', 'Tuesday')).toBe(false);
    expect(background('Reformers hope to elect a president by the opening of the 2029 Games.', '2029')).toBe(false);
  });

  it('keeps a period named by its date and a year that is the source\'s own (unit)', () => {
    expect(background('Net income for the 2029 fiscal year rose 5%.', '2029')).toBe(false);
    expect(background('The group became the best-funded committee of the 2029 election.', '2029', '2031-09-22')).toBe(true);
    expect(background('The group became the best-funded committee of the 2029 election.', '2029', null)).toBe(true);
    // The year of the source itself: the sentence's event is in it too.
    const own = 'Injecting the scandal into the 2029 campaign is the senator\'s latest move.';
    expect(backgroundAttribute(own, 0, own.length, { ...mention(own, '2029'), value: '2029' }, '2029-09-30')).toBe(false);
  });
});
