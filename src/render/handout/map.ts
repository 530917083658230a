// The small map on the handout: the briefing's map (render/map) and its one-line key, or nothing when
// the map would mark no place (a bare world tells a reader nothing).
import { geoPath } from 'd3-geo';
import type { BriefingNotes } from '../../notes/model.ts';
import { gazetteer } from '../map/gazetteer.ts';
import type { BriefingMap, LocatedPlace } from '../map/index.ts';
import { findPlaces } from '../map/places.ts';
import { sidesOf } from '../map/sides.ts';
import { drawMap, MAP_COLOURS, MAP_SIZE, markersOf, WORLD_VIEW, worldProjection } from '../map/svg.ts';
import type { MapKey } from './payload.ts';

export interface HandoutMap {
  /** The SVG document, handed to Typst as bytes (`sys.inputs.map`), never as markup. */
  svg: string;
  key: MapKey;
}

/** Cities named in the key before the rest are counted (`+ 3 more`): the key is one line. */
const KEY_CITIES = 4;

/** The last map drawn, by what it is drawn from: `briefing dev` renders notes over and over, and drawing the world costs about a layout. */
let last: { key: string; map: HandoutMap | null } | undefined;

/** The map for `notes`, when it shades a country by side or marks a city; else null. */
export function handoutMap(notes: BriefingNotes): HandoutMap | null {
  // Everything findPlaces and sidesOf read (places.ts, sides.ts).
  const key = JSON.stringify([notes.actors, notes.timeline.map((e) => [e.date, e.text]), notes.bottomLine.map((c) => c.text), notes.keyPoints.map((c) => c.text)]);
  if (last?.key !== key) last = { key, map: drawHandoutMap(notes) };
  return last.map;
}

/**
 * renderMap's steps, with the places found before the world is drawn: a map that would mark nothing
 * is not drawn at all (drawing the world costs about a layout, on the handout's critical path).
 */
function drawHandoutMap(notes: BriefingNotes): HandoutMap | null {
  const gaz = gazetteer();
  const { located, unlocated } = findPlaces(notes, gaz);
  if (!marksAnything(located)) return null;
  return handoutMapOf(notes, { svg: drawMap(gaz, located, sidesOf(notes.actors), WORLD_VIEW), located, unlocated });
}

/** Whether a map of `located` shades a country by side or marks a city. */
const marksAnything = (located: readonly LocatedPlace[]): boolean => located.some((p) => p.kind === 'city' || (p.kind === 'country' && p.side !== undefined));

/** The handout's map made from the briefing's map (renderMap(notes)); null when it marks nothing. */
export function handoutMapOf(notes: BriefingNotes, map: BriefingMap): HandoutMap | null {
  const shaded = new Set(map.located.filter((p) => p.kind === 'country' && p.side !== undefined).map((p) => p.side));
  const cities = map.located.filter((p) => p.kind === 'city').map((p) => p.name);
  if (shaded.size === 0 && cities.length === 0) return null;
  const { leaders } = sidesOf(notes.actors);
  // The same sides the SVG's own legend names (svg.ts), legible here at the key's size.
  const sides = ([0, 1] as const).filter((s) => shaded.has(s) && leaders[s]).map((s) => ({ label: `side of ${leaders[s]!}`, colour: MAP_COLOURS.sides[s] }));
  const named = cities.slice(0, KEY_CITIES).join(', ');
  const rest = cities.length - KEY_CITIES;
  const view = regionOf(map.located.filter((p) => p.kind === 'city' || p.side !== undefined));
  return {
    svg: zoomed(map.svg, view),
    key: { sides, cities: rest > 0 ? `${named} + ${rest} more` : named, marker: MAP_COLOURS.marker },
  };
}

/**
 * Zoomed in at most this far: a handout's map is a column wide, where the whole world leaves a
 * region a thumbnail; further in, the map's labels (sized for the whole world) would be too large.
 */
const MAX_ZOOM = 6;
/** Zoom at which the map's labels and markers are kept their drawn size on the page; further in, they shrink back to it. */
const LABEL_ZOOM = 2;
/** Room kept around the places marked, as a share of their extent. */
const PADDING = 0.25;

/** The part of the world map around `places` (projected units, the map's aspect), as a viewBox. */
export function regionOf(places: readonly LocatedPlace[]): [number, number, number, number] {
  const path = geoPath(worldProjection());
  const gaz = gazetteer();
  const boxes: Array<[[number, number], [number, number]]> = markersOf(places).map((m) => [[m.x, m.y], [m.x, m.y]]);
  for (const p of places) {
    const shape = p.kind === 'country' ? gaz.countries.find((c) => c.name === p.country)?.shape : undefined;
    if (shape) boxes.push(path.bounds(shape));
  }
  if (boxes.length === 0) return [0, 0, MAP_SIZE.width, MAP_SIZE.height];
  const [x0, y0] = [Math.min(...boxes.map((b) => b[0][0])), Math.min(...boxes.map((b) => b[0][1]))];
  const [x1, y1] = [Math.max(...boxes.map((b) => b[1][0])), Math.max(...boxes.map((b) => b[1][1]))];
  const aspect = MAP_SIZE.width / MAP_SIZE.height;
  let w = Math.max((x1 - x0) * (1 + 2 * PADDING), (y1 - y0) * (1 + 2 * PADDING) * aspect, MAP_SIZE.width / MAX_ZOOM);
  w = Math.min(w, MAP_SIZE.width);
  const h = w / aspect;
  const clamp = (v: number, max: number) => Math.min(Math.max(v, 0), max);
  const x = clamp((x0 + x1) / 2 - w / 2, MAP_SIZE.width - w);
  const y = clamp((y0 + y1) / 2 - h / 2, MAP_SIZE.height - h);
  const r = (n: number) => Math.round(n * 10) / 10;
  return [r(x), r(y), r(w), r(h)];
}

/**
 * The map shown through `view`: only attributes with the numbers we compute change (the root's
 * viewBox; the labels' and markers' sizes, so that zooming in does not blow them up), never the
 * text, which render/map escaped and which no attribute pattern here can match.
 */
function zoomed(svg: string, view: readonly number[]): string {
  const k = Math.min(1, LABEL_ZOOM / (MAP_SIZE.width / view[2]!));
  const scaled = (n: string) => String(Math.round(Number(n) * k * 100) / 100);
  // Within the opening tags only: attribute values are escaped, so a tag ends at the first `>`.
  const resize = (tag: string, names: readonly string[]) =>
    tag.replace(/ ([a-z-]+)="([\d.]+)"/g, (attr, name: string, value: string) => (names.includes(name) ? ` ${name}="${scaled(value)}"` : attr));
  return svg
    .replace(`viewBox="0 0 ${MAP_SIZE.width} ${MAP_SIZE.height}"`, `viewBox="${view.join(' ')}"`)
    .replace(/<circle class="marker"[^>]*>/g, (tag) => resize(tag, ['r', 'stroke-width']))
    .replace(/<text [^>]*>/g, (tag) => resize(tag, ['font-size', 'stroke-width']));
}
