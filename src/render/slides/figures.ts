// Figures: one figure alone is a "fact" slide (the number huge, centred); several are cards in two
// columns with the number big, each sized so it stays inside its card.
import type { BriefingNotes, Figure } from '../../notes/model.ts';
import { clipText } from './escape.ts';
import { CONTENT, citeEm, lineCount, textEm, textHeight } from './geometry.ts';
import { cite, listSlides } from './list.ts';
import { html } from './markup.ts';

/** The class that sets a number in the smaller face (our HTML: not trimmed like text). */
const LONG = html` b-long`;
import { citeText, itemNotes, sourceIndex } from './notes.ts';
import type { Slide } from './slide.ts';

const CLIP = { figure: 40, text: 160, factText: 240 };
/** A card's text width: half the box less the 16 px gap, 32 px padding and 2 px border. */
const CARD = (CONTENT.width - 16) / 2 - 34;
const NUM = { px: 36, line: 42, width: CARD, bold: true };
const NUM_LONG = { px: 26, line: 32, width: CARD, bold: true };
const TEXT = { px: 16, line: 22, width: CARD };
const FACT_NUM = { px: 72, line: 80, width: CONTENT.width, bold: true };
const FACT_LONG = { px: 48, line: 56, width: CONTENT.width, bold: true };
const FACT_TEXT = { px: 22, line: 30, width: 720 };

/** The big number's size: the large face when the figure fits one line in it. */
const fitsOneLine = (text: string, box: { px: number; width: number }): boolean => textEm(text, true) * box.px <= box.width * 0.95;

function card(f: Figure): { html: ReturnType<typeof html>; height: number } {
  const figure = clipText(f.figure, CLIP.figure);
  const text = clipText(f.text, CLIP.text);
  const long = !fitsOneLine(figure, NUM);
  const num = long ? NUM_LONG : NUM;
  return {
    html: html`<li class="b-figure"><span class="b-figure-num${long ? LONG : ''}"><bdi>${figure}</bdi></span><span class="b-figure-text"><bdi>${text}</bdi> ${cite(f.cites)}</span></li>`,
    height: 27 + lineCount(figure, num) * num.line + 6 + textHeight(text, TEXT, citeEm(citeText(f.cites), TEXT.px)),
  };
}

function factSlide(f: Figure, sources: ReturnType<typeof sourceIndex>): Slide {
  const figure = clipText(f.figure, CLIP.figure);
  const text = clipText(f.text, CLIP.factText);
  const long = !fitsOneLine(figure, FACT_NUM);
  const num = long ? FACT_LONG : FACT_NUM;
  return {
    kind: 'figures',
    layout: 'figures',
    heading: 'Figures',
    frontmatter: {},
    body: [html`<div class="b-fact"><span class="b-figure-num${long ? LONG : ''}"><bdi>${figure}</bdi></span><span class="b-figure-text"><bdi>${text}</bdi> ${cite(f.cites)}</span></div>`],
    notes: itemNotes(`${f.figure}: ${f.text}`, f.cites, f.evidence, sources),
    items: 1,
    height: 36 + lineCount(figure, num) * num.line + 18 + textHeight(text, FACT_TEXT, citeEm(citeText(f.cites), FACT_TEXT.px)),
  };
}

export function figuresSlides(n: BriefingNotes, sources: ReturnType<typeof sourceIndex>): Slide[] {
  const [only] = n.figures;
  if (only && n.figures.length === 1) return [factSlide(only, sources)];
  return listSlides<Figure>({
    kind: 'figures',
    layout: 'figures',
    heading: 'Figures',
    items: n.figures,
    columns: 2,
    rowGap: 16,
    maxItems: 4,
    list: ['<ul class="b-figure-grid">', '</ul>'],
    item: (f) => card(f).html,
    height: (f) => card(f).height,
    notes: (f) => itemNotes(`${f.figure}: ${f.text}`, f.cites, f.evidence, sources),
  });
}
