// Analyses → BriefingNotes: each section of the notes is made by its own rule, in order.

import type { BriefingNotes, SourceDoc } from '../../notes/model.ts';
import type { DocumentAnalysis } from '../analysis.ts';
import { actors } from './actors.ts';
import { makeContext } from './context.ts';
import { discrepancies } from './discrepancies.ts';
import { citeTwins, mergeDuplicates } from './duplicates.ts';
import { figures } from './figures.ts';
import { bottomLine, keyPoints, withoutBottomLinePoints } from './keypoints.ts';
import { quotes } from './quotes.ts';
import { withAnalysisMeta } from './source-dates.ts';
import { asOfDate, sources } from './sources.ts';
import { timeline } from './timeline.ts';

export interface BuildNotesOptions {
  /** The inputs as the user named them (recorded in the notes' frontmatter). */
  inputs: string[];
  /** A title to use instead of the one made from the most salient names. */
  title?: string;
}

export function buildNotes(docs: SourceDoc[], analyses: DocumentAnalysis[], options: BuildNotesOptions): BriefingNotes {
  const dated = withAnalysisMeta(docs, analyses);
  // A duplicate's repeated sentences are left out of the analysis and cited beside what they repeat.
  const merged = mergeDuplicates(dated, analyses);
  const ctx = makeContext(dated, merged.analyses);
  const asOf = asOfDate(ctx);
  const points = keyPoints(ctx);
  const sourceList = sources(ctx, asOf);
  // The bottom line is not repeated under Key points; dropped after citeTwins, which gives the bottom
  // line the duplicates' citations of the key points it states.
  return withoutBottomLinePoints(citeTwins({
    title: options.title ?? titleFrom(ctx.ranked.slice(0, 3).map((e) => e.canonical)),
    subtitle: subtitleFrom(sourceList.map((s) => s.date)),
    asOf,
    inputs: [...options.inputs],
    bottomLine: bottomLine(points),
    keyPoints: points,
    actors: actors(ctx),
    timeline: timeline(ctx),
    quotes: quotes(ctx),
    figures: figures(ctx),
    discrepancies: discrepancies(ctx),
    sources: sourceList,
  }, merged.twins));
}

function titleFrom(names: string[]): string {
  if (!names.length) return 'Briefing';
  const list = names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
  return `Briefing: ${list}`;
}

function subtitleFrom(dates: Array<string | null>): string {
  const known = dates.filter((d): d is string => !!d).sort();
  const n = dates.length;
  const span = known.length ? (known[0] === known.at(-1) ? `, ${known[0]}` : `, ${known[0]} to ${known.at(-1)}`) : '';
  const undated = n - known.length;
  return `${n} source${n === 1 ? '' : 's'}${span}${undated ? ` (${undated} undated)` : ''}`;
}
