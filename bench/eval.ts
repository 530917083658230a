// Evaluation harness CLI: scores the extractor on the annotated corpora in ../shared/eval, prints one table
// and writes bench/results/eval.md and eval.json. Usage: npm run bench [-- --only entities,quotes --limit N --misses]

import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { evaluateCleaning } from './eval/cleaning.ts';
import { evaluateDates } from './eval/dates.ts';
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
  ['dates', evaluateDates],
  ['cleaning', evaluateCleaning],
  ['speed', evaluateThroughput],
];

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
      // A failing section is reported and the others still run; the stack goes to stderr.
      process.stderr.write(`eval: ${name} failed: ${(err as Error).stack ?? String(err)}\n`);
      skipped.push({ name, reason: `failed: ${(err as Error).message}` });
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
