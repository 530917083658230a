// The handout's fit record (render/handout/fit-cache.ts): a render that starts from a previous
// answer lays the page out fewer times and gives the same PDF, byte for byte; a stale, foreign or
// damaged record never changes the page.
import { describe, expect, it } from 'vitest';
import type { BriefingNotes } from '../src/notes/model.ts';
import { fitRecord, type FitRecord } from '../src/render/handout/fit-cache.ts';
import { renderHandout, type HandoutResult } from '../src/render/handout/index.ts';
import { fewNotes, richNotes } from './helpers/deck-fixtures.ts';
import { largeNotes, sampleNotes } from './fixtures/sample-notes.ts';

/** Invented notes that name a city and two countries on opposite sides: the page gets a map. */
function placed(notes: BriefingNotes): BriefingNotes {
  notes.timeline[0]!.text = 'Dockers walked out in Rotterdam after talks broke down.';
  notes.actors[0]!.backedBy = ['Belgium'];
  notes.actors[0]!.opposedBy = ['Netherlands'];
  return notes;
}

/** The same notes with one more key point, as after an edit. */
function edited(notes: BriefingNotes): BriefingNotes {
  const point = { ...notes.keyPoints[0]!, text: 'A further point was added to the notes by hand after the draft.' };
  return { ...notes, keyPoints: [point, ...notes.keyPoints] };
}

const FIXTURES: Record<string, () => BriefingNotes> = {
  sample: sampleNotes,
  'rich, edited': () => edited(richNotes()),
  large: largeNotes,
  rich: richNotes,
  map: () => placed(fewNotes()),
};

const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));

describe('handout: the fit record', () => {
  // One search from scratch per fixture (null: not even this process's last answer).
  const fresh = new Map<string, HandoutResult>();
  const uncached = async (name: string) => {
    if (!fresh.has(name)) fresh.set(name, await renderHandout(FIXTURES[name]!(), { fit: null }));
    return fresh.get(name)!;
  };

  it('covers a page that grows, one that is cut, and one with a map', { timeout: 600_000 }, async () => {
    expect((await uncached('sample')).fit.size).toBeGreaterThan(10.5);
    expect((await uncached('large')).fit.step).toBeGreaterThan(0);
    expect((await uncached('map')).fit.map).toBe(true);
  });

  it('lays out only the recorded page for the same notes, and gives the same bytes', { timeout: 600_000 }, async () => {
    for (const name of Object.keys(FIXTURES)) {
      const first = await uncached(name);
      const again = await renderHandout(FIXTURES[name]!(), { fit: first.fit });
      expect(again.layouts, name).toBe(1);
      expect(same(again.pdf, first.pdf), name).toBe(true);
      expect(again.fit).toEqual(first.fit);
    }
  });

  it('gives the same bytes when started from the record of any other notes', { timeout: 900_000 }, async () => {
    for (const name of Object.keys(FIXTURES)) {
      for (const other of Object.keys(FIXTURES)) {
        if (other === name) continue;
        const seeded = await renderHandout(FIXTURES[name]!(), { fit: (await uncached(other)).fit });
        expect(same(seeded.pdf, (await uncached(name)).pdf), `${name} from ${other}'s record`).toBe(true);
      }
    }
  });

  it('lays out fewer pages after an edit that leaves the answer where it was', { timeout: 600_000 }, async () => {
    const before = await uncached('rich');
    const after = await uncached('rich, edited');
    expect(after.fit.size).toBe(before.fit.size);
    const seeded = await renderHandout(edited(richNotes()), { fit: before.fit });
    expect(seeded.layouts, `${seeded.layouts} layouts from the record, ${after.layouts} without`).toBeLessThan(after.layouts);
    expect(same(seeded.pdf, after.pdf)).toBe(true);
  });

  it('ignores a damaged record, one for the other paper size, and one that is not a record', { timeout: 600_000 }, async () => {
    const first = await uncached('large');
    // Same notes, but the answer altered without its checksum: taken at its word, it would set the page at 8 pt.
    const damaged: FitRecord = { ...first.fit, size: 8, step: first.fit.step + 1 };
    const a4 = (await renderHandout(largeNotes(), { paper: 'a4', fit: null })).fit;
    // A whole record, checksum and all, of the same notes on the other paper: its answer is not this one's.
    const foreign = fitRecord({ context: a4.context, key: a4.key }, { shorten: 0, map: false, step: first.fit.step + 1, size: 8 });
    for (const fit of [damaged, foreign, { ...first.fit, version: 99 }, 'not json', 42, null]) {
      const r = await renderHandout(largeNotes(), { fit });
      expect(same(r.pdf, first.pdf), JSON.stringify(fit)).toBe(true);
      expect(r.fit).toEqual(first.fit);
    }
  });
});
