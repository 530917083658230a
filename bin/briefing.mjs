#!/usr/bin/env node
// The `briefing` command: runs the compiled CLI in dist/ (fast start), or the TypeScript sources
// through tsx when dist/ is missing or older than src/, so a developer editing src/ (and the tests,
// which run this file) always run the current source. `npm run build` makes the fast path current
// again; BRIEFING_FROM_SOURCE=1 forces the sources.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import { jitBudgetFlag } from './jit-budget.mjs';

// Before any of the CLI's modules load (their functions and the threads' take the setting from then on).
const budget = jitBudgetFlag();
if (budget) v8.setFlagsFromString(budget);

const root = fileURLToPath(new URL('..', import.meta.url));

/** The newest modification time of any file under `dir`, in ms (about 2 ms for src/). */
function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const mtime = fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs;
    if (mtime > newest) newest = mtime;
  }
  return newest;
}

/** Why the compiled CLI cannot be used, or null when it is current. */
function whyFromSource() {
  if (process.env.BRIEFING_FROM_SOURCE === '1') return 'BRIEFING_FROM_SOURCE=1';
  // bin/build.mjs writes the stamp last, only after a successful compile.
  const stamp = fs.statSync(path.join(root, 'dist/.built'), { throwIfNoEntry: false });
  if (!stamp) return 'dist/ is not built';
  if (newestMtime(path.join(root, 'src')) > stamp.mtimeMs) return 'dist/ is older than src/';
  return null;
}

const reason = whyFromSource();
let main;
if (reason === null) {
  // `render` and `build` make a handout: its thread starts now, so its start-up (Typst's compiler, the font
  // search) overlaps the CLI's module loading and, for `build`, reading the sources.
  if (process.argv[2] === 'render' || process.argv[2] === 'build') (await import('../dist/render/handout/thread.js')).prestartHandoutThread();
  ({ main } = await import('../dist/cli/main.js'));
} else {
  // Said only to a person at a terminal: scripts and tests read stderr for the command's own messages.
  if (process.stderr.isTTY && !process.env.BRIEFING_FROM_SOURCE) {
    process.stderr.write(`briefing: ${reason}: running the TypeScript sources (slower start; \`npm run build\` to compile)\n`);
  }
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/cli/main.ts'));
}
process.exitCode = await main(process.argv.slice(2));
