// The deck's map slide: a briefing naming places gets one "Where it happens" slide with the map as
// a picture written beside the deck (public/map.svg) and its key as text, the made-up town listed as
// not located; a hostile place name stays literal text; no places, no slide; same notes, same bytes.
import fs from 'node:fs';
import path from 'node:path';
import { parseSync } from '@slidev/parser';
import { NodeTypes, parse as parseVueTemplate, type TemplateChildNode } from '@vue/compiler-dom';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.ts';
import type { Output } from '../src/cli/output.ts';
import type { BriefingNotes } from '../src/notes/model.ts';
import { stringifyNotes } from '../src/notes/markdown.ts';
import { renderMap } from '../src/render/map/index.ts';
import { escapeXml } from '../src/render/map/svg.ts';
import { deckMap, MAP_FILE, planSlides, renderDeck } from '../src/render/slides/index.ts';
import { visibleText } from '../src/render/slides/markup.ts';
import { MAP_VIEW } from '../src/render/slides/map.ts';
import { placesNotes } from './helpers/deck-fixtures.ts';
import { sampleNotes } from './fixtures/sample-notes.ts';

const md = new MarkdownIt({ html: true });
const tmp = path.resolve(import.meta.dirname, '.tmp/slides-map');
const quiet: Output = { data: () => undefined, info: () => undefined, diagnostics: () => undefined };

/** Text, element names and interpolations of a slide body as Vue compiles it (v-pre removed, so the escaping alone is tested). */
function vueBody(content: string): { text: string; tags: string[]; interpolations: number } {
  const out = { text: '', tags: [] as string[], interpolations: 0 };
  const walk = (nodes: TemplateChildNode[]): void => {
    for (const n of nodes) {
      if (n.type === NodeTypes.INTERPOLATION) out.interpolations++;
      if (n.type === NodeTypes.TEXT) out.text += n.content;
      if (n.type === NodeTypes.ELEMENT) {
        out.tags.push(n.tag);
        walk(n.children);
      }
    }
  };
  walk(parseVueTemplate(md.render(content.replaceAll('<div v-pre class="briefing">', '<div class="briefing">'))).children);
  return out;
}

describe('the map slide', () => {
  const n = placesNotes();
  const plan = planSlides(n);
  const map = plan.find((s) => s.kind === 'map');
  const deck = renderDeck(n);

  it('comes once, after who backs whom, with the picture and a key naming the shading, the cities with dates and the town not located', () => {
    expect(plan.filter((s) => s.kind === 'map').length).toBe(1);
    expect(plan.findIndex((s) => s.kind === 'map')).toBe(plan.findIndex((s) => s.kind === 'relations') + 1);
    expect(map?.part).toBe('main');
    expect(map?.heading).toBe('Where it happens');
    const html = (map?.body ?? []).map((b) => b.value).join('\n');
    expect(html).toMatch(/<img class="b-map-img" src="\/map\.svg\?v=[0-9a-f]{12}"/);
    const key = (map?.body ?? []).map(visibleText).join(' ');
    expect(key).toContain('Shaded blue, on the side of Maria Lenz');
    expect(key).toContain('Netherlands');
    expect(key).toContain('Hamburg (2024-03-04); Rotterdam (2024-03-04)');
    expect(key).toMatch(/Not located \(not on the map\)\s*Qarvelle/);
    // The map draws the cities and never the town it could not locate.
    const svg = deck.files.find((f) => f.path === MAP_FILE)?.data ?? '';
    expect(svg).toContain('Rotterdam · 2024-03-04');
    expect(svg).not.toContain('Qarvelle');
    expect(svg).toBe(renderMap(n, MAP_VIEW).svg);
  });

  it('draws the region of the events, not the whole world, so the cities are far apart on the picture', () => {
    // Markers come in name order: Hamburg, then Rotterdam.
    const apart = (svg: string): number => {
      const [hamburg, rotterdam] = [...svg.matchAll(/<circle class="marker" cx="([\d.]+)" cy="([\d.]+)"/g)].map((m) => [Number(m[1]), Number(m[2])] as const);
      return Math.hypot((hamburg?.[0] ?? 0) - (rotterdam?.[0] ?? 0), (hamburg?.[1] ?? 0) - (rotterdam?.[1] ?? 0));
    };
    // Rotterdam and Hamburg are ~400 km apart: a few pixels on a world map, a good part of the slide's map.
    expect(apart(deckMap(n).svg)).toBeGreaterThan(40);
    expect(apart(renderMap(n).svg)).toBeLessThan(15);
  });

  it('is written beside the deck by `briefing render`, the image the slide shows', async () => {
    const dir = path.join(tmp, 'render');
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    const notesFile = path.join(dir, 'briefing.md');
    fs.writeFileSync(notesFile, stringifyNotes(n));
    const deckFile = path.join(dir, 'deck', 'slides.md');
    expect(await main(['render', notesFile, '--deck', deckFile, '--handout', path.join(dir, 'out', 'summary.pdf')], quiet)).toBe(0);
    const written = fs.readFileSync(deckFile, 'utf8');
    const src = /<img class="b-map-img" src="\/([^"?]+)\?v=/.exec(written)?.[1];
    expect(src).toBe('map.svg');
    // Slidev serves the deck folder's public/ at the root.
    const picture = path.join(dir, 'deck', 'public', src ?? '');
    expect(fs.existsSync(picture)).toBe(true);
    expect(fs.readFileSync(picture, 'utf8')).toMatch(new RegExp(`^<svg [^>]*viewBox="0 0 ${MAP_VIEW.width} ${MAP_VIEW.height}"`));
    expect(fs.readFileSync(picture, 'utf8')).toContain('Hamburg · 2024-03-04');
  });

  it('gives the same bytes for the same notes', () => {
    expect(renderDeck(placesNotes())).toEqual(deck);
  });

  it('is left out when the notes name no place, and no picture is asked for', () => {
    const plain = sampleNotes();
    expect(renderMap(plain).located).toEqual([]);
    expect(planSlides(plain).some((s) => s.kind === 'map')).toBe(false);
    expect(renderDeck(plain).files).toEqual([]);
  });
});

describe('a hostile place name', () => {
  const HOSTILE = 'Qar<script>x=1</script> {{ 7 * 191 }} --- `x` ```js';
  /** An actor that is a place (a port town) the gazetteer does not know, named with markup. */
  function hostileNotes(): BriefingNotes {
    const n = placesNotes();
    n.actors = [...n.actors, { name: HOSTILE, description: 'a port town on the coast', backedBy: [], opposedBy: [], cites: ['s1'], evidence: [] }];
    return n;
  }

  it('is listed as not located, as literal text: no element, no interpolation, no slide break, no code fence', () => {
    const n = hostileNotes();
    expect(renderMap(n).unlocated).toContain(HOSTILE);
    const text = renderDeck(n).markdown;
    const slides = parseSync(text, 'slides.md').slides;
    // The parse gives exactly the planned slides (plus the hidden headmatter slide).
    expect(slides.length).toBe(planSlides(n).length + 1);
    const slide = slides.find((s) => s.title === 'Where it happens');
    const body = vueBody(slide?.content ?? '');
    expect(body.text).toContain(HOSTILE);
    expect(body.tags).not.toContain('script');
    expect(body.interpolations).toBe(0);
    // Source text never begins a line, so it cannot open a code fence or end the slide.
    expect(slide?.content).not.toMatch(/^```/m);
    expect(slide?.content).not.toMatch(/^---$/m);
    // In the speaker notes, as text too.
    expect(md.render(slide?.note ?? '')).not.toContain('<script');
    expect(md.render(slide?.note ?? '')).not.toContain('<code>');
  });

  it('leaves the SVG well-formed: names in it are escaped, control characters dropped', () => {
    const n = hostileNotes();
    n.actors[0] = { ...n.actors[0]!, name: 'Lenz\u0001<b>&amp;' };
    const svg = deckMap(n).svg;
    expect(svg).toContain('side of Lenz&lt;b&gt;&amp;amp;');
    expect(svg).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
    // The escaper itself drops what XML cannot hold (a control, a lone surrogate), whatever calls it.
    expect(escapeXml('a\u0001<b\ud800>')).toBe('a&lt;b\ufffd&gt;');
  });
});
