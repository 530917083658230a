// Repair of damaged sources, run once every source is read, because the well-formed sources of the same
// run are what teaches a lower-cased one its capitals. Pure: new SourceDoc objects, same lengths.
import type { SourceDoc, SourceFlag } from '../../notes/model.ts';
import { applyEdits, sortSteps, toStep, type Edit } from '../edits.ts';
import { casingKeys, learnCasing, truecaseEdits } from './casing.ts';
import { contractionEdits } from './contractions.ts';
import { detectDamage, firstWordAsked, vocabularyOf, type Damage, type Vocabulary } from './detect.ts';

export { learnCasing, truecaseEdits, type CasingTable } from './casing.ts';
export { contractionEdits } from './contractions.ts';
export { detectDamage, isLowercased, isUnpunctuated, partialFirstWord, vocabularyOf, type Damage, type Vocabulary } from './detect.ts';

const damageFlags = (d: Damage): SourceFlag[] => {
  const flags: SourceFlag[] = [];
  if (d.lowercase) flags.push('lowercase');
  if (d.unpunctuated) flags.push('unpunctuated');
  if (d.partialFirstWord) flags.push('truncated-start');
  if (flags.length > 0) flags.push('degraded');
  return flags;
};

const NO_WORDS = vocabularyOf([]);

interface SeenWord {
  /** Up to two sources using the word: enough to tell whether one other than a given source does. */
  docs: number[];
  /** Whether some source uses a longer word ending with it. */
  longer: boolean;
}

/** For each of the `asked` words: which sources use it (lower-cased, as a whole word), and whether a longer word ends with it. */
export function wordsSeen(texts: readonly string[], asked: ReadonlySet<string>): Map<string, SeenWord> {
  const seen = new Map<string, SeenWord>([...asked].map((w) => [w, { docs: [], longer: false }]));
  const lengths = [...new Set([...asked].map((w) => w.length))].sort((a, b) => a - b);
  const lastChars = new Set([...asked].map((w) => w.at(-1)!));
  texts.forEach((text, k) => {
    for (const token of text.match(/\p{L}+/gu) ?? []) {
      const w = token.toLowerCase();
      const s = seen.get(w);
      if (s && s.docs.length < 2 && s.docs.at(-1) !== k) s.docs.push(k);
      if (!lastChars.has(w.at(-1)!)) continue;
      for (const n of lengths) {
        if (n >= w.length) break;
        const tail = seen.get(w.slice(w.length - n));
        if (tail) tail.longer = true;
      }
    }
  });
  return seen;
}

export const sortFlags = (flags: Iterable<SourceFlag>): SourceFlag[] => [...new Set(flags)].sort();

/**
 * Flag damaged sources and repair what can be repaired in place: capitals (learned from the undamaged
 * sources given with it), apostrophes of split contractions ("he s" → "he's") and a cut-off first word (blanked). Sources already flagged `degraded` were
 * repaired before and are returned as they are, so running it twice changes nothing.
 */
export function repairDegraded(docs: SourceDoc[]): SourceDoc[] {
  // The other documents' words matter only to a text opening in a lower-case word that is not a common one;
  // most do not. For those few words, one walk over the sources' words notes which sources use each and
  // whether a longer word ends with it: all the test asks (a table of every word of every source, made
  // for it before, was most of the repair step on thousands of sources).
  const asked = new Set<string>();
  docs.forEach((d) => {
    if (d.flags.includes('degraded')) return;
    const w = firstWordAsked(d.text);
    if (w) asked.add(w.text);
  });
  const seen = asked.size > 0 ? wordsSeen(docs.map((d) => d.text), asked) : new Map<string, SeenWord>();
  const othersOf = (k: number): Vocabulary => ({
    has: (w) => (seen.get(w)?.docs ?? []).some((j) => j !== k),
    hasLongerEnding: (tail) => seen.get(tail)?.longer === true,
  });
  const damage = docs.map((d, k) => {
    if (d.flags.includes('degraded')) return null;
    return detectDamage(d.text, /^\s*\p{Ll}/u.test(d.text) ? othersOf(k) : NO_WORDS);
  });
  // The table is looked up only with the words and word pairs of the lower-cased texts: only those are
  // learned, and none at all when no text is lower-cased.
  const lowered = docs.filter((_, k) => damage[k]?.lowercase === true).map((d) => d.text);
  const teachers = () => docs.filter((d, k) => !d.flags.includes('degraded') && damageFlags(damage[k]!).length === 0).map((d) => d.text);
  const table = lowered.length > 0 ? learnCasing(teachers(), casingKeys(lowered)) : null;
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
    if (d.lowercase && table) named.push(...truecaseEdits(doc.text, table).filter((e) => e.start >= cut).map((e) => ({ ...e, rule: 'truecase' })));
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
