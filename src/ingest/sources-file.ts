// `sources.yaml`: the user's corrections to source metadata (title, date, outlet, author, url) per file
// name, parsed and validated into diagnostics with line numbers; applying it overrides what cleaning found.
import { isMap, isScalar, LineCounter, parseDocument, type Node, type Pair } from 'yaml';
import type { Diagnostic } from '../errors.ts';
import type { SourceDoc, SourceFlag, SourceMeta } from '../notes/model.ts';
import { sortFlags } from './repair/index.ts';

/** The file's name; it sits beside the sources it describes. */
export const SOURCES_FILE = 'sources.yaml';

/** The fields a user may set or correct. */
export const EDITABLE_FIELDS = ['title', 'date', 'outlet', 'author', 'url'] as const;
export type EditableField = (typeof EDITABLE_FIELDS)[number];

/** One file's corrections: a field set to null means "not known" (e.g. a wrongly detected date). */
export type MetaOverride = Partial<Record<EditableField, string | null>>;

export interface SourcesFile {
  /** Corrections by file name (as written in sources.yaml). */
  entries: Map<string, MetaOverride>;
  diagnostics: Diagnostic[];
}

const FIELDS: ReadonlySet<string> = new Set(EDITABLE_FIELDS);
const HINT = `write e.g. "a.txt: {date: 2024-03-02, outlet: Avalon Herald}"; fields: ${EDITABLE_FIELDS.join(', ')}`;

/** `YYYY`, `YYYY-MM` or a real `YYYY-MM-DD`; anything else is null. */
export function normaliseDate(value: string): string | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value.trim());
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), m[2] === undefined ? undefined : Number(m[2]), m[3] === undefined ? undefined : Number(m[3])];
  if (month !== undefined && (month < 1 || month > 12)) return null;
  if (month !== undefined && day !== undefined && (day < 1 || day > new Date(Date.UTC(year, month, 0)).getUTCDate())) return null;
  return m[0];
}

/**
 * Parse a sources.yaml text. `file` is the path shown in diagnostics; `exists(name)` says whether a
 * file of that name is beside it (an entry for a missing file is reported, not applied). Never throws.
 */
export function parseSourcesFile(text: string, file: string, exists: (name: string) => boolean): SourcesFile {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: true });
  const diagnostics: Diagnostic[] = [];
  const entries = new Map<string, MetaOverride>();
  const at = (node: Node | null | undefined) => {
    const offset = node?.range?.[0];
    return offset === undefined ? {} : { line: lines.linePos(offset).line, col: lines.linePos(offset).col };
  };
  const report = (severity: Diagnostic['severity'], message: string, where: { line?: number; col?: number }, hint?: string) =>
    diagnostics.push({ file, ...where, severity, message, ...(hint ? { hint } : {}) });

  if (doc.errors.length > 0) {
    // The first error is the one to fix; later ones are often its echo.
    const first = doc.errors[0]!;
    const pos = first.linePos?.[0];
    const what = first.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    report('error', `is not valid YAML: ${what}; the file is ignored`, pos ? { line: pos.line, col: pos.col } : {}, HINT);
    return { entries, diagnostics };
  }
  if (doc.contents === null) return { entries, diagnostics };
  if (!isMap(doc.contents)) {
    report('error', 'must map file names to their fields; the file is ignored', at(doc.contents), HINT);
    return { entries, diagnostics };
  }
  for (const pair of doc.contents.items as Array<Pair<Node, Node | null>>) {
    const name = isScalar(pair.key) ? String(pair.key.value) : null;
    if (name === null || name.trim() === '') { report('warning', 'an entry has no file name; skipped', at(pair.key), HINT); continue; }
    if (!exists(name)) { report('warning', `names "${name}", which is not a file beside it; skipped`, at(pair.key), 'use the file name as it is in the folder'); continue; }
    if (!isMap(pair.value)) { report('warning', `"${name}" must have fields (title, date, …); skipped`, at(pair.value ?? pair.key), HINT); continue; }
    const override: MetaOverride = {};
    for (const field of pair.value.items as Array<Pair<Node, Node | null>>) {
      const key = isScalar(field.key) ? String(field.key.value) : '';
      if (!FIELDS.has(key)) { report('warning', `"${name}": unknown field "${key}"; ignored`, at(field.key), `fields: ${EDITABLE_FIELDS.join(', ')}`); continue; }
      const value = fieldValue(field.value);
      if (value === undefined) { report('warning', `"${name}": ${key} must be text or null; ignored`, at(field.value ?? field.key)); continue; }
      if (key === 'date' && value !== null) {
        const date = normaliseDate(value);
        if (date === null) { report('warning', `"${name}": date "${value}" is not a date (YYYY-MM-DD, YYYY-MM or YYYY); ignored`, at(field.value)); continue; }
        override.date = date;
      } else {
        override[key as EditableField] = value;
      }
    }
    entries.set(name, override);
  }
  return { entries, diagnostics };
}

/** A scalar as text (a bare year or number too), null for `~`/`null`/empty; undefined for lists and maps. */
function fieldValue(node: Node | null): string | null | undefined {
  if (node === null) return null;
  if (!isScalar(node)) return undefined;
  const v = node.value;
  if (v === null) return null;
  if (typeof v === 'string') return v.trim() === '' ? null : v.trim();
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}

/** The source with the corrections applied: a date set here is explicit, with "sources.yaml" as its evidence. */
export function applyOverride(doc: SourceDoc, override: MetaOverride): SourceDoc {
  const meta: SourceMeta = { ...doc.meta };
  for (const key of EDITABLE_FIELDS) {
    if (!(key in override)) continue;
    const value = override[key] ?? null;
    if (key === 'date') {
      meta.date = value;
      meta.dateSource = value === null ? 'unknown' : 'explicit';
      meta.dateEvidence = SOURCES_FILE;
    } else {
      meta[key] = value;
    }
  }
  const flags: SourceFlag[] = doc.flags.filter((f) => f !== 'undated');
  if (meta.date === null) flags.push('undated');
  return { ...doc, meta, flags: sortFlags(flags) };
}
