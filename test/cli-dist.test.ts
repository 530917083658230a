// The published command's start: bin/briefing.mjs runs the compiled dist/ only while it is current
// (stamped by bin/build.mjs, newer than every file in src/), else the TypeScript sources, so that a
// developer (or a test) running the bin always runs what src/ says. bin/build.mjs copies the files
// the code reads at run time (templates) into dist/.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const tmp = path.join(root, 'test/.tmp/cli-dist');

/** A package with the real bin scripts, a one-line CLI in src/ and another in dist/: each says which it is. */
function fakePackage(name: string): string {
  const dir = path.join(tmp, name);
  fs.mkdirSync(path.join(dir, 'bin'), { recursive: true });
  for (const f of ['briefing.mjs', 'build.mjs', 'jit-budget.mjs']) fs.copyFileSync(path.join(root, 'bin', f), path.join(dir, 'bin', f));
  fs.symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'));
  fs.writeFileSync(path.join(dir, 'package.json'), '{"type":"module"}\n');
  fs.mkdirSync(path.join(dir, 'src/cli'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'src/cli/main.ts'), "export async function main(argv: string[]): Promise<number> { console.log('src', argv.join(' ')); return 0; }\n");
  fs.mkdirSync(path.join(dir, 'src/templates'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'src/templates/page.typ'), '= A template read at run time\n');
  fs.mkdirSync(path.join(dir, 'dist/cli'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'dist/cli/main.js'), "export async function main(argv) { console.log('dist', argv.join(' ')); return 0; }\n");
  return dir;
}

const run = (dir: string, env: NodeJS.ProcessEnv = {}) =>
  spawnSync(process.execPath, [path.join(dir, 'bin/briefing.mjs'), 'x'], { encoding: 'utf8', env: { ...process.env, BRIEFING_FROM_SOURCE: '', ...env } }).stdout.trim();

/** Set a file's modification time `seconds` from now. */
const touch = (file: string, seconds: number) => { const t = new Date(Date.now() + seconds * 1000); fs.utimesSync(file, t, t); };

beforeAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('bin/briefing.mjs', () => {
  it('runs the sources while dist/ is not stamped as built', () => {
    expect(run(fakePackage('unstamped'))).toBe('src x');
  });

  it('runs dist/ when it is newer than every source, the sources once one is edited', () => {
    const dir = fakePackage('stamped');
    fs.writeFileSync(path.join(dir, 'dist/.built'), 'now\n');
    touch(path.join(dir, 'src/cli/main.ts'), -60);
    touch(path.join(dir, 'src/templates/page.typ'), -60);
    expect(run(dir)).toBe('dist x');
    // Editing any file under src/, a template as much as a module, makes dist/ stale.
    touch(path.join(dir, 'src/templates/page.typ'), 0);
    expect(run(dir)).toBe('src x');
  });

  it('runs the sources when BRIEFING_FROM_SOURCE=1, even with dist/ current', () => {
    const dir = fakePackage('forced');
    fs.writeFileSync(path.join(dir, 'dist/.built'), 'now\n');
    touch(path.join(dir, 'src/cli/main.ts'), -60);
    touch(path.join(dir, 'src/templates/page.typ'), -60);
    expect(run(dir, { BRIEFING_FROM_SOURCE: '1' })).toBe('src x');
  });
});

describe('bin/build.mjs', () => {
  it('compiles src/ to dist/, copies the run-time files beside their modules, and stamps it', () => {
    const dir = fakePackage('build');
    fs.writeFileSync(path.join(dir, 'tsconfig.build.json'), JSON.stringify({
      compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, rootDir: 'src', outDir: 'dist', rewriteRelativeImportExtensions: true, skipLibCheck: true, types: [] },
      include: ['src'],
    }));
    const r = spawnSync(process.execPath, [path.join(dir, 'bin/build.mjs')], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'dist/templates/page.typ'), 'utf8')).toBe('= A template read at run time\n');
    expect(fs.readFileSync(path.join(dir, 'dist/cli/main.js'), 'utf8')).toContain("console.log('src'");
    expect(fs.existsSync(path.join(dir, 'dist/.built'))).toBe(true);
    expect(run(dir)).toBe('src x');
  });
});
