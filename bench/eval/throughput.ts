// Speed section: KB/s of one analyzeDocuments call over all the eval news texts (MEANTIME + PolNeAR).

import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { analyzeDocuments } from '../../src/extract/analyze.ts';
import type { SourceDoc } from '../../src/notes/model.ts';
import { corpusLabel, MEANTIME_CLUSTERS, POLNEAR_DIR, readMeantime, readPolnear, type EvalContext } from './corpora.ts';
import { evalSourceDoc } from './source-doc.ts';
import type { EvalSection } from './types.ts';

/** 2 MB/s per core, in KB/s (1 KB = 1000 bytes of UTF-8). */
export const THROUGHPUT_TARGET_KBS = 2000;
/** Timed runs, after WARMUP untimed ones: V8 keeps optimising the extractor over its first few runs. */
export const RUNS = 9;
export const WARMUP = 4;
/** Corpus multiples the memory probe compares (each in a fresh process). */
const MEMORY_TIMES = [1, 4];

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Time `run` RUNS times (wall clock, ms); the extractor is single-threaded, so wall time is one core's time. */
export function timeRuns(run: () => void, runs = RUNS): number[] {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    run();
    times.push(performance.now() - t0);
  }
  return times;
}

export function evaluateThroughput(ctx: EvalContext): EvalSection {
  const texts = [
    ...MEANTIME_CLUSTERS.flatMap((c) => readMeantime(ctx, c).map((d) => ({ path: d.path, text: d.text, date: d.dct }))),
    ...readPolnear(ctx).map((d) => ({ path: d.path, text: d.text, date: d.date })),
  ];
  const docs: SourceDoc[] = texts.map((t, k) => evalSourceDoc(k, t.path, t.text, t.date));
  const bytes = docs.reduce((n, d) => n + Buffer.byteLength(d.text, 'utf8'), 0);
  // The first run is what a one-off `briefing build` pays (a cold process, nothing optimised yet); the
  // target is measured on warmed-up runs, which is what any corpus larger than a few hundred KB sees.
  const [cold] = timeRuns(() => { analyzeDocuments(docs); }, 1);
  timeRuns(() => { analyzeDocuments(docs); }, WARMUP - 1);
  const cpu0 = process.cpuUsage();
  const times = timeRuns(() => { analyzeDocuments(docs); });
  const cpu = process.cpuUsage(cpu0);
  const ms = median(times);
  const kbs = (t: number) => (t > 0 ? bytes / 1000 / (t / 1000) : Infinity);
  const memory = MEMORY_TIMES.map((n) => probeMemory(ctx, n));
  return {
    title: 'Speed (analyzeDocuments, single-threaded)',
    corpus: [...MEANTIME_CLUSTERS, POLNEAR_DIR].map((c) => corpusLabel(ctx, c)).join(', '),
    metrics: [
      {
        name: 'throughput KB/s per core', value: kbs(ms), target: THROUGHPUT_TARGET_KBS,
        detail: `${(bytes / 1000).toFixed(0)} KB in ${docs.length} docs; median of ${RUNS} runs after ${WARMUP} untimed ${ms.toFixed(0)} ms (runs ${times.map((t) => t.toFixed(0)).join('/')} ms, process cpu incl. GC threads ${((cpu.user + cpu.system) / 1000 / RUNS).toFixed(0)} ms a run)`,
      },
      { name: 'first run in a fresh process, KB/s', value: kbs(cold!), detail: `${cold!.toFixed(0)} ms, before V8 has optimised anything` },
      ...memory.map((m, k) => ({
        name: `heap per KB of text, corpus ×${MEMORY_TIMES[k]}`, value: m ? (m.peakHeapMB - m.heapBeforeMB) * 1000 / m.inputKB : Number.NaN,
        detail: m ? `${m.inputKB.toFixed(0)} KB in ${m.docs} docs: heap ${m.heapBeforeMB.toFixed(0)} MB before, peak ${m.peakHeapMB.toFixed(0)} MB (sampled after each rule), ${m.afterMB.toFixed(0)} MB with the results; KB of heap per KB of text` : 'probe failed (see stderr)',
      })),
    ],
    misses: {},
  };
}

interface MemoryProbe { inputKB: number; docs: number; heapBeforeMB: number; peakHeapMB: number; afterMB: number }

/** Run bench/eval/memory.ts in a fresh process on the corpus repeated `times` times. */
function probeMemory(ctx: EvalContext, times: number): MemoryProbe | null {
  const script = path.join(ctx.projectRoot, 'bench', 'eval', 'memory.ts');
  const run = spawnSync(process.execPath, [path.join(ctx.projectRoot, 'bin', 'run-ts.mjs'), script, String(times)], {
    encoding: 'utf8', env: { ...process.env, BRIEFING_EVAL_DIR: ctx.evalDir }, maxBuffer: 1 << 20,
  });
  if (run.status !== 0) { process.stderr.write(run.stderr); return null; }
  return JSON.parse(run.stdout.trim().split('\n').pop()!) as MemoryProbe;
}
