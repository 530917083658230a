// Readers for the claim sections: Bottom line (sentences in a paragraph), Key points and
// Discrepancies (`- text [cites]`), Timeline and Figures (`- **date|figure** — text [cites]`).
import type { Claim, Figure, TimelineEvent, Trend, TrendPoint } from '../model.ts';
import { isIsoDate, sortCites } from '../text.ts';
import { describe, inlineOf, type Block } from './blocks.ts';
import type { Located, ReadContext } from './context.ts';
import { findCites, splitLeadingBold, splitTrailingCites } from './inline.ts';
import { listItems, quoteLines, readEvidence, withCites, type RawItem } from './items.ts';
import { splitMarker } from './marker.ts';

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

/** A claim item; with `marked`, a support marker before its citations is read (see marker.ts). */
export const claimOf = (item: RawItem, ctx: ReadContext, name: string, marked = false): Located<Claim> | null => {
  const split = withCites(item.head, ctx, name);
  if (!split) return null;
  const { rest, ...support } = marked ? splitMarker(split.rest, ctx, item.head.line, name) : { rest: split.rest };
  return { value: { text: ctx.plain(rest, item.head.line), cites: split.cites, evidence: item.evidence, ...support }, line: item.head.line, evidenceLines: item.evidenceLines };
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

/**
 * Key points: `- text {support} [cites]` items, each run under a `### Theme [cites]` heading taking that
 * theme (the heading's citations are those of its points, so they are not read back).
 */
export function readKeyPoints(section: readonly Block[], ctx: ReadContext): Located<Claim>[] {
  const out: Located<Claim>[] = [];
  let theme: string | undefined;
  for (const b of section) {
    if (b.type === 'heading' && b.tokens[0]?.tag === 'h3') {
      const raw = inlineOf(b);
      theme = ctx.plain(splitTrailingCites(raw)?.rest ?? raw, b.line) || undefined;
      continue;
    }
    for (const it of listItems([b], ctx, 'Key points')) {
      const c = claimOf(it, ctx, 'Key points', true);
      if (c) out.push(theme === undefined ? c : { ...c, value: { ...c.value, theme } });
    }
  }
  return out;
}

/** `- **bold** — text [cites]`: the raw bold, the rest (text and citations) and the item. */
export function boldItems(section: readonly Block[], ctx: ReadContext, name: string, shape: string, nested = false): { bold: string; rest: string; item: RawItem }[] {
  return boldOf(listItems(section, ctx, name, nested), ctx, name, shape);
}

/** The items as `**bold** — rest`; an item of another shape is reported. */
export function boldOf(items: readonly RawItem[], ctx: ReadContext, name: string, shape: string): { bold: string; rest: string; item: RawItem }[] {
  const out: { bold: string; rest: string; item: RawItem }[] = [];
  for (const item of items) {
    const lead = splitLeadingBold(item.head.raw);
    const sep = lead && /^\s*(?:—|–|-(?=\s))\s*/.exec(lead.rest);
    if (!lead || !sep) { ctx.error(item.head.line, `${name}: item is not "- ${shape}"`); continue; }
    out.push({ bold: lead.bold, rest: lead.rest.slice(sep[0].length), item });
  }
  return out;
}

function boldClaims(section: readonly Block[], ctx: ReadContext, name: string, shape: string): Located<Claim & { bold: string; item: RawItem }>[] {
  return boldClaimsOf(boldItems(section, ctx, name, shape), ctx, name);
}

function boldClaimsOf(items: ReturnType<typeof boldOf>, ctx: ReadContext, name: string): Located<Claim & { bold: string; item: RawItem }>[] {
  return items.flatMap(({ bold, rest, item }) => {
    const claim = claimOf({ ...item, head: { ...item.head, raw: rest } }, ctx, name);
    return claim ? [{ ...claim, value: { ...claim.value, bold: ctx.plain(bold, item.head.line), item } }] : [];
  });
}

/** Timeline: `- **YYYY[-MM[-DD]]** — event [cites]`, put in date order if a hand edit moved one. */
export function readTimeline(section: readonly Block[], ctx: ReadContext): Located<TimelineEvent>[] {
  const events = boldClaims(section, ctx, 'Timeline', '**YYYY[-MM[-DD]]** — event [s1]').map(({ value: { bold, item: _item, ...claim }, ...at }) => ({ ...at, value: { date: bold, ...claim } }));
  // A bad date is reported by validation; sorting around it would only scramble the item numbers.
  if (!events.every((e) => isIsoDate(e.value.date))) return events;
  const sorted = [...events].sort((a, b) => (a.value.date < b.value.date ? -1 : a.value.date > b.value.date ? 1 : 0));
  const moved = sorted.findIndex((e, k) => e !== events[k]);
  if (moved >= 0) ctx.warn(sorted[moved]!.line, 'Timeline: items are not in date order; they are read in date order');
  return sorted;
}

const TREND = /^Trend:\s*/i;

/**
 * Figures: `- **figure** — what it measures [cites]`, and trends: `- **Trend: 213 → 600 killed** — text
 * [cites]` with one sub-item per point, `- **YYYY-MM-DD** — figure [sN]`.
 */
export function readFigures(section: readonly Block[], ctx: ReadContext): { figures: Located<Figure>[]; trends: Located<Trend>[] } {
  const all = boldClaimsOf(boldItems(section, ctx, 'Figures', '**figure** — what it measures [s1]', true), ctx, 'Figures');
  const figures: Located<Figure>[] = [];
  const trends: Located<Trend>[] = [];
  for (const { value: { bold, item, ...claim }, ...at } of all) {
    if (!TREND.test(bold)) {
      if (item.subItems.length) ctx.error(item.subItems[0]!.head.line, 'Figures: only a trend ("**Trend: …**") has sub-items');
      figures.push({ ...at, value: { figure: bold, ...claim } });
      continue;
    }
    const points = trendPoints(item, ctx);
    trends.push({ ...at, value: { measure: trendMeasure(bold.replace(TREND, ''), points), points, ...claim } });
  }
  return { figures, trends };
}

/** `- **YYYY-MM-DD** — at least 213 [s4]`: the value is the figure's first number, or the one in brackets after it. */
function trendPoints(item: RawItem, ctx: ReadContext): TrendPoint[] {
  return boldOf(item.subItems, ctx, 'Figures', '**YYYY-MM-DD** — figure [s1] (a trend point)').flatMap(({ bold, rest, item: sub }) => {
    const split = withCites({ raw: rest, line: sub.head.line }, ctx, 'Figures');
    if (!split) return [];
    const figure = ctx.plain(split.rest, sub.head.line);
    const bracketed = /\((\d[\d,]*(?:\.\d+)?)\)$/.exec(figure)?.[1];
    const first = /\d[\d,]*(?:\.\d+)?/.exec(figure)?.[0];
    const value = Number((bracketed ?? first ?? 'NaN').replace(/,/g, ''));
    if (Number.isNaN(value) || split.cites.length !== 1) {
      ctx.error(sub.head.line, 'Figures: a trend point is "- **YYYY-MM-DD** — figure [sN]", with a number in the figure and one source');
      return [];
    }
    return [{ date: ctx.plain(bold, sub.head.line), value, figure, source: split.cites[0]! }];
  });
}

/** "at least 213 → more than 600 killed" → "killed": what follows the last point's figure. */
function trendMeasure(range: string, points: readonly TrendPoint[]): string {
  const last = points.at(-1)?.figure;
  const at = last ? range.lastIndexOf(last) : -1;
  return (at >= 0 ? range.slice(at + last!.length) : range.replace(/^.*→\s*\S+/, '')).trim() || range.trim();
}
