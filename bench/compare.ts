// Side-by-side speed of the extractor at another revision and in the working tree, in one process:
//   node bin/run-ts.mjs bench/compare.ts [REV] [--rounds N]     (REV defaults to HEAD)
// REV's src/ is taken with `git archive` into a temporary folder; both analyzeDocuments run on the eval
// news texts, alternating round by round, so that both see the same machine. Prints the medians and the
// median of the per-round ratios, and writes bench/results/compare.md.

import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { analyzeDocuments as Analyze } from '../src/extract/analyze.ts';
import { corpus, WARMUP } from './eval/probe.ts';
import { median } from './eval/throughput.ts';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values, positionals } = parseArgs({ options: { rounds: { type: 'string', default: '20' } }, allowPositionals: true });
const rev = positionals[0] ?? 'HEAD';
const rounds = Math.max(3, Number(values.rounds));

const dir = mkdtempSync(path.join(tmpdir(), 'briefing-compare-'));
try {
  const archive = execFileSync('git', ['archive', rev, 'src'], { cwd: projectRoot, maxBuffer: 1 << 28 });
  execFileSync('tar', ['-x', '-C', dir], { input: archive });
  writeFileSync(path.join(dir, 'package.json'), '{ "type": "module" }\n'); // as the project's own: ES modules
  const load = async (root: string) => (await import(pathToFileURL(path.join(root, 'src', 'extract', 'analyze.ts')).href) as { analyzeDocuments: typeof Analyze }).analyzeDocuments;
  const runs: Array<[string, typeof Analyze]> = [[rev, await load(dir)], ['working tree', await load(projectRoot)]];
  const docs = corpus(1);
  const kb = docs.reduce((n, d) => n + Buffer.byteLength(d.text, 'utf8'), 0) / 1000;
  for (const [, analyze] of runs) for (let k = 0; k < WARMUP; k++) analyze(docs);
  const times: number[][] = runs.map(() => []);
  for (let r = 0; r < rounds; r++) {
    runs.forEach(([, analyze], i) => {
      const t0 = performance.now();
      analyze(docs);
      times[i]!.push(performance.now() - t0);
    });
  }
  const ratios = times[0]!.map((t, r) => t / times[1]![r]!);
  const lines = [
    `# Extraction speed, side by side (${new Date().toISOString().slice(0, 10)})`,
    '',
    `${kb.toFixed(0)} KB of eval news text (${docs.length} docs), ${rounds} alternating rounds after ${WARMUP} untimed runs each.`,
    '',
    '| code | median ms | KB/s | fastest ms |',
    '|---|---:|---:|---:|',
    ...runs.map(([name], i) => `| ${name} | ${median(times[i]!).toFixed(0)} | ${(kb / (median(times[i]!) / 1000)).toFixed(0)} | ${Math.min(...times[i]!).toFixed(0)} |`),
    '',
    `Median of the per-round ratios (${rev} time / working tree time): **${median(ratios).toFixed(2)}**.`,
    '',
  ];
  process.stdout.write(lines.join('\n'));
  mkdirSync(path.join(projectRoot, 'bench', 'results'), { recursive: true });
  writeFileSync(path.join(projectRoot, 'bench', 'results', 'compare.md'), lines.join('\n'));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
