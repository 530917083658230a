// `briefing summarize FILE… [--words N]`: an N-word extractive summary of the sources, one sentence a line.

import { analyzeDocuments } from '../../extract/analyze.ts';
import { summarize } from '../../extract/briefing/summary.ts';
import { loadSources } from '../../ingest/load.ts';
import type { Output } from '../output.ts';

export async function summarizeCommand(files: string[], opts: { words: number; date?: string }, out: Output): Promise<number> {
  const { docs, diagnostics } = await loadSources(files);
  out.diagnostics(diagnostics);
  const analyses = analyzeDocuments(docs, { defaultDate: opts.date ?? null });
  for (const line of summarize(docs, analyses, opts.words)) out.data(line);
  return 0;
}
