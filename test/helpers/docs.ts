// Build SourceDocs from plain strings for extraction tests (no file reading, no cleaning).
import type { SourceDoc, SourceFlag } from '../../src/notes/model.ts';

export function docFrom(id: string, text: string, opts: { date?: string | null; flags?: SourceFlag[]; title?: string } = {}): SourceDoc {
  return {
    id,
    path: `test/${id}.txt`,
    raw: text,
    text,
    meta: {
      title: opts.title ?? null,
      date: opts.date ?? null,
      dateSource: opts.date ? 'explicit' : 'unknown',
      dateEvidence: null,
      outlet: null,
      author: null,
      url: null,
    },
    flags: opts.flags ?? [],
    cleaning: [],
  };
}
