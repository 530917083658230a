// The handout on its own thread (render/handout/thread.ts, as `briefing render` runs it from dist/):
// the same PDF and answer as in this thread, and its errors come back with their codes. A thread runs
// the compiled modules, so this needs a current dist/ (`npm run build`; `npm ci` makes it).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderHandout } from '../src/render/handout/index.ts';
import type * as Thread from '../src/render/handout/thread.ts';
import { placesNotes, richNotes } from './helpers/deck-fixtures.ts';

const root = path.resolve(import.meta.dirname, '..');

/** Whether dist/ is built and newer than every source (as bin/briefing.mjs decides). */
function distCurrent(): boolean {
  const stamp = fs.statSync(path.join(root, 'dist/.built'), { throwIfNoEntry: false });
  if (!stamp) return false;
  return fs.readdirSync(path.join(root, 'src'), { recursive: true, withFileTypes: true }).every((e) => !e.isFile() || fs.statSync(path.join(e.parentPath, e.name)).mtimeMs <= stamp.mtimeMs);
}

const current = distCurrent();
if (!current) console.warn('handout-thread.test.ts: dist/ is not built or is older than src/: skipped (run `npm run build`)');

const thread = async (): Promise<Thread.HandoutThread> =>
  ((await import(pathToFileURL(path.join(root, 'dist/render/handout/thread.js')).href)) as typeof Thread).handoutThread();

describe.skipIf(!current)('handout thread', () => {
  it('makes the same handout as this thread, and takes its own fit record', { timeout: 120_000 }, async () => {
    const answer = (r: { fit: { shorten: number; map: boolean; step: number; size: number } }) => [r.fit.shorten, r.fit.map, r.fit.step, r.fit.size];
    for (const notes of [richNotes(), placesNotes()]) {
      const here = await renderHandout(notes, { paper: 'a4', fit: null });
      let fit: unknown = null;
      for (const round of [0, 1]) {
        const t = await thread();
        try {
          const there = await t.render(notes, { paper: 'a4', fit });
          expect(Buffer.from(there.pdf).equals(Buffer.from(here.pdf))).toBe(true);
          // The fit record's keys name the code, compiled here and not there: its answer is the same.
          expect({ ...there, pdf: null, layouts: 0, fit: answer(there) }).toEqual({ ...here, pdf: null, layouts: 0, fit: answer(here) });
          // Given the record of its last search, the thread lays the page out once.
          if (round === 1) expect(there.layouts).toBe(1);
          fit = there.fit;
        } finally {
          t.close();
        }
      }
    }
  });

  it('started before `render` loads (bin/briefing.mjs), does not keep a render that fails early from ending', { timeout: 120_000 }, () => {
    // A usage error ends the command before it asks for the thread.
    const r = spawnSync(process.execPath, [path.join(root, 'bin/briefing.mjs'), 'render', '--no-such-option'], { encoding: 'utf8', timeout: 60_000 });
    expect(r.signal).toBeNull();
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--no-such-option');
  });

  it('started before `build` reads, does not keep a build that fails from ending', { timeout: 120_000 }, () => {
    const r = spawnSync(process.execPath, [path.join(root, 'bin/briefing.mjs'), 'build', path.join(root, 'no-such-folder'), '-q'], { encoding: 'utf8', timeout: 60_000 });
    expect(r.signal).toBeNull();
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('no-such-folder');
  });

  it('gives back an error with its code', { timeout: 60_000 }, async () => {
    const t = await thread();
    try {
      // Not a paper size: the template cannot lay the page out.
      await expect(t.render(richNotes(), { paper: 'tabloid' as 'a4' })).rejects.toMatchObject({ name: 'BriefingError', code: 'TOOL_FAILED' });
    } finally {
      t.close();
    }
  });
});
