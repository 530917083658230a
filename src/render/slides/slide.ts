// One slide as data, and its Slidev Markdown: frontmatter, our heading, an HTML body under v-pre,
// an optional Mermaid diagram, and the speaker notes as the slide's last HTML comment.
import { yamlString } from './escape.ts';
import type { SafeHtml, SafeNote } from './markup.ts';

/** The kinds of slide the deck has, in deck order. */
export type SlideKind =
  | 'cover'
  | 'bottomLine'
  | 'keyPoints'
  | 'actors'
  | 'relations'
  | 'timeline'
  | 'quotes'
  | 'figures'
  | 'discrepancies'
  | 'sources';

export interface Slide {
  kind: SlideKind;
  /** Our own heading ("Key points (2/3)"), never model text; null for the cover. */
  heading: string | null;
  /** Frontmatter: our keys (never model text); values are quoted as YAML strings here. */
  frontmatter: Record<string, string>;
  /** Body lines of HTML, one element per line and no blank line, so Markdown sees one HTML block. */
  body: SafeHtml[];
  /** Mermaid source we generated (ids ours, labels escaped), shown under the body. */
  mermaid?: { code: string; scale: number };
  /** Speaker-notes lines of Markdown. */
  notes: SafeNote[];
  /** How many model items the slide shows (for tests of the budget). */
  items: number;
}

/** The Slidev Markdown of one slide, without the `---` separator before it. */
export function renderSlide(slide: Slide): string {
  const parts: string[] = [];
  const keys = Object.entries(slide.frontmatter);
  // A frontmatter block directly follows the separator; without one, a blank line must follow it,
  // or Slidev would read the next line as the start of frontmatter.
  if (keys.length > 0) parts.push(`${keys.map(([k, v]) => `${k}: ${yamlString(v)}`).join('\n')}\n---\n`);
  if (slide.heading !== null) parts.push(`# ${slide.heading}\n`);
  if (slide.body.length > 0) parts.push(`<div v-pre class="briefing">\n${slide.body.map((l) => l.value).join('\n')}\n</div>\n`);
  // Our options only ever go in the fence's `{…}`, which Slidev evaluates as JavaScript.
  if (slide.mermaid) parts.push(`\`\`\`mermaid {scale: ${slide.mermaid.scale}}\n${slide.mermaid.code}\n\`\`\`\n`);
  if (slide.notes.length > 0) parts.push(`<!--\n${slide.notes.map((l) => l.value).join('\n')}\n-->\n`);
  return `${keys.length > 0 ? '' : '\n'}${parts.join('\n')}`;
}
