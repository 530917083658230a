// The small map on the handout: shown when a short briefing names places and leaves room at the
// regular type size, never at the cost of a second page or of an item; read back with pdftotext.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BriefingNotes } from '../src/notes/model.ts';
import { renderHandout } from '../src/render/handout/index.ts';
import { handoutMap, handoutMapOf, regionOf } from '../src/render/handout/map.ts';
import { renderMap } from '../src/render/map/index.ts';
import { fewNotes, richNotes } from './helpers/deck-fixtures.ts';

const TMP = path.join(import.meta.dirname, '.tmp', 'handout');

/** Invented notes that name a city in the timeline and put two countries on opposite sides. */
function placed(notes: BriefingNotes): BriefingNotes {
  notes.timeline[0]!.text = 'Dockers walked out in Rotterdam after talks broke down.';
  notes.actors[0]!.backedBy = ['Belgium'];
  notes.actors[0]!.opposedBy = ['Netherlands'];
  return notes;
}

async function render(name: string, notes: BriefingNotes) {
  mkdirSync(TMP, { recursive: true });
  const result = await renderHandout(notes);
  const file = path.join(TMP, `${name}.pdf`);
  writeFileSync(file, result.pdf);
  spawnSync('pdftoppm', ['-png', '-r', '60', '-singlefile', file, path.join(TMP, name)]);
  const pages = /Pages:\s+(\d+)/.exec(spawnSync('pdfinfo', [file], { encoding: 'utf8' }).stdout)?.[1];
  const text = spawnSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).stdout.replace(/[\s\u200b]+/g, ' ');
  return { result, text, pages: Number(pages) };
}

describe('handout map', () => {
  it('shows a short briefing with places on a map with a one-line key, at the regular size or larger', { timeout: 120_000 }, async () => {
    const { result, text, pages } = await render('map-few', placed(fewNotes()));
    expect(pages).toBe(1);
    expect(result.map).toBe(true);
    expect(result.omitted).toEqual([]);
    expect(result.fontSize).toBeGreaterThanOrEqual(10.5);
    expect(text).toContain('MAP');
    // The key (Typst text) and the city's label (text inside the SVG).
    expect(text).toContain('side of Maria Lenz');
    expect(text).toContain('Rotterdam · 2024-01-01');
  });

  it('leaves the map out of a full briefing, which still fits one page', { timeout: 300_000 }, async () => {
    const { result, text, pages } = await render('map-rich', placed(richNotes()));
    expect(pages).toBe(1);
    expect(result.map).toBe(false);
    expect(text).not.toContain('MAP');
  });

  it('has no map when no place is shaded or marked', () => {
    const notes = fewNotes();
    notes.timeline = notes.timeline.map((e) => ({ ...e, text: 'The talks went on.' }));
    for (const a of notes.actors) [a.backedBy, a.opposedBy] = [[], []];
    expect(handoutMap(notes)).toBeNull();
  });

  it('zooms to the places it marks, and prints a hostile name in the key as text', { timeout: 120_000 }, async () => {
    const notes = placed(fewNotes());
    notes.actors[0]!.name = '#read("/etc/passwd") <b>';
    const map = handoutMap(notes)!;
    const [, , width] = map.svg.match(/viewBox="([\d. -]+)"/)![1]!.split(' ').map(Number);
    expect(width).toBeLessThan(960 / 3);
    expect(regionOf([])).toEqual([0, 0, 960, 500]);
    const { result, text } = await render('map-hostile', notes);
    expect(result.map).toBe(true);
    expect(text).toContain('side of #read("/etc/passwd") <b>');
  });
});

describe('handout map: a bare world is not drawn', () => {
  it('gives what the briefing map drawn first gives, on varied notes', { timeout: 120_000 }, () => {
    const texts = ['Dockers walked out in Rotterdam after talks broke down.', 'Talks broke down, a union official said.', 'Strikes spread to Qarvelle, the union said.', 'Ferries stopped in Lagos and Mombasa.'];
    const countries = ['Belgium', 'Netherlands', 'Atlantis', 'Kenya'];
    fc.assert(
      fc.property(fc.boolean(), fc.array(fc.constantFrom(...texts), { minLength: 1, maxLength: 3 }), fc.subarray(countries), fc.subarray(countries), (few, events, backed, opposed) => {
        const n = few ? fewNotes() : richNotes();
        n.timeline = events.map((text, i) => ({ date: `2024-03-0${i + 1}`, text, cites: ['s1'], evidence: [] }));
        n.actors[0] = { ...n.actors[0]!, backedBy: backed, opposedBy: opposed };
        expect(handoutMap(n)).toEqual(handoutMapOf(n, renderMap(n)));
      }),
      { numRuns: 40, seed: 13 },
    );
  });
});
