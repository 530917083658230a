// The deck's plan: the cover, the claim sections (bottom line, key points, discrepancies), and the
// other sections from their own modules, in deck order. A section with nothing in it has no slide.
import type { BriefingNotes, Claim } from '../../notes/model.ts';
import { actorsSlides, relationsSlides } from './actors.ts';
import { clipText, plainWords } from './escape.ts';
import { figuresSlides } from './figures.ts';
import { CONTENT, citeEm, lineCount, textHeight } from './geometry.ts';
import { cite, listSlides } from './list.ts';
import { html, note } from './markup.ts';
import { citeText, itemNotes, sourceIndex } from './notes.ts';
import { quotesSlides } from './quotes.ts';
import type { Slide } from './slide.ts';
import { sourcesSlides } from './sources.ts';
import { timelineSlides } from './timeline.ts';

type Sources = ReturnType<typeof sourceIndex>;

/** Longest claim shown on a slide; longer ones are clipped there and given in full in the notes. */
export const CLAIM_CHARS = 300;
/** Cover title: 44 px when it fits two lines, else 34 px; the text box is 812 px wide. */
const COVER = { big: { px: 44, line: 52, width: 812, bold: true }, titleChars: 120, subtitleChars: 160 };

export function coverSlide(n: BriefingNotes): Slide {
  const title = clipText(n.title, COVER.titleChars);
  const count = n.sources.length;
  const undated = n.sources.filter((s) => s.date === null || s.flags.includes('undated')).length;
  return {
    kind: 'cover',
    layout: 'cover',
    heading: null,
    frontmatter: { title: plainWords(n.title) || 'Briefing' },
    body: [
      html`<p class="b-kicker">Briefing</p>`,
      html`<h1 class="b-title${lineCount(title, COVER.big) > 2 ? html` b-long` : ''}"><bdi>${title}</bdi></h1>`,
      n.subtitle.trim() ? html`<p class="b-subtitle"><bdi>${clipText(n.subtitle, COVER.subtitleChars)}</bdi></p>` : html``,
      html`<p class="b-meta"><span class="b-chip">As of <bdi>${clipText(n.asOf, 30)}</bdi></span><span class="b-chip">${count} source${count === 1 ? '' : 's'}</span>${
        undated > 0 ? html`<span class="b-chip b-warn">${undated} undated</span>` : ''
      }</p>`,
    ].filter((l) => l.value !== ''),
    notes: [
      note`- Title: ${n.title}`,
      note`- Subtitle: ${n.subtitle || '(none)'}`,
      note`- As of: ${n.asOf}`,
      note`- Built from: ${n.inputs.join(', ') || '(not recorded)'}; ${String(count)} sources, ${String(undated)} undated`,
    ],
    items: 1,
    height: 0,
  };
}

/** The bottom line: sentences set large, each with a rule beside it. */
export function bottomLineSlides(n: BriefingNotes, sources: Sources): Slide[] {
  const box = { px: 23, line: 32, width: CONTENT.width - 22 };
  return listSlides<Claim>({
    kind: 'bottomLine',
    layout: 'bottom-line',
    heading: 'Bottom line',
    items: n.bottomLine,
    list: ['<div class="b-statements">', '</div>'],
    item: (c) => html`<p><bdi>${clipText(c.text, CLAIM_CHARS)}</bdi> ${cite(c.cites)}</p>`,
    height: (c) => textHeight(clipText(c.text, CLAIM_CHARS), box, citeEm(citeText(c.cites), box.px)) + 14,
    notes: (c) => itemNotes(c.text, c.cites, c.evidence, sources),
  });
}

/** Key points and discrepancies: numbered (or marked) lists of claims. */
function pointSlides(kind: 'keyPoints' | 'discrepancies', heading: string, claims: readonly Claim[], sources: Sources): Slide[] {
  const box = { px: 20, line: 28, width: CONTENT.width - 40 };
  const listClass = kind === 'keyPoints' ? 'b-points' : 'b-points b-discrepancies';
  return listSlides<Claim>({
    kind,
    layout: 'points',
    heading,
    items: claims,
    maxItems: 7,
    list: [`<ol class="${listClass}">`, '</ol>'],
    item: (c, i) => html`<li><span class="b-num">${kind === 'keyPoints' ? String(i + 1) : '≠'}</span><span><bdi>${clipText(c.text, CLAIM_CHARS)}</bdi> ${cite(c.cites)}</span></li>`,
    height: (c) => textHeight(clipText(c.text, CLAIM_CHARS), box, citeEm(citeText(c.cites), box.px)) + 12,
    notes: (c) => itemNotes(c.text, c.cites, c.evidence, sources),
  });
}

export const keyPointsSlides = (n: BriefingNotes, s: Sources): Slide[] => pointSlides('keyPoints', 'Key points', n.keyPoints, s);
export const discrepanciesSlides = (n: BriefingNotes, s: Sources): Slide[] => pointSlides('discrepancies', 'Discrepancies', n.discrepancies, s);

/** Every slide of the deck, in order; a section with nothing in it has no slide. */
export function planSlides(n: BriefingNotes): Slide[] {
  const sources = sourceIndex(n.sources);
  return [
    coverSlide(n),
    ...bottomLineSlides(n, sources),
    ...keyPointsSlides(n, sources),
    ...actorsSlides(n, sources),
    ...relationsSlides(n, sources),
    ...timelineSlides(n, sources),
    ...quotesSlides(n, sources),
    ...figuresSlides(n, sources),
    ...discrepanciesSlides(n, sources),
    ...sourcesSlides(n),
  ];
}
