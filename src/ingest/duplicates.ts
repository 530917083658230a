// Near-duplicate sources (one wire story run by two outlets, maybe lightly edited), found by word
// 5-gram shingles: Jaccard for two copies of similar length, containment for a shorter copy. Pure.
import type { SourceDoc } from '../notes/model.ts';
import { candidatePairs, setSize, shingleSet, type CandidatePair, type ShingleSet } from './duplicate-index.ts';

/** Words per shingle: long enough that two different reports of one event rarely share many. */
export const SHINGLE_WORDS = 5;
/** Two texts whose shingle sets overlap this much (Jaccard) are copies of one story. */
export const SAME_STORY_JACCARD = 0.5;
/** A shorter text this much contained in a longer one (its shingles found there) is a cut copy. */
export const SAME_STORY_CONTAINMENT = 0.7;
/** Texts with fewer shingles than this are too short to call copies by shingles. */
export const MIN_SHINGLES = 20;

/** One source found to repeat another. */
export interface DuplicatePair {
  /** The later copy (flagged `duplicate`). */
  duplicate: string;
  /** The source it repeats. */
  original: string;
  /** Shingle Jaccard of the two texts, 0–1. */
  jaccard: number;
  /** Share of the shorter text's shingles found in the longer one, 0–1. */
  containment: number;
}

/** The text's word 5-grams, lower-cased, punctuation and case ignored (so a damaged copy still matches). */
export function shingles(text: string, size = SHINGLE_WORDS): Set<string> {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const out = new Set<string>();
  for (let k = 0; k + size <= words.length; k++) out.add(words.slice(k, k + size).join(' '));
  return out;
}

/** Jaccard and containment of two shingle sets. */
export function overlap(a: Set<string>, b: Set<string>): { jaccard: number; containment: number } {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const s of small) if (large.has(s)) shared++;
  return overlapOfSizes(a.size, b.size, shared);
}

/** Jaccard and containment of two sets of `a` and `b` members that share `shared`. */
function overlapOfSizes(a: number, b: number, shared: number): { jaccard: number; containment: number } {
  if (a === 0 || b === 0) return { jaccard: 0, containment: 0 };
  return { jaccard: shared / (a + b - shared), containment: shared / Math.min(a, b) };
}

/**
 * Whether `b` is the later of the two: by publication date when both are dated and differ, else the
 * later in id order (sources are numbered in path order, so the answer never depends on chance).
 */
function isLater(a: Pick<SourceDoc, 'id' | 'meta'>, b: Pick<SourceDoc, 'id' | 'meta'>): boolean {
  if (a.meta.date && b.meta.date && a.meta.date !== b.meta.date) return b.meta.date > a.meta.date;
  return Number(b.id.slice(1)) > Number(a.id.slice(1));
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/**
 * Every pair of sources that carry the same story, the later of each pair named as the duplicate. `known`:
 * shingle sets made already, by text (where the text was read: duplicate-index.ts `shingleSet`); a text not
 * there (one repair changed) is hashed here.
 */
export function findDuplicates(docs: ReadonlyArray<Pick<SourceDoc, 'id' | 'text' | 'meta'>>, known?: ReadonlyMap<string, ShingleSet>): DuplicatePair[] {
  const sets = shingleSetsOf(docs, known);
  return duplicatesAmong(docs, sets, candidatePairs(sets, MIN_SHINGLES));
}

/** Finds the candidate pairs of `sets` as duplicate-index.ts `candidatePairs` does (on worker threads: src/ingest/parallel.ts). */
export type PairFinder = (sets: readonly ShingleSet[], minShingles: number) => Promise<CandidatePair[]>;

/** findDuplicates, with the candidate pairs found by `find` (the same pairs, found where it chooses). */
export async function findDuplicatesWith(docs: ReadonlyArray<Pick<SourceDoc, 'id' | 'text' | 'meta'>>, known: ReadonlyMap<string, ShingleSet> | undefined, find: PairFinder): Promise<DuplicatePair[]> {
  const sets = shingleSetsOf(docs, known);
  return duplicatesAmong(docs, sets, await find(sets, MIN_SHINGLES));
}

const shingleSetsOf = (docs: ReadonlyArray<Pick<SourceDoc, 'text'>>, known?: ReadonlyMap<string, ShingleSet>): ShingleSet[] =>
  docs.map((d) => known?.get(d.text) ?? shingleSet(d.text, SHINGLE_WORDS));

/**
 * The candidates that are copies, measured: candidates come from a shingle index (duplicate-index.ts), exact
 * for these thresholds; each is then measured as an all-pairs comparison of `shingles` sets would, on the
 * 64-bit hashes of the same shingles (counted once, by the index's own check), and in the same order.
 */
function duplicatesAmong(docs: ReadonlyArray<Pick<SourceDoc, 'id' | 'meta'>>, sets: readonly ShingleSet[], candidates: readonly CandidatePair[]): DuplicatePair[] {
  const pairs: DuplicatePair[] = [];
  for (const [i, j, shared] of candidates) {
    const o = overlapOfSizes(setSize(sets[i]!), setSize(sets[j]!), shared);
    if (o.jaccard < SAME_STORY_JACCARD && o.containment < SAME_STORY_CONTAINMENT) continue;
    const [first, later] = isLater(docs[i]!, docs[j]!) ? [docs[i]!, docs[j]!] : [docs[j]!, docs[i]!];
    pairs.push({ duplicate: later.id, original: first.id, jaccard: round(o.jaccard), containment: round(o.containment) });
  }
  return pairs;
}
