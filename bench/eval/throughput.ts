// Speed section: KB/s of one analyzeDocuments call over all the eval news texts (MEANTIME + PolNeAR).

import { analyzeDocuments } from '../../src/extract/analyze.ts';
import type { SourceDoc } from '../../src/notes/model.ts';
import { corpusLabel, MEANTIME_CLUSTERS, POLNEAR_DIR, readMeantime, readPolnear, type EvalContext } from './corpora.ts';
import { evalSourceDoc } from './source-doc.ts';
import type { EvalSection } from './types.ts';

/** 2 MB/s per core, in KB/s (1 KB = 1000 bytes of UTF-8). */
export const THROUGHPUT_TARGET_KBS = 2000;
export const RUNS = 3;

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
  // One untimed run first, so the median compares JIT-compiled runs rather than the cold start.
  analyzeDocuments(docs);
  const cpu0 = process.cpuUsage();
  const times = timeRuns(() => { analyzeDocuments(docs); });
  const cpu = process.cpuUsage(cpu0);
  const ms = median(times);
  const kbs = ms > 0 ? bytes / 1000 / (ms / 1000) : Infinity;
  return {
    title: 'Speed (analyzeDocuments, single-threaded)',
    corpus: [...MEANTIME_CLUSTERS, POLNEAR_DIR].map((c) => corpusLabel(ctx, c)).join(', '),
    metrics: [{
      name: 'throughput KB/s per core', value: kbs, target: THROUGHPUT_TARGET_KBS,
      detail: `${(bytes / 1000).toFixed(0)} KB in ${docs.length} docs; median of ${RUNS} runs after a warm-up ${ms.toFixed(0)} ms (runs ${times.map((t) => t.toFixed(0)).join('/')} ms, cpu ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms total)`,
    }],
    misses: {},
  };
}
