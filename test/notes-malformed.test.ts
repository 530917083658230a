// Malformed notes files: each kind of problem is reported as NOTES_INVALID with the line it is on,
// all problems at once, and an item that cannot be read is reported, never dropped.
import { describe, expect, it } from 'vitest';
import { BriefingError, type Diagnostic } from '../src/errors.ts';
import { parseNotes, parseNotesWithDiagnostics, stringifyNotes } from '../src/notes/markdown.ts';
import { sampleNotes } from './fixtures/sample-notes.ts';

const good = stringifyNotes(sampleNotes(), { drafted: true });

/** 1-based line of the first line containing `needle` in `text`. */
function lineOf(text: string, needle: string): number {
  const k = text.split('\n').findIndex((l) => l.includes(needle));
  if (k < 0) throw new Error(`test setup: "${needle}" not in the text`);
  return k + 1;
}

/** parseNotes must throw NOTES_INVALID; returns its errors as [line, message]. */
function errorsOf(text: string): [number | undefined, string][] {
  let thrown: unknown;
  try {
    parseNotes(text, 'notes/briefing.md');
  } catch (e) {
    thrown = e;
  }
  expect(thrown).toBeInstanceOf(BriefingError);
  const err = thrown as BriefingError;
  expect(err.code).toBe('NOTES_INVALID');
  expect(err.diagnostics.every((d: Diagnostic) => d.file === 'notes/briefing.md')).toBe(true);
  expect(parseNotesWithDiagnostics(text, 'notes/briefing.md')).toEqual({ notes: null, diagnostics: err.diagnostics });
  return err.diagnostics.filter((d) => d.severity === 'error').map((d) => [d.line, d.message]);
}

describe('parseNotes on malformed files', () => {
  it('accepts the good file', () => {
    expect(parseNotesWithDiagnostics(good).diagnostics).toEqual([]);
  });

  it('reports a missing section where it should stand', () => {
    const text = good.replace(/## Figures\n[^#]*/, '');
    expect(errorsOf(text)).toEqual([[lineOf(text, '## Discrepancies'), 'missing section "## Figures" (write it even when empty)']]);
  });

  it('reports an item without a citation, and does not drop it', () => {
    const text = good.replace('80 km north. [s3]', '80 km north.');
    expect(errorsOf(text)).toEqual([[lineOf(text, '- Ships are being diverted'), 'Key points: item does not end with a citation like [s1] or [s1, s3]']]);
  });

  it('reports a bottom-line sentence without a citation', () => {
    const text = good.replace('losses exceed $4 million a day. [s3]', 'losses exceed $4 million a day.');
    expect(errorsOf(text)).toEqual([[lineOf(text, 'The port authority says'), 'Bottom line: sentence does not end with a citation like [s1] or [s1, s3]']]);
  });

  it('reports a citation with no entry under Sources', () => {
    const text = good.replace('- Ships are being diverted to Port Mercer, 80 km north. [s3]', '- Ships are being diverted to Port Mercer, 80 km north. [s3, s7]');
    expect(errorsOf(text)).toEqual([[lineOf(text, '- Ships are being'), 'Key points item 2, cites: cites [s7], which has no entry under Sources']]);
  });

  it('reports an evidence line from a source the item does not cite, on the evidence line', () => {
    const text = good.replace('> Workers walked out on March 2. (chars 95–125) [s2]', '> Workers walked out on March 2. (chars 95–125) [s3]');
    expect(errorsOf(text)).toEqual([[lineOf(text, 'Workers walked out on March 2.'), 'Key points item 1, evidence line 2: comes from [s3], which the item does not cite']]);
  });

  it('reports a bad timeline date', () => {
    const text = good.replace('**2024-03-08**', '**2024-13-08**').replace('**2024-03** —', '**March 2024** —');
    expect(errorsOf(text)).toEqual([
      [lineOf(text, '**March 2024**'), 'Timeline item 1, date: must be an ISO date (YYYY, YYYY-MM or YYYY-MM-DD), not "March 2024"'],
      [lineOf(text, '**2024-13-08**'), 'Timeline item 3, date: must be an ISO date (YYYY, YYYY-MM or YYYY-MM-DD), not "2024-13-08"'],
    ]);
  });

  it('reports a timeline item that is not "**date** — event"', () => {
    const text = good.replace('- **2024-03-08** — The port', '- 2024-03-08: The port');
    expect(errorsOf(text)).toEqual([[lineOf(text, '- 2024-03-08: The port'), 'Timeline: item is not "- **YYYY[-MM[-DD]]** — event [s1]"']]);
  });

  it('reports a quote without attribution on its first line', () => {
    const text = good.replace('> — Port of Avalon Authority [s3]\n', '');
    expect(errorsOf(text)).toEqual([[lineOf(text, '> Every day of this costs'), 'Quotes: quote does not end with "> — Speaker, role [sN]"']]);
  });

  it('reports a quote attribution without a citation', () => {
    const text = good.replace('> — Maria Lenz, union secretary [s1]', '> — Maria Lenz, union secretary');
    expect(errorsOf(text)).toEqual([[lineOf(text, '> — Maria Lenz'), 'Quotes: item does not end with a citation like [s1] or [s1, s3]']]);
  });

  it('reports an unknown section and a duplicate section', () => {
    const text = good.replace('## Figures', '## Background\n\n- Some context. [s1]\n\n## Figures').replace('## Sources', '## Key points\n\n- Again. [s1]\n\n## Sources');
    expect(errorsOf(text)).toEqual([
      [lineOf(text, '## Background'), 'unknown section "## Background" (its content is not read)'],
      [text.split('\n').lastIndexOf('## Key points') + 1, 'section "## Key points" appears twice'],
    ]);
  });

  it('reports sections out of order', () => {
    const actors = /## Actors\n[^#]*/.exec(good)![0];
    const text = good.replace(actors, '').replace('## Timeline', `${actors}## Timeline`).replace('## Key points', 'XX').replace('XX', '## Key points');
    const moved = good.replace(actors, '').replace('## Quotes', `${actors}## Quotes`);
    expect(errorsOf(moved)).toEqual([[lineOf(moved, '## Actors'), 'section "## Actors" is out of order']]);
    expect(parseNotes(text)).toEqual(sampleNotes());
  });

  it('reports bad frontmatter YAML on its line', () => {
    expect(errorsOf(good.replace('as_of: 2024-03-09', 'as_of 2024-03-09'))).toEqual([[4, 'frontmatter: Implicit keys need to be on a single line']]);
    expect(errorsOf(good.replace('as_of: 2024-03-09', 'title: again'))).toEqual([[4, 'frontmatter: Map keys must be unique']]);
    // YAML only sees an unclosed quote where the frontmatter ends.
    expect(errorsOf(good.replace('title: "Briefing: Harbour strike at Avalon"', 'title: "Briefing: Harbour strike'))).toEqual([[7, 'frontmatter: Missing closing "quote']]);
  });

  it('reports a frontmatter without title, with a bad as_of, or missing', () => {
    expect(errorsOf(good.replace(/^title:.*\n/m, ''))).toEqual([[1, 'frontmatter lacks title']]);
    expect(errorsOf(good.replace('as_of: 2024-03-09', 'as_of: last week'))).toEqual([[4, 'asOf: must be an ISO date or "unknown", not "last week"']]);
    expect(errorsOf(good.replace(/^---\n[\s\S]*?\n---\n/, ''))[0]).toEqual([1, 'no YAML frontmatter (the first line must be ---)']);
  });

  it('reports an actor that is not "**Name** — role"', () => {
    const text = good.replace('- **Port of Avalon Authority** — port operator. [s3]', '- Port of Avalon Authority, port operator [s3]');
    expect(errorsOf(text)).toEqual([[lineOf(text, '- Port of Avalon Authority,'), 'Actors: item is not "- **Name** — role. Backed by: A. Opposed by: B. [s1]"']]);
  });

  it('reports a malformed evidence line', () => {
    const text = good.replace('> Workers walked out on March 2. (chars 95–125) [s2]', '> Workers walked out on March 2. [s2]');
    expect(errorsOf(text)).toEqual([[lineOf(text, '> Workers walked out'), 'evidence line is not "> sentence (chars START–END) [sN]"']]);
  });

  it('reports a malformed source entry and an unknown flag', () => {
    const text = good.replace('- [s3] sources/c.txt — Port counts the cost — Harbour Daily', '- [s3] sources/c.txt, Port counts the cost — Harbour Daily').replace('degraded, undated', 'degraded, smudged');
    expect(errorsOf(text)).toEqual([
      [lineOf(text, '- [s2]'), 'Sources entry 2, flags: unknown flag "smudged"'],
      [lineOf(text, '- [s3]'), 'Sources: entry is not "- [sN] file — title — outlet — date — flags"'],
    ]);
  });

  it('reports content outside the sections and structures an item cannot hold', () => {
    const text = good
      .replace('\n## Bottom line', '\n# Harbour strike\n\n## Bottom line')
      .replace('- Ships are being diverted to Port Mercer, 80 km north. [s3]', '- Ships are being diverted to Port Mercer, 80 km north. [s3]\n  - a nested note')
      .replace('## Discrepancies\n', '## Discrepancies\n\nA loose paragraph. [s1]\n');
    expect(errorsOf(text)).toEqual([
      [lineOf(text, '# Harbour strike'), 'a heading before the first section (the title belongs in the frontmatter)'],
      [lineOf(text, '  - a nested note'), 'Key points: unexpected a list inside an item'],
      [lineOf(text, 'A loose paragraph.'), 'Discrepancies: expected list items ("- …"), found a paragraph'],
    ]);
  });

  it('lists every problem at once, in line order', () => {
    const text = good
      .replace(/^title:.*\n/m, '')
      .replace('80 km north. [s3]', '80 km north.')
      .replace('**2024-03-08**', '**2024-03-32**')
      .replace('> — Port of Avalon Authority [s3]\n', '')
      .replace('2,000 workers** — Dock workers on strike. [s1]', '2,000 workers** — Dock workers on strike. [s9]');
    const errors = errorsOf(text);
    expect(errors.map(([line]) => line)).toEqual([
      1,
      lineOf(text, '- Ships are being'),
      lineOf(text, '**2024-03-32**'),
      lineOf(text, '> Every day of this'),
      lineOf(text, '- **2,000 workers**'),
    ]);
  });
});
