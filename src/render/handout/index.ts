// The one-page PDF handout: BriefingNotes → PDF bytes, made to fit one page by sizing the type and
// then leaving out the least important items (the search is fit.ts), with a small map when there is
// room. Pure apart from the Typst compiler: no files.
import { BriefingError } from '../../errors.ts';
import type { BriefingNotes } from '../../notes/model.ts';
import { layout, metadataValues, toPdf, trimCache } from './compiler.ts';
import { withoutRepeats } from './dedupe.ts';
import { asFitRecord, fitKeys, fitRecord, type FitRecord } from './fit-cache.ts';
import { fewestCuts, largestSize, SIZE_GRID, type Probe, type ProbeAt } from './fit.ts';
import type { HandoutMap } from './map.ts';
import { buildPayload, type HandoutData, type OmittedItem } from './payload.ts';
import { contentWeights, dropSteps, type Selection } from './plan.ts';

export type { OmittedItem } from './payload.ts';
export { asFitRecord, type FitRecord } from './fit-cache.ts';

export interface HandoutOptions {
  /** Paper size; US Letter unless given. */
  paper?: 'us-letter' | 'a4';
  /**
   * A previous search's answer (`HandoutResult.fit`, e.g. kept in a file beside the PDF; any value,
   * checked): the search starts from it, so it makes fewer layouts, never a different page. Left
   * out, this process's last answer is used; null searches from scratch.
   */
  fit?: unknown;
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
  /** Whether the page shows the map (only when everything else fits at the regular size with it). */
  map: boolean;
  /** Typst layouts the fit search made (each costs tens of milliseconds): for benchmarks. */
  layouts: number;
  /** This search's answer, to give the next render as `fit`. */
  fit: FitRecord;
}

/**
 * Largest and smallest base font size, in points. `grow` is the largest a short briefing's type is
 * set, to use the whole page rather than leave its foot blank.
 */
const FONT_SIZES = { max: 10.5, min: 8, grow: 16 } as const;
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

interface Attempt extends Probe {
  data: HandoutData;
  omitted: OmittedItem[];
  /** Null when the page was not laid out: it surely runs over three pages (see surelyOverThreePages). */
  doc: ReturnType<typeof layout> | null;
  pages: number;
}

/** Page heights and the template's vertical margins, in points (template.typ: 0.55in top, 0.65in bottom). */
const PAGE_HEIGHT = { 'us-letter': 792, a4: 841.89 } as const;
const MARGIN = { top: 39.6, bottom: 46.8 };

/**
 * The least height of one body unit (template.typ: a key point, a timeline event…), in em: a unit
 * holds at least one line of text, whose line box with the 0.5 em leading is over 1 em tall; half
 * that leaves a wide margin for any font.
 */
const MIN_UNIT_EM = 0.5;

/**
 * Whether the body's units, each at least MIN_UNIT_EM tall, split between two columns, and the
 * source list below them (template.typ: three entries a row when compact, else two, or one for up
 * to three sources) would fill more than three pages' text height. Such a page (all of a large
 * corpus's notes, or its 10,000 sources) cannot fit and is only ever read as "three pages or more"
 * (fitPage's hopeless); laying it out would cost most of a build's memory (a 90-page layout takes
 * Typst about 700 MB) and seconds (10,000 sources: 3.6 s), so it is not laid out.
 */
function surelyOverThreePages(data: HandoutData, paper: HandoutOptions['paper'] & string): boolean {
  const units = data.keyPoints.length + data.trends.length + data.discrepancies.length + data.actors.length + data.timeline.length;
  const sourceColumns = data.sourcesCompact ? 3 : data.sources.length > 3 ? 2 : 1;
  const rows = units / 2 + Math.ceil(data.sources.length / sourceColumns);
  const textHeight = PAGE_HEIGHT[paper] - MARGIN.top - MARGIN.bottom;
  return rows * MIN_UNIT_EM * data.fontSize > 3 * textHeight;
}

/** This process's last search answer: a `dev` session's next edit starts from it. */
let lastFit: FitRecord | null = null;

/** Render `notes` as a one-page PDF handout. Throws `HANDOUT_OVERFLOW` only if nothing fits. */
export async function renderHandout(notes: BriefingNotes, options: HandoutOptions = {}): Promise<HandoutResult> {
  const paper = options.paper ?? 'us-letter';
  // Each sentence once on the page (see dedupe.ts); what is cut to fit is counted from there.
  notes = withoutRepeats(notes);
  const steps = dropSteps(notes);
  const weights = contentWeights(notes, steps);
  const keys = fitKeys(notes, paper);
  const hint = usableHint(options.fit === undefined ? [lastFit] : [options.fit, lastFit], keys, steps.length);
  // Drawn only when the page has room for it: drawing the world costs about as much as a layout.
  let map: HandoutMap | null | undefined;
  const drawMap = async () => (map === undefined ? (map = (await import('./map.ts')).handoutMap(notes)) : map);
  let layouts = 0;

  try {
    // Layouts already made, by shortening round, map, cut and size: a guess never lays a page out twice.
    const made = SHORTEN_TO.map(() => new Map<string, Attempt>());
    const prober = (round: number, withMap: HandoutMap | null): ProbeAt<Attempt> => (step, fontSize) => {
      const key = `${withMap ? 'map' : 'plain'} ${step} ${fontSize}`;
      let a = made[round]!.get(key);
      if (!a) {
        const { data, omitted } = buildPayload(notes, steps[step] as Selection, { paper, fontSize, maxChars: SHORTEN_TO[round]!, map: withMap?.key ?? null });
        if (surelyOverThreePages(data, paper)) {
          a = { step, size: fontSize, fits: false, fill: Number.NaN, data, omitted, doc: null, pages: Number.POSITIVE_INFINITY };
        } else {
          const doc = layout(data, 'template.typ', withMap ? { map: withMap.svg } : {});
          layouts++;
          a = { step, size: fontSize, fits: doc.numOfPages === 1, fill: measuredFill(doc, paper, fontSize), data, omitted, doc, pages: doc.numOfPages };
        }
        made[round]!.set(key, a);
      }
      return a;
    };
    const finish = (chosen: Attempt & { doc: NonNullable<Attempt['doc']> }, round: number): HandoutResult => {
      const fit = fitRecord(keys, { shorten: round, map: chosen.data.map !== null, step: chosen.step, size: chosen.size });
      lastFit = fit;
      return {
        pdf: toPdf(chosen.doc),
        fontSize: chosen.data.fontSize,
        omitted: chosen.omitted,
        pages: chosen.pages,
        blank: blankShare(chosen.doc, chosen.data.fontSize, paper),
        map: chosen.data.map !== null,
        layouts,
        fit,
      };
    };

    // The same notes, template, code and paper as the hint's search: its answer is this search's
    // answer (the search is deterministic), so that page alone is laid out, and checked to fit;
    // should it not, the search runs from the start.
    if (hint?.key === keys.key && hint.shorten < SHORTEN_TO.length) {
      const withMap = hint.map ? await drawMap() : null;
      const again = hint.map ? (withMap ? prober(hint.shorten, withMap)(hint.step, hint.size) : null) : prober(hint.shorten, null)(hint.step, hint.size);
      if (again?.fits && again.doc) return finish({ ...again, doc: again.doc }, hint.shorten);
    }
    for (const [round, maxChars] of SHORTEN_TO.entries()) {
      const plain = prober(round, null);
      let chosen: Attempt | null = null;
      // Another version of the notes: the last answer is a first guess (text in full only), that
      // the searches' brackets then confirm or correct.
      const guess = hint && hint.key !== keys.key && round === 0 && hint.shorten === 0 ? hint : null;
      // The map only where it costs nothing else: everything shown, at the regular size at least.
      if (maxChars === null && plain(0, FONT_SIZES.max).fits) {
        const drawn = await drawMap();
        const withMap = drawn ? prober(round, drawn) : null;
        if (withMap?.(0, FONT_SIZES.max).fits) {
          const near = guess?.map ? guessed(withMap, guess, 0, FONT_SIZES.max, FONT_SIZES.grow) : [];
          chosen = largestSize(withMap, 0, FONT_SIZES.max, FONT_SIZES.grow, [withMap(0, FONT_SIZES.max), ...near]);
        }
      }
      chosen ??= fitPage(plain, steps.length - 1, weights, guess?.map ? null : guess);
      // A chosen page fits, so it was laid out.
      if (chosen?.doc) return finish({ ...chosen, doc: chosen.doc }, round);
    }
    throw new BriefingError('HANDOUT_OVERFLOW', 'the handout does not fit on one page even with every optional item left out and all text shortened', {
      hint: 'shorten the title and the bottom line in the notes file, or reduce the number of sources',
    });
  } finally {
    trimCache();
  }
}

/** The first of `candidates` that is a record (fit-cache.ts) of this template, code and paper, one of the same notes first. */
function usableHint(candidates: readonly unknown[], keys: { context: string; key: string }, steps: number): FitRecord | null {
  const records = candidates.map(asFitRecord).filter((r): r is FitRecord => r !== null && r.context === keys.context && r.step < steps);
  return records.find((r) => r.key === keys.key) ?? records[0] ?? null;
}

/**
 * Layouts of cut `step` at the guessed size and one grid step up, when the guess is of that cut and
 * in [lo, hi]: if the page still fits where it did, these two are the bracket the size search ends on.
 */
function guessed(probe: ProbeAt<Attempt>, guess: { step: number; size: number }, step: number, lo: number, hi: number): Attempt[] {
  if (guess.step !== step || guess.size < lo || guess.size > hi) return [];
  return [guess.size, guess.size + SIZE_GRID].filter((s) => s <= hi).map((s) => probe(step, s));
}

/**
 * Everything at the largest size that fits, up to `grow` points; else the fewest cuts that fit at
 * the drop size (else the minimum), grown to the largest regular size that still fits (the next
 * item did not fit, but the room it left is better given to larger type than left blank).
 * `guess` (a previous answer) only adds layouts the searches take as known: where fitting is
 * monotone they end on the same answer, sooner when the guess is still right.
 */
function fitPage(probe: ProbeAt<Attempt>, last: number, weights: readonly number[], guess: { step: number; size: number } | null = null): Attempt | null {
  const top = probe(0, FONT_SIZES.max);
  if (top.fits) return largestSize(probe, 0, FONT_SIZES.max, FONT_SIZES.grow, [top, ...(guess ? guessed(probe, guess, 0, FONT_SIZES.max, FONT_SIZES.grow) : [])]);
  // A page's fill shrinks at most with the square of the type size (lines get shorter and hold
  // more words); when even that would leave it over full at the minimum size, or three pages at the
  // largest size are over two pages of text, laying everything out again at smaller sizes (the
  // slowest layouts of all) cannot fit, so cutting starts at once.
  const hopeless = top.pages >= 3 || top.fill * (FONT_SIZES.min / FONT_SIZES.max) ** 2 > 1.02;
  const cutGuess = guess && guess.step > 0 && guess.step <= last ? guess : null;
  // A guessed cut says everything did not fit at the minimum size: that one layout ends this search.
  const allKnown = [top, ...(guess ? guessed(probe, guess, 0, FONT_SIZES.min, FONT_SIZES.max - 0.25) : []), ...(cutGuess && !hopeless ? [probe(0, FONT_SIZES.min)] : [])];
  const all = hopeless ? null : largestSize(probe, 0, FONT_SIZES.min, FONT_SIZES.max - 0.25, allKnown);
  if (all) return all;
  for (const fontSize of [DROP_FONT_SIZE, FONT_SIZES.min]) {
    // The guessed cut and the one before it, at the size the cut was made at: the bracket fewestCuts ends on.
    const cutAt = cutGuess && (cutGuess.size >= DROP_FONT_SIZE ? DROP_FONT_SIZE : FONT_SIZES.min) === fontSize ? cutGuess.step : 0;
    const cutKnown = cutAt ? [probe(cutAt, fontSize), ...(cutAt > 1 ? [probe(cutAt - 1, fontSize)] : [])] : [];
    const cut = fewestCuts(probe, fontSize, 0, last, weights, [top, ...cutKnown]);
    if (cut) return largestSize(probe, cut.step, cut.size, FONT_SIZES.max, [cut, ...(guess ? guessed(probe, guess, cut.step, cut.size, FONT_SIZES.max) : [])]);
  }
  return null;
}

/**
 * Content height over the page's text height, as laid out (template.typ): the header down to
 * <body-top>, the taller column as measured (<body-height>, also when it runs over the page), and
 * the sources from <sources-top> to the foot with the 1.1 em kept clear above them.
 */
function measuredFill(doc: ReturnType<typeof layout>, paper: HandoutOptions['paper'] & string, fontSize: number): number {
  const [bodyTop] = metadataValues(doc, 'body-top').map(Number);
  const [body] = metadataValues(doc, 'body-height').map(Number);
  const [sourcesTop] = metadataValues(doc, 'sources-top').map(Number);
  if (bodyTop === undefined || body === undefined) return Number.NaN;
  const foot = PAGE_HEIGHT[paper] - MARGIN.bottom;
  const sources = sourcesTop === undefined ? 0 : foot - sourcesTop + 1.1 * fontSize;
  return (bodyTop - MARGIN.top + body + sources) / (foot - MARGIN.top);
}

/** Share of the text height left blank between the end of the body and the top of the sources (or the foot). */
function blankShare(doc: ReturnType<typeof layout>, fontSize: number, paper: HandoutOptions['paper'] & string): number {
  const height = PAGE_HEIGHT[paper] - MARGIN.top - MARGIN.bottom;
  const [bodyEnd] = metadataValues(doc, 'body-end').map(Number);
  const [sourcesTop] = metadataValues(doc, 'sources-top').map(Number);
  if (bodyEnd === undefined || Number.isNaN(bodyEnd)) return 0;
  // The sources float keeps 1.1 em clear above it; that space is the design's, not blank.
  const foot = sourcesTop === undefined || Number.isNaN(sourcesTop) ? PAGE_HEIGHT[paper] - MARGIN.bottom : sourcesTop - 1.1 * fontSize;
  return Math.max(0, foot - bodyEnd) / height;
}
