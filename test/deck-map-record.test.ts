// The deck map's record (render/map/record.ts, kept by `briefing render` in public/.map.svg.json): a
// record of the same places and actors gives its drawing back, and one that is damaged, foreign,
// stale or not a record at all gives the deck a fresh map would give.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keptMap, mapRecordKey, mapRecord, type MapRecord } from '../src/render/map/record.ts';
import { MAP_VIEW } from '../src/render/slides/map.ts';
import { renderDeck } from '../src/render/slides/index.ts';
import { deckMap, keptDeckMap, planSlides, shownDeckMap } from '../src/render/slides/sections.ts';
import { fewNotes, placesNotes, richNotes } from './helpers/deck-fixtures.ts';

/** Other places: the sympathy strikes moved to other cities. */
function otherPlaces() {
  const n = placesNotes();
  n.timeline = n.timeline.map((e) => ({ ...e, text: e.text.replace('Rotterdam and Hamburg', 'Lagos and Mombasa') }));
  return n;
}

describe('deck map record', () => {
  it('gives its drawing back for the same places and actors, without drawing', () => {
    const n = placesNotes();
    const { map, record } = keptDeckMap(n);
    expect(map).toEqual(deckMap(n));
    // A record whose drawing differs but is whole (checksummed) is taken as is: nothing was drawn.
    const marked = mapRecord(record.key, { ...map, svg: `${map.svg}<!-- kept -->` });
    expect(keptDeckMap(structuredClone(n), JSON.parse(JSON.stringify(marked))).map.svg).toBe(`${map.svg}<!-- kept -->`);
    // Through the renderer: the same deck, with or without the record.
    const fresh = renderDeck(n);
    expect(renderDeck(n, { mapRecord: JSON.parse(JSON.stringify(fresh.mapRecord)) })).toEqual(fresh);
  });

  it('keys only what the map reads: an edit to a quote keeps the key, a moved place does not', () => {
    const n = placesNotes();
    const quoted = structuredClone(n);
    quoted.quotes[0]!.text = 'A quote edited by hand.';
    expect(mapRecordKey(quoted, MAP_VIEW)).toBe(mapRecordKey(n, MAP_VIEW));
    expect(mapRecordKey(otherPlaces(), MAP_VIEW)).not.toBe(mapRecordKey(n, MAP_VIEW));
    const sides = structuredClone(n);
    sides.actors[0]!.opposedBy = [...sides.actors[0]!.opposedBy, 'Belgium'];
    expect(mapRecordKey(sides, MAP_VIEW)).not.toBe(mapRecordKey(n, MAP_VIEW));
    expect(mapRecordKey(n, { ...MAP_VIEW, width: MAP_VIEW.width + 1 })).not.toBe(mapRecordKey(n, MAP_VIEW));
  });

  it('is not used when stale, altered, foreign or damaged: the deck is the fresh one', () => {
    const n = placesNotes();
    const fresh = renderDeck(n);
    const stale = keptDeckMap(otherPlaces()).record;
    const good = fresh.mapRecord;
    const altered: MapRecord = { ...good, svg: good.svg.replace('<svg', '<svg data-x="1"') };
    const wrongPlaces: MapRecord = { ...good, located: good.located.slice(1) };
    const candidates: unknown[] = [
      stale,
      altered,
      wrongPlaces,
      { ...good, format: 'something-else' },
      { ...good, version: 99 },
      { ...good, located: [{ name: 1 }] },
      JSON.stringify(good).slice(0, 200),
      null,
      42,
    ];
    for (const c of candidates) {
      expect(keptMap(c, good.key)).toBeNull();
      expect(renderDeck(n, { mapRecord: c })).toEqual(fresh);
    }
  });
});

/** Timeline texts naming real places, an unknown town, or none, to vary what the map locates. */
const EVENT_TEXTS = [
  'Sympathy strikes began in Rotterdam and Hamburg, the federation said.',
  'Dockers also walked out in Qarvelle, a union official said.',
  'The ministry said talks would resume on Monday.',
  'Ferries were cancelled in Lagos after the storm.',
  'The union rejected the offer.',
];

describe('deck map not drawn when it locates nothing (shownDeckMap)', () => {
  it('gives the deck that drawing the map gives, on varied notes', { timeout: 120_000 }, () => {
    const bases = [richNotes, fewNotes, placesNotes];
    fc.assert(
      fc.property(fc.integer({ min: 0, max: bases.length - 1 }), fc.array(fc.constantFrom(...EVENT_TEXTS), { maxLength: 3 }), fc.boolean(), (b, texts, backed) => {
        const n = bases[b]!();
        n.timeline = texts.map((text, i) => ({ date: `2024-03-0${i + 1}`, text, cites: ['s1'], evidence: [] }));
        if (backed && n.actors[0]) n.actors[0] = { ...n.actors[0], backedBy: [...n.actors[0].backedBy, 'Netherlands'] };
        const drawn = deckMap(n);
        const shown = shownDeckMap(n);
        expect({ ...shown, svg: null }).toEqual({ ...drawn, svg: null });
        expect(shown.svg).toBe(drawn.located.length > 0 ? drawn.svg : '');
        expect(planSlides(n, shown)).toEqual(planSlides(n, drawn));
        // Through the renderer: the same deck as one given the full drawing (as a record of it).
        const full = renderDeck(n, { mapRecord: JSON.parse(JSON.stringify(mapRecord(mapRecordKey(n, MAP_VIEW), drawn))) });
        const deck = renderDeck(n);
        expect({ markdown: deck.markdown, files: deck.files }).toEqual({ markdown: full.markdown, files: full.files });
      }),
      { numRuns: 30, seed: 13 },
    );
  });
});

const root = path.resolve(import.meta.dirname, '..');

/** The invented sample notes, with a timeline event in a real city (so the deck has a map). */
function notesWithPlaces(dir: string, city: string): string {
  const file = path.join(dir, `${city}.md`);
  const text = fs.readFileSync(path.join(root, 'test/fixtures/notes/sample.md'), 'utf8');
  fs.writeFileSync(file, text.replace('## Timeline\n\n', `## Timeline\n\n- **2024-03-01** — Dockers struck in ${city} in sympathy. [s1]\n`));
  return file;
}

/** Render `notes` into `dir`; the deck and its map picture. */
function render(notes: string, dir: string): { deck: string; svg: string } {
  const r = spawnSync(process.execPath, [path.join(root, 'bin/briefing.mjs'), 'render', notes, '-q', '--deck', path.join(dir, 'slides/slides.md'), '--handout', path.join(dir, 'out/summary.pdf')], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return { deck: fs.readFileSync(path.join(dir, 'slides/slides.md'), 'utf8'), svg: fs.readFileSync(path.join(dir, 'slides/public/map.svg'), 'utf8') };
}

describe('render: the deck map record beside map.svg', () => {
  it('is written, and a damaged, stale, foreign or missing one gives the same deck; a file not ours is left alone', { timeout: 300_000 }, () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'briefing-map-record-'));
    const notes = notesWithPlaces(dir, 'Rotterdam');
    const record = path.join(dir, 'slides/public/.map.svg.json');
    const first = render(notes, dir);
    expect(first.svg).toContain('<svg');
    const kept = JSON.parse(fs.readFileSync(record, 'utf8')) as MapRecord;
    expect(kept.svg).toBe(first.svg);
    expect(render(notes, dir)).toEqual(first);
    // Cut short; then the drawing altered; then another notes file's record (other places).
    fs.writeFileSync(record, JSON.stringify(kept).slice(0, 300));
    expect(render(notes, dir)).toEqual(first);
    fs.writeFileSync(record, JSON.stringify({ ...kept, svg: kept.svg.replace('<svg', '<svg data-x="1"') }));
    expect(render(notes, dir)).toEqual(first);
    const otherDir = path.join(dir, 'o');
    const other = render(notesWithPlaces(dir, 'Lagos'), otherDir);
    expect(other.svg).not.toBe(first.svg);
    fs.copyFileSync(path.join(otherDir, 'slides/public/.map.svg.json'), record);
    expect(render(notes, dir)).toEqual(first);
    // The record is this deck's again.
    expect(fs.readFileSync(record, 'utf8')).toBe(`${JSON.stringify(kept)}\n`);
    // A file there that is not a map record (someone else's) is used for nothing and never overwritten.
    fs.writeFileSync(record, '{"mine": true}\n');
    expect(render(notes, dir)).toEqual(first);
    expect(fs.readFileSync(record, 'utf8')).toBe('{"mine": true}\n');
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
