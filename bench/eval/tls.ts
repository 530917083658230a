// Timeline summarisation scores, as in Martschat & Markert's tilse: date F1, ROUGE-1 "concat" (all of a
// timeline's sentences as one summary), "agreement" (date-aligned: sentences compared only on the same
// date) and "align" (each date aligned one-to-one to a reference date, the score weighted by 1/(days apart + 1)).
// Run: node bin/run-ts.mjs bench/eval/tls.ts DIR [--dates N|gold] [--sentences K]   (DIR: articles/ + timeline.txt)
//  or: node bin/run-ts.mjs bench/eval/tls.ts --system FILE --gold FILE [FILE…]

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** A timeline: date (YYYY-MM-DD) → its sentences. */
export type Timeline = Map<string, string[]>;

/** Precision, recall and F1. */
export interface PRF { precision: number; recall: number; f1: number }

export interface TimelineScores {
  dateF1: PRF;
  concat: PRF;
  agreement: PRF;
  align: PRF;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** The separator line of the Timeline17 / tilse format. */
const SEPARATOR = /^-{5,}$/;

/**
 * Reads a timeline in either format: ours (`YYYY-MM-DD<TAB>sentence` per line, as `briefing summarize
 * --timeline` prints) or Timeline17's (a date line, its sentences one a line, then a line of dashes).
 */
export function parseTimeline(text: string): Timeline {
  const out: Timeline = new Map();
  const add = (date: string, sentence: string) => {
    if (!sentence.trim()) return;
    (out.get(date) ?? out.set(date, []).get(date)!).push(sentence.trim());
  };
  let current: string | null = null;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line) continue;
    const tab = /^(\d{4}-\d{2}-\d{2})\t(.*)$/.exec(raw);
    if (tab) { add(tab[1]!, tab[2]!); continue; }
    if (SEPARATOR.test(line)) { current = null; continue; }
    if (DAY.test(line)) { current = line; continue; }
    if (current) add(current, line);
  }
  return out;
}

/**
 * ROUGE-1.5.5's tokens with its default options (no stemming, stop words kept): lower case, every character
 * but letters, digits and hyphens a space. tilse runs ROUGE with Porter stemming and stop words removed, so its
 * numbers are somewhat lower than these on the same timelines; compare systems with one scorer.
 */
export function tokens(sentence: string): string[] {
  return sentence.toLowerCase().replace(/[^\p{L}\p{N}-]+/gu, ' ').split(' ').filter((t) => t && t !== '-');
}

const counts = (sentences: readonly string[]) => {
  const m = new Map<string, number>();
  for (const s of sentences) for (const t of tokens(s)) m.set(t, (m.get(t) ?? 0) + 1);
  return m;
};
const total = (m: ReadonlyMap<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);

/** ROUGE-1 counts of a summary against references (hits summed over references, as ROUGE's "raw" average). */
interface RougeCounts { hits: number; peer: number; model: number }

function rougeCounts(peer: readonly string[], references: ReadonlyArray<readonly string[]>): RougeCounts {
  const p = counts(peer);
  let hits = 0;
  let model = 0;
  for (const ref of references) {
    const r = counts(ref);
    for (const [t, n] of r) hits += Math.min(n, p.get(t) ?? 0);
    model += total(r);
  }
  return { hits, peer: total(p) * references.length, model };
}

const f1 = (precision: number, recall: number): PRF => ({ precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 });
const ratio = (a: number, b: number) => (b ? a / b : 0);

/** Date precision, recall and F1: the system's dates against the union of the references' dates. */
export function dateF1(system: Timeline, references: readonly Timeline[]): PRF {
  const gold = new Set(references.flatMap((r) => [...r.keys()]));
  const hit = [...system.keys()].filter((d) => gold.has(d)).length;
  return f1(ratio(hit, system.size), ratio(hit, gold.size));
}

/** ROUGE-1 of the whole timelines, each concatenated into one summary. */
export function concatRouge(system: Timeline, references: readonly Timeline[]): PRF {
  const flat = (t: Timeline) => [...t.keys()].sort().flatMap((d) => t.get(d)!);
  const c = rougeCounts(flat(system), references.map(flat));
  return f1(ratio(c.hits, c.peer), ratio(c.hits, c.model));
}

/** Date-aligned ROUGE-1 ("agreement"): a date's sentences are compared only with the references' sentences of that date. */
export function agreementRouge(system: Timeline, references: readonly Timeline[]): PRF {
  let hits = 0, peer = 0, model = 0;
  const dates = new Set([...system.keys(), ...references.flatMap((r) => [...r.keys()])]);
  for (const d of dates) {
    const c = rougeCounts(system.get(d) ?? [], references.map((r) => r.get(d) ?? []));
    hits += c.hits;
    if (system.has(d)) peer += c.peer;
    if (references.some((r) => r.has(d))) model += c.model;
  }
  return f1(ratio(hits, peer), ratio(hits, model));
}

const dayNumber = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

/**
 * Alignment-based ROUGE-1 ("align", Martschat & Markert 2017): for precision each system date is matched to
 * a distinct reference date by a minimum-cost assignment with cost 1 − 1/(days apart + 1), and its hits
 * count times 1/(days apart + 1); for recall the same from the reference dates. Unmatched dates score no hits.
 */
export function alignRouge(system: Timeline, references: readonly Timeline[]): PRF {
  const sys = [...system.keys()].sort();
  const ref = [...new Set(references.flatMap((r) => [...r.keys()]))].sort();
  const refSentences = (d: string) => references.map((r) => r.get(d) ?? []);
  const weight = (a: string, b: string) => 1 / (Math.abs(dayNumber(a) - dayNumber(b)) + 1);
  const side = (rows: string[], cols: string[], rowIsSystem: boolean) => {
    const pairs = assignment(rows.map((a) => cols.map((b) => 1 - weight(a, b))));
    let num = 0, denom = 0;
    rows.forEach((row, i) => {
      const col = pairs[i];
      const [s, r] = rowIsSystem ? [row, col === undefined ? null : cols[col]!] : [col === undefined ? null : cols[col]!, row];
      const c = rougeCounts(s ? system.get(s)! : [], r ? refSentences(r) : references.map(() => []));
      num += s && r ? weight(s, r) * c.hits : 0;
      denom += rowIsSystem ? rougeCounts(system.get(row)!, references.map(() => [])).peer : rougeCounts([], refSentences(row)).model;
    });
    return ratio(num, denom);
  };
  return f1(side(sys, ref, true), side(ref, sys, false));
}

/**
 * A minimum-cost assignment of rows to distinct columns (the Hungarian method with potentials, O(n²m)); as
 * many rows as there are columns get one. Returns each row's column, or undefined.
 */
export function assignment(cost: number[][]): Array<number | undefined> {
  const n = cost.length;
  const m = cost[0]?.length ?? 0;
  if (!n || !m) return new Array<number | undefined>(n).fill(undefined);
  if (n > m) {
    const byCol = assignment(cost[0]!.map((_, j) => cost.map((row) => row[j]!)));
    const out = new Array<number | undefined>(n).fill(undefined);
    byCol.forEach((row, col) => { if (row !== undefined) out[row] = col; });
    return out;
  }
  // 1-based arrays: u, v potentials; p[j] the row matched to column j; way[j] the previous column on the path.
  const u = new Array<number>(n + 1).fill(0), v = new Array<number>(m + 1).fill(0);
  const p = new Array<number>(m + 1).fill(0), way = new Array<number>(m + 1).fill(0);
  for (let i = 1; i <= n; i++) {
    p[0] = i;
    let j0 = 0;
    const minv = new Array<number>(m + 1).fill(Infinity);
    const used = new Array<boolean>(m + 1).fill(false);
    do {
      used[j0] = true;
      const i0 = p[j0]!;
      let delta = Infinity, j1 = 0;
      for (let j = 1; j <= m; j++) {
        if (used[j]) continue;
        const cur = cost[i0 - 1]![j - 1]! - u[i0]! - v[j]!;
        if (cur < minv[j]!) { minv[j] = cur; way[j] = j0; }
        if (minv[j]! < delta) { delta = minv[j]!; j1 = j; }
      }
      for (let j = 0; j <= m; j++) {
        if (used[j]) { u[p[j]!]! += delta; v[j]! -= delta; } else minv[j]! -= delta;
      }
      j0 = j1;
    } while (p[j0] !== 0);
    do { const j1 = way[j0]!; p[j0] = p[j1]!; j0 = j1; } while (j0);
  }
  const out = new Array<number | undefined>(n).fill(undefined);
  for (let j = 1; j <= m; j++) if (p[j]) out[p[j]! - 1] = j - 1;
  return out;
}

export function scoreTimeline(system: Timeline, references: readonly Timeline[]): TimelineScores {
  return { dateF1: dateF1(system, references), concat: concatRouge(system, references), agreement: agreementRouge(system, references), align: alignRouge(system, references) };
}

const fmt = (x: PRF) => `P ${x.precision.toFixed(3)}  R ${x.recall.toFixed(3)}  F1 ${x.f1.toFixed(3)}`;

/** The scores as a small Markdown table. */
export function report(s: TimelineScores): string {
  return ['| measure | score |', '|---|---|', `| date F1 | ${fmt(s.dateF1)} |`, `| ROUGE-1 concat | ${fmt(s.concat)} |`,
    `| ROUGE-1 agreement (date-aligned) | ${fmt(s.agreement)} |`, `| ROUGE-1 align (date distance) | ${fmt(s.align)} |`].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const { parseArgs } = await import('node:util');
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: {
    system: { type: 'string' }, gold: { type: 'string', multiple: true }, dates: { type: 'string' }, sentences: { type: 'string' },
  } });
  if (values.system) {
    if (!values.gold?.length) { process.stderr.write('--system needs --gold FILE\n'); return 2; }
    const refs = values.gold.map((f) => parseTimeline(readFileSync(f, 'utf8')));
    process.stdout.write(`${report(scoreTimeline(parseTimeline(readFileSync(values.system, 'utf8')), refs))}\n`);
    return 0;
  }
  const dir = positionals[0];
  if (!dir) { process.stderr.write('usage: tls.ts DIR [--dates N|gold] [--sentences K]  |  tls.ts --system FILE --gold FILE…\n'); return 2; }
  const gold = parseTimeline(readFileSync(join(dir, 'timeline.txt'), 'utf8'));
  const { loadSources } = await import('../../src/ingest/load.ts');
  const { analyzeDocuments } = await import('../../src/extract/analyze.ts');
  const { timelineSummary } = await import('../../src/extract/briefing/timeline-select.ts');
  const { docs } = await loadSources([join(dir, 'articles')]);
  const analyses = analyzeDocuments(docs, { defaultDate: null });
  // The benchmarks' protocol gives the system the reference's number of dates; without --dates the tool's own rule decides.
  const dates = values.dates === 'gold' ? gold.size : values.dates ? Number(values.dates) : undefined;
  const lines = timelineSummary(docs, analyses, { dates, sentences: values.sentences ? Number(values.sentences) : 1 });
  const system = parseTimeline(lines.join('\n'));
  process.stdout.write(`${dir}: ${system.size} dates chosen (gold ${gold.size})\n${report(scoreTimeline(system, [gold]))}\n`);
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) process.exitCode = await main(process.argv.slice(2));
