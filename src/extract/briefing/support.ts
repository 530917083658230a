// Support and caveats of claims, read off the finished source list: how many independent sources back a
// claim (a near-duplicate source repeats another, so it counts once with it) and, for a claim resting on
// one source only, whether that source is degraded, undated or stale. A stale source's claims are marked
// stale however many stale sources repeat them.

import type { BriefingNotes, Claim, ClaimCaveat, SourceEntry } from '../../notes/model.ts';

const CAVEATS: readonly ClaimCaveat[] = ['degraded', 'stale', 'undated'];

/** The claim with `support` and (when any) `caveats`. */
export function withSupport<T extends Claim>(c: T, sources: ReadonlyMap<string, SourceEntry>): T {
  const flagsOf = (id: string) => sources.get(id)?.flags ?? [];
  // A duplicate repeats a source it is cited beside; alone, it still stands for one source.
  const independent = c.cites.filter((id) => !flagsOf(id).includes('duplicate'));
  const support = Math.max(1, independent.length);
  const behind = independent.length ? independent : c.cites;
  const caveats = CAVEATS.filter((flag) => (flag === 'stale' || support === 1) && behind.every((id) => flagsOf(id).includes(flag)));
  const { caveats: _old, ...rest } = c;
  return { ...rest, support, ...(caveats.length ? { caveats } : {}) } as T;
}

/** Key points and actor positions with their support and caveats. */
export function supportClaims(notes: BriefingNotes): BriefingNotes {
  const sources = new Map(notes.sources.map((s) => [s.id, s]));
  return {
    ...notes,
    keyPoints: notes.keyPoints.map((c) => withSupport(c, sources)),
    actors: notes.actors.map((a) => (a.positions ? { ...a, positions: a.positions.map((p) => withSupport(p, sources)) } : a)),
  };
}
