// The outlet, only where the text names its publisher as such: the paper an "exclusive interview" was
// given to ("told The Times in an exclusive interview"), or a wire credit opening a dateline
// ("NAIROBI, Kenya (Reuters) —"). Anything weaker is left unknown rather than guessed.
import type { CleanRule } from './types.ts';
import { contentLines } from './lines.ts';

const CAP = "[\\p{Lu}][\\p{L}&'’.-]*";
const PAPER = `The(?:\\s+${CAP}){1,4}`;
const INTERVIEW = [
  new RegExp(`\\b(?:told|said\\s+to|speaking\\s+to|spoke\\s+to|spoke\\s+with|speaking\\s+with)\\s+(${PAPER})\\b[^.!?\\n]{0,60}?\\bexclusive\\s+interview\\b`, 'u'),
  new RegExp(`\\bexclusive\\s+interview\\s+with\\s+(${PAPER})`, 'u'),
  new RegExp(`\\bin\\s+an?\\s+exclusive\\s+interview\\b[^.!?\\n]{0,60}?\\b(?:told|with)\\s+(${PAPER})`, 'u'),
];
const WIRE = /^[\p{Lu}][\p{Lu} .'’-]{2,40}(?:,\s*[\p{L} .]{2,30})?(?:,\s*[\p{L}.]+\s+\d{1,2})?\s*\(([\p{Lu}][\p{L}&.]*(?:\s+[\p{Lu}][\p{L}&.]*){0,2})\)\s*[-–—]/u;

/** "The Times" → "The Washington Times" when the text also gives the full name ending the same way. */
function fullName(short: string, text: string): string {
  const last = short.split(/\s+/).at(-1)!;
  const longer = new RegExp(`\\bThe(?:\\s+${CAP}){0,3}\\s+${last.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'gu');
  let best = short;
  for (const m of text.matchAll(longer)) if (m[0].length > best.length) best = m[0].replace(/\s+/g, ' ');
  return best;
}

/** "The Times in" → "The Times": trailing words of the match that are not part of the name. */
const trimName = (s: string) => s.replace(/\s+/g, ' ').replace(/(?:\s+(?:On|In|At|For|Last|This|That|Earlier))+$/u, '');

export const outlet: CleanRule = ({ text, meta }) => {
  if (meta.outlet !== null) return {};
  for (const re of INTERVIEW) {
    const m = re.exec(text);
    if (m) return { meta: { outlet: fullName(trimName(m[1]!), text) } };
  }
  for (const l of contentLines(text).slice(0, 6)) {
    const m = WIRE.exec(l.text.trim());
    if (m && /^[\p{Lu}]{3,}/u.test(l.text.trim())) return { meta: { outlet: m[1]! } };
  }
  return {};
};
