// Timeline: sentences anchored to a resolved date, the same event reported by several sources merged
// (same date, similar words) with all their citations. Unresolved dates are never placed.

import type { TimelineEvent } from '../../notes/model.ts';
import { contentWords, sentenceEvidence, sentenceIndexAt, similarity, sortCites, sortEvidence, type NotesContext } from './context.ts';

/** Two reports of one date this alike describe the same event. */
const SAME_EVENT = 0.2;

interface Event { date: string; doc: number; index: number; text: string; words: Set<string> }

export function timeline(ctx: NotesContext): TimelineEvent[] {
  const events: Event[] = [];
  ctx.analyses.forEach((a, d) => {
    const seen = new Set<string>();
    for (const dt of a.dates) {
      if (!dt.value || !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(dt.value)) continue;
      const k = sentenceIndexAt(ctx, d, dt.start);
      if (k < 0) continue;
      const ev = sentenceEvidence(ctx, d, k);
      // A dateline or header ("date 2019-06-06") is metadata, not an event.
      if (ev.text.split(' ').length < 6) continue;
      const key = `${k}|${dt.value}`;
      if (seen.has(key)) continue;
      seen.add(key);
      events.push({ date: dt.value, doc: d, index: k, text: ev.text, words: contentWords(ev.text) });
    }
  });
  const merged: Event[][] = [];
  for (const e of events) {
    const home = merged.find((g) => g[0]!.date === e.date && similarity(g[0]!.words, e.words) >= SAME_EVENT);
    if (home) home.push(e); else merged.push([e]);
  }
  return merged
    .map((g) => ({
      date: g[0]!.date,
      text: g[0]!.text,
      cites: sortCites(g.map((e) => ctx.docs[e.doc]!.id)),
      evidence: sortEvidence(g.map((e) => sentenceEvidence(ctx, e.doc, e.index))),
    }))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.text.localeCompare(b.text)));
}
