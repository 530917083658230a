// `briefing export` and `briefing present`: the deck through Slidev, with the system Chromium.

import fs from 'node:fs';
import { BriefingError } from '../../errors.ts';
import { exportDeck, presentDeck } from '../../render/slides/slidev.ts';
import type { Output } from '../output.ts';

export type ExportFormat = 'pdf' | 'pptx' | 'png';

function requireDeck(deck: string): void {
  if (!fs.existsSync(deck)) throw new BriefingError('INPUT_MISSING', `deck not found: ${deck}`, { hint: 'run `briefing build` (or `briefing render NOTES.md`) first' });
}

export async function exportCommand(deck: string, format: ExportFormat, output: string | undefined, out: Output): Promise<number> {
  requireDeck(deck);
  const target = output ?? (format === 'png' ? 'out/deck' : `out/deck.${format}`);
  out.info(`exporting ${deck} to ${target} with Chromium…`);
  const result = await exportDeck(deck, { format, output: target });
  out.info(`wrote ${result.output}`);
  return 0;
}

export async function presentCommand(deck: string, port: number | undefined): Promise<number> {
  requireDeck(deck);
  return presentDeck(deck, { port });
}
