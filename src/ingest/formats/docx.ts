// Word (.docx): the document's paragraphs through mammoth, and its title from the core properties
// (docProps/core.xml), which mammoth does not read.
import { inflateRawSync } from 'node:zlib';
import mammoth from 'mammoth';
import type { FormatReader, ReadOutcome } from './types.ts';

const NOT_DOCX_HINT = 'open it in Word or LibreOffice and save it as .docx again, or copy its text into a .txt file';

/**
 * One file's bytes out of a zip archive, or null. A .docx is a zip; this reads the central directory
 * (the reliable index at the end) for the one small entry mammoth leaves alone, rather than add a zip library.
 */
export function zipEntry(zip: Uint8Array, name: string): Uint8Array | null {
  const view = Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength);
  // The end-of-central-directory record sits in the last 22 bytes plus at most a 64 KB comment.
  let eocd = -1;
  for (let k = view.length - 22; k >= Math.max(0, view.length - 22 - 65535); k--) {
    if (view.readUInt32LE(k) === 0x06054b50) {
      eocd = k;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = view.readUInt16LE(eocd + 10);
  let at = view.readUInt32LE(eocd + 16);
  for (let n = 0; n < count && at + 46 <= view.length && view.readUInt32LE(at) === 0x02014b50; n++) {
    const method = view.readUInt16LE(at + 10);
    const size = view.readUInt32LE(at + 20);
    const nameLength = view.readUInt16LE(at + 28);
    const extra = view.readUInt16LE(at + 30) + view.readUInt16LE(at + 32);
    const local = view.readUInt32LE(at + 42);
    if (view.toString('utf8', at + 46, at + 46 + nameLength) === name) {
      if (local + 30 > view.length) return null;
      const start = local + 30 + view.readUInt16LE(local + 26) + view.readUInt16LE(local + 28);
      const data = view.subarray(start, start + size);
      if (method === 0) return data;
      return method === 8 ? inflateRawSync(data) : null;
    }
    at += 46 + nameLength + extra;
  }
  return null;
}

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
