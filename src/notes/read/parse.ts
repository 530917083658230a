// Notes Markdown → BriefingNotes: frontmatter, then the body cut into sections, each read by its
// own reader, then the model checked by validateNotes with every problem placed on its line.
import type { Diagnostic } from '../../errors.ts';
import type { BriefingNotes } from '../model.ts';
import { validateNotes } from '../schema.ts';
import { readActors } from './actors.ts';
import { readBottomLine, readClaims, readFigures, readKeyPoints, readTimeline } from './claims.ts';
import { ReadContext } from './context.ts';
import { readFrontmatter } from './frontmatter.ts';
import { md } from './inline.ts';
import { readQuotes } from './quotes.ts';
import { splitSections, type SectionName } from './sections.ts';
import { readSources } from './sources.ts';

export interface ParsedNotes {
  /** The notes; null when any diagnostic is an error. */
  notes: BriefingNotes | null;
  /** Errors and warnings, in line order. */
  diagnostics: Diagnostic[];
}

function allCites(n: BriefingNotes): string[] {
  const items = [...n.bottomLine, ...n.keyPoints, ...n.actors, ...n.actors.flatMap((a) => a.positions ?? []), ...n.timeline, ...n.quotes, ...n.figures, ...(n.trends ?? []), ...n.discrepancies];
  return items.flatMap((x) => [...x.cites, ...x.evidence.map((e) => e.source)]);
}

export function parseNotesText(text: string, file: string): ParsedNotes {
  const ctx = new ReadContext(file);
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n?|\n/);
  const fm = readFrontmatter(lines, ctx);
  // Blank the frontmatter rather than cut it, so markdown-it's line numbers are the file's.
  const body = lines.map((l, k) => (k <= fm.end ? '' : l)).join('\n');
  const sections = splitSections(md.parse(body, {}), ctx, lines.length);
  const section = (name: SectionName) => sections.blocks.get(name) ?? [];

  const figures = readFigures(section('Figures'), ctx);
  const notes: BriefingNotes = {
    title: fm.title,
    subtitle: fm.subtitle,
    asOf: fm.asOf,
    inputs: fm.inputs,
    bottomLine: ctx.place('bottomLine', readBottomLine(section('Bottom line'), ctx)),
    keyPoints: ctx.place('keyPoints', readKeyPoints(section('Key points'), ctx)),
    actors: ctx.place('actors', readActors(section('Actors'), ctx)),
    timeline: ctx.place('timeline', readTimeline(section('Timeline'), ctx)),
    quotes: ctx.place('quotes', readQuotes(section('Quotes'), ctx)),
    figures: ctx.place('figures', figures.figures),
    discrepancies: ctx.place('discrepancies', readClaims(section('Discrepancies'), ctx, 'Discrepancies')),
    ...(figures.trends.length ? { trends: ctx.place('trends', figures.trends) } : {}),
    sources: ctx.place('sources', readSources(section('Sources'), ctx)),
  };
  // A missing Sources section is reported once, not again for every citation.
  const assumeSources = sections.missing.has('Sources') ? allCites(notes) : ctx.unreadSources;
  ctx.diagnostics.push(...validateNotes(notes, { file, lineOf: (path) => ctx.lines.get(path), assumeSources, skip: ctx.unread }));
  const diagnostics = ctx.diagnostics.map((d, k) => ({ d, k })).sort((a, b) => (a.d.line ?? 0) - (b.d.line ?? 0) || a.k - b.k).map(({ d }) => d);
  return { notes: ctx.failed ? null : notes, diagnostics };
}
