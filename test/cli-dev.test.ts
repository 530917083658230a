// `briefing dev` as a real process: it builds, then a broken notes edit is reported with line numbers
// and the watch goes on, a fixed edit renders again, a source change rebuilds, and SIGINT ends it (exit 0).
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const tmp = path.join(root, 'test/.tmp/cli-dev');
const articles = path.join(root, 'test/fixtures/articles');

/** The JSON lines a `dev --json` process prints, and a way to wait for the next one that matches. */
function jsonLines(child: ChildProcess) {
  const seen: Array<Record<string, unknown>> = [];
  const waiting: Array<{ test: (r: Record<string, unknown>) => boolean; resolve: (r: Record<string, unknown>) => void }> = [];
  let buffer = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    buffer += chunk.toString('utf8');
    for (let nl = buffer.indexOf('\n'); nl >= 0; nl = buffer.indexOf('\n')) {
      const line = buffer.slice(0, nl);
      buffer = buffer.slice(nl + 1);
      if (!line.startsWith('{')) continue;
      const record = JSON.parse(line) as Record<string, unknown>;
      seen.push(record);
      for (const w of [...waiting]) if (w.test(record)) { waiting.splice(waiting.indexOf(w), 1); w.resolve(record); }
    }
  });
  const next = (test: (r: Record<string, unknown>) => boolean, from = 0) =>
    new Promise<Record<string, unknown>>((resolve) => {
      const already = seen.slice(from).find(test);
      if (already) resolve(already);
      else waiting.push({ test, resolve });
    });
  return { seen, next };
}

let child: ChildProcess | undefined;
afterAll(() => { child?.kill('SIGKILL'); });

describe('briefing dev', () => {
  it('rebuilds on changes, reports notes errors by line and keeps watching, stops on SIGINT', async () => {
    fs.rmSync(tmp, { recursive: true, force: true });
    fs.mkdirSync(path.join(tmp, 'sources'), { recursive: true });
    for (const f of fs.readdirSync(articles)) fs.copyFileSync(path.join(articles, f), path.join(tmp, 'sources', f));
    child = spawn(process.execPath, [path.join(root, 'bin/briefing.mjs'), 'dev', 'sources', '--no-serve', '--json'], { cwd: tmp, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (c: Buffer) => { stderr += c.toString('utf8'); });
    const lines = jsonLines(child);

    const first = await lines.next((r) => r.command === 'dev:sources');
    expect(first.ok, stderr).toBe(true);
    await lines.next((r) => Array.isArray(r.watching));
    const notesFile = path.join(tmp, 'notes/briefing.md');
    const handout = path.join(tmp, 'out/summary.pdf');
    const drafted = fs.readFileSync(notesFile, 'utf8');

    // A heading misspelt: reported with its line, nothing written, still watching.
    let from = lines.seen.length;
    const pdfBefore = fs.readFileSync(handout);
    fs.writeFileSync(notesFile, drafted.replace('## Key points', '## Key pointz'));
    const broken = await lines.next((r) => r.command === 'dev:notes', from);
    expect(broken.ok).toBe(false);
    const line = drafted.split('\n').indexOf('## Key points') + 1;
    expect(broken.diagnostics).toContainEqual(expect.objectContaining({ file: 'notes/briefing.md', line, severity: 'error' }));
    expect(broken.written).toEqual([]);
    expect(fs.readFileSync(handout).equals(pdfBefore)).toBe(true);

    // Fixed, with a point added by hand: deck and handout rendered from it.
    from = lines.seen.length;
    fs.writeFileSync(notesFile, drafted.replace('## Key points\n', '## Key points\n\n- A point the analyst added by hand. [s1]\n'));
    const fixed = await lines.next((r) => r.command === 'dev:notes', from);
    expect(fixed.ok, JSON.stringify(fixed)).toBe(true);
    expect(fixed.written).toEqual(['slides/slides.md', 'out/summary.pdf']);
    expect(fs.readFileSync(path.join(tmp, 'slides/slides.md'), 'utf8')).toContain('A point the analyst added by hand.');

    // A source changed: rebuilt, and the hand-edited notes kept (as build does).
    from = lines.seen.length;
    fs.appendFileSync(path.join(tmp, 'sources', fs.readdirSync(path.join(tmp, 'sources')).find((f) => f.endsWith('.txt'))!), '\nThe committee will meet again next week, a spokesman said.\n');
    const rebuilt = await lines.next((r) => r.command === 'dev:sources', from);
    expect(rebuilt.ok).toBe(true);
    expect(fs.readFileSync(notesFile, 'utf8')).toContain('A point the analyst added by hand.');

    const exit = new Promise<number | null>((resolve) => child!.on('close', (code) => resolve(code)));
    child.kill('SIGINT');
    expect(await exit).toBe(0);
  });
});
