// Writing untrusted text into the notes file: each text comes back from markdown-it as exactly the
// same string and never as markup. Escapes are kept to the few a reader will meet, so the file
// stays easy to edit by hand (a full stop or a hash mid-line is left alone).

const ALNUM = /[\p{L}\p{N}]/u;
/** What markdown-it would read as a character reference (`&amp;`, `&#42;`, `&#x2A;`). */
const ENTITY_AHEAD = /#?[0-9A-Za-z]+;/y;
/**
 * `[GNA] to`, `[sic],`: a bracket pair closed within the text and followed by a character that
 * cannot make it a link (`(`, `[`) or a definition (`:`). With no link definitions in the file it
 * is plain text, so it is written as it is. Citation-like `[s1…]` never qualifies.
 */
const PLAIN_BRACKETS = /\[([^[\]]*)\][^([:\]]/y;

function isPlainBracket(s: string, at: number): boolean {
  PLAIN_BRACKETS.lastIndex = at;
  const m = PLAIN_BRACKETS.exec(s);
  return m !== null && !/^\s*s\d/i.test(m[1]!);
}

/**
 * Text inside a line: backslash-escapes `\` `` ` `` `*` `<` `|` (code, emphasis, HTML and
 * autolinks, tables), `[` unless it opens a plain bracket pair like `[GNA] ` (links, citations),
 * `~` only next to another (strike-through and fences need two or three), `_` unless inside a
 * word (where it cannot emphasise: `snake_case` stays), and `&` only where it would start an entity.
 * `star` replaces `*` where a backslash will not do (inside `**bold**` the format checker wants no `*`).
 */
export function escapeInline(s: string, star = '\\*'): string {
  return s.replace(/[\\`*<|~[_&]/g, (ch, at: number) => {
    if (ch === '*') return star;
    if (ch === '[') return isPlainBracket(s, at) ? '[' : '\\[';
    if (ch === '~') return s[at - 1] === '~' || s[at + 1] === '~' ? '\\~' : '~';
    if (ch === '_') return ALNUM.test(s[at - 1] ?? '') && ALNUM.test(s[at + 1] ?? '') ? '_' : '\\_';
    if (ch === '&') {
      ENTITY_AHEAD.lastIndex = at + 1;
      return ENTITY_AHEAD.test(s) ? '\\&' : '&';
    }
    return `\\${ch}`;
  });
}

/**
 * An escaped text that starts a line (a paragraph line, list item or blockquote line) must not
 * start a block: a heading `# `, a quote `>`, a list `-` `+` `1.` `1)`, a rule or setext underline
 * `---` `===`. (Fences, HTML, tables, `*`/`_` rules and link definitions are ruled out by the
 * inline escapes; leading spaces are trimmed from every text.)
 */
export function escapeLineStart(escaped: string): string {
  if (/^(?:[>+=-]|#{1,6}(?:[ \t]|$))/.test(escaped)) return `\\${escaped}`;
  return escaped.replace(/^(\d{1,9})([.)])(?=[ \t]|$)/, '$1\\$2');
}

/** A text that begins a line. */
export const escapeLine = (s: string): string => escapeLineStart(escapeInline(s));

/** The inside of `**…**`: an actor's name, a date, a figure (`*` written as `&#42;`). */
export const escapeBold = (s: string): string => escapeInline(s, '&#42;');

/** A field of a list split on commas (actor names, a quote's speaker): `,` becomes `\,`. */
export const escapeListed = (s: string): string => escapeInline(s).replace(/,/g, '\\,');

/** A field of a Sources entry, whose fields are split on ` — `: every em dash becomes `&mdash;`. */
export const escapeSourceField = (s: string): string => escapeInline(s).replace(/—/g, '&mdash;');

/**
 * An actor's description or backer: `Backed by:` / `Opposed by:` in it is not a marker (`Backed by\:`).
 * Escaped wherever it stands, even mid-word, so the reader's looser match can never find one.
 */
export const escapeActorText = (escaped: string): string => escaped.replace(/((?:backed|opposed)\s+by\s*):/gi, '$1\\:');
