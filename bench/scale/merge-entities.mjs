// The entity merge alone (the `entities` rule: resolveEntities, then each mention into its source's analysis),
// on the names of a folder saved once: `--save FILE` runs the sentences and names rules in this thread and
// writes their candidates; `--load FILE` times the rule on them (a fresh copy each run), with a hash of the
// analyses' entities and roles to compare two trees. Runs a built tree (dist/).
// Usage: node bench/scale/merge-entities.mjs --save FILE DIR [DIST_ROOT=dist]
//        node bench/scale/merge-entities.mjs --load FILE [DIST_ROOT=dist] [RUNS=2]
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';

const [mode, file, ...rest] = process.argv.slice(2);
if (mode === '--save') {
  const [dir, root = 'dist'] = rest;
  const dist = path.resolve(root);
  const { loadSources } = await import(path.join(dist, 'ingest/load.js'));
  const { RULES } = await import(path.join(dist, 'extract/analyze.js'));
  const docs = (await loadSources([dir])).docs;
  const state = { docs, options: {}, candidates: [], roles: new Map(), out: docs.map((d) => ({ id: d.id, path: d.path, meta: d.meta, flags: d.flags, sentences: [], entities: [], dates: [], quotes: [], figures: [], alignments: [], cleaning: d.cleaning })) };
  for (const [, run] of RULES.slice(0, 2)) run(state); // sentences, candidates
  fs.writeFileSync(file, v8.serialize({ candidates: state.candidates, degraded: docs.map((d) => d.flags.includes('degraded')) }));
  console.log(`saved the names of ${docs.length} sources; candidates ${createHash('sha256').update(JSON.stringify(state.candidates)).digest('hex').slice(0, 12)}`);
} else if (mode === '--load') {
  const [root = 'dist', runs = '2'] = rest;
  const { RULES } = await import(path.join(path.resolve(root), 'extract/analyze.js'));
  const rule = RULES.find(([name]) => name === 'entities')[1];
  for (let r = 1; r <= Number(runs); r++) {
    const { candidates, degraded } = v8.deserialize(fs.readFileSync(file));
    const docs = degraded.map((d) => ({ flags: d ? ['degraded'] : [] }));
    const state = { docs, candidates, roles: new Map(), out: docs.map(() => ({ entities: [] })) };
    const t = performance.now();
    const c = process.cpuUsage();
    rule(state);
    const used = process.cpuUsage(c);
    const hash = createHash('sha256').update(JSON.stringify([state.out.map((a) => a.entities), [...state.roles]])).digest('hex').slice(0, 12);
    console.log(`run ${r}: ${candidates.reduce((n, l) => n + l.length, 0)} mentions, entities rule wall ${(performance.now() - t).toFixed(0)} ms, cpu ${((used.user + used.system) / 1000).toFixed(0)} ms, analyses ${hash}`);
  }
} else {
  console.error('usage: merge-entities.mjs --save FILE DIR [DIST_ROOT] | --load FILE [DIST_ROOT] [RUNS]');
  process.exit(2);
}
