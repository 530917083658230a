// Dates a sentence names that are not the date of its event:
// - a comparison point: "the first time … since Jan. 13", "its highest level since March", "prices last seen in
//   2009", "80 percent below 2005 levels", "compared with $10.3 million a year earlier", "up from seven a year ago". The sentence measures something now against then; its event is now
//   (the source's time), and nothing of the sentence happened on the date compared with.
// - the start of a state told in a side clause: "Trump accused Holt, though records show he has been a
//   Republican since 2003". The main clause's event is not the state's start.
// - a background thing named by its date: "prosecuted bank executives over the 2008 economic collapse", "past
//   the Nov. 1 deadline". The date is an attribute of a noun ("the 2008 collapse") that the sentence relates
//   its own event to; the event itself (the prosecution) is in the source's time. A sentence ABOUT that thing
//   keeps the date: as its subject ("The 2008 collapse wiped out …") or placed in it ("killed in the 1990 war"),
//   unless, as its subject, the sentence tells in the present what holds now ("That 1978 resolution calls for …").

import type { DateMention } from '../analysis.ts';

/** How far back (characters) the words introducing a date are read. */
const LOOK_BACK = 120;

/**
 * "since" right before a date, through what may stand between them: "since Jan. 13", "since early September",
 * "since the end of 2008", "since his Aug. 2 power-grab", "since Wednesday's close" (the date is "Wednesday").
 */
const SINCE_BEFORE = /\bsince\s+(?:(?:the|a|an|its|his|her|their|our|early|late|mid|(?:the\s+)?(?:end|start|beginning|middle)\s+of)\s+)*$/iu;

/**
 * What makes a "since" a comparison, anywhere else in the sentence: a first or an extreme ("the first time",
 * "the most", "its highest level", "a record") or a change measured from then ("a drop of $2.46", "have gained
 * 4%"). Without one, "since" tells when a state began ("has been suspended since July 24"), a date the timeline keeps.
 */
const COMPARING = /\b(?:(?:first|second|third|only)\s+(?:time|\p{Ll}+\s+since)|most|least|highest|lowest|largest|biggest|smallest|best|worst|strongest|weakest|fewest|greatest|deepest|steepest|sharpest|fastest|slowest|longest|shortest|record|rose|risen|rises|rise|rising|fell|fallen|falls|fall|falling|gained|gains|gain|lost|loss|losses|dropped|drops|drop|climbed|climb|jumped|jump|slipped|declined|decline|increased|increase|decreased|decrease|grew|grown|growth|surged|surge|plunged|plunge|tumbled|soared|slumped|slump)\b/iu;

/** "levels last seen in 2009", "a price last reached in March": the date a level is compared with. */
const LAST_SEEN_BEFORE = /\blast\s+(?:seen|reached|recorded|hit|touched|matched|topped)\s+(?:(?:in|on|at|the|early|late|mid)\s+)*$/iu;

/** "from 2005 levels", "below the 1990 level": a baseline, named before "level(s)". */
const BASELINE_BEFORE = /\b(?:from|below|above|under|over|than|to|at|with|of)\s+(?:(?:the|its|their|his|her|our)\s+)?$/iu;
const LEVELS_AFTER = /^,?\s+levels?\b/iu;

/**
 * A figure set against the same one at another date: "net was $10.5 million, compared with $10.3 million a year
 * earlier", "versus net income of $5.3 million a year earlier", "higher than a year earlier", "than in 2008". "than"
 * right before the date ("more orders than Airbus in 2005" compares firms, in 2005), and not as a limit ("no later
 * than Nov. 1" is a deadline).
 */
const COMPARED_BEFORE = /(?:\b(?:compared?\s+(?:with|to)|compares\s+(?:with|to)|versus|vs\.)\s(?:[^.;!?]|\.(?=\d)){0,80}|(?<!\b(?:later|earlier|sooner)\s)\bthan\s+(?:(?:in|on|at|during)\s+)?)$/iu;
/**
 * A change measured from the date: "fell 8.4% from a year ago", "down $2.5 billion from 1996", "net rose to $108.8
 * million, or $1.35 a share, from $90.5 million, or $1.12 a share, a year ago", "down 4.5% from the previous Friday".
 * Between the change and "from" a few words or the new figure, between "from" and the date at most a determiner or
 * the earlier figure (a figure holds a number): "the decrease … from the current year's figures" and "prices rose
 * after the firm moved from Boston in 2008" are no comparisons.
 */
const NUMBER = String.raw`(?:\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen|hundred|thousand|million|billion)\b)`;
const CHANGE_FROM_BEFORE = new RegExp(String.raw`\b(?:up|down|higher|lower|rose|risen|rise|fell|fallen|fall|gained|gain|lost|dropped|drop|climbed|jumped|jump|slipped|declined|decline|increased|increase|decreased|decrease|grew|grown|grow|growth|surged|plunged|tumbled|soared|slumped|narrowed|widened|advanced|improved|shrank)\b`
  // then the new figure ("to $108.8 million, or $1.35 a share,") or a few words, "from", and the old figure or a determiner
  + String.raw`(?:\s+(?:[^\s;!?]+\s+){0,3}?|(?=[^;!?]{0,90}?\bfrom\s)[^;!?]*?${NUMBER}[^;!?]*?)`
  + String.raw`\bfrom\s+(?:(?:the|a|an|its|their)\s+(?:(?:previous|prior|preceding|same)\s+)?|(?=[^;!?]{0,60}$)[^;!?]*${NUMBER}[^;!?]*)?$`, 'iu');

/** A word each comparison but a baseline's has before its date (LAST_SEEN_BEFORE, COMPARED_BEFORE, CHANGE_FROM_BEFORE, SINCE_BEFORE). */
const COMPARISON_WORD = /\b(?:last|compared?|compares|versus|vs\.|than|from|since)\b/i;
const LIMIT_BEFORE = /\b(?:by|until|till|before|through|to)\s+$/iu;

/** Whether date `x` is a point the sentence compares with ("the first time since Jan. 13", "last seen in 2009"). */
export function comparisonPoint(text: string, sentenceStart: number, sentenceEnd: number, x: DateMention): boolean {
  const from = Math.max(sentenceStart, x.start - LOOK_BACK);
  const before = text.slice(from, x.start);
  if (LEVELS_AFTER.test(text.slice(x.end, sentenceEnd)) && BASELINE_BEFORE.test(before)) return true;
  // Every other comparison has one of these words before the date: most dates have none, and skip the searches below.
  if (!COMPARISON_WORD.test(before)) return false;
  if (LAST_SEEN_BEFORE.test(before)) return true;
  // "lower emissions from power plants by 2030", "from 2001 to 2014": a limit or a range's end is no comparison point.
  if (COMPARED_BEFORE.test(before) || (CHANGE_FROM_BEFORE.test(before) && !LIMIT_BEFORE.test(before))) return true;
  const since = SINCE_BEFORE.exec(before);
  if (!since) return false;
  // The rest of the sentence, without the "since …" phrase itself, must compare.
  const rest = text.slice(sentenceStart, from + since.index) + ' ' + text.slice(x.end, sentenceEnd);
  return COMPARING.test(rest);
}

/**
 * Words opening a side clause (relative, concessive, causal, conditional): what it tells is not the main clause's
 * event. Not "when" or "while": a clause of time places the main clause in its time ("when the 2008 collapse hit").
 */
const SIDE_CLAUSE = /\b(?:which|who|whom|whose|that|though|although|whereas|because|if|unless)\b/iu;

/** A date's clause up to it: from the last comma, semicolon or dash of its sentence (or the sentence start). */
function clauseUpTo(text: string, sentenceStart: number, at: number): string {
  const before = text.slice(sentenceStart, at);
  return before.slice(Math.max(before.lastIndexOf(','), before.lastIndexOf(';'), before.lastIndexOf('—')) + 1);
}

/**
 * Whether date `x` starts a state told in a side clause: "…, though records show he has been a Republican since
 * 2003", "the carrier Eisenhower, which has been on patrol since March". ("Boeing had been suspended since July 24,
 * 2003" tells the state in its main clause, and keeps its date.)
 */
export function sinceInSideClause(text: string, sentenceStart: number, x: DateMention): boolean {
  const before = text.slice(Math.max(sentenceStart, x.start - LOOK_BACK), x.start);
  const since = /since/i.test(before) ? SINCE_BEFORE.exec(before) : null;
  return since !== null && SIDE_CLAUSE.test(clauseUpTo(text, sentenceStart, x.start - since[0].length));
}

/** Words that introduce a noun phrase: a determiner or a possessive ("the", "its", "Trump's"). */
const DETERMINER = String.raw`(?:the|a|an|its|his|her|their|our|this|that|these|those|[\p{L}.-]+['’]s)`;
/** Prepositions that place the sentence in a noun phrase's time: "killed in the 1990 war", "at its 2010 conference". */
const PLACING = String.raw`(?:in|at|on|during|within|throughout|to)`;
/**
 * Prepositions that relate the sentence to a thing rather than place it in the thing's time: "over the 2008
 * collapse", "from his 1995 tax return", "after the 1987 crash", "part of Trump's 1995 tax filings" ("as part
 * of the 2010 regulations" places it). "to" only right before the noun phrase ("point to the 1994 crime bill"):
 * further off it is as likely an infinitive.
 */
const RELATING = String.raw`(?:over|about|into|from|(?<!\bas\s+part\s+)of|for|off|after|since|against|under|by|past|than|like|regarding|concerning|following|amid|toward|towards|with|behind|despite)`;
/** A relating preposition, up to five words (none placing, no punctuation) and a determiner, right before the date. */
const RELATED_BEFORE = new RegExp(String.raw`(?:^|[\s(])(?:${RELATING}\s+(?:(?!${PLACING}\s)[\p{L}.'’-]+\s+){0,5}?|to\s+)${DETERMINER}\s+$`, 'iu');
/**
 * A time limit governing the noun phrase: "by the Tuesday deadline", "by the opening of the 2000 Olympics", "until
 * the 2020 election", "in time for the 2008 Games". The thing's date is then the event's deadline or target, which
 * the timeline shows as the timeline shows "by Nov. 1". "by" after a participle names an agent ("laid down by").
 */
const TIME_LIMIT_BEFORE = /(?:\b(?:before|until|till|ahead\s+of|in\s+time\s+for)|(?<!\b(?:\p{Ll}{2,}(?:ed|en|wn)|down|out|up)\s+)\bby)\s+(?:[\p{L}'’.-]+\s+){0,4}$/iu;
/** A period named by its date is a time expression, which places the sentence: "for the 1988 fiscal year", "for the
 * year-earlier nine months", "the 1988 third quarter". */
const PERIOD_AFTER = /^,?\s+(?:[\p{L}-]+\s+)?(?:years?|quarters?|months|period|half|season|term|session|cycle|weeks)\b/iu;
/** A determiner (with the space after it) right before the date: it is an attribute in a noun phrase ("the 2008
 * collapse", "Trump's 1995 return"). */
const DETERMINER_WORD = new RegExp(String.raw`^${DETERMINER}\s+$`, 'iu');
/** After the date, the noun it modifies (a comma may close a full date: "an Aug. 10, 1988, stock purchase agreement"). */
const NOUN_AFTER = /^,?\s+(?!(?:and|or|but|to|when|where|while|that|which|who|as|at|in|on|of|for|with|by|from|after|before|until|through|was|were|is|are|be|been|had|has|have|will|would|could|should|may|might|must|did|do|does)\b)[\p{L}][\p{L}'’-]*/u;

/**
 * Whether date `x` is an attribute of a noun the sentence relates its event to ("over the 2008 economic
 * collapse"): that thing's date, not the event's. A sentence placed in the thing ("in the 2008 collapse") or
 * opening with it ("The 2008 collapse wiped out …") keeps it, and so does a thing's year that is the source's
 * own (`published`, ISO or null): the sentence's event is in that year too, so the year dates it, if coarsely
 * ("the best-funded super PAC of the 2016 election", in a 2016 story).
 */
export function backgroundAttribute(text: string, sentenceStart: number, sentenceEnd: number, x: DateMention, published: string | null): boolean {
  if (published !== null && x.value === published.slice(0, 4)) return false;
  // The word right before the date first: most dates have no determiner there, and need no more reading.
  const word = wordBefore(text, sentenceStart, x.start);
  if (!DETERMINER_WORD.test(text.slice(word, x.start))) return false;
  const after = text.slice(x.end, sentenceEnd);
  if (!NOUN_AFTER.test(after) || PERIOD_AFTER.test(after)) return false;
  const before = text.slice(Math.max(sentenceStart, x.start - LOOK_BACK), x.start);
  if (TIME_LIMIT_BEFORE.test(before)) return false;
  // Related to by a preposition, or named in a side clause ("The Daily Caller, which unearthed a 1995 story, …";
  // the determiner itself left out: "that 2008 deal").
  if (RELATED_BEFORE.test(before) || SIDE_CLAUSE.test(clauseUpTo(text, sentenceStart, word))) return true;
  return presentSubject(text, sentenceStart, sentenceEnd, word, x, published);
}

/** A past-tense verb ("found", "wiped", "was"), not the end of a hyphenated adjective ("self-declared"). */
const PAST_VERB = /(?<![\p{L}-])(?:\p{Ll}{2,}ed|was|were|had|did|found|took|made|came|went|gave|saw|won|lost|left|began|became|brought|built|fell|rose|led|held|met|paid|ran|said|sent|sold|spent|stood|struck|told|wrote|kept|knew|grew|drew|broke|spoke|chose|caught|fought|bought|thought|hit|cut|put|set|shut)\b/u;
/** How many words after its date a sentence-opening noun phrase's verb is looked for. */
const SUBJECT_VERB_WORDS = 12;

/**
 * A past thing opening the sentence as its subject, with the sentence in the present: "The 1951 Refugee
 * Convention, which most nations signed, obligates countries …", "That 1978 resolution calls for …". The
 * sentence tells what holds now, not what happened then; "The 2008 collapse wiped out …" (past) keeps its date,
 * and so does a thing to come ("The 2032 election will …": not before the source's date). Undated sources keep it.
 */
function presentSubject(text: string, sentenceStart: number, sentenceEnd: number, word: number, x: DateMention, published: string | null): boolean {
  if (published === null || !x.value || x.value >= published.slice(0, x.value.length)) return false;
  if (text.slice(sentenceStart, word).replace(/["“‘(]/g, '').trim() !== '') return false;
  // The words after the date, a comma-bounded aside left out ("…, which most nations signed, …").
  const after = text.slice(x.end, sentenceEnd).replace(/,[^,]*,/, ' ').trim().split(/\s+/).slice(0, SUBJECT_VERB_WORDS).join(' ');
  return !PAST_VERB.test(after);
}

/** Where the word before `at` starts (after whitespace or an opening bracket, within the sentence). */
function wordBefore(text: string, sentenceStart: number, at: number): number {
  let end = at;
  while (end > sentenceStart && /\s/.test(text[end - 1]!)) end--;
  let start = end;
  while (start > sentenceStart && !/[\s(]/.test(text[start - 1]!)) start--;
  return start;
}
