// What the handout renderer is asked, for notes written to given paths: a module of its own, light
// (no deck, no notes reader), so that `build` can start the handout as soon as the notes are drafted
// and load the deck's modules while Typst lays the page out (see build.ts).
import fs from 'node:fs';
import path from 'node:path';
import type { BriefingNotes } from '../../notes/model.ts';
import type { HandoutOptions } from '../../render/handout/index.ts';
import { withLimits, type RenderTuning } from '../../render/tuning.ts';

/** Where the outputs go (render.ts's RenderPaths). */
export interface RenderPaths {
  deck: string;
  handout: string;
  paper: 'us-letter' | 'a4';
  tuning?: RenderTuning;
}

/**
 * Where the handout's last fit search answer is kept: a hidden file beside the PDF (the dev watcher
 * and source folders skip hidden files). It makes the next render of the same or edited notes lay
 * the page out fewer times, never differently (render/handout/fit-cache.ts).
 */
export function fitCacheFile(handout: string): string {
  return path.join(path.dirname(handout), `.${path.basename(handout)}.fit.json`);
}

/** The fit record kept beside `handout`, as found (checked by the handout renderer), or undefined. */
function readFitCache(handout: string): unknown {
  try {
    return JSON.parse(fs.readFileSync(fitCacheFile(handout), 'utf8')) as unknown;
  } catch {
    return undefined;
  }
}

/** renderHandout's arguments for `notes` written to `paths`: the notes within their limits, the paper and the kept fit record. */
export function handoutJob(notes: BriefingNotes, paths: RenderPaths): [BriefingNotes, HandoutOptions] {
  return [withLimits(notes, paths.tuning?.sections?.limits), { paper: paths.paper, fit: readFitCache(paths.handout) }];
}
