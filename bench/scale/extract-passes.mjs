// The extraction rules run several times over the same folder in one process, each rule's wall and CPU ms per
// pass: the first pass pays the JIT's warm-up (and fills the per-word caches), the later ones show the steady
// state. With WARM_DIR, the first pass runs over that folder instead, so warm-up on other texts is told apart
// from caches of this folder's words. Runs a built tree (dist/): compare two trees side by side.
// Usage: node bench/scale/extract-passes.mjs DIR [DIST_ROOT=dist] [PASSES=3] [WARM_DIR]
import path from 'node:path';

const [dir, root = 'dist', passes = '3', warmDir] = process.argv.slice(2);
const dist = path.resolve(root);
const { loadSources } = await import(path.join(dist, 'ingest/load.js'));
const { RULES } = await import(path.join(dist, 'extract/analyze.js'));
const main = (await loadSources([dir])).docs;
const warm = warmDir ? (await loadSources([warmDir])).docs : null;

for (let p = 0; p < Number(passes); p++) {
  const docs = p === 0 && warm ? warm : main;
  // The state analyze.ts's analyzeDocuments starts from.
  const state = {
    docs, options: {}, candidates: [], roles: new Map(),
    out: docs.map((d) => ({ id: d.id, path: d.path, meta: d.meta, flags: d.flags, sentences: [], entities: [], dates: [], quotes: [], figures: [], alignments: [], cleaning: d.cleaning })),
  };
  const row = [];
  let wall = 0, cpu = 0;
  for (const [name, run] of RULES) {
    const t = performance.now();
    const c = process.cpuUsage();
    run(state);
    const used = process.cpuUsage(c);
    const w = performance.now() - t;
    const u = (used.user + used.system) / 1000;
    wall += w;
    cpu += u;
    row.push(`${name} ${w.toFixed(0)}/${u.toFixed(0)}`);
  }
  console.log(`pass ${p + 1}${p === 0 && warm ? ' (warm-up folder)' : ''}: wall ${wall.toFixed(0)} ms, cpu ${cpu.toFixed(0)} ms | ${row.join(', ')}`);
}
