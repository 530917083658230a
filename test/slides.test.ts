// Tests of the Slidev deck renderer: the generated slides.md is read back by Slidev's own parser,
// its slide bodies by markdown-it and Vue's template parser, and its notes by markdown-it.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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
import { BUDGETS, planSlides, renderSlides } from '../src/render/slides/index.ts';
import { relationGraph } from '../src/render/slides/mermaid.ts';
import { lineCost, paginate } from '../src/render/slides/paginate.ts';
import { findChromium } from '../src/render/slides/slidev.ts';
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
  interpolations: number;
  directives: number;
}

/**
 * A slide body as Vue would compile it: Markdown → HTML with markdown-it, then Vue's template
 * parser, with `v-pre` removed first so the check proves the escaping holds without it.
 */
function checkBody(content: string): BodyCheck {
  const htmlText = md.render(content.replace(/ v-pre/g, ''));
  const result: BodyCheck = { text: '', tags: new Set(), attrs: new Set(), interpolations: 0, directives: 0 };
  const walk = (nodes: TemplateChildNode[]): void => {
    for (const n of nodes) {
      if (n.type === NodeTypes.INTERPOLATION) result.interpolations++;
      if (n.type === NodeTypes.TEXT) result.text += `${n.content} `;
      if (n.type === NodeTypes.ELEMENT) {
        result.tags.add(n.tag);
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

const OUR_TAGS = new Set(['h1', 'p', 'div', 'ul', 'li', 'span', 'bdi', 'strong', 'blockquote', 'br', 'code', 'pre']);
const OUR_ATTRS = new Set(['class', 'style']);

/** The headings a deck of `n` must have when every section fits on one slide. */
function oneSlideHeadings(n: BriefingNotes): string[] {
  const hasRelations = n.actors.some((a) => a.backedBy.length + a.opposedBy.length > 0);
  return [
    [n.bottomLine, 'Bottom line'],
    [n.keyPoints, 'Key points'],
    [n.actors, 'Actors'],
    [hasRelations ? [1] : [], 'Who backs whom'],
    [n.timeline, 'Timeline'],
    [n.quotes, 'Quotes'],
    [n.figures, 'Figures'],
    [n.discrepancies, 'Discrepancies'],
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
      expect(s.frontmatter).toEqual({});
      expect(s.title).toBe(planned?.heading);
    }
    // Slidev compiles slide titles as Markdown into a Vue component: plain words only.
    expect(String(s.title)).toMatch(/^[\p{L}\p{M}\p{N} ()/]+$/u);
    expect(s.note, `slide ${i + 1} has notes`).toBeTruthy();
    expect(s.note).not.toContain('-->');
    expect(s.note).not.toMatch(/[<>{}`*_[\]$~|\\]/);
    const body = checkBody(s.content);
    expect(body.interpolations).toBe(0);
    expect(body.directives).toBe(0);
    expect([...body.tags].filter((t) => !OUR_TAGS.has(t))).toEqual([]);
    expect([...body.attrs].filter((a) => !OUR_ATTRS.has(a))).toEqual([]);
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
  });

  it('puts the title, offline fonts and no CDN in the headmatter', () => {
    const head = slides[0]?.frontmatter ?? {};
    expect(head.title).toBe(notes.title);
    expect(head.theme).toBe('default');
    expect(head.fonts).toEqual({ provider: 'none' });
    expect(head.mdc).toBe(false);
    expect(head.favicon).toBe('');
    expect(text).not.toMatch(/https?:\/\//);
  });

  it('shows the cover: title, subtitle, as-of date and source count', () => {
    const cover = checkBody(slides[1]?.content ?? '').text;
    for (const s of [notes.title, notes.subtitle, notes.asOf, `${notes.sources.length} sources`]) expect(cover).toContain(s);
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
    const figures = noteText(slides.find((s) => s.title === 'Figures')?.note ?? '');
    expect(figures).toContain('Losses exceed $4 million a day, the authority said.');
    expect(figures).toContain('2024-03-09 (inferred)');
  });

  it('shows citations on each item and marks undated and flagged sources', () => {
    const kp = slides.find((s) => s.title === 'Key points')?.content ?? '';
    expect(kp.match(/<li class="item/g)?.length).toBe(notes.keyPoints.length);
    expect(checkBody(kp).text).toContain('[s1, s2]');
    const sources = checkBody(slides.at(-1)?.content ?? '').text;
    expect(sources).toMatch(/untitled — unknown outlet — ⚠ undated ⚑ degraded/);
    expect(sources).toContain('2024-03-09 (inferred)');
    expect(sources.match(/⚠ undated/g)?.length).toBe(1);
  });

  it('draws who backs whom with our node ids and the model names as labels', () => {
    const slide = slides.find((s) => s.title === 'Who backs whom');
    expect(slide?.content).toContain('```mermaid {scale: 1}\ngraph LR\n  n1["Maria Lenz"]\n  n2["Transport Federation"]\n  n3["Port of Avalon Authority"]\n  n2 -->|backs| n1\n  n3 -.->|opposes| n1\n```');
  });

  it('is a pure function of the notes: same input, same bytes', () => {
    expect(renderSlides(sampleNotes())).toBe(text);
    expect(renderSlides(structuredClone(notes))).toBe(text);
    expect(renderSlides(notes, { theme: 'seriph' })).toBe(text.replace('theme: default', 'theme: seriph'));
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
    const keyPoints = slides.filter((s) => String(s.title).startsWith('Key points'));
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
      expect(line).toMatch(/^ {2}n\d+\["(?:[\p{L}\p{M}\p{N} ]|#\d+;)*"\]$|^ {2}n\d+ (?:-->\|backs\||-\.->\|opposes\|) n\d+$/u);
    }
  });

  it('starts every line with our own markup, never with model text', () => {
    const body = text.split('\n---\n').slice(1).join('\n');
    for (const line of body.split('\n')) {
      expect(line).toMatch(/^$|^---$|^(layout|title): "|^# [\w ()/]+$|^<\/?(div|ul|li|h1|p)[ >]|^- |^ {2}- |^<!--$|^-->$|^```(mermaid \{scale: [\d.]+\})?$|^graph LR$|^ {2}n\d+[ []/);
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
        for (const s of strings) expect(shown).toContain(clipText(s, BUDGETS.keyPoints.maxItemChars).replace(/…$/, ''));
      }),
      { numRuns: 250 },
    );
  });
});

describe('renderSlides on largeNotes()', () => {
  const notes = largeNotes();
  const slides = parseDeck(renderSlides(notes));
  const kindOf: Record<string, keyof typeof BUDGETS> = {
    'Bottom line': 'bottomLine', 'Key points': 'keyPoints', Actors: 'actors', Timeline: 'timeline', Quotes: 'quotes', Figures: 'figures', Discrepancies: 'discrepancies', Sources: 'sources',
  };

  it('splits long sections and numbers their slides', () => {
    const titles = slides.map((s) => String(s.title));
    expect(titles.filter((t) => t.startsWith('Key points')).length).toBeGreaterThan(1);
    expect(titles).toContain('Key points (1/5)');
    expect(titles.filter((t) => t.startsWith('Timeline')).length).toBeGreaterThanOrEqual(Math.ceil(notes.timeline.length / BUDGETS.timeline.maxItems));
    expect(titles.filter((t) => t.startsWith('Actors (')).length).toBeGreaterThan(1);
    // Every item is on exactly one slide.
    const count = (prefix: string) => slides.filter((s) => String(s.title).startsWith(prefix)).reduce((n, s) => n + (s.content.match(/<li class="item/g)?.length ?? 0), 0);
    expect(count('Timeline')).toBe(notes.timeline.length);
    expect(count('Actors')).toBe(notes.actors.length);
    expect(count('Quotes')).toBe(notes.quotes.length);
  });

  it('puts no more on a slide than its budget', () => {
    let checked = 0;
    for (const s of slides.slice(2)) {
      const kind = kindOf[String(s.title).replace(/ \(\d+\/\d+\)$/, '')];
      if (!kind) continue;
      const budget = BUDGETS[kind];
      const items = s.content.split('\n').filter((l) => l.startsWith('<li class="item'));
      expect(items.length).toBeLessThanOrEqual(budget.maxItems);
      const cost = items.reduce((sum, l) => sum + lineCost(decode(l.replace(/<[^>]*>/g, '')).length, budget.extraLines), 0);
      if (items.length > 1) expect(cost).toBeLessThanOrEqual(budget.maxChars);
      checked++;
    }
    expect(checked).toBeGreaterThan(40);
  });

  it('clips an over-long quote on the slide and keeps it whole in the notes', () => {
    const quote = slides.filter((s) => String(s.title).startsWith('Quotes')).at(-1);
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
});

describe('escaping helpers', () => {
  it('folds whitespace and drops controls and bidi overrides', () => {
    expect(normalizeText(' a\r\n\tb\u2028c\u0085d ')).toBe('a b c d');
    expect(normalizeText('\u202eevil\u2066x\u0000y')).toBe('evilxy');
    expect(normalizeText('a\ud800b')).toBe('a\ufffdb');
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

  it('paginates by item count and by line-rounded size', () => {
    const budget = { maxItems: 3, maxChars: 4 * 85, maxItemChars: 300, extraLines: 0 };
    expect(paginate([1, 1, 1, 1, 1], () => 10, budget).map((p) => p.length)).toEqual([3, 2]);
    expect(paginate([200, 200, 10], (n) => n, budget).map((p) => p.length)).toEqual([1, 2]);
    expect(paginate([1000], (n) => n, budget)).toEqual([[1000]]);
    expect(paginate([], (n: number) => n, budget)).toEqual([]);
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
