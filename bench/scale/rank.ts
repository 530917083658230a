// Times the key points' ranking (rankPoints, keypoints.ts) alone on cached analyses (stages.ts --save=FILE),
// after the sections build.ts runs before it, so the shared caches are as warm as in a build:
// `node bin/run-ts.mjs bench/scale/rank.ts FILE [--repeat=N] [--ab=DIR]`. With --ab (a checkout of other code,
// `git archive REV | tar -x -C DIR`, node_modules linked), its rankPoints and this one alternate in one process,
// fresh objects each run; each line gives rankPoints' CPU seconds and the points' digest, which must agree.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import type { DocumentAnalysis } from '../../src/extract/analysis.ts';
import type { SourceDoc } from '../../src/notes/model.ts';
import * as here from '../../src/extract/briefing/keypoints.ts';
import * as hereContext from '../../src/extract/briefing/context.ts';
import * as hereDuplicates from '../../src/extract/briefing/duplicates.ts';
import * as hereStaleness from '../../src/extract/briefing/staleness.ts';
import * as hereDates from '../../src/extract/briefing/source-dates.ts';

const flag = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const cpuMs = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };

interface Code {
  rankPoints: typeof here.rankPoints;
  makeContext: typeof hereContext.makeContext;
  mergeDuplicates: typeof hereDuplicates.mergeDuplicates;
  staleDocs: typeof hereStaleness.staleDocs;
  withAnalysisMeta: typeof hereDates.withAnalysisMeta;
}

async function codeIn(dir: string): Promise<Code> {
  const load = async (file: string) => (await import(path.resolve(dir, 'src/extract/briefing', file))) as Record<string, unknown>;
  return { ...(await load('keypoints.ts')), ...(await load('context.ts')), ...(await load('duplicates.ts')), ...(await load('staleness.ts')), ...(await load('source-dates.ts')) } as unknown as Code;
}

const [file] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
if (!file) { console.error('usage: rank.ts CACHE [--repeat=N] [--ab=DIR]'); process.exit(2); }
const buffer = readFileSync(file);
const codes: Array<[string, Code]> = [['this', { ...here, ...hereContext, ...hereDuplicates, ...hereStaleness, ...hereDates }]];
const base = flag('ab');
if (base) codes.unshift(['base', await codeIn(base)]);
for (let run = 0; run < Number(flag('repeat') ?? 1); run++) for (const [name, code] of codes) {
  const { docs, analyses } = v8.deserialize(buffer) as { docs: SourceDoc[]; analyses: DocumentAnalysis[] };
  // As build.ts: dates, duplicates, context and staleness before the ranking.
  const dated = code.withAnalysisMeta(docs, analyses);
  const merged = code.mergeDuplicates(dated, analyses);
  const ctx = code.makeContext(dated, merged.analyses);
  const stale = code.staleDocs(ctx);
  const t = cpuMs();
  const points = code.rankPoints(ctx, stale);
  const ms = cpuMs() - t;
  const digest = createHash('sha256').update(JSON.stringify(points, (_, v: unknown) => (v instanceof Set || (v && typeof v === 'object' && Symbol.iterator in v && !Array.isArray(v)) ? [...(v as Iterable<unknown>)] : v))).digest('hex').slice(0, 12);
  console.log(`${name} rankPoints ${(ms / 1000).toFixed(2)} s CPU, ${points.length} points, digest ${digest}`);
}
