// How the deck sizes a slide before any browser sees it: zoom steps fine enough to land near the
// fill aimed at, a lone item set large, and the "who backs whom" graph drawn in the direction that
// fills the slide (a chain top to bottom, not a thin strip across the top).
import { describe, expect, it } from 'vitest';
import type { Actor, BriefingNotes } from '../src/notes/model.ts';
import { CONTENT, planSlides } from '../src/render/slides/index.ts';
import { FILL, fitBlock, TIGHT } from '../src/render/slides/fit.ts';
import { relationGraph } from '../src/render/slides/mermaid.ts';
import { fewNotes } from './helpers/deck-fixtures.ts';

const actor = (name: string, backedBy: string[] = [], opposedBy: string[] = []): Actor => ({ name, description: '', backedBy, opposedBy, cites: ['s1'], evidence: [] });

describe('zoom estimation', () => {
  it('lands within a tenth under the fill aimed at when the zoom is free', () => {
    // Text blocks grow about as the square of the zoom (wider type, more lines).
    const short: string[] = [];
    for (let base = 60; base <= 330; base += 5) {
      const fit = fitBlock(1, (_count, zoom) => base * zoom * zoom, CONTENT.height, 1, 2.6);
      if (fit.zoom < 2.6 && fit.height < CONTENT.height * FILL.high * 0.9) short.push(`${base}: ${fit.zoom} → ${Math.round(fit.height)} px`);
    }
    expect(short).toEqual([]);
  });

  it('never fills past the aim, and shrinks a block that does not fit at 1', () => {
    for (let base = 60; base <= 600; base += 7) {
      const fit = fitBlock(1, (_count, zoom) => base * zoom * zoom, CONTENT.height, 1, 2.6);
      if (base * 0.7 * 0.7 <= CONTENT.height * FILL.high) expect(fit.height).toBeLessThanOrEqual(CONTENT.height * FILL.high);
    }
  });

  it('plans a main slide with the items that fit a little smaller, when each wraps at the designed size', () => {
    // Items of one line (32 px) that the widest-font estimate wraps onto two (56 px) at zoom 1.
    const rail = (count: number, zoom: number): number => count * zoom * (zoom > 0.9 ? 56 : 32);
    const fit = fitBlock(20, rail, CONTENT.height, 8, 1.5);
    expect(fit.count).toBe(8);
    expect(fit.zoom).toBeGreaterThanOrEqual(TIGHT);
    expect(fit.height).toBeLessThanOrEqual(CONTENT.height * FILL.high);
  });

  it('sets a lone short disagreement larger than twice its designed size', () => {
    const slide = planSlides(fewNotes()).find((s) => s.kind === 'discrepancies' && s.part === 'main');
    expect(slide?.items).toBe(1);
    expect(slide?.zoom).toBeGreaterThan(2);
  });
});

describe('who backs whom: direction', () => {
  const notes = (actors: Actor[]): Pick<BriefingNotes, 'actors'> => ({ actors });

  it('draws a chain of backers top to bottom, so it fills the slide instead of a strip across it', () => {
    const chain = notes([actor('Second Group', ['First Group']), actor('Third Group', ['Second Group']), actor('Fourth Group', ['Third Group'], ['Fifth Group'])]);
    const graph = relationGraph(chain.actors);
    expect(graph?.direction).toBe('TB');
    expect(graph?.code.split('\n')[0]).toBe('graph TB');
  });

  it('draws two long-named backers of one side left to right, where their labels are larger', () => {
    const pair = notes([actor('Maria Lenz', ['Transport Federation'], ['Port of Avalon Authority'])]);
    expect(relationGraph(pair.actors)?.direction).toBe('LR');
  });

  it('draws the short test briefing (a cycle of three) top to bottom', () => {
    expect(relationGraph(fewNotes().actors)?.direction).toBe('TB');
  });
});
