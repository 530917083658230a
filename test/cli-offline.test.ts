// `briefing build` with no network at all (a fresh network namespace, as root) succeeds, and strace
// sees no attempt to connect to any internet address. Skipped, saying why, where that cannot be set up.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const tmp = path.join(root, 'test/.tmp/cli-offline');
const articles = path.join(root, 'test/fixtures/articles');

/** Why the offline run cannot be made here, or null when it can. */
function cannotIsolate(): string | null {
  if (process.getuid?.() !== 0) return 'not root: unshare -n needs root';
  if (spawnSync('unshare', ['-n', 'true']).status !== 0) return 'unshare -n is not permitted here';
  if (spawnSync('strace', ['-V']).status !== 0) return 'strace is not installed';
  return null;
}

describe('briefing build offline', () => {
  it('succeeds with networking disabled and never tries to connect', (ctx) => {
    const why = cannotIsolate();
    if (why) {
      console.warn(`skipped: ${why}`);
      ctx.skip();
    }
    fs.rmSync(tmp, { recursive: true, force: true });
    fs.mkdirSync(tmp, { recursive: true });
    const trace = path.join(tmp, 'connect.trace');
    const r = spawnSync('unshare', ['-n', 'strace', '-f', '-qq', '-e', 'trace=connect', '-o', trace,
      process.execPath, path.join(root, 'bin/briefing.mjs'), 'build', articles,
      '--notes', `${tmp}/notes/briefing.md`, '--deck', `${tmp}/slides/slides.md`, '--handout', `${tmp}/out/summary.pdf`], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    for (const f of ['notes/briefing.md', 'notes/briefing.json', 'slides/slides.md', 'out/summary.pdf']) expect(fs.existsSync(path.join(tmp, f)), f).toBe(true);
    const attempts = fs.readFileSync(trace, 'utf8').split('\n').filter((l) => /AF_INET6?\b/.test(l));
    expect(attempts).toEqual([]);
  });
});
