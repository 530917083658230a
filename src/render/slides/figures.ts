// "Numbers": counts that changed over time as small line charts drawn from their points, and the
// figures as big numbers on cards. Figures taken from one sentence share a card, so no sentence is
// repeated across cards. One figure alone (and no trend) is a "fact" slide, the number huge.
import type { BriefingNotes, Evidence, Figure, Trend } from '../../notes/model.ts';
import { clipText, normalizeText } from './escape.ts';
import { atZoom, CONTENT, citesEm, lineCount, textEm, textHeight } from './geometry.ts';
import { cite, sectionSlides, type SectionSlides } from './list.ts';
import { html, type SafeHtml } from './markup.ts';
import { itemNotes, sourceIndex } from './notes.ts';
import type { Slide } from './slide.ts';
import { dayNumber } from './timeline.ts';

type Sources = ReturnType<typeof sourceIndex>;

/** The class that sets a number in the smaller face (our HTML: not trimmed like text). */
const LONG = html` b-long`;

const CLIP = { figure: 40, text: 160, factText: 240, measure: 60, label: 22 };
/** A card's text is half the box less half the 16 px gap, 32 px padding and 2 px border. */
const CARD_FIXED = 8 + 34;
const CARD = CONTENT.width / 2 - CARD_FIXED;
const NUM = { px: 36, line: 42, width: CARD, bold: true };
const NUM_LONG = { px: 26, line: 32, width: CARD, bold: true };
const TEXT = { px: 16, line: 22, width: CARD };
const FACT_NUM = { px: 72, line: 80, width: CONTENT.width, bold: true };
const FACT_LONG = { px: 48, line: 56, width: CONTENT.width, bold: true };
const FACT_TEXT = { px: 22, line: 30, width: 720 };
/** Trends a slide charts, side by side; the others are in the notes. */
const TRENDS_SHOWN = 2;
/** A chart: its title line (20 px), the drawing, and the gap under it. */
const CHART = { title: 22, height: 150, gap: 16 };

/** Figures from one sentence, shown as one card: the numbers, then the sentence once. */
interface Card {
  figures: Figure[];
  text: string;
  cites: string[];
  evidence: Evidence[];
}

export function cardsOf(figures: readonly Figure[]): Card[] {
  const byText = new Map<string, Card>();
  for (const f of figures) {
    const key = normalizeText(f.text).toLowerCase();
    const card = byText.get(key);
    if (card) {
      card.figures.push(f);
      card.cites = [...new Set([...card.cites, ...f.cites])].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
      card.evidence.push(...f.evidence.filter((e) => !card.evidence.some((x) => x.source === e.source && x.start === e.start)));
    } else byText.set(key, { figures: [f], text: f.text, cites: [...f.cites], evidence: [...f.evidence] });
  }
  return [...byText.values()];
}

/** The card's numbers as one string: `213 killed · 600 displaced`. */
const numbersOf = (c: Card): string => c.figures.map((f) => clipText(f.figure, CLIP.figure)).join(' · ');

/** The big number's size: the large face when the figure fits one line in it. */
const fitsOneLine = (text: string, box: { px: number; width: number }): boolean => textEm(text, true) * box.px <= box.width * 0.95;

function cardHeight(c: Card, zoom: number): number {
  const figure = numbersOf(c);
  const num = fitsOneLine(figure, atZoom(NUM, zoom, CARD_FIXED)) ? NUM : NUM_LONG;
  const text = clipText(c.text, CLIP.text);
  return zoom * (27 + lineCount(figure, atZoom(num, zoom, CARD_FIXED)) * num.line + 6 + textHeight(text, atZoom(TEXT, zoom, CARD_FIXED), citesEm(c.cites, TEXT.px)));
}

function cardHtml(c: Card): SafeHtml {
  const figure = numbersOf(c);
  const long = !fitsOneLine(figure, NUM);
  return html`<li class="b-figure"><span class="b-figure-num${long ? LONG : ''}"><bdi>${figure}</bdi></span><span class="b-figure-text"><bdi>${clipText(c.text, CLIP.text)}</bdi> ${cite(c.cites)}</span></li>`;
}

const cardNotes = (c: Card, sources: Sources) => itemNotes(`${c.figures.map((f) => f.figure).join('; ')}: ${c.text}`, c.cites, c.evidence, sources);

function factSlide(f: Figure, sources: Sources): Slide {
  const figure = clipText(f.figure, CLIP.figure);
  const text = clipText(f.text, CLIP.factText);
  const long = !fitsOneLine(figure, FACT_NUM);
  const num = long ? FACT_LONG : FACT_NUM;
  return {
    kind: 'figures',
    layout: 'figures',
    heading: 'Numbers',
    frontmatter: {},
    body: [html`<div class="b-fact"><span class="b-figure-num${long ? LONG : ''}"><bdi>${figure}</bdi></span><span class="b-figure-text"><bdi>${text}</bdi> ${cite(f.cites)}</span></div>`],
    notes: itemNotes(`${f.figure}: ${f.text}`, f.cites, f.evidence, sources),
    items: 1,
    height: 36 + lineCount(figure, num) * num.line + 18 + textHeight(text, FACT_TEXT, citesEm(f.cites, FACT_TEXT.px)),
  };
}

/** A number as an SVG coordinate: two decimals at most. */
const coord = (v: number): string => String(Math.round(v * 100) / 100);

/**
 * One trend as a line chart in a `width`×CHART.height SVG: a point per value, placed by date and
 * value (0 at the foot), the figure as written over each point and the dates under the axis. All
 * attributes are our numbers; the labels are escaped text.
 */
export function trendChart(t: Trend, width: number): SafeHtml {
  const h = CHART.height;
  const pad = { left: 16, right: 16, top: 24, bottom: 26 };
  const days = t.points.map((p) => dayNumber(p.date) ?? 0);
  const [first, last] = [Math.min(...days), Math.max(...days)];
  const top = Math.max(...t.points.map((p) => p.value), 0) * 1.05 || 1;
  const x = (k: number): number => pad.left + (last > first ? ((days[k]! - first) / (last - first)) * (width - pad.left - pad.right) : (width - pad.left - pad.right) / 2);
  const y = (v: number): number => h - pad.bottom - (Math.max(v, 0) / top) * (h - pad.top - pad.bottom);
  const points = t.points.map((p, k) => `${coord(x(k))},${coord(y(p.value))}`).join(' ');
  // Labels at the ends stay inside the drawing.
  const anchor = (k: number): string => (k === 0 ? 'start' : k === t.points.length - 1 ? 'end' : 'middle');
  const axis = h - pad.bottom;
  return html`<svg class="b-chart" width="${String(width)}" height="${String(h)}" viewBox="0 0 ${String(width)} ${String(h)}"><line class="b-chart-axis" x1="0" y1="${coord(axis)}" x2="${String(width)}" y2="${coord(axis)}"></line><polyline class="b-chart-line" points="${points}"></polyline>${t.points.map(
    (p, k) =>
      html`<circle class="b-chart-dot" cx="${coord(x(k))}" cy="${coord(y(p.value))}" r="5"></circle><text class="b-chart-value" x="${coord(x(k))}" y="${coord(y(p.value) - 10)}" text-anchor="${anchor(k)}">${clipText(p.figure, CLIP.label)}</text><text class="b-chart-date" x="${coord(x(k))}" y="${coord(h - 6)}" text-anchor="${anchor(k)}">${clipText(p.date, CLIP.label)}</text>`,
  )}</svg>`;
}

/** The charts row: each trend's measure as a title over its chart. */
function chartsRow(trends: readonly Trend[]): SafeHtml[] {
  const width = Math.floor((CONTENT.width - 24 * (trends.length - 1)) / trends.length);
  return [
    html`<div class="b-charts">${trends.map(
      (t) => html`<div class="b-chart-box"><p class="b-chart-title"><bdi>${clipText(t.measure, CLIP.measure)}</bdi> ${cite(t.cites)}</p>${trendChart(t, width)}</div>`,
    )}</div>`,
  ];
}

const trendNotes = (t: Trend, sources: Sources) =>
  itemNotes(`Trend, ${t.measure}: ${t.points.map((p) => `${p.figure} (${p.date}, ${p.source})`).join(' → ')}. ${t.text}`, t.cites, t.evidence, sources);

export function figuresSlides(n: BriefingNotes, sources: Sources): SectionSlides {
  // A trend needs two dated points to be a line.
  const trends = (n.trends ?? []).filter((t) => t.points.filter((p) => dayNumber(p.date) !== null).length >= 2);
  const [only] = n.figures;
  if (trends.length === 0 && only && n.figures.length === 1) return { main: [factSlide(only, sources)], appendix: [] };
  const cards = cardsOf(n.figures);
  const charted = trends.slice(0, TRENDS_SHOWN);
  const slides = sectionSlides<Card>({
    kind: 'figures',
    layout: 'figures',
    heading: 'Numbers',
    appendixHeading: 'More numbers',
    items: cards,
    columns: 2,
    rowGap: 16,
    maxItems: charted.length > 0 ? 2 : 4,
    appendixItems: 6,
    maxZoom: 1.8,
    before: charted.length > 0 ? { html: () => chartsRow(charted), height: CHART.title + CHART.height + CHART.gap, mainOnly: true } : undefined,
    list: ['<ul class="b-figure-grid">', '</ul>'],
    item: cardHtml,
    height: cardHeight,
    notes: (c) => cardNotes(c, sources),
  });
  if (charted.length === 0) return slides;
  const trendLines = trends.flatMap((t) => trendNotes(t, sources));
  const main: Slide = slides.main[0] ?? {
    // Trends and no figure: the charts alone.
    kind: 'figures',
    layout: 'figures',
    heading: 'Numbers',
    frontmatter: {},
    body: [html`<div class="b-fit" style="zoom:1.3">`, ...chartsRow(charted), html`</div>`],
    notes: [],
    items: 0,
    height: 1.3 * (CHART.title + CHART.height + CHART.gap),
    zoom: 1.3,
  };
  return { main: [{ ...main, notes: [...trendLines, ...main.notes] }], appendix: slides.appendix };
}
