// The Slidev deck renderer: BriefingNotes → slides.md text. Pure and deterministic: no I/O, no
// clock, and the same notes always give the same bytes.
import type { BriefingNotes } from '../../notes/model.ts';
import { renderHeadmatter } from './headmatter.ts';
import { planSlides } from './sections.ts';
import { renderSlide } from './slide.ts';

export { planSlides } from './sections.ts';
export type { Slide, SlideKind } from './slide.ts';
export { BUDGETS } from './paginate.ts';

export interface RenderSlidesOptions {
  /** Slidev theme package or path; `default` (@slidev/theme-default) unless given. */
  theme?: string;
}

/**
 * The deck as Slidev Markdown. The first slide is hidden and only carries the headmatter (see
 * headmatter.ts for why); the cover is the first slide shown.
 */
export function renderSlides(notes: BriefingNotes, options: RenderSlidesOptions = {}): string {
  const slides = planSlides(notes).map(renderSlide);
  return `${renderHeadmatter(notes.title, options.theme)}${slides.map((s) => `---\n${s}`).join('\n')}`;
}
