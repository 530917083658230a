// Direct quotes and who said them: quotation spans per paragraph (curly, straight, mismatched,
// running over paragraphs), then the speaker from "X said", "said X", "X told …", "according to X",
// a pronoun resolved to the nearest fitting person, or the speaker of the paragraph before.

import type { EntityMention, QuoteMention } from '../analysis.ts';
import { SPEECH_VERBS } from './lexicon.ts';
import { sentenceEndFrom, sentenceStartBefore } from './sentences.ts';

/** A quote too short to be speech ("a “confusing” move") unless a verb of saying attributes it. */
const MIN_QUOTE_WORDS = 4;
const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu;

interface RawQuote { open: number; start: number; end: number; close: number; paragraph: number }

/** Find direct quotes and their speakers in one document. `mentions` must be sorted by start. */
export function findQuotes(text: string, mentions: readonly EntityMention[]): QuoteMention[] {
  const raw = findQuoteSpans(text);
  const outside = mentions.filter((m) => !raw.some((q) => m.start >= q.start && m.end <= q.end));
  const out: QuoteMention[] = [];
  let lastSpeaker: { id: string | null; name: string | null; paragraph: number; person: boolean } | null = null;
  for (const q of raw) {
    const quoted = text.slice(q.start, q.end);
    const words = quoted.match(WORD)?.length ?? 0;
    const found = attribute(text, q, mentions);
    if (words < MIN_QUOTE_WORDS && !(found && found.adjacent && words >= 2)) continue;
    let speaker = found?.speaker ?? null;
    if (speaker && speaker.pronoun) speaker = resolvePronoun(text, speaker, outside, q, lastSpeaker);
    if (!speaker && lastSpeaker && q.paragraph - lastSpeaker.paragraph <= 1 && startsSentence(text, q.open)) {
      speaker = { start: null, end: null, id: lastSpeaker.id, name: lastSpeaker.name, pronoun: false };
    }
    if (!speaker && startsSentence(text, q.open)) speaker = previousSpeaker(text, outside, q);
    out.push({
      start: q.start, end: q.end, text: quoted,
      speakerId: speaker?.id ?? null, speakerName: speaker?.name ?? null,
      speakerStart: speaker?.start ?? null, speakerEnd: speaker?.end ?? null,
    });
    if (speaker?.name) lastSpeaker = { id: speaker.id, name: speaker.name, paragraph: q.paragraph, person: mentions.some((m) => m.id === speaker?.id && m.type === 'PERSON') };
  }
  return out;
}

// ─── quotation spans ─────────────────────────────────────────────────────────────────────────

const OPENERS: Record<string, string> = { '“': '”', '"': '"', '«': '»', '„': '“', '‘': '’', "''": "''", '``': "''" };
/** Two-character marks (typewriter style: ''…'' and ``…''), tried before one-character ones. */
const DOUBLE_MARKS = ["''", '``'];

/** Quotation spans, marks excluded; an unclosed quote runs to the end of its paragraph. */
export function findQuoteSpans(text: string): RawQuote[] {
  const out: RawQuote[] = [];
  let paragraph = 0;
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '\n') {
      while (i < text.length && /\s/.test(text[i]!)) i++; // a run of blank lines is one paragraph break
      paragraph++;
      continue;
    }
    const mark = DOUBLE_MARKS.find((m) => text.startsWith(m, i)) ?? ch;
    const closer = OPENERS[mark];
    if (!closer || !opensHere(text, i, mark.length)) { i++; continue; }
    const paraEnd = nextParagraphEnd(text, i);
    const close = findCloser(text, i + mark.length, paraEnd, mark, closer);
    const start = i + mark.length;
    const end = close === -1 ? trimEnd(text, start, paraEnd) : close;
    if (end > start) out.push({ open: i, start, end, close: close === -1 ? paraEnd : close + closer.length, paragraph });
    i = close === -1 ? paraEnd : close + closer.length;
  }
  return out;
}

function opensHere(text: string, i: number, width: number): boolean {
  const prev = i > 0 ? text[i - 1]! : '\n';
  const next = text[i + width] ?? '';
  if (!/\S/.test(next) || /[\s,.;:!?]/.test(next)) return false;
  // A straight or single mark opens only at a word start (else it is an apostrophe or a closer).
  return /[\s([{—–\-:;,]/.test(prev) || i === 0 || text[i] === '“' || text[i] === '«';
}

function findCloser(text: string, from: number, to: number, opener: string, closer: string): number {
  for (let k = from; k < to; k++) {
    if (closer.length === 2) {
      if (text.startsWith(closer, k)) return k;
      continue;
    }
    const c = text[k]!;
    const after = text[k + 1] ?? ' ';
    const closesWord = /[\s,.;:!?)\]—–-]/.test(after) || k + 1 >= to;
    if (c === closer && (opener !== '‘' || closesWord)) return k;
    // Mismatched pairs happen in real copy (‘…” or “…"): accept the other double closer at a word end.
    if ((c === '”' || (c === '"' && opener !== '"')) && closesWord && opener !== '"') return k;
  }
  return -1;
}

function nextParagraphEnd(text: string, from: number): number {
  const nl = text.indexOf('\n', from);
  return nl === -1 ? text.length : nl;
}

function trimEnd(text: string, start: number, end: number): number {
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return end;
}

// ─── attribution ─────────────────────────────────────────────────────────────────────────────

interface Speaker { start: number | null; end: number | null; id: string | null; name: string | null; pronoun: boolean }

/** Look after the quote ("…,” X said / said X") then before it ("X said: “…"), within the sentence. */
function attribute(text: string, q: RawQuote, mentions: readonly EntityMention[]): { speaker: Speaker; adjacent: boolean } | null {
  // After a quote that ends its own sentence with a full stop, what follows is a new sentence.
  const endsWithStop = /\.\s*$/.test(text.slice(q.start, q.end));
  if (!endsWithStop) {
    const after = { start: q.close, end: sentenceEndFrom(text, q.close, 240) };
    const a = speakerAround(text, after.start, after.end, mentions, 'after');
    if (a) return { speaker: a, adjacent: true };
  }
  const before = clauseBefore(text, q.open);
  const b = speakerAround(text, before.start, before.end, mentions, 'before');
  if (b) return { speaker: b, adjacent: true };
  return null;
}

/** From the start of the sentence (or the previous quote) to the opening mark. */
function clauseBefore(text: string, to: number): { start: number; end: number } {
  const start = sentenceStartBefore(text, to, 300);
  const part = text.slice(start, to);
  let cut = 0;
  for (const m of part.matchAll(/[”"»]|''/g)) cut = m.index + m[0].length; // not past an earlier quote
  return { start: start + cut, end: to };
}

function speakerAround(text: string, start: number, endIn: number, mentions: readonly EntityMention[], side: 'after' | 'before'): Speaker | null {
  let end = endIn;
  let clause = text.slice(start, end);
  if (side === 'after') {
    const nextQuote = clause.search(/[“"«‘]|''|``/);
    if (nextQuote > 0) { clause = clause.slice(0, nextQuote); end = start + nextQuote; }
  }
  const words = [...clause.matchAll(WORD)];
  const verbIdx = side === 'after'
    ? words.findIndex((w, k) => k < 10 && SPEECH_VERBS.has(w[0].toLowerCase()))
    : lastIndex(words, (w) => SPEECH_VERBS.has(w[0].toLowerCase()));
  const according = /according to\s+/i.exec(clause);
  if (verbIdx === -1 && !according) return null;
  if (verbIdx === -1 && according) {
    return speakerAt(text, start + according.index + according[0].length, end, mentions, 'forward');
  }
  const verb = words[verbIdx]!;
  const verbStart = start + verb.index;
  const verbEnd = verbStart + verb[0].length;
  if (side === 'after') {
    // "…,” said Mr. X" or "…,” X said"
    const between = text.slice(start, verbStart);
    if (/^[\s,—–-]*$/.test(between)) return speakerAt(text, verbEnd, end, mentions, 'forward');
    // "…,” the source, who spoke on condition of anonymity, told …": the speaker is what comes first.
    return speakerAt(text, start, verbStart, mentions, 'forward-near') ?? speakerAt(text, start, verbStart, mentions, 'backward');
  }
  return speakerAt(text, start, verbStart, mentions, 'backward') ?? speakerAt(text, verbEnd, end, mentions, 'forward-near');
}

/** The speaker mention in [from, to): an entity mention, a pronoun, or a noun phrase ("the source"). */
function speakerAt(text: string, from: number, to: number, mentions: readonly EntityMention[], dir: 'forward' | 'backward' | 'forward-near'): Speaker | null {
  const inRange = mentions.filter((m) => m.start >= from && m.end <= to && m.type !== 'PLACE');
  const pick = dir === 'backward' ? inRange.at(-1) : inRange[0];
  const stretch = text.slice(from, to);
  const pron = dir === 'backward' ? lastMatch(stretch, /\b(he|she|they|we|I)\b/g) : /\b(he|she|they|we|I)\b/.exec(stretch);
  if (pick && (!pron || (dir === 'backward' ? pick.start > from + pron.index : pick.start < from + pron.index))) {
    if (dir === 'forward-near' && pick.start - from > 40) return null;
    return { start: pick.start, end: pick.end, id: pick.id, name: pick.canonical, pronoun: false };
  }
  if (pron && (dir !== 'forward' || pron.index < 4)) {
    const s = from + pron.index;
    return { start: s, end: s + pron[0].length, id: null, name: null, pronoun: true };
  }
  const np = dir === 'backward' ? new RegExp(`\\b(${NOUN_PHRASE})\\s+(?:\\p{L}+\\s+)?$`, 'iu').exec(stretch) : new RegExp(`^\\s*,?\\s*(${NOUN_PHRASE})\\b`, 'iu').exec(stretch);
  if (np) {
    const s = from + np.index + np[0].indexOf(np[1]!);
    return { start: s, end: s + np[1]!.length, id: null, name: np[1]!.replace(/\s+/g, ' '), pronoun: false };
  }
  return null;
}

/** Heads of unnamed speakers: "the source", "a State Department official", "the city's finance office". */
const SPEAKER_HEADS = 'source|sources|official|officials|spokesman|spokeswoman|spokesperson|statement|report|diplomat|analyst|aide|adviser|advisor|ministry|department|government|office|agency|police|army|military|council|company|committee|commission|court|embassy|readout|witness|witnesses|resident|residents|lawyer|expert|experts';
const NOUN_PHRASE = `(?:a|an|the)\\s+(?:[\\p{L}-]+(?:['’]s)?\\s+){0,5}?(?:${SPEAKER_HEADS})`;

/** "he said": the last quoted person if recent, else the nearest person mentioned before. */
function resolvePronoun(text: string, sp: Speaker, mentions: readonly EntityMention[], q: RawQuote, last: { id: string | null; name: string | null; paragraph: number; person: boolean } | null): Speaker {
  const at = sp.start ?? q.open;
  const plural = /^(they|we)$/i.test(text.slice(sp.start ?? 0, sp.end ?? 0));
  if (last && q.paragraph - last.paragraph <= 2 && (last.person || plural)) return { ...sp, id: last.id, name: last.name, pronoun: false };
  const m = nearestSpeakingPerson(text, mentions, at, 900);
  return m ? { ...sp, id: m.id, name: m.canonical, pronoun: false } : sp;
}

/** The last person before `at` (within `window` characters) who was saying something, else the last person. */
function nearestSpeakingPerson(text: string, mentions: readonly EntityMention[], at: number, window: number): EntityMention | null {
  const before = mentions.filter((m) => m.type === 'PERSON' && m.end <= at && m.start >= at - window);
  const speaking = before.filter((m) => SPEAKS_AFTER.test(text.slice(m.end, m.end + 80)));
  return speaking.at(-1) ?? before.at(-1) ?? null;
}

const SPEAKS_AFTER = /^['’]?s?\s*(?:,[^,]{0,60},\s*)?(?:\p{Ll}+ly\s+|also\s+|has\s+|had\s+)?(?:said|says|told|tells|stressed|added|argued|insisted|explained|warned|lamented|suggested|claimed|noted|continued|asked|wrote|announced|declared)\b/u;

function startsSentence(text: string, at: number): boolean {
  return sentenceStartBefore(text, at, 200) >= at - 1 || /(^|\n)\s*$/.test(text.slice(Math.max(0, at - 200), at));
}

/** No attribution near the quote: the person who last spoke (said/told) shortly before it. */
function previousSpeaker(text: string, mentions: readonly EntityMention[], q: RawQuote): Speaker | null {
  const m = nearestSpeakingPerson(text, mentions, q.open, 600);
  if (!m || !SPEAKS_AFTER.test(text.slice(m.end, m.end + 80))) return null;
  return { start: null, end: null, id: m.id, name: m.canonical, pronoun: false };
}

function lastIndex<T>(xs: T[], f: (x: T) => boolean): number {
  for (let k = xs.length - 1; k >= 0; k--) if (f(xs[k]!)) return k;
  return -1;
}

function lastMatch(s: string, re: RegExp): RegExpExecArray | null {
  let last: RegExpExecArray | null = null;
  for (const m of s.matchAll(re)) last = m as RegExpExecArray;
  return last;
}

