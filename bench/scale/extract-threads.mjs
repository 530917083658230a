// The extract stage alone, per thread: CPU seconds of the main thread and of the busiest other threads (the
// worker pools, GC helpers), read from /proc while it runs, so the main thread's serial share shows even on
// a busy shared host where wall time says little. Runs a built tree (dist/): compare two trees side by side.
// Usage: node bench/scale/extract-threads.mjs DIR [DIST_ROOT=dist] [WORKERS=2]   (Linux only)
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';

const [dir, root = 'dist', workers = '2'] = process.argv.slice(2);
const dist = path.resolve(root);
const { loadSources } = await import(path.join(dist, 'ingest/load.js'));
const { analyzeDocumentsParallel } = await import(path.join(dist, 'ingest/parallel.js'));
const { docs } = await loadSources([dir]);

const TICKS = 100; // clock ticks a second (USER_HZ)
const cpuOf = (tid) => {
  try {
    const f = fs.readFileSync(`/proc/self/task/${tid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(f[11]) + Number(f[12])) / TICKS;
  } catch {
    return null; // the thread ended between the listing and the read
  }
};
const before = new Map(fs.readdirSync('/proc/self/task').map((t) => [t, cpuOf(t)]));
// Workers end with their pool, taking their counters with them: sampled often, the last sample is kept.
const used = new Map();
const sample = () => {
  for (const t of fs.readdirSync('/proc/self/task')) {
    const c = cpuOf(t);
    if (c !== null) used.set(t, Math.max(used.get(t) ?? 0, c - (before.get(t) ?? 0)));
  }
};
const timer = setInterval(sample, 50);
const t0 = performance.now();
const c0 = process.cpuUsage();
const analyses = await analyzeDocumentsParallel(docs, {}, Number(workers));
sample();
clearInterval(timer);
const cpu = process.cpuUsage(c0);
const main = used.get(String(process.pid)) ?? 0;
const others = [...used].filter(([t]) => t !== String(process.pid)).map(([, v]) => v).sort((a, b) => b - a).slice(0, 6);
const s = (x) => x.toFixed(1);
console.log([
  `${docs.length} sources, ${dist}, ${workers} workers`,
  `wall ${s((performance.now() - t0) / 1000)} s, CPU ${s((cpu.user + cpu.system) / 1e6)} s`,
  `main thread ${s(main)} s, busiest others ${others.map(s).join(' ')} s`,
  `peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`,
  `analyses ${createHash('sha256').update(JSON.stringify(analyses)).digest('hex').slice(0, 12)}`,
].join('; '));
