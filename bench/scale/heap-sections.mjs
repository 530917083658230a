// Retained heap after each stage and each notes section, in one process, as `briefing build` runs them (read, the
// original texts dropped, extract, notes), a GC forced after each. Needs a compiled tree (`npm run build`).
// Usage: node --expose-gc bench/scale/heap-sections.mjs TREE DIR [SECTION,…]: with sections named, a heap snapshot
// is written after each (to the working folder) for DevTools or a script.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import v8 from 'node:v8';

const [treeArg = '.', corpus, snapshots = ''] = process.argv.slice(2);
if (!corpus) throw new Error('usage: node --expose-gc bench/scale/heap-sections.mjs TREE DIR [SECTION,…]');
const tree = path.resolve(treeArg);
const load = (file) => import(pathToFileURL(path.join(tree, 'dist', file)).href);
const { loadSources, withoutRaw } = await load('ingest/load.js');
const { analyzeDocumentsParallel } = await load('ingest/parallel.js');
const { buildNotes } = await load('extract/briefing/build.js');
const snapshotAt = new Set(snapshots.split(',').filter(Boolean));
const mb = (bytes) => (bytes / 1048576).toFixed(0).padStart(5);

function probe(label) {
  const before = process.memoryUsage();
  globalThis.gc();
  const after = process.memoryUsage();
  console.log(`${label.padEnd(16)} rss ${mb(before.rss)} MB, heap used ${mb(before.heapUsed)} MB, retained ${mb(after.heapUsed)} MB, array buffers ${mb(after.arrayBuffers)} MB`);
  if (snapshotAt.has(label)) console.log(`  snapshot ${v8.writeHeapSnapshot(`${label}.heapsnapshot`)}`);
}

/** The notes from the corpus, probed after each step; what is left when they return is probed by the caller. */
async function notesOf(dir) {
  const loaded = await loadSources([dir]);
  probe('read');
  // As `briefing build` keeps them (an older tree without withoutRaw keeps the original texts).
  const docs = withoutRaw ? loaded.docs.map(withoutRaw) : loaded.docs;
  loaded.docs = [];
  const analyses = await analyzeDocumentsParallel(docs, { defaultDate: null });
  probe('extract');
  return buildNotes(docs, analyses, { inputs: [dir], time: (section, run) => { const r = run(); probe(section); return r; } });
}

probe('start');
const notes = await notesOf(corpus);
probe('notes returned');
console.log(`${notes.keyPoints.length} key points, ${notes.timeline.length} timeline events`);
