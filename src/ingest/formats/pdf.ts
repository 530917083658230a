// PDF: the text layer through pdf.js (legacy build, for Node), rebuilt into lines and paragraphs, with
// title and author from the document's info dictionary. No OCR: a scan without text is reported as such.
import { pageText, type PositionedText } from './pdf-lines.ts';
import type { FormatReader, ReadOutcome } from './types.ts';

/** Pages read at most; a longer file is read that far, with a warning (a briefing source is not a book). */
export const MAX_PDF_PAGES = 200;
/** A PDF that takes longer than this is given up on, so a hostile file cannot hang the build. */
export const PDF_TIMEOUT_MS = 30_000;

const DAMAGED_HINT = 'open it in a PDF viewer and save or print it to a new PDF, or copy its text into a .txt file';

interface TextItemLike {
  str?: string;
  transform?: number[];
  width?: number;
  height?: number;
}

function positioned(item: TextItemLike): PositionedText | null {
  if (typeof item.str !== 'string' || !item.transform) return null;
  const [a = 0, b = 0, , , x = 0, y = 0] = item.transform;
  return { str: item.str, x, y, width: item.width ?? 0, size: item.height || Math.hypot(a, b) };
}

const infoText = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.replace(/\s+/g, ' ').trim() : null);

/** A complete PDF ends with `%%EOF` (give or take trailing white space or a little junk). */
const hasEndMarker = (bytes: Uint8Array) => Buffer.from(bytes.subarray(Math.max(0, bytes.length - 1024))).toString('latin1').includes('%%EOF');

/** Why pdf.js refused the file, in words for the user. */
function problemFor(err: unknown): { problem: string; hint: string } {
  const name = (err as { name?: string } | null)?.name ?? '';
  const message = (err as { message?: string } | null)?.message ?? String(err);
  if (name === 'PasswordException') return { problem: 'is encrypted (it needs a password to open)', hint: 'save a copy without the password, or copy its text into a .txt file' };
  if (name === 'TimeoutError') return { problem: `took too long to read (${message})`, hint: DAMAGED_HINT };
  if (name === 'InvalidPDFException') return { problem: `is not a readable PDF, or is cut short (${message})`, hint: DAMAGED_HINT };
  return { problem: `cannot be read as a PDF (${message})`, hint: DAMAGED_HINT };
}

export interface PdfLimits {
  maxPages: number;
  timeoutMs: number;
}

/** Start loading a PDF with pdf.js, offline and quiet (for a source and for a PDF we wrote alike). */
async function openPdf(bytes: Uint8Array) {
  // Loaded on first use: pdf.js is large and most runs read no PDF.
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  return pdfjs.getDocument({
    // pdf.js takes ownership of (detaches) the buffer it is given; give it a copy.
    data: new Uint8Array(bytes),
    // Offline and quiet: no font loading, no fetching of CMaps or fonts, nothing evaluated, only errors logged
    // (pdf.js logs to stdout, which carries data).
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    isEvalSupported: false,
    disableAutoFetch: true,
    disableStream: true,
    disableRange: true,
    stopAtErrors: false,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  });
}

/** Read a PDF's text layer; the limits are parameters so a test can show they hold. */
export async function readPdf(bytes: Uint8Array, limits: PdfLimits = { maxPages: MAX_PDF_PAGES, timeoutMs: PDF_TIMEOUT_MS }): Promise<ReadOutcome> {
  if (bytes.length === 0) return { problem: 'is empty', hint: 'remove the file or export the document to PDF again' };
  const task = await openPdf(bytes);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error(`gave up after ${limits.timeoutMs / 1000} s`), { name: 'TimeoutError' })), limits.timeoutMs);
  });
  try {
    const result = await Promise.race([extract(task.promise, limits.maxPages), timeout]);
    // pdf.js rebuilds a damaged cross-reference table and reads what it can; say so when the file is cut.
    if ('raw' in result && !hasEndMarker(bytes)) result.warnings.push('looks cut short (no %%EOF at its end); the text that could be read was kept');
    return result;
  } catch (err) {
    return problemFor(err);
  } finally {
    clearTimeout(timer);
    await task.destroy().catch(() => undefined);
  }
}

/**
 * The text of each page of a PDF we wrote ourselves (a deck export), for checking it: one string per
 * page, empty for a page without text. Read with the same offline settings as a source (`openPdf`).
 */
export async function pdfPageTexts(bytes: Uint8Array): Promise<string[]> {
  const task = await openPdf(bytes);
  try {
    const doc = await task.promise;
    const out: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      out.push((content.items as TextItemLike[]).map((i) => i.str ?? '').join(' ').replace(/\s+/g, ' ').trim());
      page.cleanup();
    }
    return out;
  } finally {
    await task.destroy().catch(() => undefined);
  }
}

type PdfDocument = Awaited<ReturnType<typeof import('pdfjs-dist/legacy/build/pdf.mjs').getDocument>['promise']>;

async function extract(loading: Promise<PdfDocument>, maxPages: number): Promise<ReadOutcome> {
  const doc = await loading;
  const warnings: string[] = [];
  const pages = Math.min(doc.numPages, maxPages);
  if (doc.numPages > maxPages) warnings.push(`has ${doc.numPages} pages; only the first ${maxPages} were read`);
  const texts: string[] = [];
  for (let n = 1; n <= pages; n++) {
    const page = await doc.getPage(n);
    const content = await page.getTextContent();
    const items = (content.items as TextItemLike[]).map(positioned).filter((i): i is PositionedText => i !== null);
    const text = pageText(items);
    if (text !== '') texts.push(text);
    page.cleanup();
  }
  const raw = texts.join('\n\n');
  if (raw.trim() === '') return { problem: 'has no text layer (it is scanned images) — run OCR first', hint: 'run it through OCR (e.g. ocrmypdf) and give the result, or copy its text into a .txt file' };
  const info = ((await doc.getMetadata().catch(() => null))?.info ?? {}) as Record<string, unknown>;
  const meta: { title?: string; author?: string } = {};
  const title = infoText(info['Title']);
  const author = infoText(info['Author']);
  if (title) meta.title = title;
  if (author) meta.author = author;
  return { raw, text: raw, format: 'pdf', meta, steps: [], warnings };
}

export const pdfReader: FormatReader = { name: 'PDF', read: (bytes) => readPdf(bytes) };
