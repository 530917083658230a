// Extraction on worker threads: the per-document rules run in a pool give the same analyses, byte for byte,
// as one thread; and the build's notes are the same with BRIEFING_WORKERS=1 and 2.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeDocuments, PER_DOCUMENT_RULES } from '../src/extract/analyze.ts';
import { analyzeDocumentsParallel, readSourcesParallel } from '../src/ingest/parallel.ts';

const PEOPLE = ['Marta Vell', 'Osric Dane', 'Lena Torvik', 'Pavel Ancik', 'Ida Sorn', 'Tomas Reyl'];
const ORGS = ['the Harbour Board', 'the Northern Rail Company', 'the Kelvane Council', 'the Coast Guard'];
const PLACES = ['Kelvane', 'Port Ansel', 'Oskel', 'Tolven'];
const MONTHS = ['March', 'April', 'May', 'June'];

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
    const two = await analyzeDocumentsParallel(docs, {}, 2, 50);
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

  it('names each per-document rule once', () => {
    const names = PER_DOCUMENT_RULES.map(([n]) => n);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(['dates', 'figures', 'figure-owners', 'quotes', 'alignments']);
  });
});
