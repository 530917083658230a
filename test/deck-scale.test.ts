// The deck planner at scale (10,000 sources): each item measured once per zoom, zoom steps bisected,
// citation lists measured once, the claims resting on each weak source found in one pass. Each is
// checked against the loop it replaced (test/helpers/deck-oracles.ts) on random inputs.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Claim } from '../src/notes/model.ts';
import { fitZoom } from '../src/render/slides/fit.ts';
import { atZoom, CONTENT, citeEm, citesEm, lineCount, textHeight } from '../src/render/slides/geometry.ts';
import { cite, sectionSlides } from '../src/render/slides/list.ts';
import { html } from '../src/render/slides/markup.ts';
import { citeText } from '../src/render/slides/notes.ts';
import { paginate } from '../src/render/slides/paginate.ts';
import { claimHeight } from '../src/render/slides/points.ts';
import { restingClaims } from '../src/render/slides/unknowns.ts';
import { fitZoomEachStep, paginateEachFill, restingClaimsEachSource } from './helpers/deck-oracles.ts';

const WORDS = ['a', 'port', 'Avalon', 'negotiations', 'W', 'é', '中文', '—', 'x'.repeat(70), 'mmmmmmmm', '1,200'];
const text = fc.array(fc.constantFrom(...WORDS), { maxLength: 60 }).map((w) => w.join(' '));
const ids = fc.array(fc.integer({ min: 1, max: 40 }).map((k) => `s${k}`), { maxLength: 30 });
const claim = fc.record({ text, cites: ids }).map((c): Claim => ({ ...c, evidence: [] }));

describe('deck planning at scale: the same plan as before, found with fewer measurements', () => {
  it('never gives a text fewer lines in a narrower box (what bisecting the zoom steps rests on)', () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 10, max: 24 }), fc.double({ min: 40, max: 900, noNaN: true }), fc.double({ min: 0, max: 50, noNaN: true }), fc.boolean(), (t, px, width, tail, mono) => {
        const box = { px, line: 20, width, mono };
        const narrower = { ...box, width: width * 0.9 };
        expect(lineCount(t, narrower, tail)).toBeGreaterThanOrEqual(lineCount(t, box, tail));
      }),
      { numRuns: 2000, seed: 13 },
    );
  });

  it('picks the zoom every step would have picked', () => {
    fc.assert(
      fc.property(fc.array(claim, { minLength: 1, maxLength: 14 }), fc.integer({ min: 100, max: 900 }), fc.constantFrom(1.4, 1.5, 1.6, 1.8, 2, 2.6), (claims, room, maxZoom) => {
        const box = { px: 20, line: 28, width: CONTENT.width - 40 };
        const height = (z: number) => claims.reduce((sum, c) => sum + claimHeight(c, box, z, 12), 0);
        expect(fitZoom(height, room, maxZoom)).toBe(fitZoomEachStep(height, room, maxZoom));
      }),
      { numRuns: 500, seed: 17 },
    );
  });

  it('pages items as the fill that measured each item at each trial did', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 500 }), { maxLength: 80 }), fc.integer({ min: 50, max: 400 }), fc.integer({ min: 1, max: 14 }), (heights, room, maxItems) => {
        const items = heights.map((h, i) => ({ h, i }));
        expect(paginate(items, (x) => x.h, room, maxItems)).toEqual(paginateEachFill(items, (x) => x.h, room, maxItems));
      }),
      { numRuns: 1000, seed: 19 },
    );
  });

  it('finds the claims resting on each weak source as the search of every claim for every source did', () => {
    fc.assert(
      fc.property(fc.array(claim, { maxLength: 60 }), fc.uniqueArray(fc.integer({ min: 1, max: 40 }).map((k) => `s${k}`)), (claims, weak) => {
        const found = restingClaims(claims, new Set(weak));
        const oracle = restingClaimsEachSource(claims, weak, 3);
        for (const id of weak) expect(found.get(id) ?? []).toEqual(oracle.get(id));
      }),
      { numRuns: 500, seed: 23 },
    );
  });

  it('measures a citation list as its written form, and writes it once', () => {
    fc.assert(
      fc.property(ids, fc.integer({ min: 10, max: 24 }), (cites, px) => {
        expect(citesEm(cites, px)).toBe(citeEm(citeText(cites), px));
        expect(citesEm(cites, px)).toBe(citesEm(cites, px));
        expect(cite(cites)).toBe(cite(cites));
        expect(cite(cites).value).toBe(`<span class="b-cite">${citeText(cites).replace(/&/g, '&amp;')}</span>`);
      }),
      { numRuns: 300, seed: 29 },
    );
  });

  it('measures each item once at each zoom, however many page breaks and zooms are tried', () => {
    const items = Array.from({ length: 300 }, (_, k) => ({ text: `Item ${k}: ${'negotiations continued '.repeat(1 + (k % 7))}`, cites: [`s${k}`] }));
    const calls = new Map<string, number>();
    const box = { px: 18, line: 25, width: CONTENT.width - 40 };
    const slides = sectionSlides({
      kind: 'keyPoints',
      layout: 'points',
      heading: 'Key points',
      appendixHeading: 'More key points',
      items,
      maxItems: 6,
      list: ['<ol>', '</ol>'],
      item: (it) => html`<li>${it.text}</li>`,
      height: (it, z) => {
        const key = `${it.cites[0]} ${z}`;
        calls.set(key, (calls.get(key) ?? 0) + 1);
        return z * (textHeight(it.text, atZoom(box, z, 40), citesEm(it.cites, box.px)) + 12);
      },
      notes: () => [],
    });
    expect(slides.appendix.length).toBeGreaterThan(10);
    expect(Math.max(...calls.values())).toBe(1);
    // Every item shown once, in order, across the main slide and the appendix.
    expect(slides.main[0]!.items + slides.appendix.reduce((k, s) => k + s.items, 0)).toBe(items.length);
  });
});
