// What to undo if the process is stopped by a signal (Ctrl-C, kill) in the middle of writing an output:
// stop the tool it started (Slidev exporting) and remove the temporary file it was writing, so that an
// interrupted run leaves no hidden, half-written file beside the user's outputs. (A SIGKILL cannot be
// caught; only it can still leave one.)

import { rmSync } from 'node:fs';

type Cleanup = () => void | Promise<void>;

const cleanups = new Set<Cleanup>();
let installed = false;
/** How long a stopped run waits for its cleanups (a child tool to exit) before it ends anyway. */
const CLEANUP_WAIT_MS = 3000;

/** Run `cleanup` if the process is stopped before the returned function is called. */
export function onInterrupt(cleanup: Cleanup): () => void {
  install();
  cleanups.add(cleanup);
  return () => { cleanups.delete(cleanup); };
}

/** Remove `file` (or folder) if the process is stopped before the returned function is called. */
export const trackTemp = (file: string): (() => void) => onInterrupt(() => rmSync(file, { recursive: true, force: true }));

async function runCleanups(): Promise<void> {
  const pending = [...cleanups].reverse(); // the last registered (a child writing the file) first
  cleanups.clear();
  for (const cleanup of pending) {
    try {
      await Promise.race([cleanup(), new Promise((resolve) => setTimeout(resolve, CLEANUP_WAIT_MS).unref())]);
    } catch {
      // Best effort: the process is ending.
    }
  }
}

function install(): void {
  if (installed) return;
  installed = true;
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      void runCleanups().finally(() => {
        // The handler is gone (`once`): sent again, the signal ends the process as it would have.
        process.kill(process.pid, signal);
      });
    });
  }
}
