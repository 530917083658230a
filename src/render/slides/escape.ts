// Turns untrusted text from the notes model into inert text for each place the deck shows it.
//
// ESCAPING CONTRACT (slides.md is compiled by Slidev: Markdown → HTML → Vue template):
//
// 1. Every model string is first normalised (`normalizeText`): runs of whitespace, line breaks
//    included, fold to one space and the ends are trimmed, so source text never begins a line;
//    C0/C1 control characters and the bidi embedding/override/isolate controls (U+202A–U+202E,
//    U+2066–U+2069) are dropped, because they can hide or reorder the text around them; a lone
//    surrogate becomes U+FFFD. This is the one lossy step, and the only one.
// 2. Slide bodies are raw HTML blocks that we write, inside `<div v-pre>`: text goes in with
//    `escapeHtmlText`, which escapes & < > " ' and also writes { and } as `&#123;`/`&#125;`, so no
//    `{{` exists even if `v-pre` were lost (Vue decodes entities only after finding interpolations).
//    It also breaks `v-drag` (Slidev rewrites that word inside HTML blocks) as `v&#45;drag`.
//    Markdown never parses the text: a raw HTML block ends only at a blank line, and text has none.
// 3. Speaker notes are Markdown that Slidev renders with `html: true` and shows with `v-html`:
//    `escapeNoteText` writes & < > as named entities and the Markdown punctuation that is live in
//    the middle of a line (\ ` * _ [ ] $ { } ~ |) as numeric entities. So a note holds no tag, no
//    `-->`, no `{{`, no emphasis, link, math or code span from the source.
// 4. Mermaid labels (`mermaidLabel`) keep letters, marks, digits and spaces; every other printable
//    character becomes Mermaid's entity code `#N;` (decoded only into label text); characters with
//    no safe spelling (format, private-use, unassigned) are dropped.
// 5. YAML values (`yamlString`) are JSON-quoted, with non-ASCII controls, braces, < > &, and any
//    `---` (which Slidev's frontmatter matcher would stop at) written as \u escapes.
// Nothing from the model is ever placed in a tag name, attribute, frontmatter key, fence info
// string, fence option `{…}` or at the start of a line.

const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;
// C0 and C1 controls; tab, CR and LF are whitespace and were folded before this runs.
const CONTROLS = /[\u0000-\u001f\u007f-\u009f]/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
// JavaScript's \s (which covers U+2028/U+2029 and U+FEFF), plus NEL, which \s leaves out.
const WHITESPACE_RUN = /[\s\u0085]+/g;

/**
 * Normal forms made lately, by text: planning a deck clips and measures the same strings at every
 * zoom it tries. The form depends on the text alone; cleared when large, for long `dev` sessions,
 * but not below what one deck needs: a deck of 10,000 sources normalises about 90,000 strings, and
 * a cache cleared in the middle of a plan made every measurement of it normalise again.
 */
const normalized = new Map<string, string>();
const NORMALIZED_MAX = 250_000;

/** The one normal form every model string is shown in (see the contract above). */
export function normalizeText(text: string): string {
  let form = normalized.get(text);
  if (form === undefined) {
    if (normalized.size >= NORMALIZED_MAX) normalized.clear();
    form = normalForm(text);
    normalized.set(text, form);
  }
  return form;
}

function normalForm(text: string): string {
  return text
    .replace(LONE_SURROGATE, '\ufffd')
    .replace(WHITESPACE_RUN, ' ')
    .replace(CONTROLS, '')
    .replace(BIDI_CONTROLS, '')
    // A dropped control between two spaces would leave both.
    .replace(/ {2,}/g, ' ')
    .trim();
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '{': '&#123;',
  '}': '&#125;',
};

/** Model text → HTML text for a slide body inside `<div v-pre>`. */
export function escapeHtmlText(text: string): string {
  return normalizeText(text)
    .replace(/[&<>"'{}]/g, (c) => HTML_ESCAPES[c] ?? c)
    .replace(/(v)-(drag)/gi, '$1&#45;$2');
}

const NOTE_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/** Model text → Markdown text for speaker notes (one line, no live syntax). */
export function escapeNoteText(text: string): string {
  return normalizeText(text).replace(/[&<>\\`*_[\]${}~|]/g, (c) => NOTE_ESCAPES[c] ?? `&#${c.charCodeAt(0)};`);
}

const LABEL_KEEP = /[\p{L}\p{M}\p{N} ]/u;
const LABEL_ENCODE = /[\p{P}\p{S}]/u;

/** Model text → the inside of a quoted Mermaid node label, at most `max` characters shown. */
export function mermaidLabel(text: string, max = 40): string {
  let out = '';
  for (const ch of clipText(text, max)) {
    if (LABEL_KEEP.test(ch)) out += ch;
    else if (LABEL_ENCODE.test(ch)) out += `#${ch.codePointAt(0)};`;
    // Anything else (format, private-use, unassigned code points) has no safe spelling: dropped.
  }
  return out.trim();
}

/** A YAML double-quoted scalar (valid JSON too) that parses back to exactly `value`. */
export function yamlString(value: string): string {
  return JSON.stringify(value)
    .replace(/[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff\u202a-\u202e\u2066-\u2069{}<>&]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .replace(/-(?=--)/g, '\\u002d');
}

/**
 * Normalised text cut to at most `max` characters, at a word boundary where one is near, with an
 * ellipsis; the full text goes to the speaker notes. Never splits a surrogate pair.
 */
export function clipText(text: string, max: number): string {
  const clean = normalizeText(text);
  if (clean.length <= max) return clean;
  let cut = clean.slice(0, max - 1);
  if (/[\ud800-\udbff]$/.test(cut)) cut = cut.slice(0, -1);
  const space = cut.lastIndexOf(' ');
  if (space > max * 0.6) cut = cut.slice(0, space);
  return `${cut.trimEnd()}…`;
}

/** A string safe to use as plain Markdown text with letters, digits and spaces only (slide titles for Slidev's navigation). */
export function plainWords(text: string, max = 60): string {
  const words = clipText(text, max * 2)
    .replace(/[^\p{L}\p{M}\p{N} ]+/gu, ' ')
    .replace(/ +/g, ' ')
    .trim();
  return Array.from(words).slice(0, max).join('').trim();
}
