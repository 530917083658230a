// The deck's map keeps its last drawing (slides/sections.ts deckMap): reused only when the places and
// the actors are the same, so every deck's map is the one drawn afresh for its notes.
import { describe, expect, it } from 'vitest';
import { renderMap } from '../src/render/map/index.ts';
import { MAP_VIEW } from '../src/render/slides/map.ts';
import { deckMap } from '../src/render/slides/sections.ts';
import { fewNotes } from './helpers/deck-fixtures.ts';

describe('deck map: the kept drawing', () => {
  it('is the fresh drawing for each notes in turn: other places, other sides, then the first again', () => {
    const a = fewNotes();
    a.timeline[0]!.text = 'Dockers walked out in Rotterdam after talks broke down.';
    const b = structuredClone(a);
    b.timeline[0]!.text = 'Dockers walked out in Lagos after talks broke down.';
    const c = structuredClone(a);
    c.actors[0]!.backedBy = ['Belgium'];
    c.actors[0]!.opposedBy = ['Netherlands'];
    const svgs = new Set<string>();
    for (const n of [a, b, c, a, a]) {
      const fresh = renderMap(n, MAP_VIEW);
      expect(deckMap(n)).toEqual(fresh);
      svgs.add(fresh.svg);
    }
    expect(svgs.size).toBe(3);
  });
});
