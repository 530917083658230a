// The pool of worker threads (src/ingest/parallel.ts) when a worker fails: a worker made to throw or exit (by
// parallel-worker.mjs's test hook, BRIEFING_TEST_WORKER_FAULT) during a round, or to throw while idle between
// the read and the duplicate search, fails the work with an error naming the worker and what it was doing,
// without hanging or crashing the process; and the workers are terminated however the work ends, so that a
// process that used the pool exits by itself.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { analyzeDocumentsParallel, readSourcesParallel, readSourcesThen } from '../src/ingest/parallel.ts';
import { docFrom } from './helpers/docs.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const ARTICLES = path.join(ROOT, 'test/fixtures/articles');
/** Short enough that a hang fails the test, long enough for two workers to start under tsx on a loaded host. */
const NO_HANG_MS = 30_000;

/** Reads the fixture articles on two workers (one file per worker is enough to start them). */
const readOnTwo = () => readSourcesParallel([ARTICLES], { cwd: ROOT }, 2, 1);

const withFault = (fault: string) => { process.env['BRIEFING_TEST_WORKER_FAULT'] = fault; };
afterEach(() => { delete process.env['BRIEFING_TEST_WORKER_FAULT']; });

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('a worker that fails', () => {
  it('reads as one thread does when no worker fails', async () => {
    const [two, one] = [await readOnTwo(), await readSourcesParallel([ARTICLES], { cwd: ROOT }, 1)];
    expect(two.docs.map((d) => d.text)).toEqual(one.docs.map((d) => d.text));
    expect(two.docs.length).toBe(3);
  }, NO_HANG_MS);

  it('throwing on a read task fails the read, naming the worker, the task and the error', async () => {
    withFault('throw:read');
    await expect(readOnTwo()).rejects.toThrow(/^worker thread [12] of 2 failed on a 'read' task: test fault on a 'read' task$/);
  }, NO_HANG_MS);

  it('exiting on a read task fails the read instead of leaving it waiting', async () => {
    withFault('exit:read');
    await expect(readOnTwo()).rejects.toThrow(/^worker thread [12] of 2 exited with code 3 on a 'read' task$/);
  }, NO_HANG_MS);

  it('throwing while idle after the read neither crashes the process nor is lost: the next round fails', async () => {
    withFault('idle:read');
    let readDone = false;
    const work = readSourcesThen([ARTICLES], { cwd: ROOT }, async (read, find) => {
      readDone = true;
      await sleep(1500); // the workers throw 300 ms after their first file
      return find([...read.shingles!.values()], 1);
    }, 2, 1, 0);
    await expect(work).rejects.toThrow(/^worker thread [12] of 2 failed between rounds: test fault while idle$/);
    expect(readDone).toBe(true);
  }, NO_HANG_MS);

  it("throwing in the duplicate search's rounds fails the search", async () => {
    withFault('throw:prefixes');
    const work = readSourcesThen([ARTICLES], { cwd: ROOT }, async (read, find) => find([...read.shingles!.values()], 1), 2, 1, 0);
    await expect(work).rejects.toThrow(/^worker thread [12] of 2 failed on a 'prefixes' task: test fault on a 'prefixes' task$/);
  }, NO_HANG_MS);

  it('throwing in a round of extraction fails the extraction', async () => {
    withFault('throw:analyze-names');
    const docs = Array.from({ length: 8 }, (_, k) => docFrom(`s${k + 1}`, `Marta Vell said on Tuesday that ${k} boats were in Port Ansel. Osric Dane agreed.`));
    await expect(analyzeDocumentsParallel(docs, {}, 2, 1)).rejects.toThrow(/^worker thread [12] of 2 failed on a 'analyze-names' task: test fault on a 'analyze-names' task$/);
  }, NO_HANG_MS);
});

describe('the pool is closed however the work ends', () => {
  /** Runs `body` (after imports of readSourcesThen and sleep) in a process of its own: what it printed, and how it ended. */
  function runAlone(body: string, fault = '') {
    const dir = path.join(ROOT, 'test/.tmp/parallel-pool');
    fs.mkdirSync(dir, { recursive: true });
    const script = path.join(dir, `run-${process.pid}.ts`);
    fs.writeFileSync(script, [
      `import { readSourcesThen } from '../../../src/ingest/parallel.ts';`,
      `const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));`,
      `const articles = ${JSON.stringify(ARTICLES)};`,
      `void sleep;`,
      body,
    ].join('\n'));
    const env = { ...process.env, BRIEFING_TEST_WORKER_FAULT: fault };
    const run = spawnSync(process.execPath, [path.join(ROOT, 'bin/run-ts.mjs'), script], { cwd: ROOT, env, encoding: 'utf8', timeout: NO_HANG_MS - 5_000 });
    fs.rmSync(script, { force: true });
    return { out: run.stdout.trim(), signal: run.signal, status: run.status };
  }

  it('after an error thrown by the caller, the process exits by itself', () => {
    const { out, signal, status } = runAlone(`
      await readSourcesThen([articles], {}, async () => { throw new Error('caller failed'); }, 2, 1)
        .catch((e: Error) => console.log('caught: ' + e.message));`);
    expect(signal).toBeNull(); // not killed by spawnSync's timeout: nothing kept the process alive
    expect(status).toBe(0);
    expect(out).toBe('caught: caller failed');
  }, NO_HANG_MS);

  it('after a worker failed between rounds and the caller finished without the pool, the process exits by itself', () => {
    const { out, signal, status } = runAlone(`
      const n = await readSourcesThen([articles], {}, async (read) => { await sleep(1000); return read.docs.length; }, 2, 1);
      console.log('read ' + n);`, 'idle:read');
    expect(signal).toBeNull();
    expect(status).toBe(0);
    expect(out).toBe('read 3');
  }, NO_HANG_MS);
});
