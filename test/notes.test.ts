// The notes file: round trips through markdown-it, the official format checker, determinism and
// hand-edit detection, plus what an analyst may do to the file by hand.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BriefingNotes } from '../src/notes/model.ts';
import { draftFingerprint, isHandEdited, parseNotes, parseNotesWithDiagnostics, stringifyNotes } from '../src/notes/markdown.ts';
import { validateNotes } from '../src/notes/schema.ts';
import { normalizeNotes } from '../src/notes/text.ts';
import { notesArbitrary } from './fixtures/notes/arbitrary.ts';
import { checkNotesFormat } from './fixtures/notes/check.ts';
import { HOSTILE_STRINGS, hostileNotes, largeNotes, sampleNotes } from './fixtures/sample-notes.ts';

const fixtures: [string, () => BriefingNotes][] = [['sample', sampleNotes], ['hostile', hostileNotes], ['large', largeNotes]];
const crlf = (s: string) => s.replace(/\n/g, '\r\n');

describe('stringifyNotes → parseNotes', () => {
  it('gives back the sample notes exactly', () => {
    expect(validateNotes(sampleNotes())).toEqual([]);
    expect(parseNotes(stringifyNotes(sampleNotes()))).toEqual(sampleNotes());
    expect(parseNotes(stringifyNotes(sampleNotes(), { drafted: true }))).toEqual(sampleNotes());
  });

  it('gives back the hostile notes exactly once their texts are one line', () => {
    const oneLine = hostileNotes(HOSTILE_STRINGS.map((s) => s.replace(/\n/g, ' ')));
    expect(validateNotes(oneLine)).toEqual([]);
    expect(parseNotes(stringifyNotes(oneLine))).toEqual(oneLine);
  });

  it('folds multi-line texts into one line, and reads back exactly that', () => {
    for (const [name, make] of fixtures) {
      const parsed = parseNotes(stringifyNotes(make()), name);
      expect(parsed).toEqual(normalizeNotes(make()));
      expect(validateNotes(parsed)).toEqual([]);
    }
    expect(parseNotes(stringifyNotes(hostileNotes())).keyPoints.map((c) => c.text)).toContain('title: injected key: value');
  });

  it('keeps every hostile string as text: nothing becomes a heading, list, link, citation or HTML', () => {
    const md = stringifyNotes(hostileNotes());
    const body = md.slice(md.indexOf('\n---\n') + 5);
    expect(body.match(/^#+ .*$/gm)).toEqual(['## Bottom line', '## Key points', '## Actors', '## Timeline', '## Quotes', '## Figures', '## Discrepancies', '## Sources']);
    expect(body).not.toMatch(/(?<!\\)<(script|img|Toc|!--)/);
    expect(body).not.toMatch(/(?<!\\)\[(link|img)\]/);
    expect(body).not.toMatch(/(?<!\\)&amp;/);
    // One `[sN]` citation per item line, always at its end.
    for (const line of body.split('\n').filter((l) => l.startsWith('- ') && !l.startsWith('- [s'))) expect(line.match(/(?<!\\)\[s\d+(?:, s\d+)*\]/g)).toHaveLength(1);
  });

  it('round-trips generated notes with hostile text in every field', () => {
    fc.assert(
      fc.property(notesArbitrary, (notes) => {
        const expected = normalizeNotes(notes);
        expect(validateNotes(expected)).toEqual([]);
        const md = stringifyNotes(notes, { drafted: true });
        // Not even a warning: nothing written was read as formatting.
        expect(parseNotesWithDiagnostics(md).diagnostics).toEqual([]);
        expect(parseNotes(md)).toEqual(expected);
        expect(isHandEdited(md)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('is deterministic', () => {
    for (const [, make] of fixtures) expect(stringifyNotes(make(), { drafted: true })).toBe(stringifyNotes(make(), { drafted: true }));
  });

  it('writes the sample as the golden file', async () => {
    await expect(stringifyNotes(sampleNotes(), { drafted: true })).toMatchFileSnapshot('fixtures/notes/sample.md');
  });

  it('refuses to write notes that could not be read back', () => {
    const n = sampleNotes();
    n.keyPoints[0]!.cites = ['s9'];
    expect(() => stringifyNotes(n)).toThrow(expect.objectContaining({ code: 'NOTES_INVALID' }));
  });
});

describe('the official format checker', () => {
  it.each(fixtures)('accepts the %s notes', (name, make) => {
    const r = checkNotesFormat(stringifyNotes(make(), { drafted: true }), `${name}.md`);
    expect(r.status, r.report).toBe(0);
  });

  it('accepts generated notes', () => {
    fc.assert(
      fc.property(notesArbitrary, (notes) => {
        const r = checkNotesFormat(stringifyNotes(notes, { drafted: true }), 'generated.md');
        expect(r.status, r.report).toBe(0);
      }),
      { numRuns: 8 },
    );
  });
});

describe('hand edits', () => {
  const drafted = () => stringifyNotes(sampleNotes(), { drafted: true });

  it('a fresh draft carries its own fingerprint and is not hand-edited', () => {
    const md = drafted();
    expect(md).toContain(`drafted: ${draftFingerprint(md)}`);
    expect(draftFingerprint(md)).toMatch(/^[0-9a-f]{16}$/);
    expect(draftFingerprint(md)).toBe(draftFingerprint(stringifyNotes(sampleNotes())));
    expect(isHandEdited(md)).toBe(false);
  });

  it('editing a bullet, the frontmatter or one character flips it', () => {
    const md = drafted();
    expect(isHandEdited(md.replace('after pay talks collapsed. [s1, s2]', 'after pay talks failed. [s1, s2]'))).toBe(true);
    expect(isHandEdited(md.replace('as_of: 2024-03-09', 'as_of: 2024-03-10'))).toBe(true);
    expect(isHandEdited(`${md}\n`)).toBe(true);
    expect(isHandEdited(md.replace(/^drafted: (\w)/m, (_, c: string) => `drafted: ${c === 'a' ? 'b' : 'a'}`))).toBe(true);
  });

  it('a file without a drafted line counts as hand-edited', () => {
    expect(isHandEdited(stringifyNotes(sampleNotes()))).toBe(true);
    expect(isHandEdited('')).toBe(true);
  });

  it('line endings are not an edit: a CRLF copy parses and still matches its fingerprint', () => {
    const md = crlf(drafted());
    expect(parseNotes(md)).toEqual(sampleNotes());
    expect(isHandEdited(md)).toBe(false);
  });

  it('reads what an analyst does by hand: * bullets, blank lines, no evidence, reordering, an added item, CRLF, no drafted line', () => {
    const md = crlf(
      drafted()
        .replace(/^drafted:.*\n/m, '')
        .replace(/^ {2}>.*\n/gm, '') // evidence lines deleted
        .replace('- The strike began', '* The strike began')
        .replace('- Ships are being', '\n\n- Ships are being')
        .replace(/^(- \*\*2024-03\*\*.*)\n(- \*\*2024-03-02\*\*.*)$/m, '$2\n$1') // timeline moved out of order
        .replace('## Discrepancies\n\n', '## Discrepancies\n\n- Hand-written: the two counts may both be right. [s2]\n'),
    );
    const { notes, diagnostics } = parseNotesWithDiagnostics(md, 'notes/briefing.md');
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(diagnostics).toEqual([expect.objectContaining({ severity: 'warning', message: expect.stringMatching(/not in date order/) })]);
    const want = sampleNotes();
    for (const x of [...want.keyPoints, ...want.actors, ...want.timeline, ...want.quotes, ...want.figures]) x.evidence = [];
    want.discrepancies.unshift({ text: 'Hand-written: the two counts may both be right.', cites: ['s2'], evidence: [] });
    expect(notes).toEqual(want);
  });

  it('reads a bottom line wrapped and cited by hand', () => {
    const md = stringifyNotes(sampleNotes()).replace(/## Bottom line\n\n[^#]*/, '## Bottom line\n\nFirst claim,\nwrapped over two lines. [s1] [s2] Second\nclaim. [s3]\n\n');
    expect(parseNotes(md).bottomLine).toEqual([
      { text: 'First claim, wrapped over two lines.', cites: ['s1', 's2'], evidence: [] },
      { text: 'Second claim.', cites: ['s3'], evidence: [] },
    ]);
  });

  it('keeps the words of formatting an analyst typed, and says the marks are dropped', () => {
    const md = stringifyNotes(sampleNotes()).replace('- Ships are being diverted', '- Ships are *being* diverted [via](http://x) `now`');
    const { notes, diagnostics } = parseNotesWithDiagnostics(md);
    expect(notes?.keyPoints[1]?.text).toBe('Ships are being diverted via now to Port Mercer, 80 km north.');
    expect(diagnostics).toEqual([expect.objectContaining({ severity: 'warning', message: expect.stringMatching(/formatting/) })]);
  });
});
