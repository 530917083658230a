// A drawn map kept between processes (the deck keeps it beside its map.svg): the places found and the
// SVG, keyed by everything that decides them, so a re-render of unchanged places and actors neither
// loads the gazetteer nor draws the world again. A record only ever saves time: one that is damaged,
// foreign or stale is not used, and the map is drawn as if there were none.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BriefingNotes } from '../../notes/model.ts';
import type { BriefingMap, LocatedPlace, MapView } from './index.ts';

/** A kept drawing and what it was drawn from. */
export interface MapRecord {
  /** Names what the file is, so a JSON file of some other kind is never read as one. */
  format: typeof FORMAT;
  /** Bumped when the record's meaning changes. */
  version: typeof VERSION;
  /** The code, its data, the view and the notes' fields the map reads: the same key is the same drawing. */
  key: string;
  svg: string;
  located: LocatedPlace[];
  unlocated: string[];
  /** A hash of the fields above: a damaged or hand-edited file does not pass for a record. */
  sum: string;
}

const FORMAT = 'briefing-map';
const VERSION = 1;

const sha = (text: string | Uint8Array) => createHash('sha256').update(text).digest('hex');

let codeHash: string | undefined;

/**
 * A hash of what draws the map besides the notes: this folder's code and gazetteer data, and the
 * versions of the packages that hold the world's outlines and project them. Read once per process.
 */
function mapCode(): string {
  if (codeHash !== undefined) return codeHash;
  const hash = createHash('sha256');
  const dir = fileURLToPath(new URL('./', import.meta.url));
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true }).map((e) => path.join(e.parentPath, e.name)).sort()) {
    if (!/\.(ts|js|json)$/.test(entry)) continue;
    hash.update(path.relative(dir, entry)).update('\0').update(readFileSync(entry)).update('\0');
  }
  const require = createRequire(import.meta.url);
  for (const [name, entry] of [['world-atlas', 'world-atlas/countries-110m.json'], ['d3-geo', 'd3-geo'], ['topojson-client', 'topojson-client']] as const) {
    hash.update(`${name}@${packageVersion(require.resolve(entry), name)}\0`);
  }
  codeHash = hash.digest('hex');
  return codeHash;
}

/** The version in the package.json of the package `name` that holds `file` ("?" when not found: the key then still names the code). */
function packageVersion(file: string, name: string): string {
  for (let dir = path.dirname(file); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    if (!dir.endsWith(`${path.sep}${name}`)) continue;
    try {
      return String((JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version?: unknown }).version);
    } catch {
      return '?';
    }
  }
  return '?';
}

/**
 * The key of the map of `notes` through `view`: the notes' fields that finding places (places.ts)
 * and sides (sides.ts) read, and nothing else, so an edit elsewhere keeps the drawing.
 */
export function mapRecordKey(notes: BriefingNotes, view: MapView): string {
  const read = [notes.actors, notes.timeline.map((e) => [e.date, e.text]), notes.bottomLine.map((c) => c.text), notes.keyPoints.map((c) => c.text)];
  return sha(`${FORMAT}\0${VERSION}\0${mapCode()}\0${JSON.stringify(view)}\0${JSON.stringify(read)}`);
}

function checksum(r: Omit<MapRecord, 'sum'>): string {
  return sha(JSON.stringify([r.format, r.version, r.key, r.svg, r.located, r.unlocated])).slice(0, 32);
}

/** The record of `map`, drawn for the notes and view of `key`. */
export function mapRecord(key: string, map: BriefingMap): MapRecord {
  const r = { format: FORMAT, version: VERSION, key, svg: map.svg, located: map.located, unlocated: map.unlocated } as const;
  return { ...r, sum: checksum(r) };
}

const isPlace = (p: unknown): p is LocatedPlace => {
  if (typeof p !== 'object' || p === null) return false;
  const q = p as Record<string, unknown>;
  const num = (v: unknown) => v === undefined || (typeof v === 'number' && Number.isFinite(v));
  return (
    typeof q.name === 'string' &&
    (q.kind === 'country' || q.kind === 'city') &&
    num(q.lon) &&
    num(q.lat) &&
    (q.country === undefined || typeof q.country === 'string') &&
    Array.isArray(q.dates) &&
    q.dates.every((d) => typeof d === 'string') &&
    (q.side === undefined || q.side === 0 || q.side === 1)
  );
};

/** Whether `value` (any JSON, e.g. a file's) names itself a map record: a file that does not is someone else's. */
export const isMapRecordFile = (value: unknown): boolean => typeof value === 'object' && value !== null && (value as Record<string, unknown>).format === FORMAT;

/** The map kept in `value` when it is a whole, unaltered record of this `key`; else null. */
export function keptMap(value: unknown, key: string): BriefingMap | null {
  if (!isMapRecordFile(value)) return null;
  const r = value as Record<string, unknown>;
  const ok =
    r.version === VERSION &&
    r.key === key &&
    typeof r.svg === 'string' &&
    Array.isArray(r.located) &&
    r.located.every(isPlace) &&
    Array.isArray(r.unlocated) &&
    r.unlocated.every((n) => typeof n === 'string') &&
    typeof r.sum === 'string';
  if (!ok) return null;
  const record = r as unknown as MapRecord;
  return checksum(record) === record.sum ? { svg: record.svg, located: record.located, unlocated: record.unlocated } : null;
}
