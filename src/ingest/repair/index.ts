// Repair of damaged sources, run once every source is read, because the well-formed sources of the same
// run are what teaches a lower-cased one its capitals. Pure: new SourceDoc objects, same lengths.
import type { SourceDoc, SourceFlag } from '../../notes/model.ts';
import { applyEdits, sortSteps, toStep, type Edit } from '../edits.ts';
import { casingKeys, learnCasing, truecaseEdits } from './casing.ts';
import { contractionEdits } from './contractions.ts';
import { detectDamage, type Damage } from './detect.ts';
import { tokens } from './tokens.ts';

export { learnCasing, truecaseEdits, type CasingTable } from './casing.ts';
export { contractionEdits } from './contractions.ts';
export { detectDamage, isLowercased, isUnpunctuated, partialFirstWord, type Damage } from './detect.ts';

const damageFlags = (d: Damage): SourceFlag[] => {
  const flags: SourceFlag[] = [];
  if (d.lowercase) flags.push('lowercase');
  if (d.unpunctuated) flags.push('unpunctuated');
  if (d.partialFirstWord) flags.push('truncated-start');
  if (flags.length > 0) flags.push('degraded');
  return flags;
};

export const sortFlags = (flags: Iterable<SourceFlag>): SourceFlag[] => [...new Set(flags)].sort();

/**
 * Flag damaged sources and repair what can be repaired in place: capitals (learned from the undamaged
 * sources given with it), apostrophes of split contractions ("he s" → "he's") and a cut-off first word (blanked). Sources already flagged `degraded` were
 * repaired before and are returned as they are, so running it twice changes nothing.
 */
export function repairDegraded(docs: SourceDoc[]): SourceDoc[] {
  const words = docs.map((d) => new Set(tokens(d.text).map((t) => t.text.toLowerCase())));
  // The other documents' words matter only to a text opening in lower case; most do not. They are read
  // from one count of the documents using each word (not by joining every other document's words again
  // for each such text, which grew with the square of the number of sources).
  const usedBy = new Map<string, number>();
  for (const w of words) for (const x of w) usedBy.set(x, (usedBy.get(x) ?? 0) + 1);
  const othersOf = (k: number) => {
    const others = new Set<string>();
    for (const [x, n] of usedBy) if (n > (words[k]!.has(x) ? 1 : 0)) others.add(x);
    return others;
  };
  const damage = docs.map((d, k) => {
    if (d.flags.includes('degraded')) return null;
    return detectDamage(d.text, /^\s*\p{Ll}/u.test(d.text) ? othersOf(k) : new Set<string>());
  });
  const teachers = docs.filter((d, k) => !d.flags.includes('degraded') && damageFlags(damage[k]!).length === 0).map((d) => d.text);
  // The table is looked up only with the words and word pairs of the lower-cased texts: only those are learned.
  const table = learnCasing(teachers, casingKeys(docs.filter((_, k) => damage[k]?.lowercase === true).map((d) => d.text)));
  return docs.map((doc, k) => {
    const d = damage[k];
    if (!d) return doc;
    const flags = damageFlags(d);
    if (flags.length === 0) return doc;
    const named: Array<Edit & { rule: string }> = [];
    if (d.partialFirstWord) {
      const p = d.partialFirstWord;
      named.push({ rule: 'partial-first-word', start: p.start, end: p.end, note: `blanked "${p.text}", the end of a word cut off` });
    }
    const cut = d.partialFirstWord?.end ?? 0;
    if (d.lowercase) named.push(...truecaseEdits(doc.text, table).filter((e) => e.start >= cut).map((e) => ({ ...e, rule: 'truecase' })));
    // Damage that lost the punctuation also split "he's" into "he s"; the apostrophe goes back in the space.
    if (d.lowercase || d.unpunctuated) named.push(...contractionEdits(doc.text).filter((e) => e.start >= cut).map((e) => ({ ...e, rule: 'contraction' })));
    return {
      ...doc,
      text: applyEdits(doc.text, named),
      flags: sortFlags([...doc.flags, ...flags]),
      cleaning: sortSteps([...doc.cleaning, ...named.map(toStep)]),
    };
  });
}
