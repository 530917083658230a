// Which entity a figure describes: an age → the person it is about; a casualty count → the place where
// it happened; money → who pays it; troops → who sends them. The owner is what lets figures from several
// sources be compared.

import type { EntityMention, FigureMention } from '../analysis.ts';
import { forLastText } from './last-text.ts';

/** How far back (characters) a person may be named and still own an age. */
const WINDOW = 600;
/** A casualty count, as `measure` words ("people killed", "injured", "dead"). */
const CASUALTY_MEASURE = /\b(?:killed|dead|deaths|died|injured|wounded|hurt|casualties|displaced|missing|slain)\b/i;
/** Forces counted ("1,200 fighters"): owned by whoever sends or commands them, named before the count. */
const FORCES_MEASURE = /^(?:\w+\s)?(?:troops|soldiers|fighters|mercenaries|advisers|advisors|personnel|forces|warships|jets|drones)\b/i;
/** Sentence ends, for keeping an owner inside the figure's sentence without needing the sentence spans. */
const SENTENCE_END = /[.!?]["”’)]?\s|\n\s*\n/g;

/** Set `entityId` on figures whose owner can be read (returns new objects; others unchanged). */
export function linkFigureOwners(text: string, figures: readonly FigureMention[], mentions: readonly EntityMention[], roles: ReadonlyMap<string, string>): FigureMention[] {
  // Whose age each age was, in text order: "the 76-year-old commander" is whoever was said to be 76.
  const ages = new Map<number, string>();
  return figures.map((f) => {
    if (f.entityId) return f;
    if (f.measure === 'age') {
      const entityId = ageOwner(text, f, mentions, roles, ages);
      if (entityId && !ages.has(f.value)) ages.set(f.value, entityId);
      return { ...f, entityId };
    }
    const [from, to] = sentenceAround(text, f.start);
    const inSentence = mentions.filter((m) => m.start >= from && m.end <= to);
    if (f.measure && CASUALTY_MEASURE.test(f.measure)) return { ...f, entityId: casualtyPlace(f, inSentence) };
    if (isMoney(f)) return { ...f, entityId: payer(text, f, inSentence) };
    if (f.measure && FORCES_MEASURE.test(f.measure)) return { ...f, entityId: payer(text, f, inSentence) };
    return f;
  });
}

/** "the 75-year-old former colonel" → the person last named before it whose role shares a word with what
 * follows the age, else simply the person last named before it. */
function ageOwner(text: string, f: FigureMention, mentions: readonly EntityMention[], roles: ReadonlyMap<string, string>, ages: ReadonlyMap<number, string>): string | null {
  // "the 46-year-old former banker Tomas Berg": the name the age's noun phrase ends in owns it.
  const named = mentions.find((m) => m.type === 'PERSON' && m.start >= f.end && m.start <= f.end + 60);
  if (named && /^\s+(?:[\p{Ll}-]+\s+){0,4}(?:(?:mr|mrs|ms|dr|gen)\.?\s+)?$/u.test(text.slice(f.end, named.start))) return named.id;
  // "Vell, a 76-year-old former officer": the name the appositive follows.
  const appositive = mentions.findLast((m) => m.type === 'PERSON' && m.end <= f.start && m.end >= f.start - 12);
  if (appositive && /^,\s+(?:an?|the)\s+$/.test(text.slice(appositive.end, f.start))) return appositive.id;
  // "the 76-year-old commander", after someone was said to be 76.
  const known = ages.get(f.value);
  if (known && /\bthe\s+$/i.test(text.slice(Math.max(0, f.start - 5), f.start))) return known;
  const before = mentions.filter((m) => m.type === 'PERSON' && m.end <= f.start && m.start >= f.start - WINDOW);
  if (!before.length) return null;
  const following = new Set((text.slice(f.end, f.end + 60).toLowerCase().match(/\p{L}{4,}/gu) ?? []).slice(0, 3));
  const byRole = [...before].reverse().find((m) => (roles.get(m.id) ?? '').toLowerCase().split(/\W+/).some((w) => following.has(w)));
  return (byRole ?? before.at(-1)!).id;
}

/** "213 killed in clashes in Port Alder", "stalls outside Port Alder after 600 were killed": the place named in
 * the same sentence nearest the count. A death toll is compared per place, so the place is its owner. */
function casualtyPlace(f: FigureMention, inSentence: readonly EntityMention[]): string | null {
  const places = inSentence.filter((m) => m.type === 'PLACE');
  const distance = (m: EntityMention) => (m.start >= f.end ? m.start - f.end : f.start - m.end);
  return [...places].sort((a, b) => distance(a) - distance(b) || a.start - b.start)[0]?.id ?? null;
}

/** Money: a currency unit, or a payment whose sign was lost (a count of a million-plus with no people in it). */
const isMoney = (f: FigureMention) => (f.unit !== null && /^[A-Z]{3}$/.test(f.unit)) || (f.unit === null && f.value >= 1e6 && f.measure !== null && !/people|\bmen\b|women|children|residents/.test(f.measure));

/** "in Varos", "from the capital": a name after these is a location. */
const LOCATIVE_BEFORE = /\b(?:in|at|near|from|to|into|outside|inside|across|around)\s+(?:the\s+)?$/i;
/** How close (characters) before the money its payer must be named: the clause, even in unpunctuated text. */
const PAYER_WINDOW = 90;

/** "X and his army are paying some 2 million", "Norland has sent 1,200 troops": the clause's subject, i.e.
 * the first person, organisation or country named shortly before the figure in its sentence. */
function payer(text: string, f: FigureMention, inSentence: readonly EntityMention[]): string | null {
  // A country can pay or send ("Russia has sent…"), but a place after a preposition is where, not who.
  const before = inSentence.filter((m) => m.end <= f.start && m.start >= f.start - PAYER_WINDOW && !LOCATIVE_BEFORE.test(text.slice(Math.max(0, m.start - 12), m.start)) && !placeAsModifier(text, m));
  return before[0]?.id ?? null;
}

/** "the New York businessman", "a Texas oilman": a place written as an adjective of a person; the person pays
 * ("the United States sent $1 billion" still does: "sent" names no one). */
function placeAsModifier(text: string, m: EntityMention): boolean {
  return m.type === 'PLACE' && /\b(?:the|a|an)\s+$/i.test(text.slice(Math.max(0, m.start - 5), m.start)) && PERSON_NOUN_AFTER.test(text.slice(m.end, m.end + 40));
}

/** A lower-case noun for a person right after a name: "businessman", "developer", "billionaire", "official". */
const PERSON_NOUN_AFTER = /^\s+(?!(?:never|ever|later|rather|further|together|however|over|under|after|earlier|longer|higher|lower|better|sooner)\b)\p{Ll}{3,}(?:man|men|woman|women|person|people|er|ers|or|ors|ist|ists|ian|ians|aire|aires|ent|ents|ial|ials)\b/u;

/** The bounds of the sentence holding offset `at`, read from punctuation. */
function sentenceAround(text: string, at: number): [number, number] {
  const ends = sentenceEnds(text);
  // The first end past `at` closes its sentence; the one before it opens it.
  let lo = 0;
  let hi = ends.length / 2;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ends[2 * mid + 1]! <= at) lo = mid + 1;
    else hi = mid;
  }
  const from = lo > 0 ? ends[2 * lo - 1]! : 0;
  const to = lo < ends.length / 2 ? ends[2 * lo]! + 1 : text.length;
  return [from, to];
}

/** Each SENTENCE_END match of `text` as [index, end] pairs, flat; found once per text. */
const sentenceEnds = forLastText((text) => {
  const out: number[] = [];
  SENTENCE_END.lastIndex = 0;
  for (let m = SENTENCE_END.exec(text); m; m = SENTENCE_END.exec(text)) out.push(m.index, m.index + m[0].length);
  return out;
});
