// Claim lists: key points (grouped into theme cards when the notes give themes), where sources
// disagree, and what is unknown or undated. Each claim shows how many independent sources back it
// and, when it should be weighed lightly, why.
import type { BriefingNotes, Claim, ClaimCaveat } from '../../notes/model.ts';
import { clipText } from './escape.ts';
import { atZoom, CONTENT, citesEm, textEm, textHeight, type TextBox } from './geometry.ts';
import { appendixSlides, cite, sectionSlides, type Section, type SectionSlides } from './list.ts';
import { html, note, type SafeHtml } from './markup.ts';
import { itemNotes, sourceIndex } from './notes.ts';

type Sources = ReturnType<typeof sourceIndex>;

/** Longest claim shown on a slide; longer ones are clipped there and given in full in the notes. */
export const CLAIM_CHARS = 300;
/** A point in a list: 20/28 px beside the 40 px number column. */
const POINT: TextBox = { px: 20, line: 28, width: CONTENT.width - 40 };
/** Badges (support, caveats) are 13 px. */
const BADGE_PX = 13;

/** Independent sources behind a claim: the model's count, else its citations. */
export const supportOf = (c: Claim): number => c.support ?? c.cites.length;
export const supportText = (c: Claim): string => `${supportOf(c)} source${supportOf(c) === 1 ? '' : 's'}`;
const CAVEAT_WORDS: Record<ClaimCaveat, string> = { degraded: 'damaged text', undated: 'undated', stale: 'old source' };
/** `⚠ undated` (a caveat rests on a single source, which the support badge says), or '' for a claim without caveats. */
export function caveatText(c: Claim): string {
  const caveats = c.caveats ?? [];
  return caveats.length > 0 ? `⚠ ${caveats.map((k) => CAVEAT_WORDS[k] ?? k).join(', ')}` : '';
}

/** The support badge (unless `badge` is off), citations and caveat after a claim's text. */
function claimTail(c: Claim, badge = true): SafeHtml {
  const caveat = caveatText(c);
  return html`${badge ? html`<span class="b-support">${supportText(c)}</span> ` : ''}${cite(c.cites)}${caveat ? html` <span class="b-caveat">${caveat}</span>` : ''}`;
}

/** Width in em at `px` of the tail: badge (with its padding), citations and caveat. */
function tailEm(c: Claim, px: number, badge = true): number {
  const caveat = caveatText(c);
  return (badge ? (textEm(supportText(c)) * BADGE_PX + 12) / px + 0.32 : 0) + citesEm(c.cites, px) + (caveat ? (textEm(caveat) * BADGE_PX) / px + 0.32 : 0);
}

/** A claim's height at `zoom`, `gap` below it; `fixed` px of its box do not scale (see atZoom). */
export function claimHeight(c: Claim, box: TextBox, zoom: number, gap: number, fixed = CONTENT.width - box.width, badge = true): number {
  return zoom * (textHeight(clipText(c.text, CLAIM_CHARS), atZoom(box, zoom, fixed), tailEm(c, box.px, badge)) + gap);
}

const claimNotes = (c: Claim, sources: Sources) => {
  const caveat = caveatText(c);
  return [...itemNotes(c.text, c.cites, c.evidence, sources), note`  - ${supportText(c)} independent${caveat ? `; ${caveat}` : ''}`];
};

/** A numbered (or marked) list of claims as a section: key points without themes, disagreements. */
function claimSection(kind: 'keyPoints' | 'discrepancies', heading: string, appendixHeading: string, claims: readonly Claim[], sources: Sources): Section<Claim> {
  const listClass = kind === 'keyPoints' ? 'b-points' : 'b-points b-discrepancies';
  // A disagreement is between sources by definition: a support count would say nothing.
  const badge = kind === 'keyPoints';
  return {
    kind,
    layout: 'points',
    heading,
    appendixHeading,
    items: claims,
    maxItems: 6,
    // A lone disagreement is the slide's one idea: set large rather than left in a corner.
    maxZoom: kind === 'discrepancies' ? 2.6 : 1.8,
    list: [`<ol class="${listClass}">`, '</ol>'],
    item: (c, i) => html`<li><span class="b-num">${kind === 'keyPoints' ? String(i + 1) : '≠'}</span><span><bdi>${clipText(c.text, CLAIM_CHARS)}</bdi> ${claimTail(c, badge)}</span></li>`,
    height: (c, z) => claimHeight(c, POINT, z, 12, CONTENT.width - POINT.width, badge),
    notes: (c) => claimNotes(c, sources),
  };
}

const claimList = (kind: 'keyPoints' | 'discrepancies', heading: string, appendixHeading: string, claims: readonly Claim[], sources: Sources): SectionSlides =>
  sectionSlides(claimSection(kind, heading, appendixHeading, claims, sources));

interface Theme {
  title: string;
  points: { claim: Claim; index: number }[];
}

/** Key points grouped by theme, themes in the rank of their best point; points without a theme last, under "Other points". */
export function themesOf(points: readonly Claim[]): Theme[] {
  const byTitle = new Map<string, Theme>();
  const other: Theme = { title: '', points: [] };
  points.forEach((claim, index) => {
    const title = claim.theme?.trim();
    if (!title) {
      other.points.push({ claim, index });
      return;
    }
    if (!byTitle.has(title)) byTitle.set(title, { title, points: [] });
    byTitle.get(title)?.points.push({ claim, index });
  });
  return [...byTitle.values(), ...(other.points.length > 0 ? [other] : [])];
}

/** Points a theme card shows at most; the rest of the theme is in the appendix. */
const POINTS_PER_THEME = 2;
/** Themes on the main slide at most (two rows of two cards). */
const THEMES_SHOWN = 4;
/** A card is half the box less half the 14 px gap, 24 px padding and 4 px border; its points are indented 14 px. */
const CARD_FIXED = 7 + 28;
const THEME_TITLE: TextBox = { px: 19, line: 25, width: CONTENT.width / 2 - CARD_FIXED, bold: true };
const THEME_POINT: TextBox = { px: 16, line: 22, width: CONTENT.width / 2 - CARD_FIXED - 14 };

function themeHeight(t: Theme, perTheme: number, zoom: number): number {
  const title = textHeight(clipText(t.title || 'Other points', 80), atZoom(THEME_TITLE, zoom, CARD_FIXED));
  const points = t.points.slice(0, perTheme).reduce((sum, p) => sum + claimHeight(p.claim, THEME_POINT, zoom, 6, CARD_FIXED + 14) / zoom, 0);
  return zoom * (20 + title + 6 + points);
}

function themeSlides(themes: readonly Theme[], perTheme: number, sources: Sources): SectionSlides {
  return sectionSlides<Theme>({
    kind: 'keyPoints',
    layout: 'themes',
    heading: 'Key themes',
    appendixHeading: 'More themes',
    items: themes,
    columns: 2,
    rowGap: 14,
    maxItems: THEMES_SHOWN,
    maxZoom: 1.4,
    list: ['<ul class="b-theme-grid">', '</ul>'],
    item: (t) =>
      html`<li class="b-theme"><span class="b-theme-title"><bdi>${clipText(t.title || 'Other points', 80)}</bdi></span><ol>${t.points
        .slice(0, perTheme)
        .map((p) => html`<li><bdi>${clipText(p.claim.text, CLAIM_CHARS)}</bdi> ${claimTail(p.claim)}</li>`)}</ol></li>`,
    height: (t, zoom) => themeHeight(t, perTheme, zoom),
    notes: (t) => [note`- Theme: ${t.title || 'Other points'}`, ...t.points.flatMap((p) => claimNotes(p.claim, sources))],
  });
}

/**
 * Key points: theme cards when the notes group them (each with its top points; one point each
 * when that brings more themes onto the slide), else a numbered list. Points not on a card are
 * listed in the appendix.
 */
export function keyPointsSlides(n: BriefingNotes, sources: Sources): SectionSlides {
  const themes = themesOf(n.keyPoints);
  if (themes.length === 0 || (themes.length === 1 && !themes[0]?.title)) return claimList('keyPoints', 'Key points', 'More key points', n.keyPoints, sources);
  const shown = (s: SectionSlides): number => s.main[0]?.items ?? 0;
  let perTheme = POINTS_PER_THEME;
  let slides = themeSlides(themes, perTheme, sources);
  const fewer = themeSlides(themes, 1, sources);
  if (shown(fewer) > shown(slides)) [slides, perTheme] = [fewer, 1];
  const left = themes.flatMap((t) => t.points.slice(perTheme).map((p) => p.claim));
  if (left.length === 0) return slides;
  // Paged evenly (4 points: 2 + 2, not 3 + 1 with the last one alone and huge); a rest too short
  // for a page goes to the speaker notes of the themes slide.
  const more = appendixSlides(claimSection('keyPoints', 'More key points', 'More key points', left, sources), left.map((it, index) => ({ it, index })));
  const main = slides.main.map((m, k) => (k === 0 ? { ...m, notes: [...m.notes, ...more.notes] } : m));
  return { main, appendix: [...slides.appendix, ...more.appendix] };
}

export const discrepanciesSlides = (n: BriefingNotes, s: Sources): SectionSlides =>
  claimList('discrepancies', 'Where sources disagree', 'More disagreements', n.discrepancies, s);
