#!/usr/bin/env node
// Compiles src/ to dist/ (tsc, one .js per .ts, imports rewritten to .js) and copies the files the
// code reads at run time (Typst templates and any other non-TypeScript file) beside their modules,
// so `bin/briefing.mjs` starts from JavaScript instead of compiling TypeScript on every run.
// Run by `npm run build` and by npm's `prepare` (so `npm ci` builds it).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const root = fileURLToPath(new URL('..', import.meta.url));
const src = path.join(root, 'src');
const dist = path.join(root, 'dist');
/** Written last: bin/briefing.mjs runs dist/ only when this exists and is newer than every file in src/. */
const STAMP = path.join(dist, '.built');

let tsc;
try {
  tsc = createRequire(path.join(root, 'package.json')).resolve('typescript/bin/tsc');
} catch {
  // An install without devDependencies: the bin then runs the sources with tsx (slower start, same result).
  console.error('briefing build: typescript is not installed; skipping dist/ (the CLI will run the TypeScript sources)');
  process.exit(0);
}

// Start clean, so a module deleted from src/ cannot linger in dist/ and be imported by mistake.
fs.rmSync(dist, { recursive: true, force: true });
const result = spawnSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
if (result.status !== 0) {
  // tsc still emits on type errors; without the stamp the bin ignores what it wrote.
  console.error('briefing build: tsc reported errors; dist/ is not marked as built');
  process.exit(result.status ?? 1);
}

let copied = 0;
for (const entry of fs.readdirSync(src, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || entry.name.endsWith('.ts')) continue;
  const from = path.join(entry.parentPath, entry.name);
  const to = path.join(dist, path.relative(src, from));
  fs.mkdirSync(path.dirname(to), { recursive: true });
  fs.copyFileSync(from, to);
  copied++;
}
fs.writeFileSync(STAMP, `${new Date().toISOString()}\n`);
console.error(`briefing build: compiled src/ to dist/ (${copied} run-time file${copied === 1 ? '' : 's'} copied)`);
