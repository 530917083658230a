// Real deck exports of a small generated deck with the system Chromium (PDF with an outline, PPTX
// with speaker notes, one PNG per slide), the speaker-notes PDF, and the errors: no browser, and a
// browser that fails (the previous export must survive it). Read back with poppler and node:zlib.
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.ts';
import type { Output } from '../src/cli/output.ts';
import { zipEntries } from '../src/ingest/formats/zip.ts';
import { deckNotes } from '../src/render/handout/speaker-notes.ts';
import { checkExportedPdf, exportDeck, findChromium, requireChromium } from '../src/render/slides/slidev.ts';
import { PDFDocument, StandardFonts } from 'pdf-lib';

// Slidev resolves its theme from the deck's folder, so the deck must live inside the package.
const TMP = fileURLToPath(new URL('./.tmp/export/', import.meta.url));
const DECK = path.join(TMP, 'slides.md');
const SLOW = 600_000;
const chromium = findChromium();

/** The deck's slides: a title, a line of body text and the speaker notes. */
const SLIDES = [
  // The first slide carries the deck's headmatter, whose `title` is the deck's and also this slide's.
  { title: 'Export check', body: 'Cover of the export check.', note: 'Open with the strike: day eight.' },
  { title: 'Who is on strike', body: 'Two thousand dock workers.', note: '- Dock workers walked out on March 2. [s1]\n  - s1: “Workers walked out on March 2 when pay talks broke down.”' },
  { title: 'What it costs', body: 'Four million dollars a day.', note: 'Losses pass $4 million a day, says the port authority; Maria Lenz disputes it. 利比亚国民军' },
];

function deckText(): string {
  const head = '---\ntheme: default\ntitle: "Export check"\nfonts:\n  provider: none\nmdc: false\nmonaco: false\ndownload: false\ninfo: false\ntransition: none\n---\n\n';
  return head + SLIDES.map((s) => `# ${s.title}\n\n${s.body}\n\n<!--\n${s.note}\n-->\n`).join('\n---\n\n');
}

function capture(): Output & { err: string[] } {
  const err: string[] = [];
  return { err, data: () => {}, info: (t) => err.push(t), diagnostics: (l) => l.forEach((d) => err.push(d.message)) };
}

/** The files of a zip archive, by name, as text (read with the ingest stage's zip reader). */
function unzip(file: string): Map<string, string> {
  const zip = readFileSync(file);
  if (zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06])) < 0) throw new Error(`${file} is not a zip archive`);
  return new Map([...zipEntries(zip)].map(([name, bytes]) => [name, Buffer.from(bytes).toString('utf8')]));
}

/** The text runs of an OOXML part, XML entities decoded (pptxgenjs writes line ends as CRLF). */
const xmlText = (xml: string): string =>
  [...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => m[1]!.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/\r\n/g, '\n')).join('\n');

const run = (cmd: string, args: string[]): string => execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
const pdfInfo = (pdf: string): string => run('pdfinfo', [pdf]);
const pdfText = (pdf: string): string => run('pdftotext', ['-enc', 'UTF-8', pdf, '-']);
/** The PDF's outline (bookmarks) as poppler reads it: [title, page]. */
const pdfOutline = (pdf: string): Array<[string, number]> =>
  [...run('pdftohtml', ['-xml', '-i', '-stdout', pdf]).matchAll(/<item page="(\d+)">([^<]*)<\/item>/g)].map((m) => [m[2]!, Number(m[1])]);
/** Files left beside the outputs by an export: temporary names start with a dot. */
const leftovers = (): string[] => readdirSync(TMP).filter((n) => n.startsWith('.') && n !== '.slidev');

beforeAll(() => {
  rmSync(TMP, { recursive: true, force: true });
  mkdirSync(TMP, { recursive: true });
  writeFileSync(DECK, deckText());
});

const saved = process.env.BRIEFING_CHROMIUM;
afterEach(() => {
  if (saved === undefined) delete process.env.BRIEFING_CHROMIUM;
  else process.env.BRIEFING_CHROMIUM = saved;
});

const withBrowser = chromium || process.env.CI ? it : it.skip;
if (!chromium) console.warn('skipping the browser exports: no Chromium found (install chromium or set BRIEFING_CHROMIUM)');

describe('briefing export with Chromium', () => {
  withBrowser('writes a PDF, one page a slide, with the slide titles as its outline', { timeout: SLOW }, async () => {
    const err = capture();
    const output = path.join(TMP, 'deck.pdf');
    expect(await main(['export', '--deck', DECK, '--output', output], err)).toBe(0);
    expect(err.err.at(-1)).toMatch(/wrote .*deck\.pdf, with an outline/);
    const info = pdfInfo(output);
    expect(info).toMatch(/^Pages:\s+3$/m);
    expect(info).toMatch(/^Title:\s+Export check$/m);
    const text = pdfText(output);
    expect(text).not.toContain('An error occurred on this slide');
    for (const s of SLIDES) expect(text).toContain(s.body);
    expect(pdfOutline(output)).toEqual(SLIDES.map((s, i) => [s.title, i + 1]));
    expect(leftovers()).toEqual([]);
  });

  withBrowser('writes a PPTX with one slide per slide and the speaker notes on notes pages', { timeout: SLOW }, async () => {
    const { output } = await exportDeck(DECK, { format: 'pptx', output: path.join(TMP, 'deck') });
    expect(output).toBe(path.join(TMP, 'deck.pptx'));
    const files = unzip(output);
    const slides = [...files.keys()].filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n));
    const notes = [...files.keys()].filter((n) => /^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(n)).sort();
    expect(slides).toHaveLength(3);
    expect(notes).toHaveLength(3);
    // Each notes page belongs to its slide, and holds that slide's notes.
    for (const [i, s] of SLIDES.entries()) {
      const rels = files.get(`ppt/notesSlides/_rels/notesSlide${i + 1}.xml.rels`) ?? '';
      expect(rels).toContain(`slides/slide${i + 1}.xml`);
      expect(xmlText(files.get(`ppt/notesSlides/notesSlide${i + 1}.xml`)!)).toContain(s.note);
    }
    expect(leftovers()).toEqual([]);
  });

  withBrowser('writes one PNG per slide into a folder, replacing an older export whole', { timeout: SLOW }, async () => {
    const folder = path.join(TMP, 'png');
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, '9.png'), 'from an older export of a longer deck');
    const { output, files } = await exportDeck(DECK, { format: 'png', output: folder });
    expect(output).toBe(folder);
    expect(files.map((f) => path.basename(f))).toEqual(['1.png', '2.png', '3.png']);
    expect(readdirSync(folder).sort()).toEqual(['1.png', '2.png', '3.png']);
    for (const f of files) {
      const png = readFileSync(f);
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      // IHDR: a 16:9 slide at Slidev's 980 px canvas, scaled 2×.
      expect(png.readUInt32BE(16) / png.readUInt32BE(20)).toBeCloseTo(16 / 9, 1);
    }
    expect(leftovers()).toEqual([]);
  });

  it('keeps the previous export when the browser fails, and leaves no temporary file', { timeout: SLOW }, async () => {
    const output = path.join(TMP, 'kept.pdf');
    writeFileSync(output, 'previous export');
    // A "browser" that exits at once: Slidev starts, then cannot launch it.
    const broken = path.join(TMP, 'broken-chromium');
    writeFileSync(broken, '#!/bin/sh\nexit 1\n');
    chmodSync(broken, 0o755);
    const error = await exportDeck(DECK, { format: 'pdf', output, env: { BRIEFING_CHROMIUM: broken } }).then(() => null, (e: unknown) => e);
    expect(error).toMatchObject({ code: 'TOOL_FAILED' });
    expect(readFileSync(output, 'utf8')).toBe('previous export');
    expect(leftovers()).toEqual([]);
  });
});

describe('reading an export back', () => {
  /** A PDF with one page per text ('' for a page without text), as a deck export would be. */
  async function pdfWith(file: string, pages: string[]): Promise<string> {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    for (const text of pages) {
      const page = doc.addPage([400, 225]);
      if (text) page.drawText(text, { x: 20, y: 150, size: 14, font });
    }
    writeFileSync(file, await doc.save());
    return file;
  }

  it("fails on a page that shows Slidev's error box, unless the deck itself says those words", async () => {
    const pdf = await pdfWith(path.join(TMP, 'errorbox.pdf'), ['Export check', 'An error occurred on this slide']);
    await expect(checkExportedPdf(pdf, DECK)).rejects.toMatchObject({ code: 'TOOL_FAILED', message: expect.stringContaining('page 2') });
    const quoting = path.join(TMP, 'quoting.md');
    writeFileSync(quoting, `${deckText()}\n---\n\n# Quote\n\n"An error occurred on this slide," the log said.\n`);
    await expect(checkExportedPdf(pdf, quoting)).resolves.toEqual([]);
  });

  it("fails on a page that shows Mermaid's error instead of a diagram, naming the page", async () => {
    const pdf = await pdfWith(path.join(TMP, 'mermaid-error.pdf'), ['Export check', 'Who backs whom', 'Error: Parse error on line 3: n2 -->|backs n1']);
    await expect(checkExportedPdf(pdf, DECK)).rejects.toMatchObject({ code: 'TOOL_FAILED', message: expect.stringMatching(/a Mermaid error on page 3 \("Parse error on line 3"\)/) });
    const fine = await pdfWith(path.join(TMP, 'mermaid-fine.pdf'), ['Export check', 'Who backs whom', 'Egypt backs Khalifa Haftar']);
    await expect(checkExportedPdf(fine, DECK)).resolves.toEqual([]);
  });

  it('warns about pages without text', async () => {
    const pdf = await pdfWith(path.join(TMP, 'blank.pdf'), ['Export check', '', 'What it costs', '']);
    expect(await checkExportedPdf(pdf, DECK)).toEqual([expect.stringMatching(/^pages 2, 4 of the exported PDF have no text/)]);
  });

  withBrowser('reports a slide that failed to render (it comes out blank) when exporting for real', { timeout: SLOW }, async () => {
    const deck = path.join(TMP, 'failing.md');
    writeFileSync(deck, `${deckText()}\n---\n\n# Broken\n\n{{ (() => { throw new Error('boom') })() }}\n`);
    const err = capture();
    expect(await main(['export', '--deck', deck, '--output', path.join(TMP, 'failing.pdf')], err)).toBe(0);
    expect(err.err.join('\n')).toMatch(/warning: page 4 of the exported PDF has no text/);
  });
});

describe('briefing export without a browser', () => {
  it('stops with a message saying how to install one, and writes nothing', async () => {
    process.env.BRIEFING_CHROMIUM = '/nonexistent/chromium';
    const err = capture();
    const output = path.join(TMP, 'never.pdf');
    expect(await main(['export', '--deck', DECK, '--output', output], err)).toBe(1);
    const message = err.err.join('\n');
    expect(message).toContain('BRIEFING_CHROMIUM is set to /nonexistent/chromium, which does not exist');
    expect(message).toContain('sudo apt-get install chromium');
    expect(existsSync(output)).toBe(false);
  });

  it('says where it looked when no variable is set and no system browser exists', () => {
    expect(() => requireChromium({}, [])).toThrow(expect.objectContaining({ code: 'BROWSER_MISSING', hint: expect.stringContaining('BRIEFING_CHROMIUM') }));
  });
});

describe('briefing export --format notes', () => {
  it('reads each shown slide\'s title and notes with Slidev\'s parser', () => {
    const notes = deckNotes(deckText(), DECK);
    expect(notes.title).toBe('Export check');
    expect(notes.slides.map((s) => [s.number, s.title])).toEqual(SLIDES.map((s, i) => [i + 1, s.title]));
    expect(notes.slides[1]!.lines).toEqual([
      { depth: 1, item: true, text: 'Dock workers walked out on March 2. [s1]' },
      { depth: 2, item: true, text: 's1: “Workers walked out on March 2 when pay talks broke down.”' },
    ]);
  });

  it('writes the speaker notes as a PDF without a browser, the same bytes every time', async () => {
    process.env.BRIEFING_CHROMIUM = '/nonexistent/chromium';
    const output = path.join(TMP, 'notes.pdf');
    const err = capture();
    expect(await main(['export', '--format', 'notes', '--deck', DECK, '--output', output, '--paper', 'a4'], err)).toBe(0);
    expect(err.err.at(-1)).toBe(`wrote ${output}: speaker notes for 3 slides on 1 page`);
    const info = pdfInfo(output);
    expect(info).toMatch(/^Title:\s+Speaker notes: Export check$/m);
    expect(info).toMatch(/^Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)$/m);
    const text = pdfText(output).replace(/\s+/g, ' ');
    for (const s of SLIDES) expect(text).toContain(s.title);
    expect(text).toContain('Open with the strike: day eight.');
    expect(text).toContain('s1: “Workers walked out on March 2 when pay talks broke down.”');
    expect(text).toContain('利比亚国民军');
    const first = readFileSync(output);
    expect(await main(['export', '--format', 'notes', '--deck', DECK, '--output', output, '--paper', 'a4'], capture())).toBe(0);
    expect(readFileSync(output).equals(first)).toBe(true);
    expect(leftovers()).toEqual([]);
  });
});
