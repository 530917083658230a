// BriefingNotes → notes Markdown, one small writer per section, in NOTES_SECTIONS order. Pure and
// deterministic: the same notes give the same bytes.
import YAML from 'yaml';
import type { Actor, BriefingNotes, Claim, Evidence, Quote, SourceEntry, Trend } from './model.ts';
import { NOTES_SECTIONS } from './model.ts';
import { sortCites } from './text.ts';
import { escapeActorText, escapeBold, escapeInline, escapeLine, escapeListed, escapeSourceField } from './escape.ts';

type Section = (typeof NOTES_SECTIONS)[number];

const cites = (ids: readonly string[]): string => `[${ids.join(', ')}]`;
const join = (...parts: string[]): string => parts.filter((p) => p !== '').join(' ');

/** `> sentence (chars START–END) [sN]`, indented under its item. */
const evidenceLine = (e: Evidence): string => `  > ${join(escapeLine(e.text), `(chars ${e.start}–${e.end})`, `[${e.source}]`)}`;

/** `- text [s1, s2]` with its evidence lines; `head` is already escaped. */
const item = (head: string, c: { cites: string[]; evidence: Evidence[] }): string[] => [`- ${join(head, cites(c.cites))}`, ...c.evidence.map(evidenceLine)];

/** Lines nested one level under an item (sub-items and their evidence). */
const nested = (lines: string[]): string[] => lines.map((l) => `  ${l}`);

/**
 * `{2 sources}` or `{1 source; stale, undated}` before the citations: a claim's support and caveats (see
 * SUPPORT_MARKER in read/marker.ts). Empty when the claim has neither.
 */
export function supportMarker(c: Pick<Claim, 'support' | 'caveats'>): string {
  const parts = [
    ...(c.support === undefined ? [] : [`${c.support} source${c.support === 1 ? '' : 's'}`]),
    ...(c.caveats?.length ? [c.caveats.join(', ')] : []),
  ];
  return parts.length ? `{${parts.join('; ')}}` : '';
}

/** A claim's text, then its marker: a text ending in `}` has it escaped, so it is never read as a marker. */
const claimHead = (c: Claim): string => join(escapeClosingBrace(escapeLine(c.text)), supportMarker(c));

/** A text's own closing brace at its end, escaped: only the marker's `}` ends a marker. */
const escapeClosingBrace = (escaped: string): string => escaped.replace(/}$/, '\\}');

const claimItem = (c: Claim): string[] => item(claimHead(c), c);

/**
 * Key points, each run of one theme under a `### Theme [cites]` heading (citing what its points cite).
 * A point without a theme after a themed one reads back as part of that theme (see normalizeNotes).
 */
function keyPointLines(points: readonly Claim[]): string[] {
  const out: string[] = [];
  points.forEach((p, k) => {
    if (p.theme !== undefined && (k === 0 || p.theme !== points[k - 1]!.theme)) {
      let end = k;
      while (end < points.length && points[end]!.theme === p.theme) end++;
      const themeCites = sortCites(points.slice(k, end).flatMap((q) => q.cites));
      if (out.length) out.push('');
      out.push(`### ${join(escapeLine(p.theme), cites(themeCites))}`, '');
    }
    out.push(...claimItem(p));
  });
  return out;
}

/** What an actor wants, did or said, as the verb of the claim suggests (for the analyst's eye only). */
function positionLabel(text: string): string {
  if (/\b(?:wants?|seeks?|demand(?:s|ed)?|call(?:s|ed) for|urge[sd]?|hopes?|plans?|aims?|insists?)\b/i.test(text)) return 'Wants';
  if (/\b(?:said|says|told|tells|stressed|warned|argued|denied|claimed|added|rejected)\b/i.test(text)) return 'Said';
  return 'Did';
}

/** `  - **Trend: 213 → 600 killed** — …` sub-items: each point `**date** — figure [sN]`. */
function trendItem(t: Trend): string[] {
  const range = `${t.points[0]?.figure ?? ''} → ${t.points.at(-1)?.figure ?? ''} ${t.measure}`;
  const points = t.points.map((p) => `- **${escapeBold(p.date)}** — ${escapeInline(p.figure)} [${p.source}]`);
  return [...item(`**${escapeBold(`Trend: ${range}`)}** — ${escapeInline(t.text)}`, t), ...nested(points)];
}

/** `**Name** — description. Backed by: A, B. Opposed by: C.` (every part but the name optional). */
function actorItem(a: Actor): string[] {
  const names = (ns: string[]) => ns.map((n) => escapeActorText(escapeListed(n))).join(', ');
  const rest = join(
    a.description ? `${escapeActorText(escapeInline(a.description))}.` : '',
    a.backedBy.length ? `Backed by: ${names(a.backedBy)}.` : '',
    a.opposedBy.length ? `Opposed by: ${names(a.opposedBy)}.` : '',
  );
  const positions = (a.positions ?? []).flatMap((p) => item(`**${positionLabel(p.text)}** — ${join(escapeClosingBrace(escapeInline(p.text)), supportMarker(p))}`, p));
  return [...item(`**${escapeBold(a.name)}** —${rest ? ` ${rest}` : ''}`, a), ...nested(positions)];
}

/** The words, then `— Speaker, role [cites]`, then evidence lines; a blank line ends the quote. */
function quoteBlock(q: Quote): string[] {
  const who = join(`— ${escapeListed(q.speaker)}${q.role ? `, ${escapeInline(q.role)}` : ''}`, cites(q.cites));
  return [`> ${escapeLine(q.text)}`, `> ${who}`, ...q.evidence.map(evidenceLine), ''];
}

function sourceItem(s: SourceEntry): string[] {
  const date = s.date === null ? 'undated' : s.dateSource === 'inferred' ? `${s.date} (inferred)` : s.date;
  const fields = [s.file, s.title, s.outlet].map(escapeSourceField);
  return [`- [${s.id}] ${[...fields, date, s.flags.length ? s.flags.join(', ') : 'no flags'].join(' — ')}`];
}

const SECTION_WRITERS: Record<Section, (n: BriefingNotes) => string[]> = {
  // One paragraph, one sentence a line: diffs and hand edits stay per sentence. A sentence with
  // evidence lines (the builder writes none) ends its paragraph, or the next line would continue the quote.
  'Bottom line': (n) =>
    n.bottomLine.flatMap((c, k) => {
      const line = join(escapeLine(c.text), cites(c.cites));
      if (!c.evidence.length) return [line];
      return [line, ...c.evidence.map(evidenceLine), ...(k < n.bottomLine.length - 1 ? [''] : [])];
    }),
  'Key points': (n) => keyPointLines(n.keyPoints),
  Actors: (n) => n.actors.flatMap(actorItem),
  Timeline: (n) => n.timeline.flatMap((e) => item(`**${escapeBold(e.date)}** — ${escapeInline(e.text)}`, e)),
  Quotes: (n) => n.quotes.flatMap(quoteBlock).slice(0, -1),
  Figures: (n) => [...n.figures.flatMap((f) => item(`**${escapeBold(f.figure)}** — ${escapeInline(f.text)}`, f)), ...(n.trends ?? []).flatMap(trendItem)],
  Discrepancies: (n) => n.discrepancies.flatMap(claimItem),
  Sources: (n) => n.sources.flatMap(sourceItem),
};

/** The YAML frontmatter, `---` lines included. Values go through the yaml library, one line each. */
export function frontmatter(n: BriefingNotes): string {
  const data = { title: n.title, subtitle: n.subtitle, as_of: n.asOf, sources: n.inputs };
  return `---\n${YAML.stringify(data, { lineWidth: 0 })}---\n`;
}

/** The notes file for already normalised notes (see normalizeNotes), without a `drafted:` line. */
export function writeNotes(n: BriefingNotes): string {
  const sections = NOTES_SECTIONS.map((name) => {
    const lines = SECTION_WRITERS[name](n);
    return `## ${name}\n\n${lines.length ? `${lines.join('\n')}\n\n` : ''}`;
  });
  return `${frontmatter(n)}\n${sections.join('').replace(/\n+$/, '\n')}`;
}
