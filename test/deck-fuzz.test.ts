// Property-based check of the deck's escaping: strings mixing Markdown, HTML, Vue, YAML, Mermaid
// and Typst syntax go into every field of the notes model. Slidev's parser must find exactly the
// planned slides with only our frontmatter, and the bodies and notes must hold the strings as
// text. Then ONE real build of a deck holding a few hundred such strings, opened in Chromium: the
// text shows verbatim, no injected script ran, and no local file was read into the deck.
import { readFileSync, readdirSync } from 'node:fs';
import type { Server } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseSync } from '@slidev/parser';
import { NodeTypes, parse as parseVueTemplate, type TemplateChildNode } from '@vue/compiler-dom';
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import type { Browser } from 'playwright-chromium';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BriefingNotes } from '../src/notes/model.ts';
import { clipText, escapeNoteText } from '../src/render/slides/escape.ts';
import { planSlides, renderDeck, renderSlides } from '../src/render/slides/index.ts';
import { CLAIM_CHARS } from '../src/render/slides/sections.ts';
import { findChromium } from '../src/render/slides/slidev.ts';
import { sampleNotes } from './fixtures/sample-notes.ts';
import { buildAndServeDeck, checkSlides, launchBrowser, openDeck } from './helpers/deck-browser.ts';
import { withoutCitations } from './helpers/deck-notes.ts';

const md = new MarkdownIt({ html: true });

/** Live syntax of every language the deck passes through, and probes that would show a breach. */
const FRAGMENTS = [
  // Markdown and Slidev
  '---', '\n---\n', '***', '# ', '## ', '===', '* ', '- ', '1. ', '_', '[', '](', '![x](/etc/passwd)', '`', '```', '~~~', '|', '> ', '\\', '::right::', '::default::',
  '<!--', '-->', '$', '$$', '$x^2$', '[[', '^[note]', '<<< /etc/passwd', '<<< @/etc/hostname', '@include /etc/passwd', '@[youtube](x)', '[click]', 'v-click',
  // HTML and Vue
  '<script>window.__pwned=1</script>', '<script setup>window.__pwned=2</script>', '<img src=x onerror="window.__pwned=3">', '{{', '}}', '{{ window.__pwned = 4 }}',
  'v-on:click="window.__pwned=5"', '@click="alert(1)"', ':class="x"', 'v-html="y"', 'v-drag', '<Toc />', '<Tweet id="1"/>', '<iframe src=/etc/hostname>', 'src=/etc/hostname',
  '<style>body{display:none}</style>', '&amp;', '&lt;', '&#123;', '<', '>', '"', "'", '</div>', '<div v-pre>',
  // YAML
  'key: value', 'layout: iframe', 'url: /etc/passwd', '- item', '{a: 1}', '&anchor', '*alias', '!!js/function', '%YAML 1.2', '? ', '#comment',
  // Mermaid
  'graph LR', 'A-->B', '-.->', '-->|x|', '"]', '["', 'click n1 call alert(1)', '%%{init: {"securityLevel": "loose"}}%%', 'classDef x fill:#f00', 'linkStyle 0', '#quot;', ';',
  // Typst
  '#read("/etc/passwd")', '#set page(width: 1cm)', '#import "x"', '*bold*', '_em_', '@label', '<lab>', '$x$', '#let x = 1',
  // Whitespace, controls and scripts
  '\n', '\r\n', '\t', '\u2028', '\u0085', '\u202e', '\u2066', '\u200b', '\ufeff', 'قائد', 'שלום', '利比亚', '한국', 'é', '😀',
];

const hostileText = fc
  .array(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...FRAGMENTS) }, { weight: 1, arbitrary: fc.string({ maxLength: 5 }) }, { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 3 }) }), { minLength: 1, maxLength: 6 })
  .map((parts) => parts.join(''));

/** A notes model with `s` strings placed in every text field (and citations, ids, dates). */
function notesWith(s: readonly string[]): BriefingNotes {
  const at = (i: number): string => s[i % s.length] ?? '';
  let i = 0;
  const next = (): string => at(i++);
  const ev = () => [{ source: next(), start: 0, end: 1, text: next() }];
  const cites = () => [next(), 's1'];
  const n = sampleNotes();
  n.title = next();
  n.subtitle = next();
  n.asOf = next();
  n.inputs = [next()];
  n.bottomLine = [0, 1].map(() => ({ text: next(), cites: cites(), evidence: ev() }));
  // Half the points carry a theme (a string too), the first a caveat.
  n.keyPoints = s.map((text, k) => ({ text, cites: cites(), evidence: ev(), support: 2, ...(k % 2 ? { theme: at(k + 1) } : {}), ...(k === 0 ? { caveats: ['undated' as const] } : {}) }));
  n.actors = [0, 1, 2, 3].map(() => ({
    name: next(),
    description: next(),
    backedBy: [next(), next()],
    opposedBy: [next()],
    cites: cites(),
    evidence: ev(),
    positions: [{ text: next(), cites: cites(), evidence: ev() }],
  }));
  // A trend with real dates, so its chart is drawn with the strings as labels.
  n.trends = [{ text: next(), measure: next(), cites: cites(), evidence: ev(), points: [1, 2, 3].map((k) => ({ date: `2024-0${k}-01`, value: k * 7, figure: next(), source: next() })) }];
  n.timeline = [0, 1, 2].map(() => ({ date: next(), text: next(), cites: cites(), evidence: ev() }));
  n.quotes = [0, 1].map(() => ({ text: next(), speaker: next(), role: next(), cites: cites(), evidence: ev() }));
  n.figures = [0, 1, 2].map(() => ({ figure: next(), text: next(), cites: cites(), evidence: ev() }));
  n.discrepancies = [0, 1].map(() => ({ text: next(), cites: cites(), evidence: ev() }));
  n.sources = [0, 1, 2].map((k) => ({ id: k === 0 ? 's1' : next(), file: next(), title: next(), outlet: next(), date: k === 1 ? null : next(), dateSource: 'explicit' as const, flags: [] }));
  return n;
}

const OUR_TAGS = new Set(['h1', 'p', 'div', 'ul', 'ol', 'li', 'span', 'bdi', 'i', 'code', 'pre', 'footer', 'table', 'colgroup', 'col', 'thead', 'tbody', 'tr', 'th', 'td', 'svg', 'line', 'polyline', 'circle', 'text']);
/** Attributes we write: class and style, and the trend charts' SVG geometry (numbers we compute). */
const OUR_ATTRS = new Set(['class', 'style', 'width', 'height', 'viewBox', 'x', 'y', 'x1', 'y1', 'x2', 'y2', 'cx', 'cy', 'r', 'points', 'text-anchor']);

/** Every text node of a slide body as Vue would see it (v-pre removed first), and what else it holds. */
function vueView(content: string): { text: string; bad: string[] } {
  const bad: string[] = [];
  let text = '';
  const walk = (nodes: TemplateChildNode[]): void => {
    for (const n of nodes) {
      if (n.type === NodeTypes.INTERPOLATION) bad.push('interpolation');
      if (n.type === NodeTypes.TEXT) text += `${n.content} `;
      if (n.type === NodeTypes.ELEMENT) {
        if (!OUR_TAGS.has(n.tag)) bad.push(`<${n.tag}>`);
        for (const p of n.props) {
          if (p.type === NodeTypes.DIRECTIVE || !OUR_ATTRS.has(p.name)) bad.push(`attribute ${p.name}`);
          // Chart geometry is numbers only: no model text ever reaches an attribute.
          else if (p.name !== 'class' && p.name !== 'style' && p.name !== 'text-anchor' && p.value && !/^[\d., -]+$/.test(p.value.content)) bad.push(`attribute ${p.name}=${p.value.content}`);
        }
        walk(n.children);
      }
    }
  };
  walk(parseVueTemplate(md.render(content.replaceAll('<div v-pre class="briefing">', '<div class="briefing">'))).children);
  return { text: text.replace(/\s+/g, ' '), bad };
}

describe('property: any mix of syntaxes in any field', () => {
  it('gives exactly the planned slides, only our frontmatter, and the strings as text', () => {
    let strings = 0;
    fc.assert(
      fc.property(fc.array(hostileText, { minLength: 3, maxLength: 12 }), (s) => {
        strings += s.length;
        const n = notesWith(s);
        const text = renderSlides(n);
        const plan = planSlides(n);
        const slides = parseSync(text, 'slides.md').slides;
        expect(slides.length).toBe(plan.length + 1);
        expect(slides[0]?.frontmatter.title).toBe(n.title);
        expect(slides[0]?.content).toBe('');
        slides.slice(1).forEach((slide, k) => {
          const planned = plan[k];
          expect(slide.frontmatter).toEqual(k === 0 ? { layout: 'cover', title: expect.stringMatching(/^[\p{L}\p{M}\p{N} ]+$/u) } : { layout: planned?.layout });
          if (k > 0) expect(slide.title).toBe(planned?.heading);
          expect(withoutCitations(slide.note)).not.toMatch(/-->|[<>{}`*_[\]$~|\\]/);
          const view = vueView(slide.content);
          expect(view.bad).toEqual([]);
        });
        // Each string is a key point, shown whole (it is short) on a key point or theme slide, main or
        // appendix, or (when the rest is too short for an appendix slide) in that slide's notes.
        const pointSlides = slides.filter((x) => /^(Key points|Key themes|More key points|More themes)/.test(String(x.title)));
        const shown = pointSlides.map((x) => vueView(x.content).text).join(' ');
        const noted = pointSlides.map((x) => x.note ?? '').join('\n');
        for (const str of s) expect(shown.includes(clipText(str, CLAIM_CHARS)) || noted.includes(escapeNoteText(str))).toBe(true);
        expect(text).not.toMatch(/\{\{|<script|<Toc|<iframe|^\s*::\w+::\s*$|^<<<|^@include/im);
      }),
      { numRuns: 300, seed: 20240309 },
    );
    expect(strings).toBeGreaterThan(2000);
  });
});

const TMP = fileURLToPath(new URL('./.tmp/deck-fuzz/', import.meta.url));
const SLOW = 1_200_000;
const chromium = findChromium();
const run = chromium || process.env.CI ? describe : describe.skip;

/** Probes whose effect would show: a global set, a dialog, or a local file's text in the deck. */
const PROBES = [
  '<script>window.__pwned = 1</script>',
  '<script setup>window.__pwned = 2; alert(2)</script>',
  '<img src=x onerror="window.__pwned = 3">',
  '{{ window.__pwned = 4 }}',
  '<div v-html="\'<img src=x onerror=alert(5)>\'"></div>',
  '<button @click="alert(6)" v-on:mouseover="window.__pwned = 6">x</button>',
  '<<< /etc/passwd',
  '<<< @/etc/hostname',
  '@include /etc/passwd',
  '<iframe src=/etc/hostname></iframe> src=/etc/hostname',
  '![passwd](/etc/passwd)',
  '#read("/etc/passwd")',
  '$\\href{javascript:alert(7)}{x}$',
  '%%{init: {"securityLevel": "loose"}}%% click n1 call alert(8)',
  '---\nlayout: iframe\nurl: /etc/passwd\n---',
];

run('one real build of a deck of hostile strings', () => {
  let browser: Browser;
  let server: Server;
  let url = '';
  let strings: string[] = [];
  let dist = '';

  beforeAll(async () => {
    strings = [...PROBES, ...fc.sample(hostileText, { numRuns: 300, seed: 7 })];
    const deck = renderDeck(notesWith(strings));
    ({ dist, url, server } = await buildAndServeDeck(TMP, deck.markdown, deck.files));
    browser = await launchBrowser(chromium ?? '/usr/bin/chromium');
  }, SLOW);

  afterAll(async () => {
    await browser?.close();
    server?.close();
  });

  it('shows every string verbatim, runs nothing injected and reads no local file', { timeout: SLOW }, async () => {
    const page = await openDeck(browser, url);
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const count = planSlides(notesWith(strings)).length;
    const slides = await checkSlides(page, 1, count);
    const shown = slides.map((s) => s.text.replace(/\s+/g, ' ')).join(' ');
    for (const s of strings) expect(shown).toContain(clipText(s, CLAIM_CHARS));
    expect(slides.filter((s) => s.error).map((s) => s.no)).toEqual([]);
    expect(slides.flatMap((s) => s.overflow.map((o) => `slide ${s.no}: ${o}`))).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(shown).not.toMatch(/root:x:0:0/);
    await page.context().close();
  });

  it('built no local file into the deck', () => {
    const passwd = readFileSync('/etc/passwd', 'utf8').split('\n')[0] ?? 'root:x:0:0';
    const files = readdirSync(dist, { recursive: true, withFileTypes: true }).filter((f) => f.isFile());
    expect(files.length).toBeGreaterThan(5);
    for (const f of files) expect(readFileSync(path.join(f.parentPath, f.name), 'utf8').includes(passwd), f.name).toBe(false);
  });

});
