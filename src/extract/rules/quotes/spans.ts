// Quotation spans: the stretches between quotation marks, per paragraph (curly, straight, typewriter
// ''…'', mismatched pairs), with an unclosed quote running to the end of its paragraph.

/** One quoted stretch. `open`/`close` bound it with its marks; `start`/`end` are the words inside. */
export interface RawQuote {
  open: number;
  start: number;
  end: number;
  close: number;
  /** Paragraph index (0-based) the quote opens in. */
  paragraph: number;
  /** Offset where that paragraph starts. */
  paragraphStart: number;
  /** No closing mark before the paragraph ended: the quote may go on in the next paragraph. */
  unclosed: boolean;
}

const OPENERS: Record<string, string> = { '“': '”', '"': '"', '«': '»', '„': '“', '‘': '’', "'": "'", "''": "''", '``': "''", '`': "'" };
/** Single marks double as apostrophes: they close only at a word end ("the workers' pay" does not). */
const SINGLE = new Set(['‘', "'", '`']);
/** Two-character marks (typewriter style: ''…'' and ``…''), tried before one-character ones. */
const DOUBLE_MARKS = ["''", '``'];

/** Quotation spans, marks excluded, in text order. */
export function findQuoteSpans(text: string): RawQuote[] {
  const out: RawQuote[] = [];
  let paragraph = 0;
  let paragraphStart = 0;
  // Jump from one line break or candidate mark to the next: most of a text is neither.
  const candidates = /[\n“"«„‘'`”]/g;
  let m: RegExpExecArray | null;
  while ((m = candidates.exec(text))) {
    let i = m.index;
    const ch = m[0];
    if (ch === '\n') {
      while (i < text.length && /\s/.test(text[i]!)) i++; // a run of blank lines is one paragraph break
      paragraph++;
      paragraphStart = i;
      candidates.lastIndex = i;
      continue;
    }
    let mark = DOUBLE_MARKS.find((d) => text.startsWith(d, i)) ?? ch;
    let closer = OPENERS[mark];
    // Some copy opens a paragraph-long quote with a right mark (”Fear. I am…): only at a paragraph start.
    if (!closer && ch === '”' && i === paragraphStart) { mark = ch; closer = '”'; }
    if (!closer || !opensHere(text, i, mark.length, i === paragraphStart)) continue;
    const paraEnd = nextParagraphEnd(text, i);
    const found = findCloser(text, i + mark.length, paraEnd, mark, closer);
    // “…,' she said. “…”: a stray mark before an attribution closes the quote, not the next quote's mark.
    const cut = found === -1 || closer.length === 2 ? -1 : attributionCut(text, i + mark.length, found);
    let close = cut === -1 ? found : cut;
    let width = closer.length;
    // No closing mark at all, but the paragraph ends with ", police spokesman X told reporters.": the
    // writer forgot the mark; the quote ends at that comma (no mark is skipped) and keeps its attribution.
    const missing = close === -1 ? missingCloserCut(text, i + mark.length, paraEnd) : -1;
    if (missing !== -1) { close = missing; width = 0; }
    const start = skipSpace(text, i + mark.length, paraEnd);
    const end = close === -1 ? trimEnd(text, start, paraEnd) : trimEnd(text, start, close);
    if (end > start) out.push({ open: i, start, end, close: close === -1 ? paraEnd : close + width, paragraph, paragraphStart, unclosed: close === -1 });
    candidates.lastIndex = close === -1 ? paraEnd : close + width;
  }
  return out;
}

function opensHere(text: string, i: number, width: number, atParagraphStart: boolean): boolean {
  const prev = i > 0 ? text[i - 1]! : '\n';
  const next = text[i + width] ?? '';
  // "” … what I learned": an ellipsis may follow the mark after a space, at a paragraph start only.
  if (atParagraphStart && next === ' ' && text[i + width + 1] === '…') return true;
  if (!/\S/.test(next) || /[\s,.;:!?]/.test(next)) return false;
  // A straight or single mark opens only at a word start (else it is an apostrophe or a closer).
  return /[\s([{—–\-―:;,]/.test(prev) || i === 0 || text[i] === '“' || text[i] === '«';
}

function findCloser(text: string, from: number, to: number, opener: string, closer: string): number {
  if (closer.length === 2) {
    const k = text.indexOf(closer, from);
    return k === -1 || k >= to ? -1 : k;
  }
  const marks = /[”"»“’']/g;
  marks.lastIndex = from;
  let m: RegExpExecArray | null;
  let depth = 0;
  while ((m = marks.exec(text)) && m.index < to) {
    const k = m.index;
    const c = m[0];
    // A quote inside a curly quote (“… what he calls “hell” than …”) closes before the outer one does.
    if (opener === '“' && c === '“' && opensHere(text, k, 1, false)) { depth++; continue; }
    if (depth > 0 && c === '”') { depth--; continue; }
    const after = text[k + 1] ?? ' ';
    const closesWord = CLOSES_WORD.test(after) || k + 1 >= to;
    if (c === closer && (!SINGLE.has(opener) || closesWord) && k > from) return k;
    // Mismatched pairs happen in real copy (“…", "…”): accept the other double closer at a word end.
    if (closesWord && k > from && !SINGLE.has(opener) && (c === '”' || (c === '"' && opener !== '"'))) return k;
  }
  return attributionCut(text, from, to);
}

/** “…,” he said / “…,” Smith told: what follows a closing mark that hands the quote to its speaker. */
const ATTRIBUTION_AFTER_CLOSE = /^\s+(?:(?:he|she|they|we|I|it)\s+|(?:\p{Lu}[\p{L}.'’-]*\s+){1,4}|(?:the|a|an)\s+(?:\p{L}+\s+){1,3})(?:\p{Ll}+ly\s+|also\s+)?(?:said|says|told|added|asked|continued|wrote|explained|insisted)\b|^\s+(?:said|says|added|asked|continued)\s+(?:he|she|\p{Lu})/u;

/**
 * No closing mark of the opener's kind: a mark of another kind followed by an attribution (‘…,” he said.
 * “…) closes it, so the quote does not swallow the attribution and the next quote.
 */
function attributionCut(text: string, from: number, to: number): number {
  const marks = /[,?!.…-]\s*(["”’'])/g;
  marks.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = marks.exec(text)) && m.index < to) {
    const k = m.index + m[0].length - 1;
    if (ATTRIBUTION_AFTER_CLOSE.test(text.slice(k + 1, k + 60))) return k;
  }
  return -1;
}

/** ", police spokesman Dan Roth told reporters …", ", said Maj. X …": an attribution of up to six words then a verb of saying. */
const ATTRIBUTION_CLAUSE = /^,\s+(?:(?:said|says|told|added)\s+\S|(?:[\p{L}.'’-]+\s+){1,6}(?:said|says|told|added)\b)/u;

/**
 * Where a quote with no closing mark in its paragraph ends, when the paragraph's last sentence is its
 * attribution after a comma: just after that comma (as if the mark stood there), or -1. Only in the last
 * sentence, so a paragraph of a multi-paragraph quote ("…, the mayor said, was …") is left whole.
 */
const MISSING_CLOSER_TAIL = 240;

function missingCloserCut(text: string, from: number, to: number): number {
  const commas = /,/g;
  // The attribution is in the paragraph's last sentence: read only its tail, so a long unclosed paragraph
  // (a stray mark in a one-line file) costs no more than a short one.
  commas.lastIndex = Math.max(from, to - MISSING_CLOSER_TAIL);
  let m: RegExpExecArray | null;
  while ((m = commas.exec(text)) && m.index < to) {
    const tail = text.slice(m.index, to);
    if (ATTRIBUTION_CLAUSE.test(tail) && !/[.!?]["”’']*\s+\S/u.test(tail) && !/["“”«»`]|''/u.test(tail)) return m.index + 1;
  }
  return -1;
}

const CLOSES_WORD = /[\s,.;:!?)\]—–―-]/;

function nextParagraphEnd(text: string, from: number): number {
  const nl = text.indexOf('\n', from);
  return nl === -1 ? text.length : nl;
}

function skipSpace(text: string, at: number, end: number): number {
  while (at < end && text[at] === ' ') at++;
  return at;
}

function trimEnd(text: string, start: number, end: number): number {
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return end;
}
