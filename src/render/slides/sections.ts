// The deck's plan: the cover, then one slide per section in a named, ordered list (one idea per
// slide, each holding what fits), then an "Appendix" divider and the slides holding the rest.
// Adding a kind of slide is one more entry in DECK_SECTIONS.
import type { BriefingNotes, Claim } from '../../notes/model.ts';
import type { BriefingMap } from '../map/index.ts';
import { gazetteer } from '../map/gazetteer.ts';
import { findPlaces, type FoundPlaces } from '../map/places.ts';
import { sidesOf } from '../map/sides.ts';
import { drawMap } from '../map/svg.ts';
import { keptMap, mapRecord, mapRecordKey, type MapRecord } from '../map/record.ts';
import { actorsSlides, relationsSlides } from './actors.ts';
import { clipText, plainWords } from './escape.ts';
import { figuresSlides } from './figures.ts';
import { ZOOMS, FILL } from './fit.ts';
import { atZoom, CONTENT, citesEm, lineCount, textHeight } from './geometry.ts';
import { cite, type SectionSlides } from './list.ts';
import { mapSlides, MAP_VIEW } from './map.ts';
import { html, note } from './markup.ts';
import { itemNotes, sourceIndex } from './notes.ts';
import { CLAIM_CHARS, discrepanciesSlides, keyPointsSlides } from './points.ts';
import { quotesSlides } from './quotes.ts';
import type { Slide, SlideKind } from './slide.ts';
import { sourcesSlides } from './sources.ts';
import { timelineSlides } from './timeline.ts';
import { unknownsSlides } from './unknowns.ts';

export { CLAIM_CHARS } from './points.ts';

type Sources = ReturnType<typeof sourceIndex>;

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

/**
 * The bottom line: always one slide with every sentence, set large (each with a rule beside it),
 * at the largest zoom that fits.
 */
export function bottomLineSlides(n: BriefingNotes, sources: Sources): SectionSlides {
  if (n.bottomLine.length === 0) return { main: [], appendix: [] };
  const box = { px: 23, line: 32, width: CONTENT.width - 22 };
  const height = (z: number): number =>
    n.bottomLine.reduce((sum, c) => sum + z * (textHeight(clipText(c.text, CLAIM_CHARS), atZoom(box, z, CONTENT.width - box.width), citesEm(c.cites, box.px)) + 14), 0);
  const zoom = ZOOMS.find((z) => z <= 1.8 && height(z) <= CONTENT.height * FILL.high) ?? ZOOMS[ZOOMS.length - 1] ?? 1;
  const slide: Slide = {
    kind: 'bottomLine',
    layout: 'bottom-line',
    heading: 'Bottom line',
    frontmatter: {},
    body: [
      html`<div class="b-fit" style="zoom:${String(zoom)}">`,
      html`<div class="b-statements">`,
      ...n.bottomLine.map((c: Claim) => html`<p><bdi>${clipText(c.text, CLAIM_CHARS)}</bdi> ${cite(c.cites)}</p>`),
      html`</div>`,
      html`</div>`,
    ],
    notes: n.bottomLine.flatMap((c) => itemNotes(c.text, c.cites, c.evidence, sources)),
    items: n.bottomLine.length,
    height: height(zoom),
    zoom,
  };
  return { main: [slide], appendix: [] };
}

/** The slide between the main deck and the appendix, with what the appendix holds in its notes. */
function dividerSlide(appendix: readonly Slide[]): Slide {
  const headings = [...new Set(appendix.map((s) => (s.heading ?? '').replace(/ continued$/, '')))];
  return {
    kind: 'divider',
    layout: 'divider',
    heading: 'Appendix',
    frontmatter: {},
    body: [html`<p class="b-subtitle">What the main slides had no room for</p>`],
    notes: [note`- Appendix: ${String(appendix.length)} slides holding the items the main slides had no room for.`, ...headings.map((h) => note`- ${h}`)],
    items: 0,
    height: 0,
    part: 'appendix',
  };
}

/** Builds a section's slides; `map` is the briefing's map as drawn for the deck (see deckMap). */
type SectionBuilder = (n: BriefingNotes, sources: Sources, map: BriefingMap) => SectionSlides;

/**
 * The last map drawn and what it was drawn from (the places and the actors, whose backing decides
 * the shading): in `briefing dev`, an edit that moves no place and no side draws nothing again, and
 * drawing the world is about a third of the deck's time.
 */
let lastDrawn: { key: string; svg: string } | undefined;

/** The briefing's map as the deck shows it: the region of the events, sized for the map slide (renderMap's steps, the drawing kept). */
export function deckMap(n: BriefingNotes): BriefingMap {
  return drawnDeckMap(n, findPlaces(n, gazetteer()));
}

function drawnDeckMap(n: BriefingNotes, { located, unlocated }: FoundPlaces): BriefingMap {
  const key = JSON.stringify([located, n.actors]);
  if (lastDrawn?.key !== key) lastDrawn = { key, svg: drawMap(gazetteer(), located, sidesOf(n.actors), MAP_VIEW) };
  return { svg: lastDrawn.svg, located, unlocated };
}

/**
 * The deck's map as the deck uses it: deckMap's, except that a map locating nothing is not drawn
 * (svg ''), since the deck does not show it (mapSlides) and drawing the world costs ~100 ms of a
 * first render; its record keeps no drawing either. Checked against deckMap in test/deck-map-record.test.ts.
 */
export function shownDeckMap(n: BriefingNotes): BriefingMap {
  const found = findPlaces(n, gazetteer());
  return found.located.length > 0 ? drawnDeckMap(n, found) : { svg: '', located: found.located, unlocated: found.unlocated };
}

/**
 * The deck's map and its record (map/record.ts) to keep for the next render: the drawing in `kept`
 * (a previous record, any value, checked) when it was made from the same places, actors and code,
 * without loading the gazetteer; else shownDeckMap's.
 */
export function keptDeckMap(n: BriefingNotes, kept?: unknown): { map: BriefingMap; record: MapRecord } {
  const key = mapRecordKey(n, MAP_VIEW);
  const map = keptMap(kept, key) ?? shownDeckMap(n);
  // A map that locates nothing is not shown (mapSlides): its world drawing is not worth keeping.
  return { map, record: mapRecord(key, map.located.length > 0 ? map : { ...map, svg: '' }) };
}

/**
 * The sections in deck order, each giving at most one main slide and its appendix pages. A section
 * with nothing in it gives no slide.
 */
export const DECK_SECTIONS: ReadonlyArray<readonly [SlideKind, SectionBuilder]> = [
  ['bottomLine', bottomLineSlides],
  ['timeline', timelineSlides],
  ['keyPoints', keyPointsSlides],
  ['actors', actorsSlides],
  ['relations', relationsSlides],
  // Where it happens, after who backs whom: the map shades the countries by the side they back.
  ['map', (n, _, map) => mapSlides(n, map)],
  ['quotes', quotesSlides],
  ['figures', figuresSlides],
  ['discrepancies', discrepanciesSlides],
  ['unknowns', unknownsSlides],
  ['sources', (n) => sourcesSlides(n)],
];

/** Every slide of the deck, in order: cover, main slides, then (when anything is left over) the divider and the appendix. */
export function planSlides(n: BriefingNotes, map: BriefingMap = deckMap(n), tuning: DeckTuning = {}): Slide[] {
  const sources = sourceIndex(n.sources);
  const built = orderedSections(tuning.order).map(([kind, build]) => ({ kind, ...build(n, sources, map) }));
  withinBudget(built, tuning.slideBudget, tuning.order ?? []);
  const main = built.flatMap((b) => b.main).map((s): Slide => ({ ...s, part: 'main' }));
  const appendix = built.flatMap((b) => b.appendix).map((s): Slide => ({ ...s, part: 'appendix' }));
  return [{ ...coverSlide(n), part: 'main' }, ...main, ...(appendix.length > 0 ? [dividerSlide(appendix), ...appendix] : [])];
}

/** The deck settings of a config file: section order (notes headings) and the most main slides. */
export interface DeckTuning {
  order?: readonly string[];
  slideBudget?: number;
}

/** The notes section each kind of slide shows (the diagram and the map are the actors'; unknowns the sources'). */
const SECTION_OF: Readonly<Record<string, string>> = {
  bottomLine: 'Bottom line', keyPoints: 'Key points', timeline: 'Timeline', actors: 'Actors', relations: 'Actors', map: 'Actors',
  quotes: 'Quotes', figures: 'Figures', discrepancies: 'Discrepancies', unknowns: 'Sources', sources: 'Sources',
};

/** DECK_SECTIONS in the order the settings name their notes sections; sections not named follow in the usual order. */
function orderedSections(order: readonly string[] | undefined): Array<readonly [SlideKind, SectionBuilder]> {
  if (!order?.length) return [...DECK_SECTIONS];
  const rank = (kind: SlideKind) => {
    const i = order.indexOf(SECTION_OF[kind] ?? '');
    return i < 0 ? order.length : i;
  };
  return DECK_SECTIONS.map((entry, i) => ({ entry, i })).sort((a, b) => rank(a.entry[0]) - rank(b.entry[0]) || a.i - b.i).map((x) => x.entry);
}

/** Which main slides go to the appendix first when the deck is over its budget: the bottom line never does. */
const DEMOTE_FIRST: readonly SlideKind[] = ['unknowns', 'discrepancies', 'map', 'relations', 'figures', 'quotes', 'sources', 'actors', 'timeline', 'keyPoints'];

/**
 * Over budget (the cover counts), the least needed main slides become the first pages of their section's
 * appendix: sections the settings did not name first, then the named ones from the last named.
 */
function withinBudget(built: Array<SectionSlides & { kind: SlideKind }>, budget: number | undefined, named: readonly string[]): void {
  if (budget === undefined) return;
  let count = 1 + built.reduce((k, b) => k + b.main.length, 0);
  const rank = (kind: SlideKind) => named.indexOf(SECTION_OF[kind] ?? '');
  const order = [...DEMOTE_FIRST.filter((k) => rank(k) < 0), ...DEMOTE_FIRST.filter((k) => rank(k) >= 0).sort((a, b) => rank(b) - rank(a))];
  for (const kind of order) {
    if (count <= budget) return;
    const section = built.find((b) => b.kind === kind);
    if (!section?.main.length) continue;
    count -= section.main.length;
    section.appendix = [...section.main, ...section.appendix];
    section.main = [];
  }
}
