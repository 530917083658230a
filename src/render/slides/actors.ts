// The actors: one card per actor (name, role, who backs and who opposes them) in two columns, and
// the "who backs whom" diagram drawn from the same relations.
import type { Actor, BriefingNotes } from '../../notes/model.ts';
import { clipText } from './escape.ts';
import { CONTENT, citeEm, textHeight } from './geometry.ts';
import { cite, listSlides } from './list.ts';
import { html, type SafeHtml } from './markup.ts';
import { DIAGRAM_BOX, relationGraph } from './mermaid.ts';
import { citeText, itemNotes, sourceIndex } from './notes.ts';
import type { Slide } from './slide.ts';

type Sources = ReturnType<typeof sourceIndex>;

/** A card's text width: half the content box less the 14 px gap, 24 px padding and 4 px of border. */
const CARD_TEXT = (CONTENT.width - 14) / 2 - 28;
const NAME = { px: 18, line: 24, width: CARD_TEXT, bold: true };
const DESC = { px: 15, line: 20, width: CARD_TEXT };
const REL = { px: 14, line: 19, width: CARD_TEXT };
const CLIP = { name: 80, description: 160, relName: 40, relShown: 3 };

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
  }${relationLines(a).map((r) => html`<span class="b-actor-rel"><span class="${r.css}">${r.label}</span> ${r.names.html}</span>`)}</li>`;
}

function actorHeight(a: Actor): number {
  const desc = clipText(a.description, CLIP.description);
  let h = 18 + textHeight(clipText(a.name, CLIP.name), NAME, citeEm(citeText(a.cites), NAME.px));
  if (desc) h += textHeight(desc, DESC);
  for (const r of relationLines(a)) h += 4 + textHeight(`${r.label} ${r.names.text}`, REL);
  return h;
}

function actorSummary(a: Actor): string {
  const parts = [a.description ? `${a.name} — ${a.description}.` : `${a.name}.`];
  if (a.backedBy.length > 0) parts.push(`Backed by: ${a.backedBy.join(', ')}.`);
  if (a.opposedBy.length > 0) parts.push(`Opposed by: ${a.opposedBy.join(', ')}.`);
  return parts.join(' ');
}

export function actorsSlides(n: BriefingNotes, sources: Sources): Slide[] {
  return listSlides<Actor>({
    kind: 'actors',
    layout: 'actors',
    heading: 'Actors',
    items: n.actors,
    columns: 2,
    rowGap: 12,
    maxItems: 10,
    list: ['<ul class="b-actor-grid">', '</ul>'],
    item: actorCard,
    height: actorHeight,
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
}
