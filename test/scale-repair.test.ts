// Scale: repair's casing table learns only the words and pairs the damaged texts look up, and the truecasing
// it gives is the same as with a table of every word; the cut-off first word test, asking only about the few
// words that open a text in lower case, gives what a table of every other source's words gives; the
// early-stopping hash overlap test answers as a full count.
import { describe, expect, it } from 'vitest';
import type { SourceDoc } from '../src/notes/model.ts';
import { setSize, sharedCount, sharedIfAtLeast, shingleSet, type ShingleSet } from '../src/ingest/duplicate-index.ts';
import { casingKeys, learnCasing, truecaseEdits } from '../src/ingest/repair/casing.ts';
import { detectDamage, isUnpunctuated, partialFirstWord, repairDegraded, vocabularyOf, wordsSeen } from '../src/ingest/repair/index.ts';
import { wordCount } from '../src/ingest/clean/lines.ts';

const teachers = [
  'Yesterday the Harbour Board met in Kelvane. Officials of the Harbour Board said the Tarn Bridge was shut.',
  'In Kelvane, Mayor Ossa Brin said the bridge would reopen. The Tarn Bridge carries most freight to the Coast Road.',
  'Rain fell on the Coast Road again. Brin told the Northern Ledger that repairs would take a week.',
];
const damaged = 'the harbour board said mayor ossa brin would visit kelvane and the tarn bridge on monday';

describe('casing table limited to the damaged texts', () => {
  const keys = casingKeys([damaged]);
  const full = learnCasing(teachers);
  const only = learnCasing(teachers, keys);

  it('keeps only keys the damaged text has', () => {
    expect(only.words.size).toBeGreaterThan(0);
    expect(only.pairs.size).toBeGreaterThan(0);
    for (const w of only.words.keys()) expect(keys.words.has(w)).toBe(true);
    for (const w of only.heads.keys()) expect(keys.words.has(w)).toBe(true);
    for (const p of only.pairs.keys()) expect(keys.pairs.has(p)).toBe(true);
    // The full table has what the damaged text never asks for ("rain", "freight").
    expect(full.words.has('freight')).toBe(true);
    expect(only.words.has('freight')).toBe(false);
  });

  it('truecases the damaged text exactly as a table of every word does', () => {
    const edits = truecaseEdits(damaged, only);
    expect(edits.map((e) => e.replacement)).toContain('Kelvane');
    expect(edits).toEqual(truecaseEdits(damaged, full));
  });
});

describe('sharedIfAtLeast', () => {
  it('answers as a full count of shared hashes would, for every threshold', () => {
    let seed = 7;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0);
    for (let round = 0; round < 50; round++) {
      // Sets of one-word shingles: the words drawn from one pool, so their overlap is known.
      const pool = Array.from({ length: 40 }, () => `w${next() % 1000}`);
      const pick = () => pool.filter(() => next() % 3 !== 0);
      const [wa, wb] = [pick(), pick()];
      const [a, b] = [shingleSet(wa.join(' '), 1), shingleSet(wb.join(' '), 1)];
      const shared = new Set(wa.filter((w) => wb.includes(w))).size;
      for (let need = 0; need <= setSize(a) + 1; need++) {
        const found = sharedIfAtLeast(a, b, need);
        // The exact count whenever it reaches `need`; below `need` (any number) whenever it does not.
        if (shared >= need) expect(found).toBe(shared); else expect(found).toBeLessThan(need);
      }
    }
  });

  it('counts as the plain merge does on hashes whose high halves collide (ties broken by the low half)', () => {
    let seed = 99;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0);
    // Sorted sets of (hi, lo) pairs from tiny ranges, so most high halves tie and many pairs tie in both.
    const randomSet = (): ShingleSet => {
      const keys = new Set<number>();
      const n = (next() >>> 16) % 30;
      for (let k = 0; k < n; k++) keys.add(((next() >>> 16) % 6) * 8 + ((next() >>> 16) % 8));
      const values = new BigUint64Array([...keys].map((v) => (BigInt(v >> 3) << 32n) | BigInt(v & 7)));
      return new Uint32Array(values.sort().buffer);
    };
    let reached = 0;
    for (let round = 0; round < 400; round++) {
      const [a, b] = [randomSet(), randomSet()];
      const shared = sharedCount(a, b);
      for (let need = 0; need <= Math.min(setSize(a), setSize(b)) + 1; need++) {
        const found = sharedIfAtLeast(a, b, need);
        if (shared >= need) { expect(found).toBe(shared); reached++; } else expect(found).toBeLessThan(need);
      }
    }
    expect(reached).toBeGreaterThan(1000);
  });
});

describe('cut-off first words against the plain table of every other source\'s words', () => {
  // Invented sources: some open in the middle of a word that another source has whole ("nistration" of
  // "administration", "bour" of "harbour"), some with a word another source uses ("kelvane"), some with a
  // word only they use, one with the same opening word as another source.
  const texts = [
    'The administration said the harbour in Kelvane would reopen. Officials agreed on Monday.',
    'nistration officials met in the harbour town. The mayor said little.',
    'kelvane ferries ran late again. Crews blamed the storm.',
    'bour workers walked out. The strike ended at noon.',
    'zorvath rules were read out. Nobody objected.',
    'zorvath was named again. The board met at dawn.',
    'quellicks said the port was open. Traders left early.',
    'Trade resumed after the storm. Harbour crews worked through the night.',
    '  nistration staff, as before, said nothing. Reporters waited.',
    // Lower-cased throughout: cut only when the opening is the tail of a longer word some source has.
    'rbour crews in the north were told to wait and the ferries stayed in port while the storm went on for days and nobody could say when it would end or who would pay for the damage to the quays',
    'gulls crews in the north were told to wait and the ferries stayed in port while the storm went on for days and nobody could say when it would end or who would pay for the damage to the quays',
  ];
  const docs: SourceDoc[] = texts.map((text, k) => ({
    id: `s${k + 1}`, path: `n${k}.txt`, raw: text, text, flags: [], cleaning: [],
    meta: { title: null, date: '2024-03-01', outlet: null, author: null, url: null, language: null },
  } as unknown as SourceDoc));
  const words = texts.map((t) => new Set((t.match(/\p{L}+/gu) ?? []).map((w) => w.toLowerCase())));
  const plainOthers = (k: number) => vocabularyOf(words.flatMap((w, j) => (j === k ? [] : [...w])));

  it('flags the same sources as the plain loop, and some of each kind', () => {
    const expected = texts.map((t, k) => partialFirstWord(t, plainOthers(k)));
    const got = repairDegraded(docs).map((d) => d.cleaning.find((c) => c.rule === 'partial-first-word') ?? null);
    expect(got.map((c) => c !== null)).toEqual(expected.map((e) => e !== null));
    expect(got.map((c) => c && [c.start, c.end])).toEqual(expected.map((e) => e && [e.start, e.end]));
    // Cut words found (tails of a longer word of another source), and openings left alone (a word another source uses, a word of its own).
    expect(expected.filter(Boolean).map((e) => e!.text).sort()).toEqual(['bour', 'quellicks', 'rbour']);
    for (const k of [2, 4, 5, 8, 10]) expect(expected[k]).toBeNull();
  });

  it('wordsSeen notes the sources using each asked word and the longer words ending with it', () => {
    const seen = wordsSeen(texts, new Set(['nistration', 'kelvane', 'zorvath', 'bour']));
    expect(seen.get('kelvane')).toEqual({ docs: [0, 2], longer: false });
    expect(seen.get('nistration')).toEqual({ docs: [1, 8], longer: true });
    expect(seen.get('zorvath')).toEqual({ docs: [4, 5], longer: false });
    expect(seen.get('bour')!.longer).toBe(true);
  });

  it('answers isUnpunctuated as the word count does, with or without the early answer', () => {
    const plain = (t: string) => { const w = wordCount(t); return w >= 40 && (((t.match(/[.!?…](?=["'”’)\]]*(?:\s|$))/g)?.length ?? 0) * 100) / w < 1); };
    const long = 'the harbour board met again and said the bridge would stay shut for the winter while crews worked '.repeat(5);
    for (const t of [long, `${long}.`, long.replace(/ /g, '. '), 'a b c. d', '', texts.join(' ')]) expect(isUnpunctuated(t)).toBe(plain(t));
    expect(detectDamage(long, vocabularyOf([])).unpunctuated).toBe(true);
  });
});
