// Reader for the YAML frontmatter: title, subtitle, as_of, sources (the inputs) and the optional
// drafted fingerprint. Read with the failsafe schema, so `as_of: 2024` stays the text "2024".
import YAML, { isMap, isScalar, LineCounter } from 'yaml';
import type { ReadContext } from './context.ts';
import { normalizeText } from '../text.ts';

export interface Frontmatter {
  title: string;
  subtitle: string;
  asOf: string;
  inputs: string[];
  /** 0-based index of the closing `---` line; -1 when there is no frontmatter. */
  end: number;
}

const KNOWN = ['title', 'subtitle', 'as_of', 'sources', 'drafted'];

export function readFrontmatter(lines: readonly string[], ctx: ReadContext): Frontmatter {
  const fm: Frontmatter = { title: '', subtitle: '', asOf: '', inputs: [], end: -1 };
  // Until read, every field counts as reported: validation must not add "title is empty" to "no frontmatter".
  for (const f of ['title', 'subtitle', 'asOf', 'inputs']) ctx.unread.add(f);
  if (lines[0]?.trimEnd() !== '---') {
    ctx.error(1, 'no YAML frontmatter (the first line must be ---)', 'start the file with ---, title:, as_of:, sources:, then ---');
    return fm;
  }
  fm.end = lines.findIndex((l, k) => k > 0 && (l.trimEnd() === '---' || l.trimEnd() === '...'));
  if (fm.end < 0) {
    ctx.error(1, 'the frontmatter is never closed by a --- line');
    return fm;
  }
  const counter = new LineCounter();
  const doc = YAML.parseDocument(lines.slice(1, fm.end).join('\n'), { schema: 'failsafe', lineCounter: counter, prettyErrors: false });
  // Lines in the YAML text are 1-based and the text starts on the file's line 2.
  const fileLine = (offset: number) => counter.linePos(offset).line + 1;
  for (const e of doc.errors) ctx.error(fileLine(e.pos[0]), `frontmatter: ${e.message.split('\n')[0]}`);
  if (doc.errors.length) return fm;
  if (!isMap(doc.contents)) {
    ctx.error(2, 'frontmatter: expected "key: value" lines');
    return fm;
  }
  const keyLine = new Map<string, number>();
  for (const pair of doc.contents.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const line = fileLine(isScalar(pair.key) ? (pair.key.range?.[0] ?? 0) : 0);
    keyLine.set(key, line);
    if (!KNOWN.includes(key)) ctx.warn(line, `frontmatter: unknown key "${key}" is ignored`, `the keys are ${KNOWN.join(', ')}`);
  }
  const data = doc.toJS() as Record<string, unknown>;
  const text = (key: string, path: string, required: boolean): string => {
    const v = data[key];
    if (typeof v === 'string' || (v === undefined && !required)) ctx.unread.delete(path);
    if (typeof v === 'string') return normalizeText(v);
    if (v === undefined && !required) return '';
    ctx.error(keyLine.get(key) ?? 1, v === undefined ? `frontmatter lacks ${key}` : `frontmatter: ${key} must be text`);
    return '';
  };
  fm.title = text('title', 'title', true);
  fm.subtitle = text('subtitle', 'subtitle', false);
  fm.asOf = text('as_of', 'asOf', true);
  const inputs = data.sources === undefined || data.sources === '' ? [] : data.sources; // `sources:` left empty
  if (Array.isArray(inputs) && inputs.every((x) => typeof x === 'string')) {
    fm.inputs = inputs.map(normalizeText);
    ctx.unread.delete('inputs');
  } else ctx.error(keyLine.get('sources') ?? 1, 'frontmatter: sources must be a list of files or folders');
  for (const [key, path] of [['title', 'title'], ['subtitle', 'subtitle'], ['as_of', 'asOf'], ['sources', 'inputs']] as const) {
    const line = keyLine.get(key);
    if (line !== undefined) ctx.lines.set(path, line);
  }
  return fm;
}
