// Truecasing: the casing of each word as the well-formed documents of the same run write it when it does
// not open a sentence, applied one character for one to a lower-cased document. A word that is also a
// common English word is changed only when a neighbour confirms it, as in "the US" or "White House".
import type { Edit } from '../edits.ts';
import { COMMON_WORDS } from './common-words.ts';
import { adjacent, isSentenceInitial, standsAlone, tokens } from './tokens.ts';

type Forms = Map<string, number>;

export interface CasingTable {
  /** lower-cased word → its written forms (not sentence-initial) with counts. */
  words: Map<string, Forms>;
  /** "left right" lower-cased → forms of the pair as written. */
  pairs: Map<string, Forms>;
  /**
   * lower-cased word → how often it was written capitalised without a capitalised word just before it.
   * A word only ever capitalised inside a longer name ("Times" in "The Washington Times") is not a name
   * by itself, so it is truecased through its pairs only.
   */
  heads: Map<string, number>;
}

const bump = (m: Map<string, Forms>, key: string, form: string) => {
  const forms = m.get(key) ?? new Map<string, number>();
  forms.set(form, (forms.get(form) ?? 0) + 1);
  m.set(key, forms);
};

/** The only keys `truecaseEdits` looks up for these texts: their words and adjacent word pairs, lower-cased. */
export interface CasingKeys { words: Set<string>; pairs: Set<string> }

export function casingKeys(texts: readonly string[]): CasingKeys {
  const keys: CasingKeys = { words: new Set(), pairs: new Set() };
  for (const text of texts) {
    const toks = tokens(text);
    toks.forEach((t, k) => {
      keys.words.add(t.text.toLowerCase());
      const next = toks[k + 1];
      if (next && adjacent(text, t, next)) keys.pairs.add(`${t.text} ${next.text}`.toLowerCase());
    });
  }
  return keys;
}

/**
 * The casing table of the well-formed texts. With `only`, just those words and pairs are kept: a table
 * of every word pair of a large corpus is big (one map per pair), and only the damaged texts' keys are used.
 */
export function learnCasing(texts: readonly string[], only?: CasingKeys): CasingTable {
  const table: CasingTable = { words: new Map(), pairs: new Map(), heads: new Map() };
  for (const text of texts) {
    const toks = tokens(text);
    toks.forEach((t, k) => {
      if (t.text.length === 1 && !standsAlone(text, t)) return;
      if (isSentenceInitial(text, t.start)) return;
      const key = t.text.toLowerCase();
      if (!only || only.words.has(key)) {
        bump(table.words, key, t.text);
        const prev = toks[k - 1];
        const afterName = prev !== undefined && adjacent(text, prev, t) && /^\p{Lu}/u.test(prev.text);
        if (t.text !== key && !afterName) table.heads.set(key, (table.heads.get(key) ?? 0) + 1);
      }
      const next = toks[k + 1];
      if (next && adjacent(text, t, next) && (next.text.length > 1 || standsAlone(text, next))) {
        const pair = `${t.text} ${next.text}`;
        if (!only || only.pairs.has(pair.toLowerCase())) bump(table.pairs, pair.toLowerCase(), pair);
      }
    });
  }
  return table;
}

const capitals = (s: string) => s.match(/\p{Lu}/gu)?.length ?? 0;

/** The most frequent form and its share of all the counts; a tie goes to the form with fewer capitals. */
function best(forms: Forms): { form: string; share: number } | null {
  let total = 0, top: string | null = null, topCount = 0;
  const ordered = [...forms].sort(([a], [b]) => capitals(a) - capitals(b) || (a < b ? -1 : a > b ? 1 : 0));
  for (const [form, n] of ordered) {
    total += n;
    if (n > topCount) { top = form; topCount = n; }
  }
  return top === null ? null : { form: top, share: topCount / total };
}

// A word written capitalised in most of its places (not all: "the state" beside "Islamic State").
const MIN_SHARE = 0.7;

/** The word's form from the pairs it stands in, when the run has seen those pairs. */
function formFromPairs(table: CasingTable, left: string | null, word: string, right: string | null): string | null {
  const forms: Forms = new Map();
  const add = (key: string, pick: (pair: string) => string) => {
    for (const [pair, n] of table.pairs.get(key) ?? []) forms.set(pick(pair), (forms.get(pick(pair)) ?? 0) + n);
  };
  if (left !== null) add(`${left} ${word}`.toLowerCase(), (p) => p.slice(left.length + 1));
  if (right !== null) add(`${word} ${right}`.toLowerCase(), (p) => p.slice(0, word.length));
  return best(forms)?.form ?? null;
}

/** Edits restoring capitals in a lower-cased text; "i" standing alone becomes "I" whatever the table says. */
export function truecaseEdits(text: string, table: CasingTable): Edit[] {
  const toks = tokens(text);
  const edits: Edit[] = [];
  toks.forEach((t, k) => {
    if (t.text !== t.text.toLowerCase()) return;
    const alone = standsAlone(text, t);
    if (t.text.length === 1 && !alone) return;
    let form: string | null = null;
    if (t.text === 'i' && alone) {
      form = 'I';
    } else {
      const prev = toks[k - 1];
      const next = toks[k + 1];
      const left = prev && adjacent(text, prev, t) ? prev.text : null;
      const right = next && adjacent(text, t, next) ? next.text : null;
      form = formFromPairs(table, left, t.text, right);
      if (form === null && !COMMON_WORDS.has(t.text) && t.text.length > 1 && (table.heads.get(t.text) ?? 0) > 0) {
        const b = best(table.words.get(t.text) ?? new Map());
        if (b && b.share >= MIN_SHARE) form = b.form;
      }
    }
    if (form !== null && form !== t.text && form.length === t.text.length && form.toLowerCase() === t.text) {
      edits.push({ start: t.start, end: t.end, note: `"${t.text}" → "${form}"`, replacement: form });
    }
  });
  return edits;
}
