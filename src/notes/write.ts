// BriefingNotes → notes Markdown, one small writer per section, in NOTES_SECTIONS order. Pure and
// deterministic: the same notes give the same bytes.
import YAML from 'yaml';
import type { Actor, BriefingNotes, Claim, Evidence, Quote, SourceEntry } from './model.ts';
import { NOTES_SECTIONS } from './model.ts';
import { escapeActorText, escapeBold, escapeInline, escapeLine, escapeListed, escapeSourceField } from './escape.ts';

type Section = (typeof NOTES_SECTIONS)[number];

const cites = (ids: readonly string[]): string => `[${ids.join(', ')}]`;
const join = (...parts: string[]): string => parts.filter((p) => p !== '').join(' ');

/** `> sentence (chars START–END) [sN]`, indented under its item. */
const evidenceLine = (e: Evidence): string => `  > ${join(escapeLine(e.text), `(chars ${e.start}–${e.end})`, `[${e.source}]`)}`;

/** `- text [s1, s2]` with its evidence lines; `head` is already escaped. */
const item = (head: string, c: { cites: string[]; evidence: Evidence[] }): string[] => [`- ${join(head, cites(c.cites))}`, ...c.evidence.map(evidenceLine)];

const claimItem = (c: Claim): string[] => item(escapeLine(c.text), c);

/** `**Name** — description. Backed by: A, B. Opposed by: C.` (every part but the name optional). */
function actorItem(a: Actor): string[] {
  const names = (ns: string[]) => ns.map((n) => escapeActorText(escapeListed(n))).join(', ');
  const rest = join(
    a.description ? `${escapeActorText(escapeInline(a.description))}.` : '',
    a.backedBy.length ? `Backed by: ${names(a.backedBy)}.` : '',
    a.opposedBy.length ? `Opposed by: ${names(a.opposedBy)}.` : '',
  );
  return item(`**${escapeBold(a.name)}** —${rest ? ` ${rest}` : ''}`, a);
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
  'Key points': (n) => n.keyPoints.flatMap(claimItem),
  Actors: (n) => n.actors.flatMap(actorItem),
  Timeline: (n) => n.timeline.flatMap((e) => item(`**${escapeBold(e.date)}** — ${escapeInline(e.text)}`, e)),
  Quotes: (n) => n.quotes.flatMap(quoteBlock).slice(0, -1),
  Figures: (n) => n.figures.flatMap((f) => item(`**${escapeBold(f.figure)}** — ${escapeInline(f.text)}`, f)),
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
