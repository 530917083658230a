// Tests of the Slidev deck renderer: the generated slides.md is read back by Slidev's own parser,
// its slide bodies by markdown-it and Vue's template parser, and its notes by markdown-it.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseSync } from '@slidev/parser';
import { NodeTypes, parse as parseVueTemplate, type TemplateChildNode } from '@vue/compiler-dom';
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import YAML from 'yaml';
import { describe, expect, it } from 'vitest';
import type { BriefingNotes } from '../src/notes/model.ts';
import { clipText, escapeHtmlText, escapeNoteText, mermaidLabel, normalizeText, yamlString } from '../src/render/slides/escape.ts';
import { CONTENT, planSlides, renderSlides } from '../src/render/slides/index.ts';
import { lineCount } from '../src/render/slides/geometry.ts';
import { LAYOUT_GAPS, relationGraph } from '../src/render/slides/mermaid.ts';
import { paginate } from '../src/render/slides/paginate.ts';
import { CLAIM_CHARS } from '../src/render/slides/sections.ts';
import { ARABIC, CJK, stressNotes, UNBROKEN, withoutCitations } from './helpers/deck-notes.ts';
import { findChromium } from '../src/render/slides/slidev.ts';
import { installTheme, THEME_SOURCE } from '../src/render/slides/theme-files.ts';
import { HOSTILE_STRINGS, hostileNotes, largeNotes, sampleNotes } from './fixtures/sample-notes.ts';

// Slidev renders slides and notes with markdown-it options like these (html on).
const md = new MarkdownIt({ html: true });

const parseDeck = (text: string) => parseSync(text, 'slides.md').slides;

const HEADMATTER_KEYS = ['theme', 'title', 'fonts', 'favicon', 'mdc', 'monaco', 'twoslash', 'download', 'info', 'transition', 'colorSchema', 'aspectRatio', 'canvasWidth', 'titleTemplate', 'hide'];

const decode = (s: string): string =>
  s.replace(/&(amp|lt|gt|quot);/g, (_, n: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"' })[n] ?? '').replace(/&#(\d+);/g, (_, c: string) => String.fromCodePoint(Number(c)));

/** The text a presenter reads in a note: rendered as Slidev does, tags stripped. */
function noteText(note: string): string {
  return decode(md.render(note).replace(/<[^>]*>/g, ' '));
}

interface BodyCheck {
  /** Every text node of the slide body, decoded as Vue decodes it. */
  text: string;
  /** Element names met. */
  tags: Set<string>;
  /** Attribute names met. */
  attrs: Set<string>;
  /** The attributes of every <img>, by name. */
  images: Record<string, string>[];
  interpolations: number;
  directives: number;
}

/**
 * A slide body as Vue would compile it: Markdown → HTML with markdown-it, then Vue's template
 * parser, with `v-pre` removed first so the check proves the escaping holds without it.
 */
function checkBody(content: string): BodyCheck {
  const htmlText = md.render(content.replaceAll('<div v-pre class="briefing">', '<div class="briefing">'));
  const result: BodyCheck = { text: '', tags: new Set(), attrs: new Set(), images: [], interpolations: 0, directives: 0 };
  const walk = (nodes: TemplateChildNode[]): void => {
    for (const n of nodes) {
      if (n.type === NodeTypes.INTERPOLATION) result.interpolations++;
      if (n.type === NodeTypes.TEXT) result.text += `${n.content} `;
      if (n.type === NodeTypes.ELEMENT) {
        result.tags.add(n.tag);
        if (n.tag === 'img') result.images.push(Object.fromEntries(n.props.flatMap((p) => (p.type === NodeTypes.ATTRIBUTE ? [[p.name, p.value?.content ?? '']] : []))));
        for (const p of n.props) {
          if (p.type === NodeTypes.DIRECTIVE) result.directives++;
          else result.attrs.add(p.name);
        }
        walk(n.children);
      }
    }
  };
  walk(parseVueTemplate(htmlText).children);
  result.text = result.text.replace(/\s+/g, ' ');
  return result;
}

const OUR_TAGS = new Set(['h1', 'p', 'div', 'ul', 'ol', 'li', 'span', 'bdi', 'i', 'code', 'pre', 'footer', 'table', 'colgroup', 'col', 'thead', 'tbody', 'tr', 'th', 'td']);
const OUR_ATTRS = new Set(['class', 'style']);
/** The map slide's picture: the one element with a source, and every attribute of it is ours. */
const MAP_TAGS = new Set([...OUR_TAGS, 'img']);
const MAP_ATTRS = new Set([...OUR_ATTRS, 'src', 'width', 'height', 'alt']);

/** The headings a deck of `n` must have when every section fits on one slide. */
function oneSlideHeadings(n: BriefingNotes): string[] {
  const hasRelations = n.actors.some((a) => a.backedBy.length + a.opposedBy.length > 0);
  const hasUnknowns = n.sources.some((s) => s.date === null || s.flags.includes('stale'));
  return [
    [n.bottomLine, 'Bottom line'],
    [n.timeline, 'What happened'],
    [n.keyPoints, 'Key points'],
    [n.actors, 'Actors'],
    [hasRelations ? [1] : [], 'Who backs whom'],
    [n.quotes, 'What they say'],
    [n.figures, 'Numbers'],
    [n.discrepancies, 'Where sources disagree'],
    [hasUnknowns ? [1] : [], 'What is unknown or undated'],
  ]
    .filter(([items]) => (items as unknown[]).length > 0)
    .map(([, h]) => h as string)
    .concat('Sources');
}

/** What must hold of any deck, whatever the text in the notes. */
function assertSafeDeck(n: BriefingNotes, text: string): ReturnType<typeof parseDeck> {
  const slides = parseDeck(text);
  const plan = planSlides(n);
  // One hidden headmatter slide, then exactly the planned slides: no separator came from the text.
  expect(slides.length).toBe(plan.length + 1);
  const [head, ...shown] = slides;
  expect(Object.keys(head?.frontmatter ?? {}).sort()).toEqual([...HEADMATTER_KEYS].sort());
  expect(head?.frontmatter.title).toBe(n.title);
  expect(head?.frontmatter.fonts).toEqual({ provider: 'none' });
  expect(head?.frontmatter.hide).toBe(true);
  expect(head?.content).toBe('');
  shown.forEach((s, i) => {
    const planned = plan[i];
    if (i === 0) expect(Object.keys(s.frontmatter).sort()).toEqual(['layout', 'title']);
    else {
      expect(s.frontmatter).toEqual({ layout: planned?.layout });
      expect(s.title).toBe(planned?.heading);
    }
    // Slidev compiles slide titles as Markdown into a Vue component: plain words only.
    expect(String(s.title)).toMatch(/^[\p{L}\p{M}\p{N} ()/]+$/u);
    expect(s.note, `slide ${i + 1} has notes`).toBeTruthy();
    expect(s.note).not.toContain('-->');
    expect(withoutCitations(s.note)).not.toMatch(/[<>{}`*_[\]$~|\\]/);
    const body = checkBody(s.content);
    expect(body.interpolations).toBe(0);
    expect(body.directives).toBe(0);
    const isMap = planned?.kind === 'map';
    expect([...body.tags].filter((t) => !(isMap ? MAP_TAGS : OUR_TAGS).has(t))).toEqual([]);
    expect([...body.attrs].filter((a) => !(isMap ? MAP_ATTRS : OUR_ATTRS).has(a))).toEqual([]);
    for (const img of body.images) {
      expect(img.src).toMatch(/^\/map\.svg\?v=[0-9a-f]+$/);
      expect(img.alt).toBe('Map of the places the briefing names; the key beside it lists them');
    }
  });
  expect(text).not.toContain('{{');
  expect(text).not.toMatch(/<script/i);
  expect(text).not.toMatch(/<Toc/);
  expect(text).not.toMatch(/^\s*::[\w.\-:]+::\s*$/m);
  expect(text).not.toMatch(/<!--(?![\s\S]*?-->)/);
  return slides;
}

describe('renderSlides on sampleNotes()', () => {
  const notes = sampleNotes();
  const text = renderSlides(notes);
  const slides = parseDeck(text);

  it('has the hidden headmatter, the cover, one slide per non-empty section, and the sources', () => {
    expect(slides.length).toBe(2 + oneSlideHeadings(notes).length);
    expect(slides.slice(2).map((s) => s.title)).toEqual(oneSlideHeadings(notes));
    expect(slides[1]?.frontmatter.layout).toBe('cover');
    expect(slides.slice(2).map((s) => s.frontmatter.layout)).toEqual(['bottom-line', 'timeline', 'points', 'actors', 'relations', 'quotes', 'figures', 'points', 'points', 'sources']);
  });

  it('puts the title, offline fonts and no CDN in the headmatter', () => {
    const head = slides[0]?.frontmatter ?? {};
    expect(head.title).toBe(notes.title);
    expect(head.theme).toBe('./theme');
    expect(head.colorSchema).toBe('auto');
    expect(head.fonts).toEqual({ provider: 'none' });
    expect(head.mdc).toBe(false);
    expect(head.favicon).toBe('');
    expect(text).not.toMatch(/https?:\/\//);
  });

  it('shows the cover: title, subtitle, as-of date and source count', () => {
    const cover = checkBody(slides[1]?.content ?? '').text;
    for (const s of [notes.title, notes.subtitle, notes.asOf, `${notes.sources.length} sources`, '1 undated']) expect(cover).toContain(s);
  });

  it('puts a footer with the as-of date, source count and slide number on every slide but the cover', () => {
    expect(slides[1]?.content).not.toContain('b-footer');
    slides.slice(2).forEach((s, i) => {
      expect(checkBody(s.content).text).toContain(`As of ${notes.asOf} · 3 sources ${i + 2} / ${slides.length - 1}`);
    });
  });

  it('gives every content slide notes holding each cited sentence with its source', () => {
    for (const s of slides.slice(1)) expect(s.note?.trim()).toBeTruthy();
    const kp = noteText(slides.find((s) => s.title === 'Key points')?.note ?? '');
    for (const point of notes.keyPoints) {
      expect(kp).toContain(point.text);
      for (const e of point.evidence) expect(kp).toContain(e.text);
    }
    expect(kp).toContain('s1 (sources/a.txt, Avalon Herald, 2024-03-03)');
    expect(kp).toContain('s2 (sources/b.txt, unknown outlet, undated)');
    // A cited source with no sentence recorded is still named, with its file, outlet and date.
    const bottom = noteText(slides.find((s) => s.title === 'Bottom line')?.note ?? '');
    expect(bottom).toContain('s2 (sources/b.txt, unknown outlet, undated): no source sentence recorded');
    expect(bottom).toContain('s3 (sources/c.txt, Harbour Daily, 2024-03-09 (inferred)): no source sentence recorded');
    const figures = noteText(slides.find((s) => s.title === 'Numbers')?.note ?? '');
    expect(figures).toContain('Losses exceed $4 million a day, the authority said.');
    expect(figures).toContain('2024-03-09 (inferred)');
  });

  it('shows citations on each item and marks undated and flagged sources', () => {
    const kp = slides.find((s) => s.title === 'Key points')?.content ?? '';
    expect(kp.match(/<li>/g)?.length).toBe(notes.keyPoints.length);
    expect(checkBody(kp).text).toContain('[s1, s2]');
    const sources = checkBody(slides.find((s) => s.title === 'Sources')?.content ?? '').text;
    expect(sources).toMatch(/s2 untitled sources\/b\.txt unknown outlet ⚠ undated ⚑ degraded/);
    expect(sources).toContain('2024-03-09 (inferred)');
    expect(sources.match(/⚠ undated/g)?.length).toBe(1);
  });

  it('lists at most three backers on an actor card, with spaces kept between names', () => {
    const n = sampleNotes();
    n.actors[0]!.backedBy = ['Egypt', 'Russia', 'UAE', 'Saudi Arabia', 'France'];
    const actors = parseDeck(renderSlides(n)).find((s) => s.title === 'Actors');
    expect(checkBody(actors?.content ?? '').text).toContain('Backed by Egypt , Russia , UAE and 2 more');
  });

  it('draws who backs whom with our node ids and the model names as labels', () => {
    const slide = slides.find((s) => s.title === 'Who backs whom');
    expect(slide?.content).toContain('```mermaid {scale: 1}\ngraph LR\n  n1["Maria Lenz"]\n  n2["Transport Federation"]\n  n3["Port of Avalon Authority"]\n  n2 -->|backs| n1\n  n3 -.->|opposes| n1\n  linkStyle 0 stroke:#2f6b3a,stroke-width:2px\n  linkStyle 1 stroke:#a3271b,stroke-width:2px\n```');
  });

  it('is a pure function of the notes: same input, same bytes', () => {
    expect(renderSlides(sampleNotes())).toBe(text);
    expect(renderSlides(structuredClone(notes))).toBe(text);
    expect(renderSlides(notes, { theme: 'seriph' })).toBe(text.replace('theme: ./theme', 'theme: seriph'));
  });

  it('leaves out empty sections but keeps the cover and sources', () => {
    const empty: BriefingNotes = { ...sampleNotes(), bottomLine: [], keyPoints: [], actors: [], timeline: [], quotes: [], figures: [], discrepancies: [], sources: [] };
    const s = assertSafeDeck(empty, renderSlides(empty));
    expect(s.map((x) => x.title ?? null).slice(2)).toEqual(['Sources']);
    expect(s.length).toBe(3);
  });

  it('refuses a theme name that could break the headmatter', () => {
    expect(() => renderSlides(notes, { theme: 'default\ntitle: x' })).toThrow(/theme/);
    expect(() => renderSlides(notes, { theme: 'a---b' })).toThrow(/theme/);
  });
});

describe('renderSlides on hostileNotes()', () => {
  const notes = hostileNotes();
  const text = renderSlides(notes);

  it('keeps its structure and every text inert', () => {
    assertSafeDeck(notes, text);
  });

  it('shows each hostile string as text, exactly (after whitespace folding)', () => {
    const slides = parseDeck(text);
    const keyPoints = slides.filter((s) => /^(More )?[Kk]ey points/.test(String(s.title)));
    const shown = keyPoints.map((s) => checkBody(s.content).text).join(' ');
    const notesText = keyPoints.map((s) => noteText(s.note ?? '')).join(' ');
    for (const h of HOSTILE_STRINGS) {
      expect(shown).toContain(normalizeText(h));
      expect(notesText).toContain(normalizeText(h));
    }
    expect(shown).toContain('{{ 7 * 191 }} braces evaluate in Vue');
  });

  it('keeps source text out of Mermaid code and fence options', () => {
    const block = text.match(/^```mermaid(.*)\n([\s\S]*?)\n```$/m);
    expect(block?.[1]).toMatch(/^ \{scale: [\d.]+\}$/);
    for (const line of block?.[2]?.split('\n').slice(1) ?? []) {
      expect(line).toMatch(/^ {2}n\d+\["(?:[\p{L}\p{M}\p{N} ]|#\d+;)*"\]$|^ {2}n\d+ (?:-->\|backs\||-\.->\|opposes\|) n\d+$|^ {2}linkStyle \d+ stroke:#[0-9a-f]{6},stroke-width:2px$/u);
    }
  });

  it('starts every line with our own markup, never with model text', () => {
    const body = text.split('\n---\n').slice(1).join('\n');
    for (const line of body.split('\n')) {
      expect(line).toMatch(/^$|^---$|^(layout|title): "|^# [\w ()/]+$|^<\/?(div|ul|ol|li|h1|p|table|tbody|tr|footer)[ >]|^- |^ {2}- |^<!--$|^-->$|^```(mermaid \{scale: [\d.]+\})?$|^graph (LR|TB)$|^ {2}(n\d+|linkStyle)[ []/);
    }
  });
});

describe('property: any text in any field', () => {
  const FRAGMENTS = [
    '---', '--', '-->', '<!--', '{{', '}}', '{', '}', '<script setup>', '</script>', '<Toc/>', '<img src=x onerror=alert(1)>', '::right::', '::', '$', '$$',
    '`', '```', '~~~', '\n', '\r\n', '\n\n', '# ', '===', '* ', '_', '[', '](', ')', '![x](y)', '|', '>', '&amp;', '&#123;', '\\', 'v-drag', 'v-html="x"',
    ':class="y"', '@click="z"', 'title: x', 'key: value', '"', "'", '#read("x")', '#set page()', '*bold*', '%%{init: {}}%%', 'click A call x()', 'A-->B',
    '#quot;', '#35;', 'style', 'classDef', ';', '\u202e', '\u2066', '\u200b', '\u0000', '\u0085', '\u2028', '\ud800', '[click]', '<<< @/etc/passwd', 'ﬂ°°60¶ß',
  ];
  const hostileText = fc
    .array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 6 }), fc.string({ unit: 'binary', maxLength: 4 })), { minLength: 1, maxLength: 8 })
    .map((parts) => parts.join(''));

  it('keeps the slide count, the title and the escaping', () => {
    fc.assert(
      fc.property(fc.array(hostileText, { minLength: 1, maxLength: 6 }), (strings) => {
        const notes = hostileNotes(strings);
        const text = renderSlides(notes);
        const slides = assertSafeDeck(notes, text);
        const shown = slides
          .filter((s) => String(s.title).startsWith('Key points'))
          .map((s) => checkBody(s.content).text)
          .join(' ');
        for (const s of strings) expect(shown).toContain(clipText(s, CLAIM_CHARS).replace(/…$/, ''));
      }),
      { numRuns: 250, examples: [[["UK---", "---"]]] },
    );
  });
});

describe('renderSlides on largeNotes() and stressNotes()', () => {
  const notes = largeNotes();
  const slides = parseDeck(renderSlides(notes));
  const items = (prefix: string) => slides.filter((s) => String(s.title).startsWith(prefix)).reduce((n, s) => n + (s.content.match(/<li[ >]/g)?.length ?? 0), 0);

  it('keeps one main slide per section, no "(2/3)" slide, and puts the rest after an Appendix divider', () => {
    const plan = planSlides(notes);
    const titles = slides.map((s) => String(s.title));
    expect(titles.filter((t) => /\(\d+\/\d+\)/.test(t))).toEqual([]);
    const divider = plan.findIndex((s) => s.kind === 'divider');
    expect(divider).toBeGreaterThan(0);
    expect(plan[divider]?.heading).toBe('Appendix');
    const main = plan.slice(0, divider);
    expect(main.every((s) => s.part === 'main')).toBe(true);
    expect(plan.slice(divider).every((s) => s.part === 'appendix')).toBe(true);
    // One main slide per kind.
    expect(new Set(main.map((s) => s.kind)).size).toBe(main.length);
    // Every item is on exactly one slide, main or appendix.
    expect(items('What happened') + items('More events')).toBe(notes.timeline.length);
    expect(items('Actors') + items('More actors')).toBe(notes.actors.length);
    expect(items('What they say') + items('More quotes')).toBe(notes.quotes.length);
    expect(items('Key points') + items('More key points')).toBe(notes.keyPoints.length);
    // The main slide says where the rest went.
    expect(noteText(slides.find((s) => s.title === 'What happened')?.note ?? '')).toContain('more in the appendix: More events');
  });

  it('shows on the main timeline slide the events more sources report, in date order', () => {
    const n = largeNotes();
    n.timeline[150]!.cites = ['s1', 's2', 's3'];
    n.timeline[20]!.cites = ['s1', 's2'];
    const plan = planSlides(n);
    const main = plan.find((s) => s.heading === 'What happened');
    const text = main?.body.map((b) => b.value).join('') ?? '';
    expect(text).toContain(n.timeline[150]!.text);
    expect(text).toContain(n.timeline[20]!.text);
    expect(text.indexOf(n.timeline[20]!.text)).toBeLessThan(text.indexOf(n.timeline[150]!.text));
    expect(text).not.toContain(n.timeline[0]!.text);
  });

  it('keeps every slide\'s estimated height inside the content box', () => {
    for (const n of [notes, stressNotes(), hostileNotes()]) {
      const plan = planSlides(n);
      for (const s of plan) {
        // A single item may fill a page; more than one must fit.
        if (s.items > 1) expect(s.height, `${s.heading}`).toBeLessThanOrEqual(CONTENT.height);
      }
      // Every event is on a slide, or counted on the last appendix slide (past APPENDIX_SLIDES).
      expect(plan.filter((s) => s.kind === 'timeline').reduce((sum, s) => sum + s.items + (s.leftOut ?? 0), 0)).toBe(n.timeline.length);
    }
  });

  it('clips an over-long quote on the slide and keeps it whole in the notes', () => {
    const quote = slides.filter((s) => /^(What they say|More quotes)/.test(String(s.title))).at(-1);
    const full = normalizeText(notes.quotes[11]?.text ?? '');
    expect(checkBody(quote?.content ?? '').text).not.toContain(full);
    expect(checkBody(quote?.content ?? '').text).toContain('…');
    expect(noteText(quote?.note ?? '')).toContain(full);
  });

  it('draws only as many relations as fit, and lists them all in the notes', () => {
    const graph = relationGraph(notes.actors);
    expect(graph?.all.length).toBe(39);
    expect(graph?.shown.length).toBeLessThan(39);
    expect(graph?.scale).toBeGreaterThanOrEqual(0.5);
    const slide = slides.find((s) => s.title === 'Who backs whom');
    expect(checkBody(slide?.content ?? '').text).toContain(`${graph?.shown.length} of 39 relations drawn`);
    expect(noteText(slide?.note ?? '').match(/ backs Actor/g)?.length).toBe(39);
  });

  it('estimates the diagram with the node and rank gaps the theme gives Mermaid', () => {
    // The setup file is read as text: the theme is not a module this package can import.
    const setup = readFileSync(path.join(THEME_SOURCE, 'setup/mermaid.ts'), 'utf8');
    expect(setup).toContain(`flowchart: { nodeSpacing: ${LAYOUT_GAPS.node}, rankSpacing: ${LAYOUT_GAPS.rank} }`);
  });

  it('draws the timeline overview: a tick per distinct date, this slide\'s stretch marked', () => {
    const timeline = slides.filter((s) => /^(What happened|More events)/.test(String(s.title)));
    const first = timeline[1]?.content ?? '';
    expect(first.match(/class="b-span-tick"/g)?.length).toBeGreaterThan(100);
    expect(first).toMatch(/class="b-span-page" style="left:0%;width:[\d.]+%"/);
    expect(timeline.at(-1)?.content).toMatch(/class="b-span-page" style="left:[\d.]+%;width:[\d.]+%"/);
    expect(checkBody(first).text).toContain('2000-01');
    expect(checkBody(first).text).toContain('2016-08');
  });

  it('shows a single figure as a fact slide', () => {
    const fact = parseDeck(renderSlides(stressNotes())).find((s) => s.title === 'Numbers');
    expect(fact?.content).toContain('<div class="b-fact">');
  });
});

describe('text size estimates', () => {
  const box = { px: 20, line: 28, width: 400 };
  it('counts wrapped lines, wide CJK characters and unbroken words', () => {
    expect(lineCount('', box)).toBe(0);
    expect(lineCount('short', box)).toBe(1);
    // 400 px at 20 px is 20 em: CJK characters take a full em each, and break anywhere.
    expect(lineCount(CJK.repeat(3), box)).toBeGreaterThanOrEqual(Math.ceil((CJK.length * 3) / 19));
    expect(lineCount(UNBROKEN, box)).toBeGreaterThanOrEqual(Math.ceil((UNBROKEN.length * 0.6) / 20));
    expect(lineCount(ARABIC, box)).toBeGreaterThanOrEqual(2);
    // A citation at the end only ever adds lines.
    const words = 'word '.repeat(27).trim();
    expect(lineCount(words, box, 3)).toBeGreaterThanOrEqual(lineCount(words, box));
    expect(lineCount(words, box, 19)).toBe(lineCount(words, box) + 1);
  });
});

describe('escaping helpers', () => {
  it('folds whitespace and drops controls and bidi overrides', () => {
    expect(normalizeText(' a\r\n\tb\u2028c\u0085d ')).toBe('a b c d');
    expect(normalizeText('\u202eevil\u2066x\u0000y')).toBe('evilxy');
    expect(normalizeText('a\ud800b')).toBe('a\ufffdb');
    expect(normalizeText('# \u0000 ---')).toBe('# ---');
  });

  it('escapes HTML and braces, and breaks v-drag', () => {
    expect(escapeHtmlText(`<b a="1">{{x}}</b> & 'v-drag'`)).toBe('&lt;b a=&quot;1&quot;&gt;&#123;&#123;x&#125;&#125;&lt;/b&gt; &amp; &#39;v&#45;drag&#39;');
  });

  it('escapes the Markdown that is live inside a line of notes', () => {
    const raw = '*a* _b_ `c` [d](e) $f$ {{g}} ~~h~~ | <i> --> \\ &amp;';
    const escaped = escapeNoteText(raw);
    expect(escaped).not.toMatch(/[<>{}`*_[\]$~|\\]/);
    expect(noteText(`- ${escaped}`).trim()).toBe(raw);
  });

  it('spells Mermaid labels with letters, digits, spaces and entity codes only', () => {
    expect(mermaidLabel('A"]-->B; click A call x()')).toBe('A#34;#93;#45;#45;#62;B#59; click A call x#40;#41;');
    expect(mermaidLabel('\u202e\ue000x')).toBe('x');
    expect(mermaidLabel('a'.repeat(100)).length).toBeLessThanOrEqual(40 + '#8230;'.length);
  });

  it('writes YAML strings that read back exactly, on one line, without --- or braces', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), fc.constantFrom('---', 'a --- b', '-----', 'x: y\n---\nz: {w}')), (s) => {
        const y = yamlString(s);
        expect(YAML.parse(`title: ${y}`)).toEqual({ title: s });
        expect(y).not.toMatch(/---|[{}\n\r<>]/);
      }),
      { numRuns: 500 },
    );
  });

  it('paginates by height and item count, evening out the pages', () => {
    expect(paginate([1, 1, 1, 1, 1], () => 10, 100, 3).map((p) => p.length)).toEqual([3, 2]);
    expect(paginate(Array(9).fill(1), () => 10, 40).map((p) => p.length)).toEqual([3, 3, 3]);
    expect(paginate([60, 60, 10], (n) => n, 100).map((p) => p.length)).toEqual([1, 2]);
    expect(paginate([1000], (n) => n, 100)).toEqual([[1000]]);
    expect(paginate([], (n: number) => n, 100)).toEqual([]);
  });
});

describe('findChromium', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'briefing-chromium-'));
  const fake = path.join(dir, 'chrome');
  const other = path.join(dir, 'other-chrome');
  writeFileSync(fake, '');
  writeFileSync(other, '');

  it('prefers $BRIEFING_CHROMIUM, then $CHROME_PATH, then the system paths, skipping missing files', () => {
    expect(findChromium({ BRIEFING_CHROMIUM: fake, CHROME_PATH: other }, [])).toBe(fake);
    expect(findChromium({ BRIEFING_CHROMIUM: path.join(dir, 'missing'), CHROME_PATH: other }, [])).toBe(other);
    expect(findChromium({}, [path.join(dir, 'missing'), fake])).toBe(fake);
    expect(findChromium({}, [])).toBeNull();
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('installTheme', () => {
  it('copies the briefing theme beside a deck written elsewhere, and leaves slides/ alone', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'briefing-theme-'));
    const theme = installTheme(dir);
    expect(theme).toBe(path.join(dir, 'theme'));
    for (const f of ['package.json', 'styles/index.ts', 'layouts/cover.vue', 'layouts/relations.vue', 'setup/mermaid.ts']) {
      expect(readFileSync(path.join(theme, f), 'utf8')).toBe(readFileSync(path.join(THEME_SOURCE, f), 'utf8'));
    }
    // A second render overwrites the copy with the package's files.
    writeFileSync(path.join(theme, 'styles/tokens.css'), 'stale');
    installTheme(dir);
    expect(readFileSync(path.join(theme, 'styles/tokens.css'), 'utf8')).not.toBe('stale');
    expect(installTheme(path.join(THEME_SOURCE, '..'))).toBe(path.resolve(THEME_SOURCE, '.'));
    expect(existsSync(path.join(THEME_SOURCE, 'theme'))).toBe(false);
    rmSync(dir, { recursive: true, force: true });
  });

  it('has a layout for every kind of slide the renderer plans', () => {
    const layouts = new Set(planSlides(stressNotes()).map((s) => s.layout));
    for (const l of layouts) expect(existsSync(path.join(THEME_SOURCE, 'layouts', `${l}.vue`)), l).toBe(true);
    // Vue files are ours: no Slidev or Vue template syntax from outside, no network.
    for (const l of layouts) expect(readFileSync(path.join(THEME_SOURCE, 'layouts', `${l}.vue`), 'utf8')).not.toMatch(/https?:|v-html|\{\{/);
  });
});
