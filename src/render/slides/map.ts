// "Where it happens": the briefing's map as a picture (an SVG file in the deck's public/ folder,
// drawn by render/map around where the events are) with its key beside it as text: the countries
// shaded by side, the cities marked with their dates, the places named but not located.
import { createHash } from 'node:crypto';
import type { BriefingNotes } from '../../notes/model.ts';
import type { BriefingMap, MapView } from '../map/index.ts';
import { mapKeyLines, type KeyLine } from '../map/key.ts';
import { MAP_COLOURS } from '../map/svg.ts';
import { clipText } from './escape.ts';
import { atZoom, CONTENT, textHeight, type TextBox } from './geometry.ts';
import type { SectionSlides } from './list.ts';
import { html, note, SafeHtml } from './markup.ts';
import type { Slide } from './slide.ts';

/**
 * The map as drawn for the slide: the region of the events at 544 × 376 px, shown at that size
 * (so its 16 px labels are 16 px on the slide) beside a 300 px key.
 */
export const MAP_VIEW: MapView = { width: 544, height: 340, focus: 'events', labelPx: 16 };

/** Where the deck's SVG goes, relative to the deck's folder; Slidev serves public/ at the root. */
export const MAP_FILE = 'public/map.svg';

const GAP = 24;
const KEY_WIDTH = CONTENT.width - MAP_VIEW.width - GAP;
/** A key line: its label (13 px bold capitals, set wide) over the names (16 px), 12 px under it. */
const LABEL: TextBox = { px: 13, line: 18, width: KEY_WIDTH - 18, bold: true };
const NAMES: TextBox = { px: 16, line: 22, width: KEY_WIDTH };
const LINE_GAP = 12;
/** Key zooms tried, largest first: a short key is set larger, a long one smaller before names are cut. */
const KEY_ZOOMS = [1.25, 1.1, 1, 0.9, 0.8] as const;
const NAME_CHARS = 60;

/** `?v=` and the start of the SVG's hash: a changed map is fetched anew by a browser that has the old one. */
const version = (svg: string): string => createHash('sha256').update(svg).digest('hex').slice(0, 12);

interface ShownLine {
  line: KeyLine;
  names: string[];
  more: number;
}

const namesText = (l: ShownLine): string =>
  `${l.names.map((n) => clipText(n, NAME_CHARS)).join(l.line.kind === 'marked' ? '; ' : ', ')}${l.more > 0 ? ` and ${l.more} more` : ''}`;

/** The key's height at zoom `z` (the whole key is zoomed, so its boxes are 1/z as wide); labels are measured in capitals, as set. */
function keyHeight(lines: readonly ShownLine[], z: number): number {
  const box = (b: TextBox): TextBox => atZoom(b, z);
  return z * lines.reduce((sum, l) => sum + textHeight(clipText(l.line.label, 90).toUpperCase(), box(LABEL)) + textHeight(namesText(l), box(NAMES)) + LINE_GAP, 0);
}

/**
 * The key at the largest zoom that fits beside the map; when even the smallest does not, the
 * longest list loses names (said as "and N more"; all are in the speaker notes).
 */
export function fitKey(lines: readonly KeyLine[], room = MAP_VIEW.height): { shown: ShownLine[]; zoom: number } {
  const shown: ShownLine[] = lines.map((line) => ({ line, names: [...line.names], more: 0 }));
  for (;;) {
    const zoom = KEY_ZOOMS.find((z) => keyHeight(shown, z) <= room);
    if (zoom !== undefined) return { shown, zoom };
    const longest = shown.reduce((a, b) => (b.names.length > a.names.length ? b : a));
    if (longest.names.length <= 1) return { shown, zoom: KEY_ZOOMS[KEY_ZOOMS.length - 1] ?? 0.8 };
    longest.names.pop();
    longest.more++;
  }
}

function keyLineHtml(l: ShownLine): SafeHtml {
  const swatch = l.line.side !== undefined ? new SafeHtml(`<i class="b-map-swatch" style="background:${MAP_COLOURS.sides[l.line.side]}"></i>`) : '';
  return html`<p class="b-map-line b-map-${l.line.kind}"><span class="b-map-label">${swatch}<bdi>${clipText(l.line.label, 90)}</bdi></span><span class="b-map-names"><bdi>${namesText(l)}</bdi></span></p>`;
}

/** The map slide, or none when the notes name no place the gazetteer can put on a map. */
export function mapSlides(n: BriefingNotes, map: BriefingMap): SectionSlides {
  if (map.located.length === 0) return { main: [], appendix: [] };
  const lines = mapKeyLines(n, map);
  const { shown, zoom } = fitKey(lines);
  const src = new SafeHtml(`/map.svg?v=${version(map.svg)}`);
  const slide: Slide = {
    kind: 'map',
    layout: 'map',
    heading: 'Where it happens',
    frontmatter: {},
    body: [
      html`<div class="b-map">`,
      // The alt text is ours: nothing from a source goes into an attribute.
      html`<div class="b-map-picture"><img class="b-map-img" src="${src}" width="${String(MAP_VIEW.width)}" height="${String(MAP_VIEW.height)}" alt="Map of the places the briefing names; the key beside it lists them"></div>`,
      html`<div class="b-map-key" style="zoom:${String(zoom)}">${shown.map(keyLineHtml)}</div>`,
      html`</div>`,
    ],
    notes: [
      ...lines.map((l) => note`- ${l.label}: ${l.names.join(l.kind === 'marked' ? '; ' : ', ')}.`),
      note`- Places are found where the notes introduce them ("in X", a city or a country named); a name the gazetteer does not know is listed, never guessed. Countries from Natural Earth (world-atlas), cities from GeoNames.`,
    ],
    items: map.located.length + map.unlocated.length,
    height: Math.max(MAP_VIEW.height, keyHeight(shown, zoom)),
  };
  return { main: [slide], appendix: [] };
}
