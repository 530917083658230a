// Reading sources on several cores: each file is read, decoded and cleaned (read.ts `readOne`) in a pool
// of worker threads, and the results are put back in file order, so the output never depends on timing.
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Diagnostic } from '../errors.ts';
import { collectFiles, finishRead, MAX_SOURCE_BYTES, readOne, readSources, type Accepted, type ReadOptions, type ReadResult } from './read.ts';

/** Below this many files a worker's start-up (~0.3 s: it loads the readers) costs more than it saves. */
export const MIN_FILES_PER_WORKER = 100;

/** What one file gave: its documents and its diagnostics, in the order read.ts would have made them. */
export interface FileResult { docs: Accepted[]; diagnostics: Diagnostic[] }

/** Workers to use: BRIEFING_WORKERS when set (1 = read in this thread), else one per core. */
export function workerCount(env: NodeJS.ProcessEnv = process.env): number {
  const set = Number(env['BRIEFING_WORKERS']);
  return Number.isInteger(set) && set >= 1 ? set : os.availableParallelism();
}

/** One file, as a worker reads it (exported for the worker entry, parallel-worker.mjs). */
export async function readFileResult(abs: string, shown: string, maxBytes: number): Promise<FileResult> {
  const diagnostics: Diagnostic[] = [];
  const docs = await readOne(abs, shown, maxBytes, diagnostics);
  return { docs, diagnostics };
}

/**
 * `readSources` with the per-file work spread over `workers` threads. Files are handed out one at a time
 * to whichever worker is free (so one slow PDF does not hold up a whole share), and each result is stored
 * at its file's index: documents, ids and diagnostics come out exactly as a one-thread read gives them.
 */
export async function readSourcesParallel(inputs: string[], options: ReadOptions = {}, workers = workerCount()): Promise<ReadResult> {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const files = await collectFiles(inputs, cwd);
  const n = Math.min(workers, Math.floor(files.length / MIN_FILES_PER_WORKER));
  if (n < 2) return readSources(inputs, options);
  const maxBytes = options.maxBytes ?? MAX_SOURCE_BYTES;
  const results: FileResult[] = new Array(files.length);
  let next = 0;
  const pool = Array.from({ length: n }, () => new Worker(new URL('./parallel-worker.mjs', import.meta.url)));
  try {
    await Promise.all(pool.map((worker) => new Promise<void>((resolve, reject) => {
      const give = () => {
        if (next >= files.length) { resolve(); return; }
        const k = next++;
        worker.once('message', (r: FileResult) => { results[k] = r; give(); });
        worker.postMessage({ abs: files[k]!.abs, shown: files[k]!.shown, maxBytes });
      };
      worker.once('error', reject);
      give();
    })));
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
  return finishRead(inputs, results.flatMap((r) => r.docs), results.flatMap((r) => r.diagnostics));
}
