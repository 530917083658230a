// `build` loads the deck's modules and the notes reader (markdown-it) only after it has handed the notes to
// the handout's thread (commands/build.ts): until then the main thread is on the build's critical path
// (read, extract, notes), while after it Typst's layouts are, and the deck is made while they run. This
// checks the static import graph that `build` loads before reading, from the sources.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const src = path.resolve(import.meta.dirname, '../src');

/** Every module `entry` imports statically (not `import type`, not `await import`), transitively, relative to src/; packages as named. */
function staticGraph(entry: string): Set<string> {
  const seen = new Set<string>();
  const stack = [path.resolve(src, entry)];
  while (stack.length) {
    const file = stack.pop()!;
    const key = path.relative(src, file);
    if (seen.has(key)) continue;
    seen.add(key);
    const text = fs.readFileSync(file, 'utf8');
    for (const m of text.matchAll(/^(?:import|export)\s+(?!type\s)(?:[^;'"]*?\sfrom\s+)?['"]([^'"]+)['"]/gm)) {
      const spec = m[1]!;
      if (spec.startsWith('.')) stack.push(path.resolve(path.dirname(file), spec));
      else seen.add(spec);
    }
  }
  return seen;
}

describe('build start-up', () => {
  const graph = staticGraph('cli/commands/build.ts');

  it('reads the graph it checks: the extraction, the notes and the handout thread are in it', () => {
    for (const m of ['ingest/load.ts', 'extract/briefing/build.ts', 'render/handout/thread.ts', 'notes/fingerprint.ts', 'yaml']) expect(graph).toContain(m);
  });

  it('does not load the deck, the notes reader or markdown-it before the handout is started', () => {
    const early = [...graph].filter((m) => m.startsWith('render/slides/') || m.startsWith('render/map/') || m.startsWith('notes/read/') || m === 'markdown-it' || m === 'cli/commands/render.ts');
    expect(early).toEqual([]);
  });
});
