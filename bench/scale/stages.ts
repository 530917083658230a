// Times each stage of a build (ingest, each extraction rule, each notes section) in one process on corpora
// of growing size, to show which stage grows faster than linearly: `node bin/run-ts.mjs bench/scale/stages.ts 100 200 400`.
// `--cpu` times by the process's CPU time instead of the wall clock: on a host shared with other jobs the wall
// clock measures them too (the notes stage runs on one thread; ingest and extraction use workers, so their
// CPU time is summed over threads).
//
// With cached analyses, the notes stage alone (read and extraction are slow at 10,000 sources):
// `stages.ts --save=FILE INPUT…` reads and analyses INPUT… once and stores docs and analyses in FILE (v8
// serialized); `stages.ts --load=FILE [--out=DIR] [--repeat=N] [--ab=DIR]` builds the notes from FILE, prints each
// section's CPU time (its own, without the sections it calls) and, with --out, writes DIR/briefing.md and
// DIR/briefing.json as `briefing build` does, to compare byte for byte; --ab alternates with another checkout's code.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DocumentAnalysis } from '../../src/extract/analysis.ts';
import { RULES } from '../../src/extract/analyze.ts';
import { actors } from '../../src/extract/briefing/actors.ts';
import { makeContext } from '../../src/extract/briefing/context.ts';
import { discrepancies } from '../../src/extract/briefing/discrepancies.ts';
import { mergeDuplicates } from '../../src/extract/briefing/duplicates.ts';
import { figures } from '../../src/extract/briefing/figures.ts';
import { bottomLine, rankPoints, themedKeyPoints } from '../../src/extract/briefing/keypoints.ts';
import { quotes } from '../../src/extract/briefing/quotes.ts';
import { staleDocs } from '../../src/extract/briefing/staleness.ts';
import { withAnalysisMeta } from '../../src/extract/briefing/source-dates.ts';
import { timeline } from '../../src/extract/briefing/timeline.ts';
import { trends } from '../../src/extract/briefing/trends.ts';
import { buildNotes } from '../../src/extract/briefing/build.ts';
import { loadSources } from '../../src/ingest/load.ts';
import { analyzeDocumentsParallel } from '../../src/ingest/parallel.ts';
import { stringifyNotes } from '../../src/notes/markdown.ts';
import type { SourceDoc } from '../../src/notes/model.ts';
import v8 from 'node:v8';
import { writeCorpus } from './corpus.ts';

const flag = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const cpuMs = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };

interface Cached { inputs: string[]; docs: SourceDoc[]; analyses: DocumentAnalysis[] }

/** Reads and analyses the inputs as `briefing build` does, and stores what the notes stage is given. */
async function save(file: string, inputs: string[]): Promise<void> {
  const { docs } = await loadSources(inputs);
  const analyses = await analyzeDocumentsParallel(docs, { defaultDate: null });
  writeFileSync(file, v8.serialize({ inputs, docs, analyses } satisfies Cached));
}

type Build = typeof buildNotes;

/**
 * Builds the notes from a cache `repeat` times, timing each section by CPU time (its own, nested sections left
 * out). With `base` (a checkout of other code, e.g. `git archive REV | tar -x -C DIR` with node_modules linked and
 * this build.ts copied in), its buildNotes and this one alternate, side by side: "base" and "this" rows.
 */
async function load(file: string, out: string | undefined, repeat: number, base?: string): Promise<void> {
  const buffer = readFileSync(file);
  const builds: Array<[string, Build]> = [['this', buildNotes]];
  if (base) builds.unshift(['base', ((await import(path.resolve(base, 'src/extract/briefing/build.ts'))) as { buildNotes: Build }).buildNotes]);
  for (let run = 0; run < repeat; run++) for (const [name, build] of builds) {
    // Fresh objects each run: the caches keyed by documents and analyses must not carry over.
    const { inputs, docs, analyses } = v8.deserialize(buffer) as Cached;
    const self = new Map<string, number>();
    const stack: number[] = [];
    const time = <T>(section: string, f: () => T): T => {
      const t = cpuMs();
      stack.push(0);
      const r = f();
      const total = cpuMs() - t;
      const nested = stack.pop()!;
      if (stack.length) stack[stack.length - 1]! += total;
      self.set(section, (self.get(section) ?? 0) + total - nested);
      return r;
    };
    const t = cpuMs();
    const notes = build(docs, analyses, { inputs, time });
    const total = cpuMs() - t;
    console.log(`${base ? `${name} ` : ''}notes ${(total / 1000).toFixed(2)} s CPU: ${[...self].map(([k, v]) => `${k} ${(v / 1000).toFixed(2)}`).join(', ')}`);
    if (out && run === 0 && name === 'this') {
      mkdirSync(out, { recursive: true });
      writeFileSync(path.join(out, 'briefing.md'), stringifyNotes(notes, { drafted: true }));
      writeFileSync(path.join(out, 'briefing.json'), `${JSON.stringify(notes, null, 2)}\n`);
    }
  }
}

const saveTo = flag('save');
const loadFrom = flag('load');
if (saveTo) { await save(saveTo, process.argv.slice(2).filter((a) => !a.startsWith('--'))); process.exit(0); }
if (loadFrom) { await load(loadFrom, flag('out'), Number(flag('repeat') ?? 1), flag('ab')); process.exit(0); }

const sizes = process.argv.slice(2).filter((a) => /^\d+$/.test(a)).map(Number);
const only = process.argv.find((a) => a.startsWith('--skip='))?.slice(7).split(',') ?? [];
const rows = new Map<string, number[]>();
const cpu = process.argv.includes('--cpu');
const now = () => { if (!cpu) return performance.now(); const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const time = <T>(name: string, k: number, f: () => T): T => {
  if (only.includes(name)) return undefined as T;
  const t = now();
  const r = f();
  (rows.get(name) ?? rows.set(name, []).get(name)!)[k] = now() - t;
  return r;
};

for (const [k, n] of sizes.entries()) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'briefing-stages-'));
  writeCorpus(dir, n, 1);
  const t = now();
  const { docs } = await loadSources([dir]);
  (rows.get('ingest (loadSources)') ?? rows.set('ingest (loadSources)', []).get('ingest (loadSources)')!)[k] = now() - t;
  const state = {
    docs, options: {}, candidates: [], roles: new Map(),
    out: docs.map((doc): DocumentAnalysis => ({ id: doc.id, path: doc.path, meta: doc.meta, flags: doc.flags, sentences: [], entities: [], dates: [], quotes: [], figures: [], alignments: [], cleaning: doc.cleaning })),
  };
  for (const [name, run] of RULES) time(`extract: ${name}`, k, () => run(state as never));
  const analyses = state.out;
  const dated = time('notes: source-dates', k, () => withAnalysisMeta(docs, analyses));
  const merged = time('notes: duplicates (merge)', k, () => mergeDuplicates(dated, analyses));
  const ctx = time('notes: context', k, () => makeContext(dated, merged.analyses));
  const keyPoints = (c: typeof ctx) => {
    const ranked = rankPoints(c, staleDocs(c));
    return themedKeyPoints(c, ranked, bottomLine(ranked));
  };
  const contradictions = (c: typeof ctx) => discrepancies(c, trends(c).rising);
  for (const [name, f] of [['keypoints', keyPoints], ['actors', actors], ['timeline', timeline], ['quotes', quotes], ['figures', figures], ['discrepancies', contradictions]] as const) {
    time(`notes: ${name}`, k, () => (f as (c: typeof ctx) => unknown)(ctx));
  }
  rmSync(dir, { recursive: true, force: true });
  console.error(`${n} docs: ${[...rows].map(([name, ms]) => `${name} ${ms[k]?.toFixed(0)}`).join(', ')}`);
}
console.log(`| stage | ${sizes.map((n) => `${n} docs (${cpu ? 'CPU ' : ''}ms)`).join(' | ')} | growth per doubling |`);
console.log(`|---|${sizes.map(() => '---:').join('|')}|---:|`);
for (const [name, ms] of rows) {
  const growth = ms.length > 1 && ms[0]! > 0 ? Math.pow(ms.at(-1)! / ms[0]!, Math.log(2) / Math.log(sizes.at(-1)! / sizes[0]!)) : NaN;
  console.log(`| ${name} | ${ms.map((x) => x.toFixed(0)).join(' | ')} | ${growth.toFixed(2)}× |`);
}
