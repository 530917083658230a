// `briefing render NOTES.md`: notes → deck + one-page PDF (the analyst's edit loop), and the same
// step for `build`. A deck edited by hand is not overwritten: the new one goes beside it.

import fs from 'node:fs';
import path from 'node:path';
import { BriefingError } from '../../errors.ts';
import type { BriefingNotes } from '../../notes/model.ts';
import { parseNotes } from '../../notes/markdown.ts';
import { renderHandout } from '../../render/handout/index.ts';
import { renderSlides } from '../../render/slides/index.ts';
import { installTheme } from '../../render/slides/theme-files.ts';
import { WrittenRecord } from '../files.ts';
import type { Output } from '../output.ts';

export interface RenderPaths {
  deck: string;
  handout: string;
  paper: 'us-letter' | 'a4';
}

/** Write the deck and the handout for `notes`; returns the paths written. */
export async function renderOutputs(notes: BriefingNotes, paths: RenderPaths, out: Output): Promise<string[]> {
  const written: string[] = [];
  const deckRecord = new WrittenRecord(path.dirname(paths.deck));
  let deckPath = paths.deck;
  if (deckRecord.editedByHand(deckPath)) {
    deckPath = deckPath.replace(/\.md$/, '') + '.generated.md';
    out.info(`${paths.deck} was edited by hand: left as it is; the new deck is ${deckPath}`);
  }
  deckRecord.write(deckPath, renderSlides(notes));
  // The deck names its theme as `./theme`: a deck written outside slides/ gets a copy beside it.
  installTheme(path.dirname(deckPath));
  written.push(deckPath);

  const handout = await renderHandout(notes, { paper: paths.paper });
  fs.mkdirSync(path.dirname(paths.handout), { recursive: true });
  new WrittenRecord(path.dirname(paths.handout)).write(paths.handout, handout.pdf);
  written.push(paths.handout);
  if (handout.omitted.length) {
    out.info(`${paths.handout}: to fit one page at ${handout.fontSize} pt, left out ${handout.omitted.length} item(s):`);
    for (const o of handout.omitted) out.info(`  - ${o.section}: ${o.text.length > 90 ? `${o.text.slice(0, 89)}…` : o.text}`);
  } else {
    out.info(`${paths.handout}: one page at ${handout.fontSize} pt, nothing left out`);
  }
  return written;
}

/** Read and parse a notes file, with line-numbered errors when it is malformed. */
export function readNotesFile(file: string): BriefingNotes {
  if (!fs.existsSync(file)) throw new BriefingError('INPUT_MISSING', `notes file not found: ${file}`, { hint: 'run `briefing build` first, or name an existing notes file' });
  return parseNotes(fs.readFileSync(file, 'utf8'), file);
}

export async function renderCommand(notesFile: string, paths: RenderPaths, out: Output): Promise<number> {
  const notes = readNotesFile(notesFile);
  const written = await renderOutputs(notes, paths, out);
  for (const w of written) out.info(`wrote ${w}`);
  return 0;
}
