// Analyses → BriefingNotes: each section of the notes is made by its own rule, in order.

import type { BriefingNotes, SourceText } from '../../notes/model.ts';
import type { DocumentAnalysis } from '../analysis.ts';
import { actors } from './actors.ts';
import { makeContext } from './context.ts';
import { discrepancies } from './discrepancies.ts';
import { citeTwins, mergeDuplicates } from './duplicates.ts';
import { figures } from './figures.ts';
import { bottomLine, rankPoints, themedKeyPoints } from './keypoints.ts';
import { quotes } from './quotes.ts';
import { withAnalysisMeta } from './source-dates.ts';
import { asOfDate, sources } from './sources.ts';
import { staleDocs } from './staleness.ts';
import { supportClaims } from './support.ts';
import { timeline } from './timeline.ts';
import { notesTimeline } from './timeline-select.ts';
import { titleFrom } from './title.ts';
import { trends } from './trends.ts';

export interface BuildNotesOptions {
  /** The inputs as the user named them (recorded in the notes' frontmatter). */
  inputs: string[];
  /** A title to use instead of the one made from the most salient names. */
  title?: string;
  /** Runs each section (given its name) and may time it: bench/scale/stages.ts uses it; by default it just runs it. */
  time?: <T>(section: string, run: () => T) => T;
}

const untimed = <T>(_: string, run: () => T): T => run();

export function buildNotes(docs: SourceText[], analyses: DocumentAnalysis[], options: BuildNotesOptions): BriefingNotes {
  const time = options.time ?? untimed;
  const dated = time('source-dates', () => withAnalysisMeta(docs, analyses));
  // A duplicate's repeated sentences are left out of the analysis and cited beside what they repeat.
  const merged = time('duplicates', () => mergeDuplicates(dated, analyses));
  const ctx = time('context', () => makeContext(dated, merged.analyses));
  const stale = time('staleness', () => staleDocs(ctx));
  const ranked = time('rankPoints', () => rankPoints(ctx, stale));
  const stated = time('bottomLine', () => bottomLine(ranked));
  const sourceList = time('sources', () => sources(ctx, stale));
  const counts = time('trends', () => trends(ctx));
  const bottom = stated.map((p) => p.claim);
  const themed = time('themedKeyPoints', () => themedKeyPoints(ctx, ranked, stated));
  // What the bottom line and key points tell is not told again as an actor's position.
  const told = new Set([...bottom, ...themed].flatMap((c) => c.evidence.map((e) => `${e.source}:${e.start}`)));
  // The bottom line's points go through citeTwins as key points (it gives the bottom line their duplicates'
  // citations), then leave Key points. Support and caveats are counted after, on the final citations.
  const notes = time('citeTwins', () => citeTwins({
    title: options.title ?? time('title', () => titleFrom(ctx)),
    subtitle: subtitleFrom(sourceList.map((s) => s.date)),
    asOf: asOfDate(ctx),
    inputs: [...options.inputs],
    bottomLine: bottom.map((c) => ({ text: c.text, cites: c.cites, evidence: [] })),
    keyPoints: [...bottom, ...themed],
    actors: time('actors', () => actors(ctx, told, stale)),
    // A long timeline shows its most referred-to dates (timeline-select.ts); a short one every event.
    timeline: time('timeline', () => notesTimeline(ctx, timeline(ctx))),
    quotes: time('quotes', () => quotes(ctx)),
    figures: time('figures', () => figures(ctx)),
    discrepancies: time('discrepancies', () => discrepancies(ctx, counts.rising)),
    ...(counts.trends.length ? { trends: counts.trends } : {}),
    sources: sourceList,
  }, merged.twins));
  return time('support', () => supportClaims({ ...notes, keyPoints: notes.keyPoints.slice(bottom.length) }));
}

function subtitleFrom(dates: Array<string | null>): string {
  const known = dates.filter((d): d is string => !!d).sort();
  const n = dates.length;
  const span = known.length ? (known[0] === known.at(-1) ? `, ${known[0]}` : `, ${known[0]} to ${known.at(-1)}`) : '';
  const undated = n - known.length;
  return `${n} source${n === 1 ? '' : 's'}${span}${undated ? ` (${undated} undated)` : ''}`;
}
