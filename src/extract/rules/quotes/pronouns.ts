// Who "he", "she" or "they" is: the nearest earlier person (or organisation) the pronoun fits, by
// gender read from honorifics, a few common first names, and the he/she used after the name.

import type { EntityMention } from '../../analysis.ts';
import { FEMALE_TITLES, firstNameGender, MALE_TITLES, type Gender } from '../gender.ts';

/** A man's or a woman's title right before a name, or opening its role (group 1 for a man, 2 for a woman). */
const HONORIFIC_BEFORE = new RegExp(`(?:^|\\s)(?:(${MALE_TITLES})|(${FEMALE_TITLES}))\\b\\.?\\s*$`);
const HONORIFIC_FIRST = new RegExp(`^(?:(${MALE_TITLES})|(${FEMALE_TITLES}))\\b`);

/** Each person's gender where the text shows it: honorific or role, then pronouns used right after a mention. */
export function gendersOf(text: string, mentions: readonly EntityMention[]): Map<string, Gender> {
  const votes = new Map<string, number>();
  const vote = (id: string, g: Gender, weight: number) => votes.set(id, (votes.get(id) ?? 0) + (g === 'm' ? weight : -weight));
  const people = mentions.filter((m) => m.type === 'PERSON');
  people.forEach((m, k) => {
    const honorific = HONORIFIC_BEFORE.exec(`${text.slice(Math.max(0, m.start - 12), m.start)}`) ?? HONORIFIC_FIRST.exec(`${m.role ?? ''} ${m.text}`.trim());
    if (honorific) vote(m.id, honorific[1] ? 'm' : 'f', 3);
    const byName = firstNameGender(m.canonical.split(/\s+/)[0]?.toLowerCase() ?? null);
    if (byName) vote(m.id, byName, 1);
    // The first he/she after a mention, before the next person is named, most likely refers back to it.
    const until = Math.min(people[k + 1]?.start ?? text.length, m.end + 200);
    const p = /\b(he|him|his|she|her|hers)\b/i.exec(text.slice(m.end, until));
    if (p) vote(m.id, /^(he|him|his)$/i.test(p[1]!) ? 'm' : 'f', 1);
  });
  const out = new Map<string, Gender>();
  for (const [id, v] of votes) if (v !== 0) out.set(id, v > 0 ? 'm' : 'f');
  return out;
}

export interface Referent { id: string; name: string }

/** The speaker of the last attributed quote: its entity, type and where it was named. */
export interface LastSpeaker extends Referent { type: string; at: number }

/**
 * The entity a pronoun at `at` refers to: the last speaker when it fits, else the nearest earlier
 * mention that fits (a person of the pronoun's gender for he/she, an organisation for it/they/we).
 */
export function resolvePronoun(pronoun: string, at: number, mentions: readonly EntityMention[], genders: ReadonlyMap<string, Gender>, lastSpeaker: LastSpeaker | null, quoted: (at: number) => boolean = () => false): (Referent & { type: string }) | null {
  const p = pronoun.toLowerCase();
  const gender: Gender | null = p === 'he' ? 'm' : p === 'she' ? 'f' : null;
  const wantsPerson = gender !== null || p === 'i';
  const fits = (id: string, type: string) => {
    if (wantsPerson) return type === 'PERSON' && (gender === null || (genders.get(id) ?? gender) === gender);
    if (p === 'it') return type === 'ORG';
    return type === 'ORG' || type === 'PERSON';
  };
  const m = lastBefore(mentions, at, (x) => x.start >= at - 2000 && fits(x.id, x.type));
  // News copy keeps "he said" for the person already speaking; a new speaker is named first, in the
  // writer's own words ("Reyes spoke next. “…,” he said."), not inside a quote.
  if (lastSpeaker && at - lastSpeaker.at < 1500 && fits(lastSpeaker.id, lastSpeaker.type)) {
    const named = lastBefore(mentions, at, (x) => x.start > lastSpeaker.at && x.id !== lastSpeaker.id && !quoted(x.start) && fits(x.id, x.type));
    return named ? { id: named.id, name: named.canonical, type: named.type } : lastSpeaker;
  }
  return m ? { id: m.id, name: m.canonical, type: m.type } : null;
}

/** The last mention starting before `at` that passes `f` (mentions sorted by start). */
export function lastBefore(mentions: readonly EntityMention[], at: number, f: (m: EntityMention) => boolean): EntityMention | null {
  let hi = firstAtOrAfter(mentions, at) - 1;
  for (; hi >= 0; hi--) {
    const m = mentions[hi]!;
    if (m.end <= at && f(m)) return m;
    if (at - m.start > 2500) break;
  }
  return null;
}

/** Index of the first mention with start ≥ at (binary search). */
export function firstAtOrAfter(mentions: readonly EntityMention[], at: number): number {
  let lo = 0;
  let hi = mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (mentions[mid]!.start < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
