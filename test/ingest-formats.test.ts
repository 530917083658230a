// Reading the formats analysts have: HTML (main text + meta tags), PDF (text layer), DOCX, JSON/JSONL
// records, legacy encodings; and hostile files, each reported by name while the others are read.
// Every fixture is built here (pdf-lib, docx), so the test shows what it feeds in.
import fs from 'node:fs';
import path from 'node:path';
import { Document, HeadingLevel, Packer, Paragraph } from 'docx';
import { PDFDocument, PDFHexString, PDFName, StandardFonts } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { cleanText, readSources } from '../src/ingest/index.ts';
import { coreTitle } from '../src/ingest/formats/docx.ts';
import { titleWithoutOutlet } from '../src/ingest/formats/html-meta.ts';
import { domToText } from '../src/ingest/formats/html-text.ts';
import { pageText } from '../src/ingest/formats/pdf-lines.ts';
import { readPdf } from '../src/ingest/formats/pdf.ts';
import { parseHTML } from 'linkedom';
import { expectOffsetsKept, fileWriter } from './helpers/ingest.ts';

const root = path.resolve(import.meta.dirname, '..');
const tmp = path.join(root, 'test/.tmp/formats');
const read = (inputs: string[], opts: { maxBytes?: number } = {}) => readSources(inputs, { cwd: root, ...opts });

const write = fileWriter(root, tmp);

const PARAS = [
  'The harbour at Port Lerwick reopened on Thursday, three days after the storm closed it to all shipping.',
  '"We are back to work," harbour master Ingrid Sorensen said, adding that two berths were still being checked.',
  'Ferries to Aberdeen will run to the normal timetable from Saturday, the operator said in a statement.',
];

const ARTICLE_PAGE = `<!DOCTYPE html><html lang="en"><head>
<meta charset="utf-8">
<title>Harbour reopens after storm | The Shetland Times</title>
<meta property="og:site_name" content="The Shetland Times">
<meta property="article:published_time" content="2024-03-07T09:30:00Z">
<meta name="author" content="Ann Tait">
<link rel="canonical" href="https://example.org/news/harbour-reopens">
<style>body { font-family: serif } .secret-style-word { color: red }</style>
<script>var trackingCode = "SECRETSCRIPT"; document.write("injected");</script>
</head><body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav></header>
<main><article>
<h1>Harbour reopens after storm</h1>
<p>${PARAS[0]}</p>
<p>${PARAS[1]}</p>
<h2>What still needs doing</h2>
<ul><li>Berth 3 needs a diver's inspection</li><li>The north pier light is out</li></ul>
<script>console.log("SECRETSCRIPT inside the article")</script>
<p>${PARAS[2]}</p>
</article></main>
<aside><h3>Most read</h3><ul><li><a href="/a">Council tax to rise</a></li><li><a href="/b">Ferry fares frozen</a></li></ul></aside>
<footer><p>© 2024 The Shetland Times. All rights reserved.</p></footer>
</body></html>`;

beforeAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('HTML', () => {
  it('reads the main text as paragraphs, without scripts, styles or page chrome, and the meta tags', async () => {
    const file = write('html/harbour.html', ARTICLE_PAGE);
    const { docs } = await read([file]);
    const d = docs[0]!;
    expect(d.meta).toMatchObject({
      title: 'Harbour reopens after storm', date: '2024-03-07', dateSource: 'explicit', outlet: 'The Shetland Times',
      author: 'Ann Tait', url: 'https://example.org/news/harbour-reopens',
    });
    expect(d.meta.dateEvidence).toContain('article:published_time');
    // raw is the extracted main text: paragraphs apart by a blank line, list items one per line.
    expect(d.raw).toContain(`${PARAS[0]}\n\n${PARAS[1]}`);
    expect(d.raw).toContain("Berth 3 needs a diver's inspection\nThe north pier light is out");
    expect(d.raw).toContain(`${PARAS[1]}\n\nWhat still needs doing\n\nBerth 3`);
    expect(d.raw).not.toMatch(/SECRETSCRIPT|trackingCode|secret-style-word|font-family/);
    expect(d.raw).not.toMatch(/Most read|Council tax|All rights reserved/);
    expect(cleanText(d)).toContain(PARAS[2]);
    expectOffsetsKept(d);
  });

  it('finds the date in JSON-LD, in <time datetime> and in meta name=date', async () => {
    const body = `<article><p>${PARAS.join('</p><p>')}</p></article>`;
    const ld = write('html-dates/ld.html', `<html><head><script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"NewsArticle","headline":"Harbour reopens","datePublished":"2024-03-05T08:00:00+00:00","author":{"@type":"Person","name":"Ann Tait"},"publisher":{"@type":"Organization","name":"Isles News"}}]}</script></head><body>${body}</body></html>`);
    const time = write('html-dates/time.html', `<html><head><title>Harbour reopens</title></head><body><p>By Ann Tait, <time datetime="2024-03-06">6 March</time></p>${body}</body></html>`);
    const named = write('html-dates/named.html', `<html><head><meta name="date" content="2024-03-04"><title>Harbour reopens - Isles News</title></head><body>${body}</body></html>`);
    const { docs } = await read([ld, time, named]);
    const by = (f: string) => docs.find((d) => d.path === f)!;
    expect(by(ld).meta).toMatchObject({ date: '2024-03-05', dateSource: 'explicit', title: 'Harbour reopens', outlet: 'Isles News', author: 'Ann Tait' });
    expect(by(time).meta).toMatchObject({ date: '2024-03-06', dateSource: 'explicit' });
    expect(by(named).meta).toMatchObject({ date: '2024-03-04', dateSource: 'explicit', title: 'Harbour reopens - Isles News' });
    for (const d of docs) expect(cleanText(d)).toContain(PARAS[1]);
  });

  it('cuts the outlet from a title only where it can tell it is the outlet', () => {
    expect(titleWithoutOutlet('Harbour reopens | The Shetland Times', null)).toBe('Harbour reopens');
    expect(titleWithoutOutlet('Harbour reopens - Isles News', 'Isles News')).toBe('Harbour reopens');
    expect(titleWithoutOutlet('Isles News — Harbour reopens', 'Isles News')).toBe('Harbour reopens');
    expect(titleWithoutOutlet('Ceasefire holds - for now', null)).toBe('Ceasefire holds - for now');
  });

  it('keeps all the visible text of a short page with no article in it', async () => {
    const file = write('html/short.html', '<html><body><div class="sidebar">Ferry cancelled today.</div><div>Check the board.</div><script>x()</script></body></html>');
    const { docs } = await read([file]);
    expect(cleanText(docs[0]!)).toBe('Ferry cancelled today.\n\nCheck the board.');
  });

  it('reads a fragment without <html> or <body>, and drops hidden and form elements', () => {
    const { document } = parseHTML('<html><body><p>One <b>bold</b> word.<br>Next line.</p><p hidden>Hidden</p><p style="display: none">Gone</p><form><select><option>Choose</option></select></form><table><tr><td>A</td><td>B</td></tr></table></body></html>');
    expect(domToText(document.body)).toBe('One bold word.\nNext line.\n\nA B');
  });
});

/** A one-page PDF with the given lines (null = an empty line's worth of space), title and author. */
async function makePdf(pages: Array<Array<string | null>>, info: { title?: string; author?: string } = {}): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  if (info.title) pdf.setTitle(info.title);
  if (info.author) pdf.setAuthor(info.author);
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (const lines of pages) {
    const page = pdf.addPage([595, 842]);
    let y = 800;
    for (const line of lines) {
      if (line) page.drawText(line, { x: 50, y, size: 11, font });
      y -= 14;
    }
  }
  return pdf.save();
}

describe('PDF', () => {
  it('rebuilds lines and paragraphs from the text layer, joins hyphenated words, and reads title and author', async () => {
    const bytes = await makePdf([
      ['Harbour reopens after storm', null, 'The harbour at Port Lerwick reopened on Thursday, three days after an inter-', 'national storm closed it to shipping.', null, '"We are back to work," harbour master Ingrid Sorensen said.'],
      ['Ferries will run to the normal timetable from Saturday.'],
    ], { title: 'Harbour reopens after storm', author: 'Ann Tait' });
    const file = write('pdf/harbour.pdf', bytes);
    const { docs } = await read([file]);
    const d = docs[0]!;
    expect(d.meta).toMatchObject({ title: 'Harbour reopens after storm', author: 'Ann Tait' });
    expect(d.raw).toBe([
      'Harbour reopens after storm',
      'The harbour at Port Lerwick reopened on Thursday, three days after an international storm closed it to shipping.',
      '"We are back to work," harbour master Ingrid Sorensen said.',
      'Ferries will run to the normal timetable from Saturday.',
    ].join('\n\n'));
    expectOffsetsKept(d);
  });

  it('puts items of one baseline on one line in x order, and keeps lines of a paragraph together', () => {
    const item = (str: string, x: number, y: number) => ({ str, x, y, width: str.length * 5, size: 10 });
    expect(pageText([item('world', 80, 700), item('Hello', 50, 700), item('second line', 50, 688), item('new paragraph', 50, 660)]))
      .toBe('Hello world\nsecond line\n\nnew paragraph');
  });

  it('stops at the page limit with a warning, and gives up on a file that takes too long', async () => {
    const bytes = await makePdf([['Page one text.'], ['Page two text.'], ['Page three text.']]);
    const limited = await readPdf(bytes, { maxPages: 2, timeoutMs: 30_000 });
    expect(limited).toMatchObject({ raw: 'Page one text.\n\nPage two text.', warnings: ['has 3 pages; only the first 2 were read'] });
    expect(await readPdf(bytes, { maxPages: 2, timeoutMs: 0 })).toMatchObject({ problem: expect.stringMatching(/took too long/) });
  });

  it('reports a PDF cut short: unreadable when the cut is deep, a warning when only its end is lost', async () => {
    // Without object streams the trailer is plain text at the end, as in most PDFs in the wild.
    const bytes = await (await PDFDocument.load(await makePdf([['Page one text.'], ['Page two text.']]))).save({ useObjectStreams: false });
    expect(await readPdf(bytes.slice(0, Math.floor(bytes.length * 0.6)))).toMatchObject({ problem: expect.stringMatching(/cut short|not a readable PDF/) });
    const endless = await readPdf(bytes.slice(0, bytes.length - 8));
    expect(endless).toMatchObject({ raw: 'Page one text.\n\nPage two text.', warnings: [expect.stringMatching(/cut short/)] });
  });

  it('reports a PDF without a text layer as needing OCR', async () => {
    const pdf = await PDFDocument.create();
    pdf.addPage([595, 842]).drawRectangle({ x: 50, y: 50, width: 400, height: 600 });
    const file = write('pdf/scan.pdf', await pdf.save());
    const err = await read([file]).catch((e: unknown) => e as { diagnostics: Array<{ file: string; message: string }> });
    expect(err.diagnostics).toContainEqual(expect.objectContaining({ file, message: expect.stringMatching(/no text layer.*OCR/) }));
  });

  it('reports an encrypted PDF as needing its password', async () => {
    const pdf = await PDFDocument.load(await makePdf([['Secret text']]));
    // A standard security handler whose check values match no password: pdf.js must ask for one.
    const hex = (n: number) => PDFHexString.of('ab'.repeat(n));
    pdf.context.trailerInfo.Encrypt = pdf.context.register(pdf.context.obj({ Filter: PDFName.of('Standard'), V: 1, R: 2, O: hex(32), U: hex(32), P: -4 }));
    pdf.context.trailerInfo.ID = pdf.context.obj([hex(16), hex(16)]);
    const file = write('pdf/locked.pdf', await pdf.save({ useObjectStreams: false }));
    const err = await read([file]).catch((e: unknown) => e as { diagnostics: Array<{ file: string; message: string }> });
    expect(err.diagnostics).toContainEqual(expect.objectContaining({ file, message: expect.stringMatching(/encrypted/) }));
  });
});

describe('DOCX', () => {
  it('reads paragraphs apart by a blank line, and the title from the core properties', async () => {
    const doc = new Document({
      title: 'Harbour reopens after storm',
      sections: [{ children: [new Paragraph({ text: 'Harbour reopens', heading: HeadingLevel.HEADING_1 }), ...PARAS.map((p) => new Paragraph(p))] }],
    });
    const bytes = new Uint8Array(await Packer.toBuffer(doc));
    expect(coreTitle(bytes)).toBe('Harbour reopens after storm');
    const file = write('docx/harbour.docx', bytes);
    const { docs } = await read([file]);
    expect(docs[0]!.raw).toBe(['Harbour reopens', ...PARAS].join('\n\n'));
    expect(docs[0]!.meta.title).toBe('Harbour reopens after storm');
  });

  it('gives no title when the core properties have none', async () => {
    const bytes = new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children: PARAS.map((p) => new Paragraph(p)) }] })));
    expect(coreTitle(bytes)).toBeNull();
  });
});

describe('JSON and JSON Lines', () => {
  const rec = (n: number, extra: Record<string, unknown> = {}) => ({ title: `Story ${n}`, date: `2024-03-0${n}`, url: `https://example.org/${n}`, outlet: 'Isles News', text: `${PARAS[n - 1]}\n\n${PARAS[2]}`, ...extra });

  it('reads one source per record, shown as file#N, and reports a bad record by its line', async () => {
    const lines = [JSON.stringify(rec(1)), '{"title": "cut off', '', JSON.stringify(rec(2, { date: '2024-03-02T10:00:00Z' }))];
    const file = write('records/feed.jsonl', lines.join('\n'));
    const { docs, diagnostics } = await read([file]);
    expect(docs.map((d) => d.path)).toEqual([`${file}#1`, `${file}#3`]);
    expect(docs[0]!.meta).toMatchObject({ title: 'Story 1', date: '2024-03-01', dateSource: 'explicit', url: 'https://example.org/1', outlet: 'Isles News' });
    expect(docs[1]!.meta.date).toBe('2024-03-02');
    expect(docs[0]!.raw).toBe(`${PARAS[0]}\n\n${PARAS[2]}`);
    expect(diagnostics).toContainEqual(expect.objectContaining({ file, line: 2, severity: 'error', message: expect.stringMatching(/^record 2 is not valid JSON/) }));
  });

  it('reads an array in .json, with the line of a record that has no text', async () => {
    const text = `[\n  ${JSON.stringify(rec(1))},\n  {"title": "No body", "note": "has [brackets] and \\"quotes\\""},\n  ${JSON.stringify(rec(2))}\n]\n`;
    const file = write('records/export.json', text);
    const { docs, diagnostics } = await read([file]);
    expect(docs.map((d) => d.path)).toEqual([`${file}#1`, `${file}#3`]);
    expect(diagnostics).toContainEqual(expect.objectContaining({ file, line: 3, message: 'record 2 has no "text" field' }));
  });

  it('reads a single object in .json as one source under its own name', async () => {
    const file = write('records/one.json', JSON.stringify(rec(3)));
    const { docs } = await read([file]);
    expect(docs.map((d) => d.path)).toEqual([file]);
    expect(docs[0]!.meta.title).toBe('Story 3');
  });
});

describe('encodings', () => {
  const html = `<html><head><title>Café owners say “no”</title></head><body><article><p>${PARAS[0]} The café’s owner said “no” – again.</p><p>${PARAS[1]}</p></article></body></html>`;
  const cases: Array<[string, Uint8Array]> = [
    ['utf8.html', Buffer.from(html)],
    ['utf8-bom.html', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(html)])],
    ['utf16le-bom.html', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(html, 'utf16le')])],
    ['utf16be-bom.html', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(html, 'utf16le').swap16()])],
    // Windows-1252: é is 0xE9, curly quotes 0x93/0x94, apostrophe 0x92, en dash 0x96.
    ['cp1252.html', Buffer.from(html.replace(/[“”’–]/g, (c) => ({ '“': '\x93', '”': '\x94', '’': '\x92', '–': '\x96' })[c]!), 'latin1')],
  ];

  it.each(cases)('reads %s without mangling accents or quotes', async (name, bytes) => {
    const { docs } = await read([write(`enc/${name}`, bytes)]);
    expect(docs[0]!.meta.title).toBe('Café owners say “no”');
    expect(docs[0]!.raw).toContain('The café’s owner said “no” – again.');
  });

  it('reads a page that is not UTF-8 in the charset it declares', async () => {
    // "Привет, порт" in Windows-1251, which read as Windows-1252 would come out as "Ïðèâåò, ïîðò".
    const cyrillic = Buffer.from([0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2, 0x2c, 0x20, 0xef, 0xee, 0xf0, 0xf2]);
    const page = Buffer.concat([Buffer.from('<html><head><meta charset="windows-1251"><title>'), cyrillic, Buffer.from(`</title></head><body><p>${PARAS[0]}</p></body></html>`)]);
    const file = write('enc/cp1251.html', page);
    const { docs, diagnostics } = await read([file]);
    expect(docs[0]!.meta.title).toBe('Привет, порт');
    expect(diagnostics.filter((d) => d.file === file && d.severity === 'warning')).toEqual([]);
  });
});

describe('hostile and broken files', () => {
  it('reports each by name, reads the good one, and does not hang', async () => {
    const good = write('hostile/good.html', ARTICLE_PAGE);
    write('hostile/empty.html', '');
    write('hostile/junk.txt', Buffer.from(Array.from({ length: 4096 }, (_, k) => (k * 7919 + 13) % 256)));
    write('hostile/scripts-only.html', '<html><head><script>alert(1)</script></head><body><script>while(true){}</script><style>p{}</style></body></html>');
    write('hostile/truncated.pdf', (await makePdf([[PARAS[0]!]])).slice(0, 300));
    write('hostile/broken.docx', 'PK\x03\x04 not really a zip');
    write('hostile/empty.jsonl', '\n\n');
    write('hostile/notes.xyz', 'x');
    // A 100 MB file that takes no disk: sparse, so only its size is real (the size check reads no bytes).
    const big = path.join(tmp, 'hostile/huge.txt');
    fs.writeFileSync(big, '');
    fs.truncateSync(big, 100 * 1024 * 1024);
    const { docs, diagnostics } = await read(['test/.tmp/formats/hostile']);
    expect(docs.map((d) => d.path)).toEqual([good]);
    const about = (name: string) => diagnostics.find((d) => d.file === `test/.tmp/formats/hostile/${name}`);
    expect(about('empty.html')).toMatchObject({ severity: 'error', message: 'is empty' });
    expect(about('junk.txt')).toMatchObject({ severity: 'error', message: expect.stringMatching(/binary/) });
    expect(about('scripts-only.html')).toMatchObject({ severity: 'error', message: expect.stringMatching(/no readable text/) });
    expect(about('truncated.pdf')).toMatchObject({ severity: 'error', message: expect.stringMatching(/not a readable PDF|cut short|cannot be read as a PDF/) });
    expect(about('broken.docx')).toMatchObject({ severity: 'error', message: expect.stringMatching(/not a Word document/) });
    expect(about('empty.jsonl')).toMatchObject({ severity: 'error', message: expect.stringMatching(/no records|no text/) });
    expect(about('huge.txt')).toMatchObject({ severity: 'error', message: expect.stringMatching(/too large.*100\.0 MB/) });
    expect(about('notes.xyz')).toMatchObject({ severity: 'info', message: 'skipped: .xyz is not supported yet', hint: expect.stringMatching(/\.html.*\.pdf.*\.docx.*\.jsonl/) });
  }, 60_000);
});
