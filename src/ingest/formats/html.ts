// HTML: the page's main text (Mozilla Readability over a linkedom DOM) and what its <head> says about it.
// For HTML, `raw` is the extracted main text, not the page source: offsets point into what a reader
// reads, since markup offsets would mean nothing to an analyst checking a citation.
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { decodeText } from '../decode.ts';
import { htmlMeta } from './html-meta.ts';
import { domToText } from './html-text.ts';
import type { FormatReader, ParsedSource, SourceProblem } from './types.ts';

/** Readability's result below this many characters is a miss (a caption, a teaser): walk the page instead. */
const MIN_ARTICLE_CHARS = 200;

/** The page's own structure tags; a fragment may carry them anywhere, or not at all. */
const STRUCTURE_TAGS = /<!doctype[^>]*>|<\/?(?:html|head|body)\b[^>]*>/gi;

/**
 * The page as a DOM. linkedom builds a usable tree only under an <html> root, so a fragment (a saved
 * article body, a page inside another container) is rebuilt inside one, its own structure tags dropped.
 */
function parsePage(html: string): ReturnType<typeof parseHTML>['document'] {
  const { document } = parseHTML(html);
  if (document.documentElement?.nodeName.toUpperCase() === 'HTML') return document;
  return parseHTML(`<!DOCTYPE html><html><head></head><body>${html.replace(STRUCTURE_TAGS, ' ')}</body></html>`).document;
}

/** A page's body as text, everything a reader could see; used when Readability finds no article. */
function wholePageText(html: string): string {
  const document = parsePage(html);
  return domToText(document.body ?? document.documentElement);
}

/** The main text of a page, with the way it was found ('readability' or 'page'). */
export function mainText(html: string): { text: string; via: 'readability' | 'page'; meta: ReturnType<typeof htmlMeta> } {
  const document = parsePage(html);
  // Metadata first: Readability prunes the document it reads.
  const meta = htmlMeta(document);
  let article: ReturnType<Readability<unknown>['parse']> = null;
  try {
    article = new Readability<unknown>(document as unknown as ConstructorParameters<typeof Readability>[0], { serializer: (node) => node }).parse();
  } catch {
    // Readability trips on some malformed trees; the whole-page walk below still gives the text.
  }
  const content = article?.content as Parameters<typeof domToText>[0] | null | undefined;
  const text = content ? domToText(content) : '';
  if (text.length >= MIN_ARTICLE_CHARS) return { text, via: 'readability', meta };
  const page = wholePageText(html);
  return page.length > text.length ? { text: page, via: 'page', meta } : { text, via: 'readability', meta };
}

/** An HTML page already decoded to a string, read as a source (pure; the bench scores it directly). */
export function readHtml(html: string, warnings: string[] = []): ParsedSource | SourceProblem {
  const { text, via, meta } = mainText(html);
  if (text.trim() === '') return { problem: 'has no readable text (only markup, scripts or styles)', hint: 'save the article page itself, or copy its text into a .txt file' };
  const notes = via === 'page' ? [...warnings, 'has no part that reads as an article; all its visible text was kept'] : warnings;
  return { raw: text, text, format: 'html', meta, steps: [], warnings: notes };
}

/** The charset a page declares in its first bytes (`<meta charset>` or the http-equiv form), if any. */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  return /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head)?.[1];
}

export const htmlReader: FormatReader = {
  name: 'HTML',
  read(bytes) {
    const d = decodeText(bytes, declaredCharset(bytes));
    if (!d.ok) return { problem: d.message, hint: d.hint };
    return readHtml(d.text, d.warnings);
  },
};
