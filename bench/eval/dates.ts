// Date-expression evaluation: scores findDates on TimeBank (TempEval-3) and MEANTIME TIMEX3 gold — relaxed span
// P/R/F1 over DATE+TIME gold, value P/R/F1 over gold with calendar values, throughput, and misses by category.

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { DateMention } from '../../src/extract/analysis.ts';
import { findDates } from '../../src/extract/rules/dates.ts';
import { ANNOTATED_SENTENCES, layoutTokens, parseMeantime } from './meantime.ts';
import { maximumMatching, overlap, prf, type Span } from './match.ts';
import { inContext, MissLog } from './misses.ts';
import { resolveEvalDir, type EvalContext } from './corpora.ts';
import type { EvalSection, Metric } from './types.ts';
import { childrenNamed, decodeXmlEntities, parseXml } from './xml.ts';

/** A tagger under test: findDates, or a baseline with the same contract. */
export type DateTagger = (text: string, documentDate: string | null) => DateMention[];

/** One gold TIMEX3 placed in the document text. */
export interface GoldTimex extends Span {
  type: string;
  value: string;
  text: string;
}

export interface TimexDoc {
  /** Path relative to the eval root. */
  path: string;
  text: string;
  /** Document creation date `YYYY-MM-DD`, or null. */
  dct: string | null;
  /** Every TIMEX3 in the scored text (all types; scoring keeps DATE and TIME). */
  gold: GoldTimex[];
  /** Where the annotated region ends (MEANTIME tags only sentences 0-5); predictions starting later are not scored. */
  regionEnd: number;
}

const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

// ─── Loaders ──────────────────────────────────────────────────────────────────────────────────

/** A TimeML file: the `<TEXT>` body with tags removed (entities decoded), its TIMEX3s, and the DCT. */
export function parseTimeml(xml: string, file: string): TimexDoc {
  const dct = /<DCT>\s*<TIMEX3[^>]*\bvalue="(\d{4}-\d{2}-\d{2})/.exec(xml)?.[1] ?? null;
  const open = xml.indexOf('<TEXT>');
  const close = xml.lastIndexOf('</TEXT>');
  if (open < 0 || close < open) throw new Error(`${file}: no <TEXT> element`);
  const body = xml.slice(open + '<TEXT>'.length, close);
  let text = '';
  const gold: GoldTimex[] = [];
  let pending: { start: number; type: string; value: string } | null = null;
  const tag = /<(\/?)([A-Za-z0-9]+)([^>]*)>/g;
  let last = 0;
  for (const m of body.matchAll(tag)) {
    text += decodeXmlEntities(body.slice(last, m.index));
    last = m.index + m[0].length;
    if (m[2] !== 'TIMEX3') continue;
    if (m[1] === '') {
      const attr = (name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(m[3] ?? '')?.[1] ?? '';
      pending = { start: text.length, type: attr('type'), value: attr('value') };
    } else if (pending) {
      gold.push({ ...pending, end: text.length, text: text.slice(pending.start) });
      pending = null;
    }
  }
  text += decodeXmlEntities(body.slice(last));
  return { path: file, text, dct, gold, regionEnd: text.length };
}

/** A MEANTIME file: the text rebuilt from tokens (as the entity loader does) and its TIMEX3 markables. */
export function parseMeantimeTimex(xml: string, file: string): TimexDoc {
  const root = parseXml(xml);
  const tokens = childrenNamed(root, 'token').map((t) => ({ tId: t.attrs['t_id'] ?? '', number: Number(t.attrs['number']), sentence: Number(t.attrs['sentence']), text: t.text }));
  tokens.sort((a, b) => a.number - b.number);
  const { text, placed } = layoutTokens(tokens);
  const byTid = new Map<string, Span>();
  tokens.forEach((t, k) => byTid.set(t.tId, placed[k]!));
  const markables = childrenNamed(root, 'Markables')[0];
  const gold: GoldTimex[] = [];
  let dct: string | null = null;
  for (const t of markables ? childrenNamed(markables, 'TIMEX3') : []) {
    const value = t.attrs['value'] ?? '';
    if (t.attrs['functionInDocument'] === 'CREATION_TIME') dct = /^\d{4}-\d{2}-\d{2}/.exec(value)?.[0] ?? null;
    const spans = childrenNamed(t, 'token_anchor').map((a) => byTid.get(a.attrs['t_id'] ?? '')).filter((s): s is Span => s !== undefined);
    if (!spans.length) continue;
    const start = Math.min(...spans.map((s) => s.start));
    const end = Math.max(...spans.map((s) => s.end));
    gold.push({ start, end, type: t.attrs['type'] ?? '', value, text: text.slice(start, end) });
  }
  gold.sort((a, b) => a.start - b.start);
  // MEANTIME annotates TIMEX3 only in the first six sentences (headline, dateline, four body sentences), as for entities.
  const annotated = placed.filter((t) => t.sentence < ANNOTATED_SENTENCES);
  // Two files lack the CREATION_TIME TIMEX3; the entity loader reads their dateline instead.
  dct ??= parseMeantime(xml, file).dct;
  return { path: file, text, dct, gold, regionEnd: annotated.length ? annotated[annotated.length - 1]!.end : 0 };
}

function readDir(dir: string, ext: string): string[] {
  return readdirSync(dir).filter((f) => f.endsWith(ext)).sort();
}

/** TimeBank documents (sorted by name; `limit` keeps the first n). */
export function readTimebank(evalDir: string, limit: number | null = null): TimexDoc[] {
  const dir = path.join(evalDir, 'timebank');
  const files = readDir(dir, '.tml');
  return (limit === null ? files : files.slice(0, limit)).map((f) => parseTimeml(readFileSync(path.join(dir, f), 'utf8'), `timebank/${f}`));
}

export function readMeantimeTimex(evalDir: string, limit: number | null = null): TimexDoc[] {
  return ['meantime/corpus_airbus', 'meantime/corpus_apple'].flatMap((cluster) => {
    const files = readDir(path.join(evalDir, cluster), '.xml');
    return (limit === null ? files : files.slice(0, limit)).map((f) => parseMeantimeTimex(readFileSync(path.join(evalDir, cluster, f), 'utf8'), `${cluster}/${f}`));
  });
}

// ─── Scoring ──────────────────────────────────────────────────────────────────────────────────

/**
 * The gold value we can be scored against, or null when it has no ISO calendar value (PRESENT_REF, weeks,
 * quarters, seasons, decades, durations). A part of day (`1998-02-12TEV`) is scored at the day: our output has
 * no ISO form for "evening", and the date is what the timeline needs.
 */
export function calendarValue(value: string): string | null {
  if (/^\d{4}(?:-\d{2}(?:-\d{2}(?:T\d{2}(?::\d{2}(?::\d{2})?)?)?)?)?$/.test(value)) return value;
  const partOfDay = /^(\d{4}-\d{2}-\d{2})T(?:MO|AF|EV|NI|DT)$/.exec(value);
  return partOfDay ? partOfDay[1]! : null;
}

/** The predicted value agrees with the gold at the gold's granularity (a finer prediction is truncated). */
export function valueAgrees(predicted: string | null, gold: string): boolean {
  return predicted !== null && predicted.length >= gold.length && predicted.slice(0, gold.length) === gold;
}

export interface DateCounts {
  spanTp: number; spanFp: number; spanFn: number;
  valueTp: number; valueFp: number; valueFn: number;
}

const shapeOf = (s: string) => s.replace(/[0-9]/g, '9');

/** How a predicted text looks, for grouping false positives. */
function predictedShape(text: string): string {
  if (/^\d{4}$/.test(text)) return 'bare year';
  if (/\d/.test(text)) return 'with digits';
  if (/\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b/i.test(text)) return 'weekday';
  if (/\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b/i.test(text)) return 'month name';
  return 'words';
}

/** Score one document's predictions; misses go to `log`. */
export function scoreDocument(doc: TimexDoc, allPredicted: DateMention[], log: MissLog): DateCounts {
  const predicted = allPredicted.filter((p) => p.start < doc.regionEnd);
  const gold = doc.gold.filter((g) => g.type === 'DATE' || g.type === 'TIME');
  // A prediction over a DURATION/SET gold ("five years") is a false positive: durations are not dates.
  const other = doc.gold.filter((g) => !(g.type === 'DATE' || g.type === 'TIME'));
  const goldOf = maximumMatching(predicted.length, gold.length, (p) => gold
    .map((g, k) => ({ k, shared: overlap(g, predicted[p]!) }))
    .filter((e) => e.shared > 0)
    .sort((a, b) => b.shared - a.shared || a.k - b.k)
    .map((e) => e.k));
  const c: DateCounts = { spanTp: 0, spanFp: 0, spanFn: 0, valueTp: 0, valueFp: 0, valueFn: 0 };
  const used = new Set<number>();
  goldOf.forEach((k, p) => {
    const pr = predicted[p]!;
    if (k < 0) {
      const dur = other.find((g) => overlap(g, pr) > 0);
      c.spanFp++;
      if (pr.value !== null) c.valueFp++;
      if (dur) log.add(`FP span: overlaps ${dur.type}`, `${doc.path}: ${inContext(doc.text, pr.start, pr.end)} → ${pr.value} gold=${dur.value}`);
      else log.add(`FP span: ${predictedShape(pr.text)}`, `${doc.path}: ${inContext(doc.text, pr.start, pr.end)} → ${pr.value}`);
      return;
    }
    used.add(k);
    c.spanTp++;
    const g = gold[k]!;
    const cal = calendarValue(g.value);
    if (cal === null) return;
    if (valueAgrees(pr.value, cal)) { c.valueTp++; return; }
    c.valueFn++;
    if (pr.value !== null) c.valueFp++;
    const why = pr.value === null ? 'no value' : pr.value.length < cal.length ? 'too coarse' : 'wrong value';
    log.add(`value ${why}: gold ${shapeOf(cal)}`, `${doc.path}: ${inContext(doc.text, pr.start, pr.end)} → ${pr.value} gold=${g.value} [${g.text}] dct=${doc.dct}`);
  });
  gold.forEach((g, k) => {
    if (used.has(k)) return;
    c.spanFn++;
    if (calendarValue(g.value) !== null) c.valueFn++;
    const shape = calendarValue(g.value) ? shapeOf(calendarValue(g.value)!) : g.value.replace(/\d/g, '9');
    log.add(`FN ${g.type} ${shape}`, `${doc.path}: ${inContext(doc.text, g.start, g.end)} gold=${g.value}`);
  });
  return c;
}

export interface CorpusScore {
  span: ReturnType<typeof prf>;
  value: ReturnType<typeof prf>;
  chars: number;
  ms: number;
}

/** Tag and score many documents; the time spent tagging is measured separately from the scoring. */
export function scoreCorpus(docs: TimexDoc[], tagger: DateTagger, log: MissLog): CorpusScore {
  const total: DateCounts = { spanTp: 0, spanFp: 0, spanFn: 0, valueTp: 0, valueFp: 0, valueFn: 0 };
  let ms = 0;
  let chars = 0;
  for (const doc of docs) {
    const t0 = performance.now();
    const predicted = tagger(doc.text, doc.dct);
    ms += performance.now() - t0;
    chars += doc.text.length;
    const c = scoreDocument(doc, predicted, log);
    for (const key of Object.keys(total) as Array<keyof DateCounts>) total[key] += c[key];
  }
  return { span: prf(total.spanTp, total.spanFp, total.spanFn), value: prf(total.valueTp, total.valueFp, total.valueFn), chars, ms };
}

const counts = (s: { tp: number; fp: number; fn: number }) => `tp=${s.tp} fp=${s.fp} fn=${s.fn}`;
const round = (x: number) => Math.round(x * 1000) / 1000;

export interface DateEvalOptions {
  tagger?: DateTagger;
  /** At most this many documents per corpus; null for all. */
  limit?: number | null;
  /** Also score MEANTIME (default true). */
  meantime?: boolean;
}

/** Score findDates (or `options.tagger`) on TimeBank and MEANTIME. */
export async function evaluateDates(ctx: EvalContext, options: DateEvalOptions = {}): Promise<EvalSection> {
  const evalDir = ctx.evalDir;
  const tagger = options.tagger ?? findDates;
  const limit = options.limit ?? ctx.limit;
  const log = new MissLog(60);
  const metrics: Metric[] = [];
  const timebank = readTimebank(evalDir, limit);
  // Warm the tagger once so the throughput figure is not the JIT's first pass.
  for (const doc of timebank.slice(0, 10)) tagger(doc.text, doc.dct);
  const tb = scoreCorpus(timebank, tagger, log);
  metrics.push(
    { name: 'TimeBank relaxed F1', value: round(tb.span.f1), target: 0.9, detail: `${counts(tb.span)} P=${round(tb.span.precision)} R=${round(tb.span.recall)}` },
    { name: 'TimeBank value F1', value: round(tb.value.f1), target: 0.8, detail: `${counts(tb.value)} P=${round(tb.value.precision)} R=${round(tb.value.recall)}` },
    { name: 'dates throughput MB/s', value: round(tb.chars / 1e6 / (tb.ms / 1000)), target: 2, detail: `${tb.chars} chars in ${Math.round(tb.ms)} ms` },
  );
  const meantimeMisses: Record<string, string[]> = {};
  if (options.meantime !== false) {
    const mtLog = new MissLog(30);
    const mt = scoreCorpus(readMeantimeTimex(evalDir, limit), tagger, mtLog);
    for (const [cat, list] of Object.entries(mtLog.toRecord())) meantimeMisses[`MEANTIME ${cat}`] = list;
    metrics.push(
      { name: 'MEANTIME relaxed F1', value: round(mt.span.f1), detail: `${counts(mt.span)} P=${round(mt.span.precision)} R=${round(mt.span.recall)}` },
      { name: 'MEANTIME value F1', value: round(mt.value.f1), detail: `${counts(mt.value)} P=${round(mt.value.precision)} R=${round(mt.value.recall)}` },
    );
  }
  return { title: 'Dates (TimeBank / MEANTIME TIMEX3 DATE+TIME)', corpus: path.relative(PROJECT_ROOT, path.join(evalDir, 'timebank')), metrics, misses: { ...log.toRecord(), ...meantimeMisses } };
}

// ─── Baseline: plain chrono ───────────────────────────────────────────────────────────────────

/** chrono-node with its defaults, values at the granularity chrono is certain of (the "before" numbers). */
export async function chronoTagger(): Promise<DateTagger> {
  const chrono = await import('chrono-node');
  return (text, documentDate) => {
    const ref = documentDate ? new Date(`${documentDate}T12:00:00`) : new Date();
    return chrono.parse(text, ref).map((r) => {
      const s = r.start;
      const pad = (n: number | null) => String(n ?? 0).padStart(2, '0');
      const year = s.get('year');
      let value: string | null = null;
      if (documentDate || s.isCertain('year')) {
        if (s.isCertain('day') || s.isCertain('weekday') || !s.isCertain('month')) value = `${year}-${pad(s.get('month'))}-${pad(s.get('day'))}`;
        else value = `${year}-${pad(s.get('month'))}`;
      }
      return { start: r.index, end: r.index + r.text.length, text: r.text, value };
    });
  };
}

// Run alone: `node bin/run-ts.mjs bench/eval/dates.ts [--chrono] [--misses [category filter]]`.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const tagger = args.includes('--chrono') ? await chronoTagger() : undefined;
  const section = await evaluateDates({ evalDir: resolveEvalDir(PROJECT_ROOT), projectRoot: PROJECT_ROOT, limit: null }, tagger ? { tagger } : {});
  for (const m of section.metrics) console.log(`${m.name.padEnd(24)} ${String(m.value).padEnd(7)} ${m.target !== undefined ? `(target ${m.target}) ` : ''}${m.detail ?? ''}`);
  if (args.includes('--misses')) {
    const filter = args[args.indexOf('--misses') + 1];
    for (const [cat, list] of Object.entries(section.misses)) {
      if (filter && !filter.startsWith('--') && !cat.includes(filter)) { continue; }
      console.log(`\n## ${cat}`);
      for (const x of list.slice(0, 25)) console.log(`  ${x}`);
    }
  }
}
