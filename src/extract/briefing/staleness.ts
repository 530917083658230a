// Stale sources: a source much older than the rest of the folder, whose claims must not read as current.
// Dated: more than a year before the newest source. Undated: every year it mentions is years before the
// other sources' dates (an old story with no dateline), and it reports none of the facts the current
// sources report (a current story also mentions old years, as background: "in turmoil since 2011").

import { containment, contentWords, oneLine, sharedWords, type NotesContext } from './context.ts';

/** Sentences compared per source, from its lead: enough to find a shared fact, and it bounds the work. */
const SENTENCES_COMPARED = 40;
/** A sentence sharing this many content words with a current source's, this share of the shorter one's, reports its fact. */
const SAME_FACT_WORDS = 5;
const SAME_FACT = 0.4;
/** A word in more current sentences than this is too common to find a shared fact by. */
const MAX_POSTINGS = 400;
/** An undated source needs this many year-stating dates to be dated by them. */
const MIN_YEARS = 2;

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
    // Only dates that state their year are evidence of when an undated text was written.
    const years = ctx.analyses[d]!.dates.filter((x) => x.value && /\d{4}/.test(x.text)).map((x) => dayOf(x.value!));
    if (years.length >= MIN_YEARS && newest - Math.max(...years) > 2 * limit) out.add(d);
  });
  // An undated source sharing a fact with a current dated source is current too. The current sentences are
  // found through an inverted index (terms in too many sentences skipped), not compared one by one.
  const undated = [...out].filter((d) => !ctx.docs[d]!.meta.date);
  if (!undated.length) return out;
  const current = ctx.docs.flatMap((doc, d) => (doc.meta.date && !out.has(d) ? sentenceWords(ctx, d) : []));
  const postings = new Map<string, number[]>();
  current.forEach((words, i) => { for (const w of words) { const p = postings.get(w); if (!p) postings.set(w, [i]); else if (p.length <= MAX_POSTINGS) p.push(i); } });
  const reportsCurrentFact = (w: Set<string>) => {
    const shared = new Map<number, number>();
    for (const word of w) {
      const p = postings.get(word);
      if (p && p.length <= MAX_POSTINGS) for (const i of p) shared.set(i, (shared.get(i) ?? 0) + 1);
    }
    return [...shared].some(([i, n]) => n >= SAME_FACT_WORDS && sharedWords(w, current[i]!) >= SAME_FACT_WORDS && containment(w, current[i]!) >= SAME_FACT);
  };
  for (const d of undated) if (sentenceWords(ctx, d).some(reportsCurrentFact)) out.delete(d);
  return out;
}

/** Content words of a source's lead sentences, leaving out those that state a year (background). */
function sentenceWords(ctx: Pick<NotesContext, 'docs' | 'analyses'>, d: number): Array<Set<string>> {
  const text = ctx.docs[d]!.text;
  return ctx.analyses[d]!.sentences.slice(0, SENTENCES_COMPARED)
    .map(([start, end]) => oneLine(text.slice(start, end)))
    .filter((s) => !/\b(?:1[89]|20)\d\d\b/.test(s))
    .map(contentWords);
}
