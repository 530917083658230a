// Dates in a reporting clause ("…, an official told the paper on Thursday") date the report, not the event
// the sentence tells; the timeline and the cross-source dating both need to tell the two apart.

/** Verbs of reporting: a date in the same clause dates the report, not the event. */
export const REPORTING = /\b(?:said|says|told|tells|announced|revealed|reported|added|stated|confirmed|disclosed|wrote|according)\b/i;

/**
 * The comma-delimited clause holding a date mention (offsets into `text`), within its sentence: it ends at
 * the sentence's end too, so "…collapsed on March 7. The company said…" does not make March 7 a report date.
 */
export function clauseAround(text: string, sentenceStart: number, mention: { start: number; end: number }): string {
  const before = text.slice(sentenceStart, mention.start);
  const from = Math.max(before.lastIndexOf(','), before.lastIndexOf(';'), before.lastIndexOf('—')) + 1;
  const after = text.slice(mention.end, mention.end + 200);
  const to = after.search(/[,;—]|[.!?]["”’)]*(?:\s|$)|\n\s*\n/);
  return before.slice(from) + text.slice(mention.start, mention.end) + (to < 0 ? after : after.slice(0, to));
}

/** Whether a date mention stands in a reporting clause of the sentence starting at `sentenceStart`. */
export const inReportingClause = (text: string, sentenceStart: number, mention: { start: number; end: number }): boolean =>
  REPORTING.test(clauseAround(text, sentenceStart, mention));
