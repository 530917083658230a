// The one wire-dateline pattern shared by the names rule (places, agency credit) and the timeline (entry start).
import { describe, expect, it } from 'vitest';
import { datelineAt } from '../src/extract/rules/dateline.ts';

describe('datelineAt', () => {
  it('finds the place words, the agency credit and the story start', () => {
    const text = 'VELNA, Casteria (AP) _ Rescuers searched the river banks on Sunday.';
    const d = datelineAt(text)!;
    expect(text.slice(d.end)).toMatch(/^Rescuers/);
    expect(text.slice(...d.credit!)).toBe('(AP)');
  });

  it('reads a dateline with no credit and an em dash, after leading spaces', () => {
    const text = '  LONDON — Ministers met on Friday.';
    const d = datelineAt(text)!;
    expect(d.credit).toBeNull();
    expect(text.slice(d.end)).toBe('Ministers met on Friday.');
  });

  it('reads a dateline the hard wrap broke across lines, from an offset', () => {
    const text = 'Headline\nDREVNO, Casteria\n(Reuters) -- The water rose overnight.';
    const d = datelineAt(text, 9)!;
    expect(text.slice(d.end)).toMatch(/^The water/);
    expect(text.slice(...d.credit!)).toBe('(Reuters)');
  });

  it('reads the archive style with the dash right after the credit: "(AP)_ "', () => {
    const text = 'CAGUAS, Puerto Rico (AP)_ Kidnappers kept their promise.';
    const d = datelineAt(text)!;
    expect(text.slice(d.end)).toBe('Kidnappers kept their promise.');
    expect(text.slice(...d.credit!)).toBe('(AP)');
    // Without a credit the dash still needs its space before it.
    expect(datelineAt('CAGUAS_ Kidnappers kept their promise.')).toBeNull();
  });

  it('is not a dateline across a blank line, in lower case, or without the wire dash', () => {
    expect(datelineAt('VELNA\n\n— The water rose.')).toBeNull();
    expect(datelineAt('Velna, Casteria (AP) _ The water rose.')).toBeNull();
    expect(datelineAt('VELNA, Casteria (AP) The water rose.')).toBeNull();
  });
});
