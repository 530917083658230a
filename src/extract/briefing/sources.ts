// The source list and the briefing's as-of date: every source with its date (or "undated"), outlet
// and flags; a source much older than the newest one is flagged stale.

import type { SourceEntry, SourceFlag } from '../../notes/model.ts';
import { oneLine, type NotesContext } from './context.ts';

/** A source this many days older than the briefing's as-of date is stale. */
export const STALE_AFTER_DAYS = 180;

/** The as-of date: the newest source date, or "unknown" when no source is dated. */
export function asOfDate(ctx: NotesContext): string {
  const dates = ctx.docs.map((d) => d.meta.date).filter((d): d is string => !!d).sort();
  return dates.at(-1) ?? 'unknown';
}

export function sources(ctx: NotesContext, asOf: string): SourceEntry[] {
  return ctx.docs.map((doc) => {
    const flags = new Set<SourceFlag>(doc.flags);
    if (!doc.meta.date) flags.add('undated');
    if (doc.meta.date && asOf !== 'unknown' && daysBetween(doc.meta.date, asOf) > STALE_AFTER_DAYS) flags.add('stale');
    return {
      id: doc.id,
      file: field(doc.path),
      title: field(doc.meta.title ?? '') || 'untitled',
      outlet: field(doc.meta.outlet ?? '') || 'unknown outlet',
      date: doc.meta.date,
      dateSource: doc.meta.date ? doc.meta.dateSource : 'unknown',
      flags: [...flags].sort(),
    };
  });
}

/** A field of the " — "-separated source line must not itself contain the separator. */
const field = (s: string) => oneLine(s).replace(/\s—\s/g, ' – ');

function daysBetween(from: string, to: string): number {
  const a = Date.parse(from.length === 4 ? `${from}-01-01` : from.length === 7 ? `${from}-01` : from);
  const b = Date.parse(to);
  return Number.isNaN(a) || Number.isNaN(b) ? 0 : (b - a) / 86_400_000;
}
