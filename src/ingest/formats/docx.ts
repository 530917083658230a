// Word (.docx): the document's paragraphs through mammoth, and its title from the core properties
// (docProps/core.xml), which mammoth does not read.
import mammoth from 'mammoth';
import type { FormatReader, ReadOutcome } from './types.ts';
import { ZipTooLargeError, zipEntries, zipEntry } from './zip.ts';

/** Most a document may unpack to: the limit a source file has on disk (read.ts), for the same reason. */
const MAX_UNPACKED_BYTES = 20 * 1024 * 1024;

const NOT_DOCX_HINT = 'open it in Word or LibreOffice and save it as .docx again, or copy its text into a .txt file';

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** `<dc:title>` from the core properties; absent or empty means no title. */
export function coreTitle(bytes: Uint8Array): string | null {
  let xml: string;
  try {
    const entry = zipEntry(bytes, 'docProps/core.xml');
    if (!entry) return null;
    xml = Buffer.from(entry).toString('utf8');
  } catch {
    return null;
  }
  const m = /<dc:title(?:\s[^>]*)?>([\s\S]*?)<\/dc:title>/.exec(xml);
  const title = m?.[1]?.replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => XML_ENTITIES[e]!).replace(/\s+/g, ' ').trim();
  return title || null;
}

async function readDocx(bytes: Uint8Array): Promise<ReadOutcome> {
  if (bytes.length === 0) return { problem: 'is empty', hint: 'remove the file or save the document again' };
  // Unpacked once with a limit before mammoth unpacks it without one: a small file that expands to
  // gigabytes (a zip bomb) would otherwise exhaust memory.
  try {
    zipEntries(bytes, () => true, MAX_UNPACKED_BYTES);
  } catch (e) {
    if (e instanceof ZipTooLargeError) {
      return { problem: `would expand to more than ${MAX_UNPACKED_BYTES / 1048576} MB when unpacked (a compressed archive this large is not an article; it may be a zip bomb)`, hint: 'open it in Word and save the article text as .txt or .docx again' };
    }
  }
  let value: string;
  try {
    ({ value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) }));
  } catch (e) {
    return { problem: `is not a Word document it can read (${(e as Error).message.replace(/\s+/g, ' ').trim()})`, hint: NOT_DOCX_HINT };
  }
  // mammoth ends every paragraph with a blank line; the trailing ones carry nothing.
  const raw = value.replace(/\s+$/, '');
  if (raw.trim() === '') return { problem: 'has no text', hint: 'check that the document holds the article, not only images' };
  const title = coreTitle(bytes);
  return { raw, text: raw, format: 'docx', meta: title ? { title } : {}, steps: [], warnings: [] };
}

export const docxReader: FormatReader = { name: 'Word', read: readDocx };
