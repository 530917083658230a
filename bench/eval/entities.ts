// Entities sections: MEANTIME named PER/ORG/LOC mentions vs the extractor's PERSON/ORG/PLACE mentions,
// scored only inside the annotated region (first six sentences), per topic cluster (held-out folds) and
// overall; and PolNeAR's named attribution sources, found or not, as a check on other text.

import { analyzeDocuments } from '../../src/extract/analyze.ts';
import type { EntityMention } from '../../src/extract/analysis.ts';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { corpusLabel, MEANTIME_CLUSTERS, POLNEAR_DIR, readMeantime, readPolnear, type EvalContext } from './corpora.ts';
import { overlap, type Prf } from './match.ts';
import type { MeantimeDoc } from './meantime.ts';
import { inContext, MissLog, nameShape } from './misses.ts';
import { isPronoun, parseBrat } from './polnear.ts';
import { ENTITY_TYPES, entityScores, matchEntities, type EntityMatch, type TypedSpan } from './score.ts';
import { evalSourceDoc } from './source-doc.ts';
import type { EvalSection, Metric } from './types.ts';

export const ENTITY_F1_TARGET = 0.85;

/** Predictions that can be scored: those starting inside the annotated region. */
export function predictionsInRegion(entities: readonly EntityMention[], regionEnd: number): TypedSpan[] {
  return entities.filter((e) => e.start < regionEnd).map(({ start, end, type, text }) => ({ start, end, type, text }));
}

/**
 * MEANTIME entities, and the PolNeAR named-source check. The rules are hand-written, so "training" is a person
 * reading one cluster's misses: the main figure is the held-out one, the worse of the two clusters (tune
 * on airbus, report apple; tune on apple, report airbus), and the misses say which cluster each is from.
 */
export function evaluateEntities(ctx: EvalContext): EvalSection[] {
  return [evaluateMeantimeEntities(ctx), evaluateNamedSources(ctx)];
}

function evaluateMeantimeEntities(ctx: EvalContext): EvalSection {
  const misses = new MissLog();
  const matches: Array<EntityMatch<TypedSpan, TypedSpan>> = [];
  const byCluster: Array<{ cluster: string; matches: Array<EntityMatch<TypedSpan, TypedSpan>> }> = [];
  let docs = 0, collapsed = 0, ignored = 0;
  for (const cluster of MEANTIME_CLUSTERS) {
    const corpus = readMeantime(ctx, cluster);
    const fold: Array<EntityMatch<TypedSpan, TypedSpan>> = [];
    // A topic cluster is analysed together, as a briefing's folder of clippings on one story would be.
    const analyses = analyzeDocuments(corpus.map((d, k) => evalSourceDoc(k, d.path, d.text, d.dct)));
    corpus.forEach((doc, k) => {
      const pred = predictionsInRegion(analyses[k]?.entities ?? [], doc.regionEnd);
      const m = matchEntities(doc.gold, pred, doc.ignore);
      matches.push(m);
      fold.push(m);
      logEntityMisses(misses, doc, m, pred);
      docs++;
      collapsed += doc.collapsed;
      ignored += m.ignored.length;
    });
    byCluster.push({ cluster, matches: fold });
  }
  const scores = entityScores(matches);
  const metrics: Metric[] = [];
  // Held-out folds: each cluster scored as the one not looked at; the worse is the figure held to the target.
  const folds = byCluster.map(({ cluster, matches: m }) => ({ name: clusterName(cluster), s: entityScores(m) }));
  const worst = folds.reduce((a, b) => (b.s.ALL.f1 < a.s.ALL.f1 ? b : a));
  metrics.push({
    name: 'held-out cluster named mention F1 (worse fold)', value: worst.s.ALL.f1, target: ENTITY_F1_TARGET,
    detail: `${worst.name}: ${counts(worst.s.ALL)}`,
  });
  for (const f of folds) {
    const other = folds.find((g) => g !== f)?.name ?? '-';
    metrics.push({
      name: `fold tune=${other} test=${f.name} F1`, value: f.s.ALL.f1,
      detail: `${counts(f.s.ALL)}; ${ENTITY_TYPES.map((t) => `${t} P/R/F1 ${prf(f.s[t])}`).join(', ')}`,
    });
  }
  for (const type of ['ALL', ...ENTITY_TYPES] as const) {
    const s = scores[type];
    const label = type === 'ALL' ? 'overall' : type;
    metrics.push({
      name: `${label} named mention F1 (both clusters)`, value: s.f1, detail: counts(s),
      ...(type === 'PERSON' ? { target: ENTITY_F1_TARGET } : {}),
    });
  }
  metrics[folds.length + 1]!.detail += `; ${docs} docs, ${collapsed} nested same-entity gold collapsed, ${ignored} predictions on untyped names ignored`;
  return {
    title: 'Entities (MEANTIME named PER/ORG/LOC, first 6 sentences)',
    corpus: MEANTIME_CLUSTERS.map((c) => corpusLabel(ctx, c)).join(', '),
    metrics,
    misses: misses.toRecord(),
  };
}

/** "0.776/0.955/0.856": precision, recall and F1 of one type, for the per-fold detail. */
const prf = (s: Prf) => `${s.precision.toFixed(3)}/${s.recall.toFixed(3)}/${s.f1.toFixed(3)}`;
const counts = (s: Prf) => `tp=${s.tp} fp=${s.fp} fn=${s.fn} P=${s.precision.toFixed(3)} R=${s.recall.toFixed(3)}`;
/** `meantime/corpus_apple` → `apple`. */
const clusterName = (cluster: string) => cluster.replace(/^.*corpus_/, '');

/** A Source span written as a name: capitalised words (and inner particles) only, not a pronoun ("Sen. Ted Cruz", "Trump"). */
export function isNamedSource(text: string): boolean {
  const words = text.trim().split(/\s+/);
  if (words.length === 0 || words.length > 6 || isPronoun(text)) return false;
  if (!/^\p{Lu}/u.test(words[0]!) || /^(The|A|An|His|Her|Their|Its)$/.test(words[0]!)) return false;
  return words.every((w) => /^\p{Lu}/u.test(w) || /^(of|de|van|von|al|bin|la|le|du|da|del)$/.test(w));
}

/**
 * PolNeAR: text from other outlets and another story than MEANTIME's, with no entity gold but Source spans
 * of attributions, mostly people. Recall of the named ones: the share a PERSON or ORG mention overlaps,
 * and the share a PERSON mention overlaps (most named sources are people; some are outlets or campaigns).
 */
function evaluateNamedSources(ctx: EvalContext): EvalSection {
  const corpus = readPolnear(ctx);
  const analyses = analyzeDocuments(corpus.map((d, k) => evalSourceDoc(k, d.path, d.text, d.date)));
  const misses = new MissLog();
  let gold = 0, actor = 0, person = 0;
  corpus.forEach((doc, k) => {
    const { attributions } = parseBrat(readFileSync(path.join(ctx.evalDir, doc.annPath), 'utf8'), doc.text);
    const seen = new Set<string>();
    const entities = analyses[k]?.entities ?? [];
    for (const a of attributions) {
      const src = a.source;
      if (!src || seen.has(src.id) || !isNamedSource(src.text)) continue;
      seen.add(src.id);
      gold++;
      const over = entities.filter((e) => src.fragments.some((f) => overlap(e, f) > 0));
      const where = `"${src.text}" ${inContext(doc.text, src.fragments[0]!.start, src.fragments.at(-1)!.end)} (${doc.path})`;
      if (over.some((e) => e.type === 'PERSON' || e.type === 'ORG')) actor++;
      else misses.add(over.length ? `named source typed ${over[0]!.type}` : 'named source not found', where);
      if (over.some((e) => e.type === 'PERSON')) person++;
      else if (over.some((e) => e.type === 'ORG')) misses.add('named source typed ORG (some are organisations)', where);
    }
  });
  const share = (n: number) => (gold ? n / gold : 0);
  return {
    title: 'Entities (PolNeAR named Source spans, recall)',
    corpus: corpusLabel(ctx, POLNEAR_DIR),
    metrics: [
      { name: 'named sources found as PERSON or ORG', value: share(actor), detail: `${actor}/${gold} named Source spans (capitalised words only) overlapped by a PERSON or ORG mention` },
      { name: 'named sources found as PERSON', value: share(person), detail: `${person}/${gold}; the rest include outlets and campaigns, which are ORG` },
    ],
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
