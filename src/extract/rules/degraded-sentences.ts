// Sentences of degraded text (no sentence punctuation): boundaries restored by a small word model, and the
// display form of such a sentence (capital first letter, full stop) for claims and labels. Spans stay
// offsets into the file; only the display form adds characters.

import type { Span } from './sentences.ts';

/**
 * Words that open sentences in news writing, with how much a boundary before them is favoured (a rough
 * log-odds, set from how often each starts a sentence in well-formed reporting; any other word: -1).
 */
const OPENER_WEIGHT = new Map<string, number>([
  ...'but'.split(' ').map((w) => [w, 2.5] as const),
  ...'i he if'.split(' ').map((w) => [w, 2] as const),
  ...'she they mr ms mrs there it'.split(' ').map((w) => [w, 1.5] as const),
  ...'so how you we however meanwhile what'.split(' ').map((w) => [w, 1] as const),
  ...'the this these his its their our many during'.split(' ').map((w) => [w, 0.4] as const),
]);

/** Words that often end one: attributions ("…, the minister said") and time phrases ("…two years ago"). */
const ENDER_WEIGHT = new Map<string, number>([['said', 1.2], ['says', 1.2], ['added', 1], ['him', 0.5], ['years', 0.5], ['year', 0.5], ['now', 0.3], ['ago', 0.5]]);

/** Words a sentence does not end on: articles, prepositions, auxiliaries, conjunctions, possessives. */
const NO_END = new Set(`the a an of to in on at by for with from as and or but nor that which who whom whose his her their its our
  my your is are was were be been being has have had will would could should can may might must shall not no very more most
  less than into onto about over under between after before during this these those such some any each every if when while
  because although whether since until unless like per mr ms mrs dr gen st so also just only even then both either neither
  against toward towards through across without within upon among despite including via amid`.split(/\s+/));

/** Words a sentence does not start with: the tails of split contractions, prepositions that attach leftwards, verbs of saying. */
const NO_START = new Set('s t re ve ll m d of to said says told than whom per'.split(' '));

/** Sentence lengths in news: around this many words, rarely under MIN_WORDS or over MAX_WORDS. */
const TYPICAL_WORDS = 18;
const LENGTH_SPREAD = 14;
const MIN_WORDS = 4;
const MAX_WORDS = 70;
/** A run closed by its own full stop and no longer than this is a sentence the damage spared: kept whole. */
const PUNCTUATED_WORDS = 40;

const bare = (w: string) => w.toLowerCase().replace(/[’']/g, "'").replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}']+$/gu, '');

/** How strongly the words around a gap say a sentence ends there (before word `k`); -Infinity when it cannot. */
export function boundaryScore(words: readonly string[], k: number): number {
  const before = bare(words[k - 1] ?? '');
  const after = bare(words[k] ?? '');
  if (NO_END.has(before) || NO_START.has(after)) return -Infinity;
  // "he's", "country's": a contraction or possessive stays with what follows.
  if (/'s$/.test(before)) return -Infinity;
  // A verb form before an article or pronoun most often takes it as its object ("brought the", "told him").
  const object = /(?:ed|ing|ght)$/.test(before) && ENDER_WEIGHT.get(before) === undefined ? -2 : 0;
  return (OPENER_WEIGHT.get(after) ?? -1) + (ENDER_WEIGHT.get(before) ?? 0) + object;
}

/** The log-likelihood-like score of a sentence of `n` words. */
const lengthScore = (n: number) => -(((n - TYPICAL_WORDS) / LENGTH_SPREAD) ** 2) / 2;

/**
 * Cut a list of words into sentences: the cuts (word indices, each a sentence start after the first)
 * that maximise the boundary scores plus the length score of every sentence (dynamic programming).
 */
export function sentenceStarts(words: readonly string[]): number[] {
  const n = words.length;
  if (n <= MIN_WORDS * 2) return [0];
  const best = new Float64Array(n + 1).fill(-Infinity);
  const from = new Int32Array(n + 1).fill(-1);
  best[0] = 0;
  for (let j = 1; j <= n; j++) {
    for (let i = Math.max(0, j - MAX_WORDS); i <= j - 1; i++) {
      if (best[i] === -Infinity) continue;
      const len = j - i;
      // The last sentence and the first may be short: the text may start or stop anywhere.
      if (len < MIN_WORDS && i !== 0 && j !== n) continue;
      const cut = i === 0 ? 0 : boundaryScore(words, i);
      if (cut === -Infinity) continue;
      const score = best[i]! + cut + lengthScore(len);
      if (score > best[j]!) { best[j] = score; from[j] = i; }
    }
  }
  if (best[n] === -Infinity) return [0];
  const starts: number[] = [];
  for (let j = n; j > 0; j = from[j]!) starts.push(from[j]!);
  return starts.reverse();
}

/**
 * Sentence spans of a degraded text, from the splitter's spans: pieces of one line that no sentence
 * punctuation separates are joined into one run, and each run is cut again by the word model.
 */
export function restoreSentences(text: string, spans: readonly Span[]): Span[] {
  const runs: Span[] = [];
  for (const s of spans) {
    const last = runs[runs.length - 1];
    if (last && /^[ \t]+$/.test(text.slice(last[1], s[0])) && !/[.!?]["”’)]*$/.test(text.slice(last[0], last[1]))) last[1] = s[1];
    else runs.push([s[0], s[1]]);
  }
  return runs.flatMap(([start, end]) => stopsKept(text, start, end)).flatMap(([start, end]) => {
    const words = [...text.slice(start, end).matchAll(/\S+/g)];
    if (words.length === 0) return [];
    if (words.length <= PUNCTUATED_WORDS && /[.!?]["”’)]*$/.test(text.slice(start, end))) return [[start, end] as Span];
    const starts = sentenceStarts(words.map((m) => m[0]));
    return starts.map((k, i): Span => {
      const last = words[(starts[i + 1] ?? words.length) - 1]!;
      return [start + words[k]!.index, start + last.index + last[0].length];
    });
  });
}

/**
 * A run cut after every full stop the damage spared, even before a lower-case word (the splitter waits
 * for a capital); not after an abbreviation ("mr.", "u.s.").
 */
function stopsKept(text: string, start: number, end: number): Span[] {
  const out: Span[] = [];
  let from = start;
  for (const m of text.slice(start, end).matchAll(/\S+?[.!?]["”’)]*(?=\s)/g)) {
    const word = m[0].replace(/["”’)]+$/, '');
    if (/^(?:\p{L}\.)+$/u.test(word) || NO_END.has(bare(word))) continue;
    const stop = start + m.index + m[0].length;
    out.push([from, stop]);
    from = stop;
  }
  out.push([from, end]);
  return out.map(([a, b]): Span => [a + (text.slice(a, b).length - text.slice(a, b).trimStart().length), b]).filter(([a, b]) => b > a);
}

/**
 * A sentence of a degraded source as it is shown: its first letter capitalised and a full stop at the
 * end when it has none. Only casing and the final stop change, so the words are still the source's.
 */
export function displaySentence(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if (!t) return t;
  const capital = t.replace(/^(["“‘(]?)(\p{Ll})/u, (_, open: string, first: string) => open + first.toUpperCase());
  return /[.!?…]["”’)]*$/.test(capital) ? capital : `${capital.replace(/[,;:—–-]+$/, '')}.`;
}
