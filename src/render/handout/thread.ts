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

/**
 * Start the handout's thread now (its compiler is created at once). Run from the TypeScript sources
 * (tests, tsx) a thread could not load them, so the handout is then made in this thread, as before.
 */
export function handoutThread(): HandoutThread {
  if (!import.meta.url.endsWith('.js')) return inProcess();
  const worker = new Worker(new URL('./worker.js', import.meta.url));
  const answer = new Promise<Answer>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new BriefingError('INTERNAL', `the handout's thread stopped before it answered (exit code ${code})`)));
  });
  // Awaited by render; a thread closed before it was asked (the deck failed) is no error of its own.
  answer.catch(() => undefined);
  let asked = false;
  return {
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
