// Key points: the reported facts (not quotes) that matter most. Sentences are scored across all sources
// (LexRank centrality, lead position, the actors named, figures, recency against the newest source), the
// same fact from several sources merged with all their citations (corroboration), redundancy removed
// greedily (MMR), and the points told in the best-written source's words, compressed to their claim.
// The bottom line is taken from the most corroborated, newest points; the rest are grouped by theme.

import type { BriefingNotes, Claim } from '../../notes/model.ts';
import { compress } from './compress.ts';
import type { DateMention, DocumentAnalysis, EntityMention, FigureMention } from '../analysis.ts';
import { containment, contentWords, itemsBySentence, oneLine, sentenceEvidence, shownClaim, sortCites, sortEvidence, spanWords, type NotesContext } from './context.ts';
import { flatSentenceGraph, lexRank, type SentenceGraph } from './lexrank.ts';
import { hasMainVerb } from './sentence-shape.ts';
import { flatOrderedIds, numberedWords, wordNumberTest, wordOfNumber, type WordSet } from './word-set.ts';
import { anchorDate, compatible, sameEvent } from './timeline.ts';

/** How many key points the notes carry (besides those the bottom line states). */
export const MAX_KEY_POINTS = 8;
/** At most this many sentences state the bottom line… */
const BOTTOM_LINE = 3;
/** …in at most this many words together. */
export const BOTTOM_LINE_WORDS = 60;
/** Sentences of one source considered, from its lead: news puts what matters first, and it bounds the work. */
export const MAX_CANDIDATES_PER_DOC = 60;
/** Two sentences this alike (content-word Jaccard) report the same fact. Looser tests (shared words over
 * the shorter sentence) merged different facts about the same actors, so only close wording counts. */
const SAME_FACT = 0.34;
/** Each further source reporting a fact is worth this much: corroborated claims come first. */
const CORROBORATION = 3;
/** Measures of a toll of the dead, hurt or displaced. */
const CASUALTY = /\b(?:killed|dead|deaths|injured|wounded|hurt|casualties|displaced|missing)\b/;
/** Share of the shorter point's content words found in a chosen one that makes it an echo, and its cost. */
const ECHO = 0.35;
const ECHO_PENALTY = 2.5;
/** The bottom line is stricter: a quarter of the shorter sentence's words in common is one thing told twice. */
const BOTTOM_LINE_ECHO = 0.25;
/** How many top-ranked clusters the redundancy pass reorders. */
const DIVERSIFY_HEAD = 60;
/** A source date this many days before the as-of date still counts as recent news. */
const RECENT_DAYS = 45;
/** LexRank centrality, as a multiple of the average sentence's, counts up to this much. */
const CENTRALITY_CAP = 2;
/** At most this many themes; a further point joins the theme it shares at least SAME_SUBJECT of its words with, else Other reports. */
const MAX_THEMES = 4;

export interface Candidate {
  doc: number;
  index: number;
  text: string;
  /** Its content words (spanWords). */
  words: WordSet;
  /** Entities named in it: sameFact keeps sentences with no actor in common apart. */
  ids: string[];
  /** The same entities as numbers, in the same order (equal ids, equal numbers: ActorTable): what sameFact and
   * the clustering compare, for millions of neighbour pairs. */
  actors: number[];
  /** Its figures as "value measure" ("213 people killed"): two sources giving the same one report one fact. */
  figures: string[];
  /** Its resolved dates (ISO). */
  dates: string[];
  /** The date its main event refers to (see timeline.ts `anchorDate`), or null. */
  anchor: string | null;
  score: number;
  quality: number;
  /** Its node in the sentence graph: its place among all candidates before ranking (-1 until placed). */
  node: number;
  /** What sameFact reads of its text, made when first asked (undefined until then). */
  traits?: Traits | undefined;
}

/** A selected point: the claim and what the bottom line and the themes are chosen by. */
export interface RankedPoint {
  claim: Claim;
  /** The lead sentence whole, as the source has it (one line). */
  sentence: string;
  /** Entities named in its sentences. */
  ids: Set<string>;
  /** Content words of the lead sentence. */
  words: ReadonlySet<string>;
  /** Every source behind it is stale: it must not be told as current. */
  stale: boolean;
  /** Its event's date, else its newest source's date (ISO), or null. */
  when: string | null;
  /** Sources behind it. */
  sources: number;
}

/** The ranked candidate sentences of every source, each scored alone (centrality included), the same
 * candidates by node (their place in the graph) and their graph. */
export function scoredCandidates(ctx: NotesContext, stale: ReadonlySet<number>): { ranked: Candidate[]; byNode: Candidate[]; graph: SentenceGraph } {
  const asOf = newestDate(ctx);
  const candidates: Candidate[] = [];
  const actors = new ActorTable(ctx);
  ctx.analyses.forEach((a, d) => {
    const items = sentenceItems(a);
    // A source's first MAX_CANDIDATES_PER_DOC fit sentences: the rest are not scored at all.
    for (let k = 0, taken = 0; k < a.sentences.length && taken < MAX_CANDIDATES_PER_DOC; k++) {
      const c = scoreSentence(ctx, actors, d, k, items, asOf, stale.has(d));
      if (c) { candidates.push(c); taken++; }
    }
  });
  candidates.forEach((c, i) => { c.node = i; });
  const graph = wordsGraph(candidates);
  const centrality = lexRank(graph);
  candidates.forEach((c, i) => { c.score += Math.min(CENTRALITY_CAP, centrality[i]! * candidates.length); });
  // (doc, index) tells candidates apart, so the order is total: the same whichever way the sort runs.
  const ranked = candidates.slice().sort((x, y) => y.score - x.score || x.doc - y.doc || x.index - y.index);
  return { ranked, byNode: candidates, graph };
}

/** The LexRank graph of the candidates' words, given as their WordSet numbers in the order met (what their
 * strings would give: a word is its number), in one flat array. */
function wordsGraph(candidates: readonly Candidate[]): SentenceGraph {
  const { first, ids } = flatOrderedIds(candidates.map((c) => c.words));
  return flatSentenceGraph(first, ids, numberedWords());
}

/** Ranked points, most important first, redundancy removed: the bottom line and key points are chosen from them. */
export function rankPoints(ctx: NotesContext, stale: ReadonlySet<number>, limit = MAX_KEY_POINTS + BOTTOM_LINE + 2): RankedPoint[] {
  const asOf = newestDate(ctx);
  const { ranked: candidates, byNode, graph } = scoredCandidates(ctx, stale);
  // One fact told by several sources: a sentence joins the cluster of a graph neighbour it states the
  // same fact as. Only neighbours are compared, so clustering stays linear in the number of sentences.
  // By node (a candidate's place in the graph, 0…n−1): arrays, not maps, for hundreds of thousands of sentences.
  const clusters = clusterFacts(candidates, byNode, graph);
  const ranked = diverse(headClusters(clusters, asOf));
  return ranked.slice(0, limit).map(({ cl }) => {
    const lead = [...cl].sort((a, b) => b.quality - a.quality || a.doc - b.doc || a.index - b.index)[0]!;
    const sourceDates = cl.map((c) => ctx.docs[c.doc]!.meta.date).filter((x): x is string => !!x).sort();
    return {
      claim: {
        text: shownClaim(ctx, lead.doc, compress(lead.text)),
        cites: sortCites(cl.map((c) => ctx.docs[c.doc]!.id)),
        evidence: sortEvidence(cl.map((c) => sentenceEvidence(ctx, c.doc, c.index))),
      },
      sentence: lead.text,
      ids: new Set(cl.flatMap((c) => c.ids)),
      words: lead.words,
      stale: cl.every((c) => stale.has(c.doc)),
      when: lead.anchor ?? sourceDates.at(-1) ?? null,
      sources: new Set(cl.map((c) => c.doc)).size,
    };
  });
}

/**
 * The candidates (in rank order) grouped by fact: a sentence joins the cluster of its first graph neighbour
 * (most similar first) already placed that states the same fact as it and contradicts no other member of its
 * cluster (fitsMembers), unless that cluster has a sentence of its source already. Clusters in the order they
 * were opened, each its members in the order they joined.
 */
export function clusterFacts(ranked: readonly Candidate[], byNode: readonly Candidate[], graph: SentenceGraph): Candidate[][] {
  // Most clusters keep one member: a cluster's sources (a Set) are made only when a second source joins, and
  // the cluster of each node is a number, so a sentence left alone costs one array.
  const clusterOf = new Int32Array(ranked.length).fill(-1);
  const clusters: Candidate[][] = [];
  const sourcesOf = new Map<number, Set<number>>();
  for (const c of ranked) {
    // Compared with its neighbours only, and with at most CHECKED_MEMBERS members of their clusters: each
    // sentence costs a bounded number of comparisons, however large a cluster grows. The first neighbour (most similar first) in a
    // cluster and stating the same fact is its twin.
    let home = -1;
    for (let k = graph.first[c.node]!; k < graph.first[c.node + 1]! && home < 0; k++) {
      const j = graph.to[k]!;
      if (clusterOf[j]! >= 0 && sameFact(byNode[j]!, c) && fitsMembers(clusters[clusterOf[j]!]!, byNode[j]!, c)) home = clusterOf[j]!;
    }
    if (home < 0) { clusterOf[c.node] = clusters.length; clusters.push([c]); continue; }
    const members = clusters[home]!;
    const sources = sourcesOf.get(home);
    // One sentence per source: a source repeating itself is no corroboration.
    if (sources ? sources.has(c.doc) : members[0]!.doc === c.doc) continue;
    members.push(c);
    if (sources) sources.add(c.doc); else sourcesOf.set(home, new Set([members[0]!.doc, c.doc]));
    clusterOf[c.node] = home;
  }
  return clusters;
}

/**
 * Whether `c`, the same fact as `twin` of `members`, contradicts none of the others (up to CHECKED_MEMBERS): a
 * cluster cites its sources as telling one fact, so one link is not enough. Else a sentence would join through
 * one that shares a number with each ("closed at $19.50, up 12.5 cents" links "closed at $23.25, off 12.5 cents"
 * and "closed at $19.50, down 25 cents"). Paraphrases ("in turmoil since … 2011", "mired in anarchy since …
 * 2011") need not share words with all.
 */
function fitsMembers(members: readonly Candidate[], twin: Candidate, c: Candidate): boolean {
  const n = Math.min(members.length, CHECKED_MEMBERS);
  for (let k = 0; k < n; k++) if (members[k] !== twin && contradict(members[k]!, c)) return false;
  return true;
}
/**
 * How many of a cluster's first members a joining sentence is checked against: a sentence that agrees with that
 * many agrees with the fact. It bounds the cost where thousands of near-copies of one sentence make one cluster
 * (checking every member took rankPoints from 13.6 to 23.4 CPU s at 10,000 generated articles).
 */
export const CHECKED_MEMBERS = 8;

/** A cluster's rank score: its best sentence's and the bonus for its further sources. */
interface ScoredCluster { cl: Candidate[]; score: number }

/** Whether cluster x (of score `score`) ranks before y: higher score, then by its first member's (doc, index): a
 * total order, as no candidate is in two clusters. */
const ranksBefore = (x: readonly Candidate[], score: number, y: ScoredCluster) =>
  score > y.score || (score === y.score && (x[0]!.doc < y.cl[0]!.doc || (x[0]!.doc === y.cl[0]!.doc && x[0]!.index < y.cl[0]!.index)));

/**
 * The DIVERSIFY_HEAD best-ranked clusters, best first: the head of sorting them all by ranksBefore (the order is
 * total, so the head of any full sort), kept by insertion into a short sorted list. Only the head reaches the
 * redundancy pass, and hundreds of thousands of clusters need not be sorted nor given a scored object each.
 */
export function headClusters(clusters: readonly Candidate[][], asOf: string | null, size = DIVERSIFY_HEAD): ScoredCluster[] {
  const head: ScoredCluster[] = [];
  for (const cl of clusters) {
    const score = cl.reduce((m, c) => Math.max(m, c.score), -Infinity) + corroboration(cl, asOf);
    if (head.length === size && !ranksBefore(cl, score, head[size - 1]!)) continue;
    const x = { cl, score };
    let at = head.length < size ? head.length : size - 1;
    if (head.length < size) head.push(x);
    while (at > 0 && ranksBefore(cl, score, head[at - 1]!)) { head[at] = head[at - 1]!; at--; }
    head[at] = x;
  }
  return head;
}

/** The bonus for further sources. Background that every report repeats ("in turmoil since 2011") is
 * corroborated by habit, not by news, so an event years old earns half. */
function corroboration(cl: Candidate[], asOf: string | null): number {
  // A lone sentence earns CORROBORATION · 0, halved or not: 0, whatever its age (most clusters).
  if (cl.length === 1) return 0;
  const old = cl.every((c) => recency(c.anchor, asOf) < 0);
  return CORROBORATION * (cl.length - 1) * (old ? 0.5 : 1);
}

/** Maximal marginal relevance, greedily: each cluster is pushed down by the points already chosen that it
 * echoes, so five takes on one phone call do not crowd out the death toll. Deterministic order. Given only the
 * head (headClusters), as only the head can reach the notes: the greedy pass stays cheap on large folders. */
function diverse(head: readonly ScoredCluster[]): ScoredCluster[] {
  const left = [...head];
  const out: ScoredCluster[] = [];
  while (left.length) {
    const adjusted = left.map((r, k) => ({ k, score: r.score - ECHO_PENALTY * out.filter((o) => echoes(o.cl[0]!, r.cl[0]!)).length }));
    const best = adjusted.reduce((a, b) => (b.score > a.score ? b : a));
    out.push({ ...left[best.k]!, score: best.score });
    left.splice(best.k, 1);
  }
  return out;
}

/** Two points about the same thing (not the same fact): much of the shorter one's wording is in the other. */
const echoes = (a: Candidate, b: Candidate) => containment(a.words, b.words) >= ECHO;

/**
 * The same fact: worded alike, or the same count of the same thing ("213 people killed") from two sources.
 * Alike sentences giving different numbers or dates are not one fact but a discrepancy, and are kept apart.
 *
 * Sentences naming no actor in common are kept apart too.
 *
 * That is "some reason to merge and no reason to keep apart". Every test is pure, so the order they run in
 * changes no answer: no actor in common is asked first (the cheapest test), then the reasons to merge, as most
 * neighbours have none and the other reasons to keep apart read the candidates' traits (names, numbers: made
 * from the text, the costly part).
 */
export function sameFact(a: Candidate, b: Candidate): boolean {
  // Where copies of one sentence name different actors (generated corpora), the actor test answers most pairs.
  return !noActorInCommon(a.actors, b.actors) && alike(a, b) && !keptApart(a, b);
}

/** A reason to take two candidates for one fact: close wording, one dated event told twice, one count of one actor from two sources. */
function alike(a: Candidate, b: Candidate): boolean {
  if (closeInSize(a.words, b.words) && closeInWording(a.words, b.words)) return true;
  // The same count from two sources, told of one actor they both name ("213 people killed" … in Honduras).
  if (a.doc !== b.doc && a.figures.some((f) => b.figures.includes(f)) && shareActor(a.actors, b.actors)) return true;
  // Two sources telling one dated event in their own words: the timeline's test, dates included.
  return !!a.anchor && !!b.anchor && sameEvent(asEvent(EVENT_A, a, a.anchor), asEvent(EVENT_B, b, b.anchor));
}

/** What sameEvent reads of a candidate. */
type EventView = Parameters<typeof sameEvent>[0];
/** Two views filled in for each sameEvent call, not two objects made per call: this runs for millions of neighbour
 * pairs, and sameEvent keeps neither. */
const EVENT_A: EventView = { date: '', doc: 0, words: new Set<string>(), figures: [] };
const EVENT_B: EventView = { ...EVENT_A };
function asEvent(view: EventView, c: Candidate, date: string): EventView {
  view.date = date;
  view.doc = c.doc;
  view.words = c.words;
  view.figures = c.figures;
  return view;
}

/**
 * Whether two word sets' sizes let their Jaccard similarity reach SAME_FACT: sharing at most the smaller's words,
 * it is at most smaller / larger (and the rounded quotients keep that order), so sets far apart in size are
 * told apart without merging their words.
 */
function closeInSize(a: WordSet, b: WordSet): boolean {
  return !(Math.min(a.size, b.size) / Math.max(a.size, b.size) < SAME_FACT);
}

/**
 * similarity(a, b) >= SAME_FACT, with the merge of their words cut short once too few are left to share: the
 * Jaccard quotient inter / (|a| + |b| − inter) grows with inter (a rounded quotient too: a larger numerator over
 * a smaller denominator), so it clears SAME_FACT exactly from some count of shared words on (sharedNeeded).
 */
function closeInWording(a: WordSet, b: WordSet): boolean {
  if (!a.size || !b.size) return false; // similarity is 0
  return a.sharedAtLeast(b, sharedNeeded(a.size, b.size)) >= 0;
}

/** The fewest shared words at which two sets of these sizes reach SAME_FACT (one more than the smaller size when
 * none does), found by the quotient itself and kept per pair of sizes. */
const neededBySizes = new Map<number, number>();
export function sharedNeeded(sizeA: number, sizeB: number): number {
  const key = sizeA * 65_536 + sizeB;
  let need = neededBySizes.get(key);
  if (need === undefined) {
    const small = Math.min(sizeA, sizeB);
    need = 0;
    while (need <= small && !(need / (sizeA + sizeB - need) >= SAME_FACT)) need++;
    neededBySizes.set(key, need);
  }
  return need;
}

/** A reason to keep two alike candidates apart (besides no actor in common, asked first): different values, or
 * nothing told in common but names. */
function keptApart(a: Candidate, b: Candidate): boolean {
  return differentValues(a, b) || !tellSameThing(traits(a), traits(b));
}

/** Two candidates that cannot tell one fact: no actor in common, or different values, dates or numbers. */
const contradict = (a: Candidate, b: Candidate) => noActorInCommon(a.actors, b.actors) || differentValues(a, b);

/** Different values, dates or numbers (£13 billion vs $40 billion). */
function differentValues(a: Candidate, b: Candidate): boolean {
  // Every test is pure, so their order changes no answer: the dates are the candidates' own, asked first, so
  // two that disagree on them need no traits made.
  if (datesDisagree(a.dates, b.dates)) return true;
  const [x, y] = [traits(a), traits(b)];
  return valuesDisagree(x.values, y.values) || valuesDisagree(x.numbers, y.numbers);
}

/** Sentences sharing fewer words than this besides names and dates tell different things about the same actors. */
const MIN_SHARED_TELLING = 2;
/** Date words and years: a shared "Tuesday" or "2011" does not make one fact. */
export const DATE_TOKEN = /^(?:1[89]\d\d|20\d\d|january|february|march|april|may|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/;
const MONTH = 'jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec';
/** A day of a month ("June 18", "18 June"): a date, not a figure. */
const DAY_OF_MONTH = new RegExp(String.raw`\b(?:(?:${MONTH})[a-z]*\.?\s+\d{1,2}\b|\d{1,2}\s+(?:${MONTH})[a-z]*)`, 'gi');

const HAS_DIGIT = /\d/;

/** The numbers a sentence states, years, days of months, clock times and model names aside ("4,300" → "4300"). */
export function statedNumbers(text: string): Set<string> {
  // A number is a run of ASCII digits (\d, with or without the u flag): a text without one states none.
  if (!HAS_DIGIT.test(text)) return new Set();
  const bare = text.replace(DAY_OF_MONTH, ' ').replace(/\b\d{1,2}:\d\d\b/g, ' ');
  // Digits glued to letters ("A380", "777s") name a model, not an amount.
  return new Set((bare.match(/(?<![\p{L}\p{N}])\d(?:[\d,.]*\d)?(?![\p{L}\p{N}])/gu) ?? []).map((n) => n.replace(/,/g, '')).filter((n) => !/^(?:1[89]|20)\d\d$/.test(n)));
}

/** Words of a sentence written capitalised after its first word: parts of names. Its tokens (split at each
 * space) are read in place; only a capitalised one is cut out, to take its content words. */
export function nameWords(text: string): Set<string> {
  const out = new Set<string>();
  let from = text.indexOf(' ') + 1;
  if (from === 0) return out; // one token: the first, never counted
  while (from <= text.length) {
    let to = text.indexOf(' ', from);
    if (to < 0) to = text.length;
    if (capitalised(text, from, to)) for (const w of contentWords(text.slice(from, to))) out.add(w);
    from = to + 1;
  }
  return out;
}

/**
 * Whether a token (text[from, to)) has its first letter or digit is a capital letter (/^[^\p{L}\p{N}]*\p{Lu}/u), read by character
 * codes up to its first ASCII letter or digit; a character outside ASCII before it takes the pattern.
 */
function capitalised(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c >= 128) return /^[^\p{L}\p{N}]*\p{Lu}/u.test(text.slice(from, to));
    if (c >= 65 && c <= 90) return true;
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) return false;
  }
  return false;
}

/** Two sentences tell the same thing when they share words besides names and dates (what happened, what is
 * counted): a product, a company or a place named in both says nothing about whether the news is one. */
function tellSameThing(a: Traits, b: Traits): boolean {
  // A word counted is in both, a name in neither, no date: in both candidates' telling words (see traits),
  // found by merging their sorted word numbers.
  const x = a.telling;
  const y = b.telling;
  let shared = 0;
  for (let i = 0, j = 0; i < x.length && j < y.length;) {
    if (x[i]! < y[j]!) i++;
    else if (x[i]! > y[j]!) j++;
    else { if (++shared >= MIN_SHARED_TELLING) return true; i++; j++; }
  }
  return false;
}

/** What sameFact reads of a candidate's text, made once per candidate (a candidate meets up to MAX_NEIGHBOURS others). */
export interface Traits {
  values: string[];
  numbers: string[];
  /** Its content words less its name words and date words, as word numbers (word-set.ts) sorted: what
   * tellSameThing counts. */
  telling: number[];
}
function traits(c: Candidate): Traits {
  // Kept on the candidate, not in a WeakMap: hundreds of thousands of weak entries cost every collection.
  // Kept for the rest of rankPoints (~190,000 of them at 10,000 sources): no empty lists of its own.
  return (c.traits ??= { values: c.figures.length ? c.figures.map((f) => f.split(' ')[0]!) : NONE, numbers: numbersIn(c.text), telling: tellingWords(c) });
}

/** statedNumbers as a list, the shared empty one when there is none. */
function numbersIn(text: string): string[] {
  const found = statedNumbers(text);
  return found.size ? [...found] : NONE;
}

/** A candidate's content words that are neither name words nor date words, as sorted word numbers. */
function tellingWords(c: Candidate): number[] {
  const names = nameWords(c.text);
  return c.words.sortedIdsWhere((id) => !isDateToken(id) && !names.has(wordOfNumber(id)));
}

/** Whether the word numbered `id` is a date token (DATE_TOKEN), tested once per word. */
const isDateToken = wordNumberTest((w) => DATE_TOKEN.test(w));

/** Whether two lists of entity numbers (Candidate.actors) share one. */
function shareActor(a: readonly number[], b: readonly number[]): boolean {
  for (const x of a) for (const y of b) if (x === y) return true;
  return false;
}
/** `disagree(a, b)` for entities (as their numbers), without a comparison function: asked for most neighbour pairs. */
const noActorInCommon = (a: readonly number[], b: readonly number[]) => a.length > 0 && b.length > 0 && !shareActor(a, b);

/**
 * The candidates' entities as numbers, numbered as first met (equal ids, equal numbers), each with its salience:
 * an id is looked up once per sentence naming it, as its salience was, and pairs of candidates then compare
 * numbers, not id strings (each mention's its own string, compared by its characters).
 */
export class ActorTable {
  private readonly byId = new Map<string, { number: number; salience: number }>();
  constructor(private readonly ctx: Pick<NotesContext, 'entities'>) {}
  of(id: string): { number: number; salience: number } {
    let actor = this.byId.get(id);
    if (!actor) this.byId.set(id, (actor = { number: this.byId.size, salience: this.ctx.entities.get(id)?.salience ?? 0 }));
    return actor;
  }
}

/**
 * Both give values and none of one side's agrees (is equal) with any of the other's. Written as loops, not
 * `some` over `some` with a comparison function: the clustering asks it of every pair it compares (up to
 * CHECKED_MEMBERS members per sentence joining), and most lists are empty or one long.
 */
export function valuesDisagree(a: readonly string[], b: readonly string[]): boolean {
  if (!a.length || !b.length) return false;
  for (const x of a) for (const y of b) if (x === y) return false;
  return true;
}

/** The same for dates, which agree when compatible (one is the other or a coarser form of it). */
export function datesDisagree(a: readonly string[], b: readonly string[]): boolean {
  if (!a.length || !b.length) return false;
  for (const x of a) for (const y of b) if (compatible(x, y)) return false;
  return true;
}

/** Sentences that lean on the one before ("But he said…", "It comes as…") read badly on their own. */
const LEANS_ON_CONTEXT = /^(?:but|and|or|so|yet|also|he|she|it|they|this|that|these|those|his|her|its|their|there)\b/i;

/** A source's entity mentions, figures and dates, by sentence (itemsBySentence), looked up once per source. */
interface SentenceItems {
  entities: ReadonlyArray<readonly EntityMention[]>;
  figures: ReadonlyArray<readonly FigureMention[]>;
  dates: ReadonlyArray<readonly DateMention[]>;
}
const sentenceItems = (a: DocumentAnalysis): SentenceItems => ({
  entities: itemsBySentence(a.sentences, a.entities),
  figures: itemsBySentence(a.sentences, a.figures),
  dates: itemsBySentence(a.sentences, a.dates),
});

/** The figures or dates of a candidate without any: one shared array, frozen (most sentences give none, and a
 * folder of 10,000 sources has hundreds of thousands of candidates). */
const NONE = Object.freeze([]) as readonly string[] as string[];

/** A sentence's worth as a key point, or null when it is not fit to be one. */
function scoreSentence(ctx: NotesContext, table: ActorTable, d: number, k: number, items: SentenceItems, asOf: string | null, stale: boolean): Candidate | null {
  const a = ctx.analyses[d]!;
  const [start, end] = a.sentences[k]!;
  // The tests that turn a sentence down are pure, so those that need no text come first: most sentences are
  // turned down, and their one-line text need not be made.
  const mentions = items.entities[k]!;
  if (!mentions.length) return null;
  // A sentence that is mostly quotation belongs under Quotes.
  if (quotedChars(a.quotes, start, end) > 0.4 * (end - start)) return null;
  const text = oneLine(ctx.docs[d]!.text.slice(start, end));
  const words = spacedWordCount(text);
  if (words < 8 || words > 60 || /\?["”’]?$/.test(text) || !/[.!]["”’)]*$/.test(text)) return null;
  const ids = distinctIds(mentions);
  const degraded = a.flags.includes('degraded');
  // A piece cut from unpunctuated text without a subject and verb is no claim.
  if (degraded && !hasMainVerb(text)) return null;
  // The two actors that matter most, each scaled against the top actor (0-1): so naming the main actors
  // counts, but long sentences gain nothing by listing names, and actors do not drown out the other signs.
  const top = Math.log1p(ctx.ranked[0]?.salience ?? 1);
  const actors = new Array<number>(ids.length);
  const saliences = new Array<number>(ids.length);
  for (let n = 0; n < ids.length; n++) { const actor = table.of(ids[n]!); actors[n] = actor.number; saliences[n] = actor.salience; }
  const [first, second] = twoHighest(saliences);
  let score = 0 + (2 * Math.log1p(first)) / top; // from 0, as the sum over the two did
  if (second !== undefined) score += (2 * Math.log1p(second)) / top;
  const inside = items.figures[k]!;
  const figures = inside.length ? inside.filter((f) => f.measure && f.value >= 10).map((f) => `${f.value} ${f.unit ?? ''} ${f.measure}`) : NONE;
  if (figures.length) score += 2;
  // A toll of the dead, hurt or displaced is what a briefing on a crisis is read for.
  if (inside.some((f) => CASUALTY.test(f.measure ?? ''))) score += 1;
  const datesIn = items.dates[k]!;
  const anchor = anchorOf(ctx, d, start, datesIn);
  score += recency(anchor, asOf);
  if (k < 3) score += 1.5;
  const leans = LEANS_ON_CONTEXT.test(text);
  if (leans) score -= 1.5;
  if (words > 45) score -= 1;
  // Old news: a stale source's claims rank below the current sources'.
  if (stale) score -= 2;
  if (degraded) score *= 0.5;
  const quality = (degraded ? 0 : 4) + (stale ? 0 : 2) + (/^\p{Lu}/u.test(text) ? 1 : 0) + (words <= 40 ? 1 : 0) - (leans ? 1 : 0);
  const dates = datesIn.length ? datesIn.filter((x) => x.value).map((x) => x.value!) : NONE;
  return { doc: d, index: k, text, words: spanWords(ctx.docs[d]!, start, end), ids, actors, figures, dates, anchor, score, quality, node: -1, traits: undefined };
}

/** Characters of [start, end) inside quotes (summed over the quotes overlapping it, in their order). */
export function quotedChars(quotes: ReadonlyArray<{ start: number; end: number }>, start: number, end: number): number {
  let n = 0;
  for (const q of quotes) if (q.start < end && q.end > start) n = n + Math.min(q.end, end) - Math.max(q.start, start);
  return n;
}

/** The ids of some mentions without repeats, in the order first met (a sentence names a few). */
export function distinctIds(mentions: ReadonlyArray<{ id: string }>): string[] {
  const ids: string[] = [];
  for (const m of mentions) if (!ids.includes(m.id)) ids.push(m.id);
  return ids;
}

/** The number of words of a one-line text: its spaces and one (what `text.split(' ').length` counts). */
export function spacedWordCount(text: string): number {
  let n = 1;
  for (let at = text.indexOf(' '); at >= 0; at = text.indexOf(' ', at + 1)) n++;
  return n;
}

/**
 * The highest and second-highest of some numbers (the second undefined when there is one), as sorting them in
 * descending order and taking the first two gives: no NaN among them (saliences are counts), so the order is total.
 */
export function twoHighest(xs: readonly number[]): [number, number | undefined] {
  let first = xs[0]!;
  let second: number | undefined;
  for (let k = 1; k < xs.length; k++) {
    const x = xs[k]!;
    if (x > first) { second = first; first = x; } else if (second === undefined || x > second) second = x;
  }
  return [first, second];
}

/** The date a sentence's main event refers to, or null when it has no resolved date. */
function anchorOf(ctx: NotesContext, d: number, start: number, inSentence: readonly DateMention[]): string | null {
  const dates = inSentence.filter((x) => x.value && /^\d{4}(?:-\d{2}){0,2}$/.test(x.value));
  return dates.length ? anchorDate(ctx.docs[d]!.text, start, dates).value : null;
}

/** News of the moment ranks above background: +1 when the sentence's event is recent, −1 when it is years old. */
function recency(when: string | null, asOf: string | null): number {
  if (!when || !asOf) return 0;
  const days = (Date.parse(asOf) - Date.parse(when.length === 4 ? `${when}-12-31` : when.length === 7 ? `${when}-28` : when)) / 86_400_000;
  if (Number.isNaN(days)) return 0;
  return days <= RECENT_DAYS ? 1 : days > 365 ? -1 : 0;
}

/** The newest source date: what "recent" is measured from. */
function newestDate(ctx: NotesContext): string | null {
  return ctx.docs.map((doc) => doc.meta.date).filter((x): x is string => !!x).sort().at(-1) ?? null;
}

const wordsIn = (s: string) => s.split(' ').length;

/**
 * The bottom line, 2-3 short sentences (at most BOTTOM_LINE_WORDS together): what is going on (the top
 * point, whose rank weighs corroboration) and what changed most recently (the newest of the head), then
 * the next that fits. Never a point resting only on stale sources, never one that leans on a sentence before.
 */
export function bottomLine(points: readonly RankedPoint[]): RankedPoint[] {
  // The best current points: on a folder spanning years the top-ranked may all be stale, and the bottom line
  // must still say what is going on now (the newest source is never stale).
  const head = points.filter((p) => !p.stale && !LEANS_ON_CONTEXT.test(p.claim.text)).slice(0, BOTTOM_LINE + 3);
  const chosen: RankedPoint[] = [];
  let budget = BOTTOM_LINE_WORDS;
  // Two sentences on one thing (the same phone call, told twice) waste the reader's 60 words.
  const take = (p: RankedPoint | undefined) => {
    if (!p || chosen.includes(p) || wordsIn(p.claim.text) > budget || chosen.some((c) => containment(c.words, p.words) >= BOTTOM_LINE_ECHO)) return;
    chosen.push(p);
    budget -= wordsIn(p.claim.text);
  };
  // Leave room for a second sentence: the first may take at most two thirds of the words.
  take(head.find((p) => wordsIn(p.claim.text) <= (2 * BOTTOM_LINE_WORDS) / 3));
  const newest = head.filter((p) => p.when && !chosen.includes(p)).sort((a, b) => (a.when! < b.when! ? 1 : a.when! > b.when! ? -1 : points.indexOf(a) - points.indexOf(b)));
  for (const p of newest) if (chosen.length < 2) take(p);
  for (const p of head) if (chosen.length < BOTTOM_LINE) take(p);
  return chosen.sort((a, b) => points.indexOf(a) - points.indexOf(b));
}

/**
 * Key points (those the bottom line does not state), grouped by theme: points sharing a distinctive actor
 * (one not named in most points) form a theme titled by it; themes in the rank of their best point.
 */
export function themedKeyPoints(ctx: NotesContext, points: readonly RankedPoint[], stated: readonly RankedPoint[]): Claim[] {
  const rest = points.filter((p) => !stated.includes(p)).slice(0, MAX_KEY_POINTS);
  const count = new Map<string, number>();
  for (const p of rest) for (const id of p.ids) count.set(id, (count.get(id) ?? 0) + 1);
  // An actor in most points (the story's protagonist) tells no theme apart from another.
  const distinctive = (id: string) => rest.length < 3 || count.get(id)! <= rest.length / 2;
  // A theme is seeded by its first point's most named distinctive actor and joined by points naming it: the
  // seed, not the growing set, decides, so themes do not chain into one.
  const salience = (id: string) => ctx.entities.get(id)?.salience ?? 0;
  const mostNamed = (ids: string[]) => [...ids].sort((a, b) => count.get(b)! - count.get(a)! || salience(b) - salience(a) || a.localeCompare(b)).slice(0, 1);
  const themes: Array<{ points: RankedPoint[]; seed: Set<string>; ids: Map<string, number> }> = [];
  const others: RankedPoint[] = [];
  for (const p of rest) {
    const ids = [...p.ids].filter(distinctive);
    // A point naming only the story's protagonists joins the theme of such points: the protagonists are its subject.
    let home = ids.length ? themes.find((t) => ids.some((id) => t.seed.has(id))) : themes.find((t) => t.seed.size === 0);
    if (!home && themes.length >= MAX_THEMES) {
      // No room for a theme of its own: it joins the theme it shares most words with, if it is about the same
      // thing; else it is told apart as an other report rather than filed under a heading it does not concern.
      const near = closestTheme(themes, p);
      if (!near) { others.push(p); continue; }
      near.points.push(p);
      continue; // its actors do not name a theme it joined by its words
    }
    if (!home) { home = { points: [], seed: new Set(mostNamed(ids)), ids: new Map() }; themes.push(home); }
    home.points.push(p);
    for (const id of ids) home.ids.set(id, (home.ids.get(id) ?? 0) + 1);
  }
  // Themes given one title (points whose only actor is the protagonist are titled by it) are one theme, in the place
  // of the first; other reports come last.
  const byTitle = new Map<string, RankedPoint[]>();
  for (const t of themes) {
    const title = themeTitle(ctx, t.ids, t.points[0]!);
    byTitle.set(title, [...(byTitle.get(title) ?? []), ...t.points]);
  }
  const other = [...(byTitle.get(OTHER_REPORTS) ?? []), ...others];
  byTitle.delete(OTHER_REPORTS);
  if (other.length) byTitle.set(OTHER_REPORTS, other);
  return [...byTitle].flatMap(([title, pts]) => pts.map((p) => ({ ...p.claim, theme: title })));
}

/** The heading of key points that fit no theme (our words, never a source's). */
export const OTHER_REPORTS = 'Other reports';
/**
 * Share of a point's content words (of the shorter of two points) that must recur in a theme's point for the point to
 * join that theme without naming its actor: about a third, so a shared place and verb are not enough.
 */
const SAME_SUBJECT = 0.34;

/** The theme one of whose points shares the most of `p`'s words, at least SAME_SUBJECT of them; the first on ties. */
function closestTheme<T extends { points: RankedPoint[] }>(themes: readonly T[], p: RankedPoint): T | undefined {
  let best: T | undefined;
  let most = SAME_SUBJECT;
  for (const t of themes) {
    const shared = sharedWith(t, p);
    if (shared >= most && (best === undefined || shared > most)) { best = t; most = shared; }
  }
  return best;
}

const sharedWith = (t: { points: RankedPoint[] }, p: RankedPoint) => Math.max(...t.points.map((q) => containment(q.words, p.words)));

/** A theme's title: its one or two most named distinctive actors, as the sources name them. */
function themeTitle(ctx: NotesContext, ids: Map<string, number>, first: RankedPoint): string {
  const salience = (id: string) => ctx.entities.get(id)?.salience ?? 0;
  const names = [...ids].sort((a, b) => b[1] - a[1] || salience(b[0]) - salience(a[0]) || a[0].localeCompare(b[0]))
    .filter(([, n], k, all) => k === 0 || n === all[0]![1])
    .slice(0, 2)
    .map(([id]) => ctx.entities.get(id)?.canonical ?? id);
  if (names.length) return names.join(' and ');
  const top = [...first.ids].sort((a, b) => salience(b) - salience(a) || a.localeCompare(b))[0];
  return top ? ctx.entities.get(top)?.canonical ?? top : OTHER_REPORTS;
}

/** The notes with Key points less those the bottom line already states (kept for notes built elsewhere). */
export function withoutBottomLinePoints(notes: BriefingNotes): BriefingNotes {
  const stated = new Set(notes.bottomLine.map((p) => p.text));
  return { ...notes, keyPoints: notes.keyPoints.filter((p) => !stated.has(p.text)).slice(0, MAX_KEY_POINTS) };
}
