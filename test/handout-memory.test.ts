// The handout does not lay out a page that could never fit: notes with thousands of timeline events
// or sources (a large corpus's) are searched from cuts only, since Typst's layout of every item costs
// hundreds of MB and seconds.
import { describe, expect, it, vi } from 'vitest';
import type { HandoutData } from '../src/render/handout/payload.ts';
import { richNotes } from './helpers/deck-fixtures.ts';

const laidOut: number[] = [];
const sourcesLaidOut: number[] = [];
vi.mock('../src/render/handout/compiler.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../src/render/handout/compiler.ts')>();
  return {
    ...real,
    layout: (data: HandoutData, ...rest: [never?, never?]) => {
      if ('timeline' in data) laidOut.push(data.timeline.length);
      if ('sources' in data) sourcesLaidOut.push(data.sources.length);
      return real.layout(data, ...rest);
    },
  };
});

const { renderHandout } = await import('../src/render/handout/index.ts');

describe('handout: no layout of a page far over three pages', () => {
  it('fits 2,000 invented timeline events on one page without laying all of them out', { timeout: 120_000 }, async () => {
    const notes = richNotes();
    const cite = notes.timeline[0]!.cites;
    notes.timeline = Array.from({ length: 2000 }, (_, k) => ({
      date: `2024-0${1 + (k % 9)}-${String(1 + (k % 28)).padStart(2, '0')}`,
      text: `Inspectors visited depot number ${k + 1} and counted its stock.`,
      cites: cite,
      evidence: [],
    }));
    const result = await renderHandout(notes);
    expect(result.pages).toBe(1);
    expect(laidOut.length).toBeGreaterThan(0);
    // Two thousand units of at least half an em in two columns run far past three pages.
    expect(Math.max(...laidOut)).toBeLessThan(2000);
  });

  it('fits 6,000 sources without laying out a source list of them all', { timeout: 120_000 }, async () => {
    const notes = richNotes();
    const first = notes.sources[0]!;
    notes.sources = Array.from({ length: 6000 }, (_, k) => ({ ...first, id: `s${k + 1}`, file: `sources/a${k + 1}.txt`, title: `Report ${k + 1}` }));
    sourcesLaidOut.length = 0;
    const result = await renderHandout(notes, { fit: null });
    expect(result.pages).toBe(1);
    expect(sourcesLaidOut.length).toBeGreaterThan(0);
    // 6,000 entries of at least half an em, three to a row, run far past three pages.
    expect(Math.max(...sourcesLaidOut)).toBeLessThan(6000);
  });
});
