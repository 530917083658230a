// Pure scorers: typed entity mentions, direct quotes with speakers, and word 4-gram shingles for cleaning.

import { headWord, VOICE_OF_ORGANISATION } from '../../src/extract/rules/quotes/speakers.ts';
import type { EntityType } from '../../src/extract/analysis.ts';
import { maximumMatching, overlap, overlapFragments, prf, type Prf, type Span } from './match.ts';

export const ENTITY_TYPES: readonly EntityType[] = ['PERSON', 'ORG', 'PLACE'];

// ─── Entities ─────────────────────────────────────────────────────────────────────────────────

export interface TypedSpan extends Span {
  type: EntityType;
  text: string;
}

export interface EntityMatch<P extends TypedSpan, G extends TypedSpan> {
  matched: Array<{ pred: P; gold: G }>;
  falsePositives: P[];
  falseNegatives: G[];
  /** Unmatched predictions over a span the corpus leaves untyped: neither right nor wrong. */
  ignored: P[];
}

/**
 * Match one document's predictions to its gold mentions: a pair may match when the types agree and the spans
 * share at least one character; each gold and each prediction is used at most once (maximum matching, so a
 * prediction is not wasted on a nested gold another prediction needed).
 */
export function matchEntities<P extends TypedSpan, G extends TypedSpan>(gold: readonly G[], pred: readonly P[], ignore: readonly Span[] = []): EntityMatch<P, G> {
  const goldOf = maximumMatching(pred.length, gold.length, (p) => {
    const pr = pred[p]!;
    return gold
      .map((g, k) => ({ k, shared: g.type === pr.type ? overlap(g, pr) : 0 }))
      .filter((e) => e.shared > 0)
      .sort((a, b) => b.shared - a.shared || a.k - b.k)
      .map((e) => e.k);
  });
  const result: EntityMatch<P, G> = { matched: [], falsePositives: [], falseNegatives: [], ignored: [] };
  const used = new Set<number>();
  goldOf.forEach((g, p) => {
    const pr = pred[p]!;
    if (g >= 0) { used.add(g); result.matched.push({ pred: pr, gold: gold[g]! }); }
    else if (ignore.some((s) => overlap(s, pr) > 0)) result.ignored.push(pr);
    else result.falsePositives.push(pr);
  });
  gold.forEach((g, k) => { if (!used.has(k)) result.falseNegatives.push(g); });
  return result;
}

/** Micro-averaged P/R/F1 per type and overall ("ALL") over many documents' matches. */
export function entityScores(matches: ReadonlyArray<EntityMatch<TypedSpan, TypedSpan>>): Record<EntityType | 'ALL', Prf> {
  const out = {} as Record<EntityType | 'ALL', Prf>;
  for (const type of [...ENTITY_TYPES, 'ALL' as const]) {
    const keep = (x: TypedSpan) => type === 'ALL' || x.type === type;
    let tp = 0, fp = 0, fn = 0;
    for (const m of matches) {
      tp += m.matched.filter((x) => keep(x.gold)).length;
      fp += m.falsePositives.filter(keep).length;
      fn += m.falseNegatives.filter(keep).length;
    }
    out[type] = prf(tp, fp, fn);
  }
  return out;
}

// ─── Quotes ───────────────────────────────────────────────────────────────────────────────────

export interface QuoteGoldLike extends Span {
  fragments: readonly Span[];
  source: Span | null;
  sourceText: string | null;
}

export interface QuotePredLike extends Span {
  speakerStart: number | null;
  speakerEnd: number | null;
}

export interface QuoteMatch<P extends QuotePredLike, G extends QuoteGoldLike> {
  matched: Array<{ pred: P; gold: G; speaker: 'right' | 'wrong' | 'no-gold-source' }>;
  falsePositives: P[];
  falseNegatives: G[];
}

const goldLength = (g: QuoteGoldLike) => g.fragments.reduce((n, f) => n + (f.end - f.start), 0);

/** A predicted quote matches a gold quote when it covers at least half of the gold's characters; one-to-one. */
export function matchQuotes<P extends QuotePredLike, G extends QuoteGoldLike>(gold: readonly G[], pred: readonly P[]): QuoteMatch<P, G> {
  const goldOf = maximumMatching(pred.length, gold.length, (p) => {
    const pr = pred[p]!;
    return gold
      .map((g, k) => ({ k, shared: overlapFragments(pr, g.fragments), need: goldLength(g) }))
      .filter((e) => e.need > 0 && 2 * e.shared >= e.need)
      .sort((a, b) => b.shared / b.need - a.shared / a.need || a.k - b.k)
      .map((e) => e.k);
  });
  const result: QuoteMatch<P, G> = { matched: [], falsePositives: [], falseNegatives: [] };
  const used = new Set<number>();
  goldOf.forEach((g, p) => {
    const pr = pred[p]!;
    if (g < 0) { result.falsePositives.push(pr); return; }
    used.add(g);
    const gq = gold[g]!;
    result.matched.push({ pred: pr, gold: gq, speaker: speakerVerdict(pr, gq) });
  });
  gold.forEach((g, k) => { if (!used.has(k)) result.falseNegatives.push(g); });
  return result;
}

/** Right when the predicted speaker span overlaps the gold Source span (the mention the attribution points at). */
export function speakerVerdict(pred: QuotePredLike, gold: QuoteGoldLike): 'right' | 'wrong' | 'no-gold-source' {
  if (!gold.source) return 'no-gold-source';
  if (pred.speakerStart === null || pred.speakerEnd === null) return 'wrong';
  return overlap({ start: pred.speakerStart, end: pred.speakerEnd }, gold.source) > 0 ? 'right' : 'wrong';
}

export interface SpeakerAccuracy {
  right: number;
  total: number;
  accuracy: number;
}

/** Share of matched quotes (with a gold Source, optionally only those passing `which`) whose speaker is right. */
export function speakerAccuracy(matches: ReadonlyArray<QuoteMatch<QuotePredLike, QuoteGoldLike>>, which: (g: QuoteGoldLike) => boolean = () => true): SpeakerAccuracy {
  let right = 0, total = 0;
  for (const m of matches) {
    for (const x of m.matched) {
      if (x.speaker === 'no-gold-source' || !which(x.gold)) continue;
      total++;
      if (x.speaker === 'right') right++;
    }
  }
  // With no matched quote there is nothing to be wrong about; report 0 so an empty extractor fails the target.
  return { right, total, accuracy: total === 0 ? 0 : right / total };
}

/**
 * Whether the speaker a quote was given fits how the gold Source names them; null when it cannot be told. The
 * span test (speakerAccuracy) passes "Trump lawyer Marc Kasowitz" resolved to Donald Trump, so the name is checked
 * apart: a Source whose head word is a name must be named by that word ("Caddell" → Pat Caddell); a description
 * ("Obama's former campaign strategist", "one U.S. crew chief") must not be resolved to a name it merely contains,
 * save an organisation its spokesperson speaks for ("a White House spokesman" → White House). Pronoun Sources, and
 * descriptions resolved to someone they do not contain ("the president" → Barack Obama), are not scored.
 */
export function speakerNameVerdict(source: string, pred: { speakerName?: string | null; speakerForm?: string | null }): 'right' | 'wrong' | null {
  // The Source's own words, before an appositive or a bracket ("Kenneth Baer, a former official", "Rep. Jim Jordan (R-Ohio)").
  const own = source.split(/[,(\n]/u)[0]!.replace(/[“”"),.:;]+$/u, '').trim();
  const head = headWord(own);
  if (!head || /^(?:he|she|they|we|i|it|you|who|him|her|them)$/i.test(head)) return null;
  const named = pred.speakerForm === 'named' || pred.speakerForm === 'pronoun' ? pred.speakerName ?? null : null;
  const key = (w: string) => w.toLowerCase().replace(/[’']s$/u, '').replace(/[^\p{L}\p{N}]/gu, '');
  if (/^\p{Lu}/u.test(head)) return named && named.split(/\s+/).some((w) => key(w) === key(head)) ? 'right' : 'wrong';
  if (!named) return 'right';
  const inSource = new Set(own.split(/\s+/).map(key));
  if (!named.split(/\s+/).some((w) => w.length > 2 && inSource.has(key(w)))) return null;
  return VOICE_OF_ORGANISATION.test(head.toLowerCase()) ? 'right' : 'wrong';
}

export function quoteScores(matches: ReadonlyArray<QuoteMatch<QuotePredLike, QuoteGoldLike>>): Prf {
  let tp = 0, fp = 0, fn = 0;
  for (const m of matches) { tp += m.matched.length; fp += m.falsePositives.length; fn += m.falseNegatives.length; }
  return prf(tp, fp, fn);
}

// ─── Cleaning ─────────────────────────────────────────────────────────────────────────────────

/** Lower-cased word tokens: runs of letters and digits, with inner apostrophes kept ("don't"). */
export function wordTokens(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu) ?? [];
}

/**
 * The multiset of word n-gram shingles (a repeated shingle counts as often as it occurs, so keeping a
 * paragraph twice costs precision). A text shorter than n words is one shingle of all its words.
 */
export function shingles(text: string, n = 4): Map<string, number> {
  const words = wordTokens(text);
  const out = new Map<string, number>();
  const add = (s: string) => out.set(s, (out.get(s) ?? 0) + 1);
  if (words.length > 0 && words.length < n) add(words.join(' '));
  for (let i = 0; i + n <= words.length; i++) add(words.slice(i, i + n).join(' '));
  return out;
}

/** Shingle counts of a predicted text against its gold: tp = shared (multiset), fp/fn = the rest. */
export function shingleCounts(predicted: string, gold: string, n = 4): { tp: number; fp: number; fn: number } {
  const p = shingles(predicted, n);
  const g = shingles(gold, n);
  let tp = 0, predTotal = 0, goldTotal = 0;
  for (const [s, c] of p) { predTotal += c; tp += Math.min(c, g.get(s) ?? 0); }
  for (const c of g.values()) goldTotal += c;
  return { tp, fp: predTotal - tp, fn: goldTotal - tp };
}
