// Key points grouped by theme (keypoints.ts `themedKeyPoints`): a point is filed under a theme only if it names the
// theme's actor or is about the same thing in the same words; one that fits no theme is an "Other reports" point,
// never filed under a heading it does not concern.
import { describe, expect, it } from 'vitest';
import type { NotesContext } from '../src/extract/briefing/context.ts';
import { OTHER_REPORTS, themedKeyPoints, type RankedPoint } from '../src/extract/briefing/keypoints.ts';

const ACTORS: Record<string, [string, number]> = {
  union: ['Dockworkers Union', 5], port: ['Port Authority', 4], mayor: ['Mayor Ana Ruiz', 3], court: ['Supreme Court', 2],
  airline: ['Skyway Airlines', 1], bank: ['Central Bank', 1], city: ['Avalon', 9],
};
const ctx = {
  entities: new Map(Object.entries(ACTORS).map(([id, [canonical, salience]]) => [id, { id, canonical, salience }])),
} as unknown as NotesContext;

const STOP = new Set(['the', 'a', 'of', 'on', 'in', 'to', 'its', 'for', 'and', 'by', 'at']);
function point(text: string, ids: string[]): RankedPoint {
  const words = new Set(text.toLowerCase().replace(/[^a-z ]/g, '').split(' ').filter((w) => w && !STOP.has(w)));
  return { claim: { text, cites: ['s1'], evidence: [] }, sentence: text, ids: new Set(ids), words, stale: false, when: null, sources: 1 };
}

const themes = (claims: { theme?: string }[]) => claims.map((c) => c.theme);
const first = (claims: { text: string }[]) => claims.map((c) => c.text.split(' ').slice(0, 2).join(' '));

describe('key point themes', () => {
  const four = [
    point('The Dockworkers Union rejected the pay offer on Monday after a night of talks.', ['union']),
    point('The Port Authority closed two terminals after the walkout.', ['port']),
    point('Mayor Ana Ruiz called both sides to talks at city hall.', ['mayor']),
    point('The Supreme Court will hear the appeal over strike pay in June.', ['court']),
  ];

  it('files a point that names no theme\'s actor and shares few words with any under Other reports, last', () => {
    const stray = point('Skyway Airlines cancelled forty flights because of fog.', ['airline']);
    const claims = themedKeyPoints(ctx, [...four.slice(0, 2), ...four.slice(2), stray], []);
    expect(themes(claims)).toEqual(['Dockworkers Union', 'Port Authority', 'Mayor Ana Ruiz', 'Supreme Court', OTHER_REPORTS]);
  });

  it('a point in the same words as a theme\'s joins it, beside its points, without renaming it', () => {
    const same = point('The Central Bank said the union rejected the pay offer on Monday after talks.', ['bank']);
    const stray = point('Skyway Airlines cancelled forty flights because of fog.', ['airline']);
    const claims = themedKeyPoints(ctx, [...four, stray, same], []);
    expect(themes(claims)).toEqual(['Dockworkers Union', 'Dockworkers Union', 'Port Authority', 'Mayor Ana Ruiz', 'Supreme Court', OTHER_REPORTS]);
    expect(first(claims).slice(0, 2)).toEqual(['The Dockworkers', 'The Central']);
  });

  it('a point whose only actor is the protagonist starts a theme titled by it; two such themes are one', () => {
    const claims = themedKeyPoints(ctx, [
      point('The Dockworkers Union in Avalon rejected the pay offer.', ['union', 'city']),
      point('Avalon reopened its harbour to cruise ships.', ['city']),
      point('The Port Authority of Avalon closed two terminals.', ['port', 'city']),
      point('Avalon council voted to raise parking fees.', ['city']),
      point('Mayor Ana Ruiz called both sides to talks.', ['mayor']),
    ], []);
    expect(themes(claims)).toEqual(['Dockworkers Union', 'Avalon', 'Avalon', 'Port Authority', 'Mayor Ana Ruiz']);
    expect(first(claims)).toEqual(['The Dockworkers', 'Avalon reopened', 'Avalon council', 'The Port', 'Mayor Ana']);
  });

  it('leaves out the points the bottom line states, and the rest keep their themes', () => {
    const claims = themedKeyPoints(ctx, four, [four[1]!]);
    expect(themes(claims)).toEqual(['Dockworkers Union', 'Mayor Ana Ruiz', 'Supreme Court']);
  });
});
