// Actors: the people and organisations that matter (and places that act, such as a country backing
// a side), with their role, who backs or opposes them, and the sentences that say so.

import type { Actor, Claim, Evidence } from '../../notes/model.ts';
import type { EntityMention } from '../analysis.ts';
import { compress } from './compress.ts';
import { inSubordinateClause } from './timeline.ts';
import { contentWords, oneLine, sentenceEvidence, shownClaim, shownEvidence, sentenceIndexAt, similarity, sortCites, sortEvidence, type NotesContext, type EntityInfo } from './context.ts';

/** How many actors the notes list. */
export const MAX_ACTORS = 14;
/** The actors (people and organisations, most salient first) given positions, and how many each. */
const ACTORS_WITH_POSITIONS = 6;
const MAX_POSITIONS = 3;
/** Two positions this alike (content-word Jaccard) say the same thing; the second is dropped. */
const SAME_POSITION = 0.34;
/** Words a subject may have before its name: titles and roles ("Veskian Deputy Prime Minister", "Mr."). */
const TITLE_WORDS = /^(?:(?:the|a|an|\p{Lu}[\p{L}.'’-]*)\s+)*$/u;

/**
 * What an actor wants, did or said, in the sources' words: sentences whose subject it is (its name opens
 * the sentence, after any title) or whose quote it speaks beside its name, compressed to their claim. Newest sources first,
 * then the lead of each source; one sentence per thing said.
 */
function positions(ctx: NotesContext, e: EntityInfo, told: ReadonlySet<string>, stale: ReadonlySet<number>): Claim[] {
  const found: Array<{ d: number; k: number }> = [];
  for (const [d, mentions] of e.mentionsByDoc) {
    const a = ctx.analyses[d]!;
    const text = ctx.docs[d]!.text;
    const seen = new Set<number>();
    for (const m of mentions) {
      const k = sentenceIndexAt(ctx, d, m.start);
      // A pronoun ("he") may be resolved to the actor, but the claim would not say who without its name.
      if (k < 0 || seen.has(k) || !/^\p{Lu}/u.test(text.slice(m.start, m.end))) continue;
      const [start, end] = a.sentences[k]!;
      const subject = TITLE_WORDS.test(text.slice(start, m.start).replace(/\s+/g, ' ').trimStart()) && verbFollows(text.slice(m.end, end));
      const speaks = a.quotes.some((q) => q.speakerId === e.id && q.start < end && q.end > start);
      if (subject || speaks) { seen.add(k); found.push({ d, k }); }
    }
  }
  const dateOf = (d: number) => ctx.docs[d]!.meta.date ?? '';
  // Background ("helped take power in a 1969 coup") is history, not where the actor stands now.
  const newestYear = Number(ctx.docs.map((doc) => doc.meta.date ?? '').sort().at(-1)?.slice(0, 4) || 0);
  // A year in a side clause ("Vell, who has held the east since 2014, is seeking…") leaves the main one current.
  const old = ({ d, k }: { d: number; k: number }) => {
    const [start, end] = ctx.analyses[d]!.sentences[k]!;
    return ctx.analyses[d]!.dates.some((x) => x.start >= start && x.end <= end && /\b(?:1[89]|20)\d\d\b/.test(x.text)
      && Number(x.value?.slice(0, 4)) < newestYear - 1 && !inSubordinateClause(ctx.docs[d]!.text, start, x));
  };
  const degraded = (x: { d: number }) => Number(ctx.analyses[x.d]!.flags.includes('degraded'));
  const current = found.filter((x) => !old(x));
  current.sort((x, y) => degraded(x) - degraded(y)
    || (dateOf(x.d) < dateOf(y.d) ? 1 : dateOf(x.d) > dateOf(y.d) ? -1 : 0) || x.k - y.k || x.d - y.d);
  const out: Array<{ claim: Claim; words: Set<string> }> = [];
  // What the key points already tell is not repeated on the actor's card, unless the card would be empty:
  // then the best of it stands (one), so the card still says where the actor stands.
  const isTold = (x: { d: number; k: number }) => told.has(`${ctx.docs[x.d]!.id}:${ctx.analyses[x.d]!.sentences[x.k]![0]}`);
  const pass = (list: Array<{ d: number; k: number }>, limit: number) => {
    for (const { d, k } of list) {
      if (out.length >= limit) break;
      const evidence = sentenceEvidence(ctx, d, k);
      const n = evidence.text.split(' ').length;
      const quoteMarks = evidence.text.match(/["“”]/g)?.length ?? 0;
      if (n < 6 || n > 60 || !/[.!]["”’)]*$/.test(evidence.text) || quoteMarks % 2 === 1) continue;
      const text = shownClaim(ctx, d, compress(evidence.text));
      const words = contentWords(text);
      if (out.some((o) => similarity(o.words, words) >= SAME_POSITION)) continue;
      out.push({ claim: { text, cites: [evidence.source], evidence: [evidence] }, words });
    }
  };
  // A stale source's sentences come last: where the actor stood years ago is not where it stands.
  const fresh = current.filter((x) => !stale.has(x.d));
  pass(fresh.filter((x) => !isTold(x)), MAX_POSITIONS);
  if (!out.length) pass(fresh.filter(isTold), 1);
  pass(current.filter((x) => stale.has(x.d) && !isTold(x)), MAX_POSITIONS);
  return out.map((o) => o.claim);
}

/** The actors. `told` holds the sentences (`source:start`) the bottom line and key points already tell;
 * `stale` the indices of stale sources. */
export function actors(ctx: NotesContext, told: ReadonlySet<string> = new Set(), stale: ReadonlySet<number> = new Set()): Actor[] {
  const backedBy = new Map<string, Set<string>>();
  const opposedBy = new Map<string, Set<string>>();
  const alignEvidence = new Map<string, Evidence[]>();
  const parties = new Set<string>();
  ctx.analyses.forEach((a, d) => {
    // Who backed whom years ago is no alliance to list as standing: a stale source's alignments are left out.
    if (stale.has(d)) return;
    for (const al of a.alignments) {
      const to = al.relation === 'opposes' ? opposedBy : backedBy;
      const set = to.get(al.toId) ?? new Set<string>();
      set.add(al.fromId);
      to.set(al.toId, set);
      parties.add(al.fromId).add(al.toId);
      const k = sentenceIndexAt(ctx, d, al.start);
      if (k >= 0) alignEvidence.set(al.toId, [...(alignEvidence.get(al.toId) ?? []), sentenceEvidence(ctx, d, k)]);
    }
  });
  const chosen = ctx.ranked.filter((e) => e.type !== 'PLACE' || parties.has(e.id)).slice(0, MAX_ACTORS);
  const name = (id: string) => ctx.entities.get(id)?.canonical ?? id;
  const withPositions = new Set(chosen.filter((e) => e.type !== 'PLACE').slice(0, ACTORS_WITH_POSITIONS));
  return chosen.map((e) => {
    const evidence: Evidence[] = [];
    // Without a role, a description written with a mention ("a 76-year-old former army officer") says who
    // it is; it is taken from a sentence the evidence cites.
    let described: string | null = null;
    // The sentence that gives the role (else a description), else the first mention, per source (two sources
    // at most, well-written ones first: a degraded source's run-on pieces read worst).
    const degraded = (d: number) => Number(ctx.analyses[d]!.flags.includes('degraded'));
    for (const [d, mentions] of [...e.mentionsByDoc].sort((x, y) => degraded(x[0]) - degraded(y[0]) || x[0] - y[0]).slice(0, 2)) {
      const m: EntityMention = mentions.find((x) => x.role && x.role === e.roles[0]) ?? (e.roles[0] || described ? undefined : mentions.find((x) => x.description)) ?? mentions[0]!;
      const k = sentenceIndexAt(ctx, d, m.start);
      if (k < 0) continue;
      evidence.push(sentenceEvidence(ctx, d, k));
      if (!e.roles[0] && !described && m.description) described = m.description;
    }
    const aligned = alignEvidence.get(e.id) ?? [];
    // A degraded source's sentence is shown in its display form; its span still points into the file.
    const allEvidence = sortEvidence([...evidence, ...aligned]).map((x) => shownEvidence(ctx, x));
    return {
      name: e.canonical,
      description: describe(ctx, e.id, e.roles[0] ?? described),
      backedBy: [...(backedBy.get(e.id) ?? [])].map(name).sort(),
      opposedBy: [...(opposedBy.get(e.id) ?? [])].map(name).sort(),
      cites: sortCites([...[...e.mentionsByDoc.keys()].map((d) => ctx.docs[d]!.id), ...aligned.map((x) => x.source)]),
      evidence: allEvidence,
      ...(withPositions.has(e) ? nonEmpty(positions(ctx, e, told, stale)) : {}),
    };
  });
}

const nonEmpty = (list: Claim[]) => (list.length ? { positions: list } : {});

/** Verbs that tell what someone does or says, in forms not ending in -ed or -s. */
const VERB = /^(?:is|are|was|were|has|have|had|will|would|can|could|may|might|must|should|did|does|do|said|told|took|made|went|came|gave|got|led|left|met|sent|won|lost|began|became|brought|fought|held|kept|paid|sold|stood|thought|wrote|fled|seized|struck|spoke|rose|fell|drove|chose|broke|ran|saw|put|set|cut|hit|urge|want|plan|seek|say)$/;

/**
 * Whether the words after an actor's name go on with its verb, so the name is the subject: "Vell is
 * seeking", "Vell, a secularist who …, is seeking", "Trump reportedly told", "Brand on Monday said".
 * Not a possessive ("Trump's phone call was …") nor a name modifying another noun ("GNA official Ahmed
 * Reyn said").
 */
export function verbFollows(after: string): boolean {
  let rest = after;
  // An appositive between commas ("Vell, a 76-year-old general, said"): the verb comes after it.
  const apposition = /^\s*,[^,]{1,120},/.exec(rest);
  if (apposition) rest = rest.slice(apposition[0].length);
  if (/^[’']s\b/.test(rest.trimStart())) return false;
  const words = rest.trimStart().split(/\s+/, 6).map((w) => w.replace(/[^\p{L}’'-]+$/u, ''));
  // "Trump reportedly told", "Brand on Monday said", "Brand also wants": words between the name and its verb.
  let k = 0;
  while (k < words.length - 1 && (/^\p{Ll}+ly$/u.test(words[k]!) || BETWEEN.test(words[k]!) || (words[k] === 'on' && WEEKDAY.test(words[k + 1]!)))) k += words[k] === 'on' ? 2 : 1;
  const w = words[k] ?? '';
  return VERB.test(w) || (/^\p{Ll}{2,}(?:ed|es|s)$/u.test(w) && !/(?:ss|us|is)$/.test(w));
}

/** Words that may stand between a subject and its verb. */
const BETWEEN = /^(?:also|again|then|now|still|never|not|later|earlier|first|already|just|once|today|yesterday|previously|recently)$/;
const WEEKDAY = /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/;

/** Role (or description) and kind in words: "Deputy Prime Minister (person)" or "organisation". */
function describe(ctx: NotesContext, id: string, roleOrDescription: string | null): string {
  const e = ctx.entities.get(id)!;
  const role = roleOrDescription ? oneLine(roleOrDescription) : '';
  const kind = e.type === 'PERSON' ? 'person' : e.type === 'ORG' ? 'organisation' : 'place';
  return role ? `${role} (${kind})` : kind;
}
