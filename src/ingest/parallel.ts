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
import { shingleSet, type ShingleSet } from './duplicate-index.ts';
import { SHINGLE_WORDS } from './duplicates.ts';
import { collectFiles, finishRead, MAX_SOURCE_BYTES, readOne, readSources, type Accepted, type ReadOptions, type ReadResult } from './read.ts';

/** Below this many files (or sources) a worker's start-up (~0.3 s: it loads the code through tsx) costs more than it saves. */
export const MIN_FILES_PER_WORKER = 50;
/** Files a read worker is sent per message at most: one message per file cost more than a small file's reading. */
export const MAX_FILES_PER_MESSAGE = 16;

/**
 * What one file gave: its documents and its diagnostics, in the order read.ts would have made them, and each
 * document's shingle set for the duplicate search (made here, on the worker, so the main thread need not).
 */
export interface FileResult { docs: Accepted[]; diagnostics: Diagnostic[]; shingles: ShingleSet[] }

/** A file to read: where it is, and its path as shown to the user. */
type FileRef = { abs: string; shown: string };

/** A job for a worker thread (parallel-worker.mjs). */
export type Task =
  | { kind: 'read'; files: FileRef[]; maxBytes: number }
  | { kind: 'analyze'; work: DocWork };

/** Workers to use: BRIEFING_WORKERS when set (1 = everything in this thread), else one per core. */
export function workerCount(env: NodeJS.ProcessEnv = process.env): number {
  const set = Number(env['BRIEFING_WORKERS']);
  return Number.isInteger(set) && set >= 1 ? set : os.availableParallelism();
}

/** One file, as a worker reads it. */
export async function readFileResult(abs: string, shown: string, maxBytes: number): Promise<FileResult> {
  const diagnostics: Diagnostic[] = [];
  const docs = await readOne(abs, shown, maxBytes, diagnostics);
  return { docs, diagnostics, shingles: docs.map((d) => shingleSet(d.text, SHINGLE_WORDS)) };
}

/**
 * A message's files, as a worker reads them (exported for the worker entry, parallel-worker.mjs), with the
 * buffers of their shingle sets to move, not copy, back to the main thread.
 */
export async function readFileBatch(files: readonly FileRef[], maxBytes: number): Promise<{ results: FileResult[]; transfer: ArrayBuffer[] }> {
  const results: FileResult[] = [];
  for (const f of files) results.push(await readFileResult(f.abs, f.shown, maxBytes));
  return { results, transfer: results.flatMap((r) => r.shingles.map((s) => s.buffer as ArrayBuffer)) };
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
 * Files in runs for one message each: at most MAX_FILES_PER_MESSAGE, and small enough that each of `workers`
 * threads gets several (tasks are handed out as threads come free, so the last ones even out the load).
 */
function batchesOf(files: readonly FileRef[], workers: number): FileRef[][] {
  const size = Math.max(1, Math.min(MAX_FILES_PER_MESSAGE, Math.floor(files.length / (8 * workers))));
  const out: FileRef[][] = [];
  for (let k = 0; k < files.length; k += size) out.push(files.slice(k, k + size));
  return out;
}

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
  const batches = batchesOf(files, n);
  let filesDone = 0;
  const onBatch = (_: number, k: number) => { for (const f of batches[k]!) options.onFile?.(++filesDone, files.length, f.shown); };
  const results = (await runPool<FileResult[]>(batches.map((b): Task => ({ kind: 'read', files: b, maxBytes })), n, onBatch)).flat();
  const read = finishRead(inputs, results.flatMap((r) => r.docs), results.flatMap((r) => r.diagnostics));
  // Keyed by text: a text that repair changed is simply not found, and is hashed again.
  const shingles = new Map<string, ShingleSet>();
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
