// What a review of the tech/business quality rules found them getting wrong, each next to the case the rule
// was made for: a payee's short name before "$" read as a dollar code, counts after "X in N" read as ratio
// bases, "v." of a case name and an initial after "/" read as sentence ends, a plural name's number read as
// a model number, and ", officials said" read as a modifier of a noun phrase.
import { describe, expect, it } from 'vitest';
import { analyzeDocuments } from '../src/extract/analyze.ts';
import { clauseBreakAfter } from '../src/extract/briefing/timeline.ts';
import { findFigures } from '../src/extract/rules/figures.ts';
import { splitSentences } from '../src/extract/rules/sentences.ts';
import { docFrom } from './helpers/docs.ts';

const entities = (t: string) => analyzeDocuments([docFrom('s1', t)])[0]!.entities.map((e) => `${e.type} ${e.text}`);
const sentences = (t: string) => splitSentences(t).map(([a, b]) => t.slice(a, b));
const figures = (t: string) => findFigures(t, []).map((f) => f.text);

describe('a short name before a dollar amount', () => {
  it('is a payee, not a currency, unless it is a dollar country code ("lent GM $13.4 billion")', () => {
    expect(entities('The Treasury lent GM $13.4 billion in December.')).toContain('ORG GM');
    expect(entities('A federal judge ordered BP $18.7 billion in penalties.')).toContain('ORG BP');
  });

  it('is still the currency for a dollar country code ("US $99", "U.S. $5.41", "NZ $20")', () => {
    const found = [
      ...entities('The older phone\'s price will be reduced to US $99 next week, Velcom said.'),
      ...entities('Shares of Velcom rose U.S. $5.41 yesterday in regular trading.'),
      ...entities('Tickets cost NZ $20 at the door, organisers said.'),
    ].map((e) => e.split(' ').slice(1).join(' '));
    expect(found).not.toContain('US');
    expect(found).not.toContain('U.S.');
    expect(found).not.toContain('NZ');
  });
});

describe('"X in N" before a count', () => {
  it('counts N when it is no ratio ("eight in 12 games", "5 in 12 separate attacks")', () => {
    expect(figures('He has scored eight in 12 games this season.')).toContain('12');
    expect(figures('Militants killed 5 in 12 separate attacks on Monday.')).toContain('12');
    expect(figures('The striker won three in 15 starts.')).toContain('15');
  });

  it('still reads a ratio with "every", one, or a base of 10, 100, 1,000 ("one in five Americans", "three in 10 voters")', () => {
    expect(figures('One in five Americans say they have no savings.')).not.toContain('five');
    expect(figures('Three in 10 voters backed the plan, the poll found.')).toEqual([]);
    expect(figures('Two in every 15 patients relapsed within a year.')).not.toContain('15');
    expect(figures('Nine in 100 households own no car.')).not.toContain('100');
    expect(figures('Four in 1,000 births were affected.')).not.toContain('1,000');
  });
});

describe('sentence ends', () => {
  it('not after "v." of a case name ("Tiffany v. eBay", "Brown v. Board of Education")', () => {
    expect(sentences('A judge sided with eBay in Tiffany v. eBay in 2010.')).toHaveLength(1);
    expect(sentences('The ruling cited Brown v. Board of Education at length.')).toHaveLength(1);
    expect(sentences('The case is known as Smith vs. Jones in the courts.')).toHaveLength(1);
  });

  it('not after an initial that follows "/", "–" or "—" ("Merrill Lynch/B. Riley")', () => {
    const t = 'Analysts at Bank of America Merrill Lynch/B. Riley said 40 stores would close.';
    expect(sentences(t)).toHaveLength(1);
    expect(entities(t)).toContain('ORG B. Riley');
    expect(sentences('The deal was led by two banks—J. P. Morgan among them.')).toHaveLength(1);
  });

  it('still after a capital that ends a longer token ("AT&T.", "S&P.")', () => {
    expect(sentences('Orders swamped Velcom and AT&T. Many buyers could not reach the website.')).toHaveLength(2);
    expect(sentences('The index tracks the S&P. Traders expect a rally.')).toHaveLength(2);
  });
});

describe('a number inside what a count measures', () => {
  it('is no model number after a plural name ("2,000 Americans 18 and older")', () => {
    const [f] = findFigures('A survey of 2,000 Americans 18 and older found most had no will.', []);
    expect(f?.text).toBe('2,000');
    expect(f?.measure).toBe('americans');
  });

  it('still is after a singular name ("22 new Boeing 787 Dreamliners")', () => {
    const [f] = findFigures('The airline ordered 22 new Boeing 787 Dreamliners for its long routes.', []);
    expect(f?.measure).toBe('new boeing 787 dreamliners');
  });
});

describe('where a long timeline sentence is cut', () => {
  const breakOf = (t: string) => {
    const k = clauseBreakAfter(t, 0, 0, t.length);
    return k === null ? null : t.slice(0, k);
  };

  it('before a reporting clause (", officials said"), which is no modifier', () => {
    expect(breakOf('On March 3 the union ended the strike, officials said, after talks with Ford, GM and Chrysler stalled.'))
      .toBe('On March 3 the union ended the strike');
  });

  it('still not inside a noun phrase ("an updated, more accurate method")', () => {
    expect(breakOf('An update released Thursday came with an updated, more accurate method of counting signal bars, but did not end the loss.'))
      .toBe('An update released Thursday came with an updated, more accurate method of counting signal bars');
  });
});
