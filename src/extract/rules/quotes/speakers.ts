// From the speaker mention to the entity: the entity mention it overlaps, a person named earlier by
// the same surname ("Trump" for "Donald Trump"), or one whose role it names ("the president").

import type { EntityMention } from '../../analysis.ts';
import { firstAtOrAfter, lastBefore, type Referent } from './pronouns.ts';
import type { Span } from './phrases.ts';

/** The entity a (non-pronoun) speaker phrase names, or null for an unnamed speaker ("a friend"). */
export function entityForPhrase(text: string, span: Span, mentions: readonly EntityMention[]): (Referent & { type: string }) | null {
  const inside = mentionsOverlapping(mentions, span);
  const phrase = text.slice(span.start, span.end);
  const words = phrase.split(/\s+/);
  const last = words.at(-1)?.replace(/[’']s$/, '') ?? '';
  const head = headWord(phrase);
  // "Trump's spokesman", "a Clinton aide", "one U.S. crew chief", "the wife of Clinton": the names inside describe
  // an unnamed speaker, who is not them; only a spokesperson (or a statement) speaks for the organisation it names.
  if (/^\p{Ll}/u.test(head)) {
    const org = VOICE_OF_ORGANISATION.test(head) ? inside.find((m) => m.type === 'ORG') : undefined;
    if (org) return { id: org.id, name: org.canonical, type: org.type };
    return roleHolder(text, span, mentions, phrase, words, head);
  }
  // "Michael O'Hanlon of the Brookings Institution said": the person before the link, not the employer after it.
  const linked = LINKED.exec(phrase);
  const person = linked && inside.find((m) => m.type === 'PERSON' && m.end === span.start + linked[1]!.length);
  if (person) return { id: person.id, name: person.canonical, type: person.type };
  // "Clinton spokesman Brian Fallon", "Trump lawyer Marc Kasowitz": the name the phrase ends with is the speaker;
  // where a comma sets a title off ("Petra Solheim, president and CEO of Halvard Marine", "Norvik Yards Chairman
  // and CEO, Ilse Moravec"), the person on either side of it is.
  const atHead = phrase.includes(',') ? inside : inside.filter((m) => m.end >= span.end - last.length - 2);
  const pick = atHead.find((m) => m.type === 'PERSON') ?? atHead.find((m) => m.type === 'ORG') ?? atHead[0];
  // A lone surname ("Okafor said") is the person named in full earlier, where the entity rules left it apart.
  const surname = pick && !/\s/.test(pick.canonical) ? pick.canonical : !pick && /^\p{Lu}/u.test(last) ? last : null;
  const named = surname ? fullNameBefore(mentions, span.start, surname) : null;
  if (named) return { id: named.id, name: named.canonical, type: named.type };
  if (pick) return { id: pick.id, name: pick.canonical, type: pick.type };
  return null;
}

/** A phrase's words before its first "of", "for" or "at" (group 1): "Michael O'Hanlon | of the Brookings Institution". */
const LINKED = /^(.*?\S)\s+(?:of|for|at)\s/u;

/** Heads of a phrase that speak for the organisation named in it ("a White House spokesman", "officials at the Pentagon"). */
export const VOICE_OF_ORGANISATION = /^(?:spokes(?:man|woman|men|women|person|people)|representatives?|officials?|statements?|releases?|memos?|filings?)$/;

/**
 * The word a speaker phrase is about: the last, or the lower-case word before "of"/"for"/"at" ("the wife of
 * Clinton", "a spokesman for the ministry"), unless a name set after a lower-case title word ends the phrase
 * ("White House chief of staff Reince Priebus").
 */
export function headWord(phrase: string): string {
  const words = phrase.trim().split(/\s+/);
  const linked = LINKED.exec(phrase.trim());
  const beforeLink = linked?.[1]!.split(/\s+/).at(-1) ?? '';
  const head = linked && /^\p{Ll}/u.test(beforeLink) && !endsInTitledName(words) ? beforeLink : words.at(-1) ?? '';
  return head.replace(/[’']s$/, '');
}

/** Whether the phrase ends in capitalised words right after a lower-case word other than a link ("…staff Reince Priebus"). */
function endsInTitledName(words: readonly string[]): boolean {
  let k = words.length - 1;
  while (k >= 0 && /^\p{Lu}/u.test(words[k]!)) k--;
  return k < words.length - 1 && k >= 0 && /^\p{Ll}/u.test(words[k]!) && !/^(?:of|for|at|the|a|an)$/.test(words[k]!);
}

/** "the president", "the mayor": the last person named with that role, unless an unnamed one was described since. */
function roleHolder(text: string, span: Span, mentions: readonly EntityMention[], phrase: string, words: string[], head: string): (Referent & { type: string }) | null {
  if (!/^(?:the)\s/i.test(phrase) || words.length > 3 || head !== words.at(-1)) return null;
  const role = head.toLowerCase();
  const described = describedBefore(text, span)?.at ?? -1;
  const m = lastBefore(mentions, span.start, (x) => x.start > described && x.type === 'PERSON' && (x.role ?? '').toLowerCase().split(/\s+/).includes(role));
  return m ? { id: m.id, name: m.canonical, type: m.type } : null;
}

/** An unnamed speaker's description: its text and where it stands. */
export interface Description { text: string; at: number }

/**
 * The fullest description of an unnamed speaker written as "the official" or "the source": the nearest
 * earlier indefinite phrase with the same head word ("a State Department official"), else the nearest later
 * one ("… the source said. A senior government source told …"). Null when the text gives none.
 */
export function fullestDescription(text: string, span: Span): Description | null {
  const phrase = text.slice(span.start, span.end).replace(/\s+/g, ' ');
  const words = phrase.split(' ');
  if (!/^the$/i.test(words[0] ?? '') || words.length > 3) return null;
  return describedBefore(text, span) ?? describedAfter(text, span);
}

/** "A State Department official", "an aide to the governor": an indefinite phrase of up to five words ending in `head`. */
const describing = (head: string) => new RegExp(`\\b(?:[Aa]n?|[Oo]ne)\\s+(?:[\\p{L}.’'-]+\\s+){0,4}${head}\\b`, 'gu');

function headOf(text: string, span: Span): string | null {
  const head = text.slice(span.start, span.end).split(/\s+/).at(-1)?.toLowerCase() ?? '';
  return /^\p{Ll}{3,}$/u.test(head) ? head : null;
}

function describedBefore(text: string, span: Span): Description | null {
  const head = headOf(text, span);
  if (!head) return null;
  let found: Description | null = null;
  for (const m of text.slice(Math.max(0, span.start - 3000), span.start).matchAll(describing(head))) {
    found = { text: m[0].replace(/\s+/g, ' '), at: Math.max(0, span.start - 3000) + m.index };
  }
  return found && hasModifier(found.text) ? { ...found, text: lowerArticle(found.text) } : null;
}

function describedAfter(text: string, span: Span): Description | null {
  const head = headOf(text, span);
  if (!head) return null;
  const m = describing(head).exec(text.slice(span.end, span.end + 3000));
  return m && hasModifier(m[0]) ? { text: lowerArticle(m[0].replace(/\s+/g, ' ')), at: span.end + m.index } : null;
}

/** "a senior official" says more than "the official"; "an official" alone does not. */
const hasModifier = (d: string) => d.split(' ').length >= 3;
const lowerArticle = (d: string) => d.replace(/^(An?|One)\b/u, (a) => a.toLowerCase());

/** The latest earlier person (else organisation) whose full name ends with `surname`. */
function fullNameBefore(mentions: readonly EntityMention[], at: number, surname: string): EntityMention | null {
  const ends = (x: EntityMention) => x.type !== 'PLACE' && x.canonical.endsWith(` ${surname}`);
  return lastBefore(mentions, at, (x) => ends(x) && x.type === 'PERSON') ?? lastBefore(mentions, at, ends) ?? bySurname(mentions).get(surname) ?? null;
}

const surnameIndexes = new WeakMap<readonly EntityMention[], Map<string, EntityMention>>();

/** Each multi-word person's surname → its first mention, built once per document. */
function bySurname(mentions: readonly EntityMention[]): Map<string, EntityMention> {
  let index = surnameIndexes.get(mentions);
  if (!index) {
    index = new Map();
    for (const m of mentions) {
      const cut = m.canonical.lastIndexOf(' ');
      if (m.type === 'PERSON' && cut > 0 && !index.has(m.canonical.slice(cut + 1))) index.set(m.canonical.slice(cut + 1), m);
    }
    surnameIndexes.set(mentions, index);
  }
  return index;
}

function mentionsOverlapping(mentions: readonly EntityMention[], span: Span): EntityMention[] {
  const out: EntityMention[] = [];
  for (let k = Math.max(0, firstAtOrAfter(mentions, span.start) - 3); k < mentions.length; k++) {
    const m = mentions[k]!;
    if (m.start >= span.end) break;
    if (m.end > span.start) out.push(m);
  }
  return out;
}
