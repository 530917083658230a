// Reading entries out of a zip archive (a .docx is one): the central directory, the reliable index at
// the end, then each wanted entry stored or deflated. Small enough not to need a zip library.
import { inflateRawSync } from 'node:zlib';

/** Thrown when an archive's entries unpack to more than the limit given: a zip bomb, or not a clipping. */
export class ZipTooLargeError extends Error {}

/**
 * The entries of a zip archive whose names `wanted` accepts (all by default), by name, inflated.
 * An entry with an unknown compression method, or past the end of the file, is left out. Unpacking
 * more than `maxBytes` in all throws ZipTooLargeError, before the memory is spent.
 */
export function zipEntries(zip: Uint8Array, wanted: (name: string) => boolean = () => true, maxBytes = Infinity): Map<string, Uint8Array> {
  let unpacked = 0;
  const view = Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength);
  const entries = new Map<string, Uint8Array>();
  // The end-of-central-directory record sits in the last 22 bytes plus at most a 64 KB comment.
  let eocd = -1;
  for (let k = view.length - 22; k >= Math.max(0, view.length - 22 - 65535); k--) {
    if (view.readUInt32LE(k) === 0x06054b50) {
      eocd = k;
      break;
    }
  }
  if (eocd < 0) return entries;
  const count = view.readUInt16LE(eocd + 10);
  let at = view.readUInt32LE(eocd + 16);
  for (let n = 0; n < count && at + 46 <= view.length && view.readUInt32LE(at) === 0x02014b50; n++) {
    const method = view.readUInt16LE(at + 10);
    const size = view.readUInt32LE(at + 20);
    const nameLength = view.readUInt16LE(at + 28);
    const extra = view.readUInt16LE(at + 30) + view.readUInt16LE(at + 32);
    const local = view.readUInt32LE(at + 42);
    const name = view.toString('utf8', at + 46, at + 46 + nameLength);
    if (!entries.has(name) && wanted(name) && local + 30 <= view.length && (method === 0 || method === 8)) {
      const start = local + 30 + view.readUInt16LE(local + 26) + view.readUInt16LE(local + 28);
      const data = view.subarray(start, start + size);
      const left = maxBytes - unpacked;
      let entry: Uint8Array;
      try {
        entry = method === 8 ? inflateRawSync(data, Number.isFinite(left) ? { maxOutputLength: Math.max(1, left) } : {}) : data;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw new ZipTooLargeError(`unpacks to more than ${maxBytes} bytes`);
        throw e;
      }
      unpacked += entry.length;
      if (unpacked > maxBytes) throw new ZipTooLargeError(`unpacks to more than ${maxBytes} bytes`);
      entries.set(name, entry);
    }
    at += 46 + nameLength + extra;
  }
  return entries;
}

/** One file's bytes out of a zip archive, or null. */
export function zipEntry(zip: Uint8Array, name: string): Uint8Array | null {
  return zipEntries(zip, (n) => n === name).get(name) ?? null;
}
