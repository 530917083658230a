// Evaluation harness CLI: scores the extractor on the annotated corpora in ../shared/eval, prints one table
// and writes bench/results/eval.md and eval.json. Usage: npm run bench [-- --only entities,quotes --limit N --misses]

import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { evaluateCleaning } from './eval/cleaning.ts';
import { resolveEvalDir, type EvalContext } from './eval/corpora.ts';
import { evaluateEntities } from './eval/entities.ts';
import { evaluateQuotes } from './eval/quotes.ts';
import { markdownReport, markdownTable, missesReport, type EvalReport, type SkippedSection } from './eval/report.ts';
import { evaluateThroughput } from './eval/throughput.ts';
import type { EvalSection } from './eval/types.ts';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

type Runner = (ctx: EvalContext) => EvalSection | EvalSection[] | Promise<EvalSection | EvalSection[]>;

/** Sections in table order; names are what --only takes. */
const SECTIONS: Array<[name: string, run: Runner]> = [
  ['entities', evaluateEntities],
  ['quotes', evaluateQuotes],
  ['dates', runDates],
  ['cleaning', evaluateCleaning],
  ['speed', evaluateThroughput],
];

class Skip extends Error {}

/**
 * dates.ts is written by another engineer in parallel: load it only if it is there and exports
 * `evaluateDates`, call it with the same context as the other sections, and check what comes back.
 */
async function runDates(ctx: EvalContext): Promise<EvalSection | EvalSection[]> {
  const file = path.join(projectRoot, 'bench', 'eval', 'dates.ts');
  if (!existsSync(file)) throw new Skip('bench/eval/dates.ts does not exist yet');
  const mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
  const evaluateDates = mod['evaluateDates'];
  if (typeof evaluateDates !== 'function') throw new Skip('bench/eval/dates.ts does not export evaluateDates');
  const result: unknown = await (evaluateDates as (c: EvalContext) => unknown)(ctx);
  const list = Array.isArray(result) ? result : [result];
  if (!list.every(isSection)) throw new Skip('evaluateDates did not return an EvalSection');
  return list;
}

function isSection(x: unknown): x is EvalSection {
  const s = x as Partial<EvalSection> | null;
  return typeof s === 'object' && s !== null && typeof s.title === 'string' && Array.isArray(s.metrics)
    && s.metrics.every((m) => typeof m?.name === 'string' && typeof m.value === 'number');
}

function usage(message: string): never {
  process.stderr.write(`${message}\nusage: node bin/run-ts.mjs bench/eval.ts [--only ${SECTIONS.map(([n]) => n).join(',')}] [--limit N] [--misses]\n`);
  process.exit(2);
}

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({ options: { only: { type: 'string' }, limit: { type: 'string' }, misses: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } }));
  } catch (err) {
    usage((err as Error).message);
  }
  if (values.help) usage('Scores extraction on ../shared/eval (override with BRIEFING_EVAL_DIR).');
  const only = values.only ? values.only.split(',').map((s) => s.trim()).filter(Boolean) : null;
  const unknown = only?.filter((n) => !SECTIONS.some(([name]) => name === n)) ?? [];
  if (unknown.length) usage(`unknown section: ${unknown.join(', ')}`);
  let limit: number | null = null;
  if (values.limit !== undefined) {
    limit = Number(values.limit);
    if (!Number.isInteger(limit) || limit < 1) usage(`--limit needs a positive whole number, got ${values.limit}`);
  }

  const evalDir = resolveEvalDir(projectRoot);
  if (!existsSync(evalDir)) {
    process.stderr.write(`eval data not found at ${evalDir}\n`
      + 'It lives in ../shared/eval next to the project (not in the repository). Put it there or point BRIEFING_EVAL_DIR at it.\n');
    process.exit(2);
  }
  const ctx: EvalContext = { evalDir, projectRoot, limit };

  const sections: EvalSection[] = [];
  const skipped: SkippedSection[] = [];
  for (const [name, run] of SECTIONS) {
    if (only && !only.includes(name)) continue;
    process.stderr.write(`eval: ${name}…\n`);
    const t0 = performance.now();
    try {
      const result = await run(ctx);
      sections.push(...(Array.isArray(result) ? result : [result]));
    } catch (err) {
      // A section that cannot run is reported, not fatal: the other numbers are still worth having.
      // A Skip is expected (dates.ts not there yet); anything else is a failure and keeps its stack on stderr.
      if (!(err instanceof Skip)) process.stderr.write(`eval: ${name} failed: ${(err as Error).stack ?? String(err)}\n`);
      skipped.push({ name, reason: err instanceof Skip ? err.message : `failed: ${(err as Error).message}` });
    }
    process.stderr.write(`eval: ${name} done in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
  }

  const report: EvalReport = { generated: new Date().toISOString(), options: { only, limit }, sections, skipped };
  const resultsDir = path.join(projectRoot, 'bench', 'results');
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(path.join(resultsDir, 'eval.md'), markdownReport(report) + (values.misses ? `\n${missesReport(sections)}` : ''));
  writeFileSync(path.join(resultsDir, 'eval.json'), `${JSON.stringify(report, null, 2)}\n`);

  process.stdout.write(`${markdownTable(report)}\n`);
  for (const s of skipped) process.stdout.write(`\nskipped ${s.name}: ${s.reason}`);
  if (skipped.length) process.stdout.write('\n');
  if (values.misses) process.stdout.write(`\n${missesReport(sections)}`);
  process.stderr.write(`eval: wrote ${path.relative(process.cwd(), path.join(resultsDir, 'eval.md'))} and eval.json\n`);
  // A section that crashed is a harness failure; a missed target is not (the table says FAIL).
  if (skipped.some((s) => s.reason.startsWith('failed'))) process.exitCode = 1;
}

await main();
