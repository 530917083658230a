// The project's settings: briefing.config.json, briefing.config.mjs/.js (plain JavaScript, so no compiler
// at run time) or a "briefing" key in package.json, checked key by key, paths resolved against the
// file's folder. Precedence (applied by the CLI): defaults < this file < command-line flags.

import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { BriefingError } from './errors.ts';
import { NOTES_SECTIONS } from './notes/model.ts';

/** A notes section, by its heading. */
export type SectionName = (typeof NOTES_SECTIONS)[number];

/** Everything a config file may set. Paths are relative to the config file's folder. */
export interface BriefingConfig {
  /** Source files and folders (default `["seeds"]`). */
  sources?: string[];
  /** Notes file (default `notes/briefing.md`; the JSON goes beside it). */
  notes?: string;
  /** Deck file (default `slides/slides.md`). */
  deck?: string;
  /** One-page PDF (default `out/summary.pdf`). */
  handout?: string;
  /** Paper of the handout: `letter` (default) or `a4`. */
  paper?: 'letter' | 'a4';
  /** The briefing's title (default: made from the most-cited names). */
  title?: string;
  /** Document date (YYYY-MM-DD) for sources that state none. */
  date?: string;
  /** Most main slides in the deck, the cover included; the least needed sections go to the appendix first. */
  slideBudget?: number;
  /**
   * The deck's section order (notes headings; sections not named follow in the usual order) and the
   * most items each section shows in the deck and the handout. The notes file keeps everything, in its fixed order.
   */
  sections?: { order?: SectionName[]; limits?: Partial<Record<SectionName, number>> };
}

/** For `briefing.config.mjs` written in an editor that checks types: returns its argument. */
export function defineConfig(config: BriefingConfig): BriefingConfig {
  return config;
}

/** The file names looked for, in this order, in the working folder. */
export const CONFIG_FILES = ['briefing.config.json', 'briefing.config.mjs', 'briefing.config.js'] as const;

/** A config as read: its keys checked, its paths absolute. */
export interface LoadedConfig {
  /** The file it came from (`package.json` for the `briefing` key), or null when there is none. */
  file: string | null;
  config: BriefingConfig;
}

const bad = (file: string, key: string, message: string, line?: number) =>
  new BriefingError('CONFIG_INVALID', `${path.basename(file)}${line ? `:${line}` : ''}: ${key ? `'${key}' ` : ''}${message}`, {
    hint: `fix it in ${file} (see 'briefing --help' for the keys)`,
  });

/**
 * Find and read the config: `explicit` when given (it must exist), else the first of CONFIG_FILES
 * in `cwd`, else package.json's `briefing` key. Throws CONFIG_INVALID naming file and key.
 */
export async function loadConfig(cwd: string, explicit?: string): Promise<LoadedConfig> {
  if (explicit !== undefined) {
    const file = path.resolve(cwd, explicit);
    if (!fs.existsSync(file)) throw new BriefingError('INPUT_MISSING', `config file not found: ${explicit}`, { hint: 'check the path given to --config' });
    return { file, config: await readConfigFile(file) };
  }
  for (const name of CONFIG_FILES) {
    const file = path.join(cwd, name);
    if (fs.existsSync(file)) return { file, config: await readConfigFile(file) };
  }
  const pkg = path.join(cwd, 'package.json');
  if (fs.existsSync(pkg)) {
    const json = parseJson(pkg) as Record<string, unknown>;
    if (json && typeof json === 'object' && 'briefing' in json) return { file: pkg, config: checkConfig(json.briefing, pkg, 'briefing.') };
  }
  return { file: null, config: {} };
}

async function readConfigFile(file: string): Promise<BriefingConfig> {
  if (file.endsWith('.json')) return checkConfig(parseJson(file), file);
  if (file.endsWith('.mjs') || file.endsWith('.js')) {
    let mod: { default?: unknown };
    try {
      mod = (await import(pathToFileURL(file).href)) as { default?: unknown };
    } catch (err) {
      throw new BriefingError('CONFIG_INVALID', `${path.basename(file)}: could not be loaded: ${(err as Error).message}`, { hint: `fix ${file}`, cause: err });
    }
    if (mod.default === undefined) throw bad(file, '', 'has no default export (write `export default { … }`)');
    return checkConfig(mod.default, file);
  }
  // A .ts config would need a TypeScript compiler at run time; we keep the start fast instead.
  throw bad(file, '', 'is not a format briefing reads: use briefing.config.json or briefing.config.mjs (with defineConfig for types)');
}

/** JSON with the line of a syntax error, for the message. */
function parseJson(file: string): unknown {
  const text = fs.readFileSync(file, 'utf8');
  try {
    return JSON.parse(text);
  } catch (err) {
    const at = /position (\d+)/.exec((err as Error).message);
    const line = at ? text.slice(0, Number(at[1])).split('\n').length : undefined;
    throw bad(file, '', `is not valid JSON (${(err as Error).message})`, line);
  }
}

/** One checker per key: returns the error message, or null when the value is good. */
const CHECKS: Record<keyof BriefingConfig, (v: unknown) => string | null> = {
  sources: (v) => (Array.isArray(v) && v.length > 0 && v.every((s) => typeof s === 'string' && s !== '') ? null : 'must be a non-empty list of file or folder paths'),
  notes: (v) => pathCheck(v, '.md'),
  deck: (v) => pathCheck(v, '.md'),
  handout: (v) => pathCheck(v, '.pdf'),
  paper: (v) => (v === 'letter' || v === 'a4' ? null : `must be "letter" or "a4", not ${JSON.stringify(v)}`),
  title: (v) => (typeof v === 'string' && v.trim() !== '' && !v.includes('\n') ? null : 'must be one line of text'),
  date: (v) => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? null : `must be a date written YYYY-MM-DD, not ${JSON.stringify(v)}`),
  slideBudget: (v) => (Number.isInteger(v) && (v as number) >= 3 && (v as number) <= 500 ? null : 'must be a whole number of slides from 3 to 500'),
  sections: checkSections,
};

function pathCheck(v: unknown, ext: string): string | null {
  if (typeof v !== 'string' || v === '') return 'must be a file path';
  return v.toLowerCase().endsWith(ext) ? null : `must end in ${ext}`;
}

function checkSections(v: unknown): string | null {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return 'must be an object with "order" and/or "limits"';
  const names = NOTES_SECTIONS as readonly string[];
  for (const key of Object.keys(v)) if (key !== 'order' && key !== 'limits') return `has an unknown key "${key}" (known: order, limits)`;
  const { order, limits } = v as { order?: unknown; limits?: unknown };
  if (order !== undefined) {
    if (!Array.isArray(order) || !order.every((s) => typeof s === 'string')) return '.order must be a list of section names';
    const unknown = order.find((s) => !names.includes(s as string));
    if (unknown !== undefined) return `.order names an unknown section "${unknown}" (known: ${names.join(', ')})`;
    if (new Set(order).size !== order.length) return '.order names a section twice';
  }
  if (limits !== undefined) {
    if (!limits || typeof limits !== 'object' || Array.isArray(limits)) return '.limits must map section names to numbers';
    for (const [name, n] of Object.entries(limits)) {
      if (!names.includes(name)) return `.limits names an unknown section "${name}" (known: ${names.join(', ')})`;
      if (!Number.isInteger(n) || (n as number) < 0) return `.limits["${name}"] must be a whole number, 0 or more`;
    }
  }
  return null;
}

const PATH_KEYS = ['notes', 'deck', 'handout'] as const;

/** Check every key of `raw` and make its paths absolute against the file's folder. */
export function checkConfig(raw: unknown, file: string, prefix = ''): BriefingConfig {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw bad(file, prefix.replace(/\.$/, ''), 'must be an object of settings');
  const known = Object.keys(CHECKS);
  const config: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    const check = CHECKS[key as keyof BriefingConfig];
    if (!check) throw bad(file, `${prefix}${key}`, `is not a setting (known: ${known.join(', ')})`);
    const problem = check(value);
    if (problem) throw bad(file, `${prefix}${key}`, problem);
    config[key] = value;
  }
  const dir = path.dirname(file);
  for (const key of PATH_KEYS) if (typeof config[key] === 'string') config[key] = path.resolve(dir, config[key] as string);
  if (Array.isArray(config.sources)) config.sources = (config.sources as string[]).map((s) => path.resolve(dir, s));
  return config as BriefingConfig;
}
