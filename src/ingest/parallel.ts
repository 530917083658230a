// Work on several cores: reading sources (each file read, decoded and cleaned: read.ts `readOne`), the duplicate
// search's index and lookups over the texts read (on the threads that read them, over shared memory), and the
// extraction rules that read a part of the sources at a time (extract/part-work.ts) run in a pool of worker
// threads, and the results are put back in input order, so the output never depends on timing.
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Diagnostic } from '../errors.ts';
import type { DocumentAnalysis } from '../extract/analysis.ts';
import { analyzeCorpusFrom, analyzeDocuments, finishAnalysis, PACKED_TOKENS_BUDGET, type AnalyzeOptions, type CorpusAnalysis, type ChunkDoc, type SourceResults } from '../extract/analyze.ts';
import { packSources, sourceBuffers, unpackCandidates, type PackedCandidates, type PackedSources } from '../extract/packed.ts';
import type { PartRead } from '../extract/part-work.ts';
import { wordMatches } from '../extract/rules/document-dates.ts';
import { CasingTally } from '../extract/rules/entities/casing.ts';
import type { Candidate } from '../extract/rules/entities.ts';
import type { SourceText } from '../notes/model.ts';
import { candidatePairs, fillPrefixes, finishIndex, indexPlan, pairsOfPlan, pairsOfRanks, shingleSet, sortPairs, type Allocate, type CandidatePair, type IndexPlan, type PairIndex, type ShingleSet } from './duplicate-index.ts';
import { SHINGLE_WORDS, type PairFinder } from './duplicates.ts';
import { collectFiles, finishRead, MAX_SOURCE_BYTES, readOne, readSources, type Accepted, type ReadOptions, type ReadResult } from './read.ts';

/**
 * Files a read worker must have at least, else the files are read in this thread. A worker starts in ~0.1 s, but
 * sending files and texts between threads costs too: on a quiet 2-core host 327 real articles read in 0.35 s in
 * one thread and 0.45 s on two workers, 1,000 generated ones took the same either way, 3,000 and 10,000 were
 * 7% and 26% faster on two (bench/results/scale.md, 2026-12-06).
 */
export const MIN_FILES_PER_WORKER = 400;
/**
 * Characters of text each extraction worker must have at least. Extraction on workers sends every text
 * (once since 2026-12-06 evening: three times before, when this was measured) and gathers the names back: on the same host
 * it was slower than one thread at 1,000 (3.0 s against 4.2–4.7 s) and 3,000 articles (8.1 s against 9.9 s),
 * and faster at 10,000 (33.1 s against 28.6 s), so only a folder of more than ~40 MB of text is extracted on two.
 */
export const MIN_CHARS_PER_WORKER = 20_000_000;
/** Files a read worker is sent per message at most: one message per file cost more than a small file's reading. */
export const MAX_FILES_PER_MESSAGE = 16;
/**
 * Shingles in all from which the duplicate search's lookups run on the read workers rather than in this thread.
 * At 10,000 generated articles (11.6 M shingles) the search was ~7 CPU s of this thread with the workers idle;
 * below ~1,000 articles (~1.2 M) it takes a few hundred ms, not worth sharing its index for.
 */
export const MIN_SHINGLES_FOR_WORKERS = 2_000_000;
/** Ranges of ranks each worker probes, on average: the larger texts' ranges take longer, so many small ones even out. */
const PAIR_TASKS_PER_WORKER = 8;

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
  /** Sentences, casing counts and date clues of part `part`; the worker keeps the part (and up to `budget` tokens in all) for the later rounds. */
  | { kind: 'analyze-read'; part: number; docs: ChunkDoc[]; budget: number }
  /** Names of part `part` (answered packed: extract/packed.ts), on the worker that read it (as are the rounds below). */
  | { kind: 'analyze-names'; part: number; common: string[] }
  /** The per-document rules that need no entity, on the part's sources with a stated date (answered with null). */
  | { kind: 'analyze-early'; part: number }
  /** The part's per-document results, given each source's document date and entities (packed, moved: extract/packed.ts). */
  | { kind: 'analyze-rest'; part: number; sources: PackedSources }
  /** The duplicate search index's prefixes of the texts ranked in [from, to), written into the plan's shared entries (answered with null). */
  | { kind: 'prefixes'; plan: IndexPlan; sets: PackedSets; from: number; to: number }
  /** The duplicate search's candidate pairs whose larger text has a rank in [from, to) (answered as triples: pairsTask). */
  | { kind: 'pairs'; index: PairIndex; sets: PackedSets; from: number; to: number };

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
export async function readSourcesParallel(inputs: string[], options: ReadOptions = {}, workers = workerCount(), minPerWorker = MIN_FILES_PER_WORKER): Promise<ReadResult> {
  return readSourcesThen(inputs, options, async (read) => read, workers, minPerWorker);
}

/**
 * `readSourcesParallel`, then `then` given the read and a duplicate search's pair finder that runs on the
 * threads that read (kept for it: starting a thread loads every module again), or in this thread when the
 * files were read here.
 */
export async function readSourcesThen<T>(inputs: string[], options: ReadOptions, then: (read: ReadResult, find: PairFinder) => Promise<T>, workers = workerCount(), minPerWorker = MIN_FILES_PER_WORKER, minShinglesForWorkers = MIN_SHINGLES_FOR_WORKERS): Promise<T> {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const files = await collectFiles(inputs, cwd);
  const n = threadsFor(files.length, workers, minPerWorker);
  if (n < 2) return then(await readSources(inputs, options), pairsHere);
  const maxBytes = options.maxBytes ?? MAX_SOURCE_BYTES;
  const batches = batchesOf(files, n);
  let filesDone = 0;
  const onBatch = (_: number, k: number) => { for (const f of batches[k]!) options.onFile?.(++filesDone, files.length, f.shown); };
  return withPool(n, async (pool) => {
    const results = (await pool.run<FileResult[]>(batches.map((b): Task => ({ kind: 'read', files: b, maxBytes })), undefined, onBatch)).results.flat();
    const read = finishRead(inputs, results.flatMap((r) => r.docs), results.flatMap((r) => r.diagnostics));
    // Keyed by text: a text that repair changed is simply not found, and is hashed again.
    const shingles = new Map<string, ShingleSet>();
    for (const r of results) r.docs.forEach((d, k) => shingles.set(d.text, r.shingles[k]!));
    results.length = 0; // the files' documents live on in `read`, their sets in `shingles`
    // The plan counts the shingles: too few, and the search is finished here from it, as pairsHere would.
    const find: PairFinder = async (sets, minShingles) => {
      const plan = indexPlan(sets, minShingles, undefined, sharedMemory);
      return plan.shingles < minShinglesForWorkers ? pairsOfPlan(plan, sets) : pairsOnPool(pool, sets, plan);
    };
    return then({ ...read, shingles }, find);
  });
}

/** The duplicate search in this thread (files read here). */
const pairsHere: PairFinder = async (sets, minShingles) => candidatePairs(sets, minShingles);

/**
 * `candidatePairs` from `plan` (made in shared memory) with most of its work split by rank between the pool's
 * threads, in two rounds: each text's prefix ranked into the index, then the lookups. The index's memory and the
 * sets (laid end to end) are shared with the threads, not copied. Each pair is found by its larger text's rank alone, so the ranges' pairs, put
 * together and sorted, are candidatePairs'; and each text's prefix has its place in the index made here.
 */
async function pairsOnPool(pool: WorkerPool, sets: readonly ShingleSet[], plan: IndexPlan): Promise<CandidatePair[]> {
  const packed = packSets(sets);
  const ranges = rankRanges(plan.sizes, plan.shingles, pool.size * PAIR_TASKS_PER_WORKER);
  await pool.run<null>(ranges.map(([from, to]): Task => ({ kind: 'prefixes', plan, sets: packed, from, to })));
  const index = finishIndex(plan, sharedMemory);
  const pairs: CandidatePair[] = [];
  for (const found of (await pool.run<Uint32Array>(ranges.map(([from, to]): Task => ({ kind: 'pairs', index, sets: packed, from, to })))).results) {
    for (let k = 0; k < found.length; k += 3) pairs.push([found[k]!, found[k + 1]!, found[k + 2]!]);
  }
  return sortPairs(pairs);
}

const sharedMemory: Allocate = (bytes) => new SharedArrayBuffer(bytes);

/** The sets of a task, as views of the shared memory they were laid out in. */
function unpackSets({ data, offsets }: PackedSets): ShingleSet[] {
  return Array.from({ length: offsets.length - 1 }, (_, k) => data.subarray(offsets[k]!, offsets[k + 1]!));
}

/** A 'prefixes' task, as a worker runs it. */
export function prefixesTask(task: Extract<Task, { kind: 'prefixes' }>): null {
  fillPrefixes(task.plan, unpackSets(task.sets), task.from, task.to);
  return null;
}

/** A 'pairs' task, as a worker runs it: its pairs as (i, j, shared) triples, to move back. */
export function pairsTask(task: Extract<Task, { kind: 'pairs' }>): Uint32Array {
  const pairs = pairsOfRanks(task.index, unpackSets(task.sets), task.from, task.to);
  const out = new Uint32Array(3 * pairs.length);
  pairs.forEach((p, k) => out.set(p, 3 * k));
  return out;
}

/** Shingle sets laid end to end in shared memory: set k is data[offsets[k], offsets[k + 1]). */
export interface PackedSets { data: Uint32Array; offsets: Uint32Array }

function packSets(sets: readonly ShingleSet[]): PackedSets {
  const offsets = new Uint32Array(new SharedArrayBuffer(4 * (sets.length + 1)));
  sets.forEach((s, k) => { offsets[k + 1] = offsets[k]! + s.length; });
  const data = new Uint32Array(new SharedArrayBuffer(4 * offsets[sets.length]!));
  sets.forEach((s, k) => data.set(s, offsets[k]));
  return { data, offsets };
}

/** Ranks [0, sizes.length) in about `count` ranges of about equal shingles (a text's lookups are one per shingle); `total`: the sizes' sum. */
function rankRanges(sizes: Uint32Array, total: number, count: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let from = 0;
  let sum = 0;
  for (let r = 0; r < sizes.length; r++) {
    sum += sizes[r]!;
    if (sum * count >= total * (out.length + 1) || r === sizes.length - 1) {
      out.push([from, r + 1]);
      from = r + 1;
    }
  }
  return out;
}

/**
 * `analyzeDocuments` on `workers` threads, in rounds over parts of the sources, each part kept by the worker
 * that read it (extract/part-work.ts). First each part is split into sentences, its casing counted and its
 * clues for inferred dates found; the counts are added up here, and the common words decided, as one learner
 * reading every text decides them. Then each part's names are read. The rest of the corpus-wide rules
 * (degraded sources' names, entities, inferred dates) run in this thread, while the workers run the
 * per-document rules that need no entity on the sources whose date is stated; last, each source's other
 * per-document rules run on its worker, given its entities and document date. The analyses are the same,
 * byte for byte, as one thread gives.
 */
export async function analyzeDocumentsParallel(docs: SourceText[], options: AnalyzeOptions = {}, workers = workerCount(), minCharsPerWorker = MIN_CHARS_PER_WORKER): Promise<DocumentAnalysis[]> {
  const n = threadsFor(docs.reduce((sum, d) => sum + d.text.length, 0), workers, minCharsPerWorker);
  if (n < 2) return analyzeDocuments(docs, options);
  return withPool(n, async (pool) => {
    const parts = partsOf(docs.length, pool.size);
    const { out, dates, roles, on } = await corpusRounds(pool, parts, docs, options);
    // Two at a time, so that a worker has its next part while this thread stores the last one's results. Each part is
    // packed as it is posted: packed all at once, every part's message was made at the main thread's peak of memory.
    const restOf = ([a, b]: [number, number], part: number) => (): Task => ({ kind: 'analyze-rest', part, sources: packSources(dates.slice(a, b), out.slice(a, b).map((x) => x.entities), roles) });
    const rest = pool.run<SourceResults[]>(parts.map(restOf), on, undefined, 2);
    rest.catch(() => undefined); // a failure is reported where it is awaited, below
    // Heard once the workers have their first parts of the last round, so that what the hearer does here (`build` collects
    // the garbage the corpus-wide rules left) overlaps their work.
    options.onRound?.(CORPUS_RULES_ROUND);
    const results = await rest;
    options.onRound?.('per-document rules');
    return finishAnalysis(out, results.results.flat());
  });
}

/**
 * The rounds up to the corpus-wide rules: sentences and names on the workers, then entities and inferred dates
 * here while the workers run the rules that need no entity. A function of its own so that what the corpus-wide
 * rules alone read (every name candidate, the date clues and word matches: ~250 MB at 10,000 generated articles)
 * is garbage once they are done: held by the caller, an async function, it would live through the last round
 * (V8 keeps an awaiting function's locals).
 */
async function corpusRounds(pool: WorkerPool, parts: ReadonlyArray<[number, number]>, docs: SourceText[], options: AnalyzeOptions): Promise<CorpusAnalysis & { on: number[] }> {
  const { found, on } = await sentencesAndNames(pool, parts, docs, options);
  options.onRound?.('names');
  // Queued all at once: this thread is busy with the corpus-wide rules until they are done, and cannot hand them out one by one.
  const early = pool.run<null>(parts.map((_, part): Task => ({ kind: 'analyze-early', part })), on, undefined, Infinity);
  early.catch(() => undefined); // a failure is reported where it is awaited, below
  const corpus = analyzeCorpusFrom(docs, options, found);
  await early;
  return { ...corpus, on };
}

/** The round of extraction on workers after which what the corpus-wide rules alone read is garbage (see AnalyzeOptions.onRound). */
export const CORPUS_RULES_ROUND = 'entities and inferred dates';

async function withPool<T>(n: number, use: (pool: WorkerPool) => Promise<T>): Promise<T> {
  const pool = new WorkerPool(n);
  try {
    return await use(pool);
  } finally {
    await pool.close();
  }
}

/**
 * The first two rounds: sentences, casing counts and date clues, then names given the common words; and
 * which worker holds each part.
 */
async function sentencesAndNames(pool: WorkerPool, parts: ReadonlyArray<[number, number]>, docs: SourceText[], options: AnalyzeOptions): Promise<{ found: Parameters<typeof analyzeCorpusFrom>[2]; on: number[] }> {
  const budget = options.packedTokensBudget ?? PACKED_TOKENS_BUDGET;
  const chunk = (a: number, b: number) => docs.slice(a, b).map((d): ChunkDoc => ({ text: d.text, flags: d.flags, meta: d.meta }));
  const read = await pool.run<PartRead>(parts.map(([a, b], part): Task => ({ kind: 'analyze-read', part, docs: chunk(a, b), budget })));
  options.onRound?.('sentences and casing');
  const tally = new CasingTally();
  for (const r of read.results) tally.add(r.casing);
  const common = tally.commonWords();
  const words = [...common];
  // Queued all at once, so that the workers read the names while this thread finds what of the inferred dates needs no entity.
  // Each part's names are unpacked as they come, while the workers read the parts after it.
  const shared = new Map<string, string>();
  const sharedWords = new Map<string, string[]>();
  const names: Candidate[][][] = new Array(parts.length);
  const unpack = (_: number, k: number, packed: PackedCandidates) => { names[k] = unpackCandidates(packed, shared, sharedWords); };
  const reading = pool.run<PackedCandidates>(parts.map((_, part): Task => ({ kind: 'analyze-names', part, common: words })), read.ranOn, unpack, Infinity);
  reading.catch(() => undefined); // a failure is reported where it is awaited, below
  const clues = read.results.flatMap((r) => r.clues);
  const matches = wordMatches(docs, clues);
  options.onRound?.('word matches of inferred dates (names being read)');
  await reading;
  const found = { sentences: read.results.flatMap((r) => r.sentences), common, candidates: names.flat(), clues, matches };
  return { found, on: read.ranOn };
}

/** The buffers of a task to move to its worker rather than copy (a task is posted once). */
function transferOf(task: Task): ArrayBuffer[] {
  return task.kind === 'analyze-rest' ? sourceBuffers(task.sources) : [];
}

/** Parts of about 1/PARTS_PER_WORKER of a worker's share each, as [from, to) ranges: small enough to even out the workers' loads. */
function partsOf(count: number, workers: number): Array<[number, number]> {
  const size = Math.max(1, Math.ceil(count / (workers * PARTS_PER_WORKER)));
  const out: Array<[number, number]> = [];
  for (let a = 0; a < count; a += size) out.push([a, Math.min(count, a + size)]);
  return out;
}

/** Parts each worker gets, on average, in a round of analyzeDocumentsParallel. */
const PARTS_PER_WORKER = 8;

/**
 * Worker threads kept over rounds of tasks: the files' reading and then the duplicate search's rounds over what
 * they read (readSourcesThen), or the rounds of one analysis, so that a worker can keep what it made for a later
 * round. A worker that fails (throws, or exits) at any time, in a round or between them, fails the pool: the
 * round running, and any later one, rejects with an error naming the worker and what it did. Use it through
 * withPool, which terminates the workers however the work ends, so that the process can exit.
 */
class WorkerPool {
  private readonly workers: Worker[] = [];
  /** The first failure of a worker; a rejected promise that every round races, so that none waits on a dead worker. */
  private failure: Error | undefined;
  private readonly failed: Promise<never>;
  private closing = false;
  /** Kinds of the tasks posted to each worker and not answered yet, oldest first: what a failed worker was doing. */
  private readonly inFlight: Array<Array<Task['kind']>> = [];

  get size(): number {
    return this.workers.length;
  }

  constructor(n: number) {
    let fail!: (e: Error) => void;
    this.failed = new Promise<never>((_, reject) => { fail = reject; });
    this.failed.catch(() => undefined); // heard by the rounds that race it; a failure between rounds must not crash the process
    const failWith = (e: Error) => {
      if (this.failure !== undefined || this.closing) return;
      this.failure = e;
      fail(e);
    };
    const doing = (w: number) => {
      const kind = this.inFlight[w]![0];
      return kind === undefined ? 'between rounds' : `on a '${kind}' task`;
    };
    try {
      for (let w = 0; w < n; w++) {
        const worker = new Worker(new URL('./parallel-worker.mjs', import.meta.url));
        this.inFlight.push([]);
        // Listened to for the worker's whole life: an 'error' with no listener would crash the process, and a worker
        // that exits (process.exit, a fatal error) answers no more, so a round waiting on it would never end.
        worker.on('error', (e) => failWith(new Error(`worker thread ${w + 1} of ${n} failed ${doing(w)}: ${e.message}`, { cause: e })));
        worker.on('exit', (code) => failWith(new Error(`worker thread ${w + 1} of ${n} exited with code ${code} ${doing(w)}`)));
        this.workers.push(worker);
      }
    } catch (e) {
      void this.close(); // the workers made so far, else they would keep the process alive
      throw e;
    }
  }

  /**
   * Runs `tasks`, task k on worker `on[k]` when given, else on whichever worker is free (so one slow task does
   * not hold up a whole share); up to `depth` tasks at a time per worker (more than one only for tasks given
   * their workers: a worker answers its messages in the order sent). Each result is stored at its task's
   * index, with the worker that ran it; `onDone` hears of each task done (how many so far, which, and its result).
   * A task given as a function is made when it is posted, so that what it holds is made no sooner than needed.
   * Rejects as soon as any worker of the pool has failed.
   */
  async run<R>(tasks: ReadonlyArray<Task | (() => Task)>, on?: readonly number[], onDone?: (done: number, k: number, result: R) => void, depth = 1): Promise<{ results: R[]; ranOn: number[] }> {
    if (this.failure !== undefined) throw this.failure;
    const results: R[] = new Array(tasks.length);
    const ranOn: number[] = new Array(tasks.length);
    const all = tasks.map((_, k) => k);
    let next = 0; // with no `on`, the next task no worker has taken
    let done = 0;
    const rounds = Promise.all(this.workers.map((worker, w) => new Promise<void>((resolve) => {
      const own = on === undefined ? [] : all.filter((k) => on[k] === w);
      let i = 0;
      const take = () => (on === undefined ? all[next++] : own[i++]);
      const sent: number[] = []; // tasks posted to this worker and not answered yet, oldest first
      const fill = () => {
        while (sent.length < depth && this.failure === undefined) {
          const k = take();
          if (k === undefined) break;
          sent.push(k);
          const given = tasks[k]!;
          const task = typeof given === 'function' ? given() : given;
          this.inFlight[w]!.push(task.kind);
          worker.postMessage(task, transferOf(task));
        }
        if (sent.length === 0 || this.failure !== undefined) stop();
      };
      const answer = (r: R) => {
        const k = sent.shift()!;
        this.inFlight[w]!.shift();
        results[k] = r;
        ranOn[k] = w;
        onDone?.(++done, k, r);
        fill();
      };
      const stop = () => { worker.off('message', answer); resolve(); };
      worker.on('message', answer);
      fill();
    })));
    await Promise.race([rounds, this.failed]);
    if (this.failure !== undefined) throw this.failure; // a round stopped early by a failure has no results to give
    return { results, ranOn };
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
