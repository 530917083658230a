// The editable PPTX read back as a zip of XML (JSZip, independent of pptxgenjs's writer): real text on
// every slide, speaker notes, no text box holding more than it can, hostile text kept literally,
// masters and properties, reproducible bytes; then through LibreOffice to PDF and read with pdftotext.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.ts';
import type { Output } from '../src/cli/output.ts';
import { stringifyNotes } from '../src/notes/markdown.ts';
import { paginate, type Para } from '../src/render/pptx/fit.ts';
import { renderPptx } from '../src/render/pptx/index.ts';
import { lineCount } from '../src/render/slides/geometry.ts';
import { richNotes } from './fixtures/pptx-notes.ts';
import { hostileNotes, largeNotes } from './fixtures/sample-notes.ts';

const TMP = fileURLToPath(new URL('./.tmp/pptx/', import.meta.url));
const EMU_PER_PT = 12700;

interface Shape { name: string; cx: number; cy: number; insets: [number, number, number, number]; paras: { text: string; sz: number; bold: boolean; marL: number; lnSpc: number; spcAft: number }[] }

const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16))).replace(/&amp;/g, '&');
const num = (xml: string, re: RegExp, fallback: number) => Number(xml.match(re)?.[1] ?? fallback);

/** Every text-bearing shape of a slide's XML, with what its capacity depends on. */
function shapes(xml: string): Shape[] {
  return [...xml.matchAll(/<p:sp>([\s\S]*?)<\/p:sp>/g)].flatMap(([, sp]) => {
    const body = sp!.match(/<p:txBody>([\s\S]*?)<\/p:txBody>/)?.[1];
    if (!body) return [];
    const bodyPr = body.match(/<a:bodyPr[^>]*>/)?.[0] ?? '';
    // OOXML's default insets: 0.1 in left and right, 0.05 in top and bottom.
    const ins = (k: string) => num(bodyPr, new RegExp(`${k}="(\\d+)"`), k === 'lIns' || k === 'rIns' ? 91440 : 45720) / EMU_PER_PT;
    const defaultSz = num(body, /<a:defRPr[^>]*\bsz="(\d+)"/, 1800);
    const paras = [...body.matchAll(/<a:p>([\s\S]*?)<\/a:p>/g)].map(([, p]) => ({
      text: [...p!.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => decode(m[1]!)).join(''),
      sz: num(p!, /<a:rPr[^>]*\bsz="(\d+)"/, defaultSz) / 100,
      bold: /<a:rPr[^>]*\bb="1"/.test(p!),
      marL: num(p!, /<a:pPr[^>]*\bmarL="(\d+)"/, 0) / EMU_PER_PT,
      lnSpc: num(p!, /<a:lnSpc><a:spcPts val="(\d+)"/, 0) / 100,
      spcAft: num(p!, /<a:spcAft><a:spcPts val="(\d+)"/, 0) / 100,
    })).filter((p) => p.text !== '');
    return [{
      name: sp!.match(/<p:cNvPr id="\d+" name="([^"]*)"/)?.[1] ?? '',
      cx: num(sp!, /<a:ext cx="(\d+)"/, 0) / EMU_PER_PT, cy: num(sp!, /<a:ext cx="\d+" cy="(\d+)"/, 0) / EMU_PER_PT,
      insets: [ins('lIns'), ins('tIns'), ins('rIns'), ins('bIns')], paras,
    }];
  });
}

/** Height (pt) a shape's text needs, measured with the deck's text measure from what the XML says. */
function neededPt(s: Shape): number {
  const width = s.cx - s.insets[0] - s.insets[2];
  return s.paras.reduce((h, p, i) => {
    const lines = lineCount(p.text, { px: p.sz, line: p.lnSpc, width: width - p.marL, bold: p.bold });
    return h + lines * (p.lnSpc || p.sz * 1.2) + (i < s.paras.length - 1 ? p.spcAft : 0);
  }, s.insets[1] + s.insets[3]);
}

async function open(bytes: Uint8Array) {
  const zip = await JSZip.loadAsync(bytes);
  const read = (name: string) => zip.file(name)!.async('string');
  const count = Object.keys(zip.files).filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f)).length;
  const slides = await Promise.all(Array.from({ length: count }, (_, i) => read(`ppt/slides/slide${i + 1}.xml`)));
  const notes = await Promise.all(Array.from({ length: count }, (_, i) => read(`ppt/notesSlides/notesSlide${i + 1}.xml`)));
  return { zip, read, slides, notes };
}

const textOf = (xml: string) => [...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => decode(m[1]!)).join('\n');

describe('editable PPTX', () => {
  let rich: Awaited<ReturnType<typeof renderPptx>>;
  beforeAll(async () => {
    rich = await renderPptx(richNotes());
  }, 60_000);

  it('has the deck plan, real text on every slide and speaker notes with citations and evidence', async () => {
    const { slides, notes } = await open(rich.pptx);
    const titles = rich.slides.map((s) => s.title);
    expect(titles).toEqual(['Briefing: Harbour strike at Avalon', 'Bottom line', 'What happened', 'Key themes', 'Actors', 'Who backs whom', 'Where it happens', 'What they say', 'Numbers', 'How the numbers changed', 'Where sources disagree', 'What is unknown or undated', 'Sources']);
    expect(slides).toHaveLength(titles.length);
    slides.forEach((xml, i) => {
      expect(textOf(xml)).toContain(titles[i]);
      expect(textOf(notes[i]!)).toContain(titles[i]);
    });
    // No slide is a picture of itself: the only picture is the map.
    expect(slides.filter((x) => x.includes('<p:pic>'))).toHaveLength(1);
    const all = slides.map(textOf).join('\n');
    const n = richNotes();
    for (const c of [...n.bottomLine, ...n.keyPoints, ...n.timeline, ...n.discrepancies]) expect(all).toContain(c.text);
    for (const q of n.quotes) expect(all).toContain(q.text);
    for (const f of n.figures) expect(all).toContain(f.figure);
    expect(all).toContain('Pay talks'); // a theme heading
    expect(all).toContain('2 sources'); // Claim.support
    expect(all).toContain('undated source'); // Claim.caveats
    expect(all).toContain('Lenz wants a pay offer'); // Actor.positions
    const notesText = notes.map(textOf).join('\n');
    expect(notesText).toContain('[s1, s2]');
    expect(notesText).toContain('s1: “The strike began on Saturday after talks on pay collapsed late on Friday.”');
  });

  it('draws who backs whom with native shapes and arrows, and trends as a native chart', async () => {
    const { slides, zip } = await open(rich.pptx);
    const diagram = slides[rich.slides.findIndex((s) => s.title === 'Who backs whom')]!;
    // Maria Lenz: backed by Transport Federation and France, opposed by the port authority.
    expect(diagram.match(/<a:prstGeom prst="line">/g)).toHaveLength(3);
    expect(diagram.match(/<a:tailEnd type="triangle"/g)).toHaveLength(3);
    for (const name of ['Maria Lenz', 'Transport Federation', 'France', 'Port of Avalon Authority']) expect(textOf(diagram)).toContain(name);
    expect(Object.keys(zip.files).filter((f) => /^ppt\/charts\/chart\d+\.xml$/.test(f))).toHaveLength(1);
    expect(await zip.file('ppt/charts/chart1.xml')!.async('string')).toContain('<c:lineChart>');
  });

  it('has slide masters a user can restyle, the deck\'s fonts and colours, and document properties', async () => {
    const { read, slides, zip } = await open(rich.pptx);
    const layouts = Object.keys(zip.files).filter((f) => /^ppt\/slideLayouts\/slideLayout\d+\.xml$/.test(f));
    const names = await Promise.all(layouts.map(async (f) => (await read(f)).match(/<p:cSld name="([^"]*)"/)?.[1]));
    expect(names).toEqual(expect.arrayContaining(['CONTENT', 'TITLE']));
    for (const xml of slides) expect(xml).toMatch(/<p:ph[^>]*type="title"/);
    // One paragraph-properties element a paragraph (pptxgenjs writes one a run; PowerPoint would repair the file).
    for (const xml of slides) for (const [p] of xml.matchAll(/<a:p>[\s\S]*?<\/a:p>/g)) expect(p.match(/<a:pPr\b/g)?.length ?? 0).toBeLessThanOrEqual(1);
    expect(slides[1]).toContain('typeface="Source Sans 3"');
    expect(slides[1]).toContain('val="1B2230"'); // --b-ink
    const core = await read('docProps/core.xml');
    expect(core).toContain('<dc:title>Briefing: Harbour strike at Avalon</dc:title>');
    expect(core).toContain('>2024-03-09T00:00:00Z</dcterms:created>');
  });

  it('gives the same bytes for the same notes', async () => {
    const again = await renderPptx(richNotes());
    expect(Buffer.from(again.pptx).equals(Buffer.from(rich.pptx))).toBe(true);
  }, 60_000);

  it('holds no text box with more text than it can hold, even for a long briefing (continuation slides)', async () => {
    const big = await renderPptx(largeNotes());
    const { slides } = await open(big.pptx);
    let boxes = 0;
    for (const [i, xml] of slides.entries()) {
      for (const s of shapes(xml)) {
        boxes++;
        expect(neededPt(s), `slide ${i + 1} "${s.name}": ${s.paras.map((p) => p.text).join(' / ').slice(0, 80)}`).toBeLessThanOrEqual(s.cy + 0.5);
      }
    }
    expect(boxes).toBeGreaterThan(slides.length);
    // As in the Slidev deck: one main slide a section, the rest after an "Appendix" divider.
    const titles = big.slides.map((s) => s.title);
    const divider = titles.indexOf('Appendix');
    expect(divider).toBeGreaterThan(0);
    expect(new Set(titles.slice(0, divider)).size).toBe(divider);
    expect(titles.slice(divider + 1).length).toBeGreaterThan(0);
    expect(titles.slice(divider + 1).every((t) => t.endsWith(' (more)'))).toBe(true);
    // Every item of the long lists is somewhere in the deck.
    const all = slides.map(textOf).join('\n');
    for (const c of [...largeNotes().keyPoints, ...largeNotes().timeline]) expect(all).toContain(c.text.replace(/\s+/g, ' '));
  }, 60_000);

  it('shrinks a list that is a little too long before continuing it on another slide', () => {
    const box = { x: 0, y: 0, w: 6, h: 3 };
    const item = (i: number): Para => ({ runs: [{ text: `Point ${i} says something that takes most of a line here.` }], bullet: true });
    const sizes = [20, 18, 16, 14];
    const few = paginate([1, 2, 3, 4, 5, 6].map(item), box, sizes);
    expect(few).toHaveLength(1);
    expect(few[0]!.pt).toBeLessThan(20);
    const many = paginate(Array.from({ length: 30 }, (_, i) => item(i)), box, sizes);
    expect(many.length).toBeGreaterThan(1);
    expect(many.every((p) => p.pt === 14)).toBe(true);
    expect(many.flatMap((p) => p.paras)).toHaveLength(30);
  });

  it('keeps hostile text literally, as text', async () => {
    const strings = ['<script>alert(1)</script>', '{{x}}', '&amp;', ']]>', '#read("/etc/passwd")'];
    const notes = hostileNotes(strings);
    const { pptx } = await renderPptx(notes);
    const { slides, notes: speaker } = await open(pptx);
    const all = slides.map(textOf).join('\n');
    for (const s of strings) expect(all).toContain(s);
    for (const xml of slides) {
      expect(xml).not.toContain('<script>');
      expect(xml).not.toContain(']]>');
    }
    expect(speaker.map(textOf).join('\n')).toContain('<script>alert(1)</script>');
  }, 60_000);

  it('is what `briefing export --format pptx` writes from a notes file', async () => {
    rmSync(TMP, { recursive: true, force: true });
    mkdirSync(TMP, { recursive: true });
    const notesFile = path.join(TMP, 'briefing.md');
    writeFileSync(notesFile, stringifyNotes(richNotes(), { drafted: true }));
    const err: string[] = [];
    const out: Output = { data: () => {}, info: (t) => err.push(t), diagnostics: () => {} };
    const file = path.join(TMP, 'deck.pptx');
    expect(await main(['export', '--format', 'pptx', '--notes', notesFile, '--output', file], out)).toBe(0);
    expect(err.join('\n')).toContain('editable slides');
    const { slides } = await open(new Uint8Array(readFileSync(file)));
    expect(textOf(slides[0]!)).toContain('Briefing: Harbour strike at Avalon');
    expect(slides.map(textOf).join('\n')).toContain(richNotes().keyPoints[0]!.text);
  }, 60_000);
});

const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p));

describe.skipIf(!soffice)('editable PPTX in LibreOffice', () => {
  it('converts to a PDF whose text is the notes\' text, one page a slide (PNGs saved in test/.tmp/pptx-pages/)', async () => {
    const dir = fileURLToPath(new URL('./.tmp/pptx-pages/', import.meta.url));
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const { pptx, slides } = await renderPptx(richNotes());
    writeFileSync(path.join(dir, 'deck.pptx'), pptx);
    execFileSync(soffice!, ['--headless', `-env:UserInstallation=file://${dir}profile`, '--convert-to', 'pdf', '--outdir', dir, path.join(dir, 'deck.pptx')], { stdio: 'ignore', timeout: 240_000 });
    const pdf = path.join(dir, 'deck.pdf');
    const pages = Number(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }).match(/Pages:\s+(\d+)/)?.[1]);
    expect(pages).toBe(slides.length);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    const n = richNotes();
    for (const c of [...n.bottomLine, ...n.keyPoints, ...n.timeline, ...n.discrepancies, ...n.figures]) expect(text).toContain(c.text);
    for (const q of n.quotes) expect(text).toContain(q.text);
    for (const a of n.actors) expect(text).toContain(a.name);
    execFileSync('pdftoppm', ['-r', '60', '-png', pdf, path.join(dir, 'slide')]);
    expect(readdirSync(dir).filter((f) => f.endsWith('.png'))).toHaveLength(slides.length);
  }, 300_000);
});
if (!soffice) console.warn('pptx.test.ts: LibreOffice (soffice) not installed: skipping the PDF conversion test (apt-get install libreoffice-impress)');
