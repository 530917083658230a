// Extraction entry point: SourceDoc[] → DocumentAnalysis[] (pure). Rules live under rules/.
import type { SourceDoc } from '../notes/model.ts';
import type { DocumentAnalysis } from './analysis.ts';

/** Options for analysis. */
export interface AnalyzeOptions {
  /** Document date (ISO) to use for a source that states none; relative dates stay unresolved without one. */
  defaultDate?: string | null;
}

/** Analyse documents together (entities are merged across them). */
export function analyzeDocuments(docs: SourceDoc[], _options: AnalyzeOptions = {}): DocumentAnalysis[] {
  return docs.map((doc) => ({
    id: doc.id, path: doc.path, meta: doc.meta, flags: doc.flags,
    sentences: [], entities: [], dates: [], quotes: [], figures: [], alignments: [], cleaning: doc.cleaning,
  }));
}
