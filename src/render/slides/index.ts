// The Slidev deck renderer: BriefingNotes → slides.md text. Pure and deterministic: no I/O (but the
// map record's key, which reads the map code's own files once), no clock, and the same notes always
// give the same bytes, with or without a map record.
import type { BriefingNotes } from '../../notes/model.ts';
import { withLimits, type RenderTuning } from '../tuning.ts';
import { clipText } from './escape.ts';
import { renderHeadmatter } from './headmatter.ts';
import { html, type SafeHtml } from './markup.ts';
import { MAP_FILE } from './map.ts';
import { keptDeckMap, planSlides } from './sections.ts';
import type { MapRecord } from '../map/record.ts';
import { renderSlide } from './slide.ts';

export { deckMap, keptDeckMap, planSlides } from './sections.ts';
export type { MapRecord } from '../map/record.ts';
export { MAP_FILE } from './map.ts';
export type { Slide, SlideKind } from './slide.ts';
export { CONTENT } from './geometry.ts';
export { DEFAULT_THEME } from './headmatter.ts';

export interface RenderSlidesOptions extends RenderTuning {
  /** Slidev theme package or path; the briefing theme (`./theme`, beside the deck) unless given. */
  theme?: string;
  /**
   * The map record a previous render returned (`Deck.mapRecord`, e.g. kept in a file; any value,
   * checked): its drawing is used when made from the same places and actors, so the deck is the
   * same, sooner.
   */
  mapRecord?: unknown;
}

/** The footer of every slide but the cover: as-of date, source count, slide number. */
function footer(n: BriefingNotes, index: number, count: number): SafeHtml {
  const sources = n.sources.length;
  return html`<footer class="b-footer"><span>As of <bdi>${clipText(n.asOf, 30)}</bdi> · ${sources} source${sources === 1 ? '' : 's'}</span><span>${index} / ${count}</span></footer>`;
}

/** A file the deck needs beside it: `path` is relative to the deck's folder (our constant, never from the notes). */
export interface DeckFile {
  path: string;
  data: string;
}

export interface Deck {
  /** slides.md */
  markdown: string;
  /** Files the slides refer to (the map's SVG when there is a map slide), to write beside the deck. */
  files: DeckFile[];
  /** The map's record, to give the next render as `mapRecord`. */
  mapRecord: MapRecord;
}

/**
 * The deck as Slidev Markdown, and the files it refers to. The first slide is hidden and only
 * carries the headmatter (see headmatter.ts for why); the cover is the first slide shown.
 */
export function renderDeck(all: BriefingNotes, options: RenderSlidesOptions = {}): Deck {
  const notes = withLimits(all, options.sections?.limits);
  const { map, record } = keptDeckMap(notes, options.mapRecord);
  const plan = planSlides(notes, map, { ...(options.sections?.order ? { order: options.sections.order } : {}), ...(options.slideBudget !== undefined ? { slideBudget: options.slideBudget } : {}) });
  const slides = plan.map((s, i) => renderSlide(s, s.kind === 'cover' ? undefined : footer(notes, i + 1, plan.length)));
  return {
    markdown: `${renderHeadmatter(notes.title, options.theme)}${slides.map((s) => `---\n${s}`).join('\n')}`,
    files: plan.some((s) => s.kind === 'map') ? [{ path: MAP_FILE, data: map.svg }] : [],
    mapRecord: record,
  };
}

/** The deck's Markdown alone (see renderDeck). */
export function renderSlides(notes: BriefingNotes, options: RenderSlidesOptions = {}): string {
  return renderDeck(notes, options).markdown;
}
