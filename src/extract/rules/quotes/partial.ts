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
  if (!hasWords(quoted, MIN_PARTIAL_WORDS) || q.unclosed) return null;
  const ends = endsClause(text, q);
  const sentence = lastSentence(lead);
  const sentenceStart = q.open - sentence.length;
  const verb = reportingVerb(sentence);
  // "Sava said the dams had been “stretched beyond …” and promised an inquiry": the report's clause ends at
  // the quote even when the sentence goes on with a second verb of its subject.
  if (verb !== null && (ends || COORDINATED_VERB.test(text.slice(q.close, q.close + 40)))) return { site: 'report-before', verb: sentenceStart + verb, sentenceStart };
  if (!ends) return null;
  // "…” the senator said" needs its comma: "the plan was “dead on arrival” said nothing" is not attribution.
  return text[q.close] === ',' || /,\W*$/u.test(quoted) ? { site: 'attribution-after' } : null;
}

/** After a quote: "and" or "but" and a past-tense verb, the subject's next act ("… and promised an inquiry"). */
const COORDINATED_VERB = /^\s*(?:and|but)\s+(?:then\s+)?\p{Ll}+ed\b/u;

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
  if (that < 1) return reportWithoutThat(sentence, words);
  // The verb stands a few words before "that" ("said in a statement that", "told the committee last month that").
  for (let k = that - 1; k >= Math.max(0, that - 7); k--) {
    const w = words[k]!.lower;
    if (isQuoteVerb(w) && !/ing$/.test(w) && !isNounUse(words, k)) return words[k]!.index;
  }
  return null;
}

/** Verbs of saying that take the reported clause directly ("said the dams had been …"), unlike "spoke", "talked". */
const CLAUSE_VERBS = /^(?:said|says|told|tells|added|adds|insisted|argued|warned|claimed|stated|wrote|believes|believed)$/;
/** Fewest words between a "that"-less verb of saying and the quote: the reported clause's subject and verb. */
const MIN_REPORTED_CLAUSE_WORDS = 3;

/**
 * "Sava said the dams had been “stretched beyond …”": news copy often drops "that". The last verb of saying
 * of the sentence counts when a clause of a few words stands between it and the quote, with no comma right
 * after the verb ("X said, “…”" is a direct quote, left to the direct rules).
 */
function reportWithoutThat(sentence: string, words: ReturnType<typeof wordsOf>): number | null {
  for (let k = words.length - 1 - MIN_REPORTED_CLAUSE_WORDS; k >= 1; k--) {
    const w = words[k]!;
    if (!isQuoteVerb(w.lower) || /ing$/.test(w.lower) || isNounUse(words, k)) continue;
    // "spoke to Vell and praised his role in “…”": a verb of speaking with no clause of what was said.
    if (!CLAUSE_VERBS.test(w.lower)) return null;
    return /^[\s]*[,:]/u.test(sentence.slice(w.index + w.word.length)) ? null : w.index;
  }
  return null;
}

/** The lead's last sentence (after its last sentence end). */
function lastSentence(lead: string): string {
  const cut = Math.max(lead.lastIndexOf('. '), lead.lastIndexOf('? '), lead.lastIndexOf('! '), lead.lastIndexOf('\n'));
  return cut === -1 ? lead : lead.slice(cut + 1);
}
