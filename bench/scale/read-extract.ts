// The build's read and extract stages alone, on one folder: `--steps` times each step in this thread
// (reading files, repair, duplicates, each extraction rule) in wall and CPU seconds, so a step that grows
// faster than the corpus shows even on a busy shared host; without it, the two stages as `briefing build`
// runs them (worker pool); with `--read`, the read stage alone. Prints heap/RSS after each (and the peak RSS
// so far, workers included) and a hash of the results, to compare two trees.
// Usage: node bin/run-ts.mjs bench/scale/read-extract.ts DIR [--steps | --read] [--workers N]
import { createHash } from 'node:crypto';
import type { DocumentAnalysis } from '../../src/extract/analysis.ts';
import { RULES } from '../../src/extract/analyze.ts';
import { findDuplicates } from '../../src/ingest/duplicates.ts';
import { loadSources } from '../../src/ingest/load.ts';
import { analyzeDocumentsParallel, workerCount } from '../../src/ingest/parallel.ts';
import { collectFiles, readOne, type Accepted } from '../../src/ingest/read.ts';
import { repairDegraded } from '../../src/ingest/repair/index.ts';
import type { Diagnostic } from '../../src/errors.ts';

const dir = process.argv[2]!;
const k = process.argv.indexOf('--workers');
const workers = k > 0 ? Number(process.argv[k + 1]) : workerCount();
const mb = (x: number) => (x / 1048576).toFixed(0);
const mem = () => { const m = process.memoryUsage(); return `heap ${mb(m.heapUsed)} MB, rss ${mb(m.rss)} MB, peak ${mb(process.resourceUsage().maxRSS * 1024)} MB`; };
const hash = (x: unknown) => createHash('sha256').update(JSON.stringify(x)).digest('hex').slice(0, 12);

/** Runs f, printing its wall and CPU seconds (CPU of the whole process: run with one worker for a step's own). */
async function step<T>(name: string, f: () => T | Promise<T>): Promise<T> {
  const t = performance.now();
  const c = process.cpuUsage();
  const r = await f();
  const cpu = process.cpuUsage(c);
  console.log(`${name.padEnd(24)} wall ${((performance.now() - t) / 1000).toFixed(2).padStart(6)} s  cpu ${((cpu.user + cpu.system) / 1e6).toFixed(2).padStart(6)} s  (${mem()})`);
  return r;
}

if (process.argv.includes('--steps')) {
  const diagnostics: Diagnostic[] = [];
  const accepted = await step('read files', async () => {
    const out: Accepted[] = [];
    for (const f of await collectFiles([dir], process.cwd())) out.push(...(await readOne(f.abs, f.shown, 20 << 20, diagnostics)));
    return out;
  });
  const docs = await step('repair', () => repairDegraded(accepted.map((d, n) => ({ id: `s${n + 1}`, ...d }))));
  await step('duplicates', () => findDuplicates(docs));
  const state = {
    docs, options: {}, candidates: [], roles: new Map(),
    out: docs.map((doc): DocumentAnalysis => ({ id: doc.id, path: doc.path, meta: doc.meta, flags: doc.flags, sentences: [], entities: [], dates: [], quotes: [], figures: [], alignments: [], cleaning: doc.cleaning })),
  };
  for (const [name, run] of RULES) await step(`extract: ${name}`, () => run(state as never));
  console.log(`analyses ${hash(state.out)}`);
} else {
  const loaded = await step('read', () => loadSources([dir]));
  console.log(`read result ${hash(loaded)}`);
  if (process.argv.includes('--read')) process.exit(0);
  const analyses = await step('extract', () => analyzeDocumentsParallel(loaded.docs, {}, workers));
  console.log(`analyses ${hash(analyses)}`);
}
