// The numbers slides: each figure as a big number on a card with what it counts, and the trends
// (counts that changed over time) as native line charts a user can edit in PowerPoint.
import type { BriefingNotes, Figure, Trend } from '../../notes/model.ts';
import { fitSize, type Para } from './fit.ts';
import type { Block, SlideSpec } from './spec.ts';
import { citeRun, citeText, claimPara, listSlides, noteLines, supportRuns, titleSize } from './text.ts';
import { COLOURS, CONTENT_BOX, type Box } from './theme.ts';

const COLUMNS = 3;
const ROWS = 2;
const GAP = 0.3;
const FIGURE_SIZES = [40, 36, 32, 28, 24, 20, 18, 16];
const CAPTION_SIZES = [15, 14, 13, 12, 11, 10];

const figureNotes = (f: Figure) => noteLines(`${f.figure}: ${f.text}${citeText(f.cites)}`, f.evidence);

/** Cards for up to six figures, or null when one of them does not fit its card at the smallest sizes. */
function cardSlide(figures: readonly Figure[], title: string): SlideSpec | null {
  const w = (CONTENT_BOX.w - GAP * (COLUMNS - 1)) / COLUMNS;
  const h = (CONTENT_BOX.h - GAP * (ROWS - 1)) / ROWS;
  const blocks: Block[] = [];
  for (const [i, f] of figures.entries()) {
    const x = CONTENT_BOX.x + (i % COLUMNS) * (w + GAP);
    const y = CONTENT_BOX.y + Math.floor(i / COLUMNS) * (h + GAP);
    const bigBox: Box = { x: x + 0.15, y: y + 0.15, w: w - 0.3, h: 1.05 };
    const captionBox: Box = { x: x + 0.15, y: y + 1.25, w: w - 0.3, h: h - 1.4 };
    const big: Para = { runs: [{ text: f.figure, bold: true, colour: COLOURS.accent }] };
    const caption: Para = { runs: [{ text: f.text }, citeRun(f.cites), ...supportRuns(f)] };
    const bigPt = fitSize([big], bigBox, FIGURE_SIZES);
    const captionPt = fitSize([caption], captionBox, CAPTION_SIZES);
    if (bigPt === null || captionPt === null) return null;
    blocks.push({ kind: 'rect', box: { x, y, w, h }, fill: COLOURS.card, line: COLOURS.rule, rounded: true });
    blocks.push({ kind: 'text', box: bigBox, pt: bigPt, paras: [big], valign: 'middle', name: `Figure ${i + 1}` });
    blocks.push({ kind: 'text', box: captionBox, pt: captionPt, paras: [caption], name: `Figure ${i + 1} caption` });
  }
  return { master: 'CONTENT', title, titlePt: titleSize(title), blocks, notes: [title, '', ...figures.flatMap(figureNotes)].join('\n') };
}

export function figureSlides(notes: BriefingNotes): SlideSpec[] {
  const out: SlideSpec[] = [];
  const per = COLUMNS * ROWS;
  for (let i = 0; i < notes.figures.length; i += per) {
    const group = notes.figures.slice(i, i + per);
    const title = i === 0 ? 'Numbers' : 'Numbers (cont.)';
    // A caption too long for a card: the group becomes a list instead, which can run on.
    const cards = cardSlide(group, title);
    out.push(...(cards ? [cards] : listSlides(title, group.map((f) => ({
      paras: [claimPara(f, [{ text: `${f.figure}: `, bold: true, colour: COLOURS.accent }])],
      notes: figureNotes(f),
    })))));
  }
  return out;
}

const CHART_H = 3.9;

/** Two trends a slide, each a line chart with its words under it. */
export function trendSlides(notes: BriefingNotes): SlideSpec[] {
  const trends = notes.trends ?? [];
  const out: SlideSpec[] = [];
  const w = (CONTENT_BOX.w - GAP) / 2;
  for (let i = 0; i < trends.length; i += 2) {
    const pair = trends.slice(i, i + 2);
    const title = i === 0 ? 'How the numbers changed' : 'How the numbers changed (cont.)';
    const blocks: Block[] = [];
    pair.forEach((t: Trend, j) => {
      const x = CONTENT_BOX.x + j * (w + GAP);
      blocks.push({ kind: 'chart', box: { x, y: CONTENT_BOX.y, w, h: CHART_H }, trends: [t] });
      const captionBox: Box = { x, y: CONTENT_BOX.y + CHART_H + 0.1, w, h: CONTENT_BOX.h - CHART_H - 0.1 };
      const para: Para = { runs: [{ text: t.text }, citeRun(t.cites), ...supportRuns(t)] };
      const values: Para = { runs: [{ text: t.points.map((p) => `${p.date}: ${p.figure} [${p.source}]`).join(' · '), colour: COLOURS.muted }] };
      const withValues = fitSize([para, values], captionBox, CAPTION_SIZES);
      const alone = withValues === null ? fitSize([para], captionBox, CAPTION_SIZES) : null;
      // Words that fit neither way stay in the speaker notes only: the chart still shows the values.
      if (withValues !== null) blocks.push({ kind: 'text', box: captionBox, pt: withValues, paras: [para, values], name: `Trend ${i + j + 1} caption` });
      else if (alone !== null) blocks.push({ kind: 'text', box: captionBox, pt: alone, paras: [para], name: `Trend ${i + j + 1} caption` });
    });
    const lines = pair.flatMap((t) => [
      ...noteLines(`${t.measure}: ${t.text}${citeText(t.cites)}`, t.evidence),
      ...t.points.map((p) => `    ${p.date}: ${p.figure} [${p.source}]`),
    ]);
    out.push({ master: 'CONTENT', title, titlePt: titleSize(title), blocks, notes: [title, '', ...lines].join('\n') });
  }
  return out;
}
