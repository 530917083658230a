// Which places a briefing names, and where they are: actors that are places, the countries that back
// a side, and places named in the timeline and key points after words that introduce a place.
import type { BriefingNotes } from '../../notes/model.ts';
import type { City, Country, Gazetteer } from './gazetteer.ts';
import { placeKey } from './gazetteer.ts';
import { sidesOf, type Side } from './sides.ts';

/** A place found on the map. */
export interface LocatedPlace {
  /** The name as the notes write it (first time seen). */
  name: string;
  kind: 'country' | 'city';
  /** Where a city is, in degrees; a country is drawn by its outline. */
  lon?: number;
  lat?: number;
  /** For a country: its Natural Earth name, the outline to shade. */
  country?: string;
  /** Dates of timeline events that name the place, sorted, without repeats. */
  dates: string[];
  /** The side the backing and opposition put it on (a country is shaded with it). */
  side?: Side;
}

export interface FoundPlaces {
  located: LocatedPlace[];
  /** Names introduced as places ("in X", an actor described as a town) that the gazetteer does not know. */
  unlocated: string[];
}

/** Words after which a capitalised name is a place ("in Paris", "near Lagos", "outside Velmora"). */
const PLACE_CUES = new Set(['in', 'near', 'outside', 'around', 'across', 'throughout', 'towards', 'toward', 'into', 'inside']);
/**
 * Words after which a known city is the place meant ("spread to Lagos", "flew from Tokyo"), but an
 * unknown name may as well be a person or a body ("said to Congress"), so it is not reported.
 */
const WEAK_CUES = new Set(['to', 'from', 'at', 'via']);
/** "the town of X", "the province of X". */
const PLACE_OF = /\b(?:town|city|village|capital|province|region|district|port)\s+of\s+$/iu;
/** Names after "in" that are times, not places. */
const NOT_PLACES = new Set([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'spring', 'summer', 'autumn', 'winter',
]);
/** An actor described as one of these ("a port city", "the capital") is a place; "port operator" is not. */
const PLACE_DESCRIPTION = /^(?:an? |the )?(?:[\p{L}-]+ ){0,2}(?:city|town|village|capital|country|region|province|district)(?:[ ,;]|$)/iu;

/** Capitalised words in a row ("Port Mercer", "United Arab Emirates"), with "of/the/al" inside. */
const NAME_RUN = /\p{Lu}[\p{L}\p{M}'’.-]*(?:\s+(?:(?:of|the|de|al|el|del|da)\s+)?\p{Lu}[\p{L}\p{M}'’.-]*)*/gu;
/** What may stand between two names of one list: "Paris, Lagos and Tokyo". */
const LIST_GLUE = /^(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)$/u;

/** How a name was introduced: as a place ("in X"), as maybe a place ("to X"), or not at all. */
export type Cue = 'place' | 'maybe' | null;

export interface Mention {
  name: string;
  /** `place`: an unknown one is reported; `maybe`: a known city is taken, an unknown name is not reported. */
  cue: Cue;
}

/** Capitalised names in a text, each with the cue that introduces it (a list after a cue shares it). */
export function nameMentions(text: string): Mention[] {
  const out: Mention[] = [];
  let lastEnd = -1;
  let listCue: Cue = null;
  for (const m of text.matchAll(NAME_RUN)) {
    const possessive = /['’]s$/u.test(m[0]);
    let name = m[0].replace(/['’]s$/u, '').replace(/[.'’-]+$/u, '');
    const start = m.index;
    const before = text.slice(0, start).match(/(\p{L}+)\s+$/u)?.[1]?.toLowerCase() ?? '';
    let cue: Cue = PLACE_CUES.has(before) || PLACE_OF.test(text.slice(0, start)) ? 'place' : WEAK_CUES.has(before) ? 'maybe' : null;
    if (cue === null && listCue !== null && LIST_GLUE.test(text.slice(lastEnd, start))) cue = listCue;
    // "In Paris, …" at a sentence start: the cue is inside the run.
    const lead = name.match(/^(\p{L}+)\s+/u);
    if (lead && PLACE_CUES.has(lead[1]!.toLowerCase())) {
      name = name.slice(lead[0].length);
      cue = 'place';
    }
    // "in Kessler's army": the cue governs the noun after the possessive, so the name may be a person.
    if (possessive && cue === 'place') cue = 'maybe';
    lastEnd = start + m[0].length;
    listCue = cue;
    if (NOT_PLACES.has(name.toLowerCase()) || name.length < 2) continue;
    out.push({ name, cue });
  }
  return out;
}

/** Find the places the notes name, located with `gaz` where it can. */
export function findPlaces(notes: BriefingNotes, gaz: Gazetteer): FoundPlaces {
  const located = new Map<string, LocatedPlace>();
  const unlocated = new Map<string, string>();
  const sides = sidesOf(notes.actors);
  // Words of the names of actors that are not places: "in Vell" is not an unknown town.
  const personWords = new Set(notes.actors.filter((a) => !PLACE_DESCRIPTION.test(a.description)).flatMap((a) => placeKey(a.name).split(' ')));

  /** Countries are found wherever they are named; a city only when introduced as a place, or as an actor. */
  const place = (name: string, opts: { cityOk: boolean; report: boolean; date?: string }): void => {
    const country: Country | undefined = gaz.country(name);
    const city: City | undefined = country ? undefined : opts.cityOk ? gaz.city(name) : undefined;
    if (!country && !city) {
      const key = placeKey(name);
      if (opts.report && !unlocated.has(key) && !key.split(' ').every((w) => personWords.has(w))) unlocated.set(key, name);
      return;
    }
    const key = country ? `country:${country.name}` : `city:${city!.name}:${city!.country}`;
    let p = located.get(key);
    if (!p) {
      p = country ? { name, kind: 'country', country: country.name, dates: [] } : { name, kind: 'city', lon: city!.lon, lat: city!.lat, dates: [] };
      located.set(key, p);
    }
    if (opts.date && !p.dates.includes(opts.date)) p.dates.push(opts.date);
    const side = sides.get(name);
    if (side !== undefined && p.side === undefined) p.side = side;
  };

  for (const actor of notes.actors) {
    const isPlace = PLACE_DESCRIPTION.test(actor.description);
    place(actor.name, { cityOk: true, report: isPlace });
    for (const other of [...actor.backedBy, ...actor.opposedBy]) place(other, { cityOk: false, report: false });
  }
  for (const event of notes.timeline) {
    for (const m of nameMentions(event.text)) place(m.name, { cityOk: m.cue !== null, report: m.cue === 'place', date: event.date });
  }
  for (const claim of [...notes.bottomLine, ...notes.keyPoints]) {
    for (const m of nameMentions(claim.text)) place(m.name, { cityOk: m.cue !== null, report: m.cue === 'place' });
  }
  // A name reported unknown in one place and found in another (as a country) is not unknown.
  const found = new Set([...located.values()].map((p) => placeKey(p.name)));
  for (const p of located.values()) p.dates.sort();
  const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  return {
    located: [...located.values()].sort(byName),
    unlocated: [...unlocated.entries()].filter(([k]) => !found.has(k)).map(([, n]) => n).sort(),
  };
}
