// `briefing analyze FILE… [--json] [--date YYYY-MM-DD]`: what extraction finds in each document.

import { analyzeDocuments } from '../../extract/analyze.ts';
import type { DocumentAnalysis } from '../../extract/analysis.ts';
import { loadSources } from '../../ingest/load.ts';
import type { Output } from '../output.ts';

export async function analyzeCommand(files: string[], opts: { json: boolean; date?: string }, out: Output): Promise<number> {
  const { docs, diagnostics } = await loadSources(files);
  out.diagnostics(diagnostics);
  const analyses = analyzeDocuments(docs, { defaultDate: opts.date ?? null });
  if (opts.json) {
    out.data(JSON.stringify({ documents: analyses }, null, 2));
    return 0;
  }
  for (const a of analyses) out.data(summary(a));
  return 0;
}

function summary(a: DocumentAnalysis): string {
  const names = [...new Set(a.entities.map((e) => `${e.canonical} (${e.type})`))].slice(0, 12);
  return [
    `${a.id} ${a.path}`,
    `  title: ${a.meta.title ?? 'untitled'} | date: ${a.meta.date ?? 'undated'} (${a.meta.dateSource}) | outlet: ${a.meta.outlet ?? 'unknown'}`,
    `  flags: ${a.flags.join(', ') || 'none'} | cleaning steps: ${a.cleaning.length}`,
    `  ${a.sentences.length} sentences, ${a.entities.length} entity mentions, ${a.dates.length} dates, ${a.quotes.length} quotes, ${a.figures.length} figures, ${a.alignments.length} alignments`,
    `  entities: ${names.join('; ')}`,
  ].join('\n');
}
