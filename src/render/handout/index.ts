// The one-page PDF handout: BriefingNotes → PDF bytes, made to fit one page by shrinking the type
// and then leaving out the least important items. Pure apart from the Typst compiler: no files.
import { BriefingError } from '../../errors.ts';
import type { BriefingNotes } from '../../notes/model.ts';
import { layout, metadataValues, toPdf, trimCache } from './compiler.ts';
import { withoutRepeats } from './dedupe.ts';
import { buildPayload, type HandoutData, type OmittedItem } from './payload.ts';
import { dropSteps, type Selection } from './plan.ts';

export type { OmittedItem } from './payload.ts';

export interface HandoutOptions {
  /** Paper size; US Letter unless given. */
  paper?: 'us-letter' | 'a4';
}

export interface HandoutResult {
  /** The PDF: one page. */
  pdf: Uint8Array;
  /** Base font size used, in points (8–10.5). */
  fontSize: number;
  /** What was left out or shortened to fit, by section (key points, discrepancies, figures, actors, timeline, sources); empty when everything fits. */
  omitted: OmittedItem[];
  /** Page count of `pdf`: always 1. */
  pages: number;
  /**
   * Share of the page's text height left blank between the body and the source list, as laid out
   * (0 when the body runs down to the sources). The fit loop grows the type to keep it small.
   */
  blank: number;
}

/**
 * Largest and smallest base font size, in points, and the step between sizes tried. `grow` is the
 * largest a short briefing's type is set, to use the whole page rather than leave its foot blank.
 */
const FONT_SIZES = { max: 10.5, min: 8, step: 0.25, grow: 16 } as const;
/**
 * The size used once items must be dropped anyway: the page is already a selection, so it stays
 * readable at arm's length rather than packing in a few more low-ranked items at 8 pt. 8 pt is
 * still tried before the least the handout can be is shortened.
 */
const DROP_FONT_SIZE = 9;
/**
 * Longest string shown, in characters: in full first, then shorter and shorter, only when even the
 * least content does not fit (an absurd title, a key point pages long).
 */
const SHORTEN_TO = [null, 320, 160, 80, 40] as const;

interface Attempt {
  step: number;
  fits: boolean;
  data: HandoutData;
  omitted: OmittedItem[];
  doc: ReturnType<typeof layout>;
}

/** Render `notes` as a one-page PDF handout. Throws `HANDOUT_OVERFLOW` only if nothing fits. */
export async function renderHandout(notes: BriefingNotes, options: HandoutOptions = {}): Promise<HandoutResult> {
  const paper = options.paper ?? 'us-letter';
  // Each sentence once on the page (see dedupe.ts); what is cut to fit is counted from there.
  notes = withoutRepeats(notes);
  const steps = dropSteps(notes);
  const last = steps.length - 1;

  try {
    for (const maxChars of SHORTEN_TO) {
      const attempt: Try = (step, fontSize) => {
        const { data, omitted } = buildPayload(notes, steps[step] as Selection, { paper, fontSize, maxChars });
        const doc = layout(data);
        return { step, fits: doc.numOfPages === 1, data, omitted, doc };
      };
      const fitted = fitFontSize(attempt) ?? fitByDropping(attempt, last);
      if (fitted) {
        const chosen = grow(attempt, fitted);
        return { pdf: toPdf(chosen.doc), fontSize: chosen.data.fontSize, omitted: chosen.omitted, pages: chosen.doc.numOfPages, blank: blankShare(chosen, paper) };
      }
    }
    throw new BriefingError('HANDOUT_OVERFLOW', 'the handout does not fit on one page even with every optional item left out and all text shortened', {
      hint: 'shorten the title and the bottom line in the notes file, or reduce the number of sources',
    });
  } finally {
    trimCache();
  }
}

type Try = (step: number, fontSize: number) => Attempt;

/**
 * The same content at the largest size that still fits one page: up to `grow` points when
 * everything is shown, up to the largest regular size when items had to go (the next item did not
 * fit, but the room it left is better given to larger type than left blank).
 */
function grow(attempt: Try, fitted: Attempt): Attempt {
  const cap = fitted.step === 0 ? FONT_SIZES.grow : FONT_SIZES.max;
  let best = fitted;
  let lo = 0;
  let hi = Math.round((cap - fitted.data.fontSize) / FONT_SIZES.step) + 1;
  // Sizes as steps above the fitted size: lo fits, hi does not (cap + one step is never tried).
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    const a = attempt(fitted.step, fitted.data.fontSize + mid * FONT_SIZES.step);
    if (a.fits) [lo, best] = [mid, a];
    else hi = mid;
  }
  return best;
}

/** Page heights and the template's vertical margins, in points (template.typ: 0.55in top, 0.65in bottom). */
const PAGE_HEIGHT = { 'us-letter': 792, a4: 841.89 } as const;
const MARGIN = { top: 39.6, bottom: 46.8 };

/** Share of the text height left blank between the end of the body and the top of the sources (or the foot). */
function blankShare(a: Attempt, paper: HandoutOptions['paper'] & string): number {
  const height = PAGE_HEIGHT[paper] - MARGIN.top - MARGIN.bottom;
  const [bodyEnd] = metadataValues(a.doc, 'body-end').map(Number);
  const [sourcesTop] = metadataValues(a.doc, 'sources-top').map(Number);
  if (bodyEnd === undefined || Number.isNaN(bodyEnd)) return 0;
  // The sources float keeps 1.1 em clear above it; that space is the design's, not blank.
  const foot = sourcesTop === undefined || Number.isNaN(sourcesTop) ? PAGE_HEIGHT[paper] - MARGIN.bottom : sourcesTop - 1.1 * a.data.fontSize;
  return Math.max(0, foot - bodyEnd) / height;
}

/** Everything shown, at the largest size that fits (binary search over the size steps). */
function fitFontSize(attempt: Try): Attempt | null {
  const top = attempt(0, FONT_SIZES.max);
  if (top.fits) return top;
  // Three pages or more at the largest size is over two pages of text; at the smallest size type
  // takes (8/10.5)² ≈ 0.58 of the room, still more than a page. Laying out that much is the
  // slowest step of all, so skip it.
  if (top.doc.numOfPages >= 3) return null;
  let best = attempt(0, FONT_SIZES.min);
  if (!best.fits) return null;
  // Sizes as whole steps above the minimum: lo fits, hi does not.
  let lo = 0;
  let hi = Math.round((FONT_SIZES.max - FONT_SIZES.min) / FONT_SIZES.step);
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    const a = attempt(0, FONT_SIZES.min + mid * FONT_SIZES.step);
    if (a.fits) [lo, best] = [mid, a];
    else hi = mid;
  }
  return best;
}

/**
 * The fewest drops that fit, at the drop size, else at the minimum size. The search gallops from
 * the least-content end (1, 2, 4… steps back) and then bisects: layouts of little content are
 * cheap, while one of a long briefing in full can take half a second.
 */
function fitByDropping(attempt: Try, last: number): Attempt | null {
  for (const fontSize of [DROP_FONT_SIZE, FONT_SIZES.min]) {
    let best = attempt(last, fontSize);
    if (!best.fits) continue;
    // Step 0 did not fit even at the minimum size. Invariant: lo does not fit, hi fits.
    let lo = 0;
    let hi = last;
    for (let back = 1; last - back > lo; back *= 2) {
      const a = attempt(last - back, fontSize);
      if (!a.fits) {
        lo = last - back;
        break;
      }
      [hi, best] = [last - back, a];
    }
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      const a = attempt(mid, fontSize);
      if (a.fits) [hi, best] = [mid, a];
      else lo = mid;
    }
    return best;
  }
  return null;
}
