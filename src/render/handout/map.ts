// The small map on the handout: the briefing's map (render/map) and its one-line key, or nothing when
// the map would mark no place (a bare world tells a reader nothing).
import type { BriefingNotes } from '../../notes/model.ts';
import { renderMap } from '../map/index.ts';
import { sidesOf } from '../map/sides.ts';
import { MAP_COLOURS } from '../map/svg.ts';
import type { MapKey } from './payload.ts';

export interface HandoutMap {
  /** The SVG document, handed to Typst as bytes (`sys.inputs.map`), never as markup. */
  svg: string;
  key: MapKey;
}

/** Cities named in the key before the rest are counted (`+ 3 more`): the key is one line. */
const KEY_CITIES = 4;

/** The map for `notes`, when it shades a country by side or marks a city; else null. */
export function handoutMap(notes: BriefingNotes): HandoutMap | null {
  const map = renderMap(notes);
  const shaded = new Set(map.located.filter((p) => p.kind === 'country' && p.side !== undefined).map((p) => p.side));
  const cities = map.located.filter((p) => p.kind === 'city').map((p) => p.name);
  if (shaded.size === 0 && cities.length === 0) return null;
  const { leaders } = sidesOf(notes.actors);
  // The same sides the SVG's own legend names (svg.ts), legible here at the key's size.
  const sides = ([0, 1] as const).filter((s) => shaded.has(s) && leaders[s]).map((s) => ({ label: `side of ${leaders[s]!}`, colour: MAP_COLOURS.sides[s] }));
  const named = cities.slice(0, KEY_CITIES).join(', ');
  const rest = cities.length - KEY_CITIES;
  return {
    svg: map.svg,
    key: { sides, cities: rest > 0 ? `${named} + ${rest} more` : named, marker: MAP_COLOURS.marker },
  };
}
