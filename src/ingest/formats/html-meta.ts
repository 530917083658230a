// What a web page says about itself: title, publication date, outlet, author and canonical URL, from its
// <meta> tags, JSON-LD, <time datetime> and <link rel=canonical>, in that order of trust.
import type { SourceMeta } from '../../notes/model.ts';
import { normaliseDate } from '../clean/dates.ts';

/** The DOM members read here (linkedom's Document has them). */
interface MetaDocument {
  querySelectorAll(selector: string): ArrayLike<{ getAttribute(name: string): string | null; textContent: string | null }>;
}

/** Meta names/properties that carry each field, most specific first. */
const META_KEYS = {
  title: ['og:title', 'twitter:title', 'dc.title', 'citation_title'],
  date: ['article:published_time', 'og:published_time', 'datepublished', 'date', 'pubdate', 'publishdate', 'publish-date', 'publish_date', 'dc.date.issued', 'dc.date', 'dcterms.created', 'dcterms.date', 'sailthru.date', 'parsely-pub-date', 'citation_publication_date', 'citation_date'],
  outlet: ['og:site_name', 'application-name', 'publisher', 'dc.publisher', 'citation_publisher'],
  author: ['author', 'article:author', 'dc.creator', 'citation_author', 'parsely-author', 'sailthru.author', 'byl'],
  url: ['og:url'],
} as const;

const looksLikeUrl = (s: string) => /^(?:https?:)?\/\//i.test(s);
const clean = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

/** `<meta name|property|itemprop=KEY content=…>`, by lower-cased key; the first tag with a key wins. */
function metaTags(doc: MetaDocument): Map<string, string> {
  const tags = new Map<string, string>();
  for (const el of Array.from(doc.querySelectorAll('meta'))) {
    const key = (el.getAttribute('property') ?? el.getAttribute('name') ?? el.getAttribute('itemprop') ?? '').trim().toLowerCase();
    const value = clean(el.getAttribute('content'));
    if (key && value && !tags.has(key)) tags.set(key, value);
  }
  return tags;
}

/** JSON-LD objects on the page, flattened out of arrays and `@graph`; a block that does not parse is skipped. */
function jsonLd(doc: MetaDocument): Array<Record<string, unknown>> {
  const out: Array<Record<string, unknown>> = [];
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === 'object') {
      out.push(v as Record<string, unknown>);
      visit((v as Record<string, unknown>)['@graph']);
    }
  };
  for (const el of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    try {
      visit(JSON.parse(el.textContent ?? ''));
    } catch {
      // A page's broken JSON-LD is its own problem; the meta tags may still say what we need.
    }
  }
  return out;
}

/** A JSON-LD value as text: a string, or the `name` of an object (author, publisher), or the first of a list. */
function ldText(v: unknown): string | null {
  if (typeof v === 'string') return clean(v) || null;
  if (Array.isArray(v)) return v.map(ldText).filter((x): x is string => x !== null).join(', ') || null;
  if (v && typeof v === 'object' && 'name' in v) return ldText((v as { name: unknown }).name);
  return null;
}

const SEPARATORS = [' | ', ' - ', ' – ', ' — ', ' :: ', ' · ', ' « ', ' » '];

/**
 * "Harbour reopens | The Shetland Times" → "Harbour reopens". The outlet's name is cut wherever it is known;
 * without it, only a short last part after a bar (never a hyphen, which headlines use) is taken as the outlet.
 */
export function titleWithoutOutlet(title: string, outlet: string | null): string {
  const t = clean(title);
  for (const sep of SEPARATORS) {
    if (outlet && t.toLowerCase().endsWith(`${sep}${outlet}`.toLowerCase())) return t.slice(0, t.length - sep.length - outlet.length).trim();
    if (outlet && t.toLowerCase().startsWith(`${outlet}${sep}`.toLowerCase())) return t.slice(outlet.length + sep.length).trim();
  }
  const bar = t.lastIndexOf(' | ');
  if (bar > 0) {
    const tail = t.slice(bar + 3);
    if (tail.split(/\s+/).length <= 4 && t.slice(0, bar).trim().split(/\s+/).length >= 2) return t.slice(0, bar).trim();
  }
  return t;
}

/** The page's metadata; fields it does not give are left out. */
export function htmlMeta(doc: MetaDocument): Partial<SourceMeta> {
  const tags = metaTags(doc);
  const ld = jsonLd(doc);
  const tag = (keys: readonly string[]) => keys.map((k) => ({ k, v: tags.get(k) })).find((x) => x.v !== undefined);
  const ldField = (key: string) => ld.map((o) => ({ k: key, v: ldText(o[key]) })).find((x) => x.v !== null);
  const meta: Partial<SourceMeta> = {};

  const outlet = tag(META_KEYS.outlet)?.v ?? ldField('publisher')?.v ?? null;
  if (outlet && !looksLikeUrl(outlet)) meta.outlet = outlet;
  const title = tag(META_KEYS.title)?.v ?? ldField('headline')?.v ?? (clean(Array.from(doc.querySelectorAll('title'))[0]?.textContent) || null);
  if (title) meta.title = titleWithoutOutlet(title, meta.outlet ?? null);

  const timeEl = Array.from(doc.querySelectorAll('time[datetime]'))[0];
  const time = timeEl ? { k: '<time datetime>', v: clean(timeEl.getAttribute('datetime')) } : undefined;
  for (const found of [tag(META_KEYS.date), ldField('datePublished'), time]) {
    const iso = found?.v ? normaliseDate(found.v) : null;
    if (found && iso) {
      Object.assign(meta, { date: iso, dateSource: 'explicit', dateEvidence: `${found.k} ${found.v}` });
      break;
    }
  }

  const author = tag(META_KEYS.author)?.v ?? ldField('author')?.v;
  if (author && !looksLikeUrl(author)) meta.author = author;
  const canonical = Array.from(doc.querySelectorAll('link[rel="canonical"]'))[0]?.getAttribute('href');
  const url = clean(canonical) || tag(META_KEYS.url)?.v;
  if (url) meta.url = url;
  return meta;
}
