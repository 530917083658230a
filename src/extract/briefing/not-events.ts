// Which dated sentences are no timeline events: a date inside someone's quoted words, a first-person passage
// (a letter or statement reproduced without quotation marks), a counterfactual ("would have been …"), the date
// since which something has not happened ("had not been updated since 2008"), a question, a sentence that opens
// with a quotation and gives its attribution after it, and "Today" inside a name ("Russia Today").

import type { DateMention, QuoteMention } from '../analysis.ts';

/** Quotation marks that open or close a quote within one sentence. */
const QUOTE_MARK = /["“”]|``|''/g;

/**
 * Whether a date stands inside quoted words: a quote the analysis found, or between an opening mark and its
 * closing one in the sentence. What a speaker said is shown as a quote with its speaker; its "next year" or
 * "today" is the speaker's, and the quote is no event of the story.
 */
export function dateInQuote(text: string, sentenceStart: number, sentenceEnd: number, x: DateMention, quotes: readonly QuoteMention[]): boolean {
  // A quote found to open or close in this sentence. One that runs on through it from an earlier sentence
  // to a later one is as likely a quote whose closing mark is missing, swallowing the story's own sentences.
  if (quotes.some((q) => x.start >= q.start && x.end <= q.end && (q.start >= sentenceStart - 1 || q.end <= sentenceEnd + 1))) return true;
  const marksBefore = text.slice(sentenceStart, x.start).match(QUOTE_MARK)?.length ?? 0;
  if (marksBefore % 2 === 1) return true;
  // The last sentence of a quote that opened in an earlier one ("… before 2030 is even reached." he added):
  // no mark before the date, and the first one after it closes (glued to the word before it, or a ”).
  const after = /["“”]|``|''/.exec(text.slice(x.end, sentenceEnd));
  if (marksBefore > 0 || !after) return false;
  const at = x.end + after.index;
  // '' closes a `` quote in wire copy, but some copy opens with it too (''Politicking.''): like ", it closes
  // when glued to the word before it.
  return after[0] === '”' || (after[0] !== '“' && after[0] !== '``' && /[^\s([{]/u.test(text[at - 1] ?? ' '));
}

/** Quoted words, blanked: a speaker's "I" or "we" inside marks is a quote, not the story's voice. A quote left
 * open at the sentence's end (it goes on in the next) counts to the end: 'Trump said: "I am honored …'. */
const QUOTED = /["“][^"“”]*(?:["”]|$)|``.*?(?:''|$)/g;

/**
 * The first person outside quotation marks: a reporter never writes "I" or "we" in a news story, so such a
 * sentence is someone's letter, email or statement printed as it was written ("I have great confidence that
 * the team will deliver the plans we have for 2011"): their words, not a dated event. "I" counts before a
 * lower-case word that is no preposition ("World War I in", "Phase I of" are names).
 */
const FIRST_PERSON = /\b(?:I\s+(?!(?:of|in|and|or|to|at|on|for|from|by|with|as)\b)\p{Ll}|(?:we|our|ours|us|my|me)\b|(?:We|Our|My)\s)/u;

export function inFirstPerson(sentence: string): boolean {
  return FIRST_PERSON.test(sentence.replace(QUOTED, ' '));
}

/**
 * A counterfactual: "would have been delivered by 2011", "could have won in 2006" tells what did not happen.
 * "would have to" is an obligation, not a counterfactual.
 */
const COUNTERFACTUAL = /\b(?:would|could|might|should)\s+(?:not\s+|never\s+)?have\s+(?!to\b)(?:been\s+)?\p{Ll}{2,}(?:ed|en|wn|ne|ht|ld|id|t)\b/u;

export function isCounterfactual(sentence: string): boolean {
  return COUNTERFACTUAL.test(sentence.replace(QUOTED, ' '));
}

/**
 * "The laptop had not been updated since 2008", "has never won since 2019": the date is when something last
 * happened at best, and the sentence tells that nothing did; no event stands at that date.
 */
const NEGATED_SINCE = /\b(?:not|never|no\s+longer|n['’]t)\s+(?:[\p{L}'’-]+\s+){0,6}?since\s+(?:(?:early|late|mid|the\s+end\s+of|the\s+start\s+of)\s+)?$/iu;

export function sinceNegated(text: string, sentenceStart: number, x: DateMention): boolean {
  return NEGATED_SINCE.test(text.slice(Math.max(sentenceStart, x.start - 120), x.start));
}

/** "around 2020, and not 2015 as hoped", "in May rather than June": a date the sentence says is not the one. */
const RULED_OUT_BEFORE = /\b(?:not|rather\s+than|instead\s+of)\s+(?:in\s+|on\s+|by\s+)?$/i;
/** Whether the sentence rules the date out ("not 2015"; "not until 2015" and "not before 2015" keep it): no event is on it. */
export function ruledOut(text: string, sentenceStart: number, x: DateMention): boolean {
  return RULED_OUT_BEFORE.test(text.slice(Math.max(sentenceStart, x.start - 24), x.start));
}

/** "Will the senator be there tomorrow night?": a question asks; it tells no event. */
export const isQuestion = (sentence: string): boolean => /\?["”’)]*\s*$/.test(sentence);

/**
 * '"I am not in the habit of supporting people who attack my family," the senator said in July': a sentence that
 * opens with a quotation (closed by its own comma or full stop, so not a quoted name such as "Operation Dawn")
 * gives the speaker's words, then when they were said. It is shown under Quotes with its speaker, not as an
 * event. Reported speech with a quoted phrase ('Pompeo said on April 7 that the US had "made clear …"') reports
 * the statement, an event, and stays.
 */
const OPENING_QUOTATION = /^\s*(?:["“]|``)[^"“”]*?[,.!?]\s*(?:["”]|'')/;

export const opensWithQuotation = (sentence: string): boolean => OPENING_QUOTATION.test(sentence);

/**
 * "Today", "Tonight", "Tomorrow", "Yesterday" capitalised inside a sentence, after a capitalised word: part of a
 * name ("Russia Today", "USA Today"), not a date. Mid-sentence these words are written in lower case.
 */
export function dateWordInName(text: string, sentenceStart: number, x: DateMention): boolean {
  if (!/^(?:Today|Tonight|Tomorrow|Yesterday)\b/.test(x.text)) return false;
  const before = text.slice(sentenceStart, x.start);
  return /\p{Lu}[\p{L}.&-]*\s+$/u.test(before) && /\S\s+\S+\s+$/u.test(before);
}
