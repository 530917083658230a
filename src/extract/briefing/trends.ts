// Trends: a count of the same thing at the same place that grew from report to report (213 killed in
// April, more than 600 by June) is the story moving on, not sources disagreeing. Shown under Figures as a
// trend and left out of Discrepancies. A count that fell, or two values on one date, stays a discrepancy.

import type { Trend, TrendPoint } from '../../notes/model.ts';
import { compress } from './compress.ts';
import { sentenceEvidence, sentenceIndexAt, sortCites, sortEvidence, type NotesContext } from './context.ts';
import { countKey, disagreements, type Reported } from './discrepancies.ts';
import { anchorDate } from './timeline.ts';
import { typeset } from './typography.ts';

/** Counts that only add up over time: a toll, the displaced, arrests. A price or a vote share can go either way. */
const CUMULATIVE = /^(?:people (?:killed|injured|displaced)|.*\b(?:arrested|detained|evacuated|missing|refugees|cases|infected|destroyed|damaged)\b.*)$/;

/** The date a report's value holds for: the year-stating date its sentence gives, else its source's date. */
function reportDate(ctx: NotesContext, r: Reported): string | null {
  const k = sentenceIndexAt(ctx, r.doc, r.start);
  if (k < 0) return ctx.docs[r.doc]!.meta.date;
  const [start, end] = ctx.analyses[r.doc]!.sentences[k]!;
  const doc = ctx.docs[r.doc]!;
  // An undated source's "this month" was resolved against nothing it states: only a stated year dates it.
  const dates = ctx.analyses[r.doc]!.dates.filter((x) => x.value && /^\d{4}/.test(x.value) && x.start >= start && x.end <= end && (doc.meta.date || /\d{4}/.test(x.text)));
  return dates.length ? anchorDate(doc.text, start, dates).value! : doc.meta.date;
}

/** The trends found, and the keys of their count groups (for discrepancies.ts to skip). */
export function trends(ctx: NotesContext): { trends: Trend[]; rising: Set<string> } {
  const out: Trend[] = [];
  const rising = new Set<string>();
  for (const [key, list] of disagreements(ctx, countKey)) {
    const measure = key.split('|')[1]!;
    if (!CUMULATIVE.test(measure)) continue;
    const dated = list.map((r) => ({ r, date: reportDate(ctx, r) }));
    if (dated.some((x) => !x.date)) continue; // an undated report cannot be placed in the sequence
    // One value per date (the highest the sources give for it), in date order.
    const byDate = new Map<string, Array<{ r: Reported; date: string | null }>>();
    for (const x of dated) byDate.set(x.date!, [...(byDate.get(x.date!) ?? []), x]);
    if ([...byDate.values()].some((xs) => new Set(xs.map((x) => x.r.value)).size > 1)) continue; // two counts for one day clash
    const ordered = [...byDate].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([, xs]) => xs[0]!);
    if (ordered.length < 2 || !ordered.every((x, k) => k === 0 || x.r.value > ordered[k - 1]!.r.value)) continue;
    rising.add(key);
    const points: TrendPoint[] = ordered.map(({ r, date }) => ({ date: date!, value: r.value, figure: shownFigure(r), source: ctx.docs[r.doc]!.id }));
    const evidence = list.map((r) => sentenceEvidence(ctx, r.doc, sentenceIndexAt(ctx, r.doc, r.start)));
    const latest = ordered.at(-1)!.r;
    const word = measure.replace(/^people /, '');
    out.push({
      measure: word,
      points,
      text: typeset(compress(sentenceEvidence(ctx, latest.doc, sentenceIndexAt(ctx, latest.doc, latest.start)).text)),
      cites: sortCites(list.map((r) => ctx.docs[r.doc]!.id)),
      evidence: sortEvidence(evidence),
    });
  }
  return { trends: out, rising };
}

/** The figure as written, with its hedge ("at least 213"); its value is the number it starts with. */
function shownFigure(r: Reported): string {
  return /\d/.test(r.shown) && Number(/\d[\d,]*(?:\.\d+)?/.exec(r.shown)![0].replace(/,/g, '')) === r.value ? r.shown : `${r.shown} (${r.value})`;
}
