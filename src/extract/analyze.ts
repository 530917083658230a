// Extraction entry point: SourceText[] → DocumentAnalysis[] (pure). Each step is a named rule over
// one shared state, run in order; the rules themselves live under rules/.

import type { SourceText } from '../notes/model.ts';
import type { DocumentAnalysis, EntityMention } from './analysis.ts';
import { resolveEntities, type PlacedCandidate } from './rules/aliases.ts';
import { findAlignments } from './rules/alignments.ts';
import { findDateCandidates, resolveDates } from './rules/dates.ts';
import type { DateCandidate } from './rules/dates/candidate.ts';
import { restoreSentences } from './rules/degraded-sentences.ts';
import { dateClues, withInferredDates, type DateClues, type WordMatches } from './rules/document-dates.ts';
import { CommonWordsLearner, type CasingCounts, type CommonWords } from './rules/entities/casing.ts';
import { findCandidates, findDegradedCandidates, knownNames, type Candidate } from './rules/entities.ts';
import { findFigures } from './rules/figures.ts';
import { linkFigureOwners } from './rules/figure-owners.ts';
import { findQuotes } from './rules/quotes.ts';
import { splitSentences, type Span } from './rules/sentences.ts';
import { tokenize, TokenList, type PackedTokens, type TokenSource } from './rules/tokens.ts';

/** Options for analysis. */
export interface AnalyzeOptions {
  /** Document date (ISO) to use for a source that states none; relative dates stay unresolved without one. */
  defaultDate?: string | null;
  /** Tokens the casing pass may keep packed for the names pass (default PACKED_TOKENS_BUDGET); the results do not depend on it. */
  packedTokensBudget?: number;
  /**
   * Hears the end of each round of extraction on worker threads (src/ingest/parallel.ts), by name: for benches that
   * time them, and for `build`, which collects garbage after the corpus-wide round (CORPUS_RULES_ROUND).
   */
  onRound?: (name: string) => void;
}

/** What the rules work on: the documents and what has been found so far. */
interface State {
  docs: SourceText[];
  options: AnalyzeOptions;
  out: DocumentAnalysis[];
  candidates: Candidate[][];
  /** Each entity's best role and description in words, for rules that match on them. */
  roles: Map<string, string>;
  /** Each source's clues for inferred dates, when found before (on worker threads); else the rule finds them. */
  clues?: DateClues[];
  /** What of the inferred dates needs no entity (wordMatches), when found before (while the names were read on worker threads). */
  matches?: WordMatches;
  /** Each source's date expressions, unresolved, when the document-dates rule found them (for the dates rule). */
  dateCandidates?: Array<readonly DateCandidate[]>;
}

type Rule = [name: string, run: (state: State) => void];

/** Tokens the casing pass keeps packed for the names pass, at most (about 5 MB of text, 32 MB of memory). */
export const PACKED_TOKENS_BUDGET = 2_000_000;

/** What a per-document rule reads and fills for one source: all it needs, so a worker thread can run it (src/ingest/parallel.ts). */
export interface DocWork {
  text: string;
  /** The date relative dates resolve against (`documentDate`). */
  date: string | null;
  /** Each entity's role and description in words, for the entities of this source (at least). */
  roles: ReadonlyMap<string, string>;
  a: Pick<DocumentAnalysis, 'sentences' | 'entities' | 'dates' | 'figures' | 'quotes' | 'alignments'>;
  /** The text's `findDateCandidates`, when found already on this thread (never sent to a worker: it finds them itself). */
  dateCandidates?: readonly DateCandidate[];
}

/**
 * The per-document rules that read no entity: they may run before the entities are merged, on a source whose
 * document date is known by then (a stated one: only an undated source's date may be inferred).
 */
export const ENTITY_FREE_RULES: Array<[name: string, run: (w: DocWork) => void]> = [
  ['dates', (w) => { w.a.dates = resolveDates(w.text, w.dateCandidates ?? findDateCandidates(w.text), w.date); }],
  ['figures', (w) => { w.a.figures = findFigures(w.text, w.a.sentences, w.a.dates); }],
];

/** The per-document rules that read the merged entities, after ENTITY_FREE_RULES. */
export const ENTITY_RULES: Array<[name: string, run: (w: DocWork) => void]> = [
  ['figure-owners', (w) => { w.a.figures = linkFigureOwners(w.text, w.a.figures, w.a.entities, w.roles); }],
  ['quotes', (w) => { w.a.quotes = findQuotes(w.text, w.a.entities); }],
  ['alignments', (w) => { w.a.alignments = findAlignments(w.text, w.a.sentences, w.a.entities); }],
];

/**
 * The rules that read one source only, once the corpus-wide ones (sentences, names, entities, inferred
 * document dates) have run: they may run on any thread, one source at a time.
 */
export const PER_DOCUMENT_RULES = [...ENTITY_FREE_RULES, ...ENTITY_RULES];

/** The extraction rules, in the order they run. */
export const RULES: Rule[] = [
  ['sentences', (st) => st.out.forEach((a, k) => { a.sentences = sentencesOf(st.docs[k]!); })],
  ['candidates', (st) => {
    // The casing is learned from the well-formed texts first, in a pass that keeps each text's tokens packed
    // (16 bytes a token) for the names pass, up to PACKED_TOKENS_BUDGET: past it, texts are tokenized again,
    // so that working memory stays bounded however large the corpus.
    const { learner, packed } = learnCasing(st.docs, st.options.packedTokensBudget ?? PACKED_TOKENS_BUDGET);
    const common = learner.commonWords();
    const tokens = (k: number) => packed[k] ?? new TokenList(tokenize(st.docs[k]!.text));
    st.candidates = st.out.map((a, k) => isDegraded(st.docs[k]!) ? [] : findCandidates(st.docs[k]!.text, a.sentences, common, tokens(k)));
    readDegraded(st, common, tokens);
  }],
  ['entities', (st) => {
    const placed: PlacedCandidate[] = [];
    st.candidates.forEach((list, doc) => {
      const degraded = st.docs[doc]!.flags.includes('degraded');
      for (const cand of list) placed.push({ doc, cand, degraded });
    });
    // No later rule reads the names: the merge takes them (and lets go of those it replaces with retyped copies).
    st.candidates = [];
    for (const e of resolveEntities(placed)) {
      st.roles.set(e.id, [e.roles[0], e.descriptions[0]].filter(Boolean).join(' '));
      for (const m of e.mentions) {
        st.out[m.doc]!.entities.push({ id: e.id, type: e.type, start: m.cand.start, end: m.cand.end, text: m.cand.text, canonical: e.canonical, role: m.cand.role, description: m.cand.description });
      }
      // Its mentions are written: their candidates (the merge's retyped copies) may go while the rest are written.
      e.mentions = [];
    }
    for (const a of st.out) a.entities.sort(byStart);
  }],
  ['document-dates', (st) => {
    // The date expressions do not depend on the document date: found once here, for the clues (which
    // resolve them against the stated date) and for the dates rule (against the stated or inferred one).
    if (!st.clues) {
      const found = st.docs.map((d) => findDateCandidates(d.text));
      st.dateCandidates = found;
      // Clues serve only to date an undated source (inferDocumentDates reads none otherwise).
      if (st.docs.some((d) => d.meta.date === null)) st.clues = st.docs.map((d, k) => dateClues({ ...d, sentences: st.out[k]!.sentences }, found[k]));
    }
    st.docs = withInferredDates(st.docs, st.out, st.clues, st.matches);
  }],
  ...perDocument(),
];

const isDegraded = (d: Pick<SourceText, 'flags'>) => d.flags.includes('degraded');

/** A source's sentences. Text that lost its punctuation gets its sentence boundaries back from a word model. */
export function sentencesOf(d: Pick<SourceText, 'text' | 'flags'>): Span[] {
  const spans = splitSentences(d.text);
  return d.flags.includes('unpunctuated') ? restoreSentences(d.text, spans) : spans;
}

/** A degraded source is read last, with what the well-formed ones name (see entities/degraded.ts). */
function readDegraded(st: State, common: CommonWords, tokens: (k: number) => TokenSource): void {
  if (!st.docs.some(isDegraded)) return; // the names known are then not needed (a second's work at 10,000 sources)
  const known = knownNames(st.candidates);
  st.out.forEach((a, k) => {
    if (!isDegraded(st.docs[k]!)) return;
    const source = tokens(k);
    st.candidates[k] = findDegradedCandidates(st.docs[k]!.text, a.sentences, common, source.tokens(0, source.length), known);
  });
}

/** What the corpus-wide rules can do one part of the sources at a time, on any thread (src/ingest/parallel.ts). */
export type ChunkDoc = Pick<SourceText, 'text' | 'flags' | 'meta'>;

/**
 * A part's sentences, casing counts and clues for inferred dates (what of that rule needs no other source),
 * its texts' tokens for namesOfChunk (null past `budget` tokens), and its texts' date expressions (found once,
 * for the clues and for the dates rule).
 */
export function readChunk(docs: readonly ChunkDoc[], budget = PACKED_TOKENS_BUDGET): { sentences: Span[][]; casing: CasingCounts; clues: DateClues[]; tokens: Array<TokenSource | null>; dateCandidates: Array<readonly DateCandidate[]> } {
  const { learner, packed } = learnCasing(docs, budget);
  const sentences = docs.map(sentencesOf);
  const dateCandidates = docs.map((d) => findDateCandidates(d.text));
  const clues = docs.map((d, k) => dateClues({ ...d, sentences: sentences[k]! }, dateCandidates[k]));
  return { sentences, casing: learner.counts(), clues, tokens: packed, dateCandidates };
}

/** The casing learned from the well-formed texts, with each text's tokens kept packed for the names pass while the texts so far hold at most `budget` tokens (null past it). */
function learnCasing(docs: readonly ChunkDoc[], budget: number): { learner: CommonWordsLearner; packed: Array<PackedTokens | null> } {
  const learner = new CommonWordsLearner();
  let kept = 0;
  const packed = docs.map((d) => {
    const tokens = learner.read(d.text, !isDegraded(d));
    kept += tokens.length;
    return kept <= budget ? tokens : null;
  });
  return { learner, packed };
}

/**
 * A part's names, given the common words of the whole corpus (the casing is decided once every part is
 * counted: CasingTally), and its tokens from readChunk where kept; none yet for a degraded source (readDegraded).
 */
export function namesOfChunk(docs: ReadonlyArray<ChunkDoc & { sentences: Span[] }>, common: CommonWords, tokens: ReadonlyArray<TokenSource | null> = []): Candidate[][] {
  return docs.map((d, k) => (isDegraded(d) ? [] : findCandidates(d.text, d.sentences, common, tokens[k] ?? new CommonWordsLearner().read(d.text, false))));
}

/** The rules that need every source (the first RULES.length − PER_DOCUMENT_RULES.length of RULES). */
export const corpusRules = (): Rule[] => RULES.slice(0, RULES.length - PER_DOCUMENT_RULES.length);

/** Each per-document rule as a RULES entry over all sources, so stages can be timed rule by rule. */
function perDocument(): Rule[] {
  return PER_DOCUMENT_RULES.map(([name, run]): Rule => [name, (st) => st.out.forEach((a, k) => run({ ...docWork(st, k, a), dateCandidates: st.dateCandidates?.[k] }))]);
}

const docWork = (st: State, k: number, a: DocumentAnalysis): DocWork => ({ text: st.docs[k]!.text, date: documentDate(st.docs[k]!, st.options), roles: st.roles, a });

/** One source's per-document rules (`rules`: all of them, or a run of them), in order (what a worker thread runs). */
export function analyzeOne(w: DocWork, rules = PER_DOCUMENT_RULES): DocWork['a'] {
  for (const [, run] of rules) run(w);
  return w.a;
}

const byStart = (x: EntityMention, y: EntityMention) => x.start - y.start || x.end - y.end;

/** Analyse documents together (entities are merged across them). */
export function analyzeDocuments(docs: SourceText[], options: AnalyzeOptions = {}): DocumentAnalysis[] {
  const state = startState(docs, options);
  for (const [, run] of RULES) run(state);
  return state.out;
}

/** What the per-document rules need of a source besides its text, once the corpus-wide rules are done. */
export interface SourceEntities {
  /** The date relative dates resolve against (`documentDate`, once inferred dates are known). */
  date: string | null;
  /** Each of the source's entities' role and description in words. */
  roles: ReadonlyMap<string, string>;
  entities: EntityMention[];
}

/** A source's per-document results, as finishAnalysis takes them. */
export type SourceResults = Pick<DocumentAnalysis, 'dates' | 'figures' | 'quotes' | 'alignments'>;

/**
 * Results of the corpus-wide rules, and what the per-document rules need of them besides each source's entities
 * (in `out`), to run on a source's worker (packed part by part: extract/packed.ts).
 */
export interface CorpusAnalysis {
  out: DocumentAnalysis[];
  /** Each source's document date (`documentDate`, once inferred dates are known). */
  dates: Array<string | null>;
  /** Each entity's role and description in words, by id (a source's rules read those of its own entities). */
  roles: ReadonlyMap<string, string>;
}

/**
 * The corpus-wide rules, for sources whose sentences, names and date clues were found part by part (readChunk,
 * namesOfChunk): the degraded sources' names, the entities and the inferred dates are made here, as analyzeDocuments makes them.
 */
export function analyzeCorpusFrom(docs: SourceText[], options: AnalyzeOptions, found: { sentences: Span[][]; common: CommonWords; candidates: Candidate[][]; clues: DateClues[]; matches?: WordMatches }): CorpusAnalysis {
  const state = startState(docs, options);
  state.clues = found.clues;
  state.matches = found.matches;
  state.out.forEach((a, k) => { a.sentences = found.sentences[k]!; });
  state.candidates = found.candidates;
  found.candidates = []; // taken: the entity merge lets them go (see resolveEntities)
  readDegraded(state, found.common, (k) => new TokenList(tokenize(docs[k]!.text)));
  for (const [name, run] of corpusRules()) if (name !== 'sentences' && name !== 'candidates') run(state);
  return corpusWork(state);
}

/** The corpus-wide results: one map of roles for all, not one per source (packSources picks each part's). */
function corpusWork(state: State): CorpusAnalysis {
  return { out: state.out, dates: state.docs.map((d) => documentDate(d, state.options)), roles: state.roles };
}

/** Puts each source's per-document results (from `analyzeOne`, on any thread) into its analysis. */
export function finishAnalysis(out: DocumentAnalysis[], results: readonly SourceResults[]): DocumentAnalysis[] {
  out.forEach((a, k) => {
    const r = results[k]!;
    a.dates = r.dates;
    a.figures = r.figures;
    a.quotes = r.quotes;
    a.alignments = r.alignments;
  });
  return out;
}

function startState(docs: SourceText[], options: AnalyzeOptions): State {
  return {
    docs,
    options,
    candidates: [],
    roles: new Map(),
    out: docs.map((doc) => ({
      id: doc.id, path: doc.path, meta: doc.meta, flags: doc.flags,
      sentences: [], entities: [], dates: [], quotes: [], figures: [], alignments: [], cleaning: doc.cleaning,
    })),
  };
}

/** The document date the rules resolve relative dates against: the source's own, else the default. */
export function documentDate(doc: SourceText, options: AnalyzeOptions): string | null {
  return doc.meta.date ?? options.defaultDate ?? null;
}
