// Source dates as the notes use them: the metadata analysis settled on (an inferred date lives on the
// analysis), and which dates an undated source may put on the timeline (only those that state their year).

import type { SourceText } from '../../notes/model.ts';
import type { DateMention, DocumentAnalysis } from '../analysis.ts';

/** The documents with the metadata and flags their analyses carry (a date inferred across sources). */
export function withAnalysisMeta(docs: readonly SourceText[], analyses: readonly DocumentAnalysis[]): SourceText[] {
  return docs.map((d, k) => {
    const a = analyses[k];
    return a && (a.meta !== d.meta || a.flags !== d.flags) ? { ...d, meta: a.meta, flags: a.flags } : d;
  });
}

/**
 * Whether a date found in `doc` may be placed on the timeline. A source with no date of its own places
 * only dates that state their year ("in 2011", "April 15, 2019"): its "last month" or "Thursday" was
 * resolved, if at all, against a date it does not state (`--date`), and would read as if current.
 */
export function placedOnTimeline(doc: Pick<SourceText, 'meta'>, mention: Pick<DateMention, 'text'>): boolean {
  return doc.meta.date !== null || /\d{4}/.test(mention.text);
}
