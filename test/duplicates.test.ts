// Near-duplicate sources: the same wire story in two outlets (lightly edited, or cut short) is found by
// word shingles and flagged on the later copy; different reports of one event are not; in the notes the
// copy's claims are not repeated but every claim both carry cites both.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeDocuments } from '../src/extract/analyze.ts';
import { buildNotes } from '../src/extract/briefing/build.ts';
import { findDuplicates, overlap, shingles } from '../src/ingest/duplicates.ts';
import { loadSources } from '../src/ingest/load.ts';
import { docFrom } from './helpers/docs.ts';

const root = path.resolve(import.meta.dirname, '..');
const tmp = path.join(root, 'test/.tmp/duplicates');

const wire = [
  'Engineers at the Caldmoor Reservoir began draining the lake on Tuesday after inspectors found cracks in the old dam wall.',
  'The Caldmoor Water Board said the work would take about six weeks and that supplies to the valley towns were safe.',
  'Board chairwoman Elena Varga told reporters that the cracks had been found during a routine survey in the spring.',
  '"We are taking no chances with a structure this old," Ms Varga said at a briefing in the town hall.',
  'Residents of the villages below the dam were told they did not need to leave their homes.',
  'The dam was completed in 1932 and last strengthened in 1987, according to the board.',
  'About 4,000 households in the valley draw their water from the reservoir, the Caldmoor Water Board said.',
  'Anglers and boating clubs have been asked to keep away from the shore until the level settles.',
].join('\n\n');

// The same story as another outlet ran it: a new top line, a few words changed, one paragraph dropped.
const edited = [
  'Caldmoor dam: reservoir to be drained',
  wire
    .replace('began draining the lake on Tuesday', 'started draining the lake on Tuesday')
    .replace('told reporters that', 'told journalists that')
    .replace(/Anglers and boating clubs[^\n]*/, ''),
].join('\n\n');

// Another report of the same event, written separately: the same facts, other words.
const separate = [
  'Water is being let out of Caldmoor Reservoir while repairs are made to its ageing dam, the water board confirmed.',
  'Elena Varga, who chairs the board, said a spring survey had turned up cracks and that valley towns would not run short.',
  'Engineers expect to need around six weeks, she said, and villagers below the dam can stay in their homes.',
].join('\n\n');

beforeAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('findDuplicates', () => {
  it('finds a lightly edited copy, flags the later one, and leaves a separate report alone', () => {
    const docs = [docFrom('s1', wire, { date: '2024-06-04' }), docFrom('s2', separate, { date: '2024-06-04' }), docFrom('s3', edited, { date: '2024-06-05' })];
    const pairs = findDuplicates(docs);
    expect(pairs).toHaveLength(1);
    expect(pairs[0]).toMatchObject({ duplicate: 's3', original: 's1' });
    expect(pairs[0]!.jaccard).toBeGreaterThan(0.5);
  });

  it('names the later-dated copy the duplicate whatever the id order; undated or same-day copies go by id', () => {
    expect(findDuplicates([docFrom('s1', edited, { date: '2024-06-05' }), docFrom('s2', wire, { date: '2024-06-04' })])[0]).toMatchObject({ duplicate: 's1', original: 's2' });
    expect(findDuplicates([docFrom('s1', edited), docFrom('s2', wire)])[0]).toMatchObject({ duplicate: 's2', original: 's1' });
  });

  it('finds a shorter copy by containment', () => {
    const cut = wire.split('\n\n').slice(0, 3).join('\n\n');
    const o = overlap(shingles(cut), shingles(wire));
    expect(o.jaccard).toBeLessThan(0.5);
    expect(o.containment).toBe(1);
    expect(findDuplicates([docFrom('s1', wire), docFrom('s2', cut)])).toEqual([expect.objectContaining({ duplicate: 's2', original: 's1' })]);
  });

  it('ignores case and punctuation (a damaged copy still matches) but not texts too short to judge', () => {
    const damaged = wire.toLowerCase().replace(/[.,"]/g, '');
    expect(findDuplicates([docFrom('s1', wire), docFrom('s2', damaged)])).toHaveLength(1);
    expect(findDuplicates([docFrom('s1', 'The dam is old.'), docFrom('s2', 'The dam is old.')])).toEqual([]);
  });
});

describe('duplicates in the notes', () => {
  it('loadSources flags the copy and says which source it repeats', async () => {
    const dir = path.join(tmp, 'load');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'a-wire.txt'), wire);
    fs.writeFileSync(path.join(dir, 'b-copy.txt'), edited);
    const { docs, diagnostics, duplicates } = await loadSources([dir], { cwd: root });
    expect(docs[1]!.flags).toContain('duplicate');
    expect(docs[0]!.flags).not.toContain('duplicate');
    expect(duplicates).toEqual([expect.objectContaining({ duplicate: 's2', original: 's1' })]);
    expect(diagnostics.find((d) => d.file.endsWith('b-copy.txt'))?.message).toMatch(/repeats .*a-wire\.txt \[s1\]/);
  });

  it('does not repeat the copy\'s claims, and cites both sources for what both carry', () => {
    const docs = [docFrom('s1', wire, { date: '2024-06-04' }), docFrom('s2', separate, { date: '2024-06-04' }), docFrom('s3', edited, { date: '2024-06-05', flags: ['duplicate'] })];
    const notes = buildNotes(docs, analyzeDocuments(docs), { inputs: ['x'] });
    const items = [...notes.keyPoints, ...notes.timeline, ...notes.quotes, ...notes.figures];
    // No item is made from the copy alone when the original carries the same sentence.
    for (const item of items) expect(item.cites, JSON.stringify(item)).not.toEqual(['s3']);
    const texts = notes.keyPoints.map((p) => p.text);
    expect(new Set(texts).size).toBe(texts.length);
    // Items resting on a sentence the copy repeats cite both, with both sentences as evidence.
    const quote = notes.quotes.find((q) => q.text.startsWith('We are taking no chances'));
    expect(quote?.cites).toEqual(['s1', 's3']);
    expect(quote?.evidence.map((e) => e.source)).toEqual(['s1', 's3']);
    const households = notes.figures.filter((f) => f.figure.includes('4,000'));
    expect(households.map((f) => f.cites)).toEqual([['s1', 's3']]);
    const built = notes.timeline.find((e) => e.date === '1932');
    expect(built?.cites).toEqual(['s1', 's3']);
    const withCopy = items.filter((x) => x.cites.includes('s3'));
    expect(withCopy.length).toBeGreaterThan(1);
    for (const item of withCopy) expect(item.cites).toContain('s1');
    // The bottom line follows its key points' citations.
    for (const b of notes.bottomLine) {
      const point = notes.keyPoints.find((p) => p.text === b.text);
      if (point) expect(b.cites).toEqual(point.cites);
    }
  });

  it('keeps a sentence of the copy whose numbers differ: that is a discrepancy, not a copy', () => {
    const changed = edited.replace('completed in 1932', 'completed in 1934');
    const docs = [docFrom('s1', wire, { date: '2024-06-04' }), docFrom('s2', changed, { date: '2024-06-05', flags: ['duplicate'] })];
    const notes = buildNotes(docs, analyzeDocuments(docs), { inputs: ['x'] });
    expect(notes.timeline.find((e) => e.date === '1934')?.cites).toEqual(['s2']);
  });
});
