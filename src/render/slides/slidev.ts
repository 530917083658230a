// The deck's I/O edge: finds a Chromium and runs the local Slidev CLI to build, export or present.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BriefingError } from '../../errors.ts';

/** Where a Chromium may be, after $BRIEFING_CHROMIUM and $CHROME_PATH. */
export const CHROMIUM_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

const BROWSER_HINT = 'install Chromium: apt-get install chromium, or set BRIEFING_CHROMIUM=/path/to/chrome';

/**
 * The first existing browser among $BRIEFING_CHROMIUM, $CHROME_PATH and the usual system paths, or
 * null. A variable naming a missing file is passed over, like an unset one.
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env, systemPaths: readonly string[] = CHROMIUM_PATHS): string | null {
  const candidates = [env.BRIEFING_CHROMIUM, env.CHROME_PATH, ...systemPaths];
  return candidates.find((p): p is string => typeof p === 'string' && p !== '' && existsSync(p)) ?? null;
}

/**
 * Slidev from this package's own node_modules, whatever the working folder: the deck may live
 * anywhere, and a global or different slidev would not match the theme we install.
 */
export function slidevBin(): string {
  return fileURLToPath(new URL('../../../node_modules/.bin/slidev', import.meta.url));
}

export interface ExportOptions {
  format: 'pdf' | 'pptx' | 'png';
  /** Output file (pdf, pptx; the extension is added when missing) or folder (png), relative to the working folder. */
  output: string;
  /** One page per click step instead of one per slide. */
  withClicks?: boolean;
  /** Give up after this long (default 5 minutes: a cold export on two cores takes a while). */
  timeoutMs?: number;
}

/** Export the deck with the system Chromium. */
export async function exportDeck(deckPath: string, options: ExportOptions): Promise<{ output: string }> {
  const chromium = findChromium();
  if (!chromium) throw new BriefingError('BROWSER_MISSING', 'exporting the deck needs Chromium, and none was found', { hint: BROWSER_HINT });
  // Slidev adds the extension to a pdf or pptx output that lacks it; png output is a folder.
  let output = path.resolve(options.output);
  if (options.format !== 'png' && !output.endsWith(`.${options.format}`)) output += `.${options.format}`;
  const args = ['export', path.resolve(deckPath), '--output', output, '--format', options.format, '--executable-path', chromium];
  if (options.withClicks) args.push('--with-clicks');
  await runSlidev(args, deckPath, options.timeoutMs ?? 300_000);
  if (!existsSync(output)) {
    throw new BriefingError('TOOL_FAILED', `slidev export finished but wrote no ${output}`);
  }
  return { output };
}

/** Build the deck as a static site (no browser needed). */
export async function buildDeck(deckPath: string, outDir: string, options: { timeoutMs?: number } = {}): Promise<{ output: string }> {
  const output = path.resolve(outDir);
  await runSlidev(['build', path.resolve(deckPath), '--out', output], deckPath, options.timeoutMs ?? 300_000);
  return { output };
}

/** Run Slidev's dev server on the deck until it stops; resolves with its exit code. */
export function presentDeck(deckPath: string, options: { port?: number; open?: boolean } = {}): Promise<number> {
  const args = [path.resolve(deckPath)];
  if (options.port !== undefined) args.push('--port', String(options.port));
  if (options.open) args.push('--open');
  return new Promise((resolve, reject) => {
    const child = spawn(slidevBin(), args, { cwd: path.dirname(path.resolve(deckPath)), stdio: 'inherit' });
    child.on('error', (e) => reject(new BriefingError('TOOL_FAILED', `could not start slidev: ${e.message}`, { cause: e })));
    child.on('close', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

/** How much of Slidev's output to keep for an error message (vite's error dumps are long). */
const TAIL_CHARS = 64_000;

/** Run the Slidev CLI in the deck's folder; throw TOOL_FAILED with the tail of its output. */
function runSlidev(args: string[], deckPath: string, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(slidevBin(), args, {
      cwd: path.dirname(path.resolve(deckPath)),
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
    });
    let tail = '';
    const keep = (chunk: Buffer): void => {
      tail = (tail + chunk.toString('utf8')).slice(-TAIL_CHARS);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGTERM');
    }, timeoutMs);
    const fail = (message: string, cause?: unknown): void =>
      reject(new BriefingError('TOOL_FAILED', `${message}\n${lastLines(tail)}`.trimEnd(), { cause, hint: 'run the same slidev command by hand to see its full output' }));
    child.on('error', (e) => {
      clearTimeout(timer);
      fail(`could not start slidev (${slidevBin()}): ${e.message}`, e);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (timedOut) fail(`slidev ${args[0]} timed out after ${Math.round(timeoutMs / 1000)} s`);
      else if (code !== 0) fail(`slidev ${args[0]} failed (${code === null ? `signal ${signal}` : `exit code ${code}`}):`);
      else resolve();
    });
  });
}

/**
 * The last lines of a tool's output that say something: no colour codes, and without the list of
 * watched files that vite prints after a build error (hundreds of quoted paths).
 */
export function lastLines(text: string, count = 20): string {
  const plain = text.replace(/\u001b\[[0-9;]*[A-Za-z]/g, '');
  const noise = /^\s*$|^\s+at |^\s+'[^']*',?$|^\s+\.\.\. \d+ more items$|^\s*\[Symbol\(augmented\)\]|^\s*watchFiles: \[$|^\s*\],?$|^\}$/;
  return plain.split(/\r?\n/).filter((l) => !noise.test(l)).slice(-count).join('\n');
}
