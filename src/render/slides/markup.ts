// Tagged templates that build slide HTML and note Markdown with every interpolated string escaped
// by default, so forgetting to escape model text is not possible by accident.
import { escapeHtmlText, escapeNoteText } from './escape.ts';

/** HTML we wrote ourselves (or built with `html`), safe to splice into a slide body as is. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

type HtmlPart = string | number | SafeHtml | readonly SafeHtml[] | null | undefined | false;

/**
 * `html\`<li>${text}</li>\``: strings (model text) are escaped with `escapeHtmlText`; `SafeHtml`
 * and arrays of it go in as they are; null/undefined/false give nothing.
 */
export function html(strings: TemplateStringsArray, ...parts: HtmlPart[]): SafeHtml {
  let out = strings[0] ?? '';
  parts.forEach((part, i) => {
    out += htmlPart(part) + (strings[i + 1] ?? '');
  });
  return new SafeHtml(out);
}

function htmlPart(part: HtmlPart): string {
  if (part === null || part === undefined || part === false) return '';
  if (part instanceof SafeHtml) return part.value;
  if (Array.isArray(part)) return part.map((p: SafeHtml) => p.value).join('');
  return escapeHtmlText(String(part));
}

/** The text a reader sees in an HTML fragment we built: tags removed, our entities decoded. */
export function visibleText(fragment: SafeHtml): string {
  return fragment.value
    .replace(/<[^>]*>/g, '')
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&(amp|lt|gt|quot);/g, (_, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"' })[name] ?? '');
}

/** A line of Markdown for speaker notes we wrote ourselves, or built with `note`. */
export class SafeNote {
  constructor(readonly value: string) {}
}

/** `note\`- ${text} ${cites}\``: strings are escaped with `escapeNoteText`; `SafeNote` goes in as is. */
export function note(strings: TemplateStringsArray, ...parts: (string | SafeNote)[]): SafeNote {
  let out = strings[0] ?? '';
  parts.forEach((part, i) => {
    out += (part instanceof SafeNote ? part.value : escapeNoteText(part)) + (strings[i + 1] ?? '');
  });
  return new SafeNote(out);
}
