// The "who backs whom" slide: actors and their backers as native boxes, joined by arrows (green:
// backs; red, dashed: opposes), laid out on an ellipse so that every pair can be joined by a line.
import type { BriefingNotes } from '../../notes/model.ts';
import { fitSize, type Para } from './fit.ts';
import type { Block, SlideSpec } from './spec.ts';
import { citeText, noteLines, titleSize } from './text.ts';
import { COLOURS, CONTENT_BOX, type Box } from './theme.ts';

/** More names than this crowd the ellipse; the rest are in the actors list and the notes. */
const MAX_NODES = 12;
const NODE = { w: 2.3, h: 0.7 } as const;
const NAME_SIZES = [14, 13, 12, 11, 10, 9];
const LEGEND_BOX: Box = { x: CONTENT_BOX.x, y: CONTENT_BOX.y + CONTENT_BOX.h - 0.35, w: CONTENT_BOX.w, h: 0.35 };

interface Edge { from: string; to: string; backs: boolean }

export function backingSlides(notes: BriefingNotes): SlideSpec[] {
  const edges: Edge[] = [];
  for (const a of notes.actors) {
    for (const b of a.backedBy) edges.push({ from: b, to: a.name, backs: true });
    for (const o of a.opposedBy) edges.push({ from: o, to: a.name, backs: false });
  }
  if (edges.length === 0) return [];
  // Actors in rank order first, then the other names the edges bring in, in order of appearance.
  const names: string[] = [];
  for (const n of [...notes.actors.map((a) => a.name).filter((n) => edges.some((e) => e.from === n || e.to === n)), ...edges.flatMap((e) => [e.to, e.from])]) {
    if (!names.includes(n)) names.push(n);
  }
  const shown = names.slice(0, MAX_NODES);
  const area: Box = { ...CONTENT_BOX, h: CONTENT_BOX.h - LEGEND_BOX.h };
  const centre = { x: area.x + area.w / 2, y: area.y + area.h / 2 };
  const radius = { x: (area.w - NODE.w) / 2, y: (area.h - NODE.h) / 2 };
  const nodes = new Map<string, Box>();
  const blocks: Block[] = [];
  shown.forEach((name, i) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / shown.length;
    const box = { x: round(centre.x + radius.x * Math.cos(angle) - NODE.w / 2), y: round(centre.y + radius.y * Math.sin(angle) - NODE.h / 2), ...NODE };
    nodes.set(name, box);
  });
  const actorNames = new Set(notes.actors.map((a) => a.name));
  for (const e of edges) {
    const a = nodes.get(e.from);
    const b = nodes.get(e.to);
    if (!a || !b || a === b) continue;
    blocks.push({ kind: 'line', from: borderPoint(a, b), to: borderPoint(b, a), colour: e.backs ? COLOURS.backs : COLOURS.alert, dash: !e.backs, arrow: true });
  }
  for (const [name, box] of nodes) {
    const para: Para = { runs: [{ text: name, bold: actorNames.has(name), colour: COLOURS.ink }] };
    const pt = fitSize([para], box, NAME_SIZES);
    // A name too long for the box at the smallest size gets a taller box rather than overflowing.
    let fitted = box;
    while (pt === null && fitSize([para], fitted, NAME_SIZES.slice(-1)) === null && fitted.h < 3) fitted = { ...fitted, h: round(fitted.h + 0.2) };
    blocks.push({ kind: 'text', box: fitted, pt: pt ?? NAME_SIZES[NAME_SIZES.length - 1]!, paras: [para], align: 'center', valign: 'middle', fill: actorNames.has(name) ? COLOURS.accentSoft : COLOURS.card, line: COLOURS.rule, name: `Actor ${name}` });
  }
  const legend: Para = { runs: [{ text: 'green arrow: backs', colour: COLOURS.backs }, { text: '   ·   ', colour: COLOURS.faint }, { text: 'red dashed arrow: opposes', colour: COLOURS.alert }, ...(names.length > shown.length ? [{ text: `   ·   ${names.length - shown.length} more in the speaker notes`, colour: COLOURS.faint }] : [])] };
  blocks.push({ kind: 'text', box: LEGEND_BOX, pt: fitSize([legend], LEGEND_BOX, [12, 11, 10, 9, 8]) ?? 8, paras: [legend], name: 'Legend' });
  const title = 'Who backs whom';
  const noteLinesAll = notes.actors.filter((a) => a.backedBy.length || a.opposedBy.length).flatMap((a) => {
    const relations = [...(a.backedBy.length ? [`backed by ${a.backedBy.join(', ')}`] : []), ...(a.opposedBy.length ? [`opposed by ${a.opposedBy.join(', ')}`] : [])];
    return noteLines(`${a.name}: ${relations.join('; ')}${citeText(a.cites)}`, a.evidence);
  });
  return [{ master: 'CONTENT', title, titlePt: titleSize(title), blocks, notes: [title, '', ...noteLinesAll].join('\n') }];
}

const round = (n: number) => Math.round(n * 1000) / 1000;

/** Where the line from the centre of `a` towards the centre of `b` leaves `a`'s box (a small gap outside). */
function borderPoint(a: Box, b: Box): [number, number] {
  const ca = { x: a.x + a.w / 2, y: a.y + a.h / 2 };
  const cb = { x: b.x + b.w / 2, y: b.y + b.h / 2 };
  const dx = cb.x - ca.x;
  const dy = cb.y - ca.y;
  const t = Math.min(dx === 0 ? Infinity : (a.w / 2 + 0.05) / Math.abs(dx), dy === 0 ? Infinity : (a.h / 2 + 0.05) / Math.abs(dy));
  return [round(ca.x + dx * t), round(ca.y + dy * t)];
}
