// The one-page PDF handout, read back as a reader's tools see it: poppler's pdfinfo, pdftotext and
// word boxes, on PDFs written to test/.tmp/handout/.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BriefingError } from '../src/errors.ts';
import type { BriefingNotes } from '../src/notes/model.ts';
import { renderHandout, type HandoutResult } from '../src/render/handout/index.ts';
import { cleanText } from '../src/render/handout/payload.ts';
import { HOSTILE_STRINGS, hostileNotes, largeNotes, sampleNotes } from './fixtures/sample-notes.ts';

const TMP = path.join(import.meta.dirname, '.tmp', 'handout');

function run(cmd: string, args: string[]): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout;
}

interface Rendered {
  result: HandoutResult;
  file: string;
  info: Record<string, string>;
  text: string;
}

async function render(name: string, notes: BriefingNotes, options?: Parameters<typeof renderHandout>[1]): Promise<Rendered> {
  const result = await renderHandout(notes, options);
  const file = path.join(TMP, `${name}.pdf`);
  writeFileSync(file, result.pdf);
  const info = Object.fromEntries(
    run('pdfinfo', [file])
      .split('\n')
      .map((line) => /^([^:]+):\s*(.*)$/.exec(line))
      .filter((m) => m !== null)
      .map((m) => [m[1]!, m[2]!]),
  );
  return { result, file, info, text: run('pdftotext', ['-enc', 'UTF-8', file, '-']) };
}

/**
 * Text compared without whitespace (pdftotext breaks lines where the page does, and a line break
 * after a hyphen or slash leaves no space) and without invisible format characters: the zero-width
 * spaces the template adds as break points and the direction marks pdftotext adds around RTL runs.
 */
function squash(s: string): string {
  return s.replace(/[\s\u200B-\u200F\u202A-\u202E\u2066-\u2069]/g, '');
}

/** No CJK font on this machine: CJK prints as empty boxes, which pdftotext cannot read back. */
const NO_CJK_FONT = spawnSync('fc-list', [':lang=zh'], { encoding: 'utf8' }).stdout?.trim() === '';

/**
 * Whether `expected` is in the page text. pdftotext drops a hyphen that ends a line between two
 * letters (it takes it for a hyphenation), so such a hyphen may be missing.
 */
function onPage(text: string, expected: string): boolean {
  let wanted = squash(expected);
  if (NO_CJK_FONT) wanted = wanted.replace(/\p{Script=Han}/gu, '');
  const chars = Array.from(wanted);
  const pattern = chars
    .map((ch, i) => {
      const between = (k: number) => /\p{L}/u.test(chars[k] ?? '');
      return ch === '-' && between(i - 1) && between(i + 1) ? '-?' : ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('');
  return new RegExp(pattern, 'u').test(squash(text));
}

function expectOnPage(text: string, expected: string): void {
  expect(onPage(text, expected), `not on the page: ${expected}`).toBe(true);
}

interface Word {
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
  text: string;
}

/** Every word on the page with its box, in points from the top left. */
function words(file: string): Word[] {
  const html = run('pdftotext', ['-bbox', '-enc', 'UTF-8', file, '-']);
  return [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
    xMin: Number(m[1]),
    yMin: Number(m[2]),
    xMax: Number(m[3]),
    yMax: Number(m[4]),
    text: m[5]!,
  }));
}

/** Words that stick out of the page margins, or that sit on top of one another. */
function layoutFaults(file: string, page: { width: number; height: number }): string[] {
  const margin = 0.6 * 72 - 1;
  const ws = words(file);
  const faults = ws.filter((w) => w.xMin < margin || w.xMax > page.width - margin || w.yMax > page.height).map((w) => `outside: ${w.text}`);
  // Word boxes span the font's whole ascent and descent, so those of a large line and the small
  // line under it may touch; text printed over text overlaps by far more than a quarter.
  const core = ws.map((w) => {
    const dy = (w.yMax - w.yMin) / 4;
    return { ...w, xMin: w.xMin + 0.5, xMax: w.xMax - 0.5, yMin: w.yMin + dy, yMax: w.yMax - dy };
  });
  for (let i = 0; i < core.length; i++) {
    for (let j = i + 1; j < core.length; j++) {
      const a = core[i]!;
      const b = core[j]!;
      const overlap = a.xMin < b.xMax && b.xMin < a.xMax && a.yMin < b.yMax && b.yMin < a.yMax;
      if (overlap) faults.push(`overlap: ${a.text} / ${b.text}`);
    }
  }
  return faults;
}

function pageSize(info: Record<string, string>): { width: number; height: number } {
  const m = /([\d.]+) x ([\d.]+) pts/.exec(info['Page size'] ?? '');
  if (!m) throw new Error(`no page size in ${JSON.stringify(info)}`);
  return { width: Number(m[1]), height: Number(m[2]) };
}

/** The section names `omitted` uses for dropped items. */
const SECTIONS = ['Key points', 'Discrepancies', 'Figures', 'Actors', 'Timeline', 'Sources'];

beforeAll(() => {
  mkdirSync(TMP, { recursive: true });
});

describe('handout: sample briefing', () => {
  it('is one US Letter page with the title as metadata and the content as text', async () => {
    const notes = sampleNotes();
    const { result, info, text, file } = await render('sample', notes);
    expect(result.pages).toBe(1);
    expect(info['Pages']).toBe('1');
    expect(pageSize(info)).toEqual({ width: 612, height: 792 });
    expect(info['Title']).toBe(notes.title);
    expect(info['Subject']).toBe('Briefing summary');
    expect(info['Keywords']).toContain('Briefing summary');
    expect(info['CreationDate']).toMatch(/Mar\s+9 .*2024/);
    // A short briefing's type grows past the regular 10.5 pt to use the page.
    expect(result.fontSize).toBeGreaterThan(10.5);
    expect(result.blank).toBeLessThan(0.1);
    expect(result.omitted).toEqual([]);

    for (const expected of [notes.title, notes.subtitle, '2024-03-09', notes.bottomLine[0]!.text, notes.keyPoints[0]!.text, notes.keyPoints[1]!.text]) {
      expectOnPage(text, expected);
    }
    // Actors as "name — description", timeline dates, citations, and sources with dates or "undated" and flags.
    expectOnPage(text, 'Maria Lenz — union secretary, Avalon Dock Workers Union [s1, s3]');
    expectOnPage(text, '2024-03-02 Dock workers walked out after pay talks collapsed. [s1, s2]');
    expectOnPage(text, '[s2] untitled (sources/b.txt) — unknown outlet, undated · degraded');
    expectOnPage(text, '[s3] Port counts the cost — Harbour Daily, 2024-03-09 (inferred)');
    expectOnPage(text, 'As of 2024-03-09 · 3 sources');
    expect(layoutFaults(file, pageSize(info))).toEqual([]);
  });

  it('is one A4 page with paper: a4', async () => {
    const { result, info } = await render('sample-a4', sampleNotes(), { paper: 'a4' });
    expect(result.pages).toBe(1);
    expect(info['Pages']).toBe('1');
    const size = pageSize(info);
    expect([Math.round(size.width), Math.round(size.height)]).toEqual([595, 842]);
  });

  it('gives the same bytes on every run, dated by as-of', async () => {
    const a = await renderHandout(sampleNotes());
    const b = await renderHandout(sampleNotes());
    expect(Buffer.from(a.pdf).equals(Buffer.from(b.pdf))).toBe(true);
    const later = sampleNotes();
    later.asOf = '2024-03-10';
    const c = await renderHandout(later);
    expect(Buffer.from(a.pdf).equals(Buffer.from(c.pdf))).toBe(false);
  });

  it('carries no date at all when as-of is unknown (and so stays reproducible)', async () => {
    const notes = sampleNotes();
    notes.asOf = 'unknown';
    const { result, info, text } = await render('undated', notes);
    expect(info['CreationDate']).toBeUndefined();
    expectOnPage(text, 'As of an unknown date');
    const again = await renderHandout(notes);
    expect(Buffer.from(again.pdf).equals(Buffer.from(result.pdf))).toBe(true);
  });

  it('renders a briefing with nothing in it', async () => {
    const notes: BriefingNotes = { ...sampleNotes(), title: '', subtitle: '', asOf: 'unknown', bottomLine: [], keyPoints: [], actors: [], timeline: [], quotes: [], figures: [], discrepancies: [], sources: [] };
    const { result, info } = await render('empty', notes);
    expect(result.pages).toBe(1);
    expect(info['Pages']).toBe('1');
  });
});

describe('handout: how it reads', () => {
  it('saves a picture of the page (test/.tmp/handout/sample.png) with the body in two columns', async () => {
    const { file, info } = await render('sample-look', sampleNotes());
    const png = path.join(TMP, 'sample');
    run('pdftoppm', ['-r', '60', '-png', '-singlefile', file, png]);
    const image = readFileSync(`${png}.png`);
    expect(image.subarray(1, 4).toString('latin1')).toBe('PNG');
    // US Letter at 60 dpi: 510 × 660 pixels.
    expect([image.readUInt32BE(16), image.readUInt32BE(20)]).toEqual([510, 660]);
    // Two columns: the key points start at the left margin, the timeline in the right half.
    const ws = words(file);
    const heading = (t: string) => ws.find((w) => w.text === t)!;
    expect(heading('KEY').xMin).toBeLessThan(pageSize(info).width / 4);
    expect(heading('TIMELINE').xMin).toBeGreaterThan(pageSize(info).width / 2);
  });

  it('lists many sources down the columns, each with its date or "undated"', async () => {
    const notes = sampleNotes();
    notes.sources = Array.from({ length: 6 }, (_, k) => ({
      id: `s${k + 1}`, file: `f${k}.txt`, title: `Story ${k + 1}`, outlet: `Outlet ${k + 1}`,
      date: k === 4 ? null : `2024-03-0${k + 1}`, dateSource: 'explicit' as const, flags: [],
    }));
    const { file, text } = await render('sources-columns', notes);
    const ws = words(file);
    // The source list's [sN], not a citation of the same name higher up the page.
    const id = (n: number) => ws.filter((w) => w.text === `[s${n}]`).sort((a, b) => b.yMin - a.yMin)[0]!;
    // s1–s3 down the left column, s4–s6 down the right one.
    expect(id(2).xMin).toBeCloseTo(id(1).xMin, 0);
    expect(id(3).xMin).toBeCloseTo(id(1).xMin, 0);
    expect(id(2).yMin).toBeGreaterThan(id(1).yMin);
    expect(id(4).xMin).toBeGreaterThan(id(1).xMax + 100);
    expect(id(4).yMin).toBeCloseTo(id(1).yMin, 0);
    expectOnPage(text, '[s5] Story 5 — Outlet 5, undated');
    expectOnPage(text, '[s4] Story 4 — Outlet 4, 2024-03-04');
  });
});

describe('handout: hostile text', () => {
  it('prints every surviving string literally and runs none of it', async () => {
    const notes = hostileNotes();
    const { result, info, text, file } = await render('hostile', notes);
    expect(result.pages).toBe(1);
    expect(info['Pages']).toBe('1');
    expect(info['Title']).toBe(cleanText(notes.title));

    const dropped = (section: string, t: string) => result.omitted.some((o) => o.section === section && o.text === cleanText(t));
    const survivors = [
      notes.title,
      notes.subtitle,
      ...notes.bottomLine.map((c) => c.text),
      ...notes.keyPoints.filter((c) => !dropped('Key points', c.text)).map((c) => c.text),
      ...notes.discrepancies.filter((c) => !dropped('Discrepancies', c.text)).map((c) => c.text),
      ...notes.actors.filter((a) => !dropped('Actors', a.name)).map((a) => a.name),
      ...notes.timeline.filter((e) => !dropped('Timeline', `${e.date} — ${e.text}`)).map((e) => e.text),
    ];
    // Every hostile string is still on the page somewhere (the key points carry them all).
    for (const s of HOSTILE_STRINGS) expect(survivors).toContain(s);
    for (const s of survivors) expectOnPage(text, s);

    expectOnPage(text, '#read("/etc/passwd") #set page(width: 1cm) *bold* _em_ $x$ @label <lab> `code` \\ backslash');
    expect(text).not.toContain('root:x:0:0');
    expect(text).not.toContain('1337');
    // The right-to-left override is dropped, so the words after it read forwards.
    expect(text).toContain('right-to-left override');
    expect(pageSize(info)).toEqual({ width: 612, height: 792 });
    expect(layoutFaults(file, pageSize(info))).toEqual([]);
  });
});

describe('handout: too much for one page', () => {
  it('shrinks, then drops the least important items, and says what it dropped', async () => {
    const notes = largeNotes();
    const { result, info, text, file } = await render('large', notes);
    expect(result.pages).toBe(1);
    expect(info['Pages']).toBe('1');
    expect(result.fontSize).toBeGreaterThanOrEqual(8);
    expect(result.fontSize).toBeLessThanOrEqual(10.5);
    expect(result.omitted.length).toBeGreaterThan(0);
    for (const o of result.omitted) expect(SECTIONS).toContain(o.section);
    const droppedFrom = new Set(result.omitted.map((o) => o.section));
    expect(droppedFrom).toContain('Timeline');
    // Timeline tails go before key points do: more of the timeline is gone than of the key points.
    const count = (section: string) => result.omitted.filter((o) => o.section === section).length;
    expect(count('Timeline') / notes.timeline.length).toBeGreaterThan(count('Key points') / notes.keyPoints.length);

    const omittedTexts = new Set(result.omitted.map((o) => o.text));
    const keptKeyPoints = notes.keyPoints.filter((k) => !omittedTexts.has(k.text));
    const keptActors = notes.actors.filter((a) => !omittedTexts.has(a.name));
    const keptEvents = notes.timeline.filter((e) => !omittedTexts.has(`${e.date} — ${e.text}`));
    expect(keptKeyPoints.length).toBeGreaterThan(0);
    // Ranked lists lose their tail: what is kept is a prefix.
    expect(keptKeyPoints).toEqual(notes.keyPoints.slice(0, keptKeyPoints.length));
    expect(keptActors).toEqual(notes.actors.slice(0, keptActors.length));
    // Nothing kept is clipped: each kept item is there in full, with its citations.
    for (const k of keptKeyPoints) expectOnPage(text, `${k.text} [s1]`);
    for (const a of keptActors) expectOnPage(text, `${a.name} — ${a.description} [s1]`);
    for (const e of keptEvents) expectOnPage(text, `${e.date} ${e.text} [s2]`);
    // And what is reported dropped is not on the page; the page says how much is left out.
    for (const e of notes.timeline.filter((x) => !keptEvents.includes(x)).slice(0, 20)) expect(onPage(text, `${e.date}${e.text}`)).toBe(false);
    expectOnPage(text, `+ ${notes.timeline.length - keptEvents.length} more events in the full notes`);
    // The sources and the footer, at the foot of the page, are still there.
    expectOnPage(text, '[s3] Port counts the cost — Harbour Daily, 2024-03-09 (inferred)');
    expectOnPage(text, 'As of 2024-03-09 · 3 sources');
    expect(layoutFaults(file, pageSize(info))).toEqual([]);
  });

  it('shortens an absurd title with an ellipsis instead of failing, and keeps the rest', async () => {
    const notes = sampleNotes();
    notes.title = 'An absurdly long title that goes on '.repeat(300).trim();
    const { result, info, text } = await render('absurd-title', notes);
    expect(result.pages).toBe(1);
    expect(info['Pages']).toBe('1');
    expect(result.omitted).toEqual([{ section: 'Title (shortened)', text: notes.title }]);
    expect(text).toContain('…');
    expectOnPage(text, notes.keyPoints[1]!.text);
  });

  it('lists the first citations of an item resting on hundreds of sources and counts the rest', async () => {
    // A large folder's bottom line (never left out) may cite hundreds of sources: listed in full they overflowed.
    const n = sampleNotes();
    const ids = Array.from({ length: 400 }, (_, k) => `s${k + 1}`);
    n.sources = ids.map((id, k) => ({ ...n.sources[0]!, id, title: `Report ${k + 1}` }));
    n.bottomLine = [{ ...n.bottomLine[0]!, cites: ids }];
    n.keyPoints = n.keyPoints.map((k) => ({ ...k, cites: ids.slice(0, 300) }));
    const { result, info, text } = await render('many-cites', n);
    expect(info.Pages).toBe('1');
    expectOnPage(text, '[s1, s2, s3, s4, s5, s6, s7, s8, s9, +391 more]');
    expect(onPage(text, 's10,')).toBe(false);
    expect(result.omitted.filter((o) => o.section === 'Bottom line')).toEqual([]);
  });

  it('throws HANDOUT_OVERFLOW when not even the least content fits', async () => {
    const notes = sampleNotes();
    // The bottom line is never left out: a hand-edited one of 300 long sentences cannot fit, however shortened.
    notes.bottomLine = Array.from({ length: 300 }, (_, k) => ({ ...notes.bottomLine[0]!, text: `Bottom line sentence ${k + 1} ${'is long and says a great deal '.repeat(8)}` }));
    const error = await renderHandout(notes).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BriefingError);
    expect((error as BriefingError).code).toBe('HANDOUT_OVERFLOW');
  });
});

describe('handout: scripts other than Latin', () => {
  it('renders right-to-left and CJK names without failing', async () => {
    const notes = sampleNotes();
    const names = ['قائد الجيش الوطني الليبي', 'דוד בן-גוריון', '利比亚国民军', 'Ελευθέριος Βενιζέλος', 'Мария Ленц'];
    notes.actors = names.map((name, k) => ({ name, description: `actor number ${k + 1}`, backedBy: [], opposedBy: [], cites: ['s1'], evidence: [] }));
    const { result, info, text, file } = await render('scripts', notes);
    expect(result.pages).toBe(1);
    expect(info['Pages']).toBe('1');
    // pdftotext may read a citation after a right-to-left line out of order: the words are checked.
    for (let k = 1; k <= names.length; k++) expectOnPage(text, `actor number ${k}`);
    // Greek and Cyrillic are in the embedded Libertinus Serif; Arabic and Hebrew come from a
    // system font (DejaVu Sans on Debian) when there is one. CJK needs a CJK font (e.g. Debian's
    // fonts-noto-cjk); without one the names print as empty boxes but the page is still made.
    expectOnPage(text, 'Ελευθέριος Βενιζέλος');
    expectOnPage(text, 'Мария Ленц');
    const fonts = run('pdffonts', [file]);
    if (/DejaVuSans/.test(fonts)) expectOnPage(text, 'قائد الجيش الوطني الليبي');
    // Typst searches the system fonts: with fonts-noto-cjk installed the Han names are embedded
    // in a Noto CJK face and read back as text.
    if (!NO_CJK_FONT) {
      expect(fonts).toMatch(/NotoS[a-z]*CJK/);
      expectOnPage(text, '利比亚国民军');
    }
  });
});
