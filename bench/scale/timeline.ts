// Times the notes' timeline and discrepancies sections alone on cached analyses (stages.ts --save=FILE), after
// the sections build.ts runs before them that fill the shared word caches (dates, duplicates, context):
// `node bin/run-ts.mjs bench/scale/timeline.ts FILE [--repeat=N] [--ab=DIR]`. With --ab (a checkout of other code,
// `git archive REV | tar -x -C DIR`, node_modules linked), its sections and this one alternate in one process.
// Each checkout's context is made once; every run gets a fresh copy of it, so the anchored events (kept per
// context) are found again, while the words of spans read in an earlier run stay cached (the first run is the one
// a build sees). Each line gives the sections' CPU seconds and a digest of what they made, which must agree.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import type { DocumentAnalysis } from '../../src/extract/analysis.ts';
import type { SourceDoc } from '../../src/notes/model.ts';
import * as hereContext from '../../src/extract/briefing/context.ts';
import * as hereDuplicates from '../../src/extract/briefing/duplicates.ts';
import * as hereDates from '../../src/extract/briefing/source-dates.ts';
import * as hereTimeline from '../../src/extract/briefing/timeline.ts';
import * as hereSelect from '../../src/extract/briefing/timeline-select.ts';
import * as hereDiscrepancies from '../../src/extract/briefing/discrepancies.ts';
import * as hereTrends from '../../src/extract/briefing/trends.ts';

const flag = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const cpuMs = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };

const modules = { ...hereContext, ...hereDuplicates, ...hereDates, ...hereTimeline, ...hereSelect, ...hereDiscrepancies, ...hereTrends };
type Code = typeof modules;

async function codeIn(dir: string): Promise<Code> {
  const load = async (file: string) => (await import(path.resolve(dir, 'src/extract/briefing', file))) as Record<string, unknown>;
  const files = ['context.ts', 'duplicates.ts', 'source-dates.ts', 'timeline.ts', 'timeline-select.ts', 'discrepancies.ts', 'trends.ts'];
  return Object.assign({}, ...(await Promise.all(files.map(load)))) as Code;
}

const [file] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
if (!file) { console.error('usage: timeline.ts CACHE [--repeat=N] [--ab=DIR]'); process.exit(2); }
const buffer = readFileSync(file);
const codes: Array<[string, Code]> = [['this', modules]];
const base = flag('ab');
if (base) codes.unshift(['base', await codeIn(base)]);

// As build.ts: dates, duplicates and context before the sections (each checkout with its own caches).
const prepared = codes.map(([name, code]) => {
  const { docs, analyses } = v8.deserialize(buffer) as { docs: SourceDoc[]; analyses: DocumentAnalysis[] };
  const dated = code.withAnalysisMeta(docs, analyses);
  const ctx = code.makeContext(dated, code.mergeDuplicates(dated, analyses).analyses);
  return { name, code, ctx, rising: code.trends(ctx).rising };
});
const digest = (x: unknown) => createHash('sha256').update(JSON.stringify(x)).digest('hex').slice(0, 12);
for (let run = 0; run < Number(flag('repeat') ?? 1); run++) for (const { name, code, ctx, rising } of prepared) {
  const fresh = { ...ctx };
  let t = cpuMs();
  const events = code.timeline(fresh);
  const shown = code.notesTimeline(fresh, events);
  const timelineMs = cpuMs() - t;
  t = cpuMs();
  const found = code.discrepancies(fresh, rising);
  const discrepanciesMs = cpuMs() - t;
  console.log(`${name} timeline ${(timelineMs / 1000).toFixed(2)} s CPU (${events.length} events, digest ${digest(shown)}), discrepancies ${(discrepanciesMs / 1000).toFixed(2)} s CPU (${found.length}, digest ${digest(found)})`);
}
