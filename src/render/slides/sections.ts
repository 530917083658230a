// One function per kind of slide: each turns a part of the notes into slides (several when the
// part is long), with escaped HTML bodies and speaker notes.
import type { Actor, BriefingNotes, Claim, Figure, Quote, SourceEntry, TimelineEvent } from '../../notes/model.ts';
import { clipText, plainWords } from './escape.ts';
import { html, note, SafeHtml, visibleText, type SafeNote } from './markup.ts';
import { relationGraph } from './mermaid.ts';
import { citeText, dateText, itemNotes, sourceIndex } from './notes.ts';
import { BUDGETS, pageHeading, paginate, type Budget } from './paginate.ts';
import type { Slide, SlideKind } from './slide.ts';

type Sources = ReadonlyMap<string, SourceEntry>;

const cite = (cites: readonly string[]): SafeHtml => html`<span class="cite text-xs opacity-60 whitespace-nowrap">${citeText(cites)}</span>`;

/** A name list, at most three names shown: `A, B and 2 more`. */
function names(list: readonly string[]): SafeHtml {
  const shown = list.slice(0, 3).map((n) => html`<bdi>${clipText(n, 40)}</bdi>`);
  const more = list.length - shown.length;
  return html`${shown.flatMap((n, i) => (i === 0 ? [n] : [html`, `, n]))}${more > 0 ? html` and ${more} more` : ''}`;
}

interface Section<T> {
  kind: SlideKind;
  heading: string;
  budget: Budget;
  items: readonly T[];
  /** One `<li class="item">` line. */
  item: (item: T, budget: Budget) => SafeHtml;
  notes: (item: T) => SafeNote[];
  /** The element the items sit in, as opening and closing tags (ours, constant). */
  list?: [string, string];
}

/** The slides of one list section: items rendered, then paged by the size the reader sees. */
function listSlides<T>(section: Section<T>): Slide[] {
  const rendered = section.items.map((it) => ({ it, line: section.item(it, section.budget) }));
  const pages = paginate(rendered, (r) => visibleText(r.line).length, section.budget);
  const [open, close] = section.list ?? ['<ul>', '</ul>'];
  return pages.map((page, i) => ({
    kind: section.kind,
    heading: pageHeading(section.heading, i, pages.length),
    frontmatter: {},
    body: [new SafeHtml(open), ...page.map((r) => r.line), new SafeHtml(close)],
    notes: page.flatMap((r) => section.notes(r.it)),
    items: page.length,
  }));
}

export function coverSlide(n: BriefingNotes): Slide {
  const title = clipText(n.title, 90);
  // The theme's cover heading is 3.75rem: long titles get a smaller size so they stay on the slide.
  const style = title.length > 40 ? html` style="font-size:2.6rem;line-height:1.15"` : html``;
  const count = n.sources.length;
  return {
    kind: 'cover',
    heading: null,
    frontmatter: { layout: 'cover', title: plainWords(n.title) || 'Briefing' },
    body: [
      html`<h1${style}><bdi>${title}</bdi></h1>`,
      n.subtitle.trim() ? html`<p class="text-xl"><bdi>${clipText(n.subtitle, 160)}</bdi></p>` : html``,
      html`<p class="text-sm opacity-60">As of <bdi>${clipText(n.asOf, 30)}</bdi> · ${count} source${count === 1 ? '' : 's'}</p>`,
    ].filter((l) => l.value !== ''),
    notes: [
      note`- Title: ${n.title}`,
      note`- Subtitle: ${n.subtitle || '(none)'}`,
      note`- As of: ${n.asOf}`,
      note`- Built from: ${n.inputs.join(', ') || '(not recorded)'}; ${String(count)} sources`,
    ],
    items: 1,
  };
}

function claimSection(kind: 'bottomLine' | 'keyPoints' | 'discrepancies', heading: string, claims: readonly Claim[], sources: Sources): Slide[] {
  return listSlides({
    kind,
    heading,
    budget: BUDGETS[kind],
    items: claims,
    item: (c, b) => html`<li class="item"><bdi>${clipText(c.text, b.maxItemChars)}</bdi> ${cite(c.cites)}</li>`,
    notes: (c) => itemNotes(c.text, c.cites, c.evidence, sources),
  });
}

export const bottomLineSlides = (n: BriefingNotes, s: Sources): Slide[] => claimSection('bottomLine', 'Bottom line', n.bottomLine, s);
export const keyPointsSlides = (n: BriefingNotes, s: Sources): Slide[] => claimSection('keyPoints', 'Key points', n.keyPoints, s);
export const discrepanciesSlides = (n: BriefingNotes, s: Sources): Slide[] => claimSection('discrepancies', 'Discrepancies', n.discrepancies, s);

function actorSummary(a: Actor): string {
  const parts = [a.description ? `${a.name} — ${a.description}.` : `${a.name}.`];
  if (a.backedBy.length > 0) parts.push(`Backed by: ${a.backedBy.join(', ')}.`);
  if (a.opposedBy.length > 0) parts.push(`Opposed by: ${a.opposedBy.join(', ')}.`);
  return parts.join(' ');
}

export function actorsSlides(n: BriefingNotes, sources: Sources): Slide[] {
  return listSlides<Actor>({
    kind: 'actors',
    heading: 'Actors',
    budget: BUDGETS.actors,
    items: n.actors,
    item: (a, b) => {
      const desc = clipText(a.description, b.maxItemChars - 60);
      return html`<li class="item"><strong><bdi>${clipText(a.name, 60)}</bdi></strong>${desc ? html` — <bdi>${desc}</bdi>` : ''}${
        a.backedBy.length > 0 ? html` <span class="opacity-80">· backed by ${names(a.backedBy)}</span>` : ''
      }${a.opposedBy.length > 0 ? html` <span class="opacity-80">· opposed by ${names(a.opposedBy)}</span>` : ''} ${cite(a.cites)}</li>`;
    },
    notes: (a) => itemNotes(actorSummary(a), a.cites, a.evidence, sources),
  });
}

/** "Who backs whom": one slide with the diagram, or none when the notes state no relation. */
export function relationsSlides(n: BriefingNotes, sources: Sources): Slide[] {
  const graph = relationGraph(n.actors);
  if (!graph) return [];
  const left = graph.all.length - graph.shown.length;
  return [
    {
      kind: 'relations',
      heading: 'Who backs whom',
      frontmatter: {},
      body: [html`<p class="text-sm opacity-70">Solid arrow: backs · dotted arrow: opposes${left > 0 ? html` · ${graph.shown.length} of ${graph.all.length} relations drawn, all listed in the notes` : ''}</p>`],
      mermaid: { code: graph.code, scale: graph.scale },
      notes: graph.all.flatMap((r) => itemNotes(`${r.from} ${r.kind} ${r.to}.`, r.actor.cites, r.actor.evidence, sources)),
      items: graph.shown.length,
    },
  ];
}

export function timelineSlides(n: BriefingNotes, sources: Sources): Slide[] {
  return listSlides<TimelineEvent>({
    kind: 'timeline',
    heading: 'Timeline',
    budget: BUDGETS.timeline,
    items: n.timeline,
    item: (e, b) => html`<li class="item"><strong class="font-mono">${clipText(e.date, 20)}</strong> — <bdi>${clipText(e.text, b.maxItemChars)}</bdi> ${cite(e.cites)}</li>`,
    notes: (e) => itemNotes(`${e.date}: ${e.text}`, e.cites, e.evidence, sources),
  });
}

export function quotesSlides(n: BriefingNotes, sources: Sources): Slide[] {
  const who = (q: Quote): string => (q.role ? `${q.speaker}, ${q.role}` : q.speaker);
  return listSlides<Quote>({
    kind: 'quotes',
    heading: 'Quotes',
    budget: BUDGETS.quotes,
    items: n.quotes,
    list: ['<ul style="list-style:none;padding-left:0">', '</ul>'],
    item: (q, b) =>
      html`<li class="item mb-3"><blockquote class="!text-base"><bdi>“${clipText(q.text, b.maxItemChars)}”</bdi><br>— <bdi>${clipText(who(q), 80)}</bdi> ${cite(q.cites)}</blockquote></li>`,
    notes: (q) => itemNotes(`“${q.text}” — ${who(q)}`, q.cites, q.evidence, sources),
  });
}

export function figuresSlides(n: BriefingNotes, sources: Sources): Slide[] {
  return listSlides<Figure>({
    kind: 'figures',
    heading: 'Figures',
    budget: BUDGETS.figures,
    items: n.figures,
    list: ['<ul class="grid grid-cols-2 gap-4" style="list-style:none;padding-left:0">', '</ul>'],
    item: (f, b) =>
      html`<li class="item border border-gray-300 rounded p-3 !leading-snug"><div class="text-3xl font-bold mb-1"><bdi>${clipText(f.figure, 32)}</bdi></div><div><bdi>${clipText(f.text, b.maxItemChars)}</bdi> ${cite(f.cites)}</div></li>`,
    notes: (f) => itemNotes(`${f.figure}: ${f.text}`, f.cites, f.evidence, sources),
  });
}

function sourceItem(s: SourceEntry, b: Budget): SafeHtml {
  const undated = s.date === null || s.flags.includes('undated');
  const flags = s.flags.filter((f) => f !== 'undated');
  return html`<li class="item"><code>${s.id}</code> <bdi>${clipText(s.title, b.maxItemChars / 2)}</bdi> — <bdi>${clipText(s.outlet, 50)}</bdi> — ${
    undated ? html`<strong class="text-red-700">⚠ undated</strong>` : html`<bdi>${dateText(s)}</bdi>`
  }${flags.length > 0 ? html` <strong class="text-amber-700">⚑ ${flags.join(', ')}</strong>` : ''} <span class="font-mono text-xs opacity-70"><bdi>${clipText(s.file, 60)}</bdi></span></li>`;
}

/** Always at least one slide: a deck without its source list cannot be checked. */
export function sourcesSlides(n: BriefingNotes): Slide[] {
  const slides = listSlides<SourceEntry>({
    kind: 'sources',
    heading: 'Sources',
    budget: BUDGETS.sources,
    items: n.sources,
    list: ['<ul class="text-sm">', '</ul>'],
    item: sourceItem,
    notes: (s) => [note`- ${s.id}: ${s.file} — ${s.title} — ${s.outlet} — ${dateText(s)} — ${s.flags.join(', ') || 'no flags'}`],
  });
  if (slides.length > 0) return slides;
  return [{ kind: 'sources', heading: 'Sources', frontmatter: {}, body: [html`<p>No sources were listed.</p>`], notes: [note`- The notes list no sources.`], items: 0 }];
}

/** Every slide of the deck, in order; a section with nothing in it has no slide. */
export function planSlides(n: BriefingNotes): Slide[] {
  const sources = sourceIndex(n.sources);
  return [
    coverSlide(n),
    ...bottomLineSlides(n, sources),
    ...keyPointsSlides(n, sources),
    ...actorsSlides(n, sources),
    ...relationsSlides(n, sources),
    ...timelineSlides(n, sources),
    ...quotesSlides(n, sources),
    ...figuresSlides(n, sources),
    ...discrepanciesSlides(n, sources),
    ...sourcesSlides(n),
  ];
}
