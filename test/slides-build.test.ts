// Slow, real check of the deck renderer through the Slidev CLI: a broken deck fails with Slidev's
// own error, and Chromium exports the sample deck (briefing theme copied beside it) to PDF, read
// back with poppler (pdftotext, pdfinfo). The hostile and stress decks are built and opened in a
// browser by deck-fuzz.test.ts and deck-browser.test.ts.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseSync } from '@slidev/parser';
import { describe, expect, it } from 'vitest';
import type { BriefingNotes } from '../src/notes/model.ts';
import { renderSlides } from '../src/render/slides/index.ts';
import { buildDeck, exportDeck, findChromium } from '../src/render/slides/slidev.ts';
import { installTheme } from '../src/render/slides/theme-files.ts';
import { sampleNotes } from './fixtures/sample-notes.ts';

// Slidev resolves the theme from the deck's folder, so decks must live inside the package.
const TMP = fileURLToPath(new URL('./.tmp/slides-build/', import.meta.url));
const chromium = findChromium();
const SLOW = 600_000;

function writeDeck(name: string, notes: BriefingNotes): { deck: string; slides: number } {
  const dir = path.join(TMP, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const text = renderSlides(notes);
  const deck = path.join(dir, 'slides.md');
  writeFileSync(deck, text);
  installTheme(dir);
  // The first slide only carries the headmatter and is hidden: it is not exported.
  return { deck, slides: parseSync(text, deck).slides.length - 1 };
}

const pdfText = (pdf: string): string => execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
const pdfPages = (pdf: string): number => Number(/^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1]);

describe('a real Slidev build', () => {
  it('reports a failed build as TOOL_FAILED with Slidev\'s error, not vite\'s file list', { timeout: SLOW }, async () => {
    const dir = path.join(TMP, 'broken');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    // Hand-written, not rendered: the renderer cannot produce a deck that fails to compile.
    writeFileSync(path.join(dir, 'slides.md'), '---\ntheme: default\n---\n\n<p>{{ unclosed\n');
    const error = await buildDeck(path.join(dir, 'slides.md'), path.join(dir, 'dist')).then(() => null, (e: unknown) => e);
    expect(error).toMatchObject({ code: 'TOOL_FAILED', message: expect.stringContaining('Interpolation end sign was not found') });
    // The tail is short and free of the quoted module paths vite lists after an error.
    expect(String((error as Error).message).split('\n').length).toBeLessThanOrEqual(21);
    expect((error as Error).message).not.toMatch(/^\s+'\//m);
  });

  const exportIt = chromium || process.env.CI ? it : it.skip;
  if (!chromium) {
    console.warn(`skipping the PDF export checks: no Chromium found (set BRIEFING_CHROMIUM or install chromium)${process.env.CI ? '; CI is set, so the check fails instead' : ''}`);
  }

  exportIt('exports the sample deck to PDF, one page a slide, every text shown as text', { timeout: SLOW }, async () => {
    expect(chromium, 'Chromium is required when CI is set').toBeTruthy();
    const notes = sampleNotes();
    const { deck, slides } = writeDeck('sample', notes);
    const { output } = await exportDeck(deck, { format: 'pdf', output: path.join(path.dirname(deck), 'sample.pdf') });
    const text = pdfText(output);
    expect(text).not.toContain('An error occurred on this slide');
    expect(text).not.toMatch(/Syntax error in text|Parse error/);
    expect(pdfPages(output)).toBe(slides);
    expect(text).toContain('Briefing: Harbour strike at');
    expect(text).toContain('Transport Federation');
    expect(text).toContain(`As of ${notes.asOf}`);
    expect(text).toContain(`2 / ${slides}`);
  });
});
