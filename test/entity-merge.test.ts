// The entity merge's memos (one person verdict per name, one lone-word verdict per word, shared type
// decisions, a canonical name without counting when a cluster is written one way),
// against the plain merge they replaced (test/helpers/entity-merge-reference.ts), on random mentions made
// to collide: shared surnames and their spelling variants (some one edit apart, some sharing only a skeleton),
// given names (alone too), places, organisations, acronyms, degraded (lower-case) mentions, speakers, products and
// storms.
import { describe, expect, it } from 'vitest';
import { resolveEntities, type PlacedCandidate } from '../src/extract/rules/aliases.ts';
import type { Candidate } from '../src/extract/rules/entities.ts';
import { settleTypes, type TypeEvidence } from '../src/extract/rules/entities/typing.ts';
import type { EntityType } from '../src/extract/analysis.ts';
import { rng } from '../bench/scale/corpus.ts';
import { resolveEntitiesReference, settleTypesReference } from './helpers/entity-merge-reference.ts';
import { pick } from './helpers/random.ts';


const GIVEN = ['john', 'maria', 'ahmed', 'li', 'anna', 'pat'];
const SURNAMES = ['cardozo', 'cardoso', 'smith', 'smyth', 'chen', 'reyn', 'vell', 'jordan', 'park', 'flynn', 'fallon', 'moammar', 'muammer', 'reynolds', 'reynold'];
const PARTICLES = ['al', 'de', 'van', 'of', 'the'];
const PLACES = ['honduras', 'new york', 'jordan', 'paris', 'china'];
const ORGS = ['acme corp', 'united nations', 'national bank', 'ministry of health', 'acme', 'orbix', 'orbix media inc.', 'orbix media', 'john smith ltd'];
const ACRONYMS = ['UN', 'U.N.', 'NB', 'MPs', 'MP', 'US'];
const TYPES: Array<EntityType | null> = [null, null, 'PERSON', 'ORG', 'PLACE'];
const EVIDENCE: TypeEvidence[] = ['title', 'gazetteer', 'orghead', 'placehead', 'acronym', 'firstname', 'shape', 'context', 'context', 'none'];

/** Words of a random name: a person's (with particles and middle names), a lone surname, a place, an organisation. */
function nameWords(r: () => number): string[] {
  const kind = r();
  if (kind < 0.35) {
    const words = [pick(r, GIVEN)];
    if (r() < 0.2) words.push(pick(r, GIVEN));
    if (r() < 0.2) words.push(pick(r, PARTICLES));
    words.push(pick(r, SURNAMES));
    return words;
  }
  if (kind < 0.5) return [pick(r, SURNAMES)];
  if (kind < 0.55) return [pick(r, GIVEN)]; // a given name alone ("Saddam" after "Saddam Hussein")
  if (kind < 0.7) return pick(r, PLACES).split(' ');
  if (kind < 0.85) return pick(r, ORGS).split(' ');
  if (kind < 0.92) return [pick(r, GIVEN), pick(r, SURNAMES), pick(r, SURNAMES)];
  if (kind < 0.95) return [pick(r, ['democrat', 'state']), pick(r, GIVEN), pick(r, SURNAMES)]; // a party or title in the name run
  return [pick(r, ACRONYMS).toLowerCase()];
}

const capitalised = (w: string) => w.replace(/(^|\s)(\p{L})/gu, (_, sp: string, c: string) => sp + c.toUpperCase());

/** Random mentions over `docs` sources, each built twice (the merge may not share objects between runs). */
function mentions(seed: number, count: number, docs: number, span = 5000): Array<() => PlacedCandidate[]> {
  const r = rng(seed);
  const specs = Array.from({ length: count }, () => {
    const words = nameWords(r);
    const degraded = r() < 0.1;
    const acronymWord = words.length === 1 && ACRONYMS.some((a) => a.toLowerCase() === words[0]);
    const text = acronymWord ? ACRONYMS.find((a) => a.toLowerCase() === words[0])! : degraded ? words.join(' ') : r() < 0.05 ? words.join(' ').toUpperCase() : capitalised(words.join(' '));
    return {
      doc: Math.floor(r() * docs), degraded, start: Math.floor(r() * span), text, words,
      type: pick(r, TYPES), evidence: pick(r, EVIDENCE),
      role: r() < 0.2 ? pick(r, ['minister', 'ceo', 'spokesman', 'King', 'Mr.', 'Ms.']) : null,
      description: r() < 0.15 ? pick(r, ['a former army officer', 'the capital', 'a maker of jets']) : null,
      acronym: r() < 0.08 ? pick(r, ACRONYMS) : null,
      speaks: r() < 0.3, initial: r() < 0.2, product: r() < 0.03, event: r() < 0.02, productContext: r() < 0.1,
      gender: r() < 0.15 ? pick(r, ['m', 'f'] as const) : null,
    };
  });
  const build = () => specs.map((s): PlacedCandidate => {
    const cand: Candidate = { start: s.start, end: s.start + s.text.length, text: s.text, words: [...s.words], type: s.type, evidence: s.evidence, role: s.role, description: s.description, acronym: s.acronym, sentence: Math.floor(s.start / 400), speaks: s.speaks, initial: s.initial, product: s.product, event: s.event, productContext: s.productContext, gender: s.gender };
    return { doc: s.doc, cand, degraded: s.degraded };
  });
  return [build, build];
}

describe('entity merge with memos', () => {
  it('settles every mention as the plain settlement does', () => {
    for (let seed = 1; seed <= 30; seed++) {
      const [a, b] = mentions(seed, 50 + seed * 20, 1 + (seed % 7));
      const got = settleTypes(a!().map((p) => p.cand));
      const expected = settleTypesReference(b!().map((p) => p.cand));
      expect(got).toEqual(expected);
    }
  });

  it('merges mentions into the same entities, canonical names, roles and descriptions as the plain merge', () => {
    let merged = 0;
    let changedTypes = 0;
    for (let seed = 1; seed <= 60; seed++) {
      const [a, b] = mentions(100 + seed, 30 + seed * 15, 1 + (seed % 9));
      const given = a!();
      const got = resolveEntities(given);
      const expected = resolveEntitiesReference(b!());
      expect(got).toEqual(expected);
      // The merge takes its list, so that the candidates it replaces by retyped copies can be collected.
      expect(given).toEqual([]);
      merged += expected.filter((e) => e.mentions.length > 1).length;
      const fresh = a!();
      changedTypes += settleTypes(fresh.map((p) => p.cand)).filter((s, k) => s !== null && s.type !== fresh[k]!.cand.type).length;
    }
    // The inputs did exercise the merge: many entities of several mentions, many types settled from others.
    expect(merged).toBeGreaterThan(500);
    expect(changedTypes).toBeGreaterThan(500);
  });

  it('finds a lone surname the person its document named before, and the most mentioned elsewhere, as the plain merge does', () => {
    // Many mentions in few documents, at few offsets: documents name several people of one surname, and a lone
    // surname may start where a full name does (not "before" it) — the cases the per-document lookup must get right.
    for (let seed = 1; seed <= 40; seed++) {
      const [a, b] = mentions(500 + seed, 200 + seed * 10, 2 + (seed % 4), 40);
      expect(resolveEntities(a!())).toEqual(resolveEntitiesReference(b!()));
    }
  });
});
