// Worker thread of src/ingest/parallel.ts: reads a few files per message, makes a range of the duplicate
// search's index or finds a range of its candidate pairs, or runs one round of extraction on
// a part of the sources: sentences and casing counts; names; the rules that need no entity; the rest of the
// per-document rules. The part's texts and what the rounds found stay here between the rounds (PartWork).
// In dist/ the modules beside it are compiled JavaScript; in src/ they are TypeScript, loaded through tsx
// (as bin/ does).
import fs from 'node:fs';
import v8 from 'node:v8';
import vm from 'node:vm';
import { parentPort } from 'node:worker_threads';

const compiled = fs.existsSync(new URL('./parallel.js', import.meta.url));
if (!compiled) (await import('tsx/esm/api')).register();
const ext = compiled ? 'js' : 'ts';
const { readFileBatch, pairsTask, prefixesTask } = await import(`./parallel.${ext}`);
const { PartWork } = await import(`../extract/part-work.${ext}`);
const { packCandidates, unpackSources } = await import(`../extract/packed.${ext}`);
/** Each part this worker read, from its 'analyze-read' task to its 'analyze-rest' one (all sent to this worker). */
const parts = new Map();
/** Tokens kept so far: the budget is this worker's, as it is the one thread's when there are no workers. */
let kept = 0;
/** Parts whose entity-free rules have run ('analyze-early'). */
let early = 0;

/**
 * A full collection of this worker's heap. V8 gives `gc` to contexts made after --expose-gc is set (as
 * src/cli/heap-growth.ts does for the main thread); the flag changes nothing else.
 */
function collectGarbage() {
  v8.setFlagsFromString('--expose-gc');
  vm.runInNewContext('gc')();
}
/**
 * For the pool's tests only (test/parallel-pool.test.ts): BRIEFING_TEST_WORKER_FAULT=HOW:KIND makes this worker fail
 * on its tasks of KIND: `throw` throws from the task, `exit` exits with code 3, `idle` answers the first one and
 * throws 300 ms later, when the round is done.
 */
const [faultHow, faultKind] = (process.env.BRIEFING_TEST_WORKER_FAULT ?? '').split(':');
let faultArmed = faultKind !== undefined;
function injectFault(kind) {
  if (!faultArmed || kind !== faultKind) return;
  if (faultHow === 'throw') throw new Error(`test fault on a '${kind}' task`);
  if (faultHow === 'exit') process.exit(3);
  faultArmed = false;
  setTimeout(() => { throw new Error('test fault while idle'); }, 300);
}
// The analysis tasks run whole, one message after another, so their answers go back in the order they were sent.
parentPort.on('message', async (task) => {
  injectFault(task.kind);
  if (task.kind === 'read') {
    const { results, transfer } = await readFileBatch(task.files, task.maxBytes);
    parentPort.postMessage(results, transfer);
  } else if (task.kind === 'prefixes') {
    parentPort.postMessage(prefixesTask(task));
  } else if (task.kind === 'pairs') {
    const triples = pairsTask(task);
    parentPort.postMessage(triples, [triples.buffer]);
  } else if (task.kind === 'analyze-read') {
    const part = new PartWork(task.docs, task.budget - kept);
    kept += part.keptTokens;
    parts.set(task.part, part);
    parentPort.postMessage(part.takeRead());
  } else if (task.kind === 'analyze-names') {
    const { packed, transfer } = packCandidates(parts.get(task.part).names(new Set(task.common)));
    parentPort.postMessage(packed, transfer);
  } else if (task.kind === 'analyze-early') {
    parts.get(task.part).entityFree();
    parentPort.postMessage(null);
    // After its last part's, this worker waits for the main thread's corpus-wide rules (seconds at 10,000 articles):
    // the garbage of the first rounds and the names' tokens are collected now, while it is idle, so that its heap's
    // limit for the last round is set from what it keeps (~140 MB live at 10,000 articles, ~175 MB without this).
    if (++early === parts.size) collectGarbage();
  } else {
    parentPort.postMessage(parts.get(task.part).rest(unpackSources(task.sources)));
    parts.delete(task.part);
  }
});
