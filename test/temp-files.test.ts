// Interrupted runs: a signal removes the temporary files in progress and stops the tool still writing
// them, then ends the process as the signal would have.
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const module = pathToFileURL(path.join(root, 'src', 'temp-files.ts')).href;
const tsx = pathToFileURL(path.join(root, 'node_modules', 'tsx', 'dist', 'esm', 'api', 'index.mjs')).href;

/** Run `body` in a child process (with tsx), wait for it to print "ready", send `signal`, and return how it ended. */
async function interrupt(body: string, signal: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'briefing-interrupt-'));
  const script = path.join(dir, 'run.mjs');
  writeFileSync(script, `import { register } from ${JSON.stringify(tsx)};\nregister();\nconst { onInterrupt, trackTemp } = await import(${JSON.stringify(module)});\n${body}\n`);
  const child = spawn(process.execPath, [script], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => { if (chunk.toString().includes('ready')) resolve(); });
    child.on('exit', () => reject(new Error('the child ended before it was ready')));
  });
  child.kill(signal);
  return new Promise((resolve) => child.on('exit', (code, sig) => resolve({ code, signal: sig })));
}

describe('interrupted runs', () => {
  it('remove a tracked temporary file on SIGTERM and still end by the signal', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'briefing-temp-')), '.deck.123.tmp.pdf');
    const ended = await interrupt(`
      import('node:fs').then(({ writeFileSync }) => {
        writeFileSync(${JSON.stringify(file)}, 'half');
        trackTemp(${JSON.stringify(file)});
        console.log('ready');
        setInterval(() => {}, 1000);
      });`, 'SIGTERM');
    expect(ended.signal).toBe('SIGTERM');
    expect(existsSync(file)).toBe(false);
  });

  it('stop a tool still writing the file before removing it (Ctrl-C)', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'briefing-temp-')), '.deck.tmp.pdf');
    const ended = await interrupt(`
      const { spawn } = await import('node:child_process');
      // A stand-in for Slidev: it keeps writing the temporary file until it is stopped.
      const writer = spawn(process.execPath, ['-e', 'const fs = require("fs"); setInterval(() => fs.appendFileSync(${JSON.stringify(file).replace(/"/g, '\\"')}, "x"), 5)'], { stdio: 'ignore' });
      trackTemp(${JSON.stringify(file)});
      onInterrupt(() => new Promise((done) => { writer.once('close', done); writer.kill('SIGTERM'); }));
      setTimeout(() => console.log('ready'), 200);
      setInterval(() => {}, 1000);`, 'SIGINT');
    expect(ended.signal).toBe('SIGINT');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(existsSync(file)).toBe(false);
  });

  it('leave a file that was untracked in time (renamed into place) alone', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'briefing-temp-')), 'deck.pdf');
    await interrupt(`
      import('node:fs').then(({ writeFileSync }) => {
        writeFileSync(${JSON.stringify(file)}, 'done');
        trackTemp(${JSON.stringify(file)})();
        console.log('ready');
        setInterval(() => {}, 1000);
      });`, 'SIGTERM');
    expect(existsSync(file)).toBe(true);
  });
});
