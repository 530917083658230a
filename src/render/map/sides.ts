// The sides of a conflict as the notes' backing and opposition name them: who backs whom is on one
// side, who opposes them on the other. Used to shade the countries that back each side.
import type { Actor } from '../../notes/model.ts';

/** Side 0 is the side of the highest-ranked actor with any backing or opposition; 1 the other. */
export type Side = 0 | 1;

export interface Sides {
  /** The side a name is on, if the backing and opposition put it on one. */
  get(name: string): Side | undefined;
  /** Whether the name backs some actor (a backer is shaded; the backed actor itself is not). */
  isBacker(name: string): boolean;
  /** The highest-ranked actor named on each side, for the legend. */
  leaders: [string | undefined, string | undefined];
}

/**
 * Two-colour the graph of "backs" (same side) and "opposes" (other side) edges, starting from the
 * actors in rank order. Only the first connected group is coloured: a second, unrelated conflict in
 * the same notes has no sides relative to the first, so it is left unshaded rather than guessed.
 */
export function sidesOf(actors: readonly Actor[]): Sides {
  const edges = new Map<string, { other: string; same: boolean }[]>();
  const link = (a: string, b: string, same: boolean) => {
    for (const [x, y] of [[a, b], [b, a]] as const) {
      const list = edges.get(x) ?? [];
      list.push({ other: y, same });
      edges.set(x, list);
    }
  };
  const backers = new Set<string>();
  for (const actor of actors) {
    for (const b of actor.backedBy) { link(actor.name, b, true); backers.add(b); }
    for (const o of actor.opposedBy) link(actor.name, o, false);
  }
  const side = new Map<string, Side>();
  const start = actors.find((a) => edges.has(a.name));
  if (start) {
    side.set(start.name, 0);
    const queue = [start.name];
    while (queue.length) {
      const at = queue.shift()!;
      const mine = side.get(at)!;
      for (const { other, same } of edges.get(at) ?? []) {
        if (side.has(other)) continue; // the first colouring wins over a contradictory edge
        side.set(other, same ? mine : ((1 - mine) as Side));
        queue.push(other);
      }
    }
  }
  const leader = (s: Side) => actors.find((a) => side.get(a.name) === s && !backers.has(a.name))?.name ?? actors.find((a) => side.get(a.name) === s)?.name;
  return { get: (name) => side.get(name), isBacker: (name) => backers.has(name), leaders: [leader(0), leader(1)] };
}
