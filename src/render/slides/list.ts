// The shared machinery of list sections: an item's citation, and a section's items split into the
// one main slide (as many as fit, in priority order, enlarged to fill it) and appendix slides for
// the rest, so the main deck never has "(2/3)" continuation slides.
import { clipText } from './escape.ts';
import { FILL, fitBlock, fitZoom } from './fit.ts';
import { CONTENT } from './geometry.ts';
import { html, note, SafeHtml, type SafeNote } from './markup.ts';
import { slideCiteText } from './notes.ts';
import { paginate, rowsOf } from './paginate.ts';
import type { LayoutName, Slide, SlideKind } from './slide.ts';

/** Longest citation id shown on a slide (ids are short; a hand-edited one may not be). */
const CITE_CHARS = 12;

/** An appendix page filled less than this even enlarged is not worth a slide: its items go to the speaker notes. */
const MIN_APPENDIX_FILL = 0.4;

/** An item's citations, small: `[s1, s3]` (see slideCiteText). */
export function cite(cites: readonly string[]): SafeHtml {
  let made = citeHtml.get(cites);
  if (made === undefined) citeHtml.set(cites, (made = html`<span class="b-cite">${slideCiteText(cites, (c) => clipText(c, CITE_CHARS))}</span>`));
  return made;
}

/**
 * Each citation list's HTML, by list: at scale one claim citing thousands of sources is shown
 * under each of them (unknowns.ts), and its list was joined and escaped every time.
 */
const citeHtml = new WeakMap<readonly string[], SafeHtml>();

export interface Section<T> {
  kind: SlideKind;
  layout: LayoutName;
  heading: string;
  /** Heading of the appendix slides holding what the main slide had no room for ("More key points"). */
  appendixHeading: string;
  items: readonly T[];
  /** Indices of the items, most worth showing first (default: as given); items are shown in the given order. */
  priority?: readonly number[];
  /** One item's HTML; `index` is its place in the whole section. */
  item: (item: T, index: number) => SafeHtml;
  /** Its estimated height in px at `zoom`, margins included (see geometry.ts `atZoom`). */
  height: (item: T, zoom: number) => number;
  notes: (item: T) => SafeNote[];
  /** The element the items sit in, as opening and closing tags (ours, constant). */
  list: [string, string];
  /** Items per row in a grid: a row is as tall as its tallest item, plus `rowGap`. */
  columns?: number;
  rowGap?: number;
  /** Height available (default: the content box). */
  room?: number;
  /** At most this many items on the main slide, for readability. */
  maxItems: number;
  /** At most this many items on an appendix slide (default: twice `maxItems`). */
  appendixItems?: number;
  /** Largest zoom for a slide with room to spare (default 1.6). */
  maxZoom?: number;
  /** HTML above the list, given the slide's items, and its height at zoom 1 (e.g. the timeline's overview). */
  before?: { html: (page: readonly T[]) => SafeHtml[]; height: number; mainOnly?: boolean };
}

/** A section's slides: the main one (none when it has no items) and the appendix pages. */
export interface SectionSlides {
  main: Slide[];
  appendix: Slide[];
}

export interface Indexed<T> {
  it: T;
  index: number;
}

/**
 * The section with each item's height at each zoom measured once. Planning asks the same heights
 * again and again (every page break tried, every zoom of every page), and an item's height is
 * pure, so a large section's plan no longer grows with items × trials. Kept for one plan only.
 */
function measuredOnce<T>(section: Section<T>): Section<T> {
  if (memoised.has(section.height)) return section;
  // By zoom, then item: a few dozen zooms, so a few dozen maps however many items.
  const known = new Map<number, Map<T, number>>();
  const height = (item: T, zoom: number): number => {
    let atZoom = known.get(zoom);
    if (atZoom === undefined) known.set(zoom, (atZoom = new Map()));
    let h = atZoom.get(item);
    if (h === undefined) atZoom.set(item, (h = section.height(item, zoom)));
    return h;
  };
  memoised.add(height);
  return { ...section, height };
}

/** Height functions made by measuredOnce, so a section is not wrapped twice. */
const memoised = new WeakSet<object>();

/** The height of some items shown together at `zoom`: rows of the grid, plus what stands above them. */
function blockHeight<T>(section: Section<T>, items: readonly Indexed<T>[], zoom: number): number {
  const columns = section.columns ?? 1;
  const gap = columns > 1 ? (section.rowGap ?? 0) * zoom : 0;
  const rows = rowsOf(items, columns).reduce((sum, row) => sum + Math.max(...row.map((r) => section.height(r.it, zoom))) + gap, 0);
  return rows + (section.before ? section.before.height * zoom : 0);
}

/**
 * Most appendix slides one section gets. A corpus of thousands of sources gave thousands of them
 * (every source, every undated one): a deck nobody can present, most of a large build's deck time.
 * Past this the most important items that fill these slides are shown, and the last one counts
 * the rest, which the notes file lists.
 */
export const APPENDIX_SLIDES = 40;
/** The line counting what the appendix leaves out: 20 px of 14 px text and 8 px above it, zoomed with the block. */
const LEFT_OUT_HEIGHT = 28;

/** `12,345`: counts in our words, the same on every host. */
const count = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

function slideOf<T>(section: Section<T>, heading: string, items: readonly Indexed<T>[], zoom: number, extraNotes: SafeNote[] = [], leftOut = 0): Slide {
  const [open, close] = section.list;
  const left = leftOut > 0 ? `${count(leftOut)} more not on a slide: the notes file lists every one.` : '';
  return {
    kind: section.kind,
    layout: section.layout,
    heading,
    frontmatter: {},
    body: [
      // The zoom is our number; it enlarges the whole block so a short section still fills its slide.
      html`<div class="b-fit" style="zoom:${String(zoom)}">`,
      ...(section.before?.html(items.map((r) => r.it)) ?? []),
      new SafeHtml(open),
      ...items.map((r) => section.item(r.it, r.index)),
      new SafeHtml(close),
      ...(left ? [html`<p class="b-note" style="margin-top:8px">${left}</p>`] : []),
      html`</div>`,
    ],
    notes: [...items.flatMap((r) => section.notes(r.it)), ...extraNotes, ...(left ? [note`- ${left}`] : [])],
    items: items.length,
    ...(leftOut > 0 ? { leftOut } : {}),
    height: blockHeight(section, items, zoom) + (left ? zoom * LEFT_OUT_HEIGHT : 0),
    zoom,
  };
}

/**
 * The main slide takes the most items that fit (in priority order, shown in the section's order);
 * the rest go to appendix slides paged by height, each enlarged to fill its page. A rest too short
 * to fill even a part of a page goes to the main slide's speaker notes instead.
 */
export function sectionSlides<T>(all: Section<T>): SectionSlides {
  if (all.items.length === 0) return { main: [], appendix: [] };
  const section = measuredOnce(all);
  const room = section.room ?? CONTENT.height;
  const maxZoom = section.maxZoom ?? 1.6;
  const order = section.priority ?? section.items.map((_, i) => i);
  const ranked: Indexed<T>[] = order.map((index) => ({ it: section.items[index] as T, index }));
  const byIndex = (a: Indexed<T>, b: Indexed<T>): number => a.index - b.index;
  const shownAt = (count: number): Indexed<T>[] => ranked.slice(0, count).sort(byIndex);
  const fit = fitBlock(ranked.length, (count, zoom) => blockHeight(section, shownAt(count), zoom), room, section.maxItems, maxZoom);
  const shown = shownAt(fit.count);
  const restRanked = ranked.slice(fit.count);
  const rest = [...restRanked].sort(byIndex);
  if (rest.length === 0) return { main: [slideOf(section, section.heading, shown, fit.zoom)], appendix: [] };

  const { appendix, notes, leftOut } = appendixSlides(section, rest, restRanked);
  const more = leftOut > 0 ? ` (${count(rest.length - leftOut)} of them; the notes file lists the rest)` : '';
  const pointer = appendix.length > 0 ? [note`- ${String(rest.length)} more in the appendix: ${section.appendixHeading}${more}.`] : notes;
  return { main: [slideOf(section, section.heading, shown, fit.zoom, pointer)], appendix };
}

/**
 * Appendix pages for `rest` (items with their index in the section), paged by height at zoom 1 and
 * each enlarged to fill its page; or, when all of it would fill less than a part of one page even
 * enlarged, no page and speaker-note lines for it instead.
 */
export function appendixSlides<T>(all: Section<T>, rest: readonly Indexed<T>[], ranked: readonly Indexed<T>[] = rest): { appendix: Slide[]; notes: SafeNote[]; leftOut: number } {
  if (rest.length === 0) return { appendix: [], notes: [], leftOut: 0 };
  let section = measuredOnce(all);
  if (section.before?.mainOnly) section = { ...section, before: undefined };
  const room = section.room ?? CONTENT.height;
  const maxZoom = section.maxZoom ?? 1.6;
  const columns = section.columns ?? 1;
  const perPage = Math.max(1, Math.floor((section.appendixItems ?? section.maxItems * 2) / columns));
  const bare = { ...section, before: undefined };
  const pagesOf = (items: readonly Indexed<T>[], reserve: number) =>
    paginate(rowsOf(items, columns), (row) => blockHeight(bare, row, 1), room * FILL.high - (section.before?.height ?? 0) - reserve, perPage).map((p) => p.flat());
  let pages = pagesOf(rest, 0);
  let leftOut = 0;
  if (pages.length > APPENDIX_SLIDES) {
    // As many items as the first pages held, the most important of them, each page keeping room for the count of the rest.
    const keep = new Set(ranked.slice(0, pages.slice(0, APPENDIX_SLIDES).flat().length));
    pages = pagesOf(rest.filter((r) => keep.has(r)), LEFT_OUT_HEIGHT).slice(0, APPENDIX_SLIDES);
    leftOut = rest.length - pages.flat().length;
  }
  const only = pages.length === 1 ? pages[0] : undefined;
  if (only && blockHeight(section, only, maxZoom) < room * MIN_APPENDIX_FILL) {
    return { appendix: [], notes: [note`- Not on a slide (no room), in full:`, ...only.flatMap((r) => section.notes(r.it))], leftOut: 0 };
  }
  return {
    appendix: pages.map((page, i) => {
      const last = i === pages.length - 1 ? leftOut : 0;
      const zoom = fitZoom((z) => blockHeight(section, page, z) + (last ? z * LEFT_OUT_HEIGHT : 0), room, maxZoom);
      return slideOf(section, i === 0 ? section.appendixHeading : `${section.appendixHeading} continued`, page, zoom, [], last);
    }),
    notes: [],
    leftOut,
  };
}
