// findFigures: counts with what they count, money with currency, percentages, ages, quantities with units,
// numbers as words; years, dates, ordinals and durations are not figures.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FIGURE_PATTERNS, findFigures, parseNumber, scanFigures } from '../src/extract/rules/figures.ts';

/** [text, value, unit, measure] of every figure, in order. */
const figures = (text: string) => findFigures(text, [[0, text.length]]).map((f) => [f.text, f.value, f.unit, f.measure]);

describe('counts', () => {
  it('reads what is counted and what happened to it', () => {
    expect(figures('At least 213 people have been killed and 1,009 injured, officials said.'))
      .toEqual([['213', 213, null, 'people killed'], ['1,009', 1009, null, 'injured']]);
  });
  it('takes a small number word only when it counts people or things a briefing compares', () => {
    expect(figures('The two sides met again. Both teams had three days.')).toEqual([]);
    expect(figures('Three soldiers were killed and two injured.')).toEqual([['Three', 3, null, 'soldiers killed'], ['two', 2, null, 'injured']]);
  });
  it('reads numbers written as words', () => {
    expect(figures('Two soldiers and a dozen civilians died.')).toEqual([['Two', 2, null, 'soldiers'], ['a dozen', 12, null, 'civilians']]);
    // The verb before the count says what happened to those counted.
    expect(figures('The flood displaced 1.5 million residents.')).toEqual([['1.5 million', 1_500_000, null, 'residents displaced']]);
  });
  it('stops the phrase at the verb', () => {
    expect(figures('About 300 workers walked out.')).toEqual([['300', 300, null, 'workers']]);
  });
  it('reads a range by its first number', () => {
    expect(figures('Between shifts 10-15 people were hurt.')).toEqual([['10-15', 10, null, 'people hurt']]);
  });
});

describe('money', () => {
  it.each([
    ['The firm paid $2 million in fines.', '$2 million', 2_000_000, 'USD', 'fines'],
    ['The rival paid €5bn for the site.', '€5bn', 5_000_000_000, 'EUR', 'site'],
    ['A donor gave £300,000.', '£300,000', 300_000, 'GBP', null],
    ['The bill came to US$1.2 billion.', 'US$1.2 billion', 1_200_000_000, 'USD', null],
  ])('%s', (text, span, value, unit, measure) => {
    expect(figures(text)).toEqual([[span, value, unit, measure]]);
  });
  it('keeps a payment whose currency sign was lost as a number, with what it pays for', () => {
    expect(figures('He agreed to paying some 2 million to the fund.')).toEqual([['2 million', 2_000_000, null, 'fund']]);
    expect(figures('the group is paying some 2 million to the texas based firm linden partners')).toEqual([['2 million', 2_000_000, null, 'texas based firm']]);
  });
  it('reads what money is paid to', () => {
    expect(figures('The ministry paid $2 million to a lobbying firm.')).toEqual([['$2 million', 2_000_000, 'USD', 'lobbying firm']]);
  });
});

describe('small change', () => {
  it('reads "50 cents" and "20 pence" as money moved, not as a count of cents', () => {
    expect(figures('Acme shares fell 50 cents to close at $36.125, and Zeta rose 20 pence.'))
      .toEqual([['50', 50, 'cents', null], ['$36.125', 36.125, 'USD', null], ['20', 20, 'cents', null]]);
  });
  it('leaves a capitalised name alone ("50 Cent")', () => {
    expect(figures('The 50 Cent concert drew 2,000 fans.').filter(([, , unit]) => unit === 'cents')).toEqual([]);
  });
});

describe('percentages', () => {
  it('reads % and percent, with what it is a share of', () => {
    expect(figures('Turnout was 12% of voters, up from 9 percent.')).toEqual([['12%', 12, 'percent', 'voters'], ['9 percent', 9, 'percent', null]]);
  });
  it('reads what a share measures from the noun after it or the subject before it', () => {
    expect(figures('The port offered a 4 percent rise.')).toEqual([['4 percent', 4, 'percent', 'rise']]);
    expect(figures('Inflation rose to 7.5% in the spring.')).toEqual([['7.5%', 7.5, 'percent', 'inflation']]);
    expect(figures('Shares fell 5 percent yesterday.')).toEqual([['5 percent', 5, 'percent', 'shares']]);
  });
});

describe('ages', () => {
  it.each([
    ['The farmer is 76 years old.', '76 years old', 76],
    ['The 75-year-old former colonel spoke.', '75-year-old', 75],
    ['He died aged 46.', 'aged 46', 46],
    ['The victim, Linda Sanders, 35, was found at home.', '35', 35],
  ])('%s', (text, span, value) => {
    expect(figures(text)).toEqual([[span, value, 'years', 'age']]);
  });
});

describe('quantities with units', () => {
  it('reads distances and volumes', () => {
    expect(figures('The town lies 20 km from the border.')).toEqual([['20 km', 20, 'km', null]]);
    expect(figures('The pipeline carries 1.5 million barrels of crude a day.')).toEqual([['1.5 million barrels', 1_500_000, 'barrels', 'crude']]);
    expect(figures('The storm moved 300 miles inland.')).toEqual([['300 miles', 300, 'miles', null]]);
  });
});

describe('not figures', () => {
  it.each([
    'The vote was held on April 15, 2019.',
    'The dam burst in 2011.',
    'It was the 3rd attempt.',
    'He served five years in prison.',
    'Rents rose through the 1990s.',
    'Polls closed at 10 p.m. Wednesday.',
    'Route No. 4 was closed.',
  ])('%s', (text) => {
    expect(figures(text)).toEqual([]);
  });
  it('skips the numbers of a date but keeps the count beside it', () => {
    expect(figures('On April 15, 2019, 300 workers walked out.')).toEqual([['300', 300, null, 'workers']]);
  });
});

describe('parseNumber', () => {
  it.each([
    ['1,009', 1009], ['1.5 million', 1_500_000], ['twenty-five', 25], ['a dozen', 12], ['5bn', 5e9], ['300,000', 300_000], ['two million', 2e6],
  ])('%s', (raw, value) => {
    expect(parseNumber(raw)).toBe(value);
  });
});

describe('dates passed in', () => {
  it('uses the given date spans instead of finding them again', () => {
    const text = 'In 2011 some 300 workers left.';
    expect(findFigures(text, [], [{ start: 3, end: 7, text: '2011', value: '2011' }]).map((f) => f.text)).toEqual(['300']);
    // With no dates given, a four-digit year is still not a figure.
    expect(findFigures(text, []).map((f) => f.text)).toEqual(['300']);
  });
});

describe('scanning from figure starts (each rule tries its regex only where its kind of figure may start)', () => {
  // Number words and their look-alikes ("for", "this", "several", "agency"), currencies, payment verbs, units,
  // ages after names, with odd spacing and punctuation, so that matches touch, overlap and nearly match.
  const WORDS = `one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen
    eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety twenty-five Thirty-One for former this think three-day
    several often tend agency age aged ages ſix ſeventy a dozen hundred thousand million billion trillion bn mn m k 5 76 2019 1,009
    3.5 10-15 $ € £ US$ C$ A$ USD EUR GBP euro Europe dollars euros pounds sterling yen u.s. canadian pay pays paid paying spend
    spent spending cost costs worth fined raise raised raising some about more than at least up to percent per cent % percentage
    points km miles barrels tonnes km/h mph years old year-old people killed Smith Sanders, Linda No. Flight st th nd`.split(/\s+/);
  const SEPARATORS = [' ', ' ', ' ', '  ', '\n', '-', ', ', '. ', '', '/', '’s '];
  const piece = fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(...SEPARATORS)).map(([w, sep]) => w + sep);
  const text = fc.array(piece, { maxLength: 30 }).map((parts) => parts.join(''));

  it.each(FIGURE_PATTERNS.map((p, k) => [k, p] as const))('pattern %i finds what a global scan of its regex finds', (_k, pattern) => {
    const global = new RegExp(pattern.re.source, pattern.re.flags.replace('y', 'g'));
    fc.assert(fc.property(text, (t) => {
      const expected = [...t.matchAll(global)].map((m) => [m.index, m.index + m[0].length]);
      expect(scanFigures(t, pattern, (m) => [m.index, m.index + m[0].length])).toEqual(expected);
    }), { numRuns: 500, seed: 7 });
  });

  it('has the six rules\' patterns to check', () => {
    expect(FIGURE_PATTERNS).toHaveLength(6);
  });
});
