// Draws the map as SVG: every country outline on an Equal Earth world (or a regional view fitted to
// where the events are), countries on a side shaded with the side's colour, cities marked with the
// dates of the events there. All text is normalised and escaped.
import type { Feature, Geometry } from 'geojson';
import { geoCentroid, geoEqualEarth, geoMercator, geoPath, type GeoProjection } from 'd3-geo';
import { clipText, normalizeText } from '../slides/escape.ts';
import { textEm } from '../slides/geometry.ts';
import type { Gazetteer } from './gazetteer.ts';
import type { LocatedPlace } from './places.ts';
import type { Sides } from './sides.ts';

/** The map's size in SVG units (a 1.92 : 1 world). */
export const MAP_SIZE = { width: 960, height: 500 } as const;

/** Colours from the deck's theme (slides/theme/styles/tokens.css, light). */
export const MAP_COLOURS = {
  sea: '#fbfaf7', land: '#e6e8ec', border: '#ffffff', ink: '#1b2230', muted: '#545d6d',
  marker: '#a3271b', sides: ['#7fa6cf', '#e0a458'] as const,
} as const;

/**
 * What the map shows and at what size. `world`: the whole world, so a place's quadrant is its
 * hemisphere. `events`: the region of the marked cities (else of the countries named), so a conflict
 * in one region is not a few pixels of a world map; used when the map is shown small, on a slide.
 */
export interface MapView {
  width: number;
  height: number;
  focus: 'world' | 'events';
  /** Label size in SVG units (the picture is shown at its own size on the slide). */
  labelPx: number;
}

export const WORLD_VIEW: MapView = { ...MAP_SIZE, focus: 'world', labelPx: 14 };

/**
 * Escape text for an SVG text node or attribute: source text is never markup. Normalised first:
 * a control character or a lone surrogate would make the whole SVG ill-formed XML (a broken image).
 */
export function escapeXml(text: string): string {
  return normalizeText(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export interface MapMarker {
  x: number;
  y: number;
  label: string;
}

/** The projection: the whole world, so a place's quadrant on the map is its hemisphere. */
export function worldProjection(view: MapView = WORLD_VIEW): GeoProjection {
  return geoEqualEarth().fitExtent([[8, 8], [view.width - 8, view.height - 8]], { type: 'Sphere' });
}

/** A regional view is at least this many degrees wide (a country and its neighbours), with this margin around the places. */
const REGION = { minSpan: 30, margin: 5 };

/**
 * Where the events are, in degrees: the marked cities, else the centres of the countries named.
 * Countries are taken by their centre, not their outline: Russia's or the United States' outline
 * alone would span half the world.
 */
function focusPoints(gaz: Gazetteer, located: readonly LocatedPlace[]): [number, number][] {
  const cities = located.flatMap((p): [number, number][] => (p.kind === 'city' && p.lon !== undefined && p.lat !== undefined ? [[p.lon, p.lat]] : []));
  if (cities.length > 0) return cities;
  const shapes = new Map(gaz.countries.map((c) => [c.name, c.shape]));
  return located.flatMap((p): [number, number][] => {
    const shape = p.country ? shapes.get(p.country) : undefined;
    return shape ? [geoCentroid(shape) as [number, number]] : [];
  });
}

/**
 * The projection for a view: the world, or a Mercator view (the shape a reader knows from news
 * maps) around the focus points; the world again when they are spread over more than half of it.
 */
export function projectionFor(view: MapView, gaz: Gazetteer, located: readonly LocatedPlace[]): GeoProjection {
  if (view.focus === 'world') return worldProjection(view);
  const points = focusPoints(gaz, located);
  if (points.length === 0) return worldProjection(view);
  const lons = points.map((p) => p[0]);
  const lats = points.map((p) => p[1]);
  let [west, east] = [Math.min(...lons) - REGION.margin, Math.max(...lons) + REGION.margin];
  let [south, north] = [Math.min(...lats) - REGION.margin, Math.max(...lats) + REGION.margin];
  if (east - west > 180 || north - south > 100) return worldProjection(view);
  const grow = (lo: number, hi: number, span: number): [number, number] => (hi - lo >= span ? [lo, hi] : [(lo + hi) / 2 - span / 2, (lo + hi) / 2 + span / 2]);
  [west, east] = grow(west, east, REGION.minSpan);
  [south, north] = grow(south, north, (REGION.minSpan * view.height) / view.width);
  [south, north] = [Math.max(south, -75), Math.min(north, 80)];
  const frame = { type: 'MultiPoint' as const, coordinates: [[west, south], [east, south], [east, north], [west, north], [(west + east) / 2, south], [(west + east) / 2, north]] };
  // Clipped to the picture: outlines beyond it would only make the file larger.
  return geoMercator().fitExtent([[8, 8], [view.width - 8, view.height - 8]], frame).clipExtent([[-2, -2], [view.width + 2, view.height + 2]]);
}

/** Longitudes or latitudes an outline's edges reach, in degrees: see offViewTest. */
type Range = readonly [number, number];
/** Any edge across the antimeridian, or anything but polygons: never taken as out of view. */
const EVERYWHERE = null;

/** Each outline's ranges, measured when first asked: the outlines are the gazetteer's, read once. */
const lonRanges = new WeakMap<Feature<Geometry>, Range | typeof EVERYWHERE>();
const latRanges = new WeakMap<Feature<Geometry>, Range | typeof EVERYWHERE>();

function polygonsOf(g: Geometry | null): number[][][][] | null {
  return g?.type === 'Polygon' ? [g.coordinates] : g?.type === 'MultiPolygon' ? g.coordinates : null;
}

/** The edges' longitudes: an edge (a great-circle arc, as d3 draws it) runs from one end's longitude to the other's. */
function lonRange(shape: Feature<Geometry>): Range | typeof EVERYWHERE {
  if (lonRanges.has(shape)) return lonRanges.get(shape)!;
  let range: Range | typeof EVERYWHERE = EVERYWHERE;
  const polygons = polygonsOf(shape.geometry);
  if (polygons) {
    let [west, east] = [Infinity, -Infinity];
    let across = false;
    for (const ring of polygons.flat()) {
      for (let i = 0; i < ring.length; i++) {
        const lon = ring[i]![0]!;
        if (Math.abs(ring[(i + 1) % ring.length]![0]! - lon) > 180) across = true;
        west = Math.min(west, lon);
        east = Math.max(east, lon);
      }
    }
    if (!across && west <= east) range = [west, east];
  }
  lonRanges.set(shape, range);
  return range;
}

/**
 * The edges' latitudes, widened for the arcs' bulge: a great-circle arc may reach past both its ends
 * towards a pole, but each of its points is within half the arc's length of an end, latitude changes
 * no faster than distance, and the arc is no longer than going along a meridian and then a parallel
 * (|Δlat| + |Δlon|). So half of that, added at each edge, bounds what d3 draws.
 */
function latRange(shape: Feature<Geometry>): Range | typeof EVERYWHERE {
  if (latRanges.has(shape)) return latRanges.get(shape)!;
  let range: Range | typeof EVERYWHERE = EVERYWHERE;
  const polygons = polygonsOf(shape.geometry);
  if (polygons && lonRange(shape)) {
    let [south, north] = [Infinity, -Infinity];
    for (const ring of polygons.flat()) {
      for (let i = 0; i < ring.length; i++) {
        const [lon, lat] = ring[i] as [number, number];
        const [lon2, lat2] = ring[(i + 1) % ring.length] as [number, number];
        const bulge = (Math.abs(lat2 - lat) + Math.abs(lon2 - lon)) / 2;
        south = Math.min(south, Math.min(lat, lat2) - bulge);
        north = Math.max(north, Math.max(lat, lat2) + bulge);
      }
    }
    if (south <= north) range = [south, north];
  }
  latRanges.set(shape, range);
  return range;
}

/**
 * Whether an outline lies wholly outside a regional view, so that projecting it (the resampling and
 * clipping of every vertex, most of a regional map's drawing time) can only give an empty path.
 * Only for projectionFor's regional Mercator (clipped to the picture, not rotated), where x grows
 * with longitude alone and y falls with latitude alone, so the extent's corners bound the drawing.
 * The world view is never tested: it shows every outline. Checked against d3 in test/map-offview.test.ts.
 */
export function offViewTest(projection: GeoProjection, view: MapView): (shape: Feature<Geometry>) => boolean {
  const clip = projection.clipExtent();
  const [r0, r1, r2] = projection.rotate();
  if (view.focus === 'world' || !clip || r0 !== 0 || r1 !== 0 || r2 !== 0) return () => false;
  const [[left, top], [right, bottom]] = clip;
  const x = (lon: number) => projection([lon, 0])?.[0] ?? Number.NaN;
  // Mercator's poles are infinitely far: latitudes are capped short of them (conservatively, below).
  const y = (lat: number) => projection([0, Math.max(-89, Math.min(89, lat))])?.[1] ?? Number.NaN;
  // A margin of a unit: what touches the clip line is left to d3. Longitudes first: cheap, and
  // they put most of the world out of a regional view.
  return (shape) => {
    const lon = lonRange(shape);
    if (!lon) return false;
    if (x(lon[1]) < left - 1 || x(lon[0]) > right + 1) return true;
    const lat = latRange(shape);
    if (!lat) return false;
    // Wholly above the top (its southernmost point is), or wholly below the bottom.
    return (lat[0] > -89 && y(lat[0]) < top - 1) || (lat[1] < 89 && y(lat[1]) > bottom + 1);
  };
}

/** Marker positions and labels for the located cities, in name order. */
export function markersOf(located: readonly LocatedPlace[], projection: GeoProjection = worldProjection()): MapMarker[] {
  const out: MapMarker[] = [];
  for (const p of located) {
    if (p.kind !== 'city' || p.lon === undefined || p.lat === undefined) continue;
    const xy = projection([p.lon, p.lat]);
    if (!xy) continue;
    const dates = p.dates.length > 3 ? [...p.dates.slice(0, 2), `+${p.dates.length - 2}`] : p.dates;
    out.push({ x: round(xy[0]), y: round(xy[1]), label: dates.length ? `${p.name} · ${dates.join(', ')}` : p.name });
  }
  return out;
}

const round = (n: number) => Math.round(n * 10) / 10;

interface Rect { x: number; y: number; w: number; h: number }
const overlaps = (a: Rect, b: Rect) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/** Put each label beside its marker where it overlaps no earlier label (nor `taken`): right, left, below, above. */
function placeLabels(markers: readonly MapMarker[], view: MapView, taken: Rect[] = []): { m: MapMarker; x: number; y: number; anchor: 'start' | 'end' }[] {
  const px = view.labelPx;
  return markers.map((m) => {
    const w = textEm(m.label) * px;
    const h = px * 1.2;
    const tries: { x: number; y: number; anchor: 'start' | 'end'; box: Rect }[] = [
      { x: m.x + 6, y: m.y + 4, anchor: 'start', box: { x: m.x + 6, y: m.y - 8, w, h } },
      { x: m.x - 6, y: m.y + 4, anchor: 'end', box: { x: m.x - 6 - w, y: m.y - 8, w, h } },
      { x: m.x + 6, y: m.y + 18, anchor: 'start', box: { x: m.x + 6, y: m.y + 6, w, h } },
      { x: m.x + 6, y: m.y - 10, anchor: 'start', box: { x: m.x + 6, y: m.y - 22, w, h } },
    ];
    const fits = (t: Rect) => t.x >= 0 && t.x + t.w <= view.width && t.y >= 0 && t.y + t.h <= view.height && !taken.some((r) => overlaps(r, t));
    const pick = tries.find((t) => fits(t.box)) ?? tries[m.x > view.width / 2 ? 1 : 0]!;
    taken.push(pick.box);
    return { m, x: round(pick.x), y: round(pick.y), anchor: pick.anchor };
  });
}

/**
 * Country names a regional map prints at the country's centre: those the notes name, when the name
 * fits in view and covers no city marker (a small country's name would hide its cities).
 */
function countryLabels(gaz: Gazetteer, located: readonly LocatedPlace[], projection: GeoProjection, view: MapView, markers: readonly MapMarker[]): { x: number; y: number; text: string; box: Rect }[] {
  const shapes = new Map(gaz.countries.map((c) => [c.name, c.shape]));
  const px = view.labelPx - 2;
  return located.flatMap((p) => {
    const shape = p.kind === 'country' && p.country ? shapes.get(p.country) : undefined;
    const xy = shape ? projection(geoCentroid(shape)) : null;
    if (!xy) return [];
    const text = clipText(p.name, 30);
    const w = textEm(text) * px;
    const box = { x: xy[0] - w / 2, y: xy[1] - px, w, h: px * 1.2 };
    if (box.x < 4 || box.y < 4 || box.x + w > view.width - 4 || box.y + box.h > view.height - 4) return [];
    if (markers.some((m) => overlaps(box, { x: m.x - 6, y: m.y - 6, w: 12, h: 12 }))) return [];
    return [{ x: round(xy[0]), y: round(xy[1]), text, box }];
  });
}

/** The SVG document for the located places, drawn for `view` (the whole world unless told). */
export function drawMap(gaz: Gazetteer, located: readonly LocatedPlace[], sides: Sides, view: MapView = WORLD_VIEW): string {
  const projection = projectionFor(view, gaz, located);
  const path = geoPath(projection).digits(1);
  const { width, height, labelPx } = view;
  const shade = new Map<string, 0 | 1>();
  for (const p of located) if (p.kind === 'country' && p.country && p.side !== undefined) shade.set(p.country, p.side);
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="DejaVu Sans, Noto Sans, sans-serif">`,
    view.focus === 'world'
      ? `<path d="${path({ type: 'Sphere' }) ?? ''}" fill="${MAP_COLOURS.sea}" stroke="${MAP_COLOURS.muted}" stroke-width="0.6"/>`
      : `<rect width="${width}" height="${height}" fill="${MAP_COLOURS.sea}"/>`,
    `<g stroke="${MAP_COLOURS.border}" stroke-width="${view.focus === 'world' ? 0.5 : 1}">`,
  ];
  const offView = offViewTest(projection, view);
  for (const c of gaz.countries) {
    const side = shade.get(c.name);
    const fill = side === undefined ? MAP_COLOURS.land : MAP_COLOURS.sides[side];
    // Still listed when out of view (an empty outline), so the SVG is the same as when it was projected.
    const d = offView(c.shape) ? '' : (path(c.shape) ?? '');
    parts.push(`<path d="${d}" fill="${fill}"><title>${escapeXml(c.name)}</title></path>`);
  }
  parts.push('</g>');
  // The legend and the names of countries go down first; city labels are placed around them.
  const legend = ([0, 1] as const).filter((s) => shade.size && [...shade.values()].includes(s) && sides.leaders[s]);
  const legendBoxes = legend.map((s, i) => {
    const y = height - 14 - (legend.length - 1 - i) * (labelPx + 4);
    const text = `side of ${clipText(sides.leaders[s] ?? '', 40)}`;
    return { s, y, text, box: { x: 12, y: y - labelPx, w: 24 + textEm(text) * labelPx, h: labelPx * 1.3 } };
  });
  const markers = markersOf(located, projection);
  const countries = view.focus === 'world' ? [] : countryLabels(gaz, located, projection, view, markers);
  const labels = placeLabels(markers, view, [...legendBoxes.map((l) => l.box), ...countries.map((c) => c.box)]);
  for (const c of countries) {
    parts.push(`<text x="${c.x}" y="${c.y}" font-size="${labelPx - 2}" text-anchor="middle" fill="${MAP_COLOURS.muted}" letter-spacing="0.04em">${escapeXml(c.text)}</text>`);
  }
  for (const { m } of labels) parts.push(`<circle class="marker" cx="${m.x}" cy="${m.y}" r="${view.focus === 'world' ? 4 : 5}" fill="${MAP_COLOURS.marker}" stroke="#ffffff" stroke-width="1.2"/>`);
  for (const l of labels) {
    parts.push(`<text x="${l.x}" y="${l.y}" font-size="${labelPx}" text-anchor="${l.anchor}" fill="${MAP_COLOURS.ink}" stroke="#ffffff" stroke-width="3" paint-order="stroke">${escapeXml(l.m.label)}</text>`);
  }
  for (const l of legendBoxes) {
    parts.push(`<rect x="16" y="${l.y - 10}" width="14" height="12" fill="${MAP_COLOURS.sides[l.s]}"/>`);
    parts.push(`<text x="36" y="${l.y}" font-size="${labelPx}" fill="${MAP_COLOURS.ink}" stroke="#ffffff" stroke-width="3" paint-order="stroke">${escapeXml(l.text)}</text>`);
  }
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}
