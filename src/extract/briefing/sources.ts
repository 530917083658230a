// The source list and the briefing's as-of date: every source with its date (or "undated"), outlet
// and flags; a source much older than the rest is flagged stale (see staleness.ts).

import type { SourceEntry, SourceFlag } from '../../notes/model.ts';
import { oneLine, type NotesContext } from './context.ts';

/** The as-of date: the newest source date, or "unknown" when no source is dated. */
export function asOfDate(ctx: NotesContext): string {
  const dates = ctx.docs.map((d) => d.meta.date).filter((d): d is string => !!d).sort();
  return dates.at(-1) ?? 'unknown';
}

export function sources(ctx: NotesContext, stale: ReadonlySet<number>): SourceEntry[] {
  return ctx.docs.map((doc, d) => {
    const flags = new Set<SourceFlag>(doc.flags);
    if (!doc.meta.date) flags.add('undated');
    if (stale.has(d)) flags.add('stale');
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
