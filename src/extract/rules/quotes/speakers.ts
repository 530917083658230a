// From the speaker mention to the entity: the entity mention it overlaps, a person named earlier by
// the same surname ("Trump" for "Donald Trump"), or one whose role it names ("the president").

import type { EntityMention } from '../../analysis.ts';
import { firstAtOrAfter, lastBefore, type Referent } from './pronouns.ts';
import type { Span } from './phrases.ts';

/** The entity a (non-pronoun) speaker phrase names, or null for an unnamed speaker ("a friend"). */
export function entityForPhrase(text: string, span: Span, mentions: readonly EntityMention[]): (Referent & { type: string }) | null {
  const inside = mentionsOverlapping(mentions, span);
  const pick = inside.find((m) => m.type === 'PERSON') ?? inside.find((m) => m.type === 'ORG') ?? inside[0];
  const phrase = text.slice(span.start, span.end);
  const words = phrase.split(/\s+/);
  const last = words.at(-1)?.replace(/[’']s$/, '') ?? '';
  // A lone surname ("Okafor said") is the person named in full earlier, where the entity rules left it apart.
  const surname = pick && !/\s/.test(pick.canonical) ? pick.canonical : !pick && /^\p{Lu}/u.test(last) ? last : null;
  const named = surname ? fullNameBefore(mentions, span.start, surname) : null;
  if (named) return { id: named.id, name: named.canonical, type: named.type };
  if (pick) return { id: pick.id, name: pick.canonical, type: pick.type };
  if (/^\p{Lu}/u.test(last)) return null;
  // "the president", "the mayor": the last person named with that role.
  if (/^(?:the)\s/i.test(phrase) && words.length <= 3) {
    const role = last.toLowerCase();
    const m = lastBefore(mentions, span.start, (x) => x.type === 'PERSON' && (x.role ?? '').toLowerCase().split(/\s+/).includes(role));
    if (m) return { id: m.id, name: m.canonical, type: m.type };
  }
  return null;
}

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
