// Who backs, opposes or is allied with whom: "X backs Y", "Y, (who is) backed by X and Z", "the X-backed Y",
// "X is a close ally of Y", "X opposes Y", "X, a rival of Y", read within one sentence between named mentions.

import type { AlignmentMention, EntityMention } from '../analysis.ts';
import type { Span } from './sentences.ts';

type Relation = AlignmentMention['relation'];

/** Each relation's verbs, with a cheap test (`gate`) that fails on a sentence the verbs cannot match. */
const ACTIVE: Array<[RegExp, Relation, RegExp]> = [
  [/\b(?:back|backs|backed|backing|support|supports|supported|supporting|arm|arms|armed|arming|fund|funds|funded|funding|sponsor|sponsors|sponsored)\b/gi, 'backs', /back|support|arm|fund|sponsor/i],
  [/\b(?:oppose|opposes|opposed|opposing|reject|rejects|rejected|condemn|condemns|condemned|fight|fights|fought|fighting|attack|attacks|attacked)\b/gi, 'opposes', /oppos|reject|condemn|f(?:i|ou)ght|attack/i],
  [/\b(?:(?:a |an |the )?(?:close[- ]|key |main |staunch |long-?time )?(?:ally|allies|allied)(?: of| with| to)?)\b/gi, 'allied', /all(?:y|ie)/i],
  // "X, a rival of Y", "X is the main rival to Y": a rival stands against the other.
  [/\b(?:(?:a|an|the)\s+)?(?:main\s+|chief\s+|bitter\s+|arch-?)?rivals?\s+(?:of|to)\b/gi, 'opposes', /rival/i],
];
const PASSIVE = /\b(?:backed|supported|armed|funded|sponsored)\s+by\b/gi;
/** Words allowed between a subject list and its verb ("X and Y are also backing"). */
const SUBJECT_GLUE = /^[\s,]*(?:(?:and|the|both|as well as|is|are|was|were|has|have|had|been|also|still|reportedly|all|who|which|,|a|an|close|\d{1,3})\s*)*$/i;
/** "X is allied with Y and supports Z": a verb after "and" has the first clause's subject, not the name
 * just before it, so it is left unread rather than misread. */
const SECOND_PREDICATE = /^[\s,]*and\s+(?:(?:also|still|now)\s+)?$/i;
/** Words allowed between a verb and its object ("backing Mr. X", "supports the Y"). */
const OBJECT_GLUE = /^[\s,]*(?:(?:the|mr\.?|mrs\.?|ms\.?|gen\.?|general|president|prime minister|commander|of|with|to)\s*)*$/i;
/** Between two names of a list; a capitalised word may precede the next name, which the entity rules can
 * leave outside a mention ("the UAE, Saudi Arabia and Egypt" when "Saudi" is read as a modifier). */
const LIST_GLUE = /^[\s,]*(?:[Aa]nd|,|[Tt]he|as well as|\s)*(?:\p{Lu}[\p{L}.'’-]*\s+)?$/u; // no /i: it would let \p{Lu} match any word
/** "the UN-backed government", "a Russian-armed militia": a name fused to a participle modifies what follows. */
const COMPOUND = /^-(?:backed|supported|funded|armed|sponsored|allied)\b/i;
/** What may stand between "X-backed" and the name it modifies ("the UN-backed unity Government of …"). */
const COMPOUND_GAP = /^\s+(?:(?:unity|interim|transitional|rival|new|former|national|provisional)\s+)?$/i;
/** "X's rival Y", "X's main rivals, Y and Z": Y stands against X. */
const POSSESSIVE_RIVAL = /^['’]s\s+(?:(?:main|chief|bitter|arch-?|long-?time|political)\s*)?rivals?[\s,]+(?:(?:the|mr\.?|mrs\.?|ms\.?|gen\.?|general|president)\s+)*$/i;

/** Every gate at once: a sentence without any of these words holds no alignment that any rule here reads
 * (each regex above, the passive, compound and possessive ones included, contains one of them). */
const ANY_RELATION = new RegExp(ACTIVE.map(([, , gate]) => gate.source).join('|'), 'i');

/** Alignments in one document, one per (relation, from, to) per sentence. */
export function findAlignments(text: string, sentences: readonly Span[], mentions: readonly EntityMention[]): AlignmentMention[] {
  const out: AlignmentMention[] = [];
  const seen = new Set<string>();
  const add = (s: Span, relation: Relation, from: EntityMention, to: EntityMention) => {
    if (from.id === to.id) return;
    const key = `${s[0]}|${relation}|${from.id}|${to.id}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ start: s[0], end: s[1], relation, fromId: from.id, toId: to.id });
  };
  let mi = 0;
  for (const s of sentences) {
    while (mi < mentions.length && mentions[mi]!.start < s[0]) mi++;
    const inside: EntityMention[] = [];
    for (let k = mi; k < mentions.length && mentions[k]!.end <= s[1]; k++) inside.push(mentions[k]!);
    if (inside.length < 2) continue;
    const sentence = text.slice(s[0], s[1]);
    if (!ANY_RELATION.test(sentence)) continue;
    for (const m of sentence.matchAll(PASSIVE)) {
      const at = s[0] + m.index;
      const backers = listFrom(text, inside.filter((x) => x.start >= at + m[0].length), at + m[0].length, 'forward');
      const backed = nearestBefore(text, inside, at);
      if (backed) for (const b of backers) add(s, 'backs', b, backed);
    }
    readCompounds(text, inside, (from, to) => add(s, 'backs', from, to));
    readPossessiveRivals(text, inside, (from, to) => add(s, 'opposes', from, to));
    for (const [re, relation, gate] of ACTIVE) {
      if (!gate.test(sentence)) continue;
      for (const m of sentence.matchAll(re)) {
        const at = s[0] + m.index;
        const end = at + m[0].length;
        if (/^\s+by\b/i.test(text.slice(end, end + 4))) continue; // passive, handled above
        const subjects = listFrom(text, inside.filter((x) => x.end <= at).reverse(), at, 'backward', SUBJECT_GLUE);
        const objects = listFrom(text, inside.filter((x) => x.start >= end), end, 'forward', OBJECT_GLUE);
        for (const a of subjects) for (const b of objects) add(s, relation, a, b);
      }
    }
  }
  return out;
}

/** "the UN-backed Government of National Accord" → UN backs it; only when the next name follows directly. */
function readCompounds(text: string, inside: readonly EntityMention[], found: (from: EntityMention, to: EntityMention) => void): void {
  inside.forEach((m, k) => {
    const fused = COMPOUND.exec(text.slice(m.end, m.end + 12));
    const next = inside[k + 1];
    if (!fused || !next) return;
    if (COMPOUND_GAP.test(text.slice(m.end + fused[0].length, next.start))) found(m, next);
  });
}

/** "Kral's rival Ana Sousa" → Ana Sousa opposes Kral. */
function readPossessiveRivals(text: string, inside: readonly EntityMention[], found: (from: EntityMention, to: EntityMention) => void): void {
  inside.forEach((m, k) => {
    const next = inside[k + 1];
    if (next && POSSESSIVE_RIVAL.test(text.slice(m.end, next.start))) found(next, m);
  });
}

/** Mentions chained to `at` only by glue words: "Egypt, the UAE and Saudi Arabia back …". */
function listFrom(text: string, ordered: EntityMention[], at: number, dir: 'forward' | 'backward', glue = OBJECT_GLUE): EntityMention[] {
  const out: EntityMention[] = [];
  let edge = at;
  for (const m of ordered) {
    const gap = dir === 'forward' ? text.slice(edge, m.start) : text.slice(m.end, edge);
    if (!(out.length ? LIST_GLUE : glue).test(gap)) break;
    if (dir === 'backward' && !out.length && SECOND_PREDICATE.test(gap)) break;
    if (dir === 'backward' && /^['’]s/.test(text.slice(m.end, m.end + 2))) break;
    if (dir === 'forward' && /^-\p{L}/u.test(text.slice(m.end, m.end + 2))) break; // "the Alder-based government": a modifier
    out.push(m);
    edge = dir === 'forward' ? m.end : m.start;
  }
  return out;
}

/** The mention a passive "backed by" describes: the name just before it, not a possessor ("X's rivals"). */
function nearestBefore(text: string, mentions: EntityMention[], at: number): EntityMention | null {
  const before = mentions.filter((m) => m.end <= at);
  const m = before.at(-1);
  if (!m) return null;
  const gap = text.slice(m.end, at);
  if (/^['’]s\b/.test(gap)) return null;
  return /^[\s,]*(?:(?:who|which|is|are|was|were|has|have|been|being|also|still|reportedly|widely|heavily)\s*)*[\s,]*$/i.test(gap) ? m : null;
}
