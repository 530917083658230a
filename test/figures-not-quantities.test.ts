// Numbers that are not quantities: model and product numbers, clock times; and a figure's measure stops
// before a time adverb ("$269m earlier"). Invented sentences.
import { describe, expect, it } from 'vitest';
import { findFigures } from '../src/extract/rules/figures.ts';

const figures = (text: string) => findFigures(text, [[0, text.length]]).map((f) => [f.text, f.measure]);

describe('figures that are not quantities', () => {
  it('skips a number that is part of a model name', () => {
    expect(figures('Zenith Aero flew the Zenith 404-900 over the bay.')).toEqual([]);
    expect(figures('The plane is built with four Harrow Trent 900 engines.')).toEqual([]);
    expect(figures("Zenith Aero's newest jet, the 505 Skyliner, flew on Tuesday.")).toEqual([]);
    expect(figures('The 505 Skyliner will use less fuel than its rivals.')).toEqual([]);
  });

  it('still counts capitalised plurals and counted nouns after a name', () => {
    expect(figures('The navy sent 300 Marines to the port.')).toEqual([['300', 'marines']]);
    expect(figures('She asked why I am not 50 points ahead.')).toEqual([['50', 'points ahead']]);
    expect(figures('Police said that on Tuesday 40 people were hurt.')).toEqual([['40', 'people hurt']]);
    expect(figures('Some 200 people were killed, and 500 Zenith engineers were laid off.')).toEqual([['200', 'people killed'], ['500', 'zenith engineers']]);
  });

  it('skips clock times', () => {
    expect(figures('The flight is due to land at 12:30 EST (16:30 UTC) on Friday.')).toEqual([]);
    expect(figures('The march will start at 9 a.m. outside the hall.')).toEqual([]);
  });

  it('ends a measure before a time adverb', () => {
    expect(figures('The firm reported profits of $269m earlier this year.')).toEqual([['$269m', null]]);
  });
});
