// Extraction on worker threads: sentences, casing counts and names read part by part, and the per-document
// rules, run in a pool give the same analyses, byte for byte, as one thread; the casing counts of several
// learners add up to what one learner counts; small folders and one worker stay in this thread.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeDocuments, namesOfChunk, PER_DOCUMENT_RULES, readChunk } from '../src/extract/analyze.ts';
import { PartWork } from '../src/extract/part-work.ts';
import { CasingTally, CommonWordsLearner } from '../src/extract/rules/entities/casing.ts';
import { analyzeDocumentsParallel, CORPUS_RULES_ROUND, MIN_CHARS_PER_WORKER, readSourcesParallel } from '../src/ingest/parallel.ts';
import { rng } from '../bench/scale/corpus.ts';
import { docFrom } from './helpers/docs.ts';

const PEOPLE = ['Marta Vell', 'Osric Dane', 'Lena Torvik', 'Pavel Ancik', 'Ida Sorn', 'Tomas Reyl'];
const ORGS = ['the Harbour Board', 'the Northern Rail Company', 'the Kelvane Council', 'the Coast Guard'];
const PLACES = ['Kelvane', 'Port Ansel', 'Oskel', 'Tolven'];
const MONTHS = ['March', 'April', 'May', 'June'];
const BOATS = ['trawlers', 'yachts', 'barges', 'tugs', 'ferries', 'dinghies', 'tankers', 'coasters', 'schooners', 'launches'];

/** An invented news article with names, dates, figures, quotes and alignments, varied by `k`. */
function article(k: number): string {
  const p = (xs: string[], s: number) => xs[(k * 7 + s * 3) % xs.length]!;
  const [a, b] = [p(PEOPLE, 1), p(PEOPLE, 2 + (k % 3))];
  return [
    `${p(PLACES, 1)} closes its port after the storm`,
    `date 2024-0${3 + (k % 4)}-1${k % 9}`,
    '',
    `${p(PLACES, 1)}, ${p(MONTHS, 2)} ${10 + (k % 15)}, 2024 — ${a}, the chair of ${p(ORGS, 3)}, said on Tuesday that ${200 + k} workers had been sent home.`,
    `"We will reopen when it is safe," ${a} said. ${b}, 54, a spokesman for ${p(ORGS, 4)}, said the damage cost $${3 + (k % 5)} million.`,
    `${p(ORGS, 5)} backs ${a}, while ${b} opposes the plan. Last week ${p(PLACES, 6)} reported ${k % 40} per cent fewer ships.`,
    `The council will meet again on ${p(MONTHS, 7)} 3, officials said.`,
  ].join('\n');
}

describe('extraction on worker threads', () => {
  it('gives the same analyses as one thread', async () => {
    const dir = path.resolve(import.meta.dirname, '.tmp/parallel-extract');
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    for (let k = 0; k < 150; k++) fs.writeFileSync(path.join(dir, `a${String(k).padStart(3, '0')}.txt`), article(k));
    const { docs } = await readSourcesParallel([dir], { cwd: dir }, 1);
    const one = analyzeDocuments(docs);
    const two = await analyzeDocumentsParallel(docs, {}, 2, 1000);
    // The per-document rules found something in every source, so the comparison means something.
    for (const a of one) {
      expect(a.dates.length).toBeGreaterThan(0);
      expect(a.figures.length).toBeGreaterThan(0);
      expect(a.quotes.length).toBeGreaterThan(0);
    }
    expect(one.some((a) => a.alignments.length > 0)).toBe(true);
    expect(one.some((a) => a.figures.some((f) => f.entityId !== null))).toBe(true);
    expect(JSON.stringify(two)).toBe(JSON.stringify(one));
  }, 120_000);

  it('gives the same analyses with degraded and unpunctuated sources, and tokens past the budget', async () => {
    // Degraded sources (lower-cased: their names are read with what the others name) and unpunctuated ones
    // (sentences from the word model) among well-formed ones, and a token budget most parts exceed.
    const docs = Array.from({ length: 130 }, (_, k) => {
      const text = article(k);
      // Half its lines lower-cased, and places in lower case the gazetteer knows.
      const damaged = text.split('\n').map((l, i) => (i % 2 ? l.toLowerCase() : l)).join('\n') + '\nofficials met in oslo and cairo.';
      if (k % 9 === 4) return docFrom(`s${k + 1}`, damaged, { flags: ['degraded'] });
      if (k % 11 === 5) return docFrom(`s${k + 1}`, text.replace(/[.,]/g, ''), { flags: ['unpunctuated'] });
      return docFrom(`s${k + 1}`, text, { date: `2024-04-${String(1 + (k % 28)).padStart(2, '0')}` });
    });
    // Undated reports of events other sources date (inferred dates: clues found on the workers, matched here).
    for (let j = 0; j < 10; j++) {
      const event = (when: string) => `The gale closed the ${PLACES[j % 4]} ferry terminal ${when}, and ${20 + j} ${BOATS[j]} sheltered behind the ${['north', 'south'][j % 2]} breakwater.`;
      docs.push(docFrom(`s${docs.length + 1}`, `${article(j)}\n${event(`on May ${3 + j}, 2024`)}`, { date: '2024-05-20' }));
      docs.push(docFrom(`s${docs.length + 1}`, `${event('yesterday')}\nOfficials gave no figure for the damage.`));
    }
    // A default date: the undated sources' per-document rules wait for the inferred dates, then take it or theirs.
    for (const options of [{}, { packedTokensBudget: 500 }, { defaultDate: '2024-06-01' }]) {
      const one = analyzeDocuments(docs, options);
      const degraded = one.filter((a, k) => docs[k]!.flags.includes('degraded'));
      expect(degraded.length).toBeGreaterThan(10);
      expect(degraded.every((a) => a.entities.some((e) => e.text === 'oslo'))).toBe(true);
      expect(one.filter((a, k) => docs[k]!.flags.includes('unpunctuated')).every((a) => a.sentences.length > 1)).toBe(true);
      expect(one.filter((a) => a.meta.dateSource === 'inferred').length).toBeGreaterThan(5);
      expect(JSON.stringify(await analyzeDocumentsParallel(docs, options, 2, 1000))).toBe(JSON.stringify(one));
    }
  }, 120_000);

  it('tells of the corpus-wide round once, after it, and a full collection there changes nothing', async () => {
    // `build` collects garbage when it hears CORPUS_RULES_ROUND (the workers collect theirs after their last entity-free part).
    const docs = Array.from({ length: 60 }, (_, k) => docFrom(`s${k + 1}`, article(k), { date: k % 4 ? '2024-05-01' : null }));
    const rounds: string[] = [];
    const gc = (globalThis as { gc?: () => void }).gc;
    const two = await analyzeDocumentsParallel(docs, { onRound: (r) => { rounds.push(r); if (r === CORPUS_RULES_ROUND) gc?.(); } }, 2, 1000);
    expect(rounds.filter((r) => r === CORPUS_RULES_ROUND)).toHaveLength(1);
    // Heard after the names, before the per-document round ends.
    expect(rounds.indexOf(CORPUS_RULES_ROUND)).toBeGreaterThan(rounds.indexOf('names'));
    expect(rounds.indexOf(CORPUS_RULES_ROUND)).toBeLessThan(rounds.indexOf('per-document rules'));
    expect(JSON.stringify(two)).toBe(JSON.stringify(analyzeDocuments(docs)));
  }, 120_000);

  it("gives a part's first round once, and the same names whether its tokens were kept or are read again", () => {
    const docs = Array.from({ length: 12 }, (_, k) => docFrom(`s${k + 1}`, article(k)));
    const chunk = docs.map((d) => ({ text: d.text, flags: d.flags, meta: d.meta }));
    const plain = readChunk(chunk);
    const part = new PartWork(chunk, 1_000_000);
    expect(part.keptTokens).toBe(plain.tokens.reduce((n, t) => n + (t?.length ?? 0), 0));
    expect(part.keptTokens).toBeGreaterThan(0);
    const read = part.takeRead();
    expect(JSON.stringify(read)).toBe(JSON.stringify({ sentences: plain.sentences, casing: plain.casing, clues: plain.clues }));
    expect(() => part.takeRead()).toThrow();
    const learner = new CommonWordsLearner();
    for (const d of chunk) learner.read(d.text, true);
    const common = learner.commonWords();
    const expected = JSON.stringify(namesOfChunk(chunk.map((d, k) => ({ ...d, sentences: plain.sentences[k]! })), common, plain.tokens));
    expect(JSON.parse(expected).flat().length).toBeGreaterThan(20);
    // The first call reads the kept tokens, the second (tokens let go) tokenizes the texts again.
    expect(JSON.stringify(part.names(common))).toBe(expected);
    expect(JSON.stringify(part.names(common))).toBe(expected);
  });

  it('stays in this thread for one worker or a small folder, with the same analyses', async () => {
    const docs = Array.from({ length: 120 }, (_, k) => docFrom(`s${k + 1}`, article(k)));
    expect(docs.reduce((n, d) => n + d.text.length, 0)).toBeLessThan(2 * MIN_CHARS_PER_WORKER);
    const one = JSON.stringify(analyzeDocuments(docs));
    // The default minimum per worker leaves fewer than two workers here, and BRIEFING_WORKERS=1 allows one.
    expect(JSON.stringify(await analyzeDocumentsParallel(docs, {}, 2))).toBe(one);
    expect(JSON.stringify(await analyzeDocumentsParallel(docs, {}, 1, 1))).toBe(one);
  });

  it('decides the same common words from counts added up as one learner reading every text', () => {
    for (let seed = 1; seed <= 10; seed++) {
      const r = rng(seed);
      const words = ['Apple', 'apple', 'Despite', 'despite', 'Harbour', 'harbour', 'Board', 'board', 'NATO', 'the', 'The', 'Said', 'said', 'Port', 'port'];
      const texts = Array.from({ length: 40 }, () => Array.from({ length: 5 + Math.floor(r() * 30) }, (_, k) => words[Math.floor(r() * words.length)]! + (r() < 0.15 ? '.' : k % 7 === 6 ? '\n' : '')).join(' '));
      const teaches = texts.map(() => r() < 0.8);
      const one = new CommonWordsLearner();
      texts.forEach((t, k) => one.read(t, teaches[k]!));
      const tally = new CasingTally();
      for (let a = 0; a < texts.length;) {
        const b = a + 1 + Math.floor(r() * 10);
        const part = new CommonWordsLearner();
        for (let k = a; k < Math.min(b, texts.length); k++) part.read(texts[k]!, teaches[k]!);
        tally.add(part.counts());
        a = b;
      }
      const expected = one.commonWords();
      expect(expected.size).toBeGreaterThan(0);
      expect([...tally.commonWords()].sort()).toEqual([...expected].sort());
    }
  });

  it('names each per-document rule once', () => {
    const names = PER_DOCUMENT_RULES.map(([n]) => n);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(['dates', 'figures', 'figure-owners', 'quotes', 'alignments']);
  });
});
