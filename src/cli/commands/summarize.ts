// `briefing summarize FILE… [--words N]`: an N-word extractive summary of the sources, one sentence a line;
// with `--timeline`, a dated timeline summary, one `YYYY-MM-DD<TAB>sentence` line per event.

import { analyzeDocuments } from '../../extract/analyze.ts';
import { summarize } from '../../extract/briefing/summary.ts';
import { timelineSummary } from '../../extract/briefing/timeline-select.ts';
import { loadSources } from '../../ingest/load.ts';
import type { Output } from '../output.ts';

export interface SummarizeOptions {
  words: number;
  date?: string;
  /** A timeline summary instead: how many dates (default: grows with the dates found) and sentences per date. */
  timeline?: { dates?: number; sentences: number };
}

export async function summarizeCommand(files: string[], opts: SummarizeOptions, out: Output): Promise<number> {
  const { docs, diagnostics } = await loadSources(files);
  out.diagnostics(diagnostics);
  const analyses = analyzeDocuments(docs, { defaultDate: opts.date ?? null });
  const lines = opts.timeline ? timelineSummary(docs, analyses, opts.timeline) : summarize(docs, analyses, opts.words);
  for (const line of lines) out.data(line);
  return 0;
}
