// The deck as a presentation, on constructed notes with many items and with few: the slide budget,
// one main slide per idea filled by estimated height (no "(2/3)" slides), the rest in the appendix,
// and the optional model fields (themes, support, caveats, positions, trends) shown when present.
import { describe, expect, it } from 'vitest';
import type { BriefingNotes } from '../src/notes/model.ts';
import { CONTENT, planSlides, renderSlides } from '../src/render/slides/index.ts';
import { visibleText } from '../src/render/slides/markup.ts';
import type { Slide } from '../src/render/slides/slide.ts';
import { fewNotes, richNotes } from './helpers/deck-fixtures.ts';
import { stressNotes } from './helpers/deck-notes.ts';

const bodyText = (s: Slide | undefined): string => (s?.body ?? []).map(visibleText).join(' ');
const notesOf = (s: Slide | undefined): string => (s?.notes ?? []).map((l) => l.value).join('\n');
const mainOf = (plan: Slide[]): Slide[] => plan.filter((s) => s.part === 'main');
const content = (plan: Slide[]): Slide[] => plan.filter((s) => s.kind !== 'cover' && s.kind !== 'divider');

describe.each([
  ['many items', richNotes],
  ['few items', fewNotes],
] as const)('the deck plan, %s', (_, build) => {
  const n = build();
  const plan = planSlides(n);

  it('has 10-14 main slides, one per kind, and no "(2/3)" slide', () => {
    expect(mainOf(plan).length).toBeGreaterThanOrEqual(10);
    expect(mainOf(plan).length).toBeLessThanOrEqual(14);
    expect(new Set(mainOf(plan).map((s) => s.kind)).size).toBe(mainOf(plan).length);
    expect(plan.map((s) => s.heading ?? '').filter((h) => /\(\d+\/\d+\)/.test(h))).toEqual([]);
    expect(renderSlides(n)).not.toMatch(/\(\d+\/\d+\)/);
  });

  it('fills every content slide to 45-95% of its box by estimate, enlarging short sections', () => {
    for (const s of content(plan).filter((x) => x.kind !== 'relations')) {
      expect(s.height / CONTENT.height, `${s.heading}`).toBeGreaterThanOrEqual(0.45);
      expect(s.height / CONTENT.height, `${s.heading}`).toBeLessThanOrEqual(0.95);
    }
  });

  it('shows the bottom line on one slide, whole', () => {
    const bottom = plan.filter((s) => s.kind === 'bottomLine');
    expect(bottom.length).toBe(1);
    for (const c of n.bottomLine) expect(bodyText(bottom[0])).toContain(c.text);
  });

  it('gives every slide speaker notes', () => {
    for (const s of plan) expect(s.notes.length, `${s.heading}`).toBeGreaterThan(0);
  });
});

describe('the deck plan with many items', () => {
  const n = richNotes();
  const plan = planSlides(n);
  const divider = plan.findIndex((s) => s.kind === 'divider');

  it('puts the rest after an "Appendix" divider, every item on exactly one slide', () => {
    expect(divider).toBe(mainOf(plan).length);
    expect(plan.slice(divider).every((s) => s.part === 'appendix')).toBe(true);
    const timeline = plan.filter((s) => s.kind === 'timeline').reduce((sum, s) => sum + s.items, 0);
    expect(timeline).toBe(n.timeline.length);
    const quotes = plan.filter((s) => s.kind === 'quotes').reduce((sum, s) => sum + s.items, 0);
    expect(quotes).toBe(n.quotes.length);
    const points = plan.filter((s) => s.kind === 'keyPoints').map(bodyText).join('\n');
    for (const k of n.keyPoints) expect(points.split(k.text).length - 1, k.text).toBe(1);
  });

  it('groups key points into theme cards with support counts and marks caveated points', () => {
    const themes = plan.find((s) => s.heading === 'Key themes');
    const text = bodyText(themes);
    for (const t of ['Pay talks', 'Shipping disruption', 'Political pressure', 'Public services']) expect(text).toContain(t);
    expect(text).toContain('3 sources');
    expect(text).toContain('1 source');
    expect(text).toContain('⚠ damaged text, undated');
  });

  it('shows actor positions on the cards, and all of them in the notes', () => {
    const actors = plan.find((s) => s.heading === 'Actors');
    expect(bodyText(actors)).toContain('wants a pay rise above inflation');
    expect(notesOf(actors)).toContain('Position: says it cannot pay more than four percent');
  });

  it('charts each trend from its points, and shows a sentence once however many figures it gives', () => {
    const numbers = plan.find((s) => s.heading === 'Numbers');
    const html = (numbers?.body ?? []).map((b) => b.value).join('');
    const lines = [...html.matchAll(/<polyline class="b-chart-line" points="([^"]+)"/g)].map((m) => m[1]?.split(' ').length);
    expect(lines).toEqual([3, 2]);
    expect(bodyText(numbers)).toContain('nearly 60');
    // The two figures of one sentence share a card: the numbers together, the sentence once.
    const all = plan.filter((s) => s.kind === 'figures').map(bodyText).join(' ');
    expect(all).toContain('3 lines · 14 ships');
    expect(all.split('Three container lines diverted 14 ships').length - 1).toBe(1);
  });

  it('lists the undated source with what rests on it, and the caveated claims', () => {
    const unknowns = plan.filter((s) => s.kind === 'unknowns');
    const text = unknowns.map(bodyText).join(' ');
    expect(text).toContain('undated source');
    expect(text).toContain('Report number 3 on the harbour dispute');
    expect(text).toContain('cited for: Three container lines said they would divert ships');
    expect(text).toContain('old source');
  });

  it('says an undated source judged stale is old as well as undated', () => {
    const undated = n.sources.find((s) => s.date === null)!;
    const stale = { ...n, sources: n.sources.map((s) => (s === undated ? { ...s, flags: [...s.flags, 'stale' as const] } : s)) };
    const text = planSlides(stale).filter((s) => s.kind === 'unknowns').map(bodyText).join(' ');
    expect(text).toContain('old, undated source');
    expect(planSlides(n).filter((s) => s.kind === 'unknowns').map(bodyText).join(' ')).not.toContain('old, undated source');
  });

  it('puts on the main timeline slide the events more sources report', () => {
    const main = plan.find((s) => s.heading === 'What happened');
    const shown = n.timeline.filter((e) => bodyText(main).includes(e.text));
    expect(shown.length).toBeGreaterThan(2);
    expect(shown.every((e) => e.cites.length === 2)).toBe(true);
  });
});

describe('key points left off the theme cards', () => {
  it('are paged evenly in the appendix, never one alone on a slide', () => {
    const n = richNotes();
    // Four themes of two long points: the cards have room for one each, so four points are left
    // over, about 96 px each at zoom 1: one more than a page holds.
    const long = (k: number): string => `Point ${k + 1}: negotiators for the port and the union met again on the third floor of the labour board and left without an agreement on pay, overtime or the night shifts in the harbour.`;
    n.keyPoints = Array.from({ length: 8 }, (_, k) => ({ text: long(k), cites: ['s1', 's2'], evidence: [], support: 2, theme: ['Pay', 'Shipping', 'Politics', 'Services'][k % 4] }));
    const pages = planSlides(n).filter((s) => s.part === 'appendix' && s.kind === 'keyPoints');
    expect(pages.map((s) => s.items)).toEqual([2, 2]);
    expect(pages.map((s) => s.heading)).toEqual(['More key points', 'More key points continued']);
  });
});

describe('the deck plan with few items and no optional fields', () => {
  const n: BriefingNotes = fewNotes();
  const plan = planSlides(n);

  it('has no appendix and falls back to a numbered key point list with support from the citations', () => {
    expect(plan.some((s) => s.kind === 'divider')).toBe(false);
    const points = plan.find((s) => s.kind === 'keyPoints');
    expect(points?.heading).toBe('Key points');
    expect(bodyText(points)).toContain('3 sources');
    expect(bodyText(points)).toContain('2 sources');
  });

  it('enlarges a short section rather than leaving the slide half empty', () => {
    expect(plan.find((s) => s.kind === 'discrepancies')?.zoom).toBeGreaterThan(1.5);
    expect(plan.find((s) => s.kind === 'bottomLine')?.zoom).toBeGreaterThan(1.2);
    // One undated source and what rests on it: measured 38% of the box at 1.6, ~70% at 2.
    expect(plan.find((s) => s.kind === 'unknowns')?.zoom).toBeGreaterThan(1.6);
  });
});

describe('the stress deck', () => {
  it('keeps four long bottom-line sentences on one slide, set smaller', () => {
    const plan = planSlides(stressNotes());
    const bottom = plan.filter((s) => s.kind === 'bottomLine');
    expect(bottom.length).toBe(1);
    expect(bottom[0]?.zoom).toBeLessThan(1);
    expect(bottom[0]?.items).toBe(4);
  });
});
