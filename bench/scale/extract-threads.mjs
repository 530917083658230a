// The extract stage alone, per thread: CPU seconds of the main thread and of the busiest other threads (the
// worker pools, GC helpers), read from /proc while it runs, so the main thread's serial share shows even on
// a busy shared host where wall time says little. Runs a built tree (dist/): compare two trees side by side.
// A tree whose extraction reports its rounds (AnalyzeOptions.onRound) is also shown round by round: each
// thread's CPU in the round, and what a quiet host with `WORKERS` cores would take for it at least and about
// (the most of: the main thread's CPU, the busiest other thread's, all threads' CPU over the cores).
// Usage: node bench/scale/extract-threads.mjs DIR [DIST_ROOT=dist] [WORKERS=2] [MIN_CHARS_PER_WORKER]   (Linux only)
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';

const [dir, root = 'dist', workers = '2', minChars] = process.argv.slice(2);
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
// Each round's end: the time and every thread's CPU so far.
const rounds = [{ name: 'start', t: performance.now(), used: new Map() }];
const onRound = (name) => { sample(); rounds.push({ name, t: performance.now(), used: new Map(used) }); };
const t0 = performance.now();
const c0 = process.cpuUsage();
const analyses = await analyzeDocumentsParallel(docs, { onRound }, Number(workers), minChars === undefined ? undefined : Number(minChars));
sample();
clearInterval(timer);
const cpu = process.cpuUsage(c0);
const main = used.get(String(process.pid)) ?? 0;
const others = [...used].filter(([t]) => t !== String(process.pid)).map(([, v]) => v).sort((a, b) => b - a).slice(0, 6);
const s = (x) => x.toFixed(1);
let quiet = 0;
for (let k = 1; k < rounds.length; k++) {
  const [from, to] = [rounds[k - 1], rounds[k]];
  const spent = [...to.used].map(([t, c]) => [t, c - (from.used.get(t) ?? 0)]);
  const mainCpu = spent.find(([t]) => t === String(process.pid))?.[1] ?? 0;
  const rest = spent.filter(([t]) => t !== String(process.pid)).map(([, c]) => c).sort((a, b) => b - a);
  const estimate = Math.max(mainCpu, rest[0] ?? 0, spent.reduce((sum, [, c]) => sum + c, 0) / Number(workers));
  quiet += estimate;
  console.log(`  ${to.name.padEnd(52)} wall ${s((to.t - from.t) / 1000).padStart(5)} s  main ${s(mainCpu).padStart(5)} s  others ${rest.slice(0, 4).map(s).join(' ')} s  quiet ~${s(estimate)} s`);
}
if (rounds.length > 1) console.log(`  rounds on a quiet host, about ${s(quiet)} s in all`);
console.log([
  `${docs.length} sources, ${dist}, ${workers} workers`,
  `wall ${s((performance.now() - t0) / 1000)} s, CPU ${s((cpu.user + cpu.system) / 1e6)} s`,
  `main thread ${s(main)} s, busiest others ${others.map(s).join(' ')} s`,
  `peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`,
  `analyses ${createHash('sha256').update(JSON.stringify(analyses)).digest('hex').slice(0, 12)}`,
].join('; '));
