// The scale bench: generated corpora of N articles (corpus.ts) through the whole `briefing build` as a child
// process, and through compromise's entity pass in the same run; docs/s, MB/s, peak RSS (from
// /usr/bin/time -v), the median of several runs, and the ratio; the build's own stage timings (`--json`) give
// the time to the notes (read + extract + notes) apart from the deck and handout. Adds its section at the top of
// bench/results/scale.md (earlier runs kept below).
// Usage: nice -n 10 node bin/run-ts.mjs bench/scale/run.ts [--sizes 1000,10000] [--runs 3] [--seed 1]
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeCorpus } from './corpus.ts';
import { measure, median, prependSection, type Run } from './measure.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const arg = (name: string, fallback: string) => { const k = process.argv.indexOf(`--${name}`); return k > 0 ? process.argv[k + 1]! : fallback; };
const sizes = arg('sizes', '1000,10000').split(',').map(Number);
const runs = Number(arg('runs', '3'));
const seed = Number(arg('seed', '1'));

const lines: string[] = [];
const say = (s: string) => { lines.push(s); console.log(s); };
say(`## Run of ${new Date().toISOString().slice(0, 10)}`);
say('');
say(`Reproduce: \`nice -n 10 node bin/run-ts.mjs bench/scale/run.ts --sizes ${sizes.join(',')} --runs ${runs} --seed ${seed}\``);
say(`(${new Date().toISOString().slice(0, 16)}Z, ${os.availableParallelism()} cores, load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')} at the start; median of ${runs} runs, each a fresh child process).`);
say('');
say('| articles | MB | pass | median wall s | median CPU s | docs/s (wall) | MB/s (wall) | peak RSS MB (max of runs) | time ÷ compromise\'s (wall / CPU) |');
say('|---:|---:|---|---:|---:|---:|---:|---:|---:|');
const stageRows: string[] = [];
for (const n of sizes) {
  const work = mkdtempSync(path.join(os.tmpdir(), 'briefing-scale-'));
  const corpus = path.join(work, 'corpus');
  const mb = writeCorpus(corpus, n, seed) / 1e6;
  const build: Run[] = [];
  const lib: Run[] = [];
  for (let k = 0; k < runs; k++) {
    // Alternated, so a busy spell on a shared host falls on both.
    const out = path.join(work, `out${k}`);
    mkdirSync(out);
    build.push(measure([process.execPath, path.join(ROOT, 'bin/briefing.mjs'), 'build', corpus, '--json', '--notes', `${out}/notes/briefing.md`, '--deck', `${out}/slides/slides.md`, '--handout', `${out}/out/summary.pdf`], out));
    lib.push(measure([process.execPath, path.join(ROOT, 'bench/scale/nlp-pass.mjs'), corpus], work));
    console.error(`${n}: run ${k + 1}: build ${build.at(-1)!.seconds.toFixed(1)} s (CPU ${build.at(-1)!.cpu.toFixed(1)}), compromise ${lib.at(-1)!.seconds.toFixed(1)} s (CPU ${lib.at(-1)!.cpu.toFixed(1)})`);
  }
  const b = median(build.map((r) => r.seconds));
  const l = median(lib.map((r) => r.seconds));
  const bc = median(build.map((r) => r.cpu));
  const lc = median(lib.map((r) => r.cpu));
  const row = (label: string, s: number, cpu: number, rs: Run[], ratio: string) =>
    say(`| ${n} | ${mb.toFixed(1)} | ${label} | ${s.toFixed(1)} | ${cpu.toFixed(1)} | ${(n / s).toFixed(1)} | ${(mb / s).toFixed(2)} | ${Math.max(...rs.map((r) => r.rssMB)).toFixed(0)} | ${ratio} |`);
  row('`briefing build` (notes, deck, handout)', b, bc, build, `${(b / l).toFixed(2)}× / ${(bc / lc).toFixed(2)}×`);
  row('compromise 14.20.0 people/places/organizations', l, lc, lib, '');
  const stage = (name: string) => median(build.map((r) => r.stages.get(name) ?? NaN));
  stageRows.push(`| ${n} | ${['read', 'extract', 'notes', 'deck', 'handout'].map((x) => stage(x).toFixed(1)).join(' | ')} | ${median(build.map((r) => ['read', 'extract', 'notes'].reduce((t, x) => t + (r.stages.get(x) ?? NaN), 0))).toFixed(1)} | ${(n / median(build.map((r) => ['read', 'extract', 'notes'].reduce((t, x) => t + (r.stages.get(x) ?? NaN), 0)))).toFixed(0)} |`);
  rmSync(work, { recursive: true, force: true });
}
say('');
say('The build\'s own stage timings (`briefing build --json`), medians in seconds; "to notes" is read + extract + notes (the notes written), before the deck and handout are rendered:');
say('');
say('| articles | read | extract | notes | deck | handout | to notes | docs/s to notes |');
say('|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const r of stageRows) say(r);
mkdirSync(path.join(ROOT, 'bench/results'), { recursive: true });
prependSection(path.join(ROOT, 'bench/results/scale.md'), '# Scale bench', lines);
