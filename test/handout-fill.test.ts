// The handout uses the whole page and says each sentence once: measured on constructed notes with
// many items and with few, read back from the PDF (pdftotext) and looked at as a PNG in test/.tmp/.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BriefingNotes } from '../src/notes/model.ts';
import { withoutRepeats } from '../src/render/handout/dedupe.ts';
import { renderHandout } from '../src/render/handout/index.ts';
import { fewNotes, richNotes } from './helpers/deck-fixtures.ts';

const TMP = path.join(import.meta.dirname, '.tmp', 'handout');

/** The PDF's text with whitespace folded, and a PNG of the page saved beside it. */
async function render(name: string, notes: BriefingNotes): Promise<{ result: Awaited<ReturnType<typeof renderHandout>>; text: string }> {
  mkdirSync(TMP, { recursive: true });
  const result = await renderHandout(notes);
  const file = path.join(TMP, `${name}.pdf`);
  writeFileSync(file, result.pdf);
  spawnSync('pdftoppm', ['-png', '-r', '60', '-singlefile', file, path.join(TMP, name)]);
  const text = spawnSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).stdout.replace(/[\s\u200b]+/g, ' ');
  return { result, text };
}

const count = (text: string, words: string): number => text.split(words).length - 1;

describe('handout: the whole page', () => {
  it('grows the type of a short briefing until the blank above the sources is under a tenth of the page', { timeout: 120_000 }, async () => {
    const { result } = await render('few-items', fewNotes());
    expect(result.pages).toBe(1);
    expect(result.omitted).toEqual([]);
    expect(result.fontSize).toBeGreaterThan(12);
    expect(result.blank).toBeLessThan(0.1);
  });

  it('fills the page of a long briefing, with its themes, caveats and trends', { timeout: 300_000 }, async () => {
    const { result, text } = await render('many-items', richNotes());
    expect(result.pages).toBe(1);
    expect(result.blank).toBeLessThan(0.1);
    for (const theme of ['Pay talks', 'Shipping disruption', 'Political pressure']) expect(text).toContain(theme);
    expect(text).toContain('⚠ damaged text, undated');
    // The warning sign comes from DejaVu Sans: no CJK font is loaded (tens of megabytes) for one glyph.
    const fonts = spawnSync('pdffonts', [path.join(TMP, 'many-items.pdf')], { encoding: 'utf8' }).stdout;
    expect(fonts).toContain('DejaVuSans');
    expect(fonts).not.toContain('CJK');
    expect(text).toContain('TRENDS');
    expect(text).toContain('ships waiting: 12 ships (2024-03-02) → at least 31 (2024-03-05) → nearly 60 (2024-03-08)');
  });
});

describe('handout: each sentence once', () => {
  /** Notes whose sections repeat each other's sentences, as drafted notes often do. */
  function repeating(): BriefingNotes {
    const n = fewNotes();
    const bottom = n.bottomLine[0]!.text;
    const point = n.keyPoints[1]!.text;
    n.keyPoints.push({ text: bottom, cites: ['s1'], evidence: [] });
    n.timeline.push({ date: '2024-03-05', text: point, cites: ['s2'], evidence: [] });
    n.figures = [
      { figure: '3 lines', text: 'Three container lines diverted 14 ships north.', cites: ['s1'], evidence: [] },
      { figure: '14 ships', text: 'Three container lines diverted 14 ships north.', cites: ['s2'], evidence: [] },
      { figure: 'six hours', text: point, cites: ['s2'], evidence: [] },
    ];
    return n;
  }

  it('leaves out an item whose sentence is already shown, and merges figures of one sentence', () => {
    const n = repeating();
    const shown = withoutRepeats(n);
    expect(shown.keyPoints.length).toBe(n.keyPoints.length - 1);
    expect(shown.timeline.length).toBe(n.timeline.length - 1);
    expect(shown.figures.map((f) => [f.figure, f.text])).toEqual([
      ['3 lines · 14 ships', 'Three container lines diverted 14 ships north.'],
      ['six hours', ''],
    ]);
    expect(shown.figures[0]?.cites).toEqual(['s1', 's2']);
  });

  it('takes a sentence said again in other words (reworded, cut short, quoted inside a longer one) for a repeat, unless a number changed', () => {
    const n = fewNotes();
    const point = 'Three container lines said they would divert ships to ports further north.';
    n.keyPoints = [{ text: point, cites: ['s1'], evidence: [] }];
    n.timeline = [
      { date: '2024-03-04', text: 'Three container lines said on Monday they would divert ships to ports further north.', cites: ['s2'], evidence: [] },
      { date: '2024-03-05', text: 'Three container lines said they would divert 40 ships to ports further north.', cites: ['s3'], evidence: [] },
      { date: '2024-03-06', text: 'Port officials said the talks would resume on Friday.', cites: ['s3'], evidence: [] },
    ];
    n.figures = [{ figure: '14 ships', text: `Officials confirmed that ${point.toLowerCase()}`, cites: ['s2'], evidence: [] }];
    const shown = withoutRepeats(n);
    expect(shown.timeline.map((e) => e.date)).toEqual(['2024-03-05', '2024-03-06']);
    expect(shown.figures.map((f) => [f.figure, f.text])).toEqual([['14 ships', '']]);
  });

  it('prints no sentence twice on the page', { timeout: 120_000 }, async () => {
    const n = repeating();
    const { text } = await render('no-repeats', n);
    for (const s of [n.bottomLine[0]!.text, n.keyPoints[1]!.text, 'Three container lines diverted 14 ships north.']) expect(count(text, s), s).toBe(1);
    expect(text).toContain('3 lines · 14 ships');
  });
});
