// List items and evidence lines, the parts most sections share: `- head [cites]` followed by
// indented `> sentence (chars START–END) [sN]` lines.
import type { Evidence } from '../model.ts';
import { children, describe, inlineOf, type Block } from './blocks.ts';
import type { ReadContext } from './context.ts';
import { splitTrailingCites, structureView } from './inline.ts';

/** One line of raw inline Markdown and its 1-based line number. */
export interface RawLine {
  raw: string;
  line: number;
}

/** A list item: the raw text of its first paragraph, and its evidence. */
export interface RawItem {
  head: RawLine;
  evidence: Evidence[];
  evidenceLines: number[];
  /** Items of a list nested under it (actor positions, trend points), where the section allows one. */
  subItems: RawItem[];
}

/** The lines of a blockquote's paragraphs (consecutive `>` lines make one paragraph). */
export function quoteLines(quote: Block, ctx: ReadContext): RawLine[] {
  const out: RawLine[] = [];
  for (const c of children(quote)) {
    if (c.type !== 'paragraph') { ctx.error(c.line, `unexpected ${describe(c)} inside a blockquote`); continue; }
    inlineOf(c).split('\n').forEach((raw, k) => out.push({ raw, line: c.line + k }));
  }
  return out;
}

const EVIDENCE_TAIL = /\(\s*chars\s+(\d+)\s*[–-]\s*(\d+)\s*\)\s*\[\s*(s\d+)\s*\]\s*$/i;

/** True when a quote line has the `(chars START–END) [sN]` ending of an evidence line. */
export const looksLikeEvidence = (raw: string): boolean => EVIDENCE_TAIL.test(structureView(raw));

export function readEvidence(l: RawLine, ctx: ReadContext): Evidence | null {
  const m = EVIDENCE_TAIL.exec(structureView(l.raw));
  if (!m) {
    ctx.error(l.line, 'evidence line is not "> sentence (chars START–END) [sN]"', 'fix it, or delete the line: evidence lines are optional');
    return null;
  }
  return { source: m[3]!.toLowerCase(), start: Number(m[1]), end: Number(m[2]), text: ctx.plain(l.raw.slice(0, m.index), l.line) };
}

function readItem(li: Block, ctx: ReadContext, section: string, nested: boolean): RawItem | null {
  const [first, ...rest] = children(li);
  if (first?.type !== 'paragraph') {
    ctx.error(li.line, `${section}: ${first ? `item starts with ${describe(first)}` : 'empty item'}, not with its text`);
    return null;
  }
  const item: RawItem = { head: { raw: inlineOf(first), line: first.line }, evidence: [], evidenceLines: [], subItems: [] };
  for (const b of rest) {
    if (nested && (b.type === 'bullet_list' || b.type === 'ordered_list')) { item.subItems.push(...listItems([b], ctx, section)); continue; }
    if (b.type !== 'blockquote') { ctx.error(b.line, `${section}: unexpected ${describe(b)} inside an item`, 'an item is one paragraph with optional "> …" evidence lines'); continue; }
    for (const l of quoteLines(b, ctx)) {
      const e = readEvidence(l, ctx);
      if (e) { item.evidence.push(e); item.evidenceLines.push(l.line); }
    }
  }
  return item;
}

/** The items of a list section (`-`, `*`, `+` or numbered lists); anything else is reported. `nested`: an
 * item may hold a list of sub-items (one level). */
export function listItems(section: readonly Block[], ctx: ReadContext, name: string, nested = false): RawItem[] {
  const out: RawItem[] = [];
  for (const b of section) {
    if (b.type !== 'bullet_list' && b.type !== 'ordered_list') {
      ctx.error(b.line, `${name}: expected list items ("- …"), found ${describe(b)}`);
      continue;
    }
    for (const li of children(b)) {
      const item = readItem(li, ctx, name, nested);
      if (item) out.push(item);
    }
  }
  return out;
}

/** The head without its trailing citation; reports the item when it has none. */
export function withCites(head: RawLine, ctx: ReadContext, name: string): { rest: string; cites: string[] } | null {
  const split = splitTrailingCites(head.raw);
  if (!split) ctx.error(head.line, `${name}: item does not end with a citation like [s1] or [s1, s3]`);
  return split;
}
