// The real-news scale check: every news article of the shared corpora (MEANTIME, PolNeAR, TimeBank: a few
// hundred real articles, as issue 13's held-out check uses) briefed end to end by `briefing build`, compared in
// the same run with compromise's entity pass over the same files, then `briefing render` of the notes the build
// wrote (a cold process; the build's fit and map records beside the outputs, as after any build). Alternated
// runs, medians. Adds its section at the top of bench/results/real.md.
// Usage: nice -n 10 node bin/run-ts.mjs bench/scale/real.ts [--runs 5]
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseTimeml } from '../eval/dates.ts';
import { parseMeantime } from '../eval/meantime.ts';
import { measure, median, prependSection, type Run } from './measure.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const EVAL = path.resolve(ROOT, '..', 'shared', 'eval');
const k = process.argv.indexOf('--runs');
const runs = k > 0 ? Number(process.argv[k + 1]) : 5;

/** Writes the real articles into `dir`, one file each (the article's own text, its date on a `date` line when the corpus gives one); returns [files, bytes]. */
export function writeRealNews(dir: string, evalDir = EVAL): [number, number] {
  mkdirSync(dir, { recursive: true });
  let files = 0;
  let bytes = 0;
  const put = (name: string, text: string) => { writeFileSync(path.join(dir, name), text); files++; bytes += Buffer.byteLength(text); };
  const sorted = (d: string, ext: string) => readdirSync(d).filter((f) => f.endsWith(ext)).sort();
  for (const cluster of ['corpus_airbus', 'corpus_apple']) {
    const d = path.join(evalDir, 'meantime', cluster);
    for (const f of sorted(d, '.xml')) {
      const doc = parseMeantime(readFileSync(path.join(d, f), 'utf8'), f);
      put(`meantime-${f.replace(/\.xml$/, '.txt')}`, `${doc.dct ? `date ${doc.dct}\n\n` : ''}${doc.text}\n`);
    }
  }
  const pol = path.join(evalDir, 'polnear-dev', 'text');
  for (const f of sorted(pol, '.txt')) { copyFileSync(path.join(pol, f), path.join(dir, `polnear-${f}`)); files++; bytes += readFileSync(path.join(pol, f)).length; }
  const tb = path.join(evalDir, 'timebank');
  for (const f of sorted(tb, '.tml')) {
    const doc = parseTimeml(readFileSync(path.join(tb, f), 'utf8'), f);
    put(`timebank-${f.replace(/\.tml$/, '.txt')}`, `${doc.dct ? `date ${doc.dct}\n\n` : ''}${doc.text}\n`);
  }
  return [files, bytes];
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const work = mkdtempSync(path.join(os.tmpdir(), 'briefing-real-'));
  const corpus = path.join(work, 'news');
  const [files, bytes] = writeRealNews(corpus);
  const mb = bytes / 1e6;
  const cli = path.join(ROOT, 'bin/briefing.mjs');
  const build: Run[] = [];
  const lib: Run[] = [];
  const render: Run[] = [];
  const load = os.loadavg().map((x) => x.toFixed(1)).join(' ');
  for (let n = 0; n < runs; n++) {
    const out = path.join(work, `out${n}`);
    mkdirSync(out);
    const paths = ['--notes', `${out}/notes/briefing.md`, '--deck', `${out}/slides/slides.md`, '--handout', `${out}/out/summary.pdf`];
    // Alternated, so a busy spell on a shared host falls on both.
    build.push(measure([process.execPath, cli, 'build', corpus, '--json', ...paths], out));
    lib.push(measure([process.execPath, path.join(ROOT, 'bench/scale/nlp-pass.mjs'), corpus], work));
    render.push(measure([process.execPath, cli, 'render', `${out}/notes/briefing.md`, '--json', ...paths.slice(2)], out));
    console.error(`run ${n + 1}: build ${build.at(-1)!.seconds.toFixed(2)} s, compromise ${lib.at(-1)!.seconds.toFixed(2)} s, render ${render.at(-1)!.seconds.toFixed(2)} s`);
  }
  const row = (label: string, rs: Run[], ratio = '') => {
    const s = median(rs.map((r) => r.seconds));
    return `| ${label} | ${s.toFixed(2)} | ${median(rs.map((r) => r.cpu)).toFixed(2)} | ${(files / s).toFixed(0)} | ${(mb / s).toFixed(2)} | ${Math.max(...rs.map((r) => r.rssMB)).toFixed(0)} | ${ratio} |`;
  };
  const ratio = (a: Run[], b: Run[], key: 'seconds' | 'cpu') => (median(b.map((r) => r[key])) / median(a.map((r) => r[key]))).toFixed(1);
  const stage = (name: string) => median(build.map((r) => r.stages.get(name) ?? NaN)).toFixed(2);
  const lines = [
    `## Run of ${new Date().toISOString().slice(0, 10)}`,
    '',
    `Reproduce: \`nice -n 10 node bin/run-ts.mjs bench/scale/real.ts --runs ${runs}\` (${new Date().toISOString().slice(0, 16)}Z, ${os.availableParallelism()} cores, load average ${load} at the start).`,
    `${files} real news articles (MEANTIME, PolNeAR, TimeBank texts; ${mb.toFixed(1)} MB), median of ${runs} alternated runs, each a fresh process.`,
    '',
    '| pass | median wall s | median CPU s | docs/s | MB/s | peak RSS MB (max) | compromise ÷ this (wall / CPU) |',
    '|---|---:|---:|---:|---:|---:|---:|',
    row('`briefing build` (notes, deck, handout)', build, `${ratio(build, lib, 'seconds')}× / ${ratio(build, lib, 'cpu')}×`),
    row('compromise 14.20.0 people/places/organizations', lib),
    row('`briefing render` of the built notes', render),
    '',
    `The build's stages (medians, s): read ${stage('read')}, extract ${stage('extract')}, notes ${stage('notes')}, deck ${stage('deck')}, handout ${stage('handout')}, write ${stage('write')}.`,
  ];
  console.log(lines.join('\n'));
  prependSection(path.join(ROOT, 'bench/results/real.md'), '# Real news, end to end', lines);
  rmSync(work, { recursive: true, force: true });
}
