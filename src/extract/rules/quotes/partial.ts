// Partial quotes: quoted words that complete the writer's report of speech ("X said in a statement that
// the agency had “failed every test.”", "The plan is “dead on arrival,” the senator said"). Kept apart
// from direct quotes (kind 'partial'), and only when the quoted stretch is long enough to be speech
// rather than a label ("a “confusing” move" stays out).

import { isNounUse } from './direct.ts';
import type { RawQuote } from './spans.ts';
import { hasWords, isQuoteVerb, wordsOf } from './verbs.ts';

/** Fewest words a partial quote carries: shorter quoted stretches are labels and scare quotes. */
const MIN_PARTIAL_WORDS = 4;

/**
 * How a partial quote is attributed: by the report it completes (the verb of saying before it, at
 * `verb`, with its sentence's start) or by "X said" after it.
 */
export type PartialSite = { site: 'report-before'; verb: number; sentenceStart: number } | { site: 'attribution-after' };

/** Whether a quote the direct rules rejected is a partial quote, and where its attribution stands. */
export function partialQuoteSite(text: string, q: RawQuote, lead: string): PartialSite | null {
  const quoted = text.slice(q.start, q.end);
  if (!hasWords(quoted, MIN_PARTIAL_WORDS) || !endsClause(text, q)) return null;
  const sentence = lastSentence(lead);
  const sentenceStart = q.open - sentence.length;
  const verb = reportingVerb(sentence);
  if (verb !== null) return { site: 'report-before', verb: sentenceStart + verb, sentenceStart };
  // "…” the senator said" needs its comma: "the plan was “dead on arrival” said nothing" is not attribution.
  return text[q.close] === ',' || /,\W*$/u.test(quoted) ? { site: 'attribution-after' } : null;
}

/** The quoted words end the writer's clause: a comma, a sentence end or the paragraph end follows (or closes them). */
function endsClause(text: string, q: RawQuote): boolean {
  if (q.unclosed) return false;
  const quoted = text.slice(q.start, q.end);
  if (/[.!?,;]\W*$/u.test(quoted)) return true;
  return /^\s*(?:[.!?,;]|$|\n)/u.test(text.slice(q.close, q.close + 3));
}

/** "X said (in a statement) that …", "X told reporters that …": where the verb of saying before "that" stands, or null. */
function reportingVerb(sentence: string): number | null {
  const words = wordsOf(sentence);
  const that = words.findLastIndex((w) => w.lower === 'that');
  if (that < 1) return null;
  // The verb stands a few words before "that" ("said in a statement that", "told the committee last month that").
  for (let k = that - 1; k >= Math.max(0, that - 7); k--) {
    const w = words[k]!.lower;
    if (isQuoteVerb(w) && !/ing$/.test(w) && !isNounUse(words, k)) return words[k]!.index;
  }
  return null;
}

/** The lead's last sentence (after its last sentence end). */
function lastSentence(lead: string): string {
  const cut = Math.max(lead.lastIndexOf('. '), lead.lastIndexOf('? '), lead.lastIndexOf('! '), lead.lastIndexOf('\n'));
  return cut === -1 ? lead : lead.slice(cut + 1);
}
