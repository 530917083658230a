// The map of a briefing: renderMap(notes) → the SVG, the places on it and the places it could not
// locate (listed, never guessed). Pure apart from reading the gazetteer's data files once.
import type { BriefingNotes } from '../../notes/model.ts';
import { gazetteer } from './gazetteer.ts';
import { findPlaces, type LocatedPlace } from './places.ts';
import { sidesOf } from './sides.ts';
import { drawMap, WORLD_VIEW, type MapView } from './svg.ts';

export type { LocatedPlace } from './places.ts';
export { mapKey } from './key.ts';
export { MAP_SIZE, WORLD_VIEW, type MapView } from './svg.ts';

export interface BriefingMap {
  /** A standalone SVG document (960 × 500 unless another view is asked for), text escaped. */
  svg: string;
  /** Places drawn: countries (shaded when on a side) and cities (marked, with event dates). */
  located: LocatedPlace[];
  /** Names introduced as places that the gazetteer does not know, sorted. */
  unlocated: string[];
}

export function renderMap(notes: BriefingNotes, view: MapView = WORLD_VIEW): BriefingMap {
  const gaz = gazetteer();
  const { located, unlocated } = findPlaces(notes, gaz);
  return { svg: drawMap(gaz, located, sidesOf(notes.actors), view), located, unlocated };
}

/** Whether a map is worth a slide: it shows or lists at least one place. */
export const hasPlaces = (map: BriefingMap): boolean => map.located.length > 0 || map.unlocated.length > 0;
