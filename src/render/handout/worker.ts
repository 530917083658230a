// The handout's own thread (started by thread.ts): it creates the Typst compiler as soon as it starts,
// since that is a system font search the caller need not wait for, then renders the one handout it is sent.
import { parentPort } from 'node:worker_threads';
import { BriefingError } from '../../errors.ts';
import type { BriefingNotes } from '../../notes/model.ts';
import { warmCompiler } from './compiler.ts';
import { renderHandout, type HandoutOptions } from './index.ts';

/** What the thread is sent: renderHandout's arguments. */
export interface HandoutJob {
  notes: BriefingNotes;
  options: HandoutOptions;
}

/** An error as it crosses back: a BriefingError keeps its code and hint. */
export interface ThreadError {
  message: string;
  code?: string;
  hint?: string;
  stack?: string;
}

const port = parentPort;
if (port) {
  warmCompiler();
  port.once('message', (job: HandoutJob) => {
    renderHandout(job.notes, job.options).then(
      (result) => port.postMessage({ result }, [result.pdf.buffer as ArrayBuffer]),
      (err: unknown) => {
        const e = err instanceof Error ? err : new Error(String(err));
        const error: ThreadError = { message: e.message, ...(e.stack ? { stack: e.stack } : {}), ...(e instanceof BriefingError ? { code: e.code, ...(e.hint ? { hint: e.hint } : {}) } : {}) };
        port.postMessage({ error });
      },
    );
  });
}
