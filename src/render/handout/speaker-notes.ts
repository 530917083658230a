// A Slidev deck's speaker notes as data: each shown slide's number, title and note lines, read with
// Slidev's own parser so the slides are split exactly as Slidev splits them. Pure: text in.
import { parseSync } from '@slidev/parser/core';
import MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it';

/** One line of a speaker note: a paragraph or a list item, as plain text. */
export interface NoteLine {
  /** List nesting: 0 for a paragraph outside a list, 1 for a top-level item, 2 under it… */
  depth: number;
  /** Whether the line is a list item (drawn with a bullet) rather than a paragraph. */
  item: boolean;
  text: string;
}

/** One slide as the presenter sees it: its number in the presentation, title and notes. */
export interface SlideNotes {
  /** 1-based, counting only the slides shown (hidden and disabled slides are skipped, as Slidev does). */
  number: number;
  /** The slide's title (its frontmatter `title`, else its first heading), or `Slide N`. */
  title: string;
  lines: NoteLine[];
}

export interface DeckNotes {
  /** The deck's title from its headmatter, or the first slide's title. */
  title: string;
  slides: SlideNotes[];
}

// Notes are Markdown. Raw HTML stays off: the text is shown as text, never interpreted.
const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false });

/** Plain text of an inline token's children: text, code and link text; breaks become spaces. */
function inlineText(token: Token): string {
  return (token.children ?? [])
    .map((c) => (c.type === 'text' || c.type === 'code_inline' || c.type === 'html_inline' ? c.content : c.type === 'softbreak' || c.type === 'hardbreak' ? ' ' : c.type === 'image' ? c.content : ''))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A note's paragraphs and list items, in order, with their list depth. */
export function noteLines(note: string): NoteLine[] {
  const lines: NoteLine[] = [];
  let depth = 0;
  let itemOpen = false;
  for (const token of markdown.parse(note, {})) {
    if (token.type === 'bullet_list_open' || token.type === 'ordered_list_open') depth++;
    else if (token.type === 'bullet_list_close' || token.type === 'ordered_list_close') depth--;
    else if (token.type === 'list_item_open') itemOpen = true;
    else if (token.type === 'inline' || token.type === 'fence' || token.type === 'code_block') {
      const text = token.type === 'inline' ? inlineText(token) : token.content.trimEnd();
      // A list item's second paragraph continues the item: same depth, no second bullet.
      if (text !== '') lines.push({ depth, item: itemOpen && depth > 0, text });
      itemOpen = false;
    }
  }
  return lines;
}

/** Every shown slide of the deck at `deckPath` (used only to name the deck in Slidev's errors). */
export function deckNotes(deckText: string, deckPath = 'slides.md'): DeckNotes {
  const parsed = parseSync(deckText, deckPath);
  const shown = parsed.slides.filter((s) => s.frontmatter?.hide !== true && s.frontmatter?.disabled !== true);
  const headTitle = parsed.slides[0]?.frontmatter?.title;
  return {
    title: typeof headTitle === 'string' && headTitle.trim() !== '' ? headTitle.trim() : (shown[0]?.title?.trim() ?? ''),
    slides: shown.map((s, i) => ({
      number: i + 1,
      title: s.title?.trim() || `Slide ${i + 1}`,
      lines: noteLines(s.note ?? ''),
    })),
  };
}
