// `briefing build [SOURCES…]`: ingest → extract → notes (md + json) → deck + handout. A notes file
// edited by hand since it was drafted is kept and used; `--redraft` replaces it, keeping a backup.
// Nothing is written until every output is made, so a failed or stopped build leaves the last one whole.

import fs from 'node:fs';
import { BriefingError } from '../../errors.ts';
import { buildNotes } from '../../extract/briefing/build.ts';
import { loadSources, withoutRaw } from '../../ingest/load.ts';
import { analyzeDocumentsParallel, CORPUS_RULES_ROUND } from '../../ingest/parallel.ts';
import { isHandEdited } from '../../notes/fingerprint.ts';
import type { BriefingNotes } from '../../notes/model.ts';
import { validateNotes } from '../../notes/schema.ts';
import { handoutThread } from '../../render/handout/thread.ts';
import { backup } from '../files.ts';
import { collectGarbage, LARGE_CORPUS_CHARS, limitHeapGrowth } from '../heap-growth.ts';
import type { Reporter } from '../report.ts';
import { handoutJob, type RenderPaths } from './handout-job.ts';
import type { PendingOutput } from './render.ts';

export interface BuildOptions extends RenderPaths {
  inputs: string[];
  notes: string;
  redraft: boolean;
  title?: string;
  date?: string;
}

export async function buildCommand(opts: BuildOptions, rep: Reporter): Promise<number> {
  // The sources, their analyses and the notes stage's caches are gone (out of scope) before the deck and handout are made.
  const { notes, drafted, large, keptAs } = await readAndDraft(opts, rep);
  // Collected now that they are: else their heap is only reused, and the deck and handout add to it. For a large
  // corpus before the handout's thread takes memory of its own (the two would add up to the build's peak); else
  // once the handout has started, off its path.
  if (large) collectGarbage();
  // The handout first: its layouts (on its own thread) are the longest of what is left, so the notes' files, the
  // collection and the deck, its modules loaded only now (and the notes reader's), are made while Typst runs.
  const thread = handoutThread();
  try {
    const handout = thread.render(...handoutJob(notes, opts));
    // Awaited below; should anything here fail first, the thread is closed and its answer not wanted.
    handout.catch(() => undefined);
    if (!large) collectGarbage();
    const { stringifyNotes } = await import('../../notes/markdown.ts');
    const outputs: PendingOutput[] = drafted ? [{ file: opts.notes, data: stringifyNotes(notes, { drafted: true }), recorded: false }] : [];
    const jsonFile = opts.notes.replace(/\.md$/, '') + '.json';
    outputs.push({ file: jsonFile, data: `${JSON.stringify(notes, null, 2)}\n`, recorded: false });
    const { commitOutputs, prepareDeck, prepareHandout } = await import('./render.ts');
    outputs.push(prepareDeck(notes, opts, rep), await prepareHandout(notes, opts, rep, handout));
    // The backup is made only now, when the new draft is sure to replace the edited file.
    if (keptAs) rep.info(`kept your edited notes as ${keptAs()}`);
    commitOutputs(outputs, rep);
  } finally {
    thread.close();
  }
  return 0;
}

/** Read the sources, then draft the notes from them (or take the notes file edited by hand). */
async function readAndDraft(opts: BuildOptions, rep: Reporter): Promise<{ notes: BriefingNotes; drafted: boolean; large: boolean; keptAs: (() => string) | null }> {
  rep.stage('read');
  const loaded = await loadSources(opts.inputs, { onFile: (done, total, file) => rep.fileRead(done, total, file) });
  rep.diagnostics(loaded.diagnostics);
  rep.info(`read ${loaded.docs.length} source${loaded.docs.length === 1 ? '' : 's'} from ${opts.inputs.join(', ')}`);
  const existing = fs.existsSync(opts.notes) ? fs.readFileSync(opts.notes, 'utf8') : null;
  if (existing !== null && isHandEdited(existing) && !opts.redraft) {
    rep.info(`${opts.notes} was edited by hand since it was drafted: building from it (use --redraft for a fresh draft)`);
    const { readNotesFile } = await import('./render.ts');
    return { notes: readNotesFile(opts.notes), drafted: false, large: false, keptAs: null };
  }
  const keptAs = existing !== null && isHandEdited(existing) ? () => backup(opts.notes) : null;
  // Nothing from here on reads the files' original texts: only the cleaned ones are kept.
  const docs = loaded.docs.map(withoutRaw);
  loaded.docs = [];
  // Before extraction: a large corpus's extraction and notes would otherwise let garbage pile up to 4× what they keep.
  // V8 reads the setting at a full collection, and the last one (while reading) may have set a limit up to 4× past its live set: collect now.
  const large = docs.reduce((sum, d) => sum + d.text.length, 0) >= LARGE_CORPUS_CHARS;
  if (large) { limitHeapGrowth(); collectGarbage(); }
  rep.stage('extract');
  // On workers, the corpus-wide rules' name candidates, date clues and matches (~250 MB at 10,000 articles) are garbage
  // after their round: collected then, else the heap's limit, set while they were live, holds through the last round.
  const onRound = large ? (round: string) => { if (round === CORPUS_RULES_ROUND) collectGarbage(); } : undefined;
  const analyses = await analyzeDocumentsParallel(docs, { defaultDate: opts.date ?? null, onRound }); // on several cores when there are many sources
  rep.stage('notes');
  const notes = buildNotes(docs, analyses, { inputs: opts.inputs, title: opts.title });
  const problems = validateNotes(notes);
  if (problems.length) throw new BriefingError('INTERNAL', 'the drafted notes failed validation (a bug: please report it)', { diagnostics: problems });
  return { notes, drafted: true, large, keptAs };
}
