// Impossible calendar dates ("February 29" in a non-leap year, "April 31") are dropped for that mention only:
// they must never reach the notes, where one would fail the whole build's validation.
import { describe, expect, it } from 'vitest';
import { analyzeDocuments } from '../src/extract/analyze.ts';
import { buildNotes } from '../src/extract/briefing/build.ts';
import { findDates } from '../src/extract/rules/dates.ts';
import { validateNotes } from '../src/notes/schema.ts';
import { docFrom } from './helpers/docs.ts';

const values = (text: string, doc: string | null) => findDates(text, doc).map((d) => [d.text, d.value]);

describe('a yearless day that does not exist in the year it resolves to', () => {
  it('has no value, and the other dates of the text keep theirs', () => {
    expect(values('The council met on February 29 and again on March 3.', '2029-06-06')).toEqual([
      ['February 29', null],
      ['March 3', '2029-03-03'],
    ]);
    expect(values('The ministry said on April 31 that it would review the deal.', '2029-06-06')).toEqual([['April 31', null]]);
  });

  it('keeps February 29 of a leap year', () => {
    expect(values('The council met on February 29 in the old hall.', '2028-06-06')).toEqual([['February 29', '2028-02-29']]);
  });
});

describe('a build over a source with impossible dates', () => {
  const docs = [
    docFrom('s1', 'Officials in Vardenia said on February 29 that talks with Mayor Ilse Korven had collapsed after a week of meetings.\n\nThe Vardenian ministry said on April 31 that it would review the harbour agreement with Mayor Ilse Korven.\n\nMayor Ilse Korven opened the new harbour in Vardenia on March 3 after two years of work.\n', { date: '2029-06-06' }),
    docFrom('s2', 'Mayor Ilse Korven told reporters in Vardenia that the talks had collapsed and that the council would meet on March 10.\n', { date: '2029-06-07' }),
  ];
  const notes = buildNotes(docs, analyzeDocuments(docs), { inputs: ['t'] });

  it('succeeds, leaves the impossible days off the timeline and keeps the real ones', () => {
    const dates = notes.timeline.map((e) => e.date);
    expect(dates).toContain('2029-03-03');
    expect(dates.every((d) => !/-02-29$|-04-31$/.test(d))).toBe(true);
    expect(validateNotes(notes).filter((x) => x.severity === 'error')).toEqual([]);
  });
});
