// Key points: the sentences that matter most, as reported facts (not quotes), clustered across
// sources so that a fact several sources report is ranked up and cites them all.

import type { Claim } from '../../notes/model.ts';
import { contentWords, oneLine, sentenceEvidence, similarity, sortCites, sortEvidence, type NotesContext } from './context.ts';

/** How many key points the notes carry. */
export const MAX_KEY_POINTS = 8;
/** Two sentences this alike (content-word Jaccard) report the same fact. */
const SAME_FACT = 0.34;

interface Candidate { doc: number; index: number; text: string; words: Set<string>; score: number }

/** Ranked key points, most important first. */
export function keyPoints(ctx: NotesContext): Claim[] {
  const candidates = ctx.analyses.flatMap((a, d) => a.sentences.map((_, k) => scoreSentence(ctx, d, k)).filter((c): c is Candidate => c !== null));
  // Cluster: each candidate joins the first cluster whose lead it resembles.
  const clusters: Candidate[][] = [];
  for (const c of [...candidates].sort((x, y) => y.score - x.score || x.doc - y.doc || x.index - y.index)) {
    const home = clusters.find((cl) => similarity(cl[0]!.words, c.words) >= SAME_FACT);
    if (home) { if (!home.some((h) => h.doc === c.doc)) home.push(c); } else clusters.push([c]);
  }
  const rankedClusters = clusters
    .map((cl) => ({ cl, score: cl[0]!.score + 2 * (cl.length - 1) }))
    .sort((a, b) => b.score - a.score || a.cl[0]!.doc - b.cl[0]!.doc || a.cl[0]!.index - b.cl[0]!.index);
  return rankedClusters.slice(0, MAX_KEY_POINTS).map(({ cl }) => ({
    text: cl[0]!.text,
    cites: sortCites(cl.map((c) => ctx.docs[c.doc]!.id)),
    evidence: sortEvidence(cl.map((c) => sentenceEvidence(ctx, c.doc, c.index))),
  }));
}

/** A sentence's worth as a key point, or null when it is not fit to be one. */
function scoreSentence(ctx: NotesContext, d: number, k: number): Candidate | null {
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
  let score = 0;
  for (const id of ids) score += Math.log1p(ctx.entities.get(id)?.salience ?? 0);
  if (a.dates.some((x) => x.value && x.start >= start && x.end <= end)) score += 1.5;
  if (a.figures.some((f) => f.start >= start && f.end <= end)) score += 1;
  if (k < 3) score += 1.5;
  if (a.flags.includes('degraded')) score *= 0.5;
  return { doc: d, index: k, text, words: contentWords(text), score };
}

/** The bottom line: the top key points that stand on the most sources, 2-4 sentences. */
export function bottomLine(points: Claim[]): Claim[] {
  const top = points.slice(0, 4);
  const ordered = [...top].sort((a, b) => b.cites.length - a.cites.length || points.indexOf(a) - points.indexOf(b));
  return ordered.slice(0, Math.max(2, Math.min(3, ordered.length))).map((p) => ({ text: p.text, cites: p.cites, evidence: [] }));
}
