// What every notes rule reads: the documents, their analyses, entity salience and sentence helpers.

import type { Evidence, SourceText } from '../../notes/model.ts';
import type { DocumentAnalysis, EntityMention } from '../analysis.ts';
import { fold } from '../../ingest/clean/lines.ts';
import { displaySentence } from '../rules/degraded-sentences.ts';
import { sentenceAt } from '../rules/sentences.ts';
import { typeset } from './typography.ts';
import { ASCII_HASH_START, asciiHashStep, AsciiWordNumbers, FirstMetIds, numberedWords, numberOf, WordSet, wordNumberTest } from './word-set.ts';
export { wordOrder } from '../rules/word-order.ts';

/** An entity seen across the documents, with how much it matters. */
export interface EntityInfo {
  id: string;
  type: EntityMention['type'];
  canonical: string;
  /** Mentions per document index. */
  mentionsByDoc: Map<number, EntityMention[]>;
  /** Roles written with its mentions, most frequent first. */
  roles: string[];
  /** Salience: mentions, weighted up by the number of sources that name it. */
  salience: number;
}

/** Shared, read-only inputs of the notes rules. */
export interface NotesContext {
  docs: SourceText[];
  analyses: DocumentAnalysis[];
  entities: Map<string, EntityInfo>;
  /** Entities by salience, highest first. */
  ranked: EntityInfo[];
}

/**
 * Entity ids compared as `a.localeCompare(b, 'en', { numeric: true })` does: the language defines that call as this
 * collator's compare, but the call builds its collator anew each time (most of makeContext's time at 10,000 sources,
 * where ~100,000 entities are sorted and many share a salience).
 */
export const byIdNumber = new Intl.Collator('en', { numeric: true });

export function makeContext(docs: SourceText[], analyses: DocumentAnalysis[]): NotesContext {
  const entities = new Map<string, EntityInfo>();
  const roleCounts = new Map<string, Map<string, number>>();
  analyses.forEach((a, d) => {
    for (const m of a.entities) {
      let e = entities.get(m.id);
      if (!e) { e = { id: m.id, type: m.type, canonical: m.canonical, mentionsByDoc: new Map(), roles: [], salience: 0 }; entities.set(m.id, e); }
      const list = e.mentionsByDoc.get(d);
      if (list) list.push(m); else e.mentionsByDoc.set(d, [m]);
      if (m.role) {
        const rc = roleCounts.get(m.id) ?? new Map<string, number>();
        rc.set(m.role, (rc.get(m.role) ?? 0) + 1);
        roleCounts.set(m.id, rc);
      }
    }
  });
  for (const e of entities.values()) {
    // Kept for the whole notes stage: a list that grew by push has room for more, a copy has its exact size.
    for (const [d, list] of e.mentionsByDoc) if (list.length > 1) e.mentionsByDoc.set(d, list.slice());
    const mentions = [...e.mentionsByDoc.values()].reduce((n, l) => n + l.length, 0);
    e.salience = mentions * (1 + 0.5 * (e.mentionsByDoc.size - 1));
    e.roles = [...(roleCounts.get(e.id) ?? new Map<string, number>())]
      .sort((a, b) => b[1] - a[1] || b[0].length - a[0].length || a[0].localeCompare(b[0]))
      .map(([r]) => r);
  }
  const ranked = [...entities.values()].sort((a, b) => b.salience - a.salience || byIdNumber.compare(a.id, b.id));
  return { docs, analyses, entities, ranked };
}

/** One line of text: whitespace folded, as the cleaning rules fold lines (a text already folded is handed back
 * with no new string made: most sentences are). */
export const oneLine = fold;

/** The sentence of document `d` at index `k`, as evidence. */
export function sentenceEvidence(ctx: NotesContext, d: number, k: number): Evidence {
  const [start, end] = ctx.analyses[d]!.sentences[k]!;
  return { source: ctx.docs[d]!.id, start, end, text: oneLine(ctx.docs[d]!.text.slice(start, end)) };
}

/**
 * The text an item shows for a span of document `d` (a claim, an event): the words as they stand, or for a
 * degraded source their display form, with a capital first letter and a full stop (rules/degraded-sentences.ts).
 * Evidence keeps the words exactly as the file has them; only what is shown as the item's own text changes.
 */
export function shownText(ctx: Pick<NotesContext, 'docs' | 'analyses'>, d: number, start: number, end: number): string {
  const text = oneLine(ctx.docs[d]!.text.slice(start, end));
  return ctx.analyses[d]!.flags.includes('degraded') ? displaySentence(text) : text;
}

/** Where a clause ends: punctuation between clauses, or a conjunction opening another ("… as the army advanced"). */
const CLAUSE_BREAK = /[,;:()\u2014\u2013]|\b(?:as|after|when|while|since|because|before|following|until|once|amid|which|who)\b/gi;

/** The span of the clause holding a figure, within its sentence [start, end). */
export function figureClause(text: string, start: number, end: number, figure: { start: number; end: number }): [number, number] {
  let from = start;
  let to = end;
  for (const m of text.slice(start, end).matchAll(CLAUSE_BREAK)) {
    const at = start + m.index;
    if (at + m[0].length <= figure.start) from = at + m[0].length;
    else if (at >= figure.end) { to = at; break; }
  }
  return [from, to];
}

/** A claim cut from a sentence of document `d` (compressed), as shown: in proper typography, and for a degraded
 * source in its display form (capital first letter, full stop), so damage to the text does not reach the reader. */
export function shownClaim(ctx: Pick<NotesContext, 'analyses'>, d: number, claim: string): string {
  return typeset(ctx.analyses[d]!.flags.includes('degraded') ? displaySentence(claim) : claim);
}

/** Evidence as shown to the reader: from a degraded source, its display form (see shownText); same span. */
export function shownEvidence(ctx: Pick<NotesContext, 'docs' | 'analyses'>, e: Evidence): Evidence {
  const d = ctx.docs.findIndex((doc) => doc.id === e.source);
  return d >= 0 && ctx.analyses[d]!.flags.includes('degraded') ? { ...e, text: shownText(ctx, d, e.start, e.end) } : e;
}

/** The index of the sentence of document `d` that contains offset `at`, or -1. */
export function sentenceIndexAt(ctx: Pick<NotesContext, 'analyses'>, d: number, at: number): number {
  return sentenceAt(ctx.analyses[d]!.sentences, at);
}

/** Words too common to tell sentences apart (exported for the tests' reference reading). */
export const STOP_WORDS: ReadonlySet<string> = new Set('the a an and or but of to in on at by for with from as is are was were be been has have had that this these those it its he she they his her their we our you i not no said says told would could should will may might also than then there which who whom what when where into over after before about more most some such only just very'.split(' '));

/** Content words of a sentence, for comparing what two sentences say. */
export function contentWords(text: string): Set<string> {
  const ascii = asciiContentWords(text);
  if (ascii) return ascii;
  const out = new Set<string>();
  for (const m of text.toLowerCase().matchAll(/[\p{L}\p{N}]{3,}/gu)) if (!STOP_WORDS.has(m[0])) out.add(m[0]);
  return out;
}

/** Characters outside ASCII that are neither letters nor digits and have no case (typographic quotes and
 * dashes, no-break space, ellipsis, bullets, currency signs): they only end a word, as a space does. */
const SEPARATOR = new Set([0xa0, 0xa3, 0xab, 0xb0, 0xb7, 0xbb, 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2018, 0x2019, 0x201a, 0x201b, 0x201c, 0x201d, 0x201e, 0x201f, 0x2022, 0x2026, 0x20ac]);

/** A character code the ASCII scans below cannot read as the Unicode pattern would: past ASCII, not a SEPARATOR. */
const outsideAscii = (c: number): boolean => c >= 128 && !SEPARATOR.has(c);
/** A character code that is [A-Za-z0-9]: what [\p{L}\p{N}] matches in ASCII. */
const asciiLetterOrDigit = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/**
 * contentWords of a text in plain ASCII, by a scan of its character codes (most news text is; the pattern with
 * Unicode classes is several times slower): there a letter or digit is [A-Za-z0-9] and lowering a case is
 * per letter, so the words are the same, in the same order. Null for a text with any other character.
 */
function asciiContentWords(text: string): Set<string> | null {
  const out = new Set<string>();
  let from = -1;
  for (let k = 0; k <= text.length; k++) {
    const c = k < text.length ? text.charCodeAt(k) : 32;
    if (outsideAscii(c)) return null;
    if (asciiLetterOrDigit(c)) { if (from < 0) from = k; continue; }
    if (from >= 0 && k - from >= 3) {
      const w = text.slice(from, k).toLowerCase();
      if (!STOP_WORDS.has(w)) out.add(w);
    }
    from = -1;
  }
  return out;
}

/** Overlap of two word sets (Jaccard). */
export function similarity(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (!a.size || !b.size) return 0;
  let inter = 0;
  if (a instanceof WordSet && b instanceof WordSet) inter = a.sharedCount(b);
  else for (const w of a) if (b.has(w)) inter++;
  return inter / (a.size + b.size - inter);
}

/** Date words: two reports sharing "April" or "2019" need not share anything else. */
const DATE_WORD = /^(?:\d+|january|february|march|april|may|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday|week|month|year|today|yesterday)$/;

/** Content words two sets share, date words aside (a shared year says nothing about the event). */
export function sharedWords(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a instanceof WordSet && b instanceof WordSet) return a.sharedCount(b, isDateWordNumber);
  let n = 0;
  for (const w of a) if (b.has(w) && !DATE_WORD.test(w)) n++;
  return n;
}

/** A date word ("april", "2019", "friday"): sharedWords does not count it. */
export const isDateWord = (w: string): boolean => DATE_WORD.test(w);
/** isDateWord of a word number, asked once per number. */
export const isDateWordNumber = wordNumberTest(isDateWord);

/** Shared words over the smaller set: a short report of a fact inside a long sentence still matches it (`shared`:
 * sharedWords(a, b), when the caller has counted them already). */
export function containment(a: ReadonlySet<string>, b: ReadonlySet<string>, shared?: number): number {
  const small = Math.min(a.size, b.size);
  return small ? (shared ?? sharedWords(a, b)) / small : 0;
}

/** Source ids sorted by number, without repeats. */
export function sortCites(ids: Iterable<string>): string[] {
  // Each id's number read once, not at every comparison (a timeline event may cite thousands of sources);
  // the same comparison on the same numbers, and a stable sort, give the same order.
  const keyed = [...new Set(ids)].map((id) => ({ id, n: Number(id.slice(1)) }));
  return keyed.sort((a, b) => a.n - b.n).map((x) => x.id);
}

/** Evidence sorted by source then position, one per (source, start). */
export function sortEvidence(list: Evidence[]): Evidence[] {
  const seen = new Set<string>();
  // As sortCites: each source's number read once, then the same comparison in a stable sort.
  return list
    .filter((e) => { const k = `${e.source}:${e.start}`; if (seen.has(k)) return false; seen.add(k); return true; })
    .map((e) => ({ e, n: Number(e.source.slice(1)) }))
    .sort((a, b) => a.n - b.n || a.e.start - b.e.start)
    .map((x) => x.e);
}

/** Each list of items bucketed by sentence, made once per (items, sentences) pair: many rules ask the same. */
const bucketed = new WeakMap<readonly unknown[], { sentences: readonly (readonly [number, number])[]; buckets: ReadonlyArray<readonly unknown[]> }>();

/** The bucket of a sentence with no items: one shared, frozen array (most sentences have no date, no figure). */
const NO_ITEMS: readonly never[] = Object.freeze([]);

/**
 * The items inside each sentence (start ≥ the sentence's start, end ≤ its end), in their order: what filtering
 * `items` for every sentence gives, in one pass with a binary search per item instead of a scan per sentence.
 * Sentences are sorted and do not overlap, so a non-empty item lies in the one sentence holding its start; an
 * empty item, or sentences out of order, take the scan (the same answer, never taken on real analyses).
 * The buckets are kept for the whole notes stage, for every sentence of every source, so each is made at its
 * exact size (items counted first) and the empty ones share one array; they are read-only.
 */
export function itemsBySentence<T extends { start: number; end: number }>(sentences: readonly (readonly [number, number])[], items: readonly T[]): ReadonlyArray<readonly T[]> {
  const cached = bucketed.get(items);
  if (cached && cached.sentences === sentences) return cached.buckets as ReadonlyArray<readonly T[]>;
  const ordered = sentences.every(([s, e], k) => s <= e && (k === 0 || s >= sentences[k - 1]![1]));
  const eachSentenceOf = (x: T, visit: (k: number) => void) => {
    if (!ordered || x.end <= x.start) {
      sentences.forEach(([s, e], k) => { if (x.start >= s && x.end <= e) visit(k); });
      return;
    }
    const k = sentenceAt(sentences as Array<[number, number]>, x.start);
    if (k >= 0 && x.end <= sentences[k]![1]) visit(k);
  };
  // Each item's sentences found once: (sentence, item) pairs in item order, then counted and filled in.
  const homes: number[] = [];
  const members: T[] = [];
  for (const x of items) eachSentenceOf(x, (k) => { homes.push(k); members.push(x); });
  const counts = new Int32Array(sentences.length);
  for (const k of homes) counts[k]!++;
  const buckets = Array.from(counts, (n): T[] => (n ? new Array<T>(n) : (NO_ITEMS as unknown as T[])));
  const filled = new Int32Array(sentences.length);
  homes.forEach((k, p) => { buckets[k]![filled[k]!++] = members[p]!; });
  bucketed.set(items, { sentences, buckets });
  return buckets;
}

/**
 * Content words by document and span: the duplicate merge, the key points and the timeline read the same sentences.
 * Keyed by the span as one number, start × (text length + 1) + end: one per (start, end) pair, since both lie in
 * [0, length]. A map entry per span and nothing more: every sentence of every source is kept for the whole notes stage.
 */
const wordsBySpan = new WeakMap<SourceText, Map<number, WordSet>>();

/**
 * The content words of a document's span, made once per span and shared, as a compact read-only set
 * (word-set.ts). The same words in the same order as contentWords of the span's one-line text: folding
 * whitespace changes no word.
 */
export function spanWords(doc: SourceText, start: number, end: number): WordSet {
  let bySpan = wordsBySpan.get(doc);
  if (!bySpan) wordsBySpan.set(doc, (bySpan = new Map()));
  const key = start * (doc.text.length + 1) + end;
  let words = bySpan.get(key);
  if (!words) bySpan.set(key, (words = asciiSpanWords(doc.text, start, end) ?? new WordSet(contentWords(doc.text.slice(start, end)))));
  return words;
}

/** Content-word numbers of ASCII words, stop words as -1: each distinct word is lower-cased and looked up once. */
const ASCII_WORDS = new AsciiWordNumbers((w) => (STOP_WORDS.has(w) ? -1 : numberOf(w)));
/** Which span last took each word number (a set per span without a Set), and the span's numbers as met. */
let takenBy = new Int32Array(1 << 12);
let span = 0;
let met = new Int32Array(256);

/**
 * spanWords of an ASCII span, read in place: asciiContentWords' scan, with each word's number found from its
 * characters (AsciiWordNumbers) instead of a string per word, a Set of strings and a second lookup to number
 * them. New words are numbered in the order first met, as the WordSet of contentWords numbers them. Null for a
 * span that asciiContentWords would hand to the Unicode pattern.
 */
function asciiSpanWords(text: string, start: number, end: number): WordSet | null {
  for (let k = start; k < end; k++) if (outsideAscii(text.charCodeAt(k))) return null;
  span++;
  let n = 0;
  let from = -1;
  let hash = ASCII_HASH_START;
  for (let k = start; k <= end; k++) {
    const c = k < end ? text.charCodeAt(k) : 32;
    if (asciiLetterOrDigit(c)) {
      if (from < 0) { from = k; hash = ASCII_HASH_START; }
      hash = asciiHashStep(hash, c); // the word's hash as it is read: its characters are not read again to find it
      continue;
    }
    if (from >= 0 && k - from >= 3) {
      const id = ASCII_WORDS.getHashed(text, from, k, hash);
      if (id >= 0) {
        if (id >= takenBy.length) { const wider = new Int32Array(2 * Math.max(numberedWords(), id + 1)); wider.set(takenBy); takenBy = wider; }
        if (takenBy[id] !== span) {
          takenBy[id] = span;
          if (n === met.length) { const longer = new Int32Array(2 * n); longer.set(met); met = longer; }
          met[n++] = id;
        }
      }
    }
    from = -1;
  }
  return new WordSet(new FirstMetIds(met, n));
}
