// `briefing clean FILE [--json]`: one source's cleaned main text (what cleaning blanked dropped, blank runs
// folded), or with --json its metadata, flags and the cleaning steps, for checking what ingest did.

import fs from 'node:fs';
import { BriefingError } from '../../errors.ts';
import { cleanText } from '../../ingest/clean-text.ts';
import { loadSources } from '../../ingest/load.ts';
import type { Output } from '../output.ts';

export async function cleanCommand(file: string, opts: { json: boolean }, out: Output): Promise<number> {
  if (fs.statSync(file, { throwIfNoEntry: false })?.isDirectory()) {
    throw new BriefingError('USAGE', `${file} is a folder; clean takes one source file`, { hint: "see 'briefing clean --help'" });
  }
  const { docs, diagnostics } = await loadSources([file]);
  out.diagnostics(diagnostics);
  // One source per file, except a JSON/JSONL file of records: then each record in turn (JSON: one object each).
  for (const doc of docs) {
    if (opts.json) out.data(JSON.stringify({ path: doc.path, meta: doc.meta, flags: doc.flags, cleaning: doc.cleaning }, null, 2));
    else out.data(docs.length > 1 ? `== ${doc.path} ==\n${cleanText(doc)}\n` : cleanText(doc));
  }
  return 0;
}
