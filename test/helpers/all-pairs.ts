// The all-pairs loops the indexed cross-document stages replaced, kept as oracles: an index must give what these give.

import type { analyzeDocuments } from '../../src/extract/analyze.ts';
import { contentWords, oneLine, sharedWords, similarity, type NotesContext } from '../../src/extract/briefing/context.ts';
import { SAME_SENTENCE } from '../../src/extract/briefing/duplicates.ts';
import { dateClash } from '../../src/extract/briefing/discrepancies.ts';
import type { SentenceGraph } from '../../src/extract/briefing/lexrank.ts';
import { anchoredEvents, compatible, sameEvent, type AnchoredEvent } from '../../src/extract/briefing/timeline.ts';
import type { Discrepancy, SourceDoc } from '../../src/notes/model.ts';
import type { AnchorLookup } from '../../src/extract/rules/document-dates.ts';

/** Timeline merging as it was before the index: every newcomer against every group. */
export function mergeAllPairs(events: readonly AnchoredEvent[]): AnchoredEvent[][] {
  let groups: AnchoredEvent[][] = [];
  for (const e of events) {
    const homes = groups.filter((g) => g.every((x) => compatible(x.date, e.date)) && g.some((x) => sameEvent(x, e)));
    const joined = [...homes.flat(), e];
    if (!joined.every((x) => joined.every((y) => compatible(x.date, y.date)))) { (homes[0] ?? groups[groups.push([]) - 1]!).push(e); continue; }
    groups = [...groups.filter((g) => !homes.includes(g)), joined];
  }
  return groups;
}

/** The event-date rule as it was before the (actor, word) index: each event against every later one. */
export function eventDateClashesAllPairs(ctx: NotesContext): Discrepancy[] {
  const idsOf = (e: AnchoredEvent) => {
    const [start, end] = ctx.analyses[e.doc]!.sentences[e.index]!;
    return new Set(ctx.analyses[e.doc]!.entities.filter((m) => m.start >= start && m.end <= end).map((m) => m.id));
  };
  const events = anchoredEvents(ctx).map((e) => ({ e, ids: idsOf(e), words: contentWords(e.evidence.text) }));
  const out: Discrepancy[] = [];
  const used = new Set<AnchoredEvent>();
  for (const [i, a] of events.entries()) {
    if (used.has(a.e)) continue;
    const clash = events.slice(i + 1).filter((b) => b.e.doc !== a.e.doc && !used.has(b.e) && !compatible(a.e.date, b.e.date)
      && [...a.ids].some((id) => b.ids.has(id)) && sharedWords(a.words, b.words) >= 4 && similarity(a.words, b.words) >= 0.3);
    if (!clash.length) continue;
    const group = [a.e, ...clash.map((b) => b.e)];
    for (const e of group) used.add(e);
    out.push(dateClash(ctx, group));
  }
  return out;
}

/** Each duplicate sentence's twin by a scan of every original: the first of the most alike, same numbers. */
export function scanTwins(docs: SourceDoc[], analyses: ReturnType<typeof analyzeDocuments>): string[] {
  const numbers = (t: string) => [...new Set(t.match(/\d[\d,.]*/g) ?? [])].sort().join(' ');
  const lines = (d: number) => analyses[d]!.sentences.map(([s, e]) => { const text = oneLine(docs[d]!.text.slice(s, e)); return { d, s, words: contentWords(text), n: numbers(text) }; });
  const originals = docs.flatMap((doc, d) => (doc.flags.includes('duplicate') ? [] : lines(d)));
  const out: string[] = [];
  docs.forEach((doc, d) => {
    if (!doc.flags.includes('duplicate')) return;
    for (const l of lines(d)) {
      if (l.words.size < 3) continue;
      let best: (typeof originals)[number] | null = null;
      let score = SAME_SENTENCE;
      for (const o of originals) {
        if (o.n !== l.n) continue;
        const x = similarity(o.words, l.words);
        if (x >= score && (best === null || x > score)) { best = o; score = x; }
      }
      if (best) out.push(`${doc.id}:${l.s}->${docs[best.d]!.id}:${best.s}`);
    }
  });
  return out;
}

/** Inferred document dates as before the anchor index: every phrase's sentence against every anchor. */
export const allAnchors = (anchors: readonly unknown[]): AnchorLookup => ({ near: () => anchors.map((_, i) => i) });

/** LexRank as it was: power iteration reading the edge objects (the flat-array LexRank must give the same bits). */
export function lexRankByObjects(graph: SentenceGraph): Float64Array {
  const n = graph.neighbours.length;
  let score = new Float64Array(n).fill(n ? 1 / n : 0);
  const outWeight = graph.neighbours.map((row) => row.reduce((s, e) => s + e.cosine, 0));
  for (let it = 0; it < 40; it++) {
    const next = new Float64Array(n).fill(0.15 / n);
    let dangling = 0;
    for (let i = 0; i < n; i++) {
      const w = outWeight[i]!;
      if (w === 0) { dangling += score[i]!; continue; }
      for (const e of graph.neighbours[i]!) next[e.node]! += (1 - 0.15) * score[i]! * (e.cosine / w);
    }
    for (let i = 0; i < n; i++) next[i]! += ((1 - 0.15) * dangling) / n;
    let delta = 0;
    for (let i = 0; i < n; i++) delta += Math.abs(next[i]! - score[i]!);
    score = next;
    if (delta < 1e-7) break;
  }
  return score;
}
