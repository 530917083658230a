// `briefing build` sets V8's heap growth for a large corpus (src/cli/heap-growth.ts) so that its garbage does
// not pile up to several times what it keeps, and collects the notes stage's garbage before the deck. Checked in child processes, since the setting is process-wide:
// the same program, keeping a fixed set of objects while it makes medium-lived ones (as the notes stage does,
// promoted to the old generation and then dropped), peaks far lower with the setting than without.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const module = pathToFileURL(path.join(root, 'src', 'cli', 'heap-growth.ts')).href;
const tsx = pathToFileURL(path.join(root, 'node_modules', 'tsx', 'dist', 'esm', 'api', 'index.mjs')).href;

/**
 * A child's heap: what it keeps (MB, heap used once its lasting objects are made) and the most heap it used
 * while it made ~350 MB of objects that each outlive a few young-generation collections.
 */
function churn(limit: boolean): { kept: number; peak: number } {
  const script = path.join(mkdtempSync(path.join(tmpdir(), 'briefing-heap-')), 'churn.mjs');
  writeFileSync(script, `import { register } from ${JSON.stringify(tsx)};
register();
import v8 from 'node:v8';
const { limitHeapGrowth } = await import(${JSON.stringify(module)});
${limit ? 'limitHeapGrowth();' : ''}
const used = () => v8.getHeapStatistics().used_heap_size / 1048576;
const kept = Array.from({ length: 600_000 }, (_, k) => ({ k, name: 'kept ' + k, list: [k, k + 1] }));
const keptMB = used();
const ring = new Array(400_000);
let peak = 0;
for (let k = 0; k < 4_000_000; k++) {
  ring[k % ring.length] = { k, name: 'item ' + k, list: [k] };
  if (k % 20_000 === 0) peak = Math.max(peak, used());
}
console.log(JSON.stringify({ kept: keptMB, peak, n: kept.length + ring.length }));
`);
  const r = spawnSync(process.execPath, [script], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout) as { kept: number; peak: number };
}

/** Heap used (MB) in a child after it dropped ~100 MB of objects: with `collect`, after collectGarbage. */
function afterDrop(collect: boolean): number {
  const script = path.join(mkdtempSync(path.join(tmpdir(), 'briefing-heap-')), 'drop.mjs');
  writeFileSync(script, `import { register } from ${JSON.stringify(tsx)};
register();
import v8 from 'node:v8';
const { collectGarbage } = await import(${JSON.stringify(module)});
let dropped = Array.from({ length: 1_000_000 }, (_, k) => ({ k, name: 'dropped ' + k }));
console.error(dropped.length);
dropped = null;
${collect ? 'collectGarbage();' : ''}
console.log(v8.getHeapStatistics().used_heap_size / 1048576);
`);
  const r = spawnSync(process.execPath, [script], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return Number(r.stdout);
}

describe('heap growth for briefing build', () => {
  it('collects garbage on demand, without --expose-gc', () => {
    const kept = afterDrop(false);
    expect(kept).toBeGreaterThan(60);
    expect(afterDrop(true)).toBeLessThan(kept / 3);
  });

  it('keeps the heap of a program that promotes garbage much nearer to what it keeps', { timeout: 120_000 }, () => {
    const limited = churn(true);
    const free = churn(false);
    // The ring's live items are part of what is kept while the program runs.
    expect(limited.peak).toBeLessThan(free.peak * 0.75);
    // At most ~1.5× what is live (the kept objects and the ring's ~60 MB), with room for the young generation.
    expect(limited.peak).toBeLessThan(2.2 * (limited.kept + 60));
  });
});
