// Writes the slide plan as a PPTX with pptxgenjs: two slide masters (title, content) whose title
// placeholder and theme fonts a user can restyle, real text boxes, native shapes and charts, speaker
// notes and document properties; then fixes every date inside the file so the bytes are reproducible.
import JSZip from 'jszip';
import pptxModule from 'pptxgenjs';
import { BULLET_INDENT_PT, fitSize, INSET_PT, LINE, SPACE_AFTER, type Para } from './fit.ts';
import type { Block, SlideSpec } from './spec.ts';
import { COLOURS, CONTENT_BOX, FONTS, FOOTER_BOX, SLIDE, TITLE_BOX, TITLE_SLIDE_BOX } from './theme.ts';

// pptxgenjs's types describe its CommonJS build (the class under `default`); its ES build, which an
// import loads, exports the class itself. Take whichever this is.
type Pptx = pptxModule.default;
const PptxGenJS = ((pptxModule as unknown as { default?: typeof pptxModule.default }).default ?? pptxModule) as typeof pptxModule.default;
type TextRun = pptxModule.default.TextProps;
type TextOptions = pptxModule.default.TextPropsOptions;
type Slide = pptxModule.default.Slide;

export interface DeckProperties {
  title: string;
  subject: string;
  /** ISO date the briefing speaks as of; the file's created/modified date (else 2000-01-01). */
  date: string;
}

/**
 * Text as the file can hold it: characters XML 1.0 forbids are dropped, and a line break inside a
 * claim becomes a space (pptxgenjs would start a new paragraph the fitting did not plan for).
 */
export function fileText(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '').replace(/[ \t]*[\r\n]+[ \t]*/g, ' ');
}

/** Notes keep their line breaks; only forbidden characters go. */
const notesText = (text: string): string => text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');

/** pptxgenjs runs for paragraphs: paragraph settings on each paragraph's first run, a break after its last. */
function textRuns(paras: readonly Para[], pt: number): TextRun[] {
  const out: TextRun[] = [];
  paras.forEach((p, i) => {
    p.runs.forEach((r, j) => {
      const last = j === p.runs.length - 1;
      const options: TextOptions = {
        bold: r.bold === true,
        italic: r.italic === true,
        color: r.colour ?? COLOURS.ink,
        fontSize: pt,
        ...(j === 0 ? {
          bullet: p.bullet || p.sub ? { indent: BULLET_INDENT_PT } : false,
          indentLevel: p.sub ? 1 : 0,
          lineSpacing: round(pt * LINE),
          paraSpaceAfter: i === paras.length - 1 ? 0 : round(pt * SPACE_AFTER),
        } : {}),
        ...(last && i < paras.length - 1 ? { breakLine: true } : {}),
      };
      out.push({ text: fileText(r.text), options });
    });
  });
  return out;
}

const round = (n: number) => Math.round(n * 100) / 100;

function addBlock(pptx: Pptx, slide: Slide, block: Block): void {
  switch (block.kind) {
    case 'text':
      slide.addText(textRuns(block.paras, block.pt), {
        ...block.box, objectName: block.name, margin: INSET_PT, fontFace: FONTS.sans, valign: block.valign ?? 'top', align: block.align ?? 'left',
        fit: 'none', wrap: true, lineSpacing: round(block.pt * LINE),
        ...(block.fill ? { fill: { color: block.fill } } : {}), ...(block.line ? { line: { color: block.line, width: 0.75 } } : {}),
        ...(block.fill || block.line ? { shape: pptx.ShapeType.roundRect, rectRadius: 0.08 } : {}),
      });
      return;
    case 'rect':
      slide.addShape(block.rounded ? pptx.ShapeType.roundRect : pptx.ShapeType.rect, { ...block.box, fill: { color: block.fill }, ...(block.line ? { line: { color: block.line, width: 0.75 } } : {}), ...(block.rounded ? { rectRadius: 0.08 } : {}) });
      return;
    case 'line': {
      const [x1, y1] = block.from;
      const [x2, y2] = block.to;
      slide.addShape(pptx.ShapeType.line, {
        x: Math.min(x1, x2), y: Math.min(y1, y2), w: Math.max(Math.abs(x2 - x1), 0.001), h: Math.max(Math.abs(y2 - y1), 0.001),
        // A line runs top-left to bottom-right; flipping puts its end (the arrow) where it belongs.
        flipH: x2 < x1, flipV: y2 < y1,
        line: { color: block.colour, width: 1.75, ...(block.dash ? { dashType: 'dash' as const } : {}), ...(block.arrow ? { endArrowType: 'triangle' as const } : {}) },
      });
      return;
    }
    case 'chart': {
      const labels = [...new Set(block.trends.flatMap((t) => t.points.map((p) => p.date)))].sort();
      const data = block.trends.map((t) => ({ name: t.measure, labels, values: labels.map((d) => t.points.find((p) => p.date === d)?.value ?? null) }));
      slide.addChart(pptx.ChartType.line, data, {
        ...block.box, showTitle: true, title: block.trends.map((t) => t.measure).join(', '), titleFontFace: FONTS.sans, titleFontSize: 16, titleColor: COLOURS.ink,
        chartColors: [COLOURS.accent, COLOURS.alert], lineSize: 2, lineDataSymbol: 'circle', lineDataSymbolSize: 8,
        showValue: true, dataLabelPosition: 't', dataLabelFontSize: 11, dataLabelColor: COLOURS.ink, dataLabelFontFace: FONTS.sans,
        catAxisLabelFontFace: FONTS.sans, catAxisLabelFontSize: 11, catAxisLabelColor: COLOURS.muted,
        valAxisLabelFontFace: FONTS.sans, valAxisLabelFontSize: 11, valAxisLabelColor: COLOURS.muted, valGridLine: { color: COLOURS.rule, size: 0.5 },
        showLegend: false,
      });
      return;
    }
    case 'image':
      slide.addImage({ data: `data:image/png;base64,${Buffer.from(block.png).toString('base64')}`, ...block.box, altText: fileText(block.alt) });
  }
}

function defineMasters(pptx: Pptx, footer: string, footerPt: number): void {
  pptx.defineSlideMaster({
    title: 'CONTENT',
    background: { color: COLOURS.bg },
    objects: [
      { placeholder: { options: { name: 'title', type: 'title', ...TITLE_BOX, fontFace: FONTS.sans, fontSize: 30, bold: true, color: COLOURS.ink, align: 'left', valign: 'bottom', margin: INSET_PT }, text: '' } },
      { rect: { x: TITLE_BOX.x + INSET_PT / 72, y: TITLE_BOX.y + TITLE_BOX.h + 0.05, w: 1.1, h: 0.05, fill: { color: COLOURS.accent } } },
      { line: { x: CONTENT_BOX.x, y: FOOTER_BOX.y - 0.05, w: CONTENT_BOX.w, h: 0, line: { color: COLOURS.rule, width: 0.75 } } },
      { text: { text: fileText(footer), options: { ...FOOTER_BOX, fontFace: FONTS.sans, fontSize: footerPt, color: COLOURS.faint, margin: INSET_PT, valign: 'middle' } } },
    ],
    slideNumber: { x: SLIDE.w - 1.2, y: FOOTER_BOX.y, w: 0.6, h: FOOTER_BOX.h, fontFace: FONTS.sans, fontSize: 10, color: COLOURS.faint, align: 'right' },
  });
  pptx.defineSlideMaster({
    title: 'TITLE',
    background: { color: COLOURS.bg },
    objects: [
      { rect: { x: 0, y: 0, w: 0.25, h: SLIDE.h, fill: { color: COLOURS.accent } } },
      { placeholder: { options: { name: 'title', type: 'title', ...TITLE_SLIDE_BOX, fontFace: FONTS.sans, fontSize: 40, bold: true, color: COLOURS.ink, align: 'left', valign: 'bottom', margin: INSET_PT }, text: '' } },
    ],
  });
}

/** The footer of content slides: the briefing's title and date, or the date alone when the title is too long for it. */
function footerText(props: DeckProperties): { text: string; pt: number } {
  const asOf = props.date === 'unknown' ? 'undated sources' : `as of ${props.date}`;
  const full = `${props.title} · ${asOf}`;
  const pt = fitSize([{ runs: [{ text: full }] }], FOOTER_BOX, [10, 9, 8]);
  return pt === null ? { text: asOf, pt: 10 } : { text: full, pt };
}

/** The PPTX file's bytes for the slide plan. */
export async function writePptx(slides: readonly SlideSpec[], props: DeckProperties): Promise<Uint8Array> {
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_WIDE';
  pptx.theme = { headFontFace: FONTS.sans, bodyFontFace: FONTS.sans };
  pptx.title = fileText(props.title);
  pptx.subject = fileText(props.subject);
  pptx.author = 'briefing';
  pptx.company = '';
  const footer = footerText(props);
  defineMasters(pptx, footer.text, footer.pt);
  for (const spec of slides) {
    const slide = pptx.addSlide({ masterName: spec.master });
    slide.addText(fileText(spec.title), { placeholder: 'title', align: 'left', fontSize: spec.titlePt, fontFace: FONTS.sans, bold: true, color: COLOURS.ink, lineSpacing: round(spec.titlePt * LINE), fit: 'none' });
    for (const block of spec.blocks) addBlock(pptx, slide, block);
    slide.addNotes(notesText(spec.notes));
  }
  const raw = (await pptx.write({ outputType: 'nodebuffer', compression: true })) as Uint8Array;
  return finish(raw, props.date);
}

/**
 * pptxgenjs writes a paragraph-properties element before every run of a paragraph, where the format
 * allows one, first (PowerPoint offers to repair such a file; LibreOffice drops the bullets). Keep the first.
 */
export function oneParagraphProperties(xml: string): string {
  return xml.replace(/<a:p>([\s\S]*?)<\/a:p>/g, (para: string, inner: string) => {
    let seen = false;
    const kept = inner.replace(/<a:pPr\b[^>]*\/>|<a:pPr\b[^>]*>[\s\S]*?<\/a:pPr>/g, (ppr: string) => {
      if (seen) return '';
      seen = true;
      return ppr;
    });
    return kept === inner ? para : `<a:p>${kept}</a:p>`;
  });
}

/**
 * Mend the paragraphs (above), and put the briefing's own date where pptxgenjs stamps the clock
 * (docProps/core.xml and every zip entry), so the same notes give the same bytes and the file says
 * when the briefing is from.
 */
async function finish(bytes: Uint8Array, date: string): Promise<Uint8Array> {
  const iso = /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : /^\d{4}-\d{2}$/.test(date) ? `${date}-01` : /^\d{4}$/.test(date) ? `${date}-01-01` : '2000-01-01';
  return rezip(bytes, iso, 'application/vnd.openxmlformats-officedocument.presentationml.presentation');
}

/**
 * pptxgenjs numbers charts with a counter that lives as long as the process, so a second deck's first
 * chart is chart2. Number them from 1 in each file (names and references alike).
 */
function chartRenumbering(names: readonly string[]): ((text: string) => string) | null {
  const ids = [...new Set(names.flatMap((n) => n.match(/^ppt\/charts\/chart(\d+)\.xml$/)?.[1] ?? []))].map(Number).sort((a, b) => a - b);
  if (ids.every((id, i) => id === i + 1)) return null;
  const to = new Map(ids.map((id, i) => [String(id), String(i + 1)]));
  return (text) => text.replace(/\b(chart|Microsoft_Excel_Worksheet)(\d+)\.(xml|xlsx)\b/g, (m, stem: string, id: string, ext: string) => (to.has(id) ? `${stem}${to.get(id)}.${ext}` : m));
}

/** Rewrite an Office zip with its dates set to `iso`, entries in name order; a chart's embedded workbook too. */
async function rezip(bytes: Uint8Array, iso: string, mimeType: string): Promise<Uint8Array> {
  const stamp = new Date(`${iso}T00:00:00Z`);
  const zip = await JSZip.loadAsync(bytes);
  const renumber = chartRenumbering(Object.keys(zip.files));
  const out = new JSZip();
  for (const name of Object.keys(zip.files).sort()) {
    const entry = zip.files[name]!;
    if (entry.dir) continue;
    let text = /\.(xml|rels)$/.test(name) ? await entry.async('string') : null;
    if (text !== null) {
      if (renumber) text = renumber(text);
      if (name === 'docProps/core.xml') text = text.replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*(<\/dcterms:)/g, `$1${iso}T00:00:00Z$2`);
      if (/^ppt\/(slides|slideLayouts|slideMasters)\/[^/]+\.xml$/.test(name)) text = oneParagraphProperties(text);
    }
    const content = text ?? (/^ppt\/embeddings\/[^/]+\.xlsx$/.test(name)
      ? await rezip(await entry.async('uint8array'), iso, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      : await entry.async('uint8array'));
    out.file(renumber ? renumber(name) : name, content, { date: stamp, createFolders: false });
  }
  return out.generateAsync({ type: 'uint8array', compression: 'DEFLATE', mimeType });
}
