// Which quoted stretches are direct quotes of a speaker: judged by where the quote stands in its
// sentence. A quote that opens a sentence, follows a colon or "X said," is speech; one embedded
// mid-clause ("a “confusing” move", "called the plan “reckless”", a title) is a scare quote or a
// fragment, unless a verb of saying or naming hands it the clause ("he said “…”", "called it “…”").

import type { RawQuote } from './spans.ts';
import { hasWords, isQuoteVerb, NAMING_VERBS, OBJECT_PRONOUNS, wordsOf } from './verbs.ts';

/** How far back from an opening mark its lead is read, in characters. */
const MAX_LEAD = 400;

/** Where a quote stands, read from the words before its opening mark in the same clause. */
export type QuotePosition = 'opening' | 'after-comma' | 'after-dash' | 'inline';

/** The text from the clause start (paragraph start, or the previous quote's close) to the opening mark. */
export function leadOf(text: string, q: RawQuote, previous: RawQuote | null): string {
  // Capped: the words that decide lie close to the mark, and paragraphs can be long.
  const from = Math.max(previous && previous.paragraph === q.paragraph ? previous.close : q.paragraphStart, q.open - MAX_LEAD);
  return text.slice(from, q.open);
}

/** Classify a lead by how it ends: a sentence end or colon, a comma, a dash, or a word. */
export function positionOf(lead: string): QuotePosition {
  const t = lead.trimEnd(); // what /\s+$/u would cut: the same white space and line ends
  if (t === '') return 'opening';
  // "Rep. Robert C. “Bobby” Scott", "Gov. “…”": a full stop after an initial or a title ends no sentence.
  if (/(?:^|[\s(])(?:\p{Lu}|Mr|Mrs|Ms|Dr|Gov|Sen|Rep|Gen|Lt|Col|St|Jr|Sr)\.$/u.test(t)) return 'inline';
  if (/[.!?…:]["”’)\]]*$/u.test(t) || /[.!?]\s*\(/u.test(t)) return 'opening';
  if (/,$/.test(t)) return 'after-comma';
  if (/(?:--|[—–―-])$/u.test(t)) return 'after-dash';
  return 'inline';
}

/** A transcript turn ("WALLACE: Let’s start…") is a record of an exchange, not a quote a reporter attributes. */
const TRANSCRIPT_TURN = /^\p{Lu}{2,}[\p{Lu} .'’-]*:\s/u;

/** Whether a quoted stretch is a direct quote, given the words before it. */
export function isDirectQuote(text: string, q: RawQuote, lead: string, previous: RawQuote | null): boolean {
  const quoted = text.slice(q.start, q.end);
  if (!/\p{L}/u.test(quoted) || TRANSCRIPT_TURN.test(quoted) || /^\([^)]*\)\W*$/u.test(quoted)) return false;
  if (isQuotedHeading(text, q, quoted)) return false;
  switch (positionAfter(text, lead, previous, q)) {
    case 'opening': return true;
    case 'after-comma': return commaIntroducesQuote(lead.slice(-160));
    case 'after-dash': return /^\P{L}*\p{Lu}/u.test(quoted) || followedByAttribution(text, q);
    case 'inline': {
      // Only the last few words decide; reading the whole lead would cost time on long paragraphs.
      const near = lead.slice(-160);
      return (verbHandsOverClause(near) && !clauseGoesOn(text, q)) || (/\bthat\b/.test(near.slice(-60)) && reportedClauseQuote(near, quoted));
    }
  }
}

/** A short Title Case line alone in its paragraph ('Coal Isn't the Villain.'): a section heading in quotation marks. */
function isQuotedHeading(text: string, q: RawQuote, quoted: string): boolean {
  if (q.open !== q.paragraphStart || q.unclosed || /\S/.test(text.slice(q.close, text.indexOf('\n', q.close) === -1 ? text.length : text.indexOf('\n', q.close)))) return false;
  const words = quoted.split(/\s+/).filter((w) => /^\p{L}/u.test(w));
  const capitalised = words.filter((w) => /^\p{Lu}/u.test(w)).length;
  return words.length > 1 && words.length <= 8 && capitalised >= words.length - 1 && !/[,;]/.test(quoted);
}

/** Where a quote stands; right after another quote (“a,” “b”) it stands where that one left off. */
function positionAfter(text: string, lead: string, previous: RawQuote | null, q: RawQuote): QuotePosition {
  if (lead.trim() !== '' || !previous || previous.paragraph !== q.paragraph) return positionOf(lead);
  return /[.!?]\W*$/u.test(text.slice(previous.start, previous.end)) ? 'opening' : 'inline';
}

/** “lone wolves” and …: the quoted words are a piece of the writer's clause, which goes on after them. */
function clauseGoesOn(text: string, q: RawQuote): boolean {
  return /^\s+\p{Ll}/u.test(text.slice(q.close, q.close + 3)) && !/[.!?,;:]\W*$/u.test(text.slice(q.start, q.end));
}

/** "Smith said, “…", "he told the host, “…", "according to Smith, “…" — not "he said that, “…". */
function commaIntroducesQuote(lead: string): boolean {
  const clause = lastClause(lead);
  if (/\baccording to\b/i.test(clause)) return true;
  const words = wordsOf(clause);
  const last = words.at(-1)?.lower;
  if (!last || /^(?:that|as|including|like)$/.test(last)) return false; // "things such as, “…”"
  // The verb close to the comma: "the announcer said," "told his radio audience of Monday,".
  for (let k = words.length - 1; k >= Math.max(0, words.length - 7); k--) {
    const w = words[k]!.lower;
    if (/^(?:that|who|which|if|when|because)$/.test(w)) return false;
    if (isQuoteVerb(w) && !isNounUse(words, k)) return true;
  }
  return false;
}

/** "he said “budget reforms” …", "Trump declared “I think…", "called them “lone wolves”". */
function verbHandsOverClause(lead: string): boolean {
  const words = wordsOf(lastClause(lead));
  if (/[\p{L}\p{N}][’']s\s*$/u.test(lead.slice(-40))) return false; // "MSNBC’s “Morning Joe”": a title after a possessive
  let k = words.length - 1;
  // "has been described as “…”": a passive label names no speaker.
  if (/\b(?:is|was|are|were|be|been|being)\s+(?:\p{L}+ly\s+)?\p{L}+ed\s+(?:as|to)?\s*$/u.test(lead)) return false;
  if (k >= 0 && (words[k]!.lower === 'as' || words[k]!.lower === 'to')) {
    k--; // "described as"
    // "likened the rules to", "described the blast as": a naming verb, its object, then the quote.
    if (words.slice(Math.max(0, k - 3), k + 1).some((w) => NAMING_VERBS.has(w.lower))) return true;
  }
  if (k >= 0 && OBJECT_PRONOUNS.has(words[k]!.lower)) k--; // "called them"
  const verb = words[k];
  if (!verb) return false;
  // "what it calls “…”": the quoted words name a thing in the writer's sentence.
  if (words.slice(Math.max(0, k - 4), k).some((w) => w.lower === 'what')) return false;
  if (NAMING_VERBS.has(verb.lower)) return true;
  return isQuoteVerb(verb.lower) && k === words.length - 1 && !isNounUse(words, k);
}

/**
 * A partial quote that completes a reported clause: "the office said in a statement that revenue “fell
 * short of every forecast”". Only with an explicit "that" and a short subject, so a noun phrase with
 * a quoted label ("said the plan was a “reckless” gamble") is not taken for speech.
 */
function reportedClauseQuote(lead: string, quoted: string): boolean {
  const words = wordsOf(lastClause(lead));
  const that = words.length - 1 - [...words].reverse().findIndex((w) => w.lower === 'that');
  const subject = words.slice(that + 1);
  if (that >= words.length || subject.length < 1 || subject.length > 3) return false;
  // The quote must carry the clause's verb: "revenue “fell short…”", not "the plan was “reckless”".
  if (subject.some((w) => SUBJECT_BREAKERS.test(w.lower))) return false;
  // A pronoun, a determiner or a possessive last: "that he “…”", "that the “…”", "that Clinton’s “…”".
  const lastWord = subject.at(-1)!;
  if (/^(?:he|she|they|we|i|it|you|the|a|an|his|her|its|their|our|this|these|those)$/.test(lastWord.lower) || /[’']s$/.test(lead.trimEnd())) return false;
  // Plain reports of speech only ("said", "told"): "argued that X “…”" reports a stance, and paraphrases.
  const verbNear = words.slice(Math.max(0, that - 5), that).some((w) => /^(?:said|says|say|told|tells)$/.test(w.lower));
  return verbNear && hasWords(quoted, 4);
}

/** Words that show the quote does not carry the clause's verb, or that the clause is not a report. */
const SUBJECT_BREAKERS = /^(?:is|was|are|were|be|been|has|have|had|would|will|could|can|may|might|if|when|because|as|while|although|though|whether)$/;

/** A dash-led quote counts when "X said" follows it. */
function followedByAttribution(text: string, q: RawQuote): boolean {
  const after = wordsOf(text.slice(q.close, q.close + 60)).slice(0, 4);
  return after.some((w) => isQuoteVerb(w.lower));
}

/** The clause the quote continues: after the last sentence end in the lead. */
function lastClause(lead: string): string {
  const cut = Math.max(lead.lastIndexOf('. '), lead.lastIndexOf('? '), lead.lastIndexOf('! '));
  return cut === -1 ? lead : lead.slice(cut + 2);
}

/** "the report", "a statement", "her comments": the verb-looking word is a noun after a determiner. */
export function isNounUse(words: ReadonlyArray<{ lower: string }>, k: number): boolean {
  const prev = words[k - 1]?.lower;
  return prev !== undefined && (/^(?:the|a|an|his|her|its|their|our|my|your|this|these|those)$/.test(prev) || /[’']s$/.test(prev));
}
