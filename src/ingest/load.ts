// Loading sources: read them (read.ts), then the steps that need the user's sources.yaml or every source
// at once: metadata corrections from sources.yaml, then near-duplicate detection. The CLI calls this.
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../errors.ts';
import type { SourceDoc, SourceText } from '../notes/model.ts';
import { findDuplicatesWith, type DuplicatePair, type PairFinder } from './duplicates.ts';
import { readSourcesThen } from './parallel.ts';
import type { ReadOptions, ReadResult } from './read.ts';
import { sortFlags } from './repair/index.ts';
import { applyOverride, parseSourcesFile, SOURCES_FILE, type MetaOverride } from './sources-file.ts';

export interface LoadResult {
  docs: SourceDoc[];
  diagnostics: Diagnostic[];
  /** Sources that repeat another (each also flagged `duplicate`). */
  duplicates: DuplicatePair[];
}

const isSourcesFile = (file: string) => path.basename(file) === SOURCES_FILE;

/** Read the sources the inputs name, apply sources.yaml corrections, and flag near-duplicates. */
export async function loadSources(inputs: string[], options: ReadOptions = {}): Promise<LoadResult> {
  // On several cores when there are many files, as is the duplicate search then.
  return readSourcesThen(inputs, options, (read, find) => loadRead(read, find, path.resolve(options.cwd ?? process.cwd())));
}

/** The steps of loadSources after reading, given how to find the duplicate search's candidate pairs. */
async function loadRead(read: ReadResult, find: PairFinder, cwd: string): Promise<LoadResult> {
  // sources.yaml is read here, not as a source: drop read.ts's "skipped: .yaml" note (or the source, should a reader take it).
  const diagnostics = read.diagnostics.filter((d) => !(isSourcesFile(d.file) && d.severity === 'info'));
  let docs = read.docs.filter((d) => !isSourcesFile(d.path));
  if (docs.length !== read.docs.length) docs = docs.map((d, k) => ({ ...d, id: `s${k + 1}` }));

  const corrections = await readCorrections(docs, cwd, diagnostics);
  docs = docs.map((d) => {
    const override = corrections.get(d.path);
    return override ? applyOverride(d, override) : d;
  });

  const duplicates = await findDuplicatesWith(docs, read.shingles, find);
  const byId = new Map(docs.map((d) => [d.id, d]));
  for (const p of duplicates) {
    const dup = byId.get(p.duplicate)!;
    const original = byId.get(p.original)!;
    diagnostics.push({
      file: dup.path,
      severity: 'info',
      message: `repeats ${original.path} [${original.id}] (${Math.round(100 * p.jaccard)}% of word 5-grams shared, ${Math.round(100 * p.containment)}% of the shorter text): flagged duplicate, its claims cite both`,
    });
  }
  const flagged = new Set(duplicates.map((p) => p.duplicate));
  docs = docs.map((d) => (flagged.has(d.id) ? { ...d, flags: sortFlags([...d.flags, 'duplicate']) } : d));
  return { docs, diagnostics, duplicates };
}

/** A loaded source without the file's original text: what extraction and the notes read (SourceText). */
export function withoutRaw({ id, path, text, meta, flags, cleaning }: SourceDoc): SourceText {
  return { id, path, text, meta, flags, cleaning };
}

/** The sources.yaml corrections for each source (by its shown path), reading each folder's file once. */
async function readCorrections(docs: SourceDoc[], cwd: string, diagnostics: Diagnostic[]): Promise<Map<string, MetaOverride>> {
  const out = new Map<string, MetaOverride>();
  const folders = new Map<string, SourceDoc[]>();
  for (const d of docs) {
    const dir = path.dirname(d.path);
    const list = folders.get(dir);
    if (list) list.push(d); else folders.set(dir, [d]); // appended in place: a folder may hold thousands
  }
  for (const [dir, inFolder] of [...folders].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
    const absDir = path.resolve(cwd, dir);
    const shown = dir === '.' ? SOURCES_FILE : `${dir}/${SOURCES_FILE}`;
    let text: string;
    try {
      text = await fs.readFile(path.join(absDir, SOURCES_FILE), 'utf8');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') diagnostics.push({ file: shown, severity: 'warning', message: `cannot be read (${code ?? 'error'}); its corrections are not applied` });
      continue;
    }
    const names = new Set(await fs.readdir(absDir).catch(() => [] as string[]));
    // A record of a JSON/JSONL file is shown as `feed.jsonl#3`, and may be named so.
    const exists = (name: string) => { const file = name.replace(/#\d+$/, ''); return names.has(file) && file !== SOURCES_FILE; };
    const parsed = parseSourcesFile(text, shown, exists);
    diagnostics.push(...parsed.diagnostics);
    for (const d of inFolder) {
      const override = parsed.entries.get(path.basename(d.path));
      if (override) out.set(d.path, override);
    }
  }
  return out;
}
