// An extractive multi-document summary of N words: the ranked points' whole lead sentences (no compression,
// no citations), most important first, so the summariser can be scored alone (ROUGE against human summaries).

import type { SourceText } from '../../notes/model.ts';
import type { DocumentAnalysis } from '../analysis.ts';
import { makeContext } from './context.ts';
import { mergeDuplicates } from './duplicates.ts';
import { rankPoints } from './keypoints.ts';
import { withAnalysisMeta } from './source-dates.ts';
import { staleDocs } from './staleness.ts';

/** Default length, in words. */
export const SUMMARY_WORDS = 100;
/** Ranked points looked through for sentences that fit. */
const POOL = 60;

/** Sentences, one per item, together at most `words` words (the first is kept even if longer). */
export function summarize(docs: SourceText[], analyses: DocumentAnalysis[], words = SUMMARY_WORDS): string[] {
  const dated = withAnalysisMeta(docs, analyses);
  const merged = mergeDuplicates(dated, analyses);
  const ctx = makeContext(dated, merged.analyses);
  const stale = staleDocs(ctx);
  const points = rankPoints(ctx, stale, POOL);
  // Current news first: a point resting only on stale sources is read after the others.
  const ordered = [...points.filter((p) => !p.stale), ...points.filter((p) => p.stale)];
  const out: string[] = [];
  let left = words;
  for (const p of ordered) {
    const n = p.sentence.split(' ').length;
    if (n > left && out.length) continue;
    out.push(p.sentence);
    left -= n;
    if (left <= 0) break;
  }
  return out;
}
