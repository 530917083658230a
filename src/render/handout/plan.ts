// What the handout gives up, in order, to fit one page: the least missed content goes first.
import type { BriefingNotes } from '../../notes/model.ts';
import { CITES_SHOWN } from '../cites-shown.ts';

/** Sections whose items the fit loop may drop; the bottom line is never dropped. */
export type TrimmableSection = 'keyPoints' | 'discrepancies' | 'figures' | 'actors' | 'timeline';

/** `full`: one line per source with its title; `compact`: no titles, three to a row; `cited`: compact, and only the sources the kept items cite. */
export type SourcesMode = 'full' | 'compact' | 'cited';

/** One state of the fit loop: how much of each section the handout shows. */
export interface Selection {
  /** Items kept per section, counted along that section's priority order (see `priorityOrder`). */
  keep: Record<TrimmableSection, number>;
  sources: SourcesMode;
}

type Round = { trim: ReadonlyArray<readonly [TrimmableSection, number]> } | { sources: SourcesMode };

/**
 * Rounds of cuts. Within a round the sections are cut one item at a time in the order listed, so
 * every section loses its tail before any section is emptied. The full chronology and cast list
 * live in the notes, so their tails go first; key points are the handout's reason to exist and go
 * last but one; sources are only compacted, since every citation on the page must resolve.
 */
const DROP_ROUNDS: readonly Round[] = [
  { trim: [['timeline', 10], ['actors', 8], ['figures', 4], ['discrepancies', 3], ['keyPoints', 8]] },
  { trim: [['timeline', 5], ['actors', 4], ['figures', 2], ['discrepancies', 2], ['keyPoints', 5]] },
  { trim: [['timeline', 0], ['figures', 0], ['actors', 2], ['discrepancies', 1]] },
  { trim: [['actors', 0], ['discrepancies', 0], ['keyPoints', 3]] },
  { sources: 'compact' },
  { trim: [['keyPoints', 1]] },
  { sources: 'cited' },
];

/** The handout's name for each section, as `OmittedItem.section` reports it. */
export const SECTION_LABELS: Record<TrimmableSection, string> = {
  keyPoints: 'Key points',
  discrepancies: 'Discrepancies',
  figures: 'Figures',
  actors: 'Actors',
  timeline: 'Timeline',
};

function sectionItems(notes: BriefingNotes, section: TrimmableSection): readonly unknown[] {
  return notes[section];
}

/**
 * Indices of a section's items, most worth keeping first. Ranked sections keep their rank. The
 * timeline is sorted by date, not by importance: it keeps the events more sources report, then the
 * most recent ones (an as-of briefing is read for what happened last).
 */
export function priorityOrder(notes: BriefingNotes, section: TrimmableSection): number[] {
  const indices = sectionItems(notes, section).map((_, i) => i);
  if (section !== 'timeline') return indices;
  const events = notes.timeline;
  return indices.sort((a, b) => {
    const ea = events[a]!;
    const eb = events[b]!;
    return eb.cites.length - ea.cites.length || (ea.date < eb.date ? 1 : ea.date > eb.date ? -1 : 0) || b - a;
  });
}

/**
 * Past this many sources the full list (a line or two each) would take a good part of the page,
 * so it is compacted right after the first round of cuts instead of once the key points are down
 * to three: the titles are in the notes, and the page is better spent on the key points.
 */
export const MANY_SOURCES = 8;

/**
 * Past this many sources even the compact list (three to a row) would fill the page, so right after the first
 * round of cuts the page lists only the sources its items cite: else the fit search cut the key points to one to
 * make room for a list it then cut anyway (a 327-source folder's handout was one key point and blank space).
 */
export const TOO_MANY_TO_LIST = 60;

function roundsFor(notes: BriefingNotes): readonly Round[] {
  if (notes.sources.length <= MANY_SOURCES) return DROP_ROUNDS;
  if (notes.sources.length > TOO_MANY_TO_LIST) {
    const cuts = DROP_ROUNDS.filter((r) => !('sources' in r));
    return [cuts[0]!, { sources: 'cited' }, ...cuts.slice(1)];
  }
  const rest = DROP_ROUNDS.filter((r) => !('sources' in r && r.sources === 'compact'));
  return [rest[0]!, { sources: 'compact' }, ...rest.slice(1)];
}

/** Every state of the fit loop, from everything shown (index 0) to the least the handout can be. */
export function dropSteps(notes: BriefingNotes): Selection[] {
  let current: Selection = {
    keep: {
      keyPoints: notes.keyPoints.length,
      discrepancies: notes.discrepancies.length,
      figures: notes.figures.length,
      actors: notes.actors.length,
      timeline: notes.timeline.length,
    },
    sources: 'full',
  };
  const steps: Selection[] = [current];
  for (const round of roundsFor(notes)) {
    if ('sources' in round) {
      current = { keep: current.keep, sources: round.sources };
      steps.push(current);
      continue;
    }
    for (const [section, cap] of round.trim) {
      while (current.keep[section] > cap) {
        current = { keep: { ...current.keep, [section]: current.keep[section] - 1 }, sources: current.sources };
        steps.push(current);
      }
    }
  }
  return steps;
}

/** Characters an item costs beyond its text: its share of a part-filled last line and the gap after it. */
const ITEM_OVERHEAD = 40;

/** How many entries a cite list takes on the page (see CITES_SHOWN). */
const citesOnPage = (cites: readonly string[]) => Math.min(cites.length, CITES_SHOWN);

const claimWeight = (c: { text: string; cites: readonly string[] }) => c.text.length + 4 * citesOnPage(c.cites) + ITEM_OVERHEAD;

/**
 * Roughly how much text each step of `steps` puts on the page, in characters: the scale on which the
 * fit search (fit.ts) interpolates how far to cut. Only its order and rough proportions matter.
 */
export function contentWeights(notes: BriefingNotes, steps: readonly Selection[]): number[] {
  const itemWeights: Record<TrimmableSection, number[]> = {
    keyPoints: notes.keyPoints.map(claimWeight),
    discrepancies: notes.discrepancies.map(claimWeight),
    figures: notes.figures.map((f) => claimWeight(f) + f.figure.length),
    actors: notes.actors.map((a) => a.name.length + a.description.length + 4 * citesOnPage(a.cites) + ITEM_OVERHEAD),
    timeline: notes.timeline.map((e) => claimWeight(e) + e.date.length),
  };
  // Running totals along each section's priority order: keeping n items costs prefix[n].
  const prefix = Object.fromEntries(
    (Object.keys(itemWeights) as TrimmableSection[]).map((section) => {
      const sums = [0];
      for (const i of priorityOrder(notes, section)) sums.push(sums.at(-1)! + itemWeights[section][i]!);
      return [section, sums];
    }),
  ) as Record<TrimmableSection, number[]>;
  const fixed = notes.title.length + notes.subtitle.length + notes.bottomLine.reduce((n, c) => n + claimWeight(c), 0);
  const compactSources = notes.sources.length * ITEM_OVERHEAD;
  const fullSources = notes.sources.reduce((n, s) => n + s.title.length + s.outlet.length + 2 * ITEM_OVERHEAD, 0);
  return steps.map((step) => {
    const shown = (Object.keys(prefix) as TrimmableSection[]).reduce((n, section) => n + prefix[section][step.keep[section]]!, 0);
    return fixed + shown + (step.sources === 'full' ? fullSources : compactSources);
  });
}
