// Runtime validation of BriefingNotes at the boundary (notes/briefing.json read back, a parsed notes
// file, the builder's output before it is written): types, one-line texts, ISO dates, citations.
import type { Diagnostic } from '../errors.ts';
import type { ClaimCaveat, SourceFlag } from './model.ts';
import { isIsoDate, normalizeText, sortCites, SOURCE_ID } from './text.ts';

export interface ValidateOptions {
  /** The file the diagnostics name (default `notes`). */
  file?: string;
  /** The line a model path (`keyPoints[2].evidence[0]`) stands on, when the model came from a file. */
  lineOf?: (path: string) => number | undefined;
  /** Source ids to take as listed: entries a reader found but could not read, already reported. */
  assumeSources?: Iterable<string>;
  /** Frontmatter fields (`title`, `subtitle`, `asOf`, `inputs`) not to check: a reader already reported them. */
  skip?: Iterable<string>;
}

type Path = readonly (string | number)[];
type Obj = Record<string, unknown>;

const FLAGS: readonly SourceFlag[] = ['degraded', 'lowercase', 'unpunctuated', 'truncated-start', 'boilerplate-removed', 'undated', 'stale', 'duplicate'];
const DATE_SOURCES = ['explicit', 'inferred', 'unknown'];
const CAVEATS: readonly ClaimCaveat[] = ['degraded', 'stale', 'undated'];
const SECTION: Record<string, [string, string]> = {
  bottomLine: ['Bottom line', 'sentence'],
  keyPoints: ['Key points', 'item'],
  actors: ['Actors', 'item'],
  timeline: ['Timeline', 'item'],
  quotes: ['Quotes', 'quote'],
  figures: ['Figures', 'item'],
  discrepancies: ['Discrepancies', 'item'],
  trends: ['Figures', 'trend'],
  sources: ['Sources', 'entry'],
};

/** `keyPoints[2].evidence[0]`: the key the parser records lines under. */
export const pathKey = (path: Path): string => path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('').replace(/^\./, '');

/** "Key points item 3, evidence 1, start": a path in words a reader of the notes file follows. */
function label(path: Path): string {
  const [head, index, ...rest] = path;
  const section = typeof head === 'string' ? SECTION[head] : undefined;
  const words = section && typeof index === 'number' ? [`${section[0]} ${section[1]} ${index + 1}`] : [head, index].filter((p) => p !== undefined).map(String);
  for (let k = 0; k < rest.length; k++) {
    const p = rest[k]!;
    const next = rest[k + 1];
    if (typeof next === 'number') { words.push(`${p === 'evidence' ? 'evidence line' : String(p)} ${next + 1}`); k++; } else words.push(String(p));
  }
  return words.join(', ');
}

class Checker {
  readonly diagnostics: Diagnostic[] = [];
  constructor(private readonly file: string, private readonly lineOf?: (path: string) => number | undefined) {}

  error(path: Path, message: string, hint?: string): void {
    let line: number | undefined;
    for (let k = path.length; k > 0 && line === undefined; k--) line = this.lineOf?.(pathKey(path.slice(0, k)));
    this.diagnostics.push({ file: this.file, ...(line === undefined ? {} : { line }), severity: 'error', message: `${label(path)}: ${message}`, ...(hint ? { hint } : {}) });
  }

  object(path: Path, v: unknown): v is Obj {
    if (typeof v === 'object' && v !== null && !Array.isArray(v)) return true;
    this.error(path, 'must be an object');
    return false;
  }

  array(path: Path, v: unknown): v is unknown[] {
    if (Array.isArray(v)) return true;
    this.error(path, 'must be a list');
    return false;
  }

  /** A single-line, trimmed string; `required` ones must not be empty. */
  text(path: Path, v: unknown, required: boolean): v is string {
    if (typeof v !== 'string') { this.error(path, 'must be a string'); return false; }
    if (normalizeText(v) !== v) this.error(path, 'must be one line of text without spaces at either end');
    else if (required && v === '') this.error(path, 'is empty');
    return true;
  }

  texts(path: Path, v: unknown): void {
    if (this.array(path, v)) v.forEach((s, k) => this.text([...path, k], s, true));
  }

  cites(path: Path, v: unknown, sources: ReadonlySet<string>): string[] {
    if (!this.array(path, v)) return [];
    if (v.length === 0) { this.error(path, 'has no citation', 'every item cites at least one source, like [s1]'); return []; }
    const ids = v.filter((c): c is string => typeof c === 'string' && SOURCE_ID.test(c));
    if (ids.length !== v.length) { this.error(path, 'citations must be source ids like s1'); return ids; }
    if (sortCites(ids).join() !== ids.join()) this.error(path, `citations must be sorted by number without repeats (${ids.join(', ')})`);
    for (const id of ids) if (!sources.has(id)) this.error(path, `cites [${id}], which has no entry under Sources`);
    return ids;
  }

  evidence(path: Path, v: unknown, cites: readonly string[], sources: ReadonlySet<string>): void {
    if (!this.array(path, v)) return;
    v.forEach((e, k) => {
      const at = [...path, k];
      if (!this.object(at, e)) return;
      this.text([...at, 'text'], e.text, true);
      const { source, start, end } = e;
      if (typeof source !== 'string' || !SOURCE_ID.test(source)) this.error([...at, 'source'], 'must be a source id like s1');
      else if (!sources.has(source)) this.error(at, `comes from [${source}], which has no entry under Sources`);
      else if (!cites.includes(source)) this.error(at, `comes from [${source}], which the item does not cite`, `add ${source} to the item's citations or remove the evidence line`);
      const offset = (x: unknown): x is number => typeof x === 'number' && Number.isSafeInteger(x) && x >= 0;
      if (!offset(start) || !offset(end)) this.error(at, 'start and end must be character offsets (whole numbers, 0 or more)');
      else if (end < start) this.error(at, `ends (${end}) before it starts (${start})`);
    });
  }

  /** text + cites + evidence, the parts every claim-like item shares. */
  claim(path: Path, v: unknown, sources: ReadonlySet<string>): v is Obj {
    if (!this.object(path, v)) return false;
    this.text([...path, 'text'], v.text, true);
    const cites = this.cites([...path, 'cites'], v.cites, sources);
    this.evidence([...path, 'evidence'], v.evidence, cites, sources);
    this.support(path, v);
    return true;
  }

  /** The optional support, caveats and theme of a claim. */
  support(path: Path, v: Obj): void {
    if (v.support !== undefined && !(typeof v.support === 'number' && Number.isSafeInteger(v.support) && v.support >= 1)) this.error([...path, 'support'], 'must be a whole number of sources, 1 or more');
    if (v.caveats !== undefined && this.array([...path, 'caveats'], v.caveats)) {
      for (const c of v.caveats) if (!CAVEATS.includes(c as ClaimCaveat)) this.error([...path, 'caveats'], `unknown caveat ${JSON.stringify(c)}`, `caveats are ${CAVEATS.join(', ')}`);
      if ([...new Set(v.caveats)].sort().join() !== v.caveats.join()) this.error([...path, 'caveats'], 'caveats must be sorted without repeats');
    }
    if (v.theme !== undefined) this.text([...path, 'theme'], v.theme, true);
  }

  list(path: Path, v: unknown, each: (at: Path, item: unknown) => void): void {
    if (this.array(path, v)) v.forEach((item, k) => each([...path, k], item));
  }
}

function checkSources(c: Checker, v: unknown): Set<string> {
  const ids = new Set<string>();
  let last = 0;
  c.list(['sources'], v, (at, s) => {
    if (!c.object(at, s)) return;
    if (typeof s.id !== 'string' || !SOURCE_ID.test(s.id)) c.error([...at, 'id'], 'must be a source id like s1');
    else {
      if (ids.has(s.id)) c.error([...at, 'id'], `${s.id} is listed twice`);
      else if (Number(s.id.slice(1)) < last) c.error([...at, 'id'], `${s.id} is out of order (sources are listed in id order)`);
      ids.add(s.id);
      last = Math.max(last, Number(s.id.slice(1)));
    }
    c.text([...at, 'file'], s.file, true);
    c.text([...at, 'title'], s.title, true);
    c.text([...at, 'outlet'], s.outlet, true);
    if (!DATE_SOURCES.includes(s.dateSource as string)) c.error([...at, 'dateSource'], `must be one of ${DATE_SOURCES.join(', ')}`);
    if (s.date === null) { if (s.dateSource !== 'unknown') c.error([...at, 'dateSource'], 'an undated source has dateSource "unknown"'); }
    else if (typeof s.date !== 'string' || !isIsoDate(s.date)) c.error([...at, 'date'], `must be an ISO date (YYYY, YYYY-MM or YYYY-MM-DD) or null, not ${JSON.stringify(s.date)}`);
    else if (s.dateSource === 'unknown') c.error([...at, 'dateSource'], 'a dated source has dateSource "explicit" or "inferred"');
    if (c.array([...at, 'flags'], s.flags)) {
      for (const f of s.flags) if (!FLAGS.includes(f as SourceFlag)) c.error([...at, 'flags'], `unknown flag ${JSON.stringify(f)}`, `flags are ${FLAGS.join(', ')}`);
      if ([...new Set(s.flags)].sort().join() !== s.flags.join()) c.error([...at, 'flags'], 'flags must be sorted without repeats');
    }
  });
  return ids;
}

/** Every problem with `notes` as BriefingNotes; an empty list means it can be written and read back. */
export function validateNotes(notes: unknown, options: ValidateOptions = {}): Diagnostic[] {
  const c = new Checker(options.file ?? 'notes', options.lineOf);
  if (!c.object([], notes)) return c.diagnostics;
  const n = notes;
  const skip = new Set(options.skip);
  const ids = checkSources(c, n.sources);
  for (const id of options.assumeSources ?? []) ids.add(id);
  if (!skip.has('title')) c.text(['title'], n.title, true);
  if (!skip.has('subtitle')) c.text(['subtitle'], n.subtitle, false);
  if (!skip.has('asOf') && (typeof n.asOf !== 'string' || (n.asOf !== 'unknown' && !isIsoDate(n.asOf)))) c.error(['asOf'], `must be an ISO date or "unknown", not ${JSON.stringify(n.asOf)}`);
  if (!skip.has('inputs')) c.texts(['inputs'], n.inputs);
  // In the order of the sections, so messages read top to bottom.
  for (const key of ['bottomLine', 'keyPoints'] as const) c.list([key], n[key], (at, x) => c.claim(at, x, ids));
  c.list(['actors'], n.actors, (at, a) => {
    if (!c.object(at, a)) return;
    c.text([...at, 'name'], a.name, true);
    c.text([...at, 'description'], a.description, false);
    c.texts([...at, 'backedBy'], a.backedBy);
    c.texts([...at, 'opposedBy'], a.opposedBy);
    c.evidence([...at, 'evidence'], a.evidence, c.cites([...at, 'cites'], a.cites, ids), ids);
    if (a.positions !== undefined) c.list([...at, 'positions'], a.positions, (p, x) => c.claim(p, x, ids));
  });
  let lastDate = '';
  c.list(['timeline'], n.timeline, (at, e) => {
    if (!c.claim(at, e, ids)) return;
    if (typeof e.date !== 'string' || !isIsoDate(e.date)) { c.error([...at, 'date'], `must be an ISO date (YYYY, YYYY-MM or YYYY-MM-DD), not ${JSON.stringify(e.date)}`); return; }
    if (e.date < lastDate) c.error([...at, 'date'], `${e.date} comes after ${lastDate}`, 'the timeline is sorted by date');
    lastDate = e.date > lastDate ? e.date : lastDate;
  });
  c.list(['quotes'], n.quotes, (at, q) => {
    if (!c.claim(at, q, ids)) return;
    c.text([...at, 'speaker'], q.speaker, true);
    c.text([...at, 'role'], q.role, false);
  });
  c.list(['figures'], n.figures, (at, f) => {
    if (c.claim(at, f, ids)) c.text([...at, 'figure'], f.figure, true);
  });
  c.list(['discrepancies'], n.discrepancies, (at, x) => c.claim(at, x, ids));
  if (n.trends !== undefined) c.list(['trends'], n.trends, (at, t) => {
    if (!c.claim(at, t, ids)) return;
    c.text([...at, 'measure'], t.measure, true);
    c.list([...at, 'points'], t.points, (pt, p) => {
      if (!c.object(pt, p)) return;
      if (typeof p.date !== 'string' || !isIsoDate(p.date)) c.error([...pt, 'date'], `must be an ISO date, not ${JSON.stringify(p.date)}`);
      if (typeof p.value !== 'number' || !Number.isFinite(p.value)) c.error([...pt, 'value'], 'must be a number');
      c.text([...pt, 'figure'], p.figure, true);
      if (typeof p.source !== 'string' || !SOURCE_ID.test(p.source) || !(t.cites as unknown[]).includes(p.source)) c.error([...pt, 'source'], 'must be a source the trend cites');
    });
  });
  return c.diagnostics;
}
