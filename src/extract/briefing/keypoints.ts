// Key points: the reported facts (not quotes) that matter most, the same fact from several sources merged
// with all their citations and told in the best-written source's words, ranked by salience: corroboration
// first, then the actors named, figures, recency and lead position. The bottom line is taken from the top.

import type { BriefingNotes, Claim } from '../../notes/model.ts';
import { containment, contentWords, oneLine, sentenceEvidence, similarity, sortCites, sortEvidence, type NotesContext } from './context.ts';
import { anchorDate, compatible, sameEvent } from './timeline.ts';

/** How many key points the notes carry (besides those the bottom line states). */
export const MAX_KEY_POINTS = 8;
/** How many sentences the bottom line states. */
const BOTTOM_LINE = 3;
/** A sentence longer than this (words) is too long to state the bottom line. */
const BOTTOM_LINE_WORDS = 55;
/** Two sentences this alike (content-word Jaccard) report the same fact. Looser tests (shared words over
 * the shorter sentence) merged different facts about the same actors, so only close wording counts. */
const SAME_FACT = 0.34;
/** Each further source reporting a fact is worth this much: corroborated claims come first. */
const CORROBORATION = 3;
/** Measures of a toll of the dead, hurt or displaced. */
const CASUALTY = /\b(?:killed|dead|deaths|injured|wounded|hurt|casualties|displaced|missing)\b/;
/** Share of the shorter point's content words found in a chosen one that makes it an echo, and its cost. */
const ECHO = 0.35;
const ECHO_PENALTY = 2.5;
/** How many top-ranked clusters the echo penalty reorders. */
const DIVERSIFY_HEAD = 60;
/** A source date this many days before the as-of date still counts as recent news. */
const RECENT_DAYS = 45;

interface Candidate {
  doc: number;
  index: number;
  text: string;
  words: Set<string>;
  /** Its figures as "value measure" ("213 people killed"): two sources giving the same one report one fact. */
  figures: string[];
  /** Its resolved dates (ISO). */
  dates: string[];
  /** The date its main event refers to (see timeline.ts `anchorDate`), or null. */
  anchor: string | null;
  score: number;
  quality: number;
}

/** Ranked points, most important first; the bottom line picks from their head (see `withoutBottomLinePoints`). */
export function keyPoints(ctx: NotesContext): Claim[] {
  const asOf = newestDate(ctx);
  const candidates = ctx.analyses.flatMap((a, d) => a.sentences.map((_, k) => scoreSentence(ctx, d, k, asOf)).filter((c): c is Candidate => c !== null));
  const clusters: Candidate[][] = [];
  for (const c of [...candidates].sort((x, y) => y.score - x.score || x.doc - y.doc || x.index - y.index)) {
    const home = clusters.find((cl) => cl.some((h) => sameFact(h, c)));
    if (!home) clusters.push([c]);
    else if (!home.some((h) => h.doc === c.doc)) home.push(c); // one sentence per source: a source repeating itself is no corroboration
  }
  const rankedClusters = diverse(clusters
    .map((cl) => ({ cl, score: Math.max(...cl.map((c) => c.score)) + corroboration(cl, asOf) }))
    .sort((a, b) => b.score - a.score || a.cl[0]!.doc - b.cl[0]!.doc || a.cl[0]!.index - b.cl[0]!.index));
  return rankedClusters.slice(0, MAX_KEY_POINTS + BOTTOM_LINE).map(({ cl }) => {
    const lead = [...cl].sort((a, b) => b.quality - a.quality || a.doc - b.doc || a.index - b.index)[0]!;
    return {
      text: lead.text,
      cites: sortCites(cl.map((c) => ctx.docs[c.doc]!.id)),
      evidence: sortEvidence(cl.map((c) => sentenceEvidence(ctx, c.doc, c.index))),
    };
  });
}

/** The bonus for further sources. Background that every report repeats ("in turmoil since 2011") is
 * corroborated by habit, not by news, so an event years old earns half. */
function corroboration(cl: Candidate[], asOf: string | null): number {
  const old = cl.every((c) => recency(c.anchor, asOf) < 0);
  return CORROBORATION * (cl.length - 1) * (old ? 0.5 : 1);
}

/** Ranked clusters, each pushed down by the points already chosen that it echoes: five takes on one
 * phone call would crowd out the death toll. Greedy, so the order stays deterministic. */
function diverse(ranked: Array<{ cl: Candidate[]; score: number }>): Array<{ cl: Candidate[]; score: number }> {
  // Only the head can reach the notes; capping it keeps the greedy pass cheap on large folders.
  const left = ranked.slice(0, DIVERSIFY_HEAD);
  const out: Array<{ cl: Candidate[]; score: number }> = [];
  while (left.length) {
    const adjusted = left.map((r, k) => ({ k, score: r.score - ECHO_PENALTY * out.filter((o) => echoes(o.cl[0]!, r.cl[0]!)).length }));
    const best = adjusted.reduce((a, b) => (b.score > a.score ? b : a));
    out.push({ ...left[best.k]!, score: best.score });
    left.splice(best.k, 1);
  }
  return out;
}

/** Two points about the same thing (not the same fact): much of the shorter one's wording is in the other. */
const echoes = (a: Candidate, b: Candidate) => containment(a.words, b.words) >= ECHO;

/** The same fact: worded alike, or the same count of the same thing ("213 people killed") from two sources.
 * Alike sentences giving different numbers or dates are not one fact but a discrepancy, and are kept apart. */
function sameFact(a: Candidate, b: Candidate): boolean {
  const values = (c: Candidate) => c.figures.map((f) => f.split(' ')[0]!);
  if (disagree(values(a), values(b)) || disagree(a.dates, b.dates, compatible)) return false;
  if (similarity(a.words, b.words) >= SAME_FACT) return true;
  // Two sources telling one dated event in their own words: the timeline's test, dates included.
  if (a.anchor && b.anchor && sameEvent({ ...a, date: a.anchor }, { ...b, date: b.anchor })) return true;
  return a.doc !== b.doc && a.figures.some((f) => b.figures.includes(f));
}

/** Both give values and none of one side's agrees with any of the other's. */
function disagree(a: readonly string[], b: readonly string[], agree = (x: string, y: string) => x === y): boolean {
  return a.length > 0 && b.length > 0 && !a.some((x) => b.some((y) => agree(x, y)));
}

/** Sentences that lean on the one before ("But he said…", "It comes as…") read badly on their own. */
const LEANS_ON_CONTEXT = /^(?:but|and|or|so|yet|also|he|she|it|they|this|that|these|those|his|her|its|their|there)\b/i;

/** A sentence's worth as a key point, or null when it is not fit to be one. */
function scoreSentence(ctx: NotesContext, d: number, k: number, asOf: string | null): Candidate | null {
  const a = ctx.analyses[d]!;
  const [start, end] = a.sentences[k]!;
  const text = oneLine(ctx.docs[d]!.text.slice(start, end));
  const words = text.split(' ').length;
  if (words < 8 || words > 60 || /\?["”’]?$/.test(text) || !/[.!]["”’)]*$/.test(text)) return null;
  // A sentence that is mostly quotation belongs under Quotes.
  const quoted = a.quotes.filter((q) => q.start < end && q.end > start).reduce((n, q) => n + Math.min(q.end, end) - Math.max(q.start, start), 0);
  if (quoted > 0.4 * (end - start)) return null;
  const ids = new Set(a.entities.filter((m) => m.start >= start && m.end <= end).map((m) => m.id));
  if (!ids.size) return null;
  const degraded = a.flags.includes('degraded');
  // The two actors that matter most, each scaled against the top actor (0-1): so naming the main actors
  // counts, but long sentences gain nothing by listing names, and actors do not drown out the other signs.
  const top = Math.log1p(ctx.ranked[0]?.salience ?? 1);
  const saliences = [...ids].map((id) => ctx.entities.get(id)?.salience ?? 0).sort((x, y) => y - x).slice(0, 2);
  let score = saliences.reduce((n, s) => n + (2 * Math.log1p(s)) / top, 0);
  const figures = a.figures.filter((f) => f.start >= start && f.end <= end && f.measure && f.value >= 10).map((f) => `${f.value} ${f.unit ?? ''} ${f.measure}`);
  if (figures.length) score += 2;
  // A toll of the dead, hurt or displaced is what a briefing on a crisis is read for.
  if (a.figures.some((f) => f.start >= start && f.end <= end && CASUALTY.test(f.measure ?? ''))) score += 1;
  const anchor = anchorOf(ctx, d, start, end);
  score += recency(anchor, asOf);
  if (k < 3) score += 1.5;
  if (LEANS_ON_CONTEXT.test(text)) score -= 1.5;
  if (words > 45) score -= 1;
  if (degraded) score *= 0.5;
  const quality = (degraded ? 0 : 4) + (/^\p{Lu}/u.test(text) ? 1 : 0) + (words <= 40 ? 1 : 0) - (LEANS_ON_CONTEXT.test(text) ? 1 : 0);
  const dates = a.dates.filter((x) => x.value && x.start >= start && x.end <= end).map((x) => x.value!);
  return { doc: d, index: k, text, words: contentWords(text), figures, dates, anchor, score, quality };
}

/** The date a sentence's main event refers to, or null when it has no resolved date. */
function anchorOf(ctx: NotesContext, d: number, start: number, end: number): string | null {
  const dates = ctx.analyses[d]!.dates.filter((x) => x.value && /^\d{4}(?:-\d{2}){0,2}$/.test(x.value) && x.start >= start && x.end <= end);
  return dates.length ? anchorDate(ctx.docs[d]!.text, start, dates).value : null;
}

/** News of the moment ranks above background: +1 when the sentence's event is recent, −1 when it is years old. */
function recency(when: string | null, asOf: string | null): number {
  if (!when || !asOf) return 0;
  const days = (Date.parse(asOf) - Date.parse(when.length === 4 ? `${when}-12-31` : when.length === 7 ? `${when}-28` : when)) / 86_400_000;
  if (Number.isNaN(days)) return 0;
  return days <= RECENT_DAYS ? 1 : days > 365 ? -1 : 0;
}

/** The newest source date: what "recent" is measured from. */
function newestDate(ctx: NotesContext): string | null {
  return ctx.docs.map((doc) => doc.meta.date).filter((x): x is string => !!x).sort().at(-1) ?? null;
}

/** The bottom line: the top points (their rank already weighs corroboration) that read on their own, 2-3
 * sentences. */
export function bottomLine(points: Claim[]): Claim[] {
  const top = points.slice(0, BOTTOM_LINE + 2);
  const fits = (p: Claim) => p.text.split(' ').length <= BOTTOM_LINE_WORDS && !LEANS_ON_CONTEXT.test(p.text);
  const ordered = [...top].sort((a, b) => Number(fits(b)) - Number(fits(a)) || points.indexOf(a) - points.indexOf(b));
  return ordered.slice(0, Math.max(2, Math.min(BOTTOM_LINE, ordered.length))).map((p) => ({ text: p.text, cites: p.cites, evidence: [] }));
}

/** The notes with Key points less those the bottom line already states, at most MAX_KEY_POINTS. */
export function withoutBottomLinePoints(notes: BriefingNotes): BriefingNotes {
  const stated = new Set(notes.bottomLine.map((p) => p.text));
  return { ...notes, keyPoints: notes.keyPoints.filter((p) => !stated.has(p.text)).slice(0, MAX_KEY_POINTS) };
}
