// Reading the inline Markdown of one item: structure (citations, `**bold**`, ` — `, markers) is
// looked for in the raw text with escapes masked out, then each field is turned into plain text.
import MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it';
import { normalizeText, sortCites } from '../text.ts';

/** The parser for notes files: CommonMark plus tables and strike-through; raw HTML stays text. */
export const md = new MarkdownIt('default', { html: false, linkify: false, typographer: false });

/** A raw slice of inline Markdown and where it is in the text it was cut from. */
export interface Span {
  start: number;
  end: number;
}

// markdown-it turns NUL into U+FFFD before any rule runs, so NUL never occurs in raw text.
const MASK = '\0';
const ESCAPE = /\\[!-/:-@[-`{-~]/g;
const CODE_SPAN = /(?<!`)(`+)(?!`)[\s\S]*?[^`]\1(?!`)/g;

/**
 * `raw` with each backslash escape and code span replaced by NULs of the same length: a citation,
 * a ` — ` or a `**` found in the view is real structure, and its offsets are offsets into `raw`.
 */
export function structureView(raw: string): string {
  const mask = (m: string) => MASK.repeat(m.length);
  return raw.replace(ESCAPE, mask).replace(CODE_SPAN, mask);
}

const flatten = (tokens: readonly Token[]): string =>
  tokens
    .map((t) => {
      if (t.type === 'text' || t.type === 'code_inline') return t.content;
      if (t.type === 'softbreak' || t.type === 'hardbreak') return '\n';
      return t.children ? flatten(t.children) : ''; // an image keeps its alt text
    })
    .join('');

/** Plain text of inline Markdown (escapes and entities resolved, markup dropped), and whether markup was dropped. */
export function toPlain(raw: string): { text: string; markup: boolean } {
  const children = md.parseInline(raw, {})[0]?.children ?? [];
  const markup = children.some((t) => t.type !== 'text' && t.type !== 'softbreak');
  return { text: normalizeText(flatten(children)), markup };
}

const CITES = /\[\s*(s\d+(?:\s*,\s*s\d+)*)\s*\]/dg;
const parseCites = (list: string): string[] => sortCites(list.split(/\s*,\s*/).map((c) => c.trim()));

/** Every unescaped citation `[s1, s3]` in `raw`, with its span. */
export function findCites(raw: string): { span: Span; cites: string[] }[] {
  return [...structureView(raw).matchAll(CITES)].map((m) => ({ span: { start: m.index, end: m.index + m[0].length }, cites: parseCites(m[1]!) }));
}

/** `raw` without its trailing citation, and the citation; null when it does not end with one. */
export function splitTrailingCites(raw: string): { rest: string; cites: string[] } | null {
  const last = findCites(raw).at(-1);
  if (!last || raw.slice(last.span.end).trim() !== '') return null;
  return { rest: raw.slice(0, last.span.start), cites: last.cites };
}

/** Split `raw` where `separator` matches its structure view (never inside an escape or code span). */
export function splitUnescaped(raw: string, separator: RegExp): string[] {
  const view = structureView(raw);
  const parts: string[] = [];
  let from = 0;
  for (const m of view.matchAll(new RegExp(separator.source, `${separator.flags.replace('g', '')}g`))) {
    if (m[0] === '') continue;
    parts.push(raw.slice(from, m.index));
    from = m.index + m[0].length;
  }
  parts.push(raw.slice(from));
  return parts;
}

/** `**inside** rest` → the raw inside and rest, or null when `raw` does not open with bold. */
export function splitLeadingBold(raw: string): { bold: string; rest: string } | null {
  const m = /^\*\*([^*]+?)\*\*(?!\*)/.exec(structureView(raw));
  if (!m) return null;
  return { bold: raw.slice(2, m[0].length - 2), rest: raw.slice(m[0].length) };
}
