// Work on several cores: reading sources (each file read, decoded and cleaned: read.ts `readOne`) and the
// per-document extraction rules (analyze.ts `analyzeOne`) run in a pool of worker threads, and the results
// are put back in input order, so the output never depends on timing.
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Diagnostic } from '../errors.ts';
import type { DocumentAnalysis } from '../extract/analysis.ts';
import { analyzeCorpus, analyzeDocuments, finishAnalysis, type AnalyzeOptions, type DocWork } from '../extract/analyze.ts';
import type { SourceDoc } from '../notes/model.ts';
import { shingleHashes } from './duplicate-index.ts';
import { SHINGLE_WORDS } from './duplicates.ts';
import { collectFiles, finishRead, MAX_SOURCE_BYTES, readOne, readSources, type Accepted, type ReadOptions, type ReadResult } from './read.ts';

/** Below this many files (or sources) a worker's start-up (~0.3 s: it loads the code through tsx) costs more than it saves. */
export const MIN_FILES_PER_WORKER = 50;

/**
 * What one file gave: its documents and its diagnostics, in the order read.ts would have made them, and each
 * document's shingle hashes for the duplicate search (made here, on the worker, so the main thread need not).
 */
export interface FileResult { docs: Accepted[]; diagnostics: Diagnostic[]; shingles: Uint32Array[] }

/** A job for a worker thread (parallel-worker.mjs). */
export type Task =
  | { kind: 'read'; abs: string; shown: string; maxBytes: number }
  | { kind: 'analyze'; work: DocWork };

/** Workers to use: BRIEFING_WORKERS when set (1 = everything in this thread), else one per core. */
export function workerCount(env: NodeJS.ProcessEnv = process.env): number {
  const set = Number(env['BRIEFING_WORKERS']);
  return Number.isInteger(set) && set >= 1 ? set : os.availableParallelism();
}

/** One file, as a worker reads it (exported for the worker entry, parallel-worker.mjs). */
export async function readFileResult(abs: string, shown: string, maxBytes: number): Promise<FileResult> {
  const diagnostics: Diagnostic[] = [];
  const docs = await readOne(abs, shown, maxBytes, diagnostics);
  return { docs, diagnostics, shingles: docs.map((d) => shingleHashes(d.text, SHINGLE_WORDS)) };
}

/**
 * Runs `tasks` on `n` worker threads. Tasks are handed out one at a time to whichever worker is free (so one
 * slow file does not hold up a whole share), and each result is stored at its task's index.
 */
async function runPool<R>(tasks: readonly Task[], n: number, onDone?: (done: number, k: number) => void): Promise<R[]> {
  const results: R[] = new Array(tasks.length);
  let next = 0;
  let done = 0;
  const pool = Array.from({ length: n }, () => new Worker(new URL('./parallel-worker.mjs', import.meta.url)));
  try {
    await Promise.all(pool.map((worker) => new Promise<void>((resolve, reject) => {
      const give = () => {
        if (next >= tasks.length) { resolve(); return; }
        const k = next++;
        worker.once('message', (r: R) => { results[k] = r; onDone?.(++done, k); give(); });
        worker.postMessage(tasks[k]);
      };
      worker.once('error', reject);
      give();
    })));
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
  return results;
}

/** Threads worth starting for `items` pieces of work, given `workers` allowed: 0 or 1 means "use this thread". */
const threadsFor = (items: number, workers: number, minPerWorker: number) => Math.min(workers, Math.floor(items / minPerWorker));

/**
 * `readSources` with the per-file work spread over `workers` threads: documents, ids and diagnostics come
 * out exactly as a one-thread read gives them.
 */
export async function readSourcesParallel(inputs: string[], options: ReadOptions = {}, workers = workerCount()): Promise<ReadResult> {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const files = await collectFiles(inputs, cwd);
  const n = threadsFor(files.length, workers, MIN_FILES_PER_WORKER);
  if (n < 2) return readSources(inputs, options);
  const maxBytes = options.maxBytes ?? MAX_SOURCE_BYTES;
  const tasks = files.map((f): Task => ({ kind: 'read', abs: f.abs, shown: f.shown, maxBytes }));
  const results = await runPool<FileResult>(tasks, n, (done, k) => options.onFile?.(done, files.length, files[k]!.shown));
  const read = finishRead(inputs, results.flatMap((r) => r.docs), results.flatMap((r) => r.diagnostics));
  // Keyed by text: a text that repair changed is simply not found, and is hashed again.
  const shingles = new Map<string, Uint32Array>();
  for (const r of results) r.docs.forEach((d, k) => shingles.set(d.text, r.shingles[k]!));
  return { ...read, shingles };
}

/**
 * `analyzeDocuments` with the per-document rules (dates, figures, quotes, alignments) on `workers` threads,
 * after the corpus-wide ones (names, entities, inferred dates) in this thread. Each worker is sent one
 * source's text, sentences, entities and their roles, and sends back its dates, figures, quotes and
 * alignments: the same analyses, byte for byte, as one thread gives.
 */
export async function analyzeDocumentsParallel(docs: SourceDoc[], options: AnalyzeOptions = {}, workers = workerCount(), minPerWorker = MIN_FILES_PER_WORKER): Promise<DocumentAnalysis[]> {
  const n = threadsFor(docs.length, workers, minPerWorker);
  if (n < 2) return analyzeDocuments(docs, options);
  const { out, work } = analyzeCorpus(docs, options);
  const results = await runPool<DocWork['a']>(work.map((w): Task => ({ kind: 'analyze', work: w })), n);
  return finishAnalysis(out, results);
}
