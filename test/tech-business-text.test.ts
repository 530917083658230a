// What a reader saw wrong in briefings of tech and business news (invented sentences in that style): a
// name's last capital taken for an initial ("AT&T. Many"), sentences opening with a camel-case name ("iOS
// will…") not split, model numbers ("iPhone 4") taken for figures, "US $99" taken for a place, timeline
// cuts inside a noun phrase or a list of names, and a doubled full stop after an abbreviation.
import { describe, expect, it } from 'vitest';
import { analyzeDocuments } from '../src/extract/analyze.ts';
import { buildNotes } from '../src/extract/briefing/build.ts';
import { compress } from '../src/extract/briefing/compress.ts';
import { figureLabel } from '../src/extract/briefing/figures.ts';
import { clauseBreakAfter } from '../src/extract/briefing/timeline.ts';
import { findFigures } from '../src/extract/rules/figures.ts';
import { splitSentences } from '../src/extract/rules/sentences.ts';
import { tokenize } from '../src/extract/rules/tokens.ts';
import type { BriefingNotes, SourceDoc } from '../src/notes/model.ts';
import { docFrom } from './helpers/docs.ts';

const sentences = (t: string) => splitSentences(t).map(([a, b]) => t.slice(a, b));
const figures = (t: string) => findFigures(t, []).map((f) => f.text);
const build = (set: SourceDoc[]): BriefingNotes => buildNotes(set, analyzeDocuments(set), { inputs: ['t'] });

describe('sentence splitting', () => {
  it('ends a sentence at a name whose last capital follows "&" ("AT&T.")', () => {
    expect(sentences('Orders swamped Velcom and AT&T. Many buyers could not reach the website.'))
      .toEqual(['Orders swamped Velcom and AT&T.', 'Many buyers could not reach the website.']);
    expect(sentences('The index tracks the S&P. Traders expect a rally.')).toEqual(['The index tracks the S&P.', 'Traders expect a rally.']);
  });

  it('still reads a lone capital as an initial ("John R. Bolton", "(R. Roe)")', () => {
    expect(sentences('The envoy met John R. Bolton on Monday.')).toHaveLength(1);
    expect(sentences('The bill was filed by the senator (R. Roe) last week.')).toHaveLength(1);
    expect(sentences('Officials at the U.S. embassy declined to comment.')).toHaveLength(1);
  });

  it('starts a sentence at a camel-case name ("iOS", "eBay")', () => {
    expect(sentences('The older model will be discontinued. iOS will be available as a free update.'))
      .toEqual(['The older model will be discontinued.', 'iOS will be available as a free update.']);
    expect(sentences('He called it "the best phone in the world." iOS will support the new service.'))
      .toEqual(['He called it "the best phone in the world."', 'iOS will support the new service.']);
    expect(sentences('Sales fell sharply. eBay said it would cut jobs.')).toHaveLength(2);
  });

  it('does not split before a plain lower-case word, nor after an abbreviation or "e.g."', () => {
    expect(sentences('Shares rose 5 pct. on the news.')).toHaveLength(1);
    expect(sentences('Rivals, e.g. iPod makers, cut prices.')).toHaveLength(1);
    expect(sentences('The suit names Acme Corp. eBay was not named.')).toHaveLength(1);
  });

  it('keeps the full stop after such a name out of its token', () => {
    const words = tokenize('Orders swamped AT&T. Many were lost to John R. Bolton.').map((t) => t.text);
    expect(words).toContain('T');
    expect(words).not.toContain('T.');
    expect(words).toContain('R.');
  });
});

describe('a two-letter country code before a dollar amount', () => {
  const mentions = (t: string) => analyzeDocuments([docFrom('s1', t)])[0]!.entities.map((e) => e.text);

  it('is the currency, not a mention of the place ("US $99", "U.S. $5.41")', () => {
    expect(mentions('Pricing\n\nThe older phone\'s price will be reduced to US $99 next week, Velcom said.')).not.toContain('US');
    expect(mentions('Markets\n\nShares of Velcom rose U.S. $5.41 yesterday in regular trading.')).not.toContain('U.S.');
  });

  it('is still a place elsewhere, and a longer name before an amount is still a name', () => {
    expect(mentions('Pricing\n\nThe phone will sell in the US for $99 from Friday, Velcom said.')).toContain('US');
    expect(mentions('Deal\n\nThe state paid IBM $40 million for the system last year.')).toContain('IBM');
  });
});

describe('figures next to product names', () => {
  it('takes no model number after a camel-case or capitalised name for a figure', () => {
    expect(figures('Pre-orders of the recently announced iPhone 4 began Tuesday.')).toEqual([]);
    expect(figures('It ships with the new iOS 4 operating system.')).toEqual([]);
    expect(figures('The iPhone 4 antenna is a metal strip.')).toEqual([]);
    expect(figures('Cases will be free to anyone with an iPhone 4 until September 30.')).toEqual([]);
    expect(figures('iPhone 4 will be available in five countries.')).toEqual([]);
  });

  it('still counts after a name that is no model ("Velcom sold 40 units")', () => {
    expect(figures('Velcom sold 40 units in Ardel on Monday.')).toEqual(['40']);
    expect(figures('The firm hired 300 engineers last year.')).toEqual(['300']);
  });

  it('keeps a model number inside what a count measures ("22 new Boeing 787 Dreamliners")', () => {
    const [f] = findFigures('The airline ordered 22 new Boeing 787 Dreamliners for its long routes.', []);
    expect(f?.measure).toBe('new boeing 787 dreamliners');
  });

  it('takes the base of a ratio for no count ("one out of every 200 customers", "three in 10 voters")', () => {
    expect(figures('About one out of every 200 iPhone 4 customers have called to complain.')).toEqual([]);
    expect(figures('Three in 10 voters backed the plan, the poll found.')).toEqual([]);
    // "in" before a larger number only: "12 in 3 raids" counts the raids, "in 200 villages" the villages.
    expect(figures('Police arrested 12 in 3 raids on Monday.')).toEqual(['12', '3']);
    expect(figures('Floods damaged homes in 200 villages.')).toEqual(['200']);
  });

  it('reads the unit a hyphen joins to the number ("3.5-inch LCD touchscreen")', () => {
    const text = 'It has a 3.5-inch LCD touchscreen display that is used for calls.';
    const [f] = findFigures(text, []);
    expect(f?.measure).toBe('inch lcd touchscreen');
    expect(figureLabel(text, f!, null)).toBe('3.5-inch LCD touchscreen');
    // A time unit joined by a hyphen is a duration, still no figure.
    expect(figures('Workers began a 24-hour strike on Monday.')).toEqual([]);
  });
});

describe('where a long timeline sentence is cut', () => {
  const breakOf = (t: string) => {
    const k = clauseBreakAfter(t, 0, 0, t.length);
    return k === null ? null : t.slice(0, k);
  };

  it('not inside a noun phrase ("came with an updated, more accurate method")', () => {
    expect(breakOf('An update released Thursday came with an updated, more accurate method of counting signal bars, but did not end the loss.'))
      .toBe('An update released Thursday came with an updated, more accurate method of counting signal bars');
  });

  it('not inside a list of names ("in the United States, United Kingdom, France, and Japan")', () => {
    expect(breakOf('The phone will be available on June 24 in the United States, United Kingdom, France, Germany, and Japan.')).toBeNull();
    expect(breakOf('It went on sale in Britain, France and Germany on Monday, and in Japan a week later.'))
      .toBe('It went on sale in Britain, France and Germany on Monday');
  });

  it('still at the end of a clause ("…in 2014, and its rivals…", "…the capital, Tripoli")', () => {
    expect(breakOf('The parliament was elected in 2014, and its rivals formed a government of their own.')).toBe('The parliament was elected in 2014');
    expect(breakOf('The army reached the capital, Tripoli, on Monday.')).toBe('The army reached the capital');
    expect(breakOf('The firm bought a plant, which it later sold.')).toBe('The firm bought a plant');
  });

  it('shows the whole noun phrase in the timeline', () => {
    const text = 'Velcom update\n\nOn July 2, Velcom linked the issue to a software bug. A Velcom update released on July 15 came with an updated, more accurate method of calculating the number of signal bars to display, but did not actually prevent the signal loss that comes with covering the antenna.';
    const t = build([docFrom('s1', text, { date: '2031-07-17' })]).timeline.map((e) => e.text);
    expect(t).toContain('A Velcom update released on July 15 came with an updated, more accurate method of calculating the number of signal bars to display');
  });
});

describe('compression', () => {
  it('leaves one full stop after an abbreviation that ends the shortened sentence', () => {
    expect(compress('Cisco says it got the trademark in 2000, when it bought Infogear Technology Corp., which was founded in 1996.'))
      .toBe('Cisco says it got the trademark in 2000, when it bought Infogear Technology Corp.');
    // An ellipsis is no doubled full stop.
    expect(compress('He said the firm, which was founded in 1996, was "not for sale..."')).toContain('...');
  });

  it('does not capitalise a camel-case name that opens the shortened sentence', () => {
    expect(compress('iOS will be available as a free update to users of older devices (including the 3GS) on June 21.'))
      .toBe('iOS will be available as a free update to users of older devices on June 21.');
    expect(compress('But the update will be available to users of older devices on June 21.'))
      .toBe('The update will be available to users of older devices on June 21.');
  });
});

describe('a month that is a surname, and a figure before a dashed aside', () => {
  const people = (t: string) => (analyzeDocuments([docFrom('s1', t)])[0]!.entities).filter((e) => e.type === 'PERSON').map((e) => e.text);

  it('reads "Theresa May" and "Brian May" as names, not a given name and a month', () => {
    expect(people('British Prime Minister Theresa May was not invited to the summit.')).toEqual(['Theresa May']);
    expect(people('The guitarist Brian May, who founded the band, played last.')).toContain('Brian May');
  });

  it('leaves a month before a day or a year, and after no given name, a date', () => {
    expect(people('The deadline for Sarah May 12 was moved.')).not.toContain('Sarah May');
    expect(people('Officials said in May that Tom Hale would resign.')).toEqual(['Tom Hale']);
  });

  it('ends a count\'s measure at a dash between spaces', () => {
    expect(findFigures('A summit of 27 leaders - British Prime Minister Ann Roe was not invited - met on Friday.', []).map((f) => f.measure))
      .toEqual(['leaders']);
    expect(findFigures('About 300 protesters – many of them students – marched.', []).map((f) => f.measure)).toEqual(['protesters']);
  });
});
