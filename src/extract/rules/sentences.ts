// Sentence spans: paragraph lines, then full stops that end a sentence (not "Mr." or "U.S."), and
// pseudo-sentences for long unpunctuated stretches of degraded text.

import { endsLongerToken, isAsciiLetter, isSpace } from './tokens.ts';

export type Span = [number, number];

/** Abbreviations whose full stop does not end a sentence. */
const ABBREVIATIONS = new Set(
  `mr mrs ms dr gen col lt capt sgt adm rev prof sen rep gov pres st jr sr inc corp ltd co v vs etc no nos fig
   jan feb mar apr jun jul aug sep sept oct nov dec mt ft approx dept est al op univ maj brig`.split(/\s+/),
);

/** Words after which a sentence may end even when an abbreviation precedes ("… in the U.S. The …"). */
const STRONG_STARTERS = new Set('the he she it they we i this that there but and in on a an his her its their our mr mrs ms'.split(' '));

/** Longest pseudo-sentence carved out of unpunctuated text, in words. */
const MAX_UNPUNCTUATED_WORDS = 32;
/** A "sentence" longer than this has lost its punctuation (real news sentences rarely pass 70 words). */
const RUN_ON_WORDS = 90;

/** Split a text into sentence spans (start inclusive, end exclusive), trimmed, in order. */
export function splitSentences(original: string): Span[] {
  const text = unwrapLines(original);
  const spans: Span[] = [];
  for (const [pStart, pEnd] of paragraphs(text)) {
    for (const s of splitParagraph(text, pStart, pEnd)) {
      for (const piece of splitUnpunctuated(text, s[0], s[1])) spans.push(piece);
    }
  }
  return spans;
}

/** Shortest line taken for hard-wrapped prose when the next line opens with a capital (headings are shorter). */
const WRAPPED_LINE = 50;

/** Shortest and longest line width taken for hard-wrapped copy (wire services wrap at 65–80 characters). */
const MIN_WRAP = 40;
const MAX_WRAP = 100;
/** A line this share of the wrap width or longer was broken by the wrap, not by the writer. */
const WRAPPED_LINE_SHARE = 0.6;

/**
 * The text with the line breaks of hard-wrapped copy made spaces, offsets unchanged (a break becomes as
 * many spaces as it has characters). Copy counts as hard-wrapped when nearly every line fits a width of
 * 40–100 characters and most long lines end mid-sentence and run on into the next; then a line break inside a paragraph is a space,
 * unless the line is short (a paragraph's last line, a heading) or the next line is indented (a new paragraph).
 */
export function unwrapLines(text: string): string {
  const lines = [...text.matchAll(/[^\r\n]*(\r?\n|$)/g)].filter((m) => m[0] !== '');
  const widths = lines.map((m) => m[0].trimEnd().length).filter((w) => w > 0);
  if (widths.length < 4) return text;
  const width = [...widths].sort((a, b) => a - b)[Math.floor(widths.length * 0.9)]!;
  const longer = widths.filter((w) => w > width + 5).length;
  if (width < MIN_WRAP || width > MAX_WRAP || longer > widths.length * 0.05) return text;
  let runOn = 0;
  const joins: number[] = [];
  lines.forEach((m, k) => {
    const line = m[0].trimEnd();
    const next = lines[k + 1]?.[0] ?? '';
    if (!m[1] || line.trim() === '' || next.trim() === '' || line.length < width * WRAPPED_LINE_SHARE) return;
    if (/^\s{2,}\S/u.test(next) && !/^\s{2,}/u.test(line)) return; // an indented line opens a paragraph
    // A wrapped line mostly ends mid-sentence; one sentence a line ends with its punctuation.
    if (!/[.!?:;"”’')\]]$/u.test(line)) runOn++;
    joins.push(m.index + m[0].length - m[1].length);
  });
  if (runOn < 3 || runOn < joins.length / 2) return text;
  let out = '';
  let from = 0;
  for (const at of joins) {
    const br = text[at] === '\r' ? 2 : 1;
    out += text.slice(from, at) + ' '.repeat(br);
    from = at + br;
  }
  return out + text.slice(from);
}

/** Paragraphs: runs of lines; a hard-wrapped line (no final punctuation, next line lower-case) joins the next. */
function paragraphs(text: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  const lineBreak = /\r?\n/g;
  let m: RegExpExecArray | null;
  const pushIfText = (a: number, b: number) => {
    const t = trim(text, a, b);
    if (t) out.push(t);
  };
  while ((m = lineBreak.exec(text))) {
    const lineEnd = m.index;
    const prevLine = text.slice(start, lineEnd).trimEnd();
    const rest = text.slice(m.index + m[0].length, m.index + m[0].length + 2);
    // A long line cut mid-sentence also wraps before a capital: hard-wrapped wire copy cuts names ("El\nSalvador").
    const wraps = prevLine.length > 0 && !/[.!?:;"”’'\])]$/.test(prevLine) && (/^[a-z]/.test(rest) || (prevLine.length >= WRAPPED_LINE && /^[\p{Lu}\p{N}]/u.test(rest)));
    if (wraps) continue;
    pushIfText(start, lineEnd);
    start = m.index + m[0].length;
  }
  pushIfText(start, text.length);
  return out;
}

// Typewriter quotes (``…'' and `…') open and close sentences as curly ones do. A sentence opens with a
// capital, a digit, or a word with a capital inside ("iOS will…", "eBay said…": such names keep their case).
const BOUNDARY = /([.!?…]+)(["”’')\]]*)(\s+)(?=(?:``|["“‘(\[`])?(?:[\p{Lu}\p{N}]|\p{Ll}+\p{Lu}))/gu;

function splitParagraph(text: string, start: number, end: number): Span[] {
  const para = text.slice(start, end);
  const out: Span[] = [];
  let from = 0;
  BOUNDARY.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = BOUNDARY.exec(para))) {
    const stop = m.index + m[1]!.length + m[2]!.length;
    if (m[1] === '.' && !m[2] && !endsSentence(para, m.index, stop + m[3]!.length)) continue;
    const t = trim(text, start + from, start + stop);
    if (t) out.push(t);
    from = stop;
  }
  const t = trim(text, start + from, end);
  if (t) out.push(t);
  return out;
}

/** Whether the full stop at `dot` ends a sentence, judging by the word before and after it. */
function endsSentence(para: string, dot: number, next: number): boolean {
  const before = para.slice(wordStartBefore(para, dot, Math.max(0, dot - 20)), dot);
  const after = /^["“‘(]?([\p{L}\p{N}]+)/u.exec(para.slice(next))?.[1]?.toLowerCase() ?? '';
  const word = before.toLowerCase().replace(/^.*\.(?=\p{L})/u, '');
  if (ABBREVIATIONS.has(word)) return false;
  // Initials ("John R. Bolton") and dotted acronyms ("U.S.", "U.N.") end a sentence only before a strong starter.
  if ((/^\p{Lu}$/u.test(before) || /^(\p{L}\.)+\p{L}$/u.test(before)) && standsAlone(para, dot - before.length)) return STRONG_STARTERS.has(after);
  return true;
}

/**
 * Whether the word starting at `at` stands alone, an initial or a dotted acronym (see endsLongerToken). A
 * capital that ends a longer token ("AT&T.", "S&P.") is the end of a name, and its full stop can end a sentence.
 */
const standsAlone = (para: string, at: number) => !endsLongerToken(para, at);

/**
 * Where the run of letters, full stops, apostrophes and hyphens ending at `end` starts, not before `floor`
 * (the match of /[\p{L}.'-]+$/u in text[floor, end), or `end` when there is none).
 */
export function wordStartBefore(text: string, end: number, floor: number): number {
  let k = end;
  while (k > floor) {
    const c = text.charCodeAt(k - 1);
    const part = c < 128 ? isAsciiLetter(c) || c === 46 || c === 39 || c === 45 : isLetterAt(text, k - 1, floor);
    if (!part) break;
    k--;
  }
  return k;
}

/** Whether the character at `at` is (part of) a letter, a surrogate pair read whole when it starts at or after `floor`. */
function isLetterAt(text: string, at: number, floor: number): boolean {
  const c = text.charCodeAt(at);
  if (c >= 0xdc00 && c <= 0xdfff) return at > floor && LETTER.test(text.slice(at - 1, at + 1));
  if (c >= 0xd800 && c <= 0xdbff) return LETTER.test(text.slice(at, at + 2));
  return LETTER.test(text[at]!);
}
const LETTER = /^\p{L}$/u;

/** Carve a long stretch without sentence punctuation into pseudo-sentences at likely clause starts. */
function splitUnpunctuated(text: string, start: number, end: number): Span[] {
  // Most sentences are short: count words without building match objects first.
  if (!hasMoreWords(text, start, end, RUN_ON_WORDS)) return [[start, end]];
  const words = [...text.slice(start, end).matchAll(/\S+/g)];
  if (words.length <= RUN_ON_WORDS) return [[start, end]];
  const out: Span[] = [];
  let from = 0;
  while (words.length - from > MAX_UNPUNCTUATED_WORDS * 1.5) {
    let cut = from + MAX_UNPUNCTUATED_WORDS;
    // Prefer a cut before a capitalised word or a clause opener, searching back a little.
    for (let k = cut; k > from + MAX_UNPUNCTUATED_WORDS / 2; k--) {
      const w = words[k]?.[0] ?? '';
      if (/^\p{Lu}/u.test(w) || /^(he|she|they|we|it|but|the|mr)$/i.test(w)) { cut = k; break; }
    }
    const a = start + (words[from]?.index ?? 0);
    const b = start + (words[cut - 1]?.index ?? 0) + (words[cut - 1]?.[0].length ?? 0);
    out.push([a, b]);
    from = cut;
  }
  out.push([start + (words[from]?.index ?? 0), end]);
  return out;
}

/** Whether text[start, end) has more than `limit` whitespace-separated words (as /\S+/g counts them). */
export function hasMoreWords(text: string, start: number, end: number, limit: number): boolean {
  // A word and the space after it take two characters: 2 × limit characters hold at most `limit` words.
  if (end - start <= 2 * limit) return false;
  let words = 0;
  let inWord = false;
  for (let k = start; k < end; k++) {
    const space = isSpace(text.charCodeAt(k));
    if (!space && !inWord && ++words > limit) return true;
    inWord = !space;
  }
  return false;
}

function trim(text: string, start: number, end: number): Span | null {
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  return end > start ? [start, end] : null;
}

/** The index of the sentence that contains offset `at` (binary search), or -1. */
export function sentenceAt(sentences: readonly Span[], at: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [s, e] = sentences[mid]!;
    if (at < s) hi = mid - 1;
    else if (at >= e) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/** Where the sentence running on from `from` ends (abbreviations such as "Mr." do not end it), up to `limit`. */
export function sentenceEndFrom(text: string, from: number, limit = 400): number {
  const to = Math.min(text.length, from + limit);
  const nl = text.indexOf('\n', from);
  const stop = nl === -1 || nl > to ? to : nl;
  const part = text.slice(from, stop);
  const re = /[.!?]+(?=\s|$)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(part))) {
    if (m[0] === '.' && !endsSentence(part, m.index, m.index + 1 + (/^\s*/.exec(part.slice(m.index + 1))?.[0].length ?? 0))) continue;
    return from + m.index;
  }
  return stop;
}

/** Where the sentence containing `to` starts (looking back at most `limit` characters, not past a line break). */
export function sentenceStartBefore(text: string, to: number, limit = 400): number {
  const from = Math.max(0, to - limit);
  const nl = text.lastIndexOf('\n', to - 1);
  const start = nl >= from ? nl + 1 : from;
  const part = text.slice(start, to);
  let cut = 0;
  for (const m of part.matchAll(/([.!?]+)["”’)]*\s+/g)) {
    if (m[1] === '.' && !endsSentence(part, m.index, m.index + m[0].length)) continue;
    cut = m.index + m[0].length;
  }
  return start + cut;
}
