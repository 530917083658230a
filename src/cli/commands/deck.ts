// `briefing export` and `briefing present`: the deck through Slidev with the system Chromium, the
// speaker-notes handout through Typst, and the editable PPTX from the notes (the last two: no browser).

import fs from 'node:fs';
import path from 'node:path';
import { BriefingError } from '../../errors.ts';
import { renderNotesHandout } from '../../render/handout/notes-handout.ts';
import { deckNotes } from '../../render/handout/speaker-notes.ts';
import { renderPptx } from '../../render/pptx/index.ts';
import { exportDeck, presentDeck, requireChromium, type BrowserFormat } from '../../render/slides/slidev.ts';
import { refreshTheme } from '../../render/slides/theme-files.ts';
import { writeFileAtomic } from '../files.ts';
import type { Output } from '../output.ts';
import { readNotesFile } from './render.ts';

/**
 * `notes` is the speaker-notes handout; `pptx` the editable PowerPoint made from the notes file;
 * `pptx-images` Slidev's PowerPoint of slide pictures; `pdf` and `png` the Slidev slides.
 */
export type ExportFormat = 'pdf' | 'pptx' | 'pptx-images' | 'png' | 'notes';

export const EXPORT_FORMATS: readonly ExportFormat[] = ['pdf', 'pptx', 'pptx-images', 'png', 'notes'];

/** Where each format goes unless `--output` says otherwise (png: a folder of one image per slide). */
export const DEFAULT_EXPORT_OUTPUT: Record<ExportFormat, string> = {
  pdf: 'out/deck.pdf',
  pptx: 'out/deck.pptx',
  'pptx-images': 'out/deck-images.pptx',
  png: 'out/deck',
  notes: 'out/deck-notes.pdf',
};

function requireDeck(deck: string): void {
  if (!fs.existsSync(deck)) throw new BriefingError('INPUT_MISSING', `deck not found: ${deck}`, { hint: 'run `briefing build` (or `briefing render NOTES.md`) first' });
}

export interface ExportCommandOptions {
  format: ExportFormat;
  output?: string;
  /** The notes file the editable PPTX is made from. */
  notes: string;
  /** Paper for the notes handout; the slides keep the deck's own size. */
  paper?: 'us-letter' | 'a4';
}

export async function exportCommand(deck: string, options: ExportCommandOptions, out: Output): Promise<number> {
  const target = options.output ?? DEFAULT_EXPORT_OUTPUT[options.format];
  if (options.format === 'pptx') return exportPptx(options.notes, target, out);
  requireDeck(deck);
  if (options.format === 'notes') {
    const notes = deckNotes(fs.readFileSync(deck, 'utf8'), deck);
    const file = target.toLowerCase().endsWith('.pdf') ? target : `${target}.pdf`;
    const { pdf, pages } = renderNotesHandout(notes, { paper: options.paper });
    writeFileAtomic(file, pdf);
    out.info(`wrote ${file}: speaker notes for ${notes.slides.length} slides on ${pages} ${pages === 1 ? 'page' : 'pages'}`);
    return 0;
  }
  refreshTheme(deck);
  // Before the progress line, so that a missing browser is the only thing said.
  const chromium = requireChromium();
  const format: BrowserFormat = options.format === 'pptx-images' ? 'pptx' : options.format;
  out.info(`exporting ${deck} to ${target} with ${chromium} (this takes a while)…`);
  const result = await exportDeck(deck, { format, output: target });
  const shown = path.relative(process.cwd(), result.output) || result.output;
  const what = format === 'png' ? `, ${result.files.length} images` : format === 'pdf' ? ', with an outline' : ', pictures of the slides with speaker notes';
  out.info(`wrote ${shown}${what}`);
  for (const warning of result.warnings) out.info(`warning: ${warning}`);
  return 0;
}

/** The editable PPTX, from the notes file: no browser. */
async function exportPptx(notesFile: string, target: string, out: Output): Promise<number> {
  const notes = readNotesFile(notesFile);
  const file = target.toLowerCase().endsWith('.pptx') ? target : `${target}.pptx`;
  const { pptx, slides, map } = await renderPptx(notes);
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  writeFileAtomic(file, pptx);
  out.info(`wrote ${file}: ${slides.length} editable slides with speaker notes, from ${notesFile}`);
  if (map.unlocated.length) out.info(`map: not located (listed on the map slide, not drawn): ${map.unlocated.join(', ')}`);
  return 0;
}

export async function presentCommand(deck: string, port: number | undefined): Promise<number> {
  requireDeck(deck);
  return presentDeck(deck, { port });
}
