// Bytes to text: UTF-8 (BOM or not), UTF-16 LE/BE (BOM, or plainly UTF-16 by its zero bytes), and
// Windows-1252 for bytes that are not valid UTF-8, rather than letting U+FFFD mangle them. Also tells
// binary files and empty files apart, so read.ts can report them by name.

export type Decoded =
  | { ok: true; text: string; encoding: string; warnings: string[] }
  | { ok: false; message: string; hint: string };

// Node's TextDecoder('windows-1252') maps 0x80–0x9F to C1 controls on builds with small ICU, which loses
// the curly quotes and dashes that this range exists for; the row is mapped by hand (undefined bytes keep
// their code point, as the WHATWG decoder does).
const CP1252_80_9F = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

export function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b >= 0x80 && b <= 0x9f ? CP1252_80_9F[b - 0x80]! : String.fromCharCode(b);
  return out;
}

function decodeStrict(bytes: Uint8Array, encoding: 'utf-8' | 'utf-16le' | 'utf-16be'): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** UTF-16 without a BOM shows as text with a zero byte in every other place (for Latin-script text). */
function utf16ByZeros(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes.length < 4 || bytes.length % 2 !== 0) return null;
  let evenZeros = 0, oddZeros = 0;
  for (let k = 0; k < bytes.length; k += 2) {
    if (bytes[k] === 0) evenZeros++;
    if (bytes[k + 1] === 0) oddZeros++;
  }
  const pairs = bytes.length / 2;
  if (oddZeros / pairs > 0.6 && evenZeros / pairs < 0.05) return 'utf-16le';
  if (evenZeros / pairs > 0.6 && oddZeros / pairs < 0.05) return 'utf-16be';
  return null;
}

/** Share of characters that no text file contains: control characters (bar tab, line breaks, form feed) and U+FFFD. */
function junkShare(text: string): number {
  if (text.length === 0) return 0;
  const junk = text.match(/[\u0000-\u0008\u000B\u000E-\u001F\u007F\uFFFD]/g)?.length ?? 0;
  return junk / text.length;
}

const BINARY = { ok: false as const, message: 'looks like a binary file, not text', hint: 'give the text of the document as a .txt or .md file' };

/** Labels that mean the Windows-1252 row mapped by hand above (WHATWG decodes Latin-1 and ASCII as 1252 too). */
const CP1252_LABELS = /^(?:windows-1252|cp1252|x-cp1252|iso-8859-1|iso8859-1|latin-?1|l1|us-ascii|ascii|iso-ir-100|cp819|ibm819)$/i;

/**
 * Bytes that are not UTF-8, in the legacy encoding the file declares (an HTML page's charset), when the
 * runtime knows it; null when it does not, so the caller falls back to Windows-1252.
 */
function decodeDeclared(bytes: Uint8Array, declared: string | undefined): { text: string; encoding: string } | null {
  const label = declared?.trim().toLowerCase();
  if (!label || /^utf-?8$/.test(label)) return null;
  if (CP1252_LABELS.test(label)) return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
  try {
    const decoder = new TextDecoder(label);
    // UTF-16 without a BOM is found by its zero bytes below; a page that merely says "utf-16" is usually wrong.
    if (decoder.encoding.startsWith('utf-16')) return null;
    return { text: decoder.decode(bytes), encoding: decoder.encoding };
  } catch {
    return null;
  }
}

/**
 * `declared` is the encoding the file names for itself (an HTML page's charset), used only for bytes
 * that are not UTF-8: pages often declare Latin-1 and are UTF-8 in fact.
 */
export function decodeText(bytes: Uint8Array, declared?: string): Decoded {
  if (bytes.length === 0) return { ok: false, message: 'is empty', hint: 'remove the file or put the document text in it' };
  const warnings: string[] = [];
  let text: string | null;
  let encoding: string;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    encoding = 'utf-8';
    text = decodeStrict(bytes.subarray(3), 'utf-8');
    if (text === null) {
      text = decodeWindows1252(bytes.subarray(3));
      warnings.push('has a UTF-8 mark but bytes that are not UTF-8; read as Windows-1252');
    }
  } else if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    encoding = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    text = decodeStrict(bytes.subarray(2), encoding as 'utf-16le' | 'utf-16be');
    if (text === null) return { ok: false, message: `cannot be decoded as ${encoding.toUpperCase()} (its byte-order mark says it is)`, hint: 'save it again as UTF-8' };
  } else if (bytes.includes(0)) {
    const wide = utf16ByZeros(bytes);
    if (!wide) return BINARY;
    encoding = wide;
    text = decodeStrict(bytes, wide);
    if (text === null) return BINARY;
    warnings.push(`has no byte-order mark; read as ${wide.toUpperCase()}`);
  } else {
    encoding = 'utf-8';
    text = decodeStrict(bytes, 'utf-8');
    const legacy = text === null ? decodeDeclared(bytes, declared) : null;
    if (legacy) {
      ({ text, encoding } = legacy);
    } else if (text === null) {
      encoding = 'windows-1252';
      text = decodeWindows1252(bytes);
      warnings.push('is not valid UTF-8; read as Windows-1252');
    }
  }
  if (text.startsWith('\uFEFF')) text = text.slice(1);
  if (junkShare(text) > 0.02) return BINARY;
  if (text.trim() === '') return { ok: false, message: 'has no text (only white space)', hint: 'remove the file or put the document text in it' };
  return { ok: true, text, encoding, warnings };
}
