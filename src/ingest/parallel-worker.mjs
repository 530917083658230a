// Worker thread of src/ingest/parallel.ts: reads one file per message (TypeScript loaded through tsx, as bin/ does).
import { parentPort } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { readFileResult } = await import('./parallel.ts');
parentPort.on('message', async ({ abs, shown, maxBytes }) => {
  parentPort.postMessage(await readFileResult(abs, shown, maxBytes));
});
