// Trends: a count of the same thing at the same place that grew from report to report (213 killed in
// April, more than 600 by June) is the story moving on, not sources disagreeing. Shown under Figures as a
// trend and left out of Discrepancies. A count that fell, or two values on one date, stays a discrepancy.

import type { Trend, TrendPoint } from '../../notes/model.ts';
import { compress } from './compress.ts';
import { figureClause, sentenceEvidence, shownClaim, sentenceIndexAt, sortCites, sortEvidence, type NotesContext } from './context.ts';
import { countKey, disagreements, type Reported } from './discrepancies.ts';
import { inReportingClause } from '../rules/dates/reporting.ts';
import { anchorDate } from './timeline.ts';

/** Counts that only add up over time: a toll, the displaced, arrests. A price or a vote share can go either way. */
const CUMULATIVE = /^(?:people (?:killed|injured|displaced)|.*\b(?:arrested|detained|evacuated|missing|refugees|cases|infected|destroyed|damaged)\b.*)$/;

/**
 * The date a running total holds for. A cumulative count ("at least 213 killed") is the toll as of the report,
 * so its date is the report's (the source's date, stated or inferred), whatever else the sentence dates ("the
 * offensive, launched in April, …"). Only a date in the figure's own clause dates the total ("were killed on
 * Monday"), the date it was given on ("the Red Cross said on Thursday") or one that says "as of" or "by"
 * anywhere in the sentence; a period that holds the report's date ("this month") or starts the count ("since
 * April") does not. An undated source's dates count only when they
 * state their year, since its "this month" was resolved against nothing it states.
 */
export function runningTotalDate(ctx: Pick<NotesContext, 'docs' | 'analyses'>, d: number, figure: { start: number; end: number }): string | null {
  const doc = ctx.docs[d]!;
  const published = doc.meta.date;
  const k = sentenceIndexAt(ctx, d, figure.start);
  if (k < 0) return published;
  const [start, end] = ctx.analyses[d]!.sentences[k]!;
  const text = doc.text;
  const [from, to] = figureClause(text, start, end, figure);
  const usable = ctx.analyses[d]!.dates.filter((x) => x.value && /^\d{4}/.test(x.value) && x.start >= start && x.end <= end
    && (published || /\d{4}/.test(x.text)) && !COUNT_START.test(text.slice(Math.max(start, x.start - 12), x.start)));
  const asOf = usable.filter((x) => AS_OF.test(text.slice(Math.max(start, x.start - 10), x.start)));
  // The date a toll was given ("the Red Cross said on Thursday") is when it held, as much as the report's.
  const own = asOf.length ? asOf : usable.filter((x) => (x.start >= from && x.end <= to) || inReportingClause(text, start, x));
  if (!own.length) return published;
  const date = anchorDate(text, start, own).value!;
  // "this month" in a report of April 19 is April up to the 19th: the report's day says more.
  return published && published.startsWith(date) ? published : date;
}

/** Words before a date that make it the point a total is counted to: "as of May 3", "by June". */
const AS_OF = /\b(?:as\s+of|as\s+at|by|up\s+to)\s+(?:the\s+)?$/i;
/** Words before a date that make it where the count starts, not when it was taken: "since April", "from May 1". */
const COUNT_START = /\b(?:since|from)\s+(?:the\s+)?$/i;
/** The date a report's value holds for (see runningTotalDate). */
const reportDate = (ctx: NotesContext, r: Reported): string | null => runningTotalDate(ctx, r.doc, r);

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
      text: shownClaim(ctx, latest.doc, compress(sentenceEvidence(ctx, latest.doc, sentenceIndexAt(ctx, latest.doc, latest.start)).text)),
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
