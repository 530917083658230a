// The read stage alone (`loadSources`: files read, repaired, duplicates found), in two phases: until the last
// file is read, then the rest (repair, the duplicate search). For each: wall, CPU of all threads and of the main
// thread (from /proc), and what a quiet 2-core host would take about (the most of the main thread's CPU and
// all threads' CPU over 2), since wall time says little on a busy shared host. Prints a hash of the result to
// compare two trees. Runs a built tree with its JIT setting, as `briefing build` does.
// Usage: node bench/scale/read-threads.mjs TREE DIR   (TREE: a checkout with dist/ built; Linux only)
import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import { createHash } from 'node:crypto';

const [tree, dir] = process.argv.slice(2).map((p) => path.resolve(p));
const { jitBudgetFlag } = await import(path.join(tree, 'bin/jit-budget.mjs'));
const budget = jitBudgetFlag();
if (budget) v8.setFlagsFromString(budget);
const { loadSources } = await import(path.join(tree, 'dist/ingest/load.js'));

const mainCpu = () => {
  const fields = fs.readFileSync('/proc/thread-self/stat', 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime, in clock ticks (USER_HZ 100)
};
const allCpu = () => { const c = process.cpuUsage(); return (c.user + c.system) / 1e6; };
const mark = () => ({ wall: performance.now() / 1000, all: allCpu(), main: mainCpu() });

const start = mark();
let read = start;
const loaded = await loadSources([dir], { onFile: (done, total) => { if (done === total) read = mark(); } });
const end = mark();
const f = (x) => x.toFixed(2);
const phase = (a, b) => {
  const all = b.all - a.all;
  const main = b.main - a.main;
  return { text: `wall ${f(b.wall - a.wall)} cpu ${f(all)} main ${f(main)} others ${f(all - main)}`, quiet: Math.max(main, all / 2) };
};
const files = phase(start, read);
const rest = phase(read, end);
const hash = createHash('sha256').update(JSON.stringify(loaded)).digest('hex').slice(0, 12);
console.log(`${path.basename(tree)}: wall ${f(end.wall - start.wall)} cpu ${f(end.all - start.all)} | files: ${files.text} | rest: ${rest.text} | quiet-host estimate ${f(files.quiet + rest.quiet)} s | result ${hash} | load ${fs.readFileSync('/proc/loadavg', 'utf8').split(' ')[0]}`);
