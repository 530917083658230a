// The deck and handout settings of a config file: section limits, the deck's section order and its slide budget.
import { describe, expect, it } from 'vitest';
import { planSlides, renderDeck } from '../src/render/slides/index.ts';
import { withLimits } from '../src/render/tuning.ts';
import { richNotes } from './helpers/deck-fixtures.ts';

const mainKinds = (plan: ReturnType<typeof planSlides>) => plan.filter((s) => s.part === 'main').map((s) => s.kind);

describe('config: sections and slide budget', () => {
  const n = richNotes();

  it('cuts each limited section to its first items, the timeline to its most-cited events in date order, never the sources', () => {
    const cut = withLimits(n, { 'Key points': 2, Timeline: 3, Quotes: 0, Sources: 1 });
    expect(cut.keyPoints).toEqual(n.keyPoints.slice(0, 2));
    expect(cut.quotes).toEqual([]);
    expect(cut.sources).toEqual(n.sources);
    expect(cut.actors).toEqual(n.actors);
    expect(cut.timeline).toHaveLength(3);
    const dates = cut.timeline.map((e) => e.date);
    expect([...dates].sort()).toEqual(dates);
    const fewest = Math.min(...cut.timeline.map((e) => e.cites.length));
    expect(n.timeline.filter((e) => !cut.timeline.includes(e)).every((e) => e.cites.length <= fewest)).toBe(true);
  });

  it('puts the named sections first in the deck, the others after in their usual order', () => {
    const usual = mainKinds(planSlides(n));
    const ordered = mainKinds(planSlides(n, undefined, { order: ['Quotes', 'Bottom line'] }));
    expect(ordered.slice(0, 3)).toEqual(['cover', 'quotes', 'bottomLine']);
    expect(ordered.slice(3)).toEqual(usual.filter((k) => k !== 'cover' && k !== 'quotes' && k !== 'bottomLine'));
  });

  it('moves the least needed main slides to the appendix to keep within the budget, never the bottom line', () => {
    const usual = planSlides(n);
    const tight = planSlides(n, undefined, { slideBudget: 5 });
    expect(mainKinds(tight)).toHaveLength(5);
    expect(mainKinds(tight)).toContain('bottomLine');
    expect(mainKinds(tight)).toContain('keyPoints');
    expect(mainKinds(tight)).not.toContain('unknowns');
    // Nothing is lost: every slide of the usual deck is still in it.
    expect(tight.filter((s) => s.kind !== 'divider').length).toBe(usual.filter((s) => s.kind !== 'divider').length);
  });

  it('keeps the sections the settings name on main slides before the others', () => {
    const kinds = mainKinds(planSlides(n, undefined, { slideBudget: 4, order: ['Quotes', 'Discrepancies'] }));
    expect(kinds).toEqual(['cover', 'quotes', 'discrepancies', 'bottomLine']);
  });

  it('reaches the written deck', () => {
    const deck = renderDeck(n, { slideBudget: 4, sections: { limits: { Quotes: 0 } } }).markdown;
    expect(deck).not.toBe(renderDeck(n).markdown);
    expect(deck).not.toContain(n.quotes[0]!.text.slice(0, 30));
  });
});
