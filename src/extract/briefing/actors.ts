// Actors: the people and organisations that matter (and places that act, such as a country backing
// a side), with their role, who backs or opposes them, and the sentences that say so.

import type { Actor, Evidence } from '../../notes/model.ts';
import type { EntityMention } from '../analysis.ts';
import { oneLine, sentenceEvidence, sentenceIndexAt, sortCites, sortEvidence, type NotesContext } from './context.ts';

/** How many actors the notes list. */
export const MAX_ACTORS = 14;

export function actors(ctx: NotesContext): Actor[] {
  const backedBy = new Map<string, Set<string>>();
  const opposedBy = new Map<string, Set<string>>();
  const alignEvidence = new Map<string, Evidence[]>();
  const parties = new Set<string>();
  ctx.analyses.forEach((a, d) => {
    for (const al of a.alignments) {
      const to = al.relation === 'opposes' ? opposedBy : backedBy;
      const set = to.get(al.toId) ?? new Set<string>();
      set.add(al.fromId);
      to.set(al.toId, set);
      parties.add(al.fromId).add(al.toId);
      const k = sentenceIndexAt(ctx, d, al.start);
      if (k >= 0) alignEvidence.set(al.toId, [...(alignEvidence.get(al.toId) ?? []), sentenceEvidence(ctx, d, k)]);
    }
  });
  const chosen = ctx.ranked.filter((e) => e.type !== 'PLACE' || parties.has(e.id)).slice(0, MAX_ACTORS);
  const name = (id: string) => ctx.entities.get(id)?.canonical ?? id;
  return chosen.map((e) => {
    const evidence: Evidence[] = [];
    // Without a role, a description written with a mention ("a 76-year-old former army officer") says who
    // it is; it is taken from a sentence the evidence cites.
    let described: string | null = null;
    // The sentence that gives the role (else a description), else the first mention, per source (two sources at most).
    for (const [d, mentions] of [...e.mentionsByDoc].sort((x, y) => x[0] - y[0]).slice(0, 2)) {
      const m: EntityMention = mentions.find((x) => x.role && x.role === e.roles[0]) ?? (e.roles[0] || described ? undefined : mentions.find((x) => x.description)) ?? mentions[0]!;
      const k = sentenceIndexAt(ctx, d, m.start);
      if (k < 0) continue;
      evidence.push(sentenceEvidence(ctx, d, k));
      if (!e.roles[0] && !described && m.description) described = m.description;
    }
    const aligned = alignEvidence.get(e.id) ?? [];
    const allEvidence = sortEvidence([...evidence, ...aligned]);
    return {
      name: e.canonical,
      description: describe(ctx, e.id, e.roles[0] ?? described),
      backedBy: [...(backedBy.get(e.id) ?? [])].map(name).sort(),
      opposedBy: [...(opposedBy.get(e.id) ?? [])].map(name).sort(),
      cites: sortCites([...[...e.mentionsByDoc.keys()].map((d) => ctx.docs[d]!.id), ...aligned.map((x) => x.source)]),
      evidence: allEvidence,
    };
  });
}

/** Role (or description) and kind in words: "Deputy Prime Minister (person)" or "organisation". */
function describe(ctx: NotesContext, id: string, roleOrDescription: string | null): string {
  const e = ctx.entities.get(id)!;
  const role = roleOrDescription ? oneLine(roleOrDescription) : '';
  const kind = e.type === 'PERSON' ? 'person' : e.type === 'ORG' ? 'organisation' : 'place';
  return role ? `${role} (${kind})` : kind;
}
