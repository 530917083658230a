// The notes format's synthesis fields: themes as `### Theme [cites]` headings in Key points, support and
// caveats as a `{2 sources; stale}` marker before the citations, actor positions and trend points as
// sub-items. They round-trip, pass the official checker, can be edited by hand, and notes without them
// still read.
import { describe, expect, it } from 'vitest';
import type { BriefingNotes } from '../src/notes/model.ts';
import { parseNotes, parseNotesWithDiagnostics, stringifyNotes } from '../src/notes/markdown.ts';
import { normalizeNotes } from '../src/notes/text.ts';
import { checkNotesFormat } from './fixtures/notes/check.ts';
import { HOSTILE_STRINGS, sampleNotes } from './fixtures/sample-notes.ts';

const ev = (source: string, start: number, text: string) => ({ source, start, end: start + text.length, text });

/** The sample with every synthesis field filled. */
function synthesisNotes(): BriefingNotes {
  const n = sampleNotes();
  n.keyPoints = [
    { ...n.keyPoints[0]!, theme: 'Pay talks', support: 2 },
    { text: 'The union rejected the second offer.', cites: ['s1', 's2'], evidence: [], theme: 'Pay talks', support: 1 },
    { ...n.keyPoints[1]!, theme: 'Port of Avalon Authority', support: 1, caveats: ['stale', 'undated'] },
  ];
  n.actors[0]!.positions = [
    { text: 'The workers would stay out until the offer is fair.', cites: ['s1'], evidence: [ev('s1', 40, 'Union secretary Maria Lenz said the workers would stay out.')], support: 1 },
    { text: 'Maria Lenz wants a pay rise of 6%.', cites: ['s3'], evidence: [], support: 1, caveats: ['degraded'] },
  ];
  n.trends = [{
    text: 'At least 2,400 dockers have now joined the strike.',
    measure: 'dockers on strike',
    points: [{ date: '2024-03-03', value: 2000, figure: 'about 2,000', source: 's1' }, { date: '2024-03-09', value: 2400, figure: 'at least 2,400', source: 's3' }],
    cites: ['s1', 's3'],
    evidence: [ev('s3', 700, 'At least 2,400 dockers have now joined the strike, the union said.')],
  }];
  return n;
}

describe('synthesis fields in the notes file', () => {
  const text = stringifyNotes(synthesisNotes(), { drafted: true });

  it('round-trips themes, support, caveats, positions and trends', () => {
    expect(parseNotes(text)).toEqual(synthesisNotes());
  });

  it('writes them in a form the analyst can read and the official checker accepts', () => {
    expect(text).toContain('### Pay talks [s1, s2]\n\n- The strike began on March 2 after pay talks collapsed. {2 sources} [s1, s2]');
    expect(text).toContain('- Ships are being diverted to Port Mercer, 80 km north. {1 source; stale, undated} [s3]');
    expect(text).toContain('  - **Wants** — Maria Lenz wants a pay rise of 6%. {1 source; degraded} [s3]');
    expect(text).toContain('- **Trend: about 2,000 → at least 2,400 dockers on strike** — At least 2,400 dockers have now joined the strike. [s1, s3]');
    expect(text).toContain('  - **2024-03-03** — about 2,000 [s1]');
    const r = checkNotesFormat(text, 'synthesis.md');
    expect(r.status, r.report).toBe(0);
  });

  it('keeps hostile text in themes and positions as text, and a text ending in a brace is no marker', () => {
    const n = synthesisNotes();
    HOSTILE_STRINGS.forEach((s, k) => {
      n.keyPoints.push({ text: `${s} {2 sources}`, cites: ['s2'], evidence: [], theme: s, support: 1 });
      n.actors[1]!.positions = [...(n.actors[1]!.positions ?? []), { text: `${s} }`, cites: ['s3'], evidence: [] }];
      if (k === 0) n.keyPoints.push({ text: 'A plain point ending in {stale}', cites: ['s1'], evidence: [], theme: s });
    });
    const written = stringifyNotes(n);
    expect(parseNotes(written)).toEqual(normalizeNotes(n));
    expect(checkNotesFormat(written, 'hostile.md').status).toBe(0);
  });

  it('reads an analyst\'s edits: a marker changed or deleted, a theme renamed, a point moved under another theme', () => {
    const edited = text
      .replace('{2 sources} [s1, s2]', '[s1, s2]')
      .replace('{1 source; stale, undated} [s3]', '{3 sources; undated} [s3]')
      .replace('### Pay talks [s1, s2]', '### Wages')
      .replace(/^(- The union rejected the second offer\.) \{1 source\} (\[s1, s2\])\n/m, '')
      .replace('## Actors', '- The union rejected the second offer. [s1, s2]\n\n## Actors');
    const n = parseNotes(edited);
    expect(n.keyPoints.map((p) => [p.text, p.theme, p.support, p.caveats])).toEqual([
      ['The strike began on March 2 after pay talks collapsed.', 'Wages', undefined, undefined],
      ['Ships are being diverted to Port Mercer, 80 km north.', 'Port of Avalon Authority', 3, ['undated']],
      ['The union rejected the second offer.', 'Port of Avalon Authority', undefined, undefined],
    ]);
  });

  it('reports a malformed marker or trend point with its line', () => {
    const bad = text.replace('{1 source; stale, undated}', '{1 source; shaky}').replace('  - **2024-03-03** — about 2,000 [s1]', '  - **2024-03-03** — about two thousand [s1]');
    const { notes, diagnostics } = parseNotesWithDiagnostics(bad, 'bad.md');
    expect(notes).toBeNull();
    const lines = bad.split('\n');
    const at = (needle: string) => lines.findIndex((l) => l.includes(needle)) + 1;
    expect(diagnostics.map((d) => d.line)).toEqual(expect.arrayContaining([at('{1 source; shaky}'), at('about two thousand')]));
    expect(diagnostics.map((d) => d.message).join('\n')).toMatch(/support marker/);
  });

  it('still reads notes written without any of them', () => {
    const plain = stringifyNotes(sampleNotes());
    expect(plain).not.toMatch(/###|\{\d+ sources?\}|Trend:/);
    expect(parseNotes(plain)).toEqual(sampleNotes());
  });
});
