// Builds the SourceDoc the extractor receives for one evaluation document: the corpus text as is, its date.

import type { SourceDoc } from '../../src/notes/model.ts';

/** `raw` = `text` = the document text (no cleaning happens in the harness); the date is the corpus's own. */
export function evalSourceDoc(index: number, path: string, text: string, date: string | null): SourceDoc {
  return {
    id: `s${index + 1}`,
    path,
    raw: text,
    text,
    meta: {
      title: null,
      date,
      dateSource: date ? 'explicit' : 'unknown',
      dateEvidence: date ? 'corpus document creation time' : null,
      outlet: null,
      author: null,
      url: null,
    },
    flags: [],
    cleaning: [],
  };
}
