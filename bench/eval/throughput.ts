// Speed section: KB/s of one analyzeDocuments call over all the eval news texts (MEANTIME + PolNeAR).

import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { RUNS, WARMUP, type MemoryProbe, type OncePass, type SpeedProbe } from './probe.ts';
import { corpusLabel, MEANTIME_CLUSTERS, POLNEAR_DIR, type EvalContext } from './corpora.ts';
import type { EvalSection } from './types.ts';

/** 2 MB/s per core, in KB/s (1 KB = 1000 bytes of UTF-8). */
export const THROUGHPUT_TARGET_KBS = 2000;
/** Corpus multiples the memory probe compares (each in a fresh process). */
const MEMORY_TIMES = [1, 4];
/** Corpus multiple of the one-pass probe (about 4 MB of text). */
const ONCE_TIMES = 8;

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * Speed probes, each a fresh process, one after another. The machines this runs on are shared: another
 * tenant's load slows a whole probe (seen: 150 ms a run when quiet, 290 ms minutes later, same code), and
 * such load only ever adds time. So the per-core figure is taken from the quietest probe (the lowest median),
 * and every probe's median is shown beside it, with the median of all their runs.
 */
const SPEED_PROBES = 3;

export function evaluateThroughput(ctx: EvalContext): EvalSection {
  const probes = Array.from({ length: SPEED_PROBES }, () => probe<SpeedProbe>(ctx, ['speed'])).filter((p): p is SpeedProbe => p !== null);
  const memory = MEMORY_TIMES.map((n) => probe<MemoryProbe>(ctx, ['memory', String(n)]));
  const once = probe<OncePass>(ctx, ['once', String(ONCE_TIMES)]);
  // A run's cost: CPU time of the extraction thread where the system tells it, else wall-clock time.
  const cost = (p: SpeedProbe) => p.threadCpuMs ?? p.timesMs;
  const quietest = probes.length ? probes.reduce((a, b) => (median(cost(b)) < median(cost(a)) ? b : a)) : null;
  const bytes = probes[0]?.bytes ?? 0;
  const kbs = (t: number) => (bytes && t > 0 ? bytes / 1000 / (t / 1000) : Number.NaN);
  const ms = (t: number) => `${t.toFixed(0)} ms`;
  const clock = quietest?.threadCpuMs ? 'CPU time of the extraction thread' : 'wall-clock time (this system does not tell a thread\'s CPU time)';
  const allWall = probes.flatMap((p) => p.timesMs);
  return {
    title: 'Speed (analyzeDocuments, single-threaded)',
    corpus: [...MEANTIME_CLUSTERS, POLNEAR_DIR].map((c) => corpusLabel(ctx, c)).join(', '),
    metrics: [
      {
        name: 'throughput KB/s per core (quietest of 3 fresh processes)', value: quietest ? kbs(median(cost(quietest))) : Number.NaN, target: THROUGHPUT_TARGET_KBS,
        detail: quietest
          ? `${(bytes / 1000).toFixed(0)} KB in ${quietest.docs} docs; each process times ${RUNS} runs after ${WARMUP} untimed, by ${clock}; `
            + `medians ${probes.map((p) => ms(median(cost(p)))).join(', ')} (runs of the quietest: ${cost(quietest).map((t) => t.toFixed(0)).join('/')} ms)`
          : 'speed probes failed (see stderr)',
      },
      {
        name: 'throughput KB/s, wall clock, all runs', value: kbs(median(allWall)),
        detail: probes.length ? `median of the ${allWall.length} timed runs of all ${probes.length} processes, ${ms(median(allWall))}; wall-clock medians ${probes.map((p) => ms(median(p.timesMs))).join(', ')}: what a shared machine's load does to the same code` : '',
      },
      {
        name: 'throughput KB/s, CPU time of the whole process', value: quietest ? kbs(quietest.cpuMsPerRun) : Number.NaN,
        detail: quietest ? `quietest process: ${ms(quietest.cpuMsPerRun)} a run, V8's garbage-collector and compiler threads included (they run beside the extraction, on another core when there is one)` : '',
      },
      { name: 'first run in a fresh process, KB/s', value: probes.length ? kbs(median(probes.map((p) => p.coldMs))) : Number.NaN, detail: probes.length ? `median of ${probes.map((p) => ms(p.coldMs)).join(', ')}, before V8 has optimised anything` : '' },
      {
        name: `one pass over the corpus ×${ONCE_TIMES} in a fresh process, KB/s`, value: once ? once.bytes / 1000 / (once.wallMs / 1000) : Number.NaN,
        detail: once ? `${(once.bytes / 1000).toFixed(0)} KB in ${once.docs} docs, one call, wall clock ${ms(once.wallMs)}${once.threadCpuMs !== null ? ` (thread CPU ${ms(once.threadCpuMs)})` : ''}: V8's warm-up paid inside the run, as by a one-off run over a large folder` : 'one-pass probe failed (see stderr)',
      },
      ...memory.flatMap((m, k) => [
        {
          name: `results heap per KB of text, corpus ×${MEMORY_TIMES[k]}`, value: m ? (m.afterMB - m.heapBeforeMB) * 1000 / m.inputKB : Number.NaN,
          detail: m ? `${m.inputKB.toFixed(0)} KB in ${m.docs} docs, fresh process: live heap ${m.heapBeforeMB.toFixed(1)} MB with the texts read, ${m.afterMB.toFixed(1)} MB with the results (KB of heap per KB of text)` : 'memory probe failed (see stderr)',
        },
        {
          name: `working heap above texts and results, MB, corpus ×${MEMORY_TIMES[k]}`, value: m ? m.peakHeapMB - m.afterMB : Number.NaN,
          detail: m ? `live heap after a rule, at most ${m.peakHeapMB.toFixed(1)} MB, less ${m.afterMB.toFixed(1)} MB at the end` : '',
        },
      ]),
    ],
    misses: {},
  };
}

/** Run bench/eval/probe.ts with `args` in a fresh process and read its JSON line (null, with its stderr shown, on failure). */
function probe<T>(ctx: EvalContext, args: string[]): T | null {
  const run = spawnSync(process.execPath, [...(args[0] === 'memory' ? ['--expose-gc'] : []), path.join(ctx.projectRoot, 'bin', 'run-ts.mjs'), path.join(ctx.projectRoot, 'bench', 'eval', 'probe.ts'), ...args], {
    encoding: 'utf8', env: { ...process.env, BRIEFING_EVAL_DIR: ctx.evalDir }, maxBuffer: 1 << 20,
  });
  if (run.status !== 0) { process.stderr.write(run.stderr); return null; }
  return JSON.parse(run.stdout.trim().split('\n').pop()!) as T;
}
