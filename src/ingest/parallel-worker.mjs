// Worker thread of src/ingest/parallel.ts: reads a few files, or runs one round of extraction on a part of
// the sources (sentences and casing counts, then names) or on one source (its per-document rules), per
// message. In dist/ the modules beside it are compiled JavaScript; in src/ they are TypeScript, loaded
// through tsx (as bin/ does).
import fs from 'node:fs';
import { parentPort } from 'node:worker_threads';

const compiled = fs.existsSync(new URL('./parallel.js', import.meta.url));
if (!compiled) (await import('tsx/esm/api')).register();
const ext = compiled ? 'js' : 'ts';
const { readFileBatch } = await import(`./parallel.${ext}`);
const { analyzeOne, namesOfChunk, readChunk } = await import(`../extract/analyze.${ext}`);
/** Each part's tokens, from its 'analyze-read' task to its 'analyze-names' one (sent to this same worker). */
const partTokens = new Map();
/** Tokens kept so far: the budget is this worker's, as it is the one thread's when there are no workers. */
let kept = 0;
parentPort.on('message', async (task) => {
  if (task.kind === 'read') { const { results, transfer } = await readFileBatch(task.files, task.maxBytes); parentPort.postMessage(results, transfer); }
  else if (task.kind === 'analyze-read') {
    const { tokens, ...found } = readChunk(task.docs, task.budget - kept);
    for (const t of tokens) kept += t?.length ?? 0;
    partTokens.set(task.part, tokens);
    parentPort.postMessage(found);
  } else if (task.kind === 'analyze-names') {
    const tokens = partTokens.get(task.part);
    partTokens.delete(task.part);
    parentPort.postMessage(namesOfChunk(task.docs, new Set(task.common), tokens));
  } else {
    // Only the results go back (not the text, sentences and entities the worker was sent).
    const a = analyzeOne(task.work);
    parentPort.postMessage({ dates: a.dates, figures: a.figures, quotes: a.quotes, alignments: a.alignments });
  }
});
