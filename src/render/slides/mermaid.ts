// The "who backs whom" diagram: a Mermaid flowchart whose node ids we number (n1, n2…) and whose
// labels are escaped with `mermaidLabel`, so no source text is ever Mermaid code. Relations are
// added while the estimated drawing still fits the slide at a readable scale; the rest are left to
// the speaker notes.
import type { Actor } from '../../notes/model.ts';
import { mermaidLabel, normalizeText } from './escape.ts';

/** One relation as the notes state it: `from` backs or opposes `to`. */
export interface Relation {
  from: string;
  to: string;
  kind: 'backs' | 'opposes';
  /** The actor whose entry states it (its citations and evidence back it). */
  actor: Actor;
}

export interface RelationGraph {
  /** Mermaid source, without the fence. */
  code: string;
  /** Scale for Slidev's Mermaid component: it sets the drawing's height to natural height × scale. */
  scale: number;
  /** `LR` (backers in a column left of whom they back) or `TB` (in a row above): whichever draws larger. */
  direction: Direction;
  /** Relations drawn, in order. */
  shown: Relation[];
  /** Every relation the notes state, drawn or not. */
  all: Relation[];
}

/** Room for the drawing under the heading and legend, in canvas pixels (slide is 980×552; see geometry.ts). */
export const DIAGRAM_BOX = { width: 860, height: 350 };
/** Below this scale a 16 px label is too small to read from the back of a room. */
export const MIN_SCALE = 0.5;
/** More than this is a tangle, however small it is drawn. */
export const MAX_NODES = 10;
export const MAX_EDGES = 12;
/** Labels longer than this are clipped (the full names are in the notes). */
const LABEL_CHARS = 40;

// Mermaid's flowchart: labels wrap at 200 px; nodes 22 px and ranks 44 px apart (the theme's
// setup/mermaid.ts: tighter than Mermaid's 50, so a column of backers is drawn larger); 16 px text
// is about 8.5 px a character. Edge labels become dagre nodes of their own between two ranks.
const WRAP = 200;
const CHAR_PX = 8.5;
/** Gaps between nodes and between ranks, as the theme sets them (a test keeps the two equal). */
export const LAYOUT_GAPS = { node: 22, rank: 44 } as const;
const NODE_GAP = LAYOUT_GAPS.node;
const RANK_GAP = LAYOUT_GAPS.rank;
const EDGE_LABEL = { width: 65, height: 24 };

/** Flowchart directions we draw in. */
export type Direction = 'LR' | 'TB';

/** Every backs/opposes relation, in actor order (backers before opponents). */
export function relationsOf(actors: readonly Actor[]): Relation[] {
  return actors.flatMap((actor) => [
    ...actor.backedBy.map((name): Relation => ({ from: name, to: actor.name, kind: 'backs', actor })),
    ...actor.opposedBy.map((name): Relation => ({ from: name, to: actor.name, kind: 'opposes', actor })),
  ]);
}

interface Node {
  /** Normalised name: one node per name. */
  key: string;
  id: string;
  label: string;
  /** Shown characters, for the size estimate. */
  chars: number;
}

/** The graph of the first relations that fit the slide readably, or null when there are none. */
export function relationGraph(actors: readonly Actor[]): RelationGraph | null {
  const all = relationsOf(actors);
  if (all.length === 0) return null;
  // Nodes are keyed by normalised name, so a name given by two actors is one node.
  let nodes = new Map<string, Node>();
  const edges: [string, string][] = [];
  const shown: Relation[] = [];
  let scale = 1;
  let direction: Direction = 'LR';
  for (const r of all) {
    if (shown.length >= MAX_EDGES) break;
    const trial = new Map(nodes);
    for (const name of [r.to, r.from]) {
      const key = normalizeText(name);
      if (!trial.has(key)) {
        const label = mermaidLabel(name, LABEL_CHARS) || '(unnamed)';
        trial.set(key, { key, id: `n${trial.size + 1}`, label, chars: Math.min(LABEL_CHARS, normalizeText(name).length) || 9 });
      }
    }
    const edge: [string, string] = [normalizeText(r.from), normalizeText(r.to)];
    const trialFit = fitScale([...trial.values()], [...edges, edge]);
    const trialScale = trialFit.scale;
    // The first relation is always drawn, even when its labels are long; a later one only when
    // the drawing stays readable. Skipped ones may still fit later relations between drawn nodes.
    if (shown.length > 0 && (trialScale < MIN_SCALE || trial.size > MAX_NODES)) continue;
    nodes = trial;
    edges.push(edge);
    shown.push(r);
    scale = trialScale;
    direction = trialFit.direction;
  }
  const id = (key: string): string => nodes.get(key)?.id ?? '';
  const lines = [
    `graph ${direction}`,
    ...[...nodes.values()].map((n) => `  ${n.id}["${n.label}"]`),
    ...shown.map((r, i) => {
      const [from, to] = edges[i] ?? ['', ''];
      return `  ${id(from)} ${r.kind === 'backs' ? '-->|backs|' : '-.->|opposes|'} ${id(to)}`;
    }),
    // Our colours, by edge number: green for backing, red for opposition (as in the theme).
    ...shown.map((r, i) => `  linkStyle ${i} stroke:${r.kind === 'backs' ? '#2f6b3a' : '#a3271b'},stroke-width:2px`),
  ];
  return { code: lines.join('\n'), scale: Math.floor(Math.max(scale, 0.3) * 100) / 100, direction, shown, all };
}

/** A drawing fitted to less than this share of the box's height is a thin strip across the slide. */
const THIN = 0.6;
/** Instead of a thin strip, the other direction may draw labels this much smaller, no more. */
const FILL_OVER_SIZE = 0.8;

/**
 * The direction to draw in and the scale at which its estimated layout fits `DIAGRAM_BOX` (at most
 * 1; the layout grows a small drawing further). A graph of few ranks and many nodes a rank (four
 * backers of one side) is tall drawn left to right and wide top to bottom; a chain (A backs B
 * opposes C) the other way round. The direction that draws labels larger wins, unless it is a
 * thin strip and the other fills more of the height for at most a fifth of the label size: a
 * strip across the top of a slide leaves it half empty, a narrow column only widens its margins.
 */
function fitScale(nodes: readonly Node[], edges: readonly [string, string][]): { scale: number; direction: Direction } {
  const layouts = estimateLayout(nodes, edges);
  const [lr, tb] = (['LR', 'TB'] as const).map((direction) => {
    const { width, height } = layouts[direction];
    const scale = Math.min(DIAGRAM_BOX.width / width, DIAGRAM_BOX.height / height);
    return { direction, scale, tall: (scale * height) / DIAGRAM_BOX.height };
  }) as [{ direction: Direction; scale: number; tall: number }, { direction: Direction; scale: number; tall: number }];
  const larger = tb.scale > lr.scale ? tb : lr;
  const other = larger === tb ? lr : tb;
  const best = larger.tall < THIN && other.tall > larger.tall && other.scale >= larger.scale * FILL_OVER_SIZE ? other : larger;
  return { direction: best.direction, scale: Math.min(1, best.scale) };
}

/**
 * A deliberately generous estimate of dagre's layout in both directions: ranks by longest path
 * (back edges of cycles ignored), edge labels a rank of their own between two ranks (dagre then
 * halves the rank gap: measured top to bottom, a label row and its gaps take 24 px + one gap). Drawn left to right a
 * rank is a column as wide as its widest node and as tall as its nodes stacked; top to bottom a
 * row as tall as its tallest node and as wide as its nodes side by side, plus the widest node of
 * the graph (dagre centres a node under its parents, so a wide one juts out of its row; measured:
 * four backers and a 30-character name drew 758 px wide where the row alone is 500).
 */
function estimateLayout(nodes: readonly Node[], edges: readonly [string, string][]): Record<Direction, { width: number; height: number }> {
  const keys = nodes.map((n) => n.key);
  const out = new Map<string, string[]>(keys.map((k) => [k, []]));
  for (const [a, b] of edges) out.get(a)?.push(b);
  // Depth-first order; an edge to a node still on the stack closes a cycle and is ignored.
  const order: string[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const back = new Set<string>();
  const visit = (k: string): void => {
    state.set(k, 'open');
    for (const next of out.get(k) ?? []) {
      if (state.get(next) === 'open') back.add(`${k}\u0000${next}`);
      else if (!state.has(next)) visit(next);
    }
    state.set(k, 'done');
    order.push(k);
  };
  for (const k of keys) if (!state.has(k)) visit(k);
  const rank = new Map<string, number>(keys.map((k) => [k, 0]));
  for (const k of order.reverse()) {
    for (const next of out.get(k) ?? []) {
      if (!back.has(`${k}\u0000${next}`)) rank.set(next, Math.max(rank.get(next) ?? 0, (rank.get(k) ?? 0) + 1));
    }
  }
  const ranks = Math.max(...rank.values()) + 1;
  const size = (n: Node): { w: number; h: number } => {
    const px = n.chars * CHAR_PX;
    return { w: Math.min(WRAP, px) + 30, h: Math.ceil(px / WRAP) * 24 + 30 };
  };
  const stacked = (sizes: readonly number[]): number => sizes.reduce((sum, s) => sum + s + NODE_GAP, -NODE_GAP);
  // Along the flow (LR width, TB height) and across it (LR height, TB width).
  const lr = { along: 16, across: 0 };
  const tb = { along: 16, across: 0 };
  for (let r = 0; r < ranks; r++) {
    const inRank = nodes.filter((n) => rank.get(n.key) === r).map(size);
    lr.along += Math.max(0, ...inRank.map((s) => s.w));
    lr.across = Math.max(lr.across, stacked(inRank.map((s) => s.h)));
    tb.along += Math.max(0, ...inRank.map((s) => s.h));
    tb.across = Math.max(tb.across, stacked(inRank.map((s) => s.w)));
  }
  // Edges between neighbouring ranks put their labels in the column (or row) between them; a long
  // edge crosses several. Count, per gap, the labels and edges passing through it.
  for (let gap = 0; gap < ranks - 1; gap++) {
    const through = edges.filter(([a, b]) => {
      const [ra, rb] = [rank.get(a) ?? 0, rank.get(b) ?? 0];
      return Math.min(ra, rb) <= gap && Math.max(ra, rb) > gap;
    }).length;
    lr.along += EDGE_LABEL.width + 2 * RANK_GAP;
    lr.across = Math.max(lr.across, through * (EDGE_LABEL.height + NODE_GAP) - NODE_GAP);
    tb.along += EDGE_LABEL.height + RANK_GAP;
    tb.across = Math.max(tb.across, through * (EDGE_LABEL.width + NODE_GAP) - NODE_GAP);
  }
  tb.across += Math.max(0, ...nodes.map((n) => size(n).w));
  // Self-loops and same-rank edges (from cycles) take room beside their node.
  if (edges.some(([a, b]) => rank.get(a) === rank.get(b))) {
    lr.along += EDGE_LABEL.width + RANK_GAP;
    tb.along += EDGE_LABEL.height + RANK_GAP;
  }
  return { LR: { width: lr.along + 16, height: lr.across + 16 }, TB: { width: tb.across + 16, height: tb.along + 16 } };
}
