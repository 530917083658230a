// Source metadata the user can correct (sources.yaml, with line-numbered diagnostics), publication dates
// inferred across sources (and refused when ambiguous), and undated sources kept off the timeline.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeDocuments } from '../src/extract/analyze.ts';
import { buildNotes } from '../src/extract/briefing/build.ts';
import { inferDocumentDates, publicationWindow } from '../src/extract/rules/document-dates.ts';
import { loadSources } from '../src/ingest/load.ts';
import { normaliseDate, parseSourcesFile } from '../src/ingest/sources-file.ts';
import { docFrom } from './helpers/docs.ts';

const root = path.resolve(import.meta.dirname, '..');
const tmp = path.join(root, 'test/.tmp/metadata');

function folder(name: string, files: Record<string, string>): string {
  const dir = path.join(tmp, name);
  fs.mkdirSync(dir, { recursive: true });
  for (const [file, content] of Object.entries(files)) fs.writeFileSync(path.join(dir, file), content);
  return path.relative(root, dir);
}

const harbour = 'Ferry crews at Lowmoor Quay stopped work over rosters, the crews union said.\n\nThe ferry company said talks would resume.\n';
const bakery = 'A bakery in Fennwick has won a regional prize for its rye loaf, judges said.\n\nThe owners plan to open a second shop.\n';

beforeAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('sources.yaml', () => {
  it('sets and corrects title, date, outlet, author and url; a date set there is explicit', async () => {
    const dir = folder('good', {
      'a.txt': harbour,
      'b.txt': `Published 2021-05-04\n\n${bakery}`,
      'sources.yaml': [
        'a.txt: {date: 2024-03-02, outlet: Lowmoor Gazette, url: "https://example.org/a"}',
        'b.txt:',
        '  title: Rye loaf wins prize',
        '  author: Pat Quinn',
        '  date: null   # the date in the text is wrong',
        '',
      ].join('\n'),
    });
    const { docs, diagnostics } = await loadSources([dir], { cwd: root });
    expect(docs.map((d) => path.basename(d.path))).toEqual(['a.txt', 'b.txt']);
    const [a, b] = docs;
    expect(a!.meta).toMatchObject({ date: '2024-03-02', dateSource: 'explicit', dateEvidence: 'sources.yaml', outlet: 'Lowmoor Gazette', url: 'https://example.org/a' });
    expect(a!.flags).not.toContain('undated');
    expect(b!.meta).toMatchObject({ title: 'Rye loaf wins prize', author: 'Pat Quinn', date: null, dateSource: 'unknown' });
    expect(b!.flags).toContain('undated');
    // sources.yaml is not a source and read.ts's "not supported" note for it is not shown.
    expect(diagnostics.filter((d) => d.file.endsWith('sources.yaml'))).toEqual([]);
  });

  it('reports unknown fields, unknown files and bad dates with their line, and applies the rest', async () => {
    const dir = folder('mixed', {
      'a.txt': harbour,
      'b.txt': bakery,
      'sources.yaml': ['a.txt:', '  colour: blue', '  outlet: Lowmoor Gazette', 'c.txt: {date: 2024-01-01}', 'b.txt: {date: 2024-02-30}', ''].join('\n'),
    });
    const { docs, diagnostics } = await loadSources([dir], { cwd: root });
    const yaml = `${dir}/sources.yaml`;
    const at = (line: number) => diagnostics.filter((d) => d.file === yaml && d.line === line).map((d) => d.message).join(' | ');
    expect(at(2)).toMatch(/unknown field "colour"/);
    expect(at(4)).toMatch(/"c\.txt", which is not a file/);
    expect(at(5)).toMatch(/date "2024-02-30" is not a date/);
    expect(docs[0]!.meta.outlet).toBe('Lowmoor Gazette');
    expect(docs[1]!.meta.date).toBeNull();
  });

  it('reports malformed YAML with its line and still reads the sources', async () => {
    const dir = folder('broken', { 'a.txt': harbour, 'sources.yaml': 'a.txt:\n  outlet: Lowmoor Gazette\n  date: [2024-03-02\nb.txt: {}\n' });
    const { docs, diagnostics } = await loadSources([dir], { cwd: root });
    expect(docs).toHaveLength(1);
    expect(docs[0]!.meta.outlet).toBeNull();
    const bad = diagnostics.find((d) => d.file === `${dir}/sources.yaml`);
    expect(bad).toMatchObject({ severity: 'error' });
    expect(bad!.message).toMatch(/not valid YAML/);
    expect(bad!.line).toBeGreaterThanOrEqual(3);
  });

  it('parses without touching the disk; a top level that is not a mapping is an error on line 1', () => {
    const list = parseSourcesFile('- a.txt\n- b.txt\n', 'sources.yaml', () => true);
    expect(list.entries.size).toBe(0);
    expect(list.diagnostics[0]).toMatchObject({ file: 'sources.yaml', line: 1, severity: 'error' });
    const dup = parseSourcesFile('a.txt: {date: 2024-03-02}\na.txt: {date: 2024-03-03}\n', 'sources.yaml', () => true);
    expect(dup.diagnostics[0]).toMatchObject({ line: 2, severity: 'error' });
    expect(normaliseDate('2024-02-29')).toBe('2024-02-29');
    expect(normaliseDate('2023-02-29')).toBeNull();
    expect(normaliseDate('2024-13')).toBeNull();
    expect(normaliseDate('2024')).toBe('2024');
  });
});

// 2024-03-07 is a Thursday.
const dated = 'Ferry crews at Lowmoor Quay walked out on March 7 after roster talks with the Lowmoor Ferry Company collapsed.\n\nThe company said services would be cut.\n';
const undatedThursday = 'Ferry crews at Lowmoor Quay walked out on Thursday after roster talks with the Lowmoor Ferry Company collapsed, the union said.\n\nPassengers were told to find other routes.\n';

describe('inferred publication dates', () => {
  it('dates an undated source that reports as "Thursday" an event another source dates exactly', () => {
    const docs = [docFrom('s1', dated, { date: '2024-03-08' }), docFrom('s2', undatedThursday, { flags: ['undated'] })];
    const analyses = analyzeDocuments(docs);
    expect(analyses[1]!.meta).toMatchObject({ date: '2024-03-07', dateSource: 'inferred' });
    expect(analyses[1]!.meta.dateEvidence).toMatch(/"Thursday".*s1 dates 2024-03-07/);
    expect(analyses[1]!.flags).not.toContain('undated');
    // The caller's documents are not changed; the notes show the date as inferred.
    expect(docs[1]!.meta.date).toBeNull();
    const notes = buildNotes(docs, analyses, { inputs: ['x'] });
    expect(notes.sources[1]).toMatchObject({ date: '2024-03-07', dateSource: 'inferred' });
    expect(notes.sources[1]!.flags).not.toContain('undated');
    // With the date known, its "Thursday" resolves and the event is one timeline entry citing both.
    const walkout = notes.timeline.find((e) => e.date === '2024-03-07');
    expect(walkout?.cites).toEqual(['s1', 's2']);
  });

  it('"yesterday" pins the day after the event', () => {
    const docs = [docFrom('s1', dated, { date: '2024-03-08' }), docFrom('s2', undatedThursday.replace('on Thursday', 'yesterday'))];
    expect(inferDocumentDates(inputs(docs))).toEqual([expect.objectContaining({ doc: 1, date: '2024-03-08' })]);
  });

  it('stays undated when two sources date the event differently', () => {
    const other = dated.replace('March 7', 'March 6');
    const docs = [docFrom('s1', dated, { date: '2024-03-08' }), docFrom('s2', other, { date: '2024-03-08' }), docFrom('s3', undatedThursday, { flags: ['undated'] })];
    const analyses = analyzeDocuments(docs);
    expect(analyses[2]!.meta).toMatchObject({ date: null, dateSource: 'unknown' });
    expect(analyses[2]!.flags).toContain('undated');
  });

  it('stays undated when the weekday contradicts the date, or the sentences report different events', () => {
    const tuesday = [docFrom('s1', dated, { date: '2024-03-08' }), docFrom('s2', undatedThursday.replace('Thursday', 'Tuesday'))];
    expect(inferDocumentDates(inputs(tuesday))).toEqual([]);
    const unrelated = [docFrom('s1', dated, { date: '2024-03-08' }), docFrom('s2', 'A bakery in Fennwick won a regional prize for its rye loaf on Thursday, judges said.\n')];
    expect(inferDocumentDates(inputs(unrelated))).toEqual([]);
    expect(publicationWindow('last Thursday', { year: 2024, month: 3, day: 7 })).toBeNull();
  });

  it('stays undated when two events it reports give windows that do not meet', () => {
    // "Thursday" (March 7) puts it on March 7–13; "yesterday" for a March 4 event puts it on March 5.
    const vote = 'The Lowmoor council voted on March 4 to sell the old ferry terminal to a hotel group.\n';
    const both = `${undatedThursday}\nThe Lowmoor council voted yesterday to sell the old ferry terminal to a hotel group.\n`;
    const docs = [docFrom('s1', dated, { date: '2024-03-08' }), docFrom('s2', vote, { date: '2024-03-05' }), docFrom('s3', both)];
    expect(inferDocumentDates(inputs(docs))).toEqual([]);
    // Either report alone would date it.
    const one = [docFrom('s1', vote, { date: '2024-03-05' }), docFrom('s2', 'The Lowmoor council voted yesterday to sell the old ferry terminal to a hotel group.\n')];
    expect(inferDocumentDates(inputs(one))).toEqual([expect.objectContaining({ doc: 1, date: '2024-03-05' })]);
  });
});

/** The inference rule's inputs, from an analysis of the documents with inference undone. */
function inputs(docs: ReturnType<typeof docFrom>[]) {
  const analyses = analyzeDocuments(docs);
  return docs.map((d, k) => ({ id: d.id, text: d.text, meta: d.meta, sentences: analyses[k]!.sentences, entities: analyses[k]!.entities }));
}

describe('undated sources on the timeline', () => {
  const text = 'Last month the Fennwick council voted to close the harbour gates to all traffic.\n\nThe harbour gates were first built in 1911 by the old Fennwick council.\n\nOn Thursday the council met again to hear complaints about the closure.\n';

  it('never places their relative dates, even when --date resolves them; absolute years are placed', () => {
    const docs = [docFrom('s1', text, { flags: ['undated'] }), docFrom('s2', 'The Fennwick council opened a new library in the town centre on May 2, 2024, officials said.\n', { date: '2024-05-03' })];
    const analyses = analyzeDocuments(docs, { defaultDate: '2024-05-01' });
    expect(analyses[0]!.dates.map((d) => d.value)).toEqual(expect.arrayContaining(['2024-04', '1911']));
    const notes = buildNotes(docs, analyses, { inputs: ['x'] });
    const fromUndated = notes.timeline.filter((e) => e.cites.includes('s1'));
    expect(fromUndated.map((e) => e.date)).toEqual(['1911']);
    expect(notes.timeline.map((e) => e.date)).toContain('2024-05-02');
    expect(notes.sources[0]).toMatchObject({ date: null, dateSource: 'unknown' });
    expect(notes.sources[0]!.flags).toContain('undated');
  });
});
