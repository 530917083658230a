// Reader for Actors: `- **Name** — description. Backed by: A, B. Opposed by: C. [cites]`.
import type { Actor, Claim } from '../model.ts';
import type { Block } from './blocks.ts';
import type { Located, ReadContext } from './context.ts';
import { splitUnescaped, structureView } from './inline.ts';
import { withCites, type RawItem } from './items.ts';
import { boldOf, boldItems, claimOf } from './claims.ts';

const MARKER = /\b(backed|opposed)\s+by\s*:/gi;

/** The raw text without one unescaped full stop at its end (the writer adds one after each part). */
function withoutStop(raw: string): string {
  const t = raw.trimEnd();
  return structureView(t).endsWith('.') ? t.slice(0, -1) : t;
}

/** `description. Backed by: A, B. Opposed by: C.` → its parts, each still raw. */
function roleParts(raw: string): { description: string; backedBy: string[]; opposedBy: string[] } {
  const marks = [...structureView(raw).matchAll(MARKER)];
  const parts = { description: withoutStop(raw.slice(0, marks[0]?.index ?? raw.length)), backedBy: [] as string[], opposedBy: [] as string[] };
  marks.forEach((m, k) => {
    const list = withoutStop(raw.slice(m.index + m[0].length, marks[k + 1]?.index ?? raw.length));
    (m[1]!.toLowerCase() === 'backed' ? parts.backedBy : parts.opposedBy).push(...splitUnescaped(list, /,/));
  });
  return parts;
}

/** Positions: `  - **Said** — claim {support} [cites]` sub-items (the label is for the eye and not kept). */
function readPositions(items: RawItem[], ctx: ReadContext): Claim[] {
  return boldOf(items, ctx, 'Actors', '**Said|Wants|Did** — claim [s1] (a position)')
    .flatMap(({ rest, item }) => claimOf({ ...item, head: { ...item.head, raw: rest } }, ctx, 'Actors', true)?.value ?? []);
}

export function readActors(section: readonly Block[], ctx: ReadContext): Located<Actor>[] {
  return boldItems(section, ctx, 'Actors', '**Name** — role. Backed by: A. Opposed by: B. [s1]', true).flatMap(({ bold, rest, item }) => {
    const line = item.head.line;
    const split = withCites({ raw: rest, line }, ctx, 'Actors');
    if (!split) return [];
    const parts = roleParts(split.rest);
    const names = (raws: string[]) => raws.map((r) => ctx.plain(r, line)).filter((n) => n !== '');
    const actor: Actor = {
      name: ctx.plain(bold, line),
      description: ctx.plain(parts.description, line),
      backedBy: names(parts.backedBy),
      opposedBy: names(parts.opposedBy),
      cites: split.cites,
      evidence: item.evidence,
    };
    const positions = readPositions(item.subItems, ctx);
    if (positions.length) actor.positions = positions;
    return [{ value: actor, line, evidenceLines: item.evidenceLines }];
  });
}
