// The shared machinery of list sections: an item's citation, and a section's items paged over as
// many slides as their estimated heights need.
import { clipText } from './escape.ts';
import { CONTENT } from './geometry.ts';
import { html, SafeHtml, type SafeNote } from './markup.ts';
import { citeText } from './notes.ts';
import { pageHeading, paginate, rowsOf } from './paginate.ts';
import type { LayoutName, Slide, SlideKind } from './slide.ts';

/** Longest citation id shown on a slide (ids are short; a hand-edited one may not be). */
const CITE_CHARS = 12;

/** An item's citations, small: `[s1, s3]`. */
export const cite = (cites: readonly string[]): SafeHtml => html`<span class="b-cite">${citeText(cites.map((c) => clipText(c, CITE_CHARS)))}</span>`;

export interface Section<T> {
  kind: SlideKind;
  layout: LayoutName;
  heading: string;
  items: readonly T[];
  /** One item's HTML; `index` is its place in the whole section (numbering runs across slides). */
  item: (item: T, index: number) => SafeHtml;
  /** Its estimated height in px, margins included (see geometry.ts). */
  height: (item: T) => number;
  notes: (item: T) => SafeNote[];
  /** The element the items sit in, as opening and closing tags (ours, constant). */
  list: [string, string];
  /** Items per row in a grid: a row is as tall as its tallest item, plus `rowGap`. */
  columns?: number;
  rowGap?: number;
  /** Height available to the items (default: the content box). */
  room?: number;
  /** At most this many items a slide, for readability. */
  maxItems?: number;
  /** HTML above the list on each slide, given that slide's items (e.g. the timeline's overview). */
  before?: (page: readonly T[]) => SafeHtml[];
}

/** The slides of one list section, paged by estimated height. */
export function listSlides<T>(section: Section<T>): Slide[] {
  const columns = section.columns ?? 1;
  const indexed = section.items.map((it, index) => ({ it, index }));
  const rows = rowsOf(indexed, columns).map((row) => ({
    row,
    height: Math.max(...row.map((r) => section.height(r.it))) + (columns > 1 ? (section.rowGap ?? 0) : 0),
  }));
  const maxRows = section.maxItems === undefined ? Infinity : Math.max(1, Math.floor(section.maxItems / columns));
  const pages = paginate(rows, (r) => r.height, section.room ?? CONTENT.height, maxRows);
  const [open, close] = section.list;
  return pages.map((page, i) => {
    const items = page.flatMap((r) => r.row);
    return {
      kind: section.kind,
      layout: section.layout,
      heading: pageHeading(section.heading, i, pages.length),
      frontmatter: {},
      body: [...(section.before?.(items.map((r) => r.it)) ?? []), new SafeHtml(open), ...items.map((r) => section.item(r.it, r.index)), new SafeHtml(close)],
      notes: items.flatMap((r) => section.notes(r.it)),
      items: items.length,
      height: page.reduce((sum, r) => sum + r.height, 0),
    };
  });
}
