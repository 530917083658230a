// Stale sources: a source much older than the rest of the folder, whose claims must not read as current.
// Dated: more than a year before the newest source. Undated: the newest year it states is years before the
// other sources' dates (an old story with no dateline), and it reports none of the facts the current sources
// report (a current story also mentions old years, as background: "in turmoil since 2011"). Names do not make
// a fact: an old story about the same people shares them. A fact is told in the same other words, or is an
// event both date to the same month ("launched an offensive in April").

import type { DateMention, EntityMention } from '../analysis.ts';
import { firstAtOrAfter } from '../rules/quotes/pronouns.ts';
import { containment, contentWords, itemsBySentence, oneLine, sharedWords, type NotesContext } from './context.ts';

/** Sentences compared per source, from its lead: enough to find a shared fact, and it bounds the work. */
const SENTENCES_COMPARED = 40;
/** A sentence sharing this many content words with a current source's, this share of the shorter one's, reports its fact. */
const SAME_FACT_WORDS = 5;
const SAME_FACT = 0.4;
/** A word in more current sentences than this is too common to find a shared fact by. */
const MAX_POSTINGS = 400;
/** An event both tell in the same month shares this many words besides names and dates ("offensive", "launched"). */
const SAME_EVENT_WORDS = 2;

/** A source this many days before the newest source date is stale. */
export const STALE_AFTER_DAYS = 365;

const dayOf = (iso: string) => Date.parse(iso.length === 4 ? `${iso}-07-01` : iso.length === 7 ? `${iso}-15` : iso);

/** Indices of the stale documents. */
export function staleDocs(ctx: Pick<NotesContext, 'docs' | 'analyses'>): Set<number> {
  const dated = ctx.docs.map((d) => d.meta.date).filter((x): x is string => !!x);
  const out = new Set<number>();
  if (!dated.length) return out;
  const newest = Math.max(...dated.map(dayOf));
  const limit = STALE_AFTER_DAYS * 86_400_000;
  ctx.docs.forEach((doc, d) => {
    if (doc.meta.date) {
      if (newest - dayOf(doc.meta.date) > limit) out.add(d);
      return;
    }
    // Only dates that state their year are evidence of when an undated text was written; a year after "since"
    // starts something still going on ("in turmoil since 2011"), so it says nothing of when the text was written.
    const years = ctx.analyses[d]!.dates.filter((x) => x.value && /\d{4}/.test(x.text) && !/\bsince\s+$/i.test(ctx.docs[d]!.text.slice(Math.max(0, x.start - 8), x.start)))
      .map((x) => dayOf(x.value!));
    if (years.length && newest - Math.max(...years) > 2 * limit) out.add(d);
  });
  // An undated source sharing a fact with a current dated source is current too. The current sentences are
  // found through an inverted index (terms in too many sentences skipped), not compared one by one.
  const undated = [...out].filter((d) => !ctx.docs[d]!.meta.date);
  if (!undated.length) return out;
  const recent = (iso: string) => newest - dayOf(iso) <= limit;
  const current = ctx.docs.flatMap((doc, d) => (doc.meta.date && !out.has(d) ? told(ctx, d, recent) : []));
  const postings = new Map<string, number[]>();
  current.forEach((s, i) => { for (const w of s.words) { const p = postings.get(w); if (!p) postings.set(w, [i]); else if (p.length <= MAX_POSTINGS) p.push(i); } });
  // Shared-word counts in one typed accumulator reused by every sentence (a Map per sentence, and its
  // entries copied to an array, were most of this rule's short-lived heap on a large folder).
  const count = new Int32Array(current.length);
  const hit = new Int32Array(current.length);
  const reportsCurrentFact = (s: Told) => {
    let nHit = 0;
    for (const word of s.words) {
      const p = postings.get(word);
      if (p && p.length <= MAX_POSTINGS) for (const i of p) { if (count[i] === 0) hit[nHit++] = i; count[i]!++; }
    }
    let found = false;
    for (let k = 0; k < nHit; k++) {
      const i = hit[k]!;
      const n = count[i]!;
      count[i] = 0;
      if (!found && sharesFact(s, i, n)) found = true;
    }
    return found;
  };
  const sharesFact = (s: Told, i: number, n: number) => {
    // "n ≥ SAME_FACT_WORDS and the fact's words, or n ≥ SAME_EVENT_WORDS and the event's" (SAME_EVENT_WORDS ≤
    // SAME_FACT_WORDS), with the shared words (date words aside) counted once, and only when a test reads them.
    if (n < SAME_EVENT_WORDS) return false;
    const c = current[i]!;
    let shared = -1;
    if (n >= SAME_FACT_WORDS) {
      shared = sharedWords(s.words, c.words);
      if (shared >= SAME_FACT_WORDS && containment(s.words, c.words, shared) >= SAME_FACT) return true;
    }
    // The event's test: a month both name (most sentences name none, so asked before the words are counted).
    if (!someShared(s.months, c.months)) return false;
    return (shared < 0 ? sharedWords(s.words, c.words) : shared) >= SAME_EVENT_WORDS;
  };
  for (const d of undated) if (told(ctx, d, () => true).some(reportsCurrentFact)) out.delete(d);
  return out;
}

/** Whether two sets have an element in common. */
function someShared<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): boolean {
  for (const x of a) if (b.has(x)) return true;
  return false;
}

/** What a sentence tells: its content words besides names, and the months (1-12) its dates name. */
interface Told { words: Set<string>; months: ReadonlySet<number> }

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** The lead sentences of a source, leaving out those that state a year (background). A dated source's
 * months are those of its resolved dates that `keep` accepts (recent ones); an undated source's, the months it names. */
function told(ctx: Pick<NotesContext, 'docs' | 'analyses'>, d: number, keep: (iso: string) => boolean): Told[] {
  const text = ctx.docs[d]!.text;
  const a = ctx.analyses[d]!;
  const dated = ctx.docs[d]!.meta.date !== null;
  // The dates inside each sentence (start and end within it), as filtering them per sentence gives.
  const datesIn = itemsBySentence(a.sentences, a.dates);
  const names = mentionsByStart(a.entities);
  return a.sentences.slice(0, SENTENCES_COMPARED).flatMap(([start, end], k) => {
    if (/\b(?:1[89]|20)\d\d\b/.test(text.slice(start, end))) return [];
    return [{ words: contentWords(withoutNames(text, start, end, names)), months: monthsOf(datesIn[k]!, dated, keep) }];
  });
}

/**
 * A source's mentions for withoutNames: sorted by start (as the analyses give them), searched by binary search;
 * otherwise all of them, in their order, read whole for each sentence.
 */
export type Mentions = { sorted: boolean; list: readonly EntityMention[] };
export function mentionsByStart(list: readonly EntityMention[]): Mentions {
  let sorted = true;
  for (let k = 1; k < list.length && sorted; k++) sorted = list[k - 1]!.start <= list[k]!.start;
  return { sorted, list };
}

/** The months of a sentence without any (most): one set for all of them, never added to. */
const NO_MONTHS: ReadonlySet<number> = new Set();

function monthsOf(dates: readonly DateMention[], dated: boolean, keep: (iso: string) => boolean): ReadonlySet<number> {
  let out: Set<number> | undefined;
  for (const x of dates) {
    if (dated) { if (x.value && /^\d{4}-\d{2}/.test(x.value) && keep(x.value)) (out ??= new Set()).add(Number(x.value.slice(5, 7))); continue; }
    const named = MONTHS.findIndex((m) => new RegExp(`\\b${m}\\b`, 'i').test(x.text));
    if (named >= 0) (out ??= new Set()).add(named + 1);
  }
  return out ?? NO_MONTHS;
}

/** The sentence with the names in it left out. */
export function withoutNames(text: string, start: number, end: number, mentions: Mentions): string {
  // A mention starting before the sentence is passed over whatever else holds (its start is before `at`, which
  // only grows from `start`), and so is one starting at or past its end: sorted, only those starting within it
  // are read, in the same order.
  const { list } = mentions;
  let out = '';
  let at = start;
  for (let k = mentions.sorted ? firstAtOrAfter(list, start) : 0; k < list.length; k++) {
    const m = list[k]!;
    if (mentions.sorted && m.start >= end) break;
    if (m.end <= start || m.start >= end || m.start < at) continue;
    out += `${text.slice(at, m.start)} `;
    at = m.end;
  }
  return oneLine(out + text.slice(at, end));
}
