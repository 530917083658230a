// What the last fit search found (cut, size, map, shortening), so the next render of the same or
// edited notes starts from it instead of searching from scratch. A record only ever saves layouts:
// one that is stale, foreign or damaged is ignored or used as a first guess that layouts then check.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import type { BriefingNotes } from '../../notes/model.ts';

/** The answer of one fit search, and what it answered. */
export interface FitRecord {
  /** Bumped when the record's meaning changes. */
  version: typeof VERSION;
  /** The template, the code that lays the page out and the paper: records from other ones are not used at all. */
  context: string;
  /** `context` and the notes: the same key is the same search with the same answer. */
  key: string;
  /** Index into the shortening rounds (0: text in full). */
  shorten: number;
  map: boolean;
  /** The cut (index into plan.ts's drop steps). */
  step: number;
  /** Base font size, in points. */
  size: number;
  /** A hash of the fields above: a damaged or hand-edited file does not pass for a record. */
  sum: string;
}

const VERSION = 1;

const sha = (text: string) => createHash('sha256').update(text).digest('hex');

let codeHash: string | undefined;

/**
 * A hash of every file that decides the page: this folder's code and templates and the map's code
 * (so a record written by another version of either is never taken for this one's answer). Read
 * once per process: ~20 small files.
 */
function layoutCode(): string {
  if (codeHash !== undefined) return codeHash;
  const hash = createHash('sha256');
  for (const dir of ['./', '../map/']) {
    const base = new URL(dir, import.meta.url);
    for (const entry of readdirSync(base, { recursive: true, withFileTypes: true }).map((e) => `${e.parentPath}/${e.name}`).sort()) {
      if (!/\.(ts|js|typ)$/.test(entry)) continue;
      hash.update(entry.slice(entry.lastIndexOf('/render/'))).update('\0').update(readFileSync(entry)).update('\0');
    }
  }
  codeHash = hash.digest('hex');
  return codeHash;
}

/** The context and key of a search for `notes` (as the search sees them) on `paper`. */
export function fitKeys(notes: BriefingNotes, paper: string): { context: string; key: string } {
  const context = sha(`${VERSION}\0${paper}\0${layoutCode()}`);
  return { context, key: sha(`${context}\0${JSON.stringify(notes)}`) };
}

function checksum(r: Omit<FitRecord, 'sum'>): string {
  return sha(JSON.stringify([r.version, r.context, r.key, r.shorten, r.map, r.step, r.size])).slice(0, 32);
}

/** A record of a search's answer. */
export function fitRecord(keys: { context: string; key: string }, answer: { shorten: number; map: boolean; step: number; size: number }): FitRecord {
  const r = { version: VERSION, ...keys, ...answer } as const;
  return { ...r, sum: checksum(r) };
}

/** `value` as a record, or null when it is not a whole, unaltered one (any JSON, e.g. a cache file's). */
export function asFitRecord(value: unknown): FitRecord | null {
  if (typeof value !== 'object' || value === null) return null;
  const r = value as Record<string, unknown>;
  const ok =
    r.version === VERSION &&
    typeof r.context === 'string' &&
    typeof r.key === 'string' &&
    Number.isInteger(r.shorten) &&
    typeof r.map === 'boolean' &&
    Number.isInteger(r.step) &&
    (r.step as number) >= 0 &&
    typeof r.size === 'number' &&
    Number.isFinite(r.size) &&
    typeof r.sum === 'string';
  if (!ok) return null;
  const record = r as unknown as FitRecord;
  return checksum(record) === record.sum ? record : null;
}
