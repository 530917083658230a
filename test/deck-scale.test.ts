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
import { planSlides, renderSlides } from '../src/render/slides/index.ts';
import { APPENDIX_SLIDES } from '../src/render/slides/list.ts';
import type { SourceEntry } from '../src/notes/model.ts';
import { sampleNotes } from './fixtures/sample-notes.ts';
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
    // Every item shown once across the main slide and the appendix, or counted as left out.
    expect(slides.main[0]!.items + slides.appendix.reduce((k, s) => k + s.items + (s.leftOut ?? 0), 0)).toBe(items.length);
  });
});

/** The sample briefing grown to `n` sources, an undated third of them, and a key point citing them all. */
function corpusNotes(n: number) {
  const notes = sampleNotes();
  const first = notes.sources[0]!;
  notes.sources = Array.from({ length: n }, (_, k): SourceEntry => ({
    ...first,
    id: `s${k + 1}`,
    file: `sources/a${k + 1}.txt`,
    title: `Report ${k + 1}`,
    ...(k % 3 === 0 ? { date: null, flags: ['undated'] } : {}),
  }));
  const all = notes.sources.map((s) => s.id);
  notes.keyPoints[0] = { ...notes.keyPoints[0]!, cites: all, evidence: all.map((id, k) => ({ source: id, start: k, end: k + 10, text: `Sentence ${k + 1}.` })) };
  return notes;
}

describe('a deck of a large corpus: what a room can be shown', () => {
  const notes = corpusNotes(3000);
  const plan = planSlides(notes);
  const deck = renderSlides(notes);

  it('lists the first citations of an item resting on thousands of sources and counts the rest', () => {
    expect(deck).toContain('<span class="b-cite">[s1, s2, s3, s4, s5, s6, s7, s8, s9, +2991 more]</span>');
    expect(deck).not.toContain('s2999, s3000]</span>');
    // A shown list no longer makes its item taller than a slide: the key points slide shows several.
    expect(plan.find((s) => s.heading === 'Key points' || s.heading === 'Key themes')!.items).toBeGreaterThan(1);
  });

  it('gives a few of its sources in the speaker notes, the citation line whole', () => {
    const line = deck.split('\n').findIndex((l) => l.startsWith(`- ${notes.keyPoints[0]!.text}`));
    const lines = deck.split('\n').slice(line + 1);
    const nested = lines.slice(0, lines.findIndex((l) => !l.startsWith('  - ')));
    expect(deck.split('\n')[line]).toContain('s2999, s3000]');
    expect(nested.filter((l) => / \(sources\/a\d+\.txt, /.test(l))).toHaveLength(12);
    expect(nested).toContain('  - 2988 more sources: the notes file lists every one');
  });

  it('keeps each appendix section to APPENDIX_SLIDES slides, and counts what they leave out', () => {
    const kinds = new Set(plan.filter((s) => s.part === 'appendix').map((s) => s.kind));
    expect(kinds.has('sources')).toBe(true);
    for (const kind of kinds) {
      const pages = plan.filter((s) => s.part === 'appendix' && s.kind === kind);
      expect(pages.length).toBeLessThanOrEqual(APPENDIX_SLIDES);
    }
    const sources = plan.filter((s) => s.kind === 'sources');
    const last = sources.at(-1)!;
    expect(sources.reduce((k, s) => k + s.items, 0) + last.leftOut!).toBe(3000);
    expect(last.body.map((b) => b.value).join('')).toContain(`${(3000 - sources.reduce((k, s) => k + s.items, 0)).toLocaleString('en-US')} more not on a slide`);
    // Every slide with more than one item still fits its box, the count line included.
    for (const s of plan) if (s.items > 1) expect(s.height, s.heading ?? '').toBeLessThanOrEqual(400);
  });

  it('keeps the most important items when it leaves some out: the most-cited events', () => {
    const n = corpusNotes(30);
    // 1,500 events, every 75th reported by three sources: more of those than the main slide holds,
    // spread over the whole list, so an appendix cut in list order would lose the later ones.
    const cited = (k: number) => k % 75 === 74;
    n.timeline = Array.from({ length: 1500 }, (_, k) => ({ date: `2024-${String(1 + Math.floor(k / 126)).padStart(2, '0')}-${String(1 + (k % 28)).padStart(2, '0')}`, text: `Event ${k + 1} at the depot.`, cites: cited(k) ? ['s1', 's2', 's3'] : ['s1'], evidence: [] }));
    const events = planSlides(n).filter((s) => s.kind === 'timeline');
    expect(events.at(-1)!.leftOut).toBeGreaterThan(0);
    const shown = events.map((s) => s.body.map((b) => b.value).join('')).join('');
    for (let k = 0; k < 1500; k++) if (cited(k)) expect(shown).toContain(`Event ${k + 1} at the depot.`);
  });

  it('widens the id column for ids longer than three characters, so `s3000` is not broken over two lines', () => {
    const firstColumn = (deck: string) => Number(/<colgroup><col style="width:([\d.]+)%">/.exec(deck)?.[1]);
    expect(firstColumn(renderSlides(sampleNotes()))).toBe(5.06);
    expect(firstColumn(deck)).toBeGreaterThan(6.9);
    expect(deck).not.toContain('<code>s3000</code>…');
  });
});

