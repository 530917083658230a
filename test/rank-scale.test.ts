// Key-point ranking at scale (keypoints.ts, lexrank.ts), each shortcut against the plain computation it replaced,
// on varied random inputs: sameFact with its tests reordered and its traits as sorted word numbers against the
// original order over string sets; the LexRank graph built over numbered terms, flat postings and a bounded
// insertion list against the map-based build and a full sort; LexRank over the flat edges against the loop over
// edge objects; the word count, the two highest saliences, quoted characters, distinct ids and the one-line fold
// against split, sort, filter and reduce, a Set and the regular expression.
import { describe, expect, it } from 'vitest';
import { contentWords, oneLine, similarity, type NotesContext } from '../src/extract/briefing/context.ts';
import { ActorTable, type Candidate, DATE_TOKEN, datesDisagree, distinctIds, valuesDisagree, quotedChars, sameFact, statedNumbers, spacedWordCount, twoHighest } from '../src/extract/briefing/keypoints.ts';
import { lexRank, MAX_NEIGHBOURS, MAX_POSTINGS, flatSentenceGraph } from '../src/extract/briefing/lexrank.ts';
import { graphByMaps, neighbours, sentenceGraph } from './helpers/lexrank.ts';
import { compatible, sameEvent } from '../src/extract/briefing/timeline.ts';
import { WordSet } from '../src/extract/briefing/word-set.ts';
import { rng } from '../bench/scale/corpus.ts';
import { lexRankByObjects } from './helpers/all-pairs.ts';
import { int, pick } from './helpers/random.ts';


// ---- sameFact as it was: the keep-apart tests first, traits as string sets, names by the capital-letter pattern
// (its date words and stated numbers are the module's own, unchanged).

function namesByPattern(text: string): Set<string> {
  const out = new Set<string>();
  for (const token of text.split(' ').slice(1)) if (/^[^\p{L}\p{N}]*\p{Lu}/u.test(token)) for (const w of contentWords(token)) out.add(w);
  return out;
}
function disagree(a: readonly string[], b: readonly string[], agree = (x: string, y: string) => x === y): boolean {
  return a.length > 0 && b.length > 0 && !a.some((x) => b.some((y) => agree(x, y)));
}
function referenceSameFact(a: Candidate, b: Candidate): boolean {
  const traits = (c: Candidate) => {
    const names = namesByPattern(c.text);
    return { values: c.figures.map((f) => f.split(' ')[0]!), numbers: [...statedNumbers(c.text)], telling: new Set([...c.words].filter((w) => !names.has(w) && !DATE_TOKEN.test(w))) };
  };
  const [ta, tb] = [traits(a), traits(b)];
  if (disagree(a.ids, b.ids)) return false; // no actor in common
  if (disagree(ta.values, tb.values) || disagree(a.dates, b.dates, compatible)) return false;
  const [small, large] = ta.telling.size <= tb.telling.size ? [ta.telling, tb.telling] : [tb.telling, ta.telling];
  let shared = 0;
  for (const w of small) if (large.has(w)) shared++;
  if (disagree(ta.numbers, tb.numbers) || shared < 2) return false;
  if (similarity(a.words, b.words) >= 0.34) return true;
  if (a.anchor && b.anchor && sameEvent({ ...a, date: a.anchor }, { ...b, date: b.anchor })) return true;
  return a.doc !== b.doc && a.figures.some((f) => b.figures.includes(f)) && a.ids.some((id) => b.ids.includes(id));
}

const distinct = (xs: string[]) => [...new Set(xs)];
/** Candidates of a small vocabulary (so many pairs are alike), with names, date words, numbers, figures and dates. */
function candidates(seed: number, n: number): Candidate[] {
  const r = rng(seed);
  const common = ['troops', 'killed', 'village', 'talks', 'ceasefire', 'border', 'aid', 'convoy', 'port', 'vote', 'strike', 'rebels'];
  const names = ['Aleppo', 'Kofi', 'Annan', 'Damascus', 'Reuters', 'Émile', 'Zoë', '“Homs”', 'UN'];
  const dateWords = ['Tuesday', 'March', '2011', 'june', '1998', 'Sunday'];
  const numbers = ['213', '4,300', '12', '600', '3.5', 'A380', '10:30', 'June 18', '18 June'];
  const figures = ['213 people killed', '600 people killed', '12 trucks', '4300 people displaced'];
  const dates = ['2029', '2029-04', '2029-04-15', '2029-04-16', '2029-05', '2030-01-09'];
  // Ids made anew (other string objects of the same characters), numbered by one table, as scoredCandidates does.
  const table = new ActorTable({ entities: new Map() });
  return Array.from({ length: n }, (_, index) => {
    const words = Array.from({ length: 6 + int(r, 14) }, () => {
      const roll = r();
      return roll < 0.55 ? pick(r, common) : roll < 0.75 ? pick(r, names) : roll < 0.87 ? pick(r, dateWords) : pick(r, numbers);
    });
    const text = `${r() < 0.5 ? 'The' : pick(r, names)} ${words.join(' ')}.`;
    const anchor = r() < 0.6 ? pick(r, dates) : null;
    const ids = distinct(Array.from({ length: int(r, 3) }, () => `e${pick(r, [1, 2, 3, 4, 10, 11])}`));
    return {
      doc: int(r, 8), index, text, words: new WordSet(contentWords(text)), ids, actors: ids.map((id) => table.of(id).number),
      figures: r() < 0.4 ? [pick(r, figures)] : [],
      dates: r() < 0.5 ? Array.from({ length: 1 + int(r, 2) }, () => pick(r, dates)) : [],
      anchor, score: 0, quality: 0, node: -1,
    };
  });
}

describe('values and dates that disagree, as loops', () => {
  it('answer as `some` over `some` with the comparison does, empty lists included', () => {
    const r = rng(9);
    const values = ['213', '600', '12', '4300', '3.5'];
    const dates = ['2029', '2029-04', '2029-04-15', '2029-04-16', '2029-05', '2030-01-09'];
    const list = (xs: string[]) => Array.from({ length: int(r, 4) }, () => ['', pick(r, xs)].join(''));
    const answers = { values: [0, 0], dates: [0, 0] };
    for (let k = 0; k < 5000; k++) {
      const [a, b] = [list(values), list(values)];
      const expected = disagree(a, b);
      expect(valuesDisagree(a, b)).toBe(expected);
      answers.values[expected ? 1 : 0]!++;
      const [c, d] = [list(dates), list(dates)];
      const expectedDates = disagree(c, d, compatible);
      expect(datesDisagree(c, d)).toBe(expectedDates);
      answers.dates[expectedDates ? 1 : 0]!++;
    }
    for (const counts of Object.values(answers)) expect(Math.min(...counts)).toBeGreaterThan(500); // both answers met often
  });
});

describe('ActorTable: entity ids as numbers for the key points', () => {
  it('gives equal ids (other strings of the same characters) one number and different ids different ones, with their salience', () => {
    const r = rng(5);
    const entities = new Map<string, { salience: number }>(Array.from({ length: 30 }, (_, k) => [`e${k}`, { salience: k % 7 }]));
    const table = new ActorTable({ entities: entities as unknown as NotesContext['entities'] });
    const seen = new Map<string, number>();
    for (let k = 0; k < 3000; k++) {
      const id = ['e', String(int(r, 40))].join(''); // a new string each time; e30…e39 are no known entity
      const actor = table.of(id);
      if (!seen.has(id)) { expect([...seen.values()]).not.toContain(actor.number); seen.set(id, actor.number); }
      expect(actor.number).toBe(seen.get(id));
      expect(actor.salience).toBe(entities.get(id)?.salience ?? 0);
    }
    expect(seen.size).toBe(40);
  });
});

describe('sameFact, reasons to merge first and traits as word numbers', () => {
  it('answers every pair as the original order over string sets does', () => {
    let same = 0;
    let pairs = 0;
    for (const seed of [1, 2, 3]) {
      const list = candidates(seed, 160);
      for (const a of list) for (const b of list) {
        if (a === b) continue;
        const expected = referenceSameFact(a, b);
        expect(sameFact(a, b)).toBe(expected);
        pairs++;
        if (expected) same++;
      }
    }
    // Both answers, in numbers: the equality means something.
    expect(same).toBeGreaterThan(500);
    expect(pairs - same).toBeGreaterThan(10_000);
  });
});

/** Sentences of skewed word frequencies, none repeating a term (word sets): terms past MAX_POSTINGS, exact copies
 * (tied cosines), sentences sharing nothing, and many with more than MAX_NEIGHBOURS near neighbours. */
function sentences(seed: number, n: number): string[][] {
  const r = rng(seed);
  const vocabulary = Array.from({ length: 40 + int(r, 200) }, (_, k) => `w${k}`);
  const out: string[][] = [];
  for (let i = 0; i < n; i++) {
    const roll = r();
    if (i > 0 && roll < 0.1) out.push([...out[int(r, i)]!]);
    else if (roll < 0.15) out.push([`lone${i}`]);
    else if (roll < 0.17) out.push([]);
    else out.push([...new Set(Array.from({ length: 2 + int(r, 14) }, () => vocabulary[Math.floor(r() ** 2 * vocabulary.length)]!))]);
  }
  return out;
}

describe('the LexRank graph over numbered terms and flat postings', () => {
  it('has exactly the neighbours and cosines of the map-based build with a full sort', () => {
    let full = 0;
    let ties = 0;
    for (const seed of [11, 12, 13, 14, 15]) {
      const terms = sentences(seed, 150 + int(rng(seed), 500));
      const expected = graphByMaps(terms);
      const graph = sentenceGraph(terms);
      expect(neighbours(graph)).toEqual(expected);
      // The flat arrays hold the same edges, row by row.
      expect(Array.from({ length: terms.length }, (_, i) => [...graph.to.subarray(graph.first[i], graph.first[i + 1])])).toEqual(expected.map((row) => row.map((e) => e.node)));
      // Numbered any other way (the numbers of shuffled terms), the graph is the same.
      const r = rng(seed + 100);
      const numberOf = new Map<string, number>();
      const shuffled = [...new Set(terms.flat())].sort(() => r() - 0.5);
      shuffled.forEach((w, k) => numberOf.set(w, 3 * k + 1));
      const first = Int32Array.from([0, ...terms.map((t, i) => terms.slice(0, i + 1).flat().length)]);
      const ids = Int32Array.from(terms.flat().map((w) => numberOf.get(w)!));
      expect(neighbours(flatSentenceGraph(first, ids, 3 * shuffled.length + 1))).toEqual(expected);
      full += expected.filter((row) => row.length === MAX_NEIGHBOURS).length;
      ties += expected.filter((row) => row.some((e, k) => k > 0 && e.cosine === row[k - 1]!.cosine)).length;
    }
    expect(full).toBeGreaterThan(50); // the cap was reached: the bounded list was tested where it cuts
    expect(ties).toBeGreaterThan(20); // equal cosines, ordered by index
  });

  it('finds neighbours through a term in exactly MAX_POSTINGS sentences, and none through one in more', () => {
    // Repeat-free sentences (the key points' path, which keeps only the terms the graph can find neighbours by).
    const r = rng(16);
    const vocabulary = Array.from({ length: 40 }, (_, k) => `t${k}`);
    const terms = Array.from({ length: MAX_POSTINGS + 40 }, (_, i) => [...new Set([
      ...(i < MAX_POSTINGS ? ['edge'] : []),
      ...(i <= MAX_POSTINGS ? ['over'] : []),
      ...Array.from({ length: 1 + int(r, 5) }, () => pick(r, vocabulary)),
    ])]);
    const expected = graphByMaps(terms);
    const first = Int32Array.from([0, ...terms.map((t, i) => terms.slice(0, i + 1).flat().length)]);
    const numberOf = new Map<string, number>();
    for (const w of terms.flat()) if (!numberOf.has(w)) numberOf.set(w, numberOf.size);
    const graph = flatSentenceGraph(first, Int32Array.from(terms.flat().map((w) => numberOf.get(w)!)), numberOf.size);
    expect(neighbours(graph)).toEqual(expected);
    // Sentences holding only the common terms besides one rare word meet through "edge" alone.
    expect(expected.slice(0, MAX_POSTINGS).filter((row) => row.length > 0).length).toBeGreaterThan(MAX_POSTINGS / 2);
  });

  it('takes word sets: a sentence repeating a term is refused, not weighed by its count', () => {
    expect(() => sentenceGraph([['port', 'strike'], ['port', 'strike', 'port']])).toThrow(/repeats term/);
  });

  it('ranks, bit for bit, as the power iteration over edge objects', () => {
    for (const seed of [21, 22, 23]) {
      const graph = sentenceGraph(sentences(seed, 400));
      expect(neighbours(graph).filter((row) => row.length === 0).length).toBeGreaterThan(5);
      expect([...lexRank(graph)]).toEqual([...lexRankByObjects(graph)]);
    }
  });
});

describe('scoring shortcuts', () => {
  it('counts the words split at spaces does', () => {
    const r = rng(31);
    for (let k = 0; k < 2000; k++) {
      const text = Array.from({ length: int(r, 12) }, () => pick(r, ['a', 'word', '', ' ', 'x.y', '“q”'])).join(pick(r, [' ', '  ', '']));
      expect(spacedWordCount(text)).toBe(text.split(' ').length);
    }
  });

  it('takes the two highest as a descending sort does, repeats included', () => {
    const r = rng(32);
    for (let k = 0; k < 2000; k++) {
      const xs = Array.from({ length: 1 + int(r, 6) }, () => (r() < 0.3 ? 0 : int(r, 5) * 1.5));
      const sorted = [...xs].sort((x, y) => y - x);
      expect(twoHighest(xs)).toEqual([sorted[0], sorted[1]]);
    }
  });

  it('sums the quoted characters as filtering the overlapping quotes and reducing does', () => {
    const r = rng(33);
    for (let k = 0; k < 2000; k++) {
      const quotes = Array.from({ length: int(r, 6) }, () => { const start = int(r, 100); return { start, end: start + int(r, 40) }; });
      const start = int(r, 100);
      const end = start + int(r, 60);
      expect(quotedChars(quotes, start, end)).toBe(quotes.filter((q) => q.start < end && q.end > start).reduce((n, q) => n + Math.min(q.end, end) - Math.max(q.start, start), 0));
    }
  });

  it('keeps the ids a Set keeps, in its order', () => {
    const r = rng(34);
    for (let k = 0; k < 2000; k++) {
      const mentions = Array.from({ length: int(r, 8) }, () => ({ id: pick(r, ['e1', 'e2', 'e10', 'e3', '']) }));
      expect(distinctIds(mentions)).toEqual([...new Set(mentions.map((m) => m.id))]);
    }
  });

  it('folds a text to one line as the whitespace pattern and trim do, whatever the spaces', () => {
    const r = rng(35);
    const pieces = ['word', 'a', '.', ' ', ' ', ' ', '\n', '\t', '\r\n', '\u00a0', '\u2009', '\u3000', '\ufeff', '\u2028', '\u0085', '\u200b', 'é', '“q”'];
    let folded = 0;
    for (let k = 0; k < 5000; k++) {
      const text = Array.from({ length: int(r, 14) }, () => pick(r, pieces)).join('');
      const expected = text.replace(/\s+/g, ' ').trim();
      expect(oneLine(text)).toBe(expected);
      if (expected === text) folded++;
    }
    expect(folded).toBeGreaterThan(300); // texts already folded, the path that returns the text as it is
  });
});
