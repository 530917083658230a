// Readers for the claim sections: Bottom line (sentences in a paragraph), Key points and
// Discrepancies (`- text [cites]`), Timeline and Figures (`- **date|figure** — text [cites]`).
import type { Claim, Figure, TimelineEvent } from '../model.ts';
import { isIsoDate, sortCites } from '../text.ts';
import { describe, inlineOf, type Block } from './blocks.ts';
import type { Located, ReadContext } from './context.ts';
import { findCites, splitLeadingBold } from './inline.ts';
import { listItems, quoteLines, readEvidence, withCites, type RawItem } from './items.ts';

const lineIn = (raw: string, at: number, first: number): number => first + (raw.slice(0, at).match(/\n/g)?.length ?? 0);

/** A paragraph of sentences, each followed by its citations; consecutive citations join. */
function sentences(raw: string, first: number, ctx: ReadContext): Located<Claim>[] {
  const out: Located<Claim>[] = [];
  let from = 0;
  for (const { span, cites } of findCites(raw)) {
    const piece = raw.slice(from, span.start);
    const line = lineIn(raw, from + piece.length - piece.trimStart().length, first);
    const text = ctx.plain(piece, line);
    const last = out.at(-1);
    if (text === '' && last) last.value.cites = sortCites([...last.value.cites, ...cites]);
    else out.push({ value: { text, cites, evidence: [] }, line, evidenceLines: [] });
    from = span.end;
  }
  const tail = raw.slice(from);
  if (tail.trim() !== '') ctx.error(lineIn(raw, from + tail.length - tail.trimStart().length, first), 'Bottom line: sentence does not end with a citation like [s1] or [s1, s3]');
  return out;
}

const claimOf = (item: RawItem, ctx: ReadContext, name: string): Located<Claim> | null => {
  const split = withCites(item.head, ctx, name);
  if (!split) return null;
  return { value: { text: ctx.plain(split.rest, item.head.line), cites: split.cites, evidence: item.evidence }, line: item.head.line, evidenceLines: item.evidenceLines };
};

/**
 * Bottom line: one paragraph (or several) of cited sentences; a blockquote after a paragraph holds
 * evidence lines of its last sentence; a list written by hand is read item by item.
 */
export function readBottomLine(section: readonly Block[], ctx: ReadContext): Located<Claim>[] {
  const out: Located<Claim>[] = [];
  for (const b of section) {
    if (b.type === 'paragraph') out.push(...sentences(inlineOf(b), b.line, ctx));
    else if (b.type === 'bullet_list' || b.type === 'ordered_list') out.push(...listItems([b], ctx, 'Bottom line').flatMap((it) => claimOf(it, ctx, 'Bottom line') ?? []));
    else if (b.type === 'blockquote' && out.length) {
      const last = out.at(-1)!;
      for (const l of quoteLines(b, ctx)) {
        const e = readEvidence(l, ctx);
        if (e) { last.value.evidence.push(e); last.evidenceLines.push(l.line); }
      }
    } else ctx.error(b.line, `Bottom line: expected a paragraph, found ${describe(b)}`);
  }
  return out;
}

/** Key points, Discrepancies: `- text [cites]`. */
export function readClaims(section: readonly Block[], ctx: ReadContext, name: string): Located<Claim>[] {
  return listItems(section, ctx, name).flatMap((it) => claimOf(it, ctx, name) ?? []);
}

/** `- **bold** — text [cites]`: the raw bold, the rest (text and citations) and the item. */
export function boldItems(section: readonly Block[], ctx: ReadContext, name: string, shape: string): { bold: string; rest: string; item: RawItem }[] {
  const out: { bold: string; rest: string; item: RawItem }[] = [];
  for (const item of listItems(section, ctx, name)) {
    const lead = splitLeadingBold(item.head.raw);
    const sep = lead && /^\s*(?:—|–|-(?=\s))\s*/.exec(lead.rest);
    if (!lead || !sep) { ctx.error(item.head.line, `${name}: item is not "- ${shape}"`); continue; }
    out.push({ bold: lead.bold, rest: lead.rest.slice(sep[0].length), item });
  }
  return out;
}

function boldClaims(section: readonly Block[], ctx: ReadContext, name: string, shape: string): Located<Claim & { bold: string }>[] {
  return boldItems(section, ctx, name, shape).flatMap(({ bold, rest, item }) => {
    const claim = claimOf({ ...item, head: { ...item.head, raw: rest } }, ctx, name);
    return claim ? [{ ...claim, value: { ...claim.value, bold: ctx.plain(bold, item.head.line) } }] : [];
  });
}

/** Timeline: `- **YYYY[-MM[-DD]]** — event [cites]`, put in date order if a hand edit moved one. */
export function readTimeline(section: readonly Block[], ctx: ReadContext): Located<TimelineEvent>[] {
  const events = boldClaims(section, ctx, 'Timeline', '**YYYY[-MM[-DD]]** — event [s1]').map(({ value: { bold, ...claim }, ...at }) => ({ ...at, value: { date: bold, ...claim } }));
  // A bad date is reported by validation; sorting around it would only scramble the item numbers.
  if (!events.every((e) => isIsoDate(e.value.date))) return events;
  const sorted = [...events].sort((a, b) => (a.value.date < b.value.date ? -1 : a.value.date > b.value.date ? 1 : 0));
  const moved = sorted.findIndex((e, k) => e !== events[k]);
  if (moved >= 0) ctx.warn(sorted[moved]!.line, 'Timeline: items are not in date order; they are read in date order');
  return sorted;
}

/** Figures: `- **figure** — what it measures [cites]`. */
export function readFigures(section: readonly Block[], ctx: ReadContext): Located<Figure>[] {
  return boldClaims(section, ctx, 'Figures', '**figure** — what it measures [s1]').map(({ value: { bold, ...claim }, ...at }) => ({ ...at, value: { figure: bold, ...claim } }));
}
