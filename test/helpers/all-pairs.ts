// The all-pairs loops the indexed cross-document stages replaced, kept as oracles: an index must give what these give.

import type { analyzeDocuments } from '../../src/extract/analyze.ts';
import { contentWords, oneLine, sharedWords, similarity, type NotesContext } from '../../src/extract/briefing/context.ts';
import { SAME_SENTENCE } from '../../src/extract/briefing/duplicates.ts';
import { dateClash } from '../../src/extract/briefing/discrepancies.ts';
import type { SentenceGraph } from '../../src/extract/briefing/lexrank.ts';
import { neighbours } from './lexrank.ts';
import { anchoredEvents, compatible, sameEvent, type AnchoredEvent } from '../../src/extract/briefing/timeline.ts';
import type { Discrepancy, SourceDoc } from '../../src/notes/model.ts';
import { formatIso, type CalendarDate } from '../../src/extract/rules/dates/calendar.ts';
import { AMBIGUOUS_MARGIN, dateClues, MAX_DAY_WINDOW, monthWindow, narrowByReport, publicationWindow, sameEvent as sameReport, type AnchorLookup, type DocumentDateInput } from '../../src/extract/rules/document-dates.ts';

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

/**
 * Inferred document dates (day or month, without the evidence) as the rule gave them before the word matches
 * were found apart from the entities: every phrase's sentence scored with sameEvent against every anchor, each
 * anchor with its words and the entities within it.
 */
export function inferDatesByScan(docs: readonly DocumentDateInput[]): Array<{ doc: number; date: string }> {
  if (!docs.some((d) => d.meta.date === null)) return [];
  const iso = (d: CalendarDate) => formatIso(d);
  type Day = Required<CalendarDate>;
  const entitiesIn = (d: DocumentDateInput, span: readonly [number, number]) => new Set(d.entities.filter((e) => e.start >= span[0] && e.end <= span[1]).map((e) => e.id));
  const clues = docs.map((d) => dateClues(d));
  const anchors = clues.flatMap((c, doc) => c.anchors.map((a) => ({ doc, words: new Set(a.words), entities: entitiesIn(docs[doc]!, a.span), date: a.date, month: a.month })));
  const out: Array<{ doc: number; date: string }> = [];
  docs.forEach((d, k) => {
    if (d.meta.date !== null) return;
    let window: [Day, Day] | null = null;
    const narrow = (w: [Day, Day]) => { window = window === null ? w : [iso(window[0]) >= iso(w[0]) ? window[0] : w[0], iso(window[1]) <= iso(w[1]) ? window[1] : w[1]]; return iso(window[0]) <= iso(window[1]); };
    const reports: Array<{ phrase: string; event: Day }> = [];
    for (const m of clues[k]!.phrases) {
      const here = { words: new Set(m.words), entities: entitiesIn(d, m.span) };
      const scored = anchors.filter((a) => m.byMonth || !a.month).map((a) => ({ a, score: sameReport(here, a) })).filter((x) => x.score > 0).sort((x, y) => y.score - x.score);
      const best = scored[0];
      if (!best) continue;
      const key = (a: { date: Day }) => (m.byMonth ? iso(a.date).slice(0, 7) : iso(a.date));
      if (scored.some((x) => key(x.a) !== key(best.a) && best.score - x.score < AMBIGUOUS_MARGIN)) return;
      if (m.byMonth) {
        if (m.reporting) continue;
        if (!narrow(monthWindow(m.text, best.a.date, !best.a.month)!)) return;
        continue;
      }
      if (m.reporting) { reports.push({ phrase: m.text, event: best.a.date }); continue; }
      const w = publicationWindow(m.text, best.a.date);
      if (!w || !narrow(w)) return;
    }
    if (window === null) return;
    for (const r of reports) {
      const narrowed: [Day, Day] | null = narrowByReport(window, r.phrase, r.event);
      if (narrowed === null) return;
      window = narrowed;
    }
    const [lo, hi] = window as [Day, Day];
    const days = (Date.UTC(hi.year, hi.month - 1, hi.day) - Date.UTC(lo.year, lo.month - 1, lo.day)) / 86_400_000;
    if (days <= MAX_DAY_WINDOW) out.push({ doc: k, date: iso(lo) });
    else if (iso(lo).slice(0, 7) === iso(hi).slice(0, 7)) out.push({ doc: k, date: iso(lo).slice(0, 7) });
  });
  return out;
}

/** Inferred document dates as before the anchor index: every phrase's sentence against every anchor. */
export const allAnchors = (anchors: readonly unknown[]): AnchorLookup => ({ near: () => anchors.map((_, i) => i) });

/** LexRank as it was: power iteration reading the edge objects (the flat-array LexRank must give the same bits). */
export function lexRankByObjects(graph: SentenceGraph): Float64Array {
  const rows = neighbours(graph);
  const n = rows.length;
  let score = new Float64Array(n).fill(n ? 1 / n : 0);
  const outWeight = rows.map((row) => row.reduce((s, e) => s + e.cosine, 0));
  for (let it = 0; it < 40; it++) {
    const next = new Float64Array(n).fill(0.15 / n);
    let dangling = 0;
    for (let i = 0; i < n; i++) {
      const w = outWeight[i]!;
      if (w === 0) { dangling += score[i]!; continue; }
      for (const e of rows[i]!) next[e.node]! += (1 - 0.15) * score[i]! * (e.cosine / w);
    }
    for (let i = 0; i < n; i++) next[i]! += ((1 - 0.15) * dangling) / n;
    let delta = 0;
    for (let i = 0; i < n; i++) delta += Math.abs(next[i]! - score[i]!);
    score = next;
    if (delta < 1e-7) break;
  }
  return score;
}

/** Stale sources as staleness.ts found them before its shortcuts: each sentence's dates filtered from all of the
 * source's, every mention read for every sentence, shared words counted anew by each test. */
export function staleDocsPlain(ctx: Pick<NotesContext, 'docs' | 'analyses'>): Set<number> {
  const dayOf = (iso: string) => Date.parse(iso.length === 4 ? `${iso}-07-01` : iso.length === 7 ? `${iso}-15` : iso);
  const dated = ctx.docs.map((d) => d.meta.date).filter((x): x is string => !!x);
  const out = new Set<number>();
  if (!dated.length) return out;
  const newest = Math.max(...dated.map(dayOf));
  const limit = 365 * 86_400_000;
  ctx.docs.forEach((doc, d) => {
    if (doc.meta.date) { if (newest - dayOf(doc.meta.date) > limit) out.add(d); return; }
    const years = ctx.analyses[d]!.dates.filter((x) => x.value && /\d{4}/.test(x.text) && !/\bsince\s+$/i.test(ctx.docs[d]!.text.slice(Math.max(0, x.start - 8), x.start)))
      .map((x) => dayOf(x.value!));
    if (years.length && newest - Math.max(...years) > 2 * limit) out.add(d);
  });
  const undated = [...out].filter((d) => !ctx.docs[d]!.meta.date);
  if (!undated.length) return out;
  const months = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
  const told = (d: number, keep: (iso: string) => boolean) => {
    const text = ctx.docs[d]!.text;
    const a = ctx.analyses[d]!;
    return a.sentences.slice(0, 40).flatMap(([start, end]) => {
      if (/\b(?:1[89]|20)\d\d\b/.test(text.slice(start, end))) return [];
      let cut = '';
      let at = start;
      for (const m of a.entities) {
        if (m.end <= start || m.start >= end || m.start < at) continue;
        cut += `${text.slice(at, m.start)} `;
        at = m.end;
      }
      const found = new Set<number>();
      for (const x of a.dates.filter((x) => x.start >= start && x.end <= end)) {
        if (ctx.docs[d]!.meta.date !== null) { if (x.value && /^\d{4}-\d{2}/.test(x.value) && keep(x.value)) found.add(Number(x.value.slice(5, 7))); continue; }
        const named = months.findIndex((m) => new RegExp(`\\b${m}\\b`, 'i').test(x.text));
        if (named >= 0) found.add(named + 1);
      }
      return [{ words: contentWords(oneLine(cut + text.slice(at, end))), months: found }];
    });
  };
  const current = ctx.docs.flatMap((doc, d) => (doc.meta.date && !out.has(d) ? told(d, (iso) => newest - dayOf(iso) <= limit) : []));
  const postings = new Map<string, number[]>();
  current.forEach((s, i) => { for (const w of s.words) { const p = postings.get(w); if (!p) postings.set(w, [i]); else if (p.length <= 400) p.push(i); } });
  const reportsCurrentFact = (s: { words: Set<string>; months: Set<number> }) => {
    const count = new Map<number, number>();
    for (const w of s.words) { const p = postings.get(w); if (p && p.length <= 400) for (const i of p) count.set(i, (count.get(i) ?? 0) + 1); }
    return [...count].some(([i, n]) => {
      const c = current[i]!;
      const containment = Math.min(s.words.size, c.words.size) ? sharedWords(s.words, c.words) / Math.min(s.words.size, c.words.size) : 0;
      if (n >= 5 && sharedWords(s.words, c.words) >= 5 && containment >= 0.4) return true;
      return n >= 2 && [...s.months].some((m) => c.months.has(m)) && sharedWords(s.words, c.words) >= 2;
    });
  };
  for (const d of undated) if (told(d, () => true).some(reportsCurrentFact)) out.delete(d);
  return out;
}
