// The handout rendered on a thread of its own, so that Typst's start (a system font search) and its
// layouts run while the caller reads the notes and makes the deck. Same code, same PDF: only sooner.
import { Worker } from 'node:worker_threads';
import { BriefingError, type ErrorCode } from '../../errors.ts';
import type { BriefingNotes } from '../../notes/model.ts';
import type { HandoutOptions, HandoutResult } from './index.ts';
import type { HandoutJob, ThreadError } from './worker.ts';

/** One handout to come: `render` may be called once; `close` ends the thread (always call it). */
export interface HandoutThread {
  render(notes: BriefingNotes, options: HandoutOptions): Promise<HandoutResult>;
  close(): void;
}

type Answer = { result: HandoutResult } | { error: ThreadError };

/** A thread started before anyone asked for it (prestartHandoutThread), given to the next to ask. */
let prestarted: { thread: HandoutThread; worker: Worker } | undefined;

/**
 * Start a thread for the handout a command is about to ask for, before that command's modules are
 * loaded (bin/briefing.mjs, for `render`): the thread's own start-up then overlaps theirs. Until
 * taken it does not keep the process alive, so a command that ends sooner (an error, `--help`) ends.
 */
export function prestartHandoutThread(): void {
  if (prestarted || !import.meta.url.endsWith('.js')) return;
  prestarted = startThread();
  prestarted.worker.unref();
}

/**
 * A thread for one handout, started now (its compiler is created at once), or the one started
 * beforehand. Run from the TypeScript sources (tests, tsx) a thread could not load them, so the
 * handout is then made in this thread, as before.
 */
export function handoutThread(): HandoutThread {
  if (prestarted) {
    const { thread, worker } = prestarted;
    prestarted = undefined;
    worker.ref();
    return thread;
  }
  if (!import.meta.url.endsWith('.js')) return inProcess();
  return startThread().thread;
}

function startThread(): { thread: HandoutThread; worker: Worker } {
  const worker = new Worker(new URL('./worker.js', import.meta.url));
  const answer = new Promise<Answer>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new BriefingError('INTERNAL', `the handout's thread stopped before it answered (exit code ${code})`)));
  });
  // Awaited by render; a thread closed before it was asked (the deck failed) is no error of its own.
  answer.catch(() => undefined);
  let asked = false;
  const thread: HandoutThread = {
    async render(notes, options) {
      if (asked) throw new BriefingError('INTERNAL', 'a handout thread renders one handout');
      asked = true;
      const job: HandoutJob = { notes, options };
      worker.postMessage(job);
      const a = await answer;
      if ('error' in a) throw revive(a.error);
      return a.result;
    },
    close() {
      void worker.terminate();
    },
  };
  return { thread, worker };
}

function revive(e: ThreadError): Error {
  const err = e.code ? new BriefingError(e.code as ErrorCode, e.message, e.hint ? { hint: e.hint } : {}) : new Error(e.message);
  if (e.stack) err.stack = e.stack;
  return err;
}

function inProcess(): HandoutThread {
  return {
    async render(notes, options) {
      return (await import('./index.ts')).renderHandout(notes, options);
    },
    close() {},
  };
}
