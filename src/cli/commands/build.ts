// `briefing build [SOURCES…]`: ingest → extract → notes (md + json) → deck + handout. A notes file
// edited by hand since it was drafted is kept and used; `--redraft` replaces it, keeping a backup.

import fs from 'node:fs';
import path from 'node:path';
import { BriefingError } from '../../errors.ts';
import { analyzeDocuments } from '../../extract/analyze.ts';
import { buildNotes } from '../../extract/briefing/build.ts';
import { loadSources } from '../../ingest/load.ts';
import { isHandEdited, stringifyNotes } from '../../notes/markdown.ts';
import { validateNotes } from '../../notes/schema.ts';
import { backup, writeFileAtomic } from '../files.ts';
import type { Output } from '../output.ts';
import { readNotesFile, renderOutputs, type RenderPaths } from './render.ts';

export interface BuildOptions extends RenderPaths {
  inputs: string[];
  notes: string;
  redraft: boolean;
  title?: string;
  date?: string;
}

export async function buildCommand(opts: BuildOptions, out: Output): Promise<number> {
  const { docs, diagnostics } = await loadSources(opts.inputs);
  out.diagnostics(diagnostics);
  out.info(`read ${docs.length} source${docs.length === 1 ? '' : 's'} from ${opts.inputs.join(', ')}`);

  const jsonFile = opts.notes.replace(/\.md$/, '') + '.json';
  const existing = fs.existsSync(opts.notes) ? fs.readFileSync(opts.notes, 'utf8') : null;
  let notes;
  if (existing !== null && isHandEdited(existing) && !opts.redraft) {
    out.info(`${opts.notes} was edited by hand since it was drafted: building from it (use --redraft for a fresh draft)`);
    notes = readNotesFile(opts.notes);
  } else {
    if (existing !== null && isHandEdited(existing)) out.info(`kept your edited notes as ${backup(opts.notes)}`);
    const analyses = analyzeDocuments(docs, { defaultDate: opts.date ?? null });
    notes = buildNotes(docs, analyses, { inputs: opts.inputs, title: opts.title });
    const problems = validateNotes(notes);
    if (problems.length) throw new BriefingError('INTERNAL', 'the drafted notes failed validation (a bug: please report it)', { diagnostics: problems });
    fs.mkdirSync(path.dirname(opts.notes), { recursive: true });
    writeFileAtomic(opts.notes, stringifyNotes(notes, { drafted: true }));
    out.info(`wrote ${opts.notes}`);
  }
  writeFileAtomic(jsonFile, `${JSON.stringify(notes, null, 2)}\n`);
  out.info(`wrote ${jsonFile}`);
  for (const w of await renderOutputs(notes, opts, out)) out.info(`wrote ${w}`);
  return 0;
}
