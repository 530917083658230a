// Who a speaking pronoun ("…,” he said) refers to, as a ranking of the people and organisations named
// before it: by grammatical role (the subject of an attribution first, then a sentence's subject, then
// any other mention, least a mention after a preposition or in a relative clause), by how many sentences
// back it stands, and filtered by gender and number. The score margin gives a confidence.

import type { EntityMention } from '../../analysis.ts';
import { sentenceAt, type Span as SentenceSpan } from '../sentences.ts';
import type { Gender } from '../gender.ts';
import { firstAtOrAfter, type LastSpeaker } from './pronouns.ts';
import { PERSON_TITLES } from '../lexicon.ts';
import { isQuoteVerb, wordsOf } from './verbs.ts';

/** A mention's grammatical role, as far as the words around it show it. */
export type Role = 'speaker' | 'subject' | 'other' | 'oblique';

/** What each role weighs: news copy keeps "he said" for whoever was last reported speaking. */
const ROLE_WEIGHT: Record<Role, number> = { speaker: 4, subject: 3, other: 1, oblique: 0.5 };
/** Weight by sentences between the mention and the pronoun (0 = same sentence); older ones fade. */
const DISTANCE_WEIGHT = [1, 0.85, 0.55, 0.4, 0.3, 0.22, 0.16];
/** How far back candidates are read, in characters. */
const WINDOW = 1500;

export interface Ranked { id: string; name: string; type: string; score: number; confidence: number }

export interface SalienceContext {
  text: string;
  mentions: readonly EntityMention[];
  sentences: readonly SentenceSpan[];
  genders: ReadonlyMap<string, Gender>;
  /** Whether an offset is inside quotation marks (a quoted speaker's words, not the writer's). */
  quoted: (at: number) => boolean;
}

/** Which kinds of entity a pronoun can stand for, with the gender it asks for. */
function agreement(pronoun: string): { person: boolean; org: boolean; gender: Gender | null } {
  const p = pronoun.toLowerCase();
  if (p === 'he') return { person: true, org: false, gender: 'm' };
  if (p === 'she') return { person: true, org: false, gender: 'f' };
  if (p === 'i') return { person: true, org: false, gender: null };
  if (p === 'it') return { person: false, org: true, gender: null };
  return { person: true, org: true, gender: null }; // they, we, who, you
}

/**
 * The entity a speaking pronoun at `at` refers to, with a confidence in [0.5, 1]: the best score over the
 * best and the runner-up's (1 when nothing else fits). `last` is the speaker of the last attributed quote.
 */
export function rankReferents(pronoun: string, at: number, ctx: SalienceContext, last: LastSpeaker | null): Ranked | null {
  const want = agreement(pronoun);
  const fits = (id: string, type: string) => {
    if (type === 'PERSON') return want.person && (want.gender === null || (ctx.genders.get(id) ?? want.gender) === want.gender);
    return type === 'ORG' && want.org;
  };
  const here = sentenceAt(ctx.sentences, at);
  const scores = new Map<string, Ranked>();
  const add = (id: string, name: string, type: string, score: number) => {
    const had = scores.get(id);
    if (!had || had.score < score) scores.set(id, { id, name, type, score, confidence: 0 });
  };
  for (let k = firstAtOrAfter(ctx.mentions, at) - 1; k >= 0; k--) {
    const m = ctx.mentions[k]!;
    if (m.start < at - WINDOW) break;
    if (m.end > at || !fits(m.id, titledPerson(ctx.text, m) ? 'PERSON' : m.type) || ctx.quoted(m.start)) continue;
    add(m.id, m.canonical, m.type, ROLE_WEIGHT[roleOf(ctx, m)] * distanceWeight(ctx, m.start, here));
  }
  if (last && at - last.at < WINDOW && fits(last.id, last.type)) add(last.id, last.name, last.type, ROLE_WEIGHT.speaker * distanceWeight(ctx, last.at, here));
  const ranked = [...scores.values()].sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
  const best = ranked[0];
  if (!best) return null;
  const second = ranked[1]?.score ?? 0;
  return { ...best, confidence: best.score / (best.score + second) };
}

/** Role nouns that, written right before a name, make it a person's ("opposition deputy Mirela Cosma"). */
const PERSON_ROLES = new Set([...PERSON_TITLES, 'deputy', 'lawmaker', 'legislator', 'councillor', 'councilor', 'mp']);

/**
 * A name the entity pass typed as an organisation but that a person's role introduces: "she said" can
 * refer to it (with no gender known, it fits either pronoun).
 */
function titledPerson(text: string, m: EntityMention): boolean {
  if (m.type !== 'ORG') return false;
  const prev = wordsOf(text.slice(Math.max(0, m.start - 40), m.start)).at(-1);
  if (prev !== undefined && PERSON_ROLES.has(prev.lower) && /\s/u.test(text[m.start - 1] ?? '')) return true;
  // "Lidia Marn said her school …": an organisation says "its", a person "her" or "his".
  return SAYS_PERSONAL.test(text.slice(m.end, m.end + 30));
}

/** A verb of saying right after a name, then a personal pronoun opening the reported clause. */
const SAYS_PERSONAL = /^\s+(?:said|says)\s+(?:he|she|his|her)\b/u;

function distanceWeight(ctx: SalienceContext, from: number, here: number): number {
  const there = sentenceAt(ctx.sentences, from);
  const d = here < 0 || there < 0 ? DISTANCE_WEIGHT.length - 1 : Math.max(0, here - there);
  return DISTANCE_WEIGHT[Math.min(d, DISTANCE_WEIGHT.length - 1)]!;
}

/** Prepositions: a name right after one is an oblique ("support for Vell", "backed by the UAE"). */
const PREPOSITIONS = new Set('for by with to of from against on at in about than into over under after before between among toward towards including like'.split(' '));
/** Words that open an adverbial phrase set off by a comma before the subject. */
const OPENERS = new Set([...PREPOSITIONS, ...'when while as since although though if once last earlier later meanwhile however yesterday today speaking asked'.split(' ')]);
/** Words that open a sentence before its subject without a comma ("But Smith said …"). */
const LEADING_CONJUNCTIONS = new Set('but and so yet still then also meanwhile however later'.split(' '));

/** The role of a mention: subject of a verb of saying, subject of its sentence, after a preposition, or other. */
export function roleOf(ctx: SalienceContext, m: EntityMention): Role {
  const { text } = ctx;
  const i = sentenceAt(ctx.sentences, m.start);
  const sentenceStart = i < 0 ? Math.max(0, m.start - 200) : ctx.sentences[i]![0];
  const before = text.slice(Math.max(sentenceStart, m.start - 200), m.start);
  const prev = wordsOf(before).at(-1)?.lower ?? '';
  if (PREPOSITIONS.has(prev)) return 'oblique';
  // "Vell, who is backed by …" is fine; a name inside the relative clause ("…, who met Smith") is not a subject.
  if (/,\s*(?:who|which|whom|whose)\b[^,]*$/u.test(before)) return 'oblique';
  if (speaksNext(text, m.end)) return 'speaker';
  return opensClause(before) ? 'subject' : 'other';
}

/** "Smith said", "Smith, the harbour engineer, told …", "Smith has repeatedly said": a verb of saying follows. */
function speaksNext(text: string, end: number): boolean {
  let after = text.slice(end, end + 120);
  after = after.replace(/^\s*,[^,]{1,90},/u, ''); // an appositive between name and verb
  const words = wordsOf(after).slice(0, 4);
  for (const w of words) {
    if (isQuoteVerb(w.lower)) return !/ing$/.test(w.lower);
    if (!/^(?:also|has|had|have|then|later|again|once|still|repeatedly|previously|earlier|\p{Ll}+ly)$/u.test(w.lower)) return false;
  }
  return false;
}

/** Whether the words before a mention in its sentence leave it as the clause's subject. */
function opensClause(before: string): boolean {
  // Only titles and capitalised words before it ("Veskian Deputy Prime Minister Tomas Reyn").
  // "On Thursday, Smith …": an adverbial opener set off by a comma ("She and her friend, Ms. X" is not one).
  const afterOpener = OPENERS.has(wordsOf(before)[0]?.lower ?? '') ? before.replace(/^[^,]{0,80},\s*/u, '') : before;
  for (const lead of [before, afterOpener]) {
    const words = wordsOf(lead);
    let k = 0;
    if (words[0] && LEADING_CONJUNCTIONS.has(words[0].lower)) k = 1;
    // "Quist and Sandvik met …": each name of a coordinated subject is a subject.
    if (words.slice(k).every((w) => /^\p{Lu}/u.test(w.word) || w.lower === 'and') && !/[;:]\s*$/u.test(lead) && !/[”"]/u.test(lead)) return true;
  }
  return false;
}
