// Entities section: MEANTIME named PER/ORG/LOC mentions vs the extractor's PERSON/ORG/PLACE mentions,
// scored only inside the annotated region (first six sentences).

import { analyzeDocuments } from '../../src/extract/analyze.ts';
import type { EntityMention } from '../../src/extract/analysis.ts';
import { corpusLabel, MEANTIME_CLUSTERS, readMeantime, type EvalContext } from './corpora.ts';
import { overlap } from './match.ts';
import type { MeantimeDoc } from './meantime.ts';
import { inContext, MissLog, nameShape } from './misses.ts';
import { ENTITY_TYPES, entityScores, matchEntities, type EntityMatch, type TypedSpan } from './score.ts';
import { evalSourceDoc } from './source-doc.ts';
import type { EvalSection, Metric } from './types.ts';

export const ENTITY_F1_TARGET = 0.85;

/** Predictions that can be scored: those starting inside the annotated region. */
export function predictionsInRegion(entities: readonly EntityMention[], regionEnd: number): TypedSpan[] {
  return entities.filter((e) => e.start < regionEnd).map(({ start, end, type, text }) => ({ start, end, type, text }));
}

export function evaluateEntities(ctx: EvalContext): EvalSection {
  const misses = new MissLog();
  const matches: Array<EntityMatch<TypedSpan, TypedSpan>> = [];
  let docs = 0, collapsed = 0, ignored = 0;
  for (const cluster of MEANTIME_CLUSTERS) {
    const corpus = readMeantime(ctx, cluster);
    // A topic cluster is analysed together, as a briefing's folder of clippings on one story would be.
    const analyses = analyzeDocuments(corpus.map((d, k) => evalSourceDoc(k, d.path, d.text, d.dct)));
    corpus.forEach((doc, k) => {
      const pred = predictionsInRegion(analyses[k]?.entities ?? [], doc.regionEnd);
      const m = matchEntities(doc.gold, pred, doc.ignore);
      matches.push(m);
      logEntityMisses(misses, doc, m, pred);
      docs++;
      collapsed += doc.collapsed;
      ignored += m.ignored.length;
    });
  }
  const scores = entityScores(matches);
  const metrics: Metric[] = [];
  for (const type of ['ALL', ...ENTITY_TYPES] as const) {
    const s = scores[type];
    const label = type === 'ALL' ? 'overall' : type;
    const detail = `tp=${s.tp} fp=${s.fp} fn=${s.fn} P=${s.precision.toFixed(3)} R=${s.recall.toFixed(3)}`;
    metrics.push({
      name: `${label} named mention F1`, value: s.f1, detail,
      ...(type === 'ALL' || type === 'PERSON' ? { target: ENTITY_F1_TARGET } : {}),
    });
  }
  metrics[0]!.detail += `; ${docs} docs, ${collapsed} nested same-entity gold collapsed, ${ignored} predictions on untyped names ignored`;
  return {
    title: 'Entities (MEANTIME named PER/ORG/LOC, first 6 sentences)',
    corpus: MEANTIME_CLUSTERS.map((c) => corpusLabel(ctx, c)).join(', '),
    metrics,
    misses: misses.toRecord(),
  };
}

function logEntityMisses(log: MissLog, doc: MeantimeDoc, m: EntityMatch<TypedSpan, TypedSpan>, pred: readonly TypedSpan[]): void {
  const where = (s: TypedSpan) => `"${s.text}" ${inContext(doc.text, s.start, s.end)} (${doc.path})`;
  for (const g of m.falseNegatives) {
    log.add(`FN ${g.type} by shape: ${nameShape(g.text)}`, where(g));
    const other = pred.find((p) => overlap(p, g) > 0 && p.type !== g.type);
    const same = pred.find((p) => overlap(p, g) > 0 && p.type === g.type);
    const cause = other ? `predicted as ${other.type}` : same ? 'overlapping prediction matched another gold' : 'not predicted';
    log.add(`FN ${g.type} by cause: ${cause}`, where(g));
  }
  for (const p of m.falsePositives) {
    log.add(`FP ${p.type} by shape: ${nameShape(p.text)}`, where(p));
    log.add(`FP ${p.type} by cause: ${falsePositiveCause(doc, p)}`, where(p));
  }
}

/** What the corpus has under a false positive: another type's name, an excluded class, a non-name mention, or nothing. */
function falsePositiveCause(doc: MeantimeDoc, p: TypedSpan): string {
  const gold = doc.gold.find((g) => overlap(g, p) > 0);
  if (gold && gold.type !== p.type) return `gold is ${gold.type}`;
  if (gold) return 'gold already matched (split or duplicate prediction)';
  const under = doc.mentions.filter((x) => overlap(x, p) > 0);
  const named = under.find((x) => x.syntacticType === 'NAM' || x.syntacticType === 'PRE.NAM');
  if (named) return `named ${named.entityClass ?? 'untyped'} mention (not scored)`;
  const first = under[0];
  if (first) return `non-name mention (${first.syntacticType || 'no syntactic type'}, class ${first.entityClass ?? 'none'})`;
  return 'no mention there';
}
