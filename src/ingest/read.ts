// Reads the user's inputs (files and folders) into SourceDocs: the only code that touches source files.
// Decoding and parsing are per format (formats/), cleaning is a chain of rules (clean/), repair of damaged
// text needs every source at once (repair/). A bad file becomes a diagnostic; the others go on.
import fsp from 'node:fs/promises';
import fs from 'node:fs';
import path from 'node:path';
import { BriefingError, type Diagnostic } from '../errors.ts';
import type { SourceDoc, SourceFlag } from '../notes/model.ts';
import { EMPTY_META, mergeMeta, runCleaning } from './clean/index.ts';
import type { ShingleSet } from './duplicate-index.ts';
import { FORMAT_READERS, isProblem, isRecords, type ParsedSource } from './formats/index.ts';
import { repairDegraded, sortFlags } from './repair/index.ts';

/** Larger files are almost certainly not a news clipping (and would slow every later stage). */
export const MAX_SOURCE_BYTES = 20 * 1024 * 1024;

export interface ReadOptions {
  /** The folder relative inputs are resolved against and paths are shown relative to (default: process.cwd()). */
  cwd?: string;
  /** Files larger than this are reported and skipped (default 20 MB). */
  maxBytes?: number;
  /** Called after each file is read (for a progress line): files done, files in all, the file just read. */
  onFile?: (done: number, total: number, file: string) => void;
}

export interface ReadResult {
  docs: SourceDoc[];
  diagnostics: Diagnostic[];
  /** Shingle sets of texts, made where they were read (duplicate-index.ts `shingleSet`, by text), when a worker made them. */
  shingles?: Map<string, ShingleSet>;
}

const SUPPORTED = Object.keys(FORMAT_READERS).join(', ');

/** The path as the user would write it: relative to the working folder when under it, with `/`. */
function displayPath(abs: string, cwd: string, given: string): string {
  const rel = path.relative(cwd, abs);
  const under = rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
  const shown = under ? rel : path.isAbsolute(given) ? abs : rel || '.';
  return shown.split(path.sep).join('/');
}

/**
 * Files under a folder, recursively; hidden files and folders are skipped. Symlinked folders are not
 * followed (a link back up the tree would never end); a broken link is kept so it is reported by name.
 */
async function walk(dir: string): Promise<string[]> {
  const entries = await fsp.readdir(dir, { withFileTypes: true });
  const out: string[] = [];
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const full = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...(await walk(full)));
    else if (e.isFile()) out.push(full);
    else if (e.isSymbolicLink()) {
      const target = await fsp.stat(full).catch(() => null);
      if (!target?.isDirectory()) out.push(full);
    }
  }
  return out;
}

/** Every file the inputs name, once each, sorted by the path shown (code-unit order, not locale). */
export async function collectFiles(inputs: string[], cwd: string): Promise<Array<{ abs: string; shown: string }>> {
  const files = new Map<string, string>();
  for (const input of inputs) {
    const abs = path.resolve(cwd, input);
    let stat;
    try {
      stat = await fsp.stat(abs);
    } catch {
      throw new BriefingError('INPUT_MISSING', `input not found: ${input}`, { hint: `check the path; give files or folders of sources (${SUPPORTED})` });
    }
    const found = stat.isDirectory() ? await walk(abs) : [abs];
    for (const f of found) if (!files.has(f)) files.set(f, displayPath(f, cwd, path.isAbsolute(input) ? abs : input));
  }
  return [...files].map(([abs, shown]) => ({ abs, shown })).sort((a, b) => (a.shown < b.shown ? -1 : a.shown > b.shown ? 1 : 0));
}

export type Accepted = Omit<SourceDoc, 'id'>;

/**
 * The file's bytes, or null (with a diagnostic) when it is too large or cannot be read. Read with blocking
 * calls: a news file is small, and each asynchronous call is a round trip through libuv's thread pool (five
 * per file; `stat` alone was 9% of a read worker's profile on 10,000 files). Neither a read worker nor a one-thread
 * read (BRIEFING_WORKERS=1, or under 2 × MIN_FILES_PER_WORKER files: parallel.ts) has anything else to do meanwhile.
 */
function readBytes(abs: string, file: string, maxBytes: number, diagnostics: Diagnostic[]): Uint8Array | null {
  let fd: number | null = null;
  try {
    fd = fs.openSync(abs, 'r');
    const size = fs.fstatSync(fd).size;
    if (size > maxBytes) {
      diagnostics.push({ file, severity: 'error', message: `is too large to be a source (${(size / 1048576).toFixed(1)} MB; the limit is ${(maxBytes / 1048576).toFixed(0)} MB)`, hint: 'split it or keep only the article text' });
      return null;
    }
    return fs.readFileSync(fd);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'error';
    diagnostics.push({ file, severity: 'error', message: `cannot be read (${code})`, hint: 'check that the file exists and that you may read it' });
    return null;
  } finally {
    if (fd !== null) fs.closeSync(fd);
  }
}

/** A parsed document, cleaned; null (with a diagnostic) when cleaning leaves nothing. */
function accept(parsed: ParsedSource, file: string, diagnostics: Diagnostic[]): Accepted | null {
  for (const w of parsed.warnings) diagnostics.push({ file, severity: 'warning', message: w });
  const cleaned = runCleaning({ raw: parsed.raw, text: parsed.text, format: parsed.format, meta: mergeMeta(EMPTY_META, parsed.meta) });
  if (cleaned.text.trim() === '') {
    diagnostics.push({ file, severity: 'error', message: 'has no text left once page chrome is removed', hint: 'check that the file holds the article itself' });
    return null;
  }
  const flags: SourceFlag[] = [];
  if (cleaned.boilerplate) flags.push('boilerplate-removed');
  if (cleaned.meta.date === null) flags.push('undated');
  const steps = [...parsed.steps, ...cleaned.steps].sort((a, b) => a.start - b.start || a.end - b.end);
  return { path: file, raw: parsed.raw, text: cleaned.text, meta: cleaned.meta, flags: sortFlags(flags), cleaning: steps };
}

/**
 * One file: read, decoded, cleaned. Problems go to `diagnostics`; a file dropped gives no document, a file
 * of records (JSON, JSONL) one per good record, shown as `file.jsonl#3`.
 */
export async function readOne(abs: string, file: string, maxBytes: number, diagnostics: Diagnostic[]): Promise<Accepted[]> {
  const ext = path.extname(file).toLowerCase();
  const reader = FORMAT_READERS[ext];
  if (!reader) {
    const what = ext ? `${ext} is not supported yet` : 'files without an extension are not read';
    diagnostics.push({ file, severity: 'info', message: `skipped: ${what}`, hint: `supported: ${SUPPORTED}` });
    return [];
  }
  const bytes = readBytes(abs, file, maxBytes, diagnostics);
  if (!bytes) return [];
  let parsed;
  try {
    parsed = await reader.read(bytes);
  } catch (e) {
    // A parser bug or a file hostile enough to crash it costs this file only.
    diagnostics.push({ file, severity: 'error', message: `could not be read as ${reader.name} (${(e as Error).message})`, hint: 'check the file opens in its usual program; copy its text into a .txt file if not' });
    return [];
  }
  if (isProblem(parsed)) {
    diagnostics.push({ file, severity: 'error', message: parsed.problem, hint: parsed.hint });
    return [];
  }
  if (!isRecords(parsed)) {
    const doc = accept(parsed, file, diagnostics);
    return doc ? [doc] : [];
  }
  for (const w of parsed.warnings) diagnostics.push({ file, severity: 'warning', message: w });
  const docs: Accepted[] = [];
  for (const r of parsed.records) {
    if (isProblem(r)) diagnostics.push({ file, line: r.line, severity: 'error', message: `record ${r.record} ${r.problem}`, hint: r.hint });
    else {
      const doc = accept(r.parsed, `${file}#${r.record}`, diagnostics);
      if (doc) docs.push(doc);
    }
  }
  if (parsed.records.length === 0) diagnostics.push({ file, severity: 'error', message: 'holds no records', hint: 'give one JSON object per record, each with a "text" field' });
  return docs;
}

const DAMAGE_WORDS: Partial<Record<SourceFlag, string>> = { lowercase: 'lower-cased', unpunctuated: 'without punctuation', 'truncated-start': 'cut off at the start' };

/**
 * Read every source the inputs name. Throws `INPUT_MISSING` for an input that does not exist and
 * `NO_SOURCES` when nothing readable is found; a single bad file is a diagnostic and is left out.
 */
export async function readSources(inputs: string[], options: ReadOptions = {}): Promise<ReadResult> {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const maxBytes = options.maxBytes ?? MAX_SOURCE_BYTES;
  const diagnostics: Diagnostic[] = [];
  const accepted: Accepted[] = [];
  const files = await collectFiles(inputs, cwd);
  for (const [k, { abs, shown }] of files.entries()) {
    accepted.push(...(await readOne(abs, shown, maxBytes, diagnostics)));
    options.onFile?.(k + 1, files.length, shown);
  }
  return finishRead(inputs, accepted, diagnostics);
}

/** The steps after each file is read (also after a parallel read, src/ingest/parallel.ts): repair needs every source. */
export function finishRead(inputs: string[], accepted: Accepted[], diagnostics: Diagnostic[]): ReadResult {
  if (accepted.length === 0) {
    throw new BriefingError('NO_SOURCES', `no readable source in ${inputs.join(', ') || '(no inputs)'}`, {
      hint: `give files or folders holding ${SUPPORTED} files with text in them`,
      diagnostics,
    });
  }
  const docs = repairDegraded(accepted.map((d, k) => ({ id: `s${k + 1}`, ...d })));
  for (const d of docs) {
    const kinds = d.flags.map((f) => DAMAGE_WORDS[f]).filter((w): w is string => w !== undefined);
    if (kinds.length > 0) diagnostics.push({ file: d.path, severity: 'warning', message: `text is damaged (${kinds.join(', ')}); repaired where possible and marked degraded` });
  }
  return { docs, diagnostics };
}
