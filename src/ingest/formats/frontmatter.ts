// YAML frontmatter at the top of a Markdown file: read as metadata (title, date, outlet, author, url)
// and blanked in place, so the body keeps its offsets.
import { parse as parseYaml } from 'yaml';
import type { SourceMeta } from '../../notes/model.ts';
import { normaliseDate } from '../clean/dates.ts';

const OPEN = /^---[ \t]*\r?\n/;
const CLOSE = /^(?:---|\.\.\.)[ \t]*$/m;

/** Keys that may carry each field, first match wins. */
const KEYS = {
  title: ['title', 'headline', 'name'],
  date: ['date', 'published', 'pubdate', 'date_published', 'published_at', 'publication_date', 'created'],
  outlet: ['outlet', 'publisher', 'publication', 'source', 'site_name', 'site', 'newspaper'],
  author: ['author', 'authors', 'byline', 'by'],
  url: ['url', 'link', 'source_url', 'canonical_url', 'canonical'],
} as const;

export interface Frontmatter {
  /** End of the block (after its closing fence line's break). */
  end: number;
  meta: Partial<SourceMeta>;
  warnings: string[];
}

const asText = (v: unknown): string | null => {
  if (typeof v === 'string') return v.trim() || null;
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) return v.map(asText).filter((x): x is string => x !== null).join(', ') || null;
  if (v && typeof v === 'object' && 'name' in v) return asText((v as { name: unknown }).name);
  return null;
};

const looksLikeUrl = (s: string) => /^(?:https?:)?\/\//i.test(s);

export function readFrontmatter(text: string): Frontmatter | null {
  const open = OPEN.exec(text);
  if (!open) return null;
  const rest = text.slice(open[0].length);
  const close = CLOSE.exec(rest);
  if (!close) return null;
  const yamlText = rest.slice(0, close.index);
  let end = open[0].length + close.index + close[0].length;
  const lineBreak = /^\r?\n/.exec(text.slice(end));
  if (lineBreak) end += lineBreak[0].length;
  let data: unknown;
  try {
    data = parseYaml(yamlText);
  } catch (e) {
    return { end, meta: {}, warnings: [`has frontmatter that is not valid YAML (${(e as Error).message.split('\n')[0]}); it was ignored`] };
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) return { end, meta: {}, warnings: [] };
  return { end, ...metaFromFields(data as Record<string, unknown>, 'frontmatter') };
}

/**
 * Metadata from a record's fields (frontmatter, a JSON record): title, date, outlet, author, url under any
 * of their usual keys. `where` names the record in warnings ("frontmatter", "record").
 */
export function metaFromFields(data: Record<string, unknown>, where: string): { meta: Partial<SourceMeta>; warnings: string[] } {
  const lower = new Map(Object.entries(data).map(([k, v]) => [k.toLowerCase(), v]));
  const pick = (keys: readonly string[]) => keys.map((k) => ({ k, v: lower.get(k) })).find((x) => x.v !== undefined && x.v !== null);
  const meta: Partial<SourceMeta> = {};
  const warnings: string[] = [];
  const title = asText(pick(KEYS.title)?.v);
  if (title) meta.title = title;
  const date = pick(KEYS.date);
  if (date) {
    const iso = normaliseDate(date.v);
    if (iso) Object.assign(meta, { date: iso, dateSource: 'explicit', dateEvidence: `${date.k}: ${asText(date.v) ?? iso}` });
    else warnings.push(`has a ${where} ${date.k} that is not a date it can read; the date is left unknown`);
  }
  const outlet = pick(KEYS.outlet);
  const outletText = asText(outlet?.v);
  if (outletText && !looksLikeUrl(outletText)) meta.outlet = outletText;
  const author = asText(pick(KEYS.author)?.v);
  if (author) meta.author = author;
  const url = asText(pick(KEYS.url)?.v) ?? (outletText && looksLikeUrl(outletText) ? outletText : null);
  if (url) meta.url = url;
  return { meta, warnings };
}
