// One slide as data, and its Slidev Markdown: frontmatter (our layout), our heading, an HTML body
// under v-pre, an optional Mermaid diagram, and the speaker notes as the slide's last HTML comment.
import { yamlString } from './escape.ts';
import type { SafeHtml, SafeNote } from './markup.ts';

/** The kinds of slide the deck has (the deck's order is DECK_SECTIONS in sections.ts). */
export type SlideKind =
  | 'cover'
  | 'bottomLine'
  | 'keyPoints'
  | 'actors'
  | 'relations'
  | 'map'
  | 'timeline'
  | 'quotes'
  | 'figures'
  | 'discrepancies'
  | 'unknowns'
  | 'sources'
  | 'divider';

/** The theme's layouts (slides/theme/layouts/*.vue). */
export type LayoutName = 'cover' | 'bottom-line' | 'points' | 'themes' | 'actors' | 'relations' | 'map' | 'timeline' | 'quotes' | 'figures' | 'sources' | 'divider';

export interface Slide {
  kind: SlideKind;
  layout: LayoutName;
  /** Our own heading ("Key themes", "More events continued"), never model text; null for the cover. */
  heading: string | null;
  /** Extra frontmatter: our keys (never model text); values are quoted as YAML strings here. */
  frontmatter: Record<string, string>;
  /** Body lines of HTML, one element per line and no blank line, so Markdown sees one HTML block. */
  body: SafeHtml[];
  /** Mermaid source we generated (ids ours, labels escaped), shown under the body. */
  mermaid?: { code: string; scale: number };
  /** Speaker-notes lines of Markdown. */
  notes: SafeNote[];
  /** How many model items the slide shows (for tests). */
  items: number;
  /** On a section's last appendix slide, how many of its items no slide shows (list.ts APPENDIX_SLIDES). */
  leftOut?: number;
  /** Estimated height of the body in px, against `CONTENT.height` (for tests). */
  height: number;
  /** The CSS zoom the body is shown at (1: the designed size), chosen to fill the slide. */
  zoom?: number;
  /** `appendix`: after the "Appendix" divider, holding what the main slides had no room for. */
  part?: 'main' | 'appendix';
}

/** The Slidev Markdown of one slide, without the `---` separator before it; `footer` is our HTML. */
export function renderSlide(slide: Slide, footer?: SafeHtml): string {
  const parts: string[] = [];
  const keys: [string, string][] = [['layout', slide.layout], ...Object.entries(slide.frontmatter)];
  // A frontmatter block directly follows the separator.
  parts.push(`${keys.map(([k, v]) => `${k}: ${yamlString(v)}`).join('\n')}\n---\n`);
  if (slide.heading !== null) parts.push(`# ${slide.heading}\n`);
  const body = footer ? [...slide.body, footer] : slide.body;
  if (body.length > 0) parts.push(`<div v-pre class="briefing">\n${body.map((l) => l.value).join('\n')}\n</div>\n`);
  // Our options only ever go in the fence's `{…}`, which Slidev evaluates as JavaScript.
  if (slide.mermaid) parts.push(`\`\`\`mermaid {scale: ${slide.mermaid.scale}}\n${slide.mermaid.code}\n\`\`\`\n`);
  if (slide.notes.length > 0) parts.push(`<!--\n${slide.notes.map((l) => l.value).join('\n')}\n-->\n`);
  return parts.join('\n');
}
