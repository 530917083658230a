// Quotes section: PolNeAR direct quotes (Content spans opening with a quotation mark) and their speakers
// vs the extractor's quotes and speaker spans.

import { analyzeDocuments } from '../../src/extract/analyze.ts';
import type { QuoteMention } from '../../src/extract/analysis.ts';
import { corpusLabel, POLNEAR_DIR, readPolnear, type EvalContext, type PolnearDoc } from './corpora.ts';
import { inContext, MissLog } from './misses.ts';
import { isPronoun, type GoldQuote } from './polnear.ts';
import { matchQuotes, quoteScores, speakerAccuracy, type QuoteMatch } from './score.ts';
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

export function evaluateQuotes(ctx: EvalContext): EvalSection {
  const corpus = readPolnear(ctx);
  // The dev split is one story (the 2016 campaign): analysed together like one briefing folder.
  const analyses = analyzeDocuments(corpus.map((d, k) => evalSourceDoc(k, d.path, d.text, d.date)));
  const misses = new MissLog();
  const matches: Array<QuoteMatch<QuoteMention, GoldQuote>> = [];
  let problems = 0;
  corpus.forEach((doc, k) => {
    const m = matchQuotes(doc.quotes, analyses[k]?.quotes ?? []);
    matches.push(m);
    problems += doc.problems.length;
    logQuoteMisses(misses, doc, m);
  });
  const s = quoteScores(matches);
  const all = speakerAccuracy(matches);
  const pronoun = speakerAccuracy(matches, (g) => isPronoun(g.sourceText ?? ''));
  const named = speakerAccuracy(matches, (g) => !isPronoun(g.sourceText ?? ''));
  const noSource = matches.reduce((n, m) => n + m.matched.filter((x) => x.speaker === 'no-gold-source').length, 0);
  const gold = corpus.reduce((n, d) => n + d.quotes.length, 0);
  return {
    title: 'Quotes (PolNeAR direct quotes and speakers)',
    corpus: corpusLabel(ctx, POLNEAR_DIR),
    metrics: [
      { name: 'direct quote F1', value: s.f1, target: QUOTE_F1_TARGET, detail: `tp=${s.tp} fp=${s.fp} fn=${s.fn} P=${s.precision.toFixed(3)} R=${s.recall.toFixed(3)}; ${corpus.length} docs, ${gold} gold quotes${problems ? `, ${problems} brat span mismatches` : ''}` },
      { name: 'speaker accuracy', value: all.accuracy, target: SPEAKER_ACCURACY_TARGET, detail: `${all.right}/${all.total} matched quotes with a gold Source (${noSource} matched without one, not counted)` },
      { name: 'speaker accuracy, pronoun sources', value: pronoun.accuracy, detail: `${pronoun.right}/${pronoun.total}` },
      { name: 'speaker accuracy, other sources', value: named.accuracy, detail: `${named.right}/${named.total}` },
    ],
    misses: misses.toRecord(),
  };
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
