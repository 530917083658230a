// How the synthesis scales: builds invented folders of N articles and prints the time of the sentence
// ranking (candidates, LexRank graph, clustering, MMR) and of the whole notes build. Not a timed test.
// Usage: nice -n 10 node bin/run-ts.mjs bench/synthesis-scale.ts [N…]
import { analyzeDocuments } from '../src/extract/analyze.ts';
import { buildNotes } from '../src/extract/briefing/build.ts';
import { makeContext } from '../src/extract/briefing/context.ts';
import { rankPoints } from '../src/extract/briefing/keypoints.ts';
import { staleDocs } from '../src/extract/briefing/staleness.ts';
import type { SourceDoc } from '../src/notes/model.ts';
import { actors } from '../src/extract/briefing/actors.ts';
import { discrepancies } from '../src/extract/briefing/discrepancies.ts';
import { mergeDuplicates } from '../src/extract/briefing/duplicates.ts';
import { figures } from '../src/extract/briefing/figures.ts';
import { quotes } from '../src/extract/briefing/quotes.ts';
import { timeline } from '../src/extract/briefing/timeline.ts';
import { trends } from '../src/extract/briefing/trends.ts';

const PLACES = ['Avalon', 'Kessel', 'Dalmar', 'Marivia', 'Tessa', 'Corvo', 'Port Salla', 'Arden'];
const PEOPLE = ['Maria Lenz', 'Omar Reyes', 'Ana Belmonte', 'Tom Hale', 'Lena Hart', 'Ivo Brand'];
const VERBS = ['met', 'criticised', 'praised', 'visited', 'warned', 'thanked'];
const THINGS = ['the harbour board', 'the dock union', 'the relief agency', 'the coastal council', 'the river authority'];

/** A deterministic pseudo-random article of about 12 sentences. */
function article(k: number): SourceDoc {
  let seed = k * 7919 + 13;
  const pick = <T>(xs: readonly T[]): T => { seed = (seed * 1103515245 + 12345) % 2147483648; return xs[seed % xs.length]!; };
  const sentences = Array.from({ length: 12 }, (_, j) =>
    `${pick(PEOPLE)} ${pick(VERBS)} ${pick(THINGS)} in ${pick(PLACES)} on Monday after ${10 + ((k + j) % 90)} people were killed in storm number ${k % 500}.`);
  const text = sentences.join(' ');
  const day = String(1 + (k % 28)).padStart(2, '0');
  return { id: `s${k + 1}`, path: `bench/${k}.txt`, raw: text, text, meta: { title: null, date: `2030-05-${day}`, dateSource: 'explicit', dateEvidence: null, outlet: null, author: null, url: null }, flags: [], cleaning: [] };
}

const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
for (const n of sizes.length ? sizes : [1000, 3000, 10000]) {
  const docs = Array.from({ length: n }, (_, k) => article(k));
  let t = performance.now();
  const analyses = analyzeDocuments(docs);
  const analyse = performance.now() - t;
  t = performance.now();
  const ctx = makeContext(docs, analyses);
  rankPoints(ctx, staleDocs(ctx));
  const rank = performance.now() - t;
  const stages: Array<[string, () => unknown]> = [
    ['duplicates', () => mergeDuplicates(docs, analyses)], ['actors', () => actors(ctx)], ['timeline', () => timeline(ctx)],
    ['quotes', () => quotes(ctx)], ['figures', () => figures(ctx)], ['trends', () => trends(ctx)], ['discrepancies', () => discrepancies(ctx)],
  ];
  // STAGES=0: ranking only (the other rules are not all near-linear yet; see the report).
  const times = process.env.STAGES === '0' ? [] : stages.map(([name, run]) => { const t0 = performance.now(); run(); return `${name} ${((performance.now() - t0) / 1000).toFixed(2)} s`; });
  t = performance.now();
  if (process.env.STAGES !== '0') buildNotes(docs, analyses, { inputs: ['bench'] });
  const build = performance.now() - t;
  console.log(`${n} articles: analysis ${(analyse / 1000).toFixed(1)} s; ranking (context, stale, LexRank, clusters, MMR) ${(rank / 1000).toFixed(2)} s; whole notes build ${(build / 1000).toFixed(1)} s; ${times.join(', ')}`);
}
