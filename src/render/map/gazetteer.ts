// The offline gazetteer the map locates places with: Natural Earth countries (world-atlas, 110m,
// public domain) and GeoNames cities of 100,000 people or more and capitals (data/cities.json, CC BY 4.0).
import { createRequire } from 'node:module';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

/** A country outline, named as Natural Earth names it. */
export interface Country {
  name: string;
  shape: Feature<Geometry>;
}

/** A city with its position (degrees). */
export interface City {
  name: string;
  /** ISO 3166-1 alpha-2 code of its country. */
  country: string;
  lon: number;
  lat: number;
  population: number;
}

export interface Gazetteer {
  /** Every country outline, in Natural Earth's order (the map draws them all). */
  countries: readonly Country[];
  /** The country a name (or a common alias of it) denotes. */
  country(name: string): Country | undefined;
  /** The most populous city of that name, or a capital, among the cities the gazetteer keeps. */
  city(name: string): City | undefined;
}

/** Names news writing uses for countries that Natural Earth names otherwise. */
const COUNTRY_ALIASES: Record<string, string> = {
  'united states': 'United States of America', us: 'United States of America', 'u.s.': 'United States of America',
  usa: 'United States of America', 'u.s.a.': 'United States of America', america: 'United States of America',
  uk: 'United Kingdom', 'u.k.': 'United Kingdom', britain: 'United Kingdom', 'great britain': 'United Kingdom',
  uae: 'United Arab Emirates', 'u.a.e.': 'United Arab Emirates', emirates: 'United Arab Emirates',
  'democratic republic of the congo': 'Dem. Rep. Congo', 'dr congo': 'Dem. Rep. Congo', drc: 'Dem. Rep. Congo',
  'republic of the congo': 'Congo', 'ivory coast': "Côte d'Ivoire", 'czech republic': 'Czechia',
  'central african republic': 'Central African Rep.', 'dominican republic': 'Dominican Rep.',
  'south sudan': 'S. Sudan', 'western sahara': 'W. Sahara', 'bosnia and herzegovina': 'Bosnia and Herz.',
  bosnia: 'Bosnia and Herz.', 'north macedonia': 'Macedonia', 'equatorial guinea': 'Eq. Guinea',
  swaziland: 'eSwatini', eswatini: 'eSwatini', burma: 'Myanmar', 'east timor': 'Timor-Leste',
  turkiye: 'Turkey', 'türkiye': 'Turkey', 'russian federation': 'Russia', holland: 'Netherlands',
  'solomon islands': 'Solomon Is.', 'falkland islands': 'Falkland Is.', 'palestinian territories': 'Palestine',
};

/** Lower case without accents, "the" and possessive, so "the U.S.'s" and "Bogotá" match their entries. */
export function placeKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’]s$/u, '')
    .replace(/^the\s+/u, '')
    .replace(/\s+/gu, ' ')
    .trim();
}

/** A row of data/cities.json: name, country code, longitude, latitude, population, 1 if a capital. */
type CityRow = [string, string, number, number, number, 0 | 1];

let loaded: Gazetteer | undefined;

/** The gazetteer, read once from its data files. */
export function gazetteer(): Gazetteer {
  loaded ??= loadGazetteer();
  return loaded;
}

function loadGazetteer(): Gazetteer {
  const require = createRequire(import.meta.url);
  const topology = require('world-atlas/countries-110m.json') as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const shapes = feature(topology, topology.objects.countries) as FeatureCollection<Geometry, { name: string }>;
  const countries = shapes.features.map((shape) => ({ name: shape.properties.name, shape }));
  const byCountry = new Map(countries.map((c) => [placeKey(c.name), c]));
  for (const [alias, name] of Object.entries(COUNTRY_ALIASES)) {
    const c = byCountry.get(placeKey(name));
    if (c) byCountry.set(alias, c);
  }
  const byCity = new Map<string, City>();
  for (const [name, country, lon, lat, population] of (require('./data/cities.json') as { cities: CityRow[] }).cities) {
    const key = placeKey(name);
    const seen = byCity.get(key);
    // The most populous of a name wins ("Paris" is not Paris, Texas); ties go to the first in the file.
    if (seen && seen.population >= population) continue;
    byCity.set(key, { name, country, lon, lat, population });
  }
  return {
    countries,
    country: (name) => byCountry.get(placeKey(name)),
    city: (name) => byCity.get(placeKey(name)),
  };
}
