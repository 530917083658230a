// Quotes section: PolNeAR direct quotes (Content spans opening with a quotation mark) and their speakers
// vs the extractor's quotes and speaker spans.

import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { analyzeDocuments } from '../../src/extract/analyze.ts';
import type { QuoteMention } from '../../src/extract/analysis.ts';
import { SPEAKER_CONFIDENCE_THRESHOLD } from '../../src/extract/rules/quotes.ts';
import { readSources } from '../../src/ingest/index.ts';
import { corpusLabel, POLNEAR_DIR, readPolnear, type EvalContext, type PolnearDoc } from './corpora.ts';
import { overlapFragments } from './match.ts';
import { inContext, MissLog } from './misses.ts';
import { isPronoun, type GoldContent, type GoldQuote } from './polnear.ts';
import { auditWire, wireAuditSection } from './quotes-wire.ts';
import { matchQuotes, quoteScores, speakerAccuracy, speakerNameVerdict, speakerVerdict, type QuoteMatch } from './score.ts';
import { evalSourceDoc } from './source-doc.ts';
import type { EvalSection } from './types.ts';

export const QUOTE_F1_TARGET = 0.95;
export const SPEAKER_ACCURACY_TARGET = 0.9;

/** How the gold attribution names its speaker; speaker errors are grouped by it. */
export function attributionPattern(text: string, q: GoldQuote): 'none' | 'pronoun' | 'continued quote' | 'previous sentence' | 'X said' | 'said X' {
  if (!q.source || q.sourceText === null) return 'none';
  if (isPronoun(q.sourceText)) return 'pronoun';
  // The second stretch of “A,” said X. “B.”: the speaker was given with the first stretch.
  if (q.part > 0 && q.source.end <= q.start) return 'continued quote';
  if (q.source.end <= q.start) {
    // A sentence end or a line break between speaker and quote: the speaker was named earlier ("Smith spoke. “…”").
    const between = text.slice(q.source.end, q.start);
    if (/[.!?]["”’]?\s|\n/.test(between)) return 'previous sentence';
  }
  if (q.cue && q.source.start > q.cue.start) return 'said X';
  return 'X said';
}

/** The mark a gold quote opens with, to see whether misses cluster on one quoting style. */
const openingMark = (q: GoldQuote) => (q.text.startsWith("''") ? "''" : q.text.charAt(0));

export async function evaluateQuotes(ctx: EvalContext): Promise<EvalSection> {
  const corpus = readPolnear(ctx);
  // The dev split is one story (the 2016 campaign): analysed together like one briefing folder.
  const analyses = analyzeDocuments(corpus.map((d, k) => evalSourceDoc(k, d.path, d.text, d.date)));
  const misses = new MissLog();
  const matches: Array<QuoteMatch<QuoteMention, GoldQuote>> = [];
  const kinds = new KindTally();
  let partials = 0;
  let partialsInContent = 0;
  let problems = 0;
  corpus.forEach((doc, k) => {
    const predicted = analyses[k]?.quotes ?? [];
    // Partial quotes are not direct quotes: PolNeAR's direct gold leaves them out, so they are scored apart.
    const m = matchQuotes(doc.quotes, predicted.filter((q) => q.kind !== 'partial'));
    matches.push(m);
    problems += doc.problems.length;
    logQuoteMisses(misses, doc, m);
    for (const x of m.matched) kinds.add(attributionKind(x.pred), x.speaker);
    for (const p of predicted.filter((q) => q.kind === 'partial')) {
      partials++;
      const content = contentOf(doc.contents, p);
      if (content) partialsInContent++;
      kinds.add('partial', content ? speakerVerdict(p, content) : 'not in gold');
      if (content && speakerVerdict(p, content) === 'wrong') misses.add('speaker error: partial quote', `${inContext(doc.text, p.start, Math.min(p.end, p.start + 100), 30)} (${doc.path})`);
    }
  });
  const s = quoteScores(matches);
  const all = speakerAccuracy(matches);
  const pronoun = speakerAccuracy(matches, (g) => isPronoun(g.sourceText ?? ''));
  const named = speakerAccuracy(matches, (g) => !isPronoun(g.sourceText ?? ''));
  const noSource = matches.reduce((n, m) => n + m.matched.filter((x) => x.speaker === 'no-gold-source').length, 0);
  const names = { right: 0, total: 0 };
  for (const m of matches) {
    for (const x of m.matched) {
      const verdict = x.gold.sourceText ? speakerNameVerdict(x.gold.sourceText, x.pred) : null;
      if (!verdict) continue;
      names.total++;
      if (verdict === 'right') names.right++;
      else misses.add('speaker error: name', `${x.gold.sourceText} → ${x.pred.speakerName ?? 'none'} (${x.pred.speakerForm ?? '?'})`);
    }
  }
  const gold = corpus.reduce((n, d) => n + d.quotes.length, 0);
  const partialSpeakers = kinds.row('partial');
  writeAttributionReport(ctx, kinds, await seedKinds(ctx), wireAuditSection(await auditWire(ctx.projectRoot)));
  return {
    title: 'Quotes (PolNeAR direct quotes and speakers)',
    corpus: corpusLabel(ctx, POLNEAR_DIR),
    metrics: [
      { name: 'direct quote F1', value: s.f1, target: QUOTE_F1_TARGET, detail: `tp=${s.tp} fp=${s.fp} fn=${s.fn} P=${s.precision.toFixed(3)} R=${s.recall.toFixed(3)}; ${corpus.length} docs, ${gold} gold quotes${problems ? `, ${problems} brat span mismatches` : ''}` },
      { name: 'speaker accuracy', value: all.accuracy, target: SPEAKER_ACCURACY_TARGET, detail: `${all.right}/${all.total} matched quotes with a gold Source (${noSource} matched without one, not counted)` },
      { name: 'speaker accuracy, pronoun sources', value: pronoun.accuracy, detail: `${pronoun.right}/${pronoun.total}` },
      { name: 'speaker accuracy, other sources', value: named.accuracy, detail: `${named.right}/${named.total}` },
      { name: 'speaker named as the gold Source names them', value: names.total ? names.right / names.total : 0, detail: `${names.right}/${names.total} matched quotes with a non-pronoun gold Source whose name can be checked (a name's head word, or a description the speaker must not be resolved out of)` },
      { name: 'partial quotes inside a gold Content', value: partials ? partialsInContent / partials : 0, detail: `${partialsInContent}/${partials} partial quotes (kind 'partial', not in the direct F1)` },
      { name: 'partial quote speaker accuracy', value: partialSpeakers.right + partialSpeakers.wrong ? partialSpeakers.right / (partialSpeakers.right + partialSpeakers.wrong) : 0, detail: `${partialSpeakers.right}/${partialSpeakers.right + partialSpeakers.wrong} with a gold Source` },
    ],
    misses: misses.toRecord(),
  };
}

/** The kinds of attribution the error report is split by. */
const KINDS = ['after', 'before', 'continuation', 'pronoun', 'unnamed', 'partial', 'nearby', 'none'] as const;
type AttributionKind = (typeof KINDS)[number];

/** A quote's attribution kind: partial and unnamed and pronoun first (they say how hard it was), then where it was read. */
export function attributionKind(q: QuoteMention): AttributionKind {
  if (q.kind === 'partial') return 'partial';
  if (!q.speakerName) return 'none';
  if (q.speakerForm === 'unnamed') return 'unnamed';
  if (q.speakerForm === 'pronoun') return 'pronoun';
  return q.attribution ?? 'none';
}

/** The gold Content a partial quote lies in (at least half its characters), if any. */
function contentOf(contents: readonly GoldContent[], p: QuoteMention): GoldContent | null {
  return contents.find((c) => 2 * overlapFragments(p, c.fragments) >= p.end - p.start) ?? null;
}

/** Counts of speaker verdicts by attribution kind. */
class KindTally {
  private readonly rows = new Map<AttributionKind, { right: number; wrong: number; other: number }>();
  add(kind: AttributionKind, verdict: 'right' | 'wrong' | 'no-gold-source' | 'not in gold'): void {
    const row = this.row(kind);
    if (verdict === 'right') row.right++;
    else if (verdict === 'wrong') row.wrong++;
    else row.other++;
    this.rows.set(kind, row);
  }
  row(kind: AttributionKind): { right: number; wrong: number; other: number } {
    return this.rows.get(kind) ?? { right: 0, wrong: 0, other: 0 };
  }
}

interface SeedQuote { file: string; kind: AttributionKind; speaker: string; confidence: number; text: string }

/** The sample articles through the real reader and extractor: what was found, for reading by eye. */
async function seedKinds(ctx: EvalContext): Promise<SeedQuote[]> {
  const { docs } = await readSources([path.join(ctx.projectRoot, 'seeds')], { cwd: ctx.projectRoot });
  const analyses = analyzeDocuments(docs);
  return analyses.flatMap((a, k) => a.quotes.map((q) => ({
    file: path.basename(docs[k]!.path), kind: attributionKind(q),
    speaker: (q.confidence ?? 0) < SPEAKER_CONFIDENCE_THRESHOLD ? 'speaker unclear' : q.speakerName ?? 'none',
    confidence: q.confidence ?? 0, text: q.text,
  })));
}

const cell = (s: string) => s.replace(/\s+/g, ' ').replace(/\|/g, '\\|');

/** `bench/results/quotes-attribution.md`: speaker errors by attribution kind on PolNeAR dev, and the seeds' quotes by kind. */
function writeAttributionReport(ctx: EvalContext, kinds: KindTally, seeds: readonly SeedQuote[], wire: readonly string[]): void {
  const lines = ['# Quote attribution by kind', '', `Run ${new Date().toISOString()}${ctx.limit ? ` (--limit ${ctx.limit})` : ''}.`, '',
    '## PolNeAR dev: speaker verdicts by attribution kind', '',
    'Direct quotes matched to a gold quote, and partial quotes (scored against the gold Content they lie in). A pronoun speaker is right when its span is the gold Source (the pronoun); which entity it was resolved to is not scored here.', '',
    '| kind | right | wrong | accuracy | no gold Source / not in gold |', '|---|---:|---:|---:|---:|'];
  for (const k of KINDS) {
    const r = kinds.row(k);
    if (r.right + r.wrong + r.other === 0) continue;
    lines.push(`| ${k} | ${r.right} | ${r.wrong} | ${r.right + r.wrong ? (r.right / (r.right + r.wrong)).toFixed(3) : '–'} | ${r.other} |`);
  }
  lines.push('', '## Seeds: quotes found by attribution kind', '', 'No gold: read by eye (`node bin/briefing.mjs analyze seeds/*.txt --json`).', '',
    '| kind | quotes | mean confidence | speaker unclear |', '|---|---:|---:|---:|');
  for (const k of KINDS) {
    const q = seeds.filter((x) => x.kind === k);
    if (!q.length) continue;
    lines.push(`| ${k} | ${q.length} | ${(q.reduce((n, x) => n + x.confidence, 0) / q.length).toFixed(2)} | ${q.filter((x) => x.speaker === 'speaker unclear').length} |`);
  }
  lines.push('', '| file | kind | speaker | confidence | quote |', '|---|---|---|---:|---|');
  for (const q of seeds) lines.push(`| ${q.file} | ${q.kind} | ${cell(q.speaker)} | ${q.confidence.toFixed(2)} | ${cell(q.text.slice(0, 70))}${q.text.length > 70 ? '…' : ''} |`);
  lines.push('', ...wire);
  const dir = path.join(ctx.projectRoot, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'quotes-attribution.md'), `${lines.join('\n')}\n`);
}

function logQuoteMisses(log: MissLog, doc: PolnearDoc, m: QuoteMatch<QuoteMention, GoldQuote>): void {
  const show = (start: number, end: number) => inContext(doc.text, start, end, 30);
  for (const g of m.falseNegatives) log.add(`FN quote by opening mark: ${openingMark(g)}`, `${show(g.start, Math.min(g.end, g.start + 120))} (${doc.path})`);
  for (const p of m.falsePositives) log.add('FP quote', `${show(p.start, Math.min(p.end, p.start + 120))} (${doc.path})`);
  for (const x of m.matched) {
    if (x.speaker !== 'wrong') continue;
    const predicted = x.pred.speakerStart === null || x.pred.speakerEnd === null ? 'no speaker span' : `predicted "${doc.text.slice(x.pred.speakerStart, x.pred.speakerEnd)}"`;
    const gold = x.gold.source ? `gold "${x.gold.sourceText}" ${show(x.gold.source.start, x.gold.source.end)}` : 'no gold source';
    log.add(`speaker error by attribution pattern: ${attributionPattern(doc.text, x.gold)}`, `${predicted}; ${gold} (${doc.path})`);
  }
}
