// Cleaning section: CleanEval pages through the real HTML reader and cleaning chain (what `briefing` does to a
// .html source), scored by word 4-gram shingles against the human-cleaned text.

import { EMPTY_META, mergeMeta, runCleaning } from '../../src/ingest/clean/index.ts';
import { cleanText } from '../../src/ingest/clean-text.ts';
import { readHtml } from '../../src/ingest/formats/html.ts';
import { isProblem } from '../../src/ingest/formats/types.ts';
import { htmlToTextBaseline } from './cleaneval.ts';
import { CLEANEVAL_DIR, corpusLabel, readCleaneval, type EvalContext } from './corpora.ts';
import { prf } from './match.ts';
import { MissLog } from './misses.ts';
import { shingleCounts } from './score.ts';
import type { EvalSection } from './types.ts';

export const CLEANING_F1_TARGET = 0.9;

/** A page cleaner under test: HTML in, article text out. */
export interface Cleaner {
  /** Shown in the table; a baseline says so. */
  label: string;
  clean: (html: string) => string;
}

export const BASELINE_CLEANER: Cleaner = { label: 'baseline: tags stripped', clean: htmlToTextBaseline };

/**
 * The ingest stage on a decoded page: the HTML reader (Readability main text, meta tags), then every
 * cleaning rule, then the text as `briefing clean` shows it (blanked characters dropped).
 */
export function ingestHtml(html: string): string {
  const parsed = readHtml(html);
  if (isProblem(parsed)) return '';
  const cleaned = runCleaning({ raw: parsed.raw, text: parsed.text, format: parsed.format, meta: mergeMeta(EMPTY_META, parsed.meta) });
  return cleanText({ raw: parsed.raw, text: cleaned.text });
}

export const INGEST_CLEANER: Cleaner = { label: 'src/ingest HTML reader + cleaning rules', clean: ingestHtml };

const CLEANER: Cleaner = INGEST_CLEANER;

export function evaluateCleaning(ctx: EvalContext, cleaner: Cleaner = CLEANER): EvalSection {
  const corpus = readCleaneval(ctx);
  const misses = new MissLog();
  let tp = 0, fp = 0, fn = 0;
  const perDoc: Array<{ id: string; f1: number; p: number; r: number }> = [];
  for (const doc of corpus) {
    const c = shingleCounts(cleaner.clean(doc.html), doc.gold);
    tp += c.tp; fp += c.fp; fn += c.fn;
    const s = prf(c.tp, c.fp, c.fn);
    perDoc.push({ id: doc.path, f1: s.f1, p: s.precision, r: s.recall });
  }
  // The worst pages first, by what went wrong: boilerplate kept (low precision) or text lost (low recall).
  for (const d of perDoc.sort((a, b) => a.f1 - b.f1).slice(0, 20)) {
    log(misses, d.p < d.r ? 'worst pages: boilerplate kept (P < R)' : 'worst pages: text lost (R <= P)', `${d.id} F1=${d.f1.toFixed(3)} P=${d.p.toFixed(3)} R=${d.r.toFixed(3)}`);
  }
  const s = prf(tp, fp, fn);
  const macro = perDoc.length ? perDoc.reduce((n, d) => n + d.f1, 0) / perDoc.length : 0;
  return {
    title: `Cleaning (CleanEval, ${cleaner.label})`,
    corpus: corpusLabel(ctx, CLEANEVAL_DIR),
    metrics: [{
      name: `shingle F1 (${cleaner.label})`, value: s.f1, target: CLEANING_F1_TARGET,
      detail: `micro over ${corpus.length} pages, word 4-gram multiset: P=${s.precision.toFixed(3)} R=${s.recall.toFixed(3)}; macro F1=${macro.toFixed(3)}`,
    }],
    misses: misses.toRecord(),
  };
}

const log = (m: MissLog, category: string, example: string) => m.add(category, example);
