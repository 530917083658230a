// `briefing export` and `briefing present`: the deck through Slidev with the system Chromium, and
// the speaker-notes handout through Typst (no browser).

import fs from 'node:fs';
import path from 'node:path';
import { BriefingError } from '../../errors.ts';
import { renderNotesHandout } from '../../render/handout/notes-handout.ts';
import { deckNotes } from '../../render/handout/speaker-notes.ts';
import { exportDeck, presentDeck, requireChromium, type BrowserFormat } from '../../render/slides/slidev.ts';
import { writeFileAtomic } from '../files.ts';
import type { Output } from '../output.ts';

/** `notes` is the speaker-notes handout; the others are the slides themselves. */
export type ExportFormat = BrowserFormat | 'notes';

export const EXPORT_FORMATS: readonly ExportFormat[] = ['pdf', 'pptx', 'png', 'notes'];

/** Where each format goes unless `--output` says otherwise (png: a folder of one image per slide). */
export const DEFAULT_EXPORT_OUTPUT: Record<ExportFormat, string> = {
  pdf: 'out/deck.pdf',
  pptx: 'out/deck.pptx',
  png: 'out/deck',
  notes: 'out/deck-notes.pdf',
};

function requireDeck(deck: string): void {
  if (!fs.existsSync(deck)) throw new BriefingError('INPUT_MISSING', `deck not found: ${deck}`, { hint: 'run `briefing build` (or `briefing render NOTES.md`) first' });
}

export interface ExportCommandOptions {
  format: ExportFormat;
  output?: string;
  /** Paper for the notes handout; the slides keep the deck's own size. */
  paper?: 'us-letter' | 'a4';
}

export async function exportCommand(deck: string, options: ExportCommandOptions, out: Output): Promise<number> {
  requireDeck(deck);
  const target = options.output ?? DEFAULT_EXPORT_OUTPUT[options.format];
  if (options.format === 'notes') {
    const notes = deckNotes(fs.readFileSync(deck, 'utf8'), deck);
    const file = target.toLowerCase().endsWith('.pdf') ? target : `${target}.pdf`;
    const { pdf, pages } = renderNotesHandout(notes, { paper: options.paper });
    writeFileAtomic(file, pdf);
    out.info(`wrote ${file}: speaker notes for ${notes.slides.length} slides on ${pages} ${pages === 1 ? 'page' : 'pages'}`);
    return 0;
  }
  // Before the progress line, so that a missing browser is the only thing said.
  const chromium = requireChromium();
  out.info(`exporting ${deck} to ${target} with ${chromium} (this takes a while)…`);
  const result = await exportDeck(deck, { format: options.format, output: target });
  const shown = path.relative(process.cwd(), result.output) || result.output;
  const what = options.format === 'png' ? `, ${result.files.length} images` : options.format === 'pdf' ? ', with an outline' : ', with speaker notes';
  out.info(`wrote ${shown}${what}`);
  for (const warning of result.warnings) out.info(`warning: ${warning}`);
  return 0;
}

export async function presentCommand(deck: string, port: number | undefined): Promise<number> {
  requireDeck(deck);
  return presentDeck(deck, { port });
}
