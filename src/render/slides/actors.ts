// The actors: one card per actor (name, role, what they want, did or said, who backs and who
// opposes them) in two columns, and the "who backs whom" diagram drawn from the same relations.
import type { Actor, BriefingNotes, Claim } from '../../notes/model.ts';
import { clipText } from './escape.ts';
import { atZoom, CONTENT, citesEm, textHeight, type TextBox } from './geometry.ts';
import { cite, sectionSlides, type SectionSlides } from './list.ts';
import { html, SafeNote, type SafeHtml } from './markup.ts';
import { DIAGRAM_BOX, relationGraph } from './mermaid.ts';
import { itemNotes, sourceIndex } from './notes.ts';
import type { Slide } from './slide.ts';

type Sources = ReturnType<typeof sourceIndex>;

/** A card's text width: half the content box less half the 14 px gap, 24 px padding and 4 px of border. */
const CARD_FIXED = 7 + 28;
const CARD_TEXT = CONTENT.width / 2 - CARD_FIXED;
const NAME = { px: 18, line: 24, width: CARD_TEXT, bold: true };
const DESC = { px: 15, line: 20, width: CARD_TEXT };
const REL = { px: 14, line: 19, width: CARD_TEXT };
/** Positions: 15 px, indented 12 px. */
const POSITION = { px: 15, line: 20, width: CARD_TEXT - 12 };
const CLIP = { name: 80, description: 160, relName: 40, relShown: 3, position: 140 };
/** Positions a card shows (the most telling first); all are in the notes. */
const POSITIONS_SHOWN = 2;

const positionsOf = (a: Actor): Claim[] => (a.positions ?? []).slice(0, POSITIONS_SHOWN);

/** A name list, at most three names shown: `A, B and 2 more`. */
function nameList(list: readonly string[]): { html: SafeHtml; text: string } {
  const shown = list.slice(0, CLIP.relShown).map((n) => clipText(n, CLIP.relName));
  const more = list.length - shown.length;
  // Separators are our HTML: a string part would be normalised (trimmed) as model text.
  return {
    html: html`${shown.map((n, i) => html`${i > 0 ? html`, ` : ''}<bdi>${n}</bdi>`)}${more > 0 ? html` and ${more} more` : ''}`,
    text: `${shown.join(', ')}${more > 0 ? ` and ${more} more` : ''}`,
  };
}

function relationLines(a: Actor): { label: string; css: string; names: ReturnType<typeof nameList> }[] {
  return [
    ...(a.backedBy.length > 0 ? [{ label: 'Backed by', css: 'b-backs', names: nameList(a.backedBy) }] : []),
    ...(a.opposedBy.length > 0 ? [{ label: 'Opposed by', css: 'b-opposes', names: nameList(a.opposedBy) }] : []),
  ];
}

function actorCard(a: Actor): SafeHtml {
  const desc = clipText(a.description, CLIP.description);
  return html`<li class="b-actor"><span class="b-actor-name"><bdi>${clipText(a.name, CLIP.name)}</bdi> ${cite(a.cites)}</span>${
    desc ? html`<span class="b-actor-desc"><bdi>${desc}</bdi></span>` : ''
  }${positionsOf(a).map((p) => html`<span class="b-actor-pos"><bdi>${clipText(p.text, CLIP.position)}</bdi> ${cite(p.cites)}</span>`)}${relationLines(a).map(
    (r) => html`<span class="b-actor-rel"><span class="${r.css}">${r.label}</span> ${r.names.html}</span>`,
  )}</li>`;
}

function actorHeight(a: Actor, zoom: number): number {
  const box = (b: TextBox, fixed = CARD_FIXED): TextBox => atZoom(b, zoom, fixed);
  const desc = clipText(a.description, CLIP.description);
  let h = 18 + textHeight(clipText(a.name, CLIP.name), box(NAME), citesEm(a.cites, NAME.px));
  if (desc) h += textHeight(desc, box(DESC));
  for (const p of positionsOf(a)) h += 4 + textHeight(clipText(p.text, CLIP.position), box(POSITION, CARD_FIXED + 12), citesEm(p.cites, POSITION.px));
  for (const r of relationLines(a)) h += 4 + textHeight(`${r.label} ${r.names.text}`, box(REL));
  return zoom * h;
}

function actorSummary(a: Actor): string {
  const parts = [a.description ? `${a.name} — ${a.description}.` : `${a.name}.`];
  if (a.backedBy.length > 0) parts.push(`Backed by: ${a.backedBy.join(', ')}.`);
  if (a.opposedBy.length > 0) parts.push(`Opposed by: ${a.opposedBy.join(', ')}.`);
  return parts.join(' ');
}

const actorNotes = (a: Actor, sources: Sources) => [
  ...itemNotes(actorSummary(a), a.cites, a.evidence, sources),
  ...(a.positions ?? []).flatMap((p) => itemNotes(`Position: ${p.text}`, p.cites, p.evidence, sources).map((l) => new SafeNote(`  ${l.value}`))),
];

export function actorsSlides(n: BriefingNotes, sources: Sources): SectionSlides {
  return sectionSlides<Actor>({
    kind: 'actors',
    layout: 'actors',
    heading: 'Actors',
    appendixHeading: 'More actors',
    items: n.actors,
    columns: 2,
    rowGap: 12,
    maxItems: 6,
    appendixItems: 10,
    maxZoom: 2,
    list: ['<ul class="b-actor-grid">', '</ul>'],
    item: actorCard,
    height: actorHeight,
    notes: (a) => actorNotes(a, sources),
  });
}

/** "Who backs whom": one slide with the diagram, or none when the notes state no relation. */
export function relationsSlides(n: BriefingNotes, sources: Sources): SectionSlides {
  const graph = relationGraph(n.actors);
  if (!graph) return { main: [], appendix: [] };
  const left = graph.all.length - graph.shown.length;
  const slides: Slide[] = [
    {
      kind: 'relations',
      layout: 'relations',
      heading: 'Who backs whom',
      frontmatter: {},
      body: [
        html`<p class="b-legend"><span class="b-backs">→ solid arrow: backs</span> · <span class="b-opposes">⇢ dotted arrow: opposes</span>${
          left > 0 ? html` · ${graph.shown.length} of ${graph.all.length} relations drawn, all listed in the notes` : ''
        }</p>`,
      ],
      mermaid: { code: graph.code, scale: graph.scale },
      notes: graph.all.flatMap((r) => itemNotes(`${r.from} ${r.kind} ${r.to}.`, r.actor.cites, r.actor.evidence, sources)),
      items: graph.shown.length,
      height: 30 + DIAGRAM_BOX.height,
    },
  ];
  return { main: slides, appendix: [] };
}
