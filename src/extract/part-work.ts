// One part of the sources as a worker thread holds it over the rounds of extraction on several cores
// (src/ingest/parallel.ts): its texts, sentences, tokens and date expressions stay on the thread that read
// them, so the later rounds send it only what is new (the common words, then each source's document date and
// entities), not the texts and sentences again; and the rules that need no entity run there while the main
// thread merges the entities.
import type { EntityMention } from './analysis.ts';
import { analyzeOne, ENTITY_FREE_RULES, ENTITY_RULES, namesOfChunk, PER_DOCUMENT_RULES, readChunk, type ChunkDoc, type DocWork, type SourceEntities, type SourceResults } from './analyze.ts';
import type { DateClues } from './rules/document-dates.ts';
import type { CasingCounts, CommonWords } from './rules/entities/casing.ts';
import type { Candidate } from './rules/entities.ts';
import type { Span } from './rules/sentences.ts';
import type { TokenSource } from './rules/tokens.ts';

/** What the first round sends back of a part: what the main thread needs of it for the corpus-wide rules. */
export interface PartRead { sentences: Span[][]; casing: CasingCounts; clues: DateClues[] }

/** One part's sources on the worker that read them, from the first round to the last. */
export class PartWork {
  /** What the first round found that the later rounds read: the sentences and date expressions. */
  private readonly found: Pick<ReturnType<typeof readChunk>, 'sentences' | 'dateCandidates'>;
  /** The packed tokens (up to ~32 MB a worker), held only here so that they are let go once the names are read. */
  private tokens: Array<TokenSource | null> | null;
  /** What the main thread needs of the first round, until it is sent (`takeRead`): kept no longer, as the casing counts and clues are read there only. */
  private firstRead: PartRead | null;
  /** Tokens kept for the names (to count against the worker's budget). */
  readonly keptTokens: number;
  /** The entity-free rules' results, for each source they ran on (null for the others: an undated source's date may yet be inferred). */
  private readonly early: Array<DocWork['a'] | null>;

  /** Reads the part (readChunk): `budget` tokens at most are kept for the names. */
  constructor(private readonly docs: readonly ChunkDoc[], budget: number) {
    const { sentences, casing, clues, tokens, dateCandidates } = readChunk(docs, budget);
    this.found = { sentences, dateCandidates };
    this.tokens = tokens;
    this.keptTokens = tokens.reduce((sum, t) => sum + (t?.length ?? 0), 0);
    this.firstRead = { sentences, casing, clues };
    this.early = docs.map(() => null);
  }

  /** What the main thread needs of the first round, given once (the worker keeps only the sentences of it). */
  takeRead(): PartRead {
    const read = this.firstRead;
    if (read === null) throw new Error('PartWork: the first round was already taken');
    this.firstRead = null;
    return read;
  }

  /** The part's names, given the corpus's common words (namesOfChunk); its tokens are then let go. */
  names(common: CommonWords): Candidate[][] {
    const names = namesOfChunk(this.docs.map((d, k) => ({ ...d, sentences: this.found.sentences[k]! })), common, this.tokens ?? []);
    this.tokens = null;
    return names;
  }

  /**
   * The entity-free rules (dates, figures) of each source with a stated date: its document date is final (only an
   * undated source's is inferred, or takes the default), so they give what they would give after the entities.
   */
  entityFree(): void {
    this.docs.forEach((d, k) => {
      if (d.meta.date === null) return;
      this.early[k] = analyzeOne(this.work(k, d.meta.date, new Map(), []), ENTITY_FREE_RULES);
    });
  }

  /** Each source's per-document results: the rules not run yet, given its document date and entities. */
  rest(given: readonly SourceEntities[]): SourceResults[] {
    return given.map((g, k) => {
      const early = this.early[k];
      const w = this.work(k, g.date, g.roles, g.entities);
      if (early) { w.a.dates = early.dates; w.a.figures = early.figures; }
      const a = analyzeOne(w, early ? ENTITY_RULES : PER_DOCUMENT_RULES);
      return { dates: a.dates, figures: a.figures, quotes: a.quotes, alignments: a.alignments };
    });
  }

  private work(k: number, date: string | null, roles: ReadonlyMap<string, string>, entities: EntityMention[]): DocWork {
    return {
      text: this.docs[k]!.text, date, roles, dateCandidates: this.found.dateCandidates[k],
      a: { sentences: this.found.sentences[k]!, entities, dates: [], figures: [], quotes: [], alignments: [] },
    };
  }
}
