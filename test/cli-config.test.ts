// The config file: found in the working folder (JSON, .mjs, package.json "briefing"), paths resolved
// against its folder, flags over file over defaults, and a bad key named with its file.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.ts';
import type { Output } from '../src/cli/output.ts';
import { checkConfig, defineConfig, loadConfig } from '../src/config.ts';

const root = path.resolve(import.meta.dirname, '..');
const tmp = path.join(root, 'test/.tmp/cli-config');
const articles = path.join(root, 'test/fixtures/articles');
const startDir = process.cwd();

function capture(): Output & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, data: (t) => out.push(t), info: (t) => err.push(t), diagnostics: (l) => l.forEach((d) => err.push(`${d.file}: ${d.message}`)) };
}

/** A project folder with the articles under `sources/` and the given files; the test runs in it. */
function project(name: string, files: Record<string, string>): string {
  const dir = path.join(tmp, name);
  fs.mkdirSync(path.join(dir, 'sources'), { recursive: true });
  for (const f of fs.readdirSync(articles)) fs.copyFileSync(path.join(articles, f), path.join(dir, 'sources', f));
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

beforeAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
afterEach(() => process.chdir(startDir));

describe('loadConfig', () => {
  it('reads briefing.config.json and resolves its paths against its folder', async () => {
    const dir = project('json', { 'conf/briefing.config.json': JSON.stringify({ sources: ['../sources'], notes: 'out/n.md', paper: 'a4' }) });
    const { file, config } = await loadConfig(dir, 'conf/briefing.config.json');
    expect(file).toBe(path.join(dir, 'conf/briefing.config.json'));
    expect(config).toEqual({ sources: [path.join(dir, 'sources')], notes: path.join(dir, 'conf/out/n.md'), paper: 'a4' });
  });

  it('reads a briefing.config.mjs default export, and package.json "briefing" when there is no file', async () => {
    const mjs = project('mjs', { 'briefing.config.mjs': 'export default { title: "From the module", slideBudget: 12 };\n' });
    expect((await loadConfig(mjs)).config).toEqual({ title: 'From the module', slideBudget: 12 });
    const pkg = project('pkg', { 'package.json': JSON.stringify({ name: 'x', briefing: { deck: 'd/deck.md' } }) });
    expect((await loadConfig(pkg)).config).toEqual({ deck: path.join(pkg, 'd/deck.md') });
    const none = project('none', {});
    expect(await loadConfig(none)).toEqual({ file: null, config: {} });
  });

  it('names the file and the key of a bad setting', async () => {
    const file = path.join(tmp, 'x/briefing.config.json');
    expect(() => checkConfig({ paper: 'b5' }, file)).toThrow(/briefing\.config\.json: 'paper' must be "letter" or "a4", not "b5"/);
    expect(() => checkConfig({ sorces: ['a'] }, file)).toThrow(/'sorces' is not a setting/);
    expect(() => checkConfig({ sections: { order: ['Bottom line', 'Gossip'] } }, file)).toThrow(/'sections' \.order names an unknown section "Gossip"/);
    expect(() => checkConfig({ date: '5 May' }, file)).toThrow(/'date' must be a date written YYYY-MM-DD/);
    expect(() => checkConfig({ briefing: 1 }, path.join(tmp, 'package.json'), 'briefing.')).toThrow(/package\.json: 'briefing\.briefing' is not a setting/);
    const broken = project('broken', { 'briefing.config.json': '{\n  "paper": "a4",\n  "title": "x",\n}\n' });
    await expect(loadConfig(broken)).rejects.toThrow(/briefing\.config\.json:4: is not valid JSON/);
  });

  it('defineConfig gives its argument back (it is only there for the types)', () => {
    const config = { paper: 'a4' as const };
    expect(defineConfig(config)).toBe(config);
  });
});

describe('precedence through the CLI: defaults < config file < flags', () => {
  it('takes sources, paths and title from the file, and a flag over the file', async () => {
    const dir = project('precedence', {
      'briefing.config.json': JSON.stringify({ sources: ['sources'], notes: 'made/notes.md', deck: 'made/deck/slides.md', handout: 'made/summary.pdf', title: 'Title from the file' }),
    });
    process.chdir(dir);
    const io = capture();
    expect(await main(['build', '--title', 'Title from the flag'], io), io.err.join('\n')).toBe(0);
    const notes = fs.readFileSync(path.join(dir, 'made/notes.md'), 'utf8');
    expect(notes).toMatch(/^title: .*Title from the flag/m);
    expect(fs.existsSync(path.join(dir, 'made/deck/slides.md'))).toBe(true);
    expect(fs.existsSync(path.join(dir, 'made/summary.pdf'))).toBe(true);
    // Shown relative to the working folder, as the user would type them.
    expect(io.err).toContain('wrote made/summary.pdf');
    const again = capture();
    expect(await main(['build', '--redraft'], again)).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'made/notes.md'), 'utf8')).toMatch(/^title: .*Title from the file/m);
  });

  it('a bad config file stops the run with exit 2, naming file and key', async () => {
    const dir = project('bad', { 'briefing.config.json': JSON.stringify({ paper: 'folio' }) });
    process.chdir(dir);
    const io = capture();
    expect(await main(['build'], io)).toBe(2);
    expect(io.err.join('\n')).toMatch(/briefing\.config\.json: 'paper' must be "letter" or "a4", not "folio"/);
    expect(fs.existsSync(path.join(dir, 'notes'))).toBe(false);
  });
});
