// The harness's file access: finds the eval root and reads each corpus's files (parsing is in the loaders).

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { decodePage, goldText } from './cleaneval.ts';
import { parseMeantime, type MeantimeDoc } from './meantime.ts';
import { dateFromFileName, goldContents, goldQuotes, parseBrat, type GoldContent, type GoldQuote } from './polnear.ts';

/** What every section gets: where the data is and how much of it to use. */
export interface EvalContext {
  /** Absolute path of the eval data root (`../shared/eval` from the project root unless overridden). */
  evalDir: string;
  /** Absolute path of the project root. */
  projectRoot: string;
  /** At most this many documents per corpus folder; null for all. */
  limit: number | null;
}

/** `../shared/eval` relative to the project root, or `BRIEFING_EVAL_DIR` when set. */
export function resolveEvalDir(projectRoot: string, env: NodeJS.ProcessEnv = process.env): string {
  const override = env['BRIEFING_EVAL_DIR'];
  return override ? path.resolve(override) : path.resolve(projectRoot, '..', 'shared', 'eval');
}

/** The eval-root-relative path shown in reports, e.g. `meantime/corpus_apple`. */
export const corpusLabel = (ctx: EvalContext, dir: string) => path.relative(ctx.projectRoot, path.join(ctx.evalDir, dir));

function listFiles(dir: string, ext: string): string[] {
  if (!existsSync(dir)) throw new Error(`corpus folder missing: ${dir}`);
  // Sorted by name so ids, --limit and the numbers are the same on every machine.
  return readdirSync(dir).filter((f) => f.endsWith(ext)).sort();
}

const take = <T>(xs: T[], limit: number | null) => (limit === null ? xs : xs.slice(0, limit));

export const MEANTIME_CLUSTERS = ['meantime/corpus_airbus', 'meantime/corpus_apple'] as const;

/** MEANTIME documents of one topic cluster. */
export function readMeantime(ctx: EvalContext, cluster: string): MeantimeDoc[] {
  const dir = path.join(ctx.evalDir, cluster);
  return take(listFiles(dir, '.xml'), ctx.limit).map((f) => parseMeantime(readFileSync(path.join(dir, f), 'utf8'), `${cluster}/${f}`));
}

export interface PolnearDoc {
  id: string;
  /** Eval-root-relative path of the text. */
  path: string;
  /** The .ann used (the first by name when annotators doubled up). */
  annPath: string;
  text: string;
  date: string | null;
  quotes: GoldQuote[];
  /** Every attribution's Content with its Source (partial quotes are scored against these). */
  contents: GoldContent[];
  /** Attribution count, and lines whose stated text did not match the slice (should be none). */
  attributions: number;
  problems: string[];
}

export const POLNEAR_DIR = 'polnear-dev';

export function readPolnear(ctx: EvalContext): PolnearDoc[] {
  const textDir = path.join(ctx.evalDir, POLNEAR_DIR, 'text');
  const annDir = path.join(ctx.evalDir, POLNEAR_DIR, 'attributions');
  const anns = listFiles(annDir, '.ann');
  return take(listFiles(textDir, '.txt'), ctx.limit).map((f) => {
    const base = f.slice(0, -'.txt'.length);
    // Annotation files are named `<text>_<annotator>.ann`.
    const ann = anns.find((a) => a.startsWith(`${base}_`) && /^[0-9a-f]+\.ann$/.test(a.slice(base.length + 1)));
    if (!ann) throw new Error(`${POLNEAR_DIR}: no .ann for ${f}`);
    const text = readFileSync(path.join(textDir, f), 'utf8').replace(/^\uFEFF/, '');
    const { attributions, problems } = parseBrat(readFileSync(path.join(annDir, ann), 'utf8'), text);
    return {
      id: base, path: `${POLNEAR_DIR}/text/${f}`, annPath: `${POLNEAR_DIR}/attributions/${ann}`, text,
      date: dateFromFileName(base), quotes: goldQuotes(text, attributions), contents: goldContents(attributions), attributions: attributions.length, problems,
    };
  });
}

export interface CleanevalDoc {
  id: string;
  path: string;
  html: string;
  gold: string;
}

export const CLEANEVAL_DIR = 'cleaneval-dev';

export function readCleaneval(ctx: EvalContext): CleanevalDoc[] {
  const inputDir = path.join(ctx.evalDir, CLEANEVAL_DIR, 'input');
  const goldDir = path.join(ctx.evalDir, CLEANEVAL_DIR, 'GoldStandard');
  // Numeric order (1, 2, …, 10) rather than string order, to match the corpus's numbering.
  const files = listFiles(inputDir, '.html').sort((a, b) => parseInt(a, 10) - parseInt(b, 10));
  return take(files, ctx.limit).map((f) => {
    const id = f.slice(0, -'.html'.length);
    return {
      id,
      path: `${CLEANEVAL_DIR}/input/${f}`,
      html: decodePage(readFileSync(path.join(inputDir, f))),
      gold: goldText(decodePage(readFileSync(path.join(goldDir, `${id}.txt`)))),
    };
  });
}
