// JSON and JSON Lines exports (a scraper's or a news API's output): records `{title, date, url, outlet,
// text}`, one source each. A record that cannot be used is reported by its line; the others are read.
import { decodeText } from '../decode.ts';
import { metaFromFields } from './frontmatter.ts';
import type { FormatReader, ParsedSource, ReadOutcome, RecordOutcome, SourceProblem } from './types.ts';

/** Keys that may hold the document's text, first match wins. */
const TEXT_KEYS = ['text', 'body', 'content', 'article', 'fulltext', 'full_text'];

const RECORD_HINT = 'give each record a "text" field holding the article (and optionally title, date, url, outlet, author)';

/** One parsed JSON value as a source, or what is wrong with it. */
function recordSource(value: unknown): ParsedSource | SourceProblem {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return { problem: 'is not an object with a "text" field', hint: RECORD_HINT };
  const fields = value as Record<string, unknown>;
  const key = Object.keys(fields).find((k) => TEXT_KEYS.includes(k.toLowerCase()));
  const text = key === undefined ? undefined : fields[key];
  if (typeof text !== 'string') return { problem: key === undefined ? 'has no "text" field' : `has a "${key}" field that is not a string`, hint: RECORD_HINT };
  if (text.trim() === '') return { problem: 'has an empty text', hint: RECORD_HINT };
  const { meta, warnings } = metaFromFields(fields, 'record');
  return { raw: text, text, format: 'text', meta, steps: [], warnings };
}

const lineAt = (text: string, offset: number) => text.slice(0, offset).split('\n').length;

/**
 * Where each element of a top-level JSON array starts (JSON.parse gives no positions, and a record's line is
 * what the user needs to find it). A scan over strings and nesting depth; the caller has checked the JSON parses.
 */
function arrayElementStarts(text: string): number[] {
  const starts: number[] = [];
  let depth = 0;
  let inString = false;
  let expectValue = false;
  for (let k = 0; k < text.length; k++) {
    const c = text[k]!;
    if (inString) {
      if (c === '\\') k++;
      else if (c === '"') inString = false;
      continue;
    }
    if (/\s/.test(c)) continue;
    if (depth === 1 && expectValue && c !== ']') {
      starts.push(k);
      expectValue = false;
    }
    if (c === '"') inString = true;
    else if (c === '[' || c === '{') {
      depth++;
      if (depth === 1) expectValue = true;
    } else if (c === ']' || c === '}') depth--;
    else if (c === ',' && depth === 1) expectValue = true;
  }
  return starts;
}

const outcome = (record: number, line: number, r: ParsedSource | SourceProblem): RecordOutcome => ('problem' in r ? { record, line, ...r } : { record, line, parsed: r });

function readJson(text: string): ReadOutcome {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { problem: `is not valid JSON (${(e as Error).message})`, hint: 'check the file is complete; one record per line belongs in a .jsonl file' };
  }
  if (!Array.isArray(data)) return recordSource(data);
  const starts = arrayElementStarts(text);
  return { records: data.map((v, k) => outcome(k + 1, lineAt(text, starts[k] ?? 0), recordSource(v))), warnings: [] };
}

function readJsonLines(text: string): ReadOutcome {
  const records: RecordOutcome[] = [];
  text.split('\n').forEach((line, k) => {
    if (line.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (e) {
      records.push({ record: records.length + 1, line: k + 1, problem: `is not valid JSON (${(e as Error).message})`, hint: 'each line of a .jsonl file holds one complete JSON object' });
      return;
    }
    records.push(outcome(records.length + 1, k + 1, recordSource(value)));
  });
  return { records, warnings: [] };
}

function recordsReader(name: string, parse: (text: string) => ReadOutcome): FormatReader {
  return {
    name,
    read(bytes) {
      const d = decodeText(bytes);
      if (!d.ok) return { problem: d.message, hint: d.hint };
      const result = parse(d.text);
      if ('records' in result) return { ...result, warnings: [...d.warnings, ...result.warnings] };
      if ('problem' in result) return result;
      return { ...result, warnings: [...d.warnings, ...result.warnings] };
    },
  };
}

export const jsonReader = recordsReader('JSON', readJson);
export const jsonLinesReader = recordsReader('JSON Lines', readJsonLines);
