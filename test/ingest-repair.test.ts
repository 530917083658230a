// Damaged text: detection (lower-cased, unpunctuated, cut-off start) and same-length repair, with the
// casing learned from the other, well-formed documents of the same run, and split contractions ("he s").
import { describe, expect, it } from 'vitest';
import { contractionEdits, detectDamage, isLowercased, isUnpunctuated, learnCasing, partialFirstWord, repairDegraded, truecaseEdits, vocabularyOf } from '../src/ingest/repair/index.ts';
import { applyEdits } from '../src/ingest/edits.ts';
import type { SourceDoc } from '../src/notes/model.ts';

const wellFormed = [
  'Storms hit the coast on Monday. Officials in Port Lerwick said the harbour was closed, and the Coast Guard rescued two fishermen.',
  'The harbour master, Ingrid Sorensen, said the Coast Guard had acted fast. "We were lucky," Sorensen told reporters in Port Lerwick.',
  'Sorensen said the US and Norway had sent ships. The storm left the island without power, and the Met Office warned of more wind for us all.',
];
const damaged = 'ficials in port lerwick said the harbour was closed after storms hit the coast and the coast guard rescued two fishermen ingrid sorensen said the us and norway had sent ships i think we were lucky she said the met office warned of more wind for us all on the island';

function doc(id: string, text: string): SourceDoc {
  return {
    id, path: `${id}.txt`, raw: text, text,
    meta: { title: null, date: null, dateSource: 'unknown', dateEvidence: null, outlet: null, author: null, url: null },
    flags: ['undated'], cleaning: [],
  };
}

describe('detection', () => {
  it('tells lower-cased and unpunctuated text from ordinary prose', () => {
    expect(isLowercased(damaged)).toBe(true);
    expect(isUnpunctuated(damaged)).toBe(true);
    const prose = wellFormed.join(' ');
    expect(isLowercased(prose)).toBe(false);
    expect(isUnpunctuated(prose.repeat(2))).toBe(false);
  });

  it('does not judge texts too short to tell', () => {
    expect(isLowercased('a short note')).toBe(false);
    expect(isUnpunctuated('a short note without any stop')).toBe(false);
  });

  it('finds a cut-off first word only when it is the tail of a known word', () => {
    const vocab = vocabularyOf(['officials', 'harbour']);
    expect(partialFirstWord(damaged, vocab)).toEqual({ start: 0, end: 7, text: 'ficials' });
    // Whole words, even rare ones, are left alone in a lower-cased text.
    expect(partialFirstWord(damaged.replace('ficials', 'gulls'), vocab)).toBeNull();
    expect(partialFirstWord(damaged.replace('ficials', 'the'), vocab)).toBeNull();
    // A well-cased text that starts in lower case with no known word is cut.
    expect(partialFirstWord('nder the bridge. The storm passed on Monday.', vocabularyOf([]))).toMatchObject({ text: 'nder' });
    expect(partialFirstWord('Officials said the harbour was closed.', vocab)).toBeNull();
  });

  it('reports all three kinds', () => {
    expect(detectDamage(damaged, vocabularyOf(['officials']))).toMatchObject({ lowercase: true, unpunctuated: true, partialFirstWord: { text: 'ficials' } });
  });
});

describe('truecasing', () => {
  const fixed = () => applyEdits(damaged, truecaseEdits(damaged, learnCasing(wellFormed)));

  it('restores names as the other documents write them, one character for one', () => {
    const out = fixed();
    expect(out.length).toBe(damaged.length);
    expect(out.toLowerCase()).toBe(damaged);
    for (const name of ['Port Lerwick', 'Ingrid Sorensen', 'Coast Guard', 'Norway', 'Met Office']) expect(out).toContain(name);
  });

  it('capitalises "i" standing alone, and a common word only when its neighbour confirms it', () => {
    const out = fixed();
    expect(out).toContain(' I think ');
    expect(out).toContain('the US and Norway');
    expect(out).toContain('wind for us all');
    expect(out).toContain('the island');
  });

  it('learns nothing from sentence-initial capitals or from a word only ever inside a longer name', () => {
    const table = learnCasing(['Storms hit. Harbour staff went home. The Washington Times reported it.']);
    const out = applyEdits('storms hit the harbour many times', truecaseEdits('storms hit the harbour many times', table));
    expect(out).toBe('storms hit the harbour many times');
  });

  it('leaves single letters alone unless they stand alone in the teachers', () => {
    const table = learnCasing(['He lives in the U.S. and works for the U.N. in New York.']);
    expect(applyEdits('the u s and the u n', truecaseEdits('the u s and the u n', table))).toBe('the u s and the u n');
  });
});

describe('repairDegraded', () => {
  const docs = [...wellFormed.map((t, k) => doc(`s${k + 1}`, t)), doc('s4', damaged)];

  it('flags, truecases and blanks the cut word of the damaged document only', () => {
    const out = repairDegraded(docs);
    expect(out.slice(0, 3)).toEqual(docs.slice(0, 3));
    const d = out[3]!;
    expect(d.flags).toEqual(['degraded', 'lowercase', 'truncated-start', 'undated', 'unpunctuated']);
    expect(d.text.length).toBe(d.raw.length);
    expect(d.text.startsWith('        in Port Lerwick')).toBe(true);
    expect(d.cleaning[0]).toMatchObject({ rule: 'partial-first-word', start: 0, end: 7 });
    expect(d.cleaning.some((s) => s.rule === 'truecase')).toBe(true);
    const starts = d.cleaning.map((s) => s.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });

  it('is pure and idempotent', () => {
    const before = JSON.stringify(docs);
    const once = repairDegraded(docs);
    expect(JSON.stringify(docs)).toBe(before);
    expect(repairDegraded(once)).toEqual(once);
  });

  it('does not learn a lower-cased document from itself', () => {
    const alone = repairDegraded([doc('s1', damaged)])[0]!;
    expect(alone.flags).toContain('lowercase');
    expect(alone.text).not.toContain('Lerwick');
    expect(alone.text).toContain(' I think ');
  });

  it('keeps offsets: every word is where it was in raw', () => {
    const d = repairDegraded(docs)[3]!;
    for (const m of d.text.matchAll(/\p{L}+/gu)) expect(d.raw.slice(m.index, m.index + m[0].length).toLowerCase()).toBe(m[0].toLowerCase());
  });
});

describe('split contractions', () => {
  it('puts the apostrophe back in the space, one character for one', () => {
    const text = 'he s sure the mayor don t know what the harbour s owners want and we re told they ve gone';
    const fixed = applyEdits(text, contractionEdits(text));
    expect(fixed).toBe("he's sure the mayor don't know what the harbour's owners want and we're told they've gone");
    expect(fixed.length).toBe(text.length);
  });

  it('leaves letters that are not a split contraction alone', () => {
    // "u s" is an abbreviation that cannot be written back at the same length; "a s" and "cans t" are no contractions.
    const text = 'the u s fleet and a s in the grade list and cans t here';
    expect(contractionEdits(text)).toEqual([]);
  });

  it('is part of the repair of a damaged source, recorded as a step, offsets unchanged', () => {
    const text = `${damaged} and the harbour master said he s not sure the coast guard s ships can stay`;
    const [out] = repairDegraded([doc('d1', text), ...wellFormed.map((t, k) => doc(`w${k}`, t))]);
    expect(out!.text).toContain("he's not sure the Coast Guard's ships");
    expect(out!.text.length).toBe(text.length);
    expect(out!.cleaning.filter((s) => s.rule === 'contraction').length).toBe(2);
  });
});
