// Peak memory of `briefing build` on generated corpora, this checkout beside another (an older commit's tree,
// e.g. `git archive COMMIT | tar -x -C DIR`), alternated in one run; the tree's stage timings from `--json`.
// Usage: nice -n 10 node bin/run-ts.mjs bench/scale/memory.ts --before DIR [--sizes 1000,3000] [--seed 1]
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeCorpus } from './corpus.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const arg = (name: string, fallback: string) => { const k = process.argv.indexOf(`--${name}`); return k > 0 ? process.argv[k + 1]! : fallback; };
const before = path.resolve(arg('before', ''));
const sizes = arg('sizes', '1000,3000').split(',').map(Number);
const seed = Number(arg('seed', '1'));

/** One build under /usr/bin/time -v: peak RSS (MB), wall seconds, and the build's stage timings (s). */
function build(tree: string, corpus: string, out: string): { rssMB: number; seconds: number; stages: string } {
  mkdirSync(out, { recursive: true });
  // The sources, not a dist/ that may be older than them.
  const r = spawnSync('/usr/bin/time', ['-v', process.execPath, '--max-old-space-size=8000', path.join(tree, 'bin/briefing.mjs'), 'build', corpus, '--json', '--notes', `${out}/notes/briefing.md`, '--deck', `${out}/slides/slides.md`, '--handout', `${out}/out/summary.pdf`],
    { cwd: out, encoding: 'utf8', env: { ...process.env, BRIEFING_FROM_SOURCE: '1' }, maxBuffer: 1 << 30 });
  if (r.status !== 0) throw new Error(`build in ${tree} failed: ${r.stderr.slice(-2000)}`);
  const rss = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr)![1]) / 1024;
  const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)/.exec(r.stderr)!;
  const timings = (JSON.parse(r.stdout) as { timings: Array<{ stage: string; ms: number }> }).timings;
  return { rssMB: rss, seconds: Number(wall[1] ?? 0) * 3600 + Number(wall[2]) * 60 + Number(wall[3]), stages: timings.map((t) => `${t.stage} ${(t.ms / 1000).toFixed(1)}`).join(', ') };
}

/** Whether two output folders hold the same notes, deck and handout bytes. */
function sameOutputs(a: string, b: string): boolean {
  return ['notes/briefing.md', 'notes/briefing.json', 'slides/slides.md', 'out/summary.pdf'].every((f) => spawnSync('cmp', ['-s', path.join(a, f), path.join(b, f)]).status === 0);
}

console.log(`Reproduce: \`nice -n 10 node bin/run-ts.mjs bench/scale/memory.ts --before DIR --sizes ${sizes.join(',')} --seed ${seed}\``);
console.log(`(${new Date().toISOString().slice(0, 16)}Z, ${os.availableParallelism()} cores, load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')} at the start; one run each, before then after)`);
console.log('');
console.log('| articles | MB | tree | peak RSS MB | wall s | stages (s) | same notes, deck, PDF |');
console.log('|---:|---:|---|---:|---:|---|---|');
for (const n of sizes) {
  const work = mkdtempSync(path.join(os.tmpdir(), 'briefing-mem-'));
  const corpus = path.join(work, 'corpus');
  const mb = writeCorpus(corpus, n, seed) / 1e6;
  const runs = [['before', before], ['after', ROOT]].map(([label, tree]) => ({ label, out: path.join(work, label!), ...build(tree!, corpus, path.join(work, label!)) }));
  const same = sameOutputs(runs[0]!.out, runs[1]!.out) ? 'yes' : '**no**';
  for (const r of runs) console.log(`| ${n} | ${mb.toFixed(1)} | ${r.label} | ${r.rssMB.toFixed(0)} | ${r.seconds.toFixed(1)} | ${r.stages} | ${same} |`);
  rmSync(work, { recursive: true, force: true });
}
