// Where the heap goes in a real `briefing build`: preloaded into the CLI, prints at each stage's start (and at exit)
// the RSS and heap in use, then forces a GC and prints what is retained. Needs a compiled tree (`npm run build`).
// Usage: PROBE_TREE=$PWD node --expose-gc --import ./bench/scale/heap-probe.mjs bin/briefing.mjs build DIR --json
// (the forced GCs change the peak: time the peak without this probe, under /usr/bin/time).
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const tree = path.resolve(process.env['PROBE_TREE'] ?? '.');
const { Reporter } = await import(pathToFileURL(path.join(tree, 'dist/cli/report.js')).href);
const mb = (bytes) => (bytes / 1048576).toFixed(0).padStart(5);

function probe(label) {
  const before = process.memoryUsage();
  globalThis.gc?.();
  const after = process.memoryUsage();
  process.stderr.write(`heap-probe ${label.padEnd(10)} rss ${mb(before.rss)} MB, heap used ${mb(before.heapUsed)} MB, retained after GC ${mb(after.heapUsed)} MB, array buffers ${mb(after.arrayBuffers)} MB\n`);
}

const stage = Reporter.prototype.stage;
Reporter.prototype.stage = function (name) {
  probe(`@${name}`);
  return stage.call(this, name);
};
process.on('exit', () => probe('exit'));
