// Contractions and possessives whose apostrophe became a space in damaged text ("he s", "don t",
// "country s"): the space is put back as an apostrophe, one character for one, so offsets stay put.
import type { Edit } from '../edits.ts';

/** Negations split before their "t": "don t", "isn t", "can t" (any word ending in "n"). */
const NEGATION = /\b(\p{L}*n) (t)\b/gu;
/** "'s" after any word of two letters or more ("he s", "country s"), but not "u s" (U.S.) or "a s". */
const POSSESSIVE = /\b(\p{L}{2,}) (s)\b/gu;
/** Pronoun contractions: "we re", "they ve", "i m", "you ll", "she d". */
const PRONOUN = /\b(i|you|he|she|it|we|they|who|that|there) (re|ve|ll|m|d)\b/giu;
const AFTER_PRONOUN: Record<string, ReadonlySet<string>> = {
  re: new Set(['you', 'we', 'they', 'who']),
  ve: new Set(['i', 'you', 'we', 'they', 'who']),
  ll: new Set(['i', 'you', 'he', 'she', 'it', 'we', 'they', 'who', 'that', 'there']),
  m: new Set(['i']),
  d: new Set(['i', 'you', 'he', 'she', 'we', 'they', 'who']),
};

/** Edits turning the space of a split contraction back into an apostrophe. */
export function contractionEdits(text: string): Edit[] {
  const edits: Edit[] = [];
  const at = (m: RegExpMatchArray) => {
    const space = m.index! + m[1]!.length;
    edits.push({ start: space, end: space + 1, replacement: "'", note: `"${m[0]}" → "${m[1]}'${m[2]}"` });
  };
  for (const m of text.matchAll(NEGATION)) at(m);
  for (const m of text.matchAll(POSSESSIVE)) at(m);
  for (const m of text.matchAll(PRONOUN)) if (AFTER_PRONOUN[m[2]!.toLowerCase()]?.has(m[1]!.toLowerCase())) at(m);
  return edits.sort((a, b) => a.start - b.start);
}
