// Speed section: KB/s of one analyzeDocuments call over all the eval news texts (MEANTIME + PolNeAR).

import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { RUNS, WARMUP, type MemoryProbe, type SpeedProbe } from './probe.ts';
import { corpusLabel, MEANTIME_CLUSTERS, POLNEAR_DIR, type EvalContext } from './corpora.ts';
import type { EvalSection } from './types.ts';

/** 2 MB/s per core, in KB/s (1 KB = 1000 bytes of UTF-8). */
export const THROUGHPUT_TARGET_KBS = 2000;
/** Corpus multiples the memory probe compares (each in a fresh process). */
const MEMORY_TIMES = [1, 4];

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export function evaluateThroughput(ctx: EvalContext): EvalSection {
  const speed = probe<SpeedProbe>(ctx, ['speed']);
  const memory = MEMORY_TIMES.map((n) => probe<MemoryProbe>(ctx, ['memory', String(n)]));
  const ms = speed ? median(speed.timesMs) : Number.NaN;
  const kbs = (t: number) => (speed && t > 0 ? speed.bytes / 1000 / (t / 1000) : Number.NaN);
  return {
    title: 'Speed (analyzeDocuments, single-threaded)',
    corpus: [...MEANTIME_CLUSTERS, POLNEAR_DIR].map((c) => corpusLabel(ctx, c)).join(', '),
    metrics: [
      {
        name: 'throughput KB/s per core', value: kbs(ms), target: THROUGHPUT_TARGET_KBS,
        detail: speed
          ? `${(speed.bytes / 1000).toFixed(0)} KB in ${speed.docs} docs, fresh process; median of ${RUNS} runs after ${WARMUP} untimed: ${ms.toFixed(0)} ms (runs ${speed.timesMs.map((t) => t.toFixed(0)).join('/')} ms; process CPU with GC threads ${speed.cpuMsPerRun.toFixed(0)} ms a run)`
          : 'speed probe failed (see stderr)',
      },
      { name: 'first run in a fresh process, KB/s', value: speed ? kbs(speed.coldMs) : Number.NaN, detail: speed ? `${speed.coldMs.toFixed(0)} ms, before V8 has optimised anything` : '' },
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
