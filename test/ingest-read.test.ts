// Reading sources from disk: folders, formats, encodings, bad files reported by name, ids and paths,
// the offset contract, determinism; and one regression check on the sample clippings in seeds/.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BriefingError } from '../src/errors.ts';
import { cleanText, readSources } from '../src/ingest/index.ts';
import type { SourceDoc } from '../src/notes/model.ts';
import { expectOffsetsKept as expectCaseFoldedOffsets, fileWriter } from './helpers/ingest.ts';

const root = path.resolve(import.meta.dirname, '..');
const tmp = path.join(root, 'test/.tmp/ingest');
const fixtures = 'test/fixtures/ingest';
const read = (inputs: string[], opts: { maxBytes?: number } = {}) => readSources(inputs, { cwd: root, ...opts });

const write = fileWriter(root, tmp);
/** Repair may truecase a degraded source, so words are compared without case here. */
const expectOffsetsKept = (d: SourceDoc) => expectCaseFoldedOffsets(d, { sameCase: false });

const story = 'Harbour reopens after storm\n\nThe harbour at Port Lerwick reopened on Thursday, three days after the storm.\n\n"We are back to work," harbour master Ingrid Sorensen said.\n';

beforeAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('reading folders', () => {
  it('reads folders recursively in sorted path order, ids s1…sN, paths relative to the working folder', async () => {
    const { docs, diagnostics } = await read([fixtures]);
    expect(docs.map((d) => d.id)).toEqual(['s1', 's2', 's3', 's4', 's5']);
    expect(docs.map((d) => d.path)).toEqual([
      'test/fixtures/ingest/clubs/gazette-derby.txt',
      'test/fixtures/ingest/clubs/herald-derby.md',
      'test/fixtures/ingest/clubs/scrape-derby.txt',
      'test/fixtures/ingest/harvest/courier-olives.md',
      'test/fixtures/ingest/harvest/wire-vineyards.txt',
    ]);
    expect(diagnostics).toContainEqual(expect.objectContaining({ file: 'test/fixtures/ingest/harvest/notes.docx', severity: 'error', message: expect.stringMatching(/not a Word document/) }));
    for (const d of docs) expectOffsetsKept(d);
  });

  it('gives the same result for the same inputs, however they are named or ordered', async () => {
    const a = await read([fixtures]);
    const b = await read([`${fixtures}/harvest`, path.join(root, fixtures, 'clubs'), `${fixtures}/clubs/gazette-derby.txt`]);
    expect(b).toEqual(a);
  });

  it('skips hidden files and folders, and shows absolute paths outside the working folder as given', async () => {
    write('hidden/.draft.txt', story);
    write('hidden/.git/x.txt', story);
    write('hidden/visible.txt', story);
    const { docs } = await read(['test/.tmp/ingest/hidden']);
    expect(docs.map((d) => d.path)).toEqual(['test/.tmp/ingest/hidden/visible.txt']);
    const outside = await readSources([path.join(tmp, 'hidden')], { cwd: path.join(root, 'src') });
    expect(outside.docs[0]!.path).toBe(path.join(tmp, 'hidden/visible.txt'));
  });
});

describe('metadata and cleaning on made-up clippings', () => {
  it('cleans a football page full of chrome and keeps its metadata', async () => {
    const { docs } = await read([`${fixtures}/clubs/gazette-derby.txt`]);
    const d = docs[0]!;
    expect(d.meta).toEqual({
      title: 'Rovers snatch late derby win as Hartley scores twice', date: '2024-09-14', dateSource: 'explicit',
      dateEvidence: 'Saturday 14 September 2024 17:45 BST', outlet: 'The Northern Gazette', author: 'Jane Doe and Sam Okoro', url: null,
    });
    expect(d.flags).toEqual(['boilerplate-removed']);
    const shown = cleanText(d);
    expect(shown.startsWith('Kingsmead Rovers beat Eastfield Albion 2-1 on Saturday')).toBe(true);
    expect(shown.endsWith('two points behind leaders Northport City.')).toBe(true);
    for (const gone of ['Skip', 'min read', 'Getty', 'Advertisement', 'cookies', 'Accept all', '©', 'Facebook']) expect(shown).not.toContain(gone);
    expect(new Set(d.cleaning.map((s) => s.rule))).toEqual(new Set(['skip-links', 'navigation', 'title', 'byline', 'dateline', 'read-time', 'caption', 'cookie-notice', 'copyright']));
  });

  it('takes Markdown frontmatter as metadata, a wire credit or an exclusive interview as the outlet', async () => {
    const { docs } = await read([fixtures]);
    expect(docs[1]!.meta).toMatchObject({ title: 'Hartley double gives Kingsmead Rovers derby win', date: '2024-09-14', outlet: 'Eastfield Herald', author: 'Ana Ruiz', url: 'https://example.org/sport/derby' });
    expect(cleanText(docs[1]!).startsWith('Kingsmead Rovers came from behind')).toBe(true);
    expect(docs[3]!.meta).toMatchObject({ title: 'Olive growers in Crete report a poor year', date: null, outlet: 'The Island Courier' });
    expect(docs[3]!.flags).toEqual(['undated']);
    expect(docs[4]!.meta).toMatchObject({ date: '2023-03-03', dateEvidence: 'Published: March 3, 2023 10:15 GMT', outlet: 'Reuters' });
  });

  it('repairs a lower-cased, unpunctuated, cut-off copy from its well-formed twins and says so', async () => {
    const { docs, diagnostics } = await read([`${fixtures}/clubs`]);
    const d = docs.find((x) => x.path.endsWith('scrape-derby.txt'))!;
    expect(d.flags).toEqual(['degraded', 'lowercase', 'truncated-start', 'undated', 'unpunctuated']);
    expect(d.text.startsWith('      came from behind to beat Eastfield Albion on Saturday as Tom Hartley')).toBe(true);
    expect(d.text).toContain('Rovers manager Petra Lind');
    expect(d.text).toContain(' I think ');
    expect(d.meta.title).toBeNull();
    expect(diagnostics).toContainEqual(expect.objectContaining({ file: d.path, severity: 'warning', message: expect.stringMatching(/damaged/) }));
    expectOffsetsKept(d);
  });
});

describe('decoding', () => {
  const cases: Array<[string, Uint8Array]> = [
    ['utf8-bom.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(story)])],
    ['utf16le-bom.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(story, 'utf16le')])],
    ['utf16be-bom.txt', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(story, 'utf16le').swap16()])],
    ['utf16le-nobom.txt', Buffer.from(story, 'utf16le')],
  ];

  it.each(cases)('reads %s with the mark removed', async (name, bytes) => {
    const { docs } = await read([write(`enc/${name}`, bytes)]);
    expect(docs[0]!.raw).toBe(story);
    expect(docs[0]!.meta.title).toBe('Harbour reopens after storm');
  });

  it('keeps CRLF line endings in raw and cleans the same as LF', async () => {
    const lf = `Skip to content\n${story}\n2 min read\n© 2021 The Shetland Times`;
    const a = await read([write('crlf/lf.txt', lf)]);
    const b = await read([write('crlf/crlf.txt', lf.replace(/\n/g, '\r\n'))]);
    expect(b.docs[0]!.raw).toContain('\r\n');
    expect(b.docs[0]!.meta).toEqual(a.docs[0]!.meta);
    expect(cleanText(b.docs[0]!)).toBe(cleanText(a.docs[0]!));
    expectOffsetsKept(b.docs[0]!);
  });

  it('reads bytes that are not UTF-8 as Windows-1252, with a warning', async () => {
    const bytes = Buffer.from('Caf\xe9 owners say \x93no\x94 to new tax \x96 again\n\nThe owners of caf\xe9s in the old town met on Monday.', 'latin1');
    const file = write('enc/cp1252.txt', bytes);
    const { docs, diagnostics } = await read([file]);
    expect(docs[0]!.raw.startsWith('Café owners say “no” to new tax – again')).toBe(true);
    expect(diagnostics).toContainEqual(expect.objectContaining({ file, severity: 'warning', message: expect.stringMatching(/Windows-1252/) }));
  });
});

describe('bad inputs', () => {
  it('reports each bad file by name with what to do, and reads the rest', async () => {
    write('mixed/good.txt', story);
    write('mixed/empty.txt', '');
    write('mixed/spaces.md', '  \n\n ');
    write('mixed/binary.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 3, 0, 0xff]));
    write('mixed/big.txt', 'x'.repeat(5000));
    write('mixed/only-chrome.txt', 'Skip to content\n2 min read\nThis website uses cookies.\n');
    write('mixed/slides.pdf', '%PDF-1.4');
    const dangling = path.join(tmp, 'mixed/gone.txt');
    fs.symlinkSync(path.join(tmp, 'no-such-target.txt'), dangling);
    const { docs, diagnostics } = await read(['test/.tmp/ingest/mixed'], { maxBytes: 4096 });
    expect(docs.map((d) => d.path)).toEqual(['test/.tmp/ingest/mixed/good.txt']);
    expect(docs[0]!.id).toBe('s1');
    const about = (name: string) => diagnostics.find((d) => d.file === `test/.tmp/ingest/mixed/${name}`);
    expect(about('empty.txt')).toMatchObject({ severity: 'error', message: 'is empty', hint: expect.any(String) });
    expect(about('spaces.md')).toMatchObject({ severity: 'error', message: expect.stringMatching(/no text/) });
    expect(about('binary.txt')).toMatchObject({ severity: 'error', message: expect.stringMatching(/binary/) });
    expect(about('big.txt')).toMatchObject({ severity: 'error', message: expect.stringMatching(/too large/) });
    expect(about('only-chrome.txt')).toMatchObject({ severity: 'error', message: expect.stringMatching(/no text left/) });
    expect(about('gone.txt')).toMatchObject({ severity: 'error', message: expect.stringMatching(/cannot be read/) });
    expect(about('slides.pdf')).toMatchObject({ severity: 'error', message: expect.stringMatching(/not a readable PDF|cannot be read as a PDF/) });
  });

  it('throws INPUT_MISSING naming a missing input', async () => {
    const err = await read(['no/such/folder']).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BriefingError);
    expect(err).toMatchObject({ code: 'INPUT_MISSING', message: expect.stringContaining('no/such/folder'), hint: expect.any(String) });
  });

  it('throws NO_SOURCES, with the diagnostics, when nothing is readable', async () => {
    write('nothing/a.docx', 'x');
    write('nothing/b.txt', '');
    const err = await read(['test/.tmp/ingest/nothing']).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'NO_SOURCES' });
    expect((err as BriefingError).diagnostics.map((d) => d.file)).toEqual(['test/.tmp/ingest/nothing/a.docx', 'test/.tmp/ingest/nothing/b.txt']);
  });
});

describe('seeds (regression on the sample clippings)', () => {
  it('reads the five samples with their dates, flags and cleaning', async () => {
    const { docs } = await read(['seeds']);
    expect(docs).toHaveLength(5);
    const byFile = (prefix: string) => docs.find((d) => path.basename(d.path).startsWith(prefix))!;
    for (const d of docs) expectOffsetsKept(d);
    expect(byFile('001').meta).toMatchObject({ date: '2019-06-06', dateSource: 'explicit' });
    expect(byFile('002').meta).toMatchObject({ date: '2019-06-08', dateSource: 'explicit' });
    for (const p of ['000', '003']) expect(byFile(p).flags).toContain('undated');
    const s000 = byFile('000');
    expect(s000.flags).toEqual(expect.arrayContaining(['degraded', 'lowercase', 'unpunctuated']));
    expect(s000.text).toMatch(/\bHaftar\b/);
    const s004 = byFile('004');
    expect(s004.flags).toContain('boilerplate-removed');
    expect(s004.text).not.toMatch(/Skip links|cookies/);
  });
});
