// The deck's I/O edge: finds a Chromium and runs the local Slidev CLI to build, export or present.
import { spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BriefingError } from '../../errors.ts';
import { pdfPageTexts } from '../../ingest/formats/pdf.ts';
import { onInterrupt, trackTemp } from '../../temp-files.ts';

/** Where a Chromium may be, after $BRIEFING_CHROMIUM and $CHROME_PATH. */
export const CHROMIUM_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

const BROWSER_HINT = 'install Chromium (Debian/Ubuntu: sudo apt-get install chromium), or set BRIEFING_CHROMIUM=/path/to/chrome';

/**
 * The first existing browser among $BRIEFING_CHROMIUM, $CHROME_PATH and the usual system paths, or
 * null. A variable naming a missing file is passed over, like an unset one.
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env, systemPaths: readonly string[] = CHROMIUM_PATHS): string | null {
  const candidates = [env.BRIEFING_CHROMIUM, env.CHROME_PATH, ...systemPaths];
  return candidates.find((p): p is string => typeof p === 'string' && p !== '' && existsSync(p)) ?? null;
}

/**
 * The browser an export uses, or BROWSER_MISSING saying how to get one. $BRIEFING_CHROMIUM is the
 * user's explicit choice, so one naming a missing file is an error rather than quietly replaced by
 * the system browser (which would hide a typo).
 */
export function requireChromium(env: NodeJS.ProcessEnv = process.env, systemPaths: readonly string[] = CHROMIUM_PATHS): string {
  const chosen = env.BRIEFING_CHROMIUM;
  if (chosen !== undefined && chosen !== '' && !existsSync(chosen)) {
    throw new BriefingError('BROWSER_MISSING', `BRIEFING_CHROMIUM is set to ${chosen}, which does not exist`, { hint: BROWSER_HINT });
  }
  const found = findChromium(env, systemPaths);
  if (!found) {
    throw new BriefingError('BROWSER_MISSING', `exporting the deck needs Chromium, and none was found (looked in ${CHROMIUM_PATHS.join(', ')})`, { hint: BROWSER_HINT });
  }
  return found;
}

/**
 * Slidev from this package's own node_modules, whatever the working folder: the deck may live
 * anywhere, and a global or different slidev would not match the theme we install.
 */
export function slidevBin(): string {
  return fileURLToPath(new URL('../../../node_modules/.bin/slidev', import.meta.url));
}

/** What the browser can export: one PDF (with an outline), a PPTX (with speaker notes), or one PNG per slide. */
export type BrowserFormat = 'pdf' | 'pptx' | 'png';

export interface ExportOptions {
  format: BrowserFormat;
  /** Output file (pdf, pptx; the extension is added when missing) or folder (png), relative to the working folder. */
  output: string;
  /** One page per click step instead of one per slide. */
  withClicks?: boolean;
  /** Give up after this long (default 5 minutes: a cold export on two cores takes a while). */
  timeoutMs?: number;
  /** Where to look for the browser (default: the process environment). */
  env?: NodeJS.ProcessEnv;
}

/** How long Slidev may wait for the print page to load, in ms. */
const PAGE_TIMEOUT_MS = 120_000;

/**
 * Export the deck with the system Chromium; `files` lists what was written (the PNGs in slide
 * order, or the one file). Slidev writes to a hidden temporary name beside the output, renamed
 * into place only once the export has succeeded: a failed export leaves the previous file (or
 * folder of PNGs) as it was, never half of a new one.
 */
export async function exportDeck(deckPath: string, options: ExportOptions): Promise<{ output: string; files: string[]; warnings: string[] }> {
  const chromium = requireChromium(options.env);
  if (!existsSync(deckPath)) throw new BriefingError('INPUT_MISSING', `deck not found: ${deckPath}`);
  // Slidev adds the extension to a pdf or pptx output that lacks it; png output is a folder.
  let output = path.resolve(options.output);
  if (options.format !== 'png' && !output.endsWith(`.${options.format}`)) output += `.${options.format}`;
  await mkdir(path.dirname(output), { recursive: true });
  const suffix = options.format === 'png' ? '' : `.${options.format}`;
  const temp = path.join(path.dirname(output), `.${path.basename(output, suffix)}.${process.pid}.tmp${suffix}`);

  // Slidev gives the print page 30 s to settle; a first export on a busy two-core machine (vite
  // optimising dependencies) can take longer than that, so allow more.
  const args = ['export', path.resolve(deckPath), '--output', temp, '--format', options.format, '--executable-path', chromium, '--timeout', String(PAGE_TIMEOUT_MS)];
  if (options.format === 'pdf') args.push('--with-toc');
  // Slidev turns click steps into extra slides in a pptx by default; one slide per slide keeps the
  // speaker notes one to a slide, as the presenter wrote them.
  if (options.withClicks) args.push('--with-clicks');
  else if (options.format === 'pptx') args.push('--no-with-clicks');
  const untrack = trackTemp(temp);
  try {
    await runSlidev(args, deckPath, options.timeoutMs ?? 300_000);
    const files = options.format === 'png' ? await pngFiles(temp) : [temp];
    if (files.length === 0 || !existsSync(files[0]!) || statSync(files[0]!).size === 0) {
      throw new BriefingError('TOOL_FAILED', `slidev export finished but wrote no ${options.format === 'png' ? 'images' : 'file'} for ${output}`, {
        hint: 'run the same slidev command by hand to see its full output',
      });
    }
    const warnings = options.format === 'pdf' ? await checkExportedPdf(temp, deckPath) : [];
    await moveIntoPlace(temp, output);
    return { output, files: options.format === 'png' ? files.map((f) => path.join(output, path.basename(f))) : [output], warnings };
  } finally {
    await rm(temp, { recursive: true, force: true });
    untrack();
  }
}

/** Slidev's error box: a slide whose code failed shows it instead of the slide. */
const SLIDE_ERROR = 'An error occurred on this slide';
/** What Slidev's Mermaid component shows instead of a diagram whose code does not parse. */
const MERMAID_ERROR = /Parse error on line \d+|No diagram type detected|Syntax error in text/;

/** The error a page shows (Slidev's box or Mermaid's message), or null. */
function pageError(text: string): string | null {
  if (text.includes(SLIDE_ERROR)) return SLIDE_ERROR;
  return MERMAID_ERROR.exec(text)?.[0] ?? null;
}

/**
 * Read back an exported PDF: a page with Slidev's error box or Mermaid's error message fails the
 * export (the previous file is kept), unless the deck itself says those words; a page without any
 * text is reported, since a slide that failed to render comes out blank. Returns the warnings.
 */
export async function checkExportedPdf(pdf: string, deckPath: string): Promise<string[]> {
  const pages = await pdfPageTexts(await readFile(pdf));
  const broken = pages.findIndex((t) => pageError(t) !== null);
  const error = broken >= 0 ? pageError(pages[broken]!) : null;
  if (error !== null && !(await readFile(deckPath, 'utf8')).includes(error)) {
    const what = error === SLIDE_ERROR ? "Slidev's error box" : 'a Mermaid error';
    throw new BriefingError('TOOL_FAILED', `the exported PDF shows ${what} on page ${broken + 1} ("${error}"); the previous export was kept`, {
      hint: `open the deck with \`briefing present\` and fix slide ${broken + 1}${error === SLIDE_ERROR ? '' : ' (its Mermaid code does not parse)'}`,
    });
  }
  const blank = pages.flatMap((t, k) => (t === '' ? [k + 1] : []));
  return blank.length ? [`page${blank.length > 1 ? 's' : ''} ${blank.join(', ')} of the exported PDF ha${blank.length > 1 ? 've' : 's'} no text: check ${blank.length > 1 ? 'those slides' : 'that slide'} with \`briefing present\` (a slide that fails to render comes out blank)`] : [];
}

/** The PNGs Slidev wrote into `folder`, in slide order (Slidev names them 1.png, 2.png… 10.png). */
async function pngFiles(folder: string): Promise<string[]> {
  if (!existsSync(folder)) return [];
  const names = (await readdir(folder)).filter((n) => n.endsWith('.png'));
  const order = (n: string): number[] => n.replace(/\.png$/, '').split('-').map(Number);
  names.sort((a, b) => {
    const [x, y] = [order(a), order(b)];
    return (x[0]! - y[0]!) || ((x[1] ?? 0) - (y[1] ?? 0));
  });
  return names.map((n) => path.join(folder, n));
}

/**
 * Rename `temp` to `output`. A file replaces a file in one rename. A folder cannot replace a
 * folder that way, so the old one is first renamed aside and removed once the new one is in place.
 */
async function moveIntoPlace(temp: string, output: string): Promise<void> {
  if (!statSync(temp).isDirectory() || !existsSync(output)) {
    await rename(temp, output);
    return;
  }
  const old = `${temp}.old`;
  await rename(output, old);
  try {
    await rename(temp, output);
  } catch (err) {
    await rename(old, output);
    throw err;
  }
  await rm(old, { recursive: true, force: true });
}

/** Build the deck as a static site (no browser needed). */
export async function buildDeck(deckPath: string, outDir: string, options: { timeoutMs?: number } = {}): Promise<{ output: string }> {
  const output = path.resolve(outDir);
  await runSlidev(['build', path.resolve(deckPath), '--out', output], deckPath, options.timeoutMs ?? 300_000);
  return { output };
}

/** Run Slidev's dev server on the deck until it stops; resolves with its exit code. */
export function presentDeck(deckPath: string, options: { port?: number; open?: boolean; host?: string; signal?: AbortSignal } = {}): Promise<number> {
  const args = [path.resolve(deckPath)];
  if (options.port !== undefined) args.push('--port', String(options.port));
  if (options.open) args.push('--open');
  // Slidev listens on localhost unless in remote mode; --bind is the address remote mode listens on.
  if (options.host !== undefined) args.push('--remote', '--bind', options.host);
  return new Promise((resolve, reject) => {
    // Slidev quits when its stdin ends; without a terminal (a script, CI, `&`) give it a pipe held open.
    const stdin = process.stdin.isTTY ? 'inherit' : 'pipe';
    const child = spawn(slidevBin(), args, { cwd: path.dirname(path.resolve(deckPath)), stdio: [stdin, 'inherit', 'inherit'], signal: options.signal });
    child.on('error', (e) => {
      // Stopped through `signal` (the dev loop ending): 'close' resolves as for a Ctrl-C.
      if (e.name !== 'AbortError') reject(new BriefingError('TOOL_FAILED', `could not start slidev: ${e.message}`, { cause: e }));
    });
    child.on('close', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

/**
 * The slides the briefing theme marked as not drawn. Its error box (layouts/error.vue) and its
 * diagram frame (layouts/relations.vue) ask `slidev export` to wait for a selector naming the slide
 * as `[data-not-drawn='slide N']`; when the slide fails, the export gives up on it, prints the
 * selector in its timeout message, and goes on (exit code 0) with a picture of the failed slide.
 */
export function notDrawnSlides(output: string): number[] {
  const numbers = [...output.matchAll(/data-not-drawn=\\*["']slide (\d+)/g)].map((m) => Number(m[1]));
  return [...new Set(numbers)].sort((a, b) => a - b);
}

function notDrawnError(slides: readonly number[]): BriefingError {
  const which = `slide${slides.length > 1 ? 's' : ''} ${slides.join(', ')}`;
  return new BriefingError('TOOL_FAILED', `${which} of the deck did not render (Slidev's error box or a Mermaid error instead of the slide); nothing was exported, the previous export was kept`, {
    hint: `run \`briefing present\` on the deck and open ${which}: the terminal and the browser console say what failed (a Mermaid block there must parse)`,
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
    // Stopped half-way, the export must not go on writing after the temporary file is removed.
    const untrack = onInterrupt(() => new Promise<void>((done) => {
      if (child.exitCode !== null || child.signalCode !== null) { done(); return; }
      child.once('close', () => done());
      child.kill('SIGTERM');
    }));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGTERM');
    }, timeoutMs);
    const fail = (message: string, cause?: unknown): void =>
      reject(new BriefingError('TOOL_FAILED', `${message}\n${lastLines(tail)}`.trimEnd(), { cause, hint: 'run the same slidev command by hand to see its full output' }));
    child.on('error', (e) => {
      clearTimeout(timer);
      untrack();
      fail(`could not start slidev (${slidevBin()}): ${e.message}`, e);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      untrack();
      const undrawn = notDrawnSlides(tail);
      if (timedOut) fail(`slidev ${args[0]} timed out after ${Math.round(timeoutMs / 1000)} s`);
      // Slidev exits 0 after a slide it gave up on: its message is the only sign.
      else if (undrawn.length > 0) reject(notDrawnError(undrawn));
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
