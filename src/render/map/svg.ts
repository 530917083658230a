// Draws the map as SVG: every country outline on an Equal Earth world, countries on a side shaded
// with the side's colour, cities marked with the dates of the events there. All text is escaped.
import { geoEqualEarth, geoPath } from 'd3-geo';
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

const LABEL_PX = 14;

/** Escape text for an SVG text node or attribute: source text is never markup. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export interface MapMarker {
  x: number;
  y: number;
  label: string;
}

/** The projection: the whole world, so a place's quadrant on the map is its hemisphere. */
export function worldProjection() {
  return geoEqualEarth().fitExtent([[8, 8], [MAP_SIZE.width - 8, MAP_SIZE.height - 8]], { type: 'Sphere' });
}

/** Marker positions and labels for the located cities, in name order. */
export function markersOf(located: readonly LocatedPlace[]): MapMarker[] {
  const projection = worldProjection();
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

/** Put each label beside its marker where it overlaps no earlier label: right, left, below, above. */
function placeLabels(markers: readonly MapMarker[]): { m: MapMarker; x: number; y: number; anchor: 'start' | 'end' }[] {
  const taken: Rect[] = [];
  return markers.map((m) => {
    const w = textEm(m.label) * LABEL_PX;
    const h = LABEL_PX * 1.2;
    const tries: { x: number; y: number; anchor: 'start' | 'end'; box: Rect }[] = [
      { x: m.x + 6, y: m.y + 4, anchor: 'start', box: { x: m.x + 6, y: m.y - 8, w, h } },
      { x: m.x - 6, y: m.y + 4, anchor: 'end', box: { x: m.x - 6 - w, y: m.y - 8, w, h } },
      { x: m.x + 6, y: m.y + 18, anchor: 'start', box: { x: m.x + 6, y: m.y + 6, w, h } },
      { x: m.x + 6, y: m.y - 10, anchor: 'start', box: { x: m.x + 6, y: m.y - 22, w, h } },
    ];
    const fits = (t: Rect) => t.x >= 0 && t.x + t.w <= MAP_SIZE.width && !taken.some((r) => overlaps(r, t));
    const pick = tries.find((t) => fits(t.box)) ?? tries[m.x > MAP_SIZE.width / 2 ? 1 : 0]!;
    taken.push(pick.box);
    return { m, x: round(pick.x), y: round(pick.y), anchor: pick.anchor };
  });
}

/** The SVG document for the located places. */
export function drawMap(gaz: Gazetteer, located: readonly LocatedPlace[], sides: Sides): string {
  const path = geoPath(worldProjection()).digits(1);
  const shade = new Map<string, 0 | 1>();
  for (const p of located) if (p.kind === 'country' && p.country && p.side !== undefined) shade.set(p.country, p.side);
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${MAP_SIZE.width}" height="${MAP_SIZE.height}" viewBox="0 0 ${MAP_SIZE.width} ${MAP_SIZE.height}" font-family="DejaVu Sans, Noto Sans, sans-serif">`,
    `<path d="${path({ type: 'Sphere' }) ?? ''}" fill="${MAP_COLOURS.sea}" stroke="${MAP_COLOURS.muted}" stroke-width="0.6"/>`,
    `<g stroke="${MAP_COLOURS.border}" stroke-width="0.5">`,
  ];
  for (const c of gaz.countries) {
    const side = shade.get(c.name);
    const fill = side === undefined ? MAP_COLOURS.land : MAP_COLOURS.sides[side];
    parts.push(`<path d="${path(c.shape) ?? ''}" fill="${fill}"><title>${escapeXml(c.name)}</title></path>`);
  }
  parts.push('</g>');
  const labels = placeLabels(markersOf(located));
  for (const { m } of labels) parts.push(`<circle class="marker" cx="${m.x}" cy="${m.y}" r="4" fill="${MAP_COLOURS.marker}" stroke="#ffffff" stroke-width="1.2"/>`);
  for (const l of labels) {
    parts.push(`<text x="${l.x}" y="${l.y}" font-size="${LABEL_PX}" text-anchor="${l.anchor}" fill="${MAP_COLOURS.ink}" stroke="#ffffff" stroke-width="3" paint-order="stroke">${escapeXml(l.m.label)}</text>`);
  }
  const legend = ([0, 1] as const).filter((s) => shade.size && [...shade.values()].includes(s) && sides.leaders[s]);
  legend.forEach((s, i) => {
    const y = MAP_SIZE.height - 14 - (legend.length - 1 - i) * 18;
    parts.push(`<rect x="16" y="${y - 10}" width="14" height="12" fill="${MAP_COLOURS.sides[s]}"/>`);
    parts.push(`<text x="36" y="${y}" font-size="${LABEL_PX}" fill="${MAP_COLOURS.ink}">${escapeXml(`side of ${sides.leaders[s]}`)}</text>`);
  });
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}
