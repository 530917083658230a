// Worker thread of src/ingest/parallel.ts: reads a few files, or runs one source's per-document extraction
// rules, per message. In dist/ the modules beside it are compiled JavaScript; in src/ they are TypeScript,
// loaded through tsx (as bin/ does).
import fs from 'node:fs';
import { parentPort } from 'node:worker_threads';

const compiled = fs.existsSync(new URL('./parallel.js', import.meta.url));
if (!compiled) (await import('tsx/esm/api')).register();
const ext = compiled ? 'js' : 'ts';
const { readFileBatch } = await import(`./parallel.${ext}`);
const { analyzeOne } = await import(`../extract/analyze.${ext}`);
parentPort.on('message', async (task) => {
  if (task.kind === 'read') { const { results, transfer } = await readFileBatch(task.files, task.maxBytes); parentPort.postMessage(results, transfer); }
  else {
    // Only the results go back (not the text, sentences and entities the worker was sent).
    const a = analyzeOne(task.work);
    parentPort.postMessage({ dates: a.dates, figures: a.figures, quotes: a.quotes, alignments: a.alignments });
  }
});
