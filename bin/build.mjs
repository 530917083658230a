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
import { pathToFileURL } from 'node:url';

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
const vendored = await vendor();
fs.writeFileSync(STAMP, `${new Date().toISOString()}\n`);
console.error(`briefing build: compiled src/ to dist/ (${copied} run-time file${copied === 1 ? '' : 's'} copied${vendored.length ? `; ${vendored.join(', ')} bundled into dist/vendor/` : ''})`);

/**
 * Bundle the packages in VENDOR into one file each (dist/vendor/NAME.js, with esbuild) and point
 * dist/'s imports of them there. Node reads every file of a package separately (yaml is 74 CommonJS
 * files, markdown-it 65 modules with its dependencies): about a third of a cold `render`'s module
 * loading. The code is the package's own (the Node build, not a browser one), so behaviour is the same.
 * Without esbuild (an install without devDependencies) dist/ imports the packages as they are.
 */
async function vendor() {
  const VENDOR = ['yaml', 'markdown-it'];
  const require = createRequire(path.join(root, 'package.json'));
  let esbuild;
  try {
    esbuild = await import(pathToFileURL(require.resolve('esbuild')).href);
  } catch {
    console.error('briefing build: esbuild is not installed; dist/ imports its packages unbundled (slower start, same result)');
    return [];
  }
  for (const name of VENDOR) {
    // Re-export exactly what Node's own import gives (a CommonJS package's named exports included),
    // so `import YAML, { isMap } from 'yaml'` means the same with the bundle.
    const ns = await import(pathToFileURL(require.resolve(name)).href);
    const named = Object.keys(ns).filter((k) => k !== 'default' && /^[A-Za-z_$][\w$]*$/.test(k));
    const contents = `export { ${['default', ...named].join(', ')} } from ${JSON.stringify(name)};\n`;
    await esbuild.build({
      stdin: { contents, resolveDir: root, sourcefile: `vendor-${name}.mjs`, loader: 'js' },
      bundle: true, format: 'esm', platform: 'node', target: 'node20', outfile: path.join(dist, 'vendor', `${name}.js`),
      logLevel: 'warning', legalComments: 'inline',
      // A CommonJS package's require() of Node's own modules ('process') needs a real require in ESM.
      banner: { js: "import { createRequire as __vendorRequire } from 'node:module'; const require = __vendorRequire(import.meta.url);" },
    });
  }
  // tsc keeps the import specifiers as written: `from 'yaml'`, `import('yaml')`.
  const specifier = new RegExp(`(\\bfrom\\s*|\\bimport\\s*\\(\\s*)(['"])(${VENDOR.map((v) => v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})\\2`, 'g');
  for (const entry of fs.readdirSync(dist, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.js') || entry.parentPath.startsWith(path.join(dist, 'vendor'))) continue;
    const file = path.join(entry.parentPath, entry.name);
    const text = fs.readFileSync(file, 'utf8');
    const rewritten = text.replace(specifier, (_m, head, quote, name) => {
      let rel = path.relative(entry.parentPath, path.join(dist, 'vendor', `${name}.js`)).split(path.sep).join('/');
      if (!rel.startsWith('.')) rel = `./${rel}`;
      return `${head}${quote}${rel}${quote}`;
    });
    if (rewritten !== text) fs.writeFileSync(file, rewritten);
  }
  return VENDOR;
}
