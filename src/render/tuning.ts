// The deck and handout settings of a config file (`slideBudget`, `sections.order`, `sections.limits`),
// applied as pure functions: limits trim the notes both renderers get; the order and the budget shape
// the deck's plan (the handout keeps its one-page layout).
import type { BriefingNotes, TimelineEvent } from '../notes/model.ts';

export interface RenderTuning {
  /** Most main slides, the cover included; the rest go to the appendix. */
  slideBudget?: number;
  /** Notes sections by heading: the deck's section order, and the most items each shows. */
  sections?: { order?: readonly string[]; limits?: Readonly<Record<string, number>> };
}

/**
 * The notes with each limited section cut to its first N items (the notes keep items in rank order;
 * the timeline, kept in date order, keeps its N most-cited events). Sources are never cut: every
 * citation must still resolve.
 */
export function withLimits(n: BriefingNotes, limits: Readonly<Record<string, number>> | undefined): BriefingNotes {
  if (!limits) return n;
  const cut = <T>(name: string, items: readonly T[]): T[] => (limits[name] === undefined ? [...items] : items.slice(0, limits[name]));
  return {
    ...n,
    bottomLine: cut('Bottom line', n.bottomLine),
    keyPoints: cut('Key points', n.keyPoints),
    actors: cut('Actors', n.actors),
    timeline: limits.Timeline === undefined ? n.timeline : mostCited(n.timeline, limits.Timeline),
    quotes: cut('Quotes', n.quotes),
    figures: cut('Figures', n.figures),
    ...(n.trends ? { trends: cut('Figures', n.trends) } : {}),
    discrepancies: cut('Discrepancies', n.discrepancies),
  };
}

/** The `k` events cited by the most sources (earlier first on ties), still in date order. */
function mostCited(events: readonly TimelineEvent[], k: number): TimelineEvent[] {
  const keep = new Set([...events.keys()].sort((a, b) => events[b]!.cites.length - events[a]!.cites.length || a - b).slice(0, k));
  return events.filter((_, i) => keep.has(i));
}
