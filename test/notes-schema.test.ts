// validateNotes at the boundary, and the escaping that keeps the notes file readable.
import { describe, expect, it } from 'vitest';
import type { BriefingNotes } from '../src/notes/model.ts';
import { escapeInline, escapeLine } from '../src/notes/escape.ts';
import { validateNotes } from '../src/notes/schema.ts';
import { normalizeText } from '../src/notes/text.ts';
import { sampleNotes } from './fixtures/sample-notes.ts';

const messages = (n: unknown) => validateNotes(n).map((d) => d.message);
const edited = (edit: (n: BriefingNotes) => void): BriefingNotes => {
  const n = sampleNotes();
  edit(n);
  return n;
};

describe('validateNotes', () => {
  it('accepts the sample, also as read back from JSON', () => {
    expect(validateNotes(sampleNotes())).toEqual([]);
    expect(validateNotes(JSON.parse(JSON.stringify(sampleNotes())))).toEqual([]);
  });

  it('rejects what is not notes', () => {
    expect(messages(null)).toEqual([': must be an object']);
    expect(messages({ ...sampleNotes(), keyPoints: 'none', title: 3 })).toEqual(['title: must be a string', 'keyPoints: must be a list']);
  });

  it('wants one-line, trimmed texts and the required ones non-empty', () => {
    expect(messages(edited((n) => { n.keyPoints[0]!.text = 'two\nlines'; n.actors[0]!.name = ''; n.quotes[1]!.speaker = ' padded'; }))).toEqual([
      'Key points item 1, text: must be one line of text without spaces at either end',
      'Actors item 1, name: is empty',
      'Quotes quote 2, speaker: must be one line of text without spaces at either end',
    ]);
    expect(messages(edited((n) => { n.subtitle = ''; n.actors[1]!.description = ''; n.quotes[1]!.role = ''; }))).toEqual([]);
  });

  it('checks citations: present, source ids, sorted, listed under Sources', () => {
    expect(messages(edited((n) => {
      n.bottomLine[0]!.cites = [];
      n.keyPoints[1]!.cites = ['s3', 's1'];
      n.figures[1]!.cites = ['S1'];
      n.discrepancies[0]!.cites = ['s1', 's4'];
    }))).toEqual([
      'Bottom line sentence 1, cites: has no citation',
      'Key points item 2, cites: citations must be sorted by number without repeats (s3, s1)',
      'Figures item 2, cites: citations must be source ids like s1',
      'Discrepancies item 1, cites: cites [s4], which has no entry under Sources',
    ]);
  });

  it('checks evidence: offsets, and a source the item cites', () => {
    expect(messages(edited((n) => {
      n.keyPoints[0]!.evidence[0]!.start = -1;
      n.keyPoints[0]!.evidence[1]!.end = 10;
      n.actors[0]!.evidence[0]!.source = 's2';
    }))).toEqual([
      'Key points item 1, evidence line 1: start and end must be character offsets (whole numbers, 0 or more)',
      'Key points item 1, evidence line 2: ends (10) before it starts (95)',
      'Actors item 1, evidence line 1: comes from [s2], which the item does not cite',
    ]);
  });

  it('checks the timeline: real ISO dates in order', () => {
    expect(messages(edited((n) => { n.timeline[0]!.date = '2024-02-30'; }))).toEqual(['Timeline item 1, date: must be an ISO date (YYYY, YYYY-MM or YYYY-MM-DD), not "2024-02-30"']);
    expect(messages(edited((n) => { n.timeline.reverse(); }))).toEqual([
      'Timeline item 2, date: 2024-03-02 comes after 2024-03-08',
      'Timeline item 3, date: 2024-03 comes after 2024-03-08',
    ]);
    expect(messages(edited((n) => { n.asOf = '9 March'; }))).toEqual(['asOf: must be an ISO date or "unknown", not "9 March"']);
  });

  it('checks sources: ids in order, dates agreeing with how they were known, known sorted flags', () => {
    expect(messages(edited((n) => {
      n.sources[0]!.dateSource = 'unknown';
      n.sources[1]!.flags = ['undated', 'degraded'];
      n.sources.push({ ...n.sources[2]! });
    }))).toEqual([
      'Sources entry 1, dateSource: a dated source has dateSource "explicit" or "inferred"',
      'Sources entry 2, flags: flags must be sorted without repeats',
      'Sources entry 4, id: s3 is listed twice',
    ]);
    expect(messages(edited((n) => { n.sources.reverse(); }))).toEqual(['Sources entry 2, id: s2 is out of order (sources are listed in id order)', 'Sources entry 3, id: s1 is out of order (sources are listed in id order)']);
    expect(messages(edited((n) => { n.sources[1]!.dateSource = 'explicit'; n.sources[2]!.flags = ['smudged' as never]; }))).toEqual([
      'Sources entry 2, dateSource: an undated source has dateSource "unknown"',
      'Sources entry 3, flags: unknown flag "smudged"',
    ]);
  });
});

describe('escaping', () => {
  it('leaves ordinary news text alone', () => {
    const plain = 'Mr. Smith said #1 priority: 3.5% of $4 million (AT&T, snake_case, ~5 km) "quoted" [GNA] and [sic], 2024. — done!';
    expect(escapeInline(plain)).toBe(plain);
  });

  it('escapes only what would be markup', () => {
    expect(escapeInline('a *b* _c_ `d` <e> &amp; ~~f~~ [g](h) [s1] x|y \\')).toBe('a \\*b\\* \\_c\\_ \\`d\\` \\<e> \\&amp; \\~\\~f\\~\\~ \\[g](h) \\[s1] x\\|y \\\\');
    expect(['# h', '> q', '- l', '+ l', '1. n', '2) n', '---', '=== x', '#hashtag'].map(escapeLine)).toEqual(['\\# h', '\\> q', '\\- l', '\\+ l', '1\\. n', '2\\) n', '\\---', '\\=== x', '#hashtag']);
  });

  it('folds line breaks and trims', () => {
    expect(normalizeText('  a\r\n  b\u2028c\n\n d \t')).toBe('a b c d');
    expect(normalizeText('nul\0 and lone \uD800')).toBe('nul\uFFFD and lone \uFFFD');
  });
});
