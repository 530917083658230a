// Words that attribute a quote: verbs of saying (every tense and the -ing form), verbs that name
// ("called it …"), and the words that may stand between a speaker and the verb.

import { SPEECH_VERBS } from '../lexicon.ts';

const set = (words: string) => new Set(words.trim().split(/\s+/));

/** Verbs of saying beyond the shared lexicon, in the forms news copy uses around quotes. */
const MORE_SPEECH = set(`
  say saying tell telling add adding continue continues continuing stress stresses stressing insist insists
  insisting argue argues arguing explain explains explaining note notes noting write wrote writing written
  ask asking declare declares declaring announce announces warn warns warning claim claiming lament laments
  suggest suggests suggesting reply replies replying respond responds responding recall recalls recalling
  acknowledge acknowledges admit admits conceded concedes complain complains complaining caution cautions
  urge urges urging predict predicts observe observes remark remarks tweet tweets tweeting post posts
  state stating maintain maintains contend contends emphasise emphasises emphasize emphasizes confirm
  confirms deny denies report reporting reads read shouted shouts shouting yelled screamed cried cries
  sing sings sang singing chanted chants chanting demanded demands boasted boasts bragged quipped joked
  jokes mused muses commented comments testified testifies pleaded pleads vowed vows promised promises
  pledged pledges countered counters retorted scolded scolds wondered wonders sighed exclaimed
  whispered murmured texted emailed concluded concludes summed speaks spoke speaking put puts added
  interjected objected offered offers began begins opined opines intoned ranted tells yell yells
  yelling assert asserts asserted asserting scream screams
  enthused enthuses gushed gushes raved raves recounted recounts
`);

/** Every verb form that can attribute a quote ("said", "says", "saying", "tweeted", "sings", …). */
export const QUOTE_VERBS: ReadonlySet<string> = new Set([...SPEECH_VERBS, ...MORE_SPEECH]);

/** Verbs that name or label with quoted words ("called it “a disgrace”", "described as “…”"). */
export const NAMING_VERBS = set(`
  call calls called calling describe describes described describing dub dubs dubbed label labels labeled
  labelled term terms termed brand brands branded liken likens likened nickname nicknamed hailed hail
  deem deems deemed chant chants chanted singing sang typed referenced cited cites attacked decried
  decries denounced denounces
`);

/** Object pronouns that may stand between a naming verb and its quote ("called them “…”"). */
export const OBJECT_PRONOUNS = set('him her them it me us you');

/** Words that may stand between a speaker and its verb ("Smith also said", "she later told"). */
export const BETWEEN_SPEAKER_AND_VERB = set(`
  also later then again further has had have once often still repeatedly recently previously earlier
  simply just never since reportedly publicly privately quickly flatly angrily would will did does
  didn't doesn't don't won't wouldn't not now soon
`);

/** Words after a verb that are not the speaker ("said Monday", "said in a statement", "said that"). */
export const NOT_SPEAKER_AFTER_VERB = set(`
  that in on at of to for with during after before about as when while if but and or so yesterday today
  tonight monday tuesday wednesday thursday friday saturday sunday last this earlier later recently
  previously repeatedly again then also it's its his her their there this
`);

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu;
/** Whether a word ends with a full stop or an apostrophe (which wordsOf cuts off). */
const endsWithStop = (w: string) => { const c = w.charCodeAt(w.length - 1); return c === 46 || c === 39 || c === 0x2019; };

/** Lower-case word forms of a string's words with their offsets. */
export function wordsOf(s: string): Array<{ word: string; lower: string; index: number }> {
  const out: Array<{ word: string; lower: string; index: number }> = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(s); m; m = WORD.exec(s)) {
    const word = endsWithStop(m[0]) ? m[0].replace(/[.’']+$/u, '') : m[0];
    out.push({ word, lower: word.toLowerCase(), index: m.index });
  }
  return out;
}

/** Whether `s` has at least `n` words (as `wordsOf` counts them), read no further than the n-th. */
export function hasWords(s: string, n: number): boolean {
  WORD.lastIndex = 0;
  let found = 0;
  while (found < n && WORD.test(s)) found++;
  return found >= n;
}

export const isQuoteVerb = (lower: string): boolean => QUOTE_VERBS.has(lower);
