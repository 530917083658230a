// The regional map skips projecting outlines that lie wholly outside its view (svg.ts offViewTest):
// checked against d3 itself, which must draw nothing for every outline skipped, on random views
// fitted to random places anywhere in the world (near the poles and the antimeridian too).
import { geoPath } from 'd3-geo';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gazetteer } from '../src/render/map/gazetteer.ts';
import type { LocatedPlace } from '../src/render/map/places.ts';
import { offViewTest, projectionFor, type MapView } from '../src/render/map/svg.ts';

const city = fc.record({ lon: fc.double({ min: -180, max: 180, noNaN: true }), lat: fc.double({ min: -80, max: 85, noNaN: true }) })
  .map(({ lon, lat }): LocatedPlace => ({ name: 'Somewhere', kind: 'city', lon, lat, dates: [] }));
// A few places close together (a regional view) or anywhere (often the world view, never skipped).
const places = fc.oneof(
  fc.tuple(city, fc.array(fc.tuple(fc.double({ min: -12, max: 12, noNaN: true }), fc.double({ min: -8, max: 8, noNaN: true })), { maxLength: 3 }))
    .map(([first, moves]) => [first, ...moves.map(([dx, dy]) => ({ ...first, lon: Math.max(-180, Math.min(180, first.lon! + dx)), lat: Math.max(-80, Math.min(85, first.lat! + dy)) }))]),
  fc.array(city, { minLength: 1, maxLength: 3 }),
);
const view = fc.record({ width: fc.integer({ min: 200, max: 1000 }), height: fc.integer({ min: 150, max: 600 }) })
  .map(({ width, height }): MapView => ({ width, height, focus: 'events', labelPx: 16 }));

describe('regional map: outlines out of view', () => {
  it('skips only outlines that d3 draws as nothing', () => {
    const gaz = gazetteer();
    let skipped = 0;
    fc.assert(
      fc.property(places, view, (located, v) => {
        const projection = projectionFor(v, gaz, located);
        const path = geoPath(projection).digits(1);
        const offView = offViewTest(projection, v);
        for (const c of gaz.countries) {
          if (!offView(c.shape)) continue;
          skipped++;
          expect(path(c.shape), `${c.name} was skipped but is drawn`).toBeNull();
        }
      }),
      { numRuns: 300, seed: 13 },
    );
    // The shortcut is taken (most of the world is outside a regional view), so the check means something.
    expect(skipped).toBeGreaterThan(1000);
  });

  it('never skips on the world view', () => {
    const gaz = gazetteer();
    const v: MapView = { width: 960, height: 500, focus: 'world', labelPx: 14 };
    const offView = offViewTest(projectionFor(v, gaz, []), v);
    expect(gaz.countries.filter((c) => offView(c.shape))).toEqual([]);
  });
});
