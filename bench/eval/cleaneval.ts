// CleanEval loader and baseline (pure): decodes page bytes, strips the gold text's line marks, and a
// tag-stripping baseline to score until the ingest stage has an HTML reader.

/**
 * Pages come in UTF-8 and in Latin-1/Windows-1252 without a reliable declaration: take UTF-8 when the bytes
 * are valid UTF-8, else Windows-1252 (a superset of Latin-1 for printable text).
 */
export function decodePage(bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = decodeWindows1252(bytes);
  }
  return text.replace(/^\uFEFF/, '');
}

// Node's TextDecoder('windows-1252') decodes 0x80-0x9F as C1 controls (Latin-1) in some builds, losing the
// curly quotes and dashes these pages use; map that row by hand (undefined bytes stay as their code point).
const CP1252_80_9F = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

export function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b >= 0x80 && b <= 0x9f ? CP1252_80_9F[b - 0x80]! : String.fromCharCode(b);
  return out;
}

/** The human-cleaned text without its first `URL: …` line and without the `<p>`, `<h>`, `<l>` paragraph marks. */
export function goldText(raw: string): string {
  const lines = raw.split(/\r\n|\r|\n/);
  if (/^\s*URL:/.test(lines[0] ?? '')) lines.shift();
  return lines.join('\n').replace(/<\/?[phl]>/gi, '');
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', copy: '©', reg: '®', trade: '™', mdash: '—', ndash: '–',
  hellip: '…', lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', laquo: '«', raquo: '»', bull: '•', middot: '·', pound: '£',
  euro: '€', cent: '¢', yen: '¥', sect: '§', para: '¶', deg: '°', times: '×', eacute: 'é', egrave: 'è', aacute: 'á',
  agrave: 'à', oacute: 'ó', uacute: 'ú', iacute: 'í', ntilde: 'ñ', ccedil: 'ç', uuml: 'ü', ouml: 'ö', auml: 'ä', szlig: 'ß',
};

/** Decode numeric references and the common named entities (enough for a baseline; unknown names stay as written). */
export function decodeHtmlEntities(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z][a-zA-Z0-9]*);?/g, (whole, body: string) => {
    let code: number | null = null;
    if (body.startsWith('#x') || body.startsWith('#X')) code = parseInt(body.slice(2), 16);
    else if (body.startsWith('#')) code = parseInt(body.slice(1), 10);
    if (code !== null) return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    return NAMED_ENTITIES[body] ?? NAMED_ENTITIES[body.toLowerCase()] ?? whole;
  });
}

const BLOCK = /^(?:p|div|br|hr|li|ul|ol|dl|dt|dd|tr|td|th|table|h[1-6]|pre|blockquote|section|article|header|footer|nav|aside|form|title|option)$/i;

/**
 * Baseline "cleaner": every piece of text in the page, tags removed, scripts/styles/comments dropped,
 * block elements on their own lines. It keeps all boilerplate, so it shows what a real reader must beat.
 */
export function htmlToTextBaseline(html: string): string {
  const body = html
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<(script|style|noscript)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<\/?([A-Za-z][\w:-]*)\b[^>]*>/g, (_tag, name: string) => (BLOCK.test(name) ? '\n' : ''))
    .replace(/<![^>]*>/g, ' ');
  return decodeHtmlEntities(body).replace(/[ \t\f\v\u00a0]+/g, ' ').replace(/\s*\n\s*/g, '\n').trim();
}
