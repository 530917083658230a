// The briefing map: places found in the notes and drawn where they are (quadrant = hemisphere on the
// whole-world map), unknown places listed and never guessed, sides shaded, text escaped; a PNG of
// it is saved to test/.tmp/map.png to look at.
import { mkdirSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { BriefingNotes } from '../src/notes/model.ts';
import { renderMap } from '../src/render/map/index.ts';
import { nameMentions } from '../src/render/map/places.ts';
import { svgToPng } from '../src/render/map/png.ts';
import { MAP_COLOURS, MAP_SIZE } from '../src/render/map/svg.ts';
import { sampleNotes } from './fixtures/sample-notes.ts';

/** Invented events in real cities and in a town that does not exist. */
function placesNotes(): BriefingNotes {
  const n = sampleNotes();
  n.timeline = [
    { date: '2024-03-04', text: 'Sympathy strikes began in Paris, Lagos and Tokyo.', cites: ['s1'], evidence: [] },
    { date: '2024-03-05', text: 'Dockers also walked out in Qarvelle, the union said.', cites: ['s2'], evidence: [] },
  ];
  return n;
}

const markers = (svg: string) => [...svg.matchAll(/<circle class="marker" cx="([\d.]+)" cy="([\d.]+)"/g)].map((m) => ({ x: Number(m[1]), y: Number(m[2]) }));
const labelAt = (svg: string, name: string) => {
  const m = svg.match(new RegExp(`<text x="([\\d.]+)" y="([\\d.]+)"[^>]*>${name} ·`));
  return m ? { x: Number(m[1]), y: Number(m[2]) } : null;
};

describe('briefing map', () => {
  it('marks Paris, Lagos and Tokyo in the north-eastern quadrant with their dates, and lists the made-up town as not located', () => {
    const map = renderMap(placesNotes());
    expect(map.located.filter((p) => p.kind === 'city').map((p) => [p.name, p.dates])).toEqual([['Lagos', ['2024-03-04']], ['Paris', ['2024-03-04']], ['Tokyo', ['2024-03-04']]]);
    expect(map.unlocated).toEqual(['Qarvelle']);
    const points = markers(map.svg);
    expect(points).toHaveLength(3);
    // All three are north of the equator and east of Greenwich: the map's upper-right quadrant.
    for (const p of points) {
      expect(p.x).toBeGreaterThan(MAP_SIZE.width / 2);
      expect(p.y).toBeLessThan(MAP_SIZE.height / 2);
    }
    const paris = labelAt(map.svg, 'Paris')!;
    const lagos = labelAt(map.svg, 'Lagos')!;
    const tokyo = labelAt(map.svg, 'Tokyo')!;
    expect(tokyo.x).toBeGreaterThan(paris.x + 300);
    expect(lagos.y).toBeGreaterThan(paris.y + 50);
    expect(map.svg).toContain('Paris · 2024-03-04');
    expect(map.svg).not.toContain('Qarvelle');
    mkdirSync(new URL('./.tmp/', import.meta.url), { recursive: true });
    writeFileSync(new URL('./.tmp/map.svg', import.meta.url), map.svg);
    writeFileSync(new URL('./.tmp/map.png', import.meta.url), svgToPng(map.svg, 1400));
  });

  it('takes a name as a place only after a word that introduces one', () => {
    expect(nameMentions('Talks in Geneva failed, Smith told Reuters.')).toEqual([{ name: 'Talks', cue: null }, { name: 'Geneva', cue: 'place' }, { name: 'Smith', cue: null }, { name: 'Reuters', cue: null }]);
    expect(nameMentions('In Lima, Quito and Bogotá protests grew.').map((m) => [m.name, m.cue])).toEqual([['Lima', 'place'], ['Quito', 'place'], ['Bogotá', 'place']]);
    expect(nameMentions('The minister spoke to Parliament.')).toEqual([{ name: 'The', cue: null }, { name: 'Parliament', cue: 'maybe' }]);
    // "in X's army": the cue is for the army; X may be a person.
    expect(nameMentions('He served in Morvan’s army.')).toEqual([{ name: 'He', cue: null }, { name: 'Morvan', cue: 'maybe' }]);
    // An unknown name after "to" may be a person or a body: not reported as an unknown place.
    const n = sampleNotes();
    n.timeline = [{ date: '2024-03-01', text: 'The union wrote to Dalworth about the talks.', cites: ['s1'], evidence: [] }];
    expect(renderMap(n).unlocated).toEqual([]);
  });

  it('does not report a word of a person\'s name as an unknown place', () => {
    const n = sampleNotes();
    n.timeline = [{ date: '2024-03-01', text: 'Crowds gathered in Lenz and in Brackwater.', cites: ['s1'], evidence: [] }];
    expect(renderMap(n).unlocated).toEqual(['Brackwater']);
  });

  it('shades the countries that back each side in that side\'s colour', () => {
    const n = sampleNotes();
    n.actors[0]!.backedBy = ['France'];
    n.actors[0]!.opposedBy = ['Port of Avalon Authority'];
    n.actors[1]!.backedBy = ['Japan'];
    const map = renderMap(n);
    expect(map.located.map((p) => [p.name, p.side])).toEqual([['France', 0], ['Japan', 1]]);
    expect(map.svg).toContain(`fill="${MAP_COLOURS.sides[0]}"><title>France</title>`);
    expect(map.svg).toContain(`fill="${MAP_COLOURS.sides[1]}"><title>Japan</title>`);
    expect(map.svg).toContain('side of Maria Lenz');
  });

  it('escapes text from the notes', () => {
    const n = sampleNotes();
    n.actors[0]!.name = '<script>alert(1)</script> & {{x}} ]]>';
    n.actors[0]!.backedBy = ['France'];
    const { svg } = renderMap(n);
    expect(svg).not.toContain('<script>');
    expect(svg).not.toContain(']]>');
    expect(svg).toContain('side of &lt;script&gt;alert(1)&lt;/script&gt; &amp; {{x}} ]]&gt;');
  });
});
