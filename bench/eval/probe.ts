// Speed and memory probes, each run in a fresh process by the speed section (so that what the other
// sections left on the heap does not weigh on the garbage collector):
//   node bin/run-ts.mjs bench/eval/probe.ts speed     time analyzeDocuments on the eval news texts
//   node --expose-gc bin/run-ts.mjs bench/eval/probe.ts memory N  live heap after every rule, texts repeated N times
//   node bin/run-ts.mjs bench/eval/probe.ts once N     one analyzeDocuments call over the texts repeated N times
// Each prints one JSON line.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyzeDocuments, RULES } from '../../src/extract/analyze.ts';
import type { SourceDoc } from '../../src/notes/model.ts';
import { MEANTIME_CLUSTERS, readMeantime, readPolnear, resolveEvalDir } from './corpora.ts';
import { evalSourceDoc } from './source-doc.ts';

/** Timed runs, after WARMUP untimed ones: V8 keeps optimising the extractor over its first few runs. */
export const RUNS = 9;
export const WARMUP = 5;

export interface SpeedProbe {
  bytes: number;
  docs: number;
  coldMs: number;
  /** Wall-clock time of each timed run. */
  timesMs: number[];
  /** CPU time of the thread that ran the extraction, each timed run (null where the system does not tell it). */
  threadCpuMs: number[] | null;
  /** CPU time of the whole process a run, V8's garbage-collector and compiler threads included. */
  cpuMsPerRun: number;
}
/** One call over a large corpus in a fresh process: V8's warm-up is paid inside it, as by a one-off run over a large folder. */
export interface OncePass { bytes: number; docs: number; wallMs: number; threadCpuMs: number | null }
export interface MemoryProbe { inputKB: number; docs: number; heapBeforeMB: number; peakHeapMB: number; afterMB: number }

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The eval news texts (MEANTIME clusters, PolNeAR), repeated `times` times as distinct documents. */
export function corpus(times: number): SourceDoc[] {
  const ctx = { evalDir: resolveEvalDir(projectRoot), projectRoot, limit: null };
  const texts = [
    ...MEANTIME_CLUSTERS.flatMap((c) => readMeantime(ctx, c).map((d) => ({ path: d.path, text: d.text, date: d.dct }))),
    ...readPolnear(ctx).map((d) => ({ path: d.path, text: d.text, date: d.date })),
  ];
  return Array.from({ length: times }, (_, r) => texts.map((t, k) => evalSourceDoc(r * texts.length + k, r ? `${r}/${t.path}` : t.path, t.text, t.date))).flat();
}

function timed(run: () => void): number {
  const t0 = performance.now();
  run();
  return performance.now() - t0;
}

/**
 * CPU time this thread has run, in ms (Linux: /proc/thread-self/schedstat, in ns), or null elsewhere.
 * Unlike wall-clock time it does not count the time the thread waited for a core that other programs
 * were using, so it measures the extraction rather than how busy a shared machine is.
 */
function threadCpuMs(): number | null {
  try {
    const ns = Number(readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]);
    return Number.isFinite(ns) && ns > 0 ? ns / 1e6 : null;
  } catch {
    return null;
  }
}

function speed(): SpeedProbe {
  const docs = corpus(1);
  const bytes = docs.reduce((n, d) => n + Buffer.byteLength(d.text, 'utf8'), 0);
  // The first run is what a one-off `briefing build` pays (nothing optimised yet); the target is held to
  // warmed-up runs, which is what a corpus larger than a few hundred KB mostly sees.
  const coldMs = timed(() => analyzeDocuments(docs));
  for (let k = 1; k < WARMUP; k++) analyzeDocuments(docs);
  const cpu0 = process.cpuUsage();
  const timesMs: number[] = [];
  const threadMs: number[] = [];
  for (let k = 0; k < RUNS; k++) {
    const before = threadCpuMs();
    timesMs.push(timed(() => analyzeDocuments(docs)));
    const after = threadCpuMs();
    if (before !== null && after !== null) threadMs.push(after - before);
  }
  const cpu = process.cpuUsage(cpu0);
  return {
    bytes, docs: docs.length, coldMs, timesMs,
    threadCpuMs: threadMs.length === RUNS ? threadMs : null,
    cpuMsPerRun: (cpu.user + cpu.system) / 1000 / RUNS,
  };
}

function once(times: number): OncePass {
  const docs = corpus(times);
  const bytes = docs.reduce((n, d) => n + Buffer.byteLength(d.text, 'utf8'), 0);
  const before = threadCpuMs();
  const wallMs = timed(() => analyzeDocuments(docs));
  const after = threadCpuMs();
  return { bytes, docs: docs.length, wallMs, threadCpuMs: before !== null && after !== null ? after - before : null };
}

function memory(times: number): MemoryProbe {
  const docs = corpus(times);
  const inputKB = docs.reduce((n, d) => n + Buffer.byteLength(d.text, 'utf8'), 0) / 1000;
  // Live heap: collected first when the probe runs with --expose-gc (the speed section starts it so).
  const collect = (globalThis as { gc?: () => void }).gc;
  const heap = () => { collect?.(); return process.memoryUsage().heapUsed / 1e6; };
  const heapBeforeMB = heap();
  let peakHeapMB = heapBeforeMB;
  for (const rule of RULES) {
    const run = rule[1];
    rule[1] = (state) => { run(state); peakHeapMB = Math.max(peakHeapMB, heap()); };
  }
  const out = analyzeDocuments(docs);
  return { inputKB, docs: out.length, heapBeforeMB, peakHeapMB, afterMB: heap() };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [mode, n] = process.argv.slice(2);
  const times = Math.max(1, Number(n ?? 1));
  const result = mode === 'speed' ? speed() : mode === 'memory' ? memory(times) : mode === 'once' ? once(times) : null;
  if (!result) {
    process.stderr.write('usage: node bin/run-ts.mjs bench/eval/probe.ts speed | memory N | once N\n');
    process.exit(2);
  }
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
