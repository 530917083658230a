// The editable PowerPoint deck: renderPptx(notes) → PPTX bytes, built from the notes model (not from
// pictures of slides): real text in the theme's fonts and colours, native diagrams and charts, the
// map as a picture, speaker notes with citations and evidence. Offline, no browser.
import type { BriefingNotes } from '../../notes/model.ts';
import { renderMap, type BriefingMap } from '../map/index.ts';
import { svgToPng } from '../map/png.ts';
import { backingSlides } from './diagram.ts';
import { mapSlides } from './map-slide.ts';
import { figureSlides, trendSlides } from './numbers.ts';
import { actorSlides, bottomLineSlides, discrepancySlides, quoteSlides, sourceSlides, themeSlides, timelineSlides, titleSlide, unknownSlides } from './sections.ts';
import type { SlideSpec } from './spec.ts';
import { writePptx } from './write.ts';

export type { SlideSpec } from './spec.ts';

/** The deck's slides in order; a section with nothing to show has no slide. */
export function planSlides(notes: BriefingNotes, map: BriefingMap, mapPng: Uint8Array): SlideSpec[] {
  return [
    ...titleSlide(notes),
    ...bottomLineSlides(notes),
    ...timelineSlides(notes),
    ...themeSlides(notes),
    ...actorSlides(notes),
    ...backingSlides(notes),
    ...quoteSlides(notes),
    ...figureSlides(notes),
    ...trendSlides(notes),
    ...discrepancySlides(notes),
    ...unknownSlides(notes),
    ...mapSlides(notes, map, mapPng),
    ...sourceSlides(notes),
  ];
}

export interface PptxResult {
  pptx: Uint8Array;
  slides: SlideSpec[];
  map: BriefingMap;
}

export async function renderPptx(notes: BriefingNotes): Promise<PptxResult> {
  const map = renderMap(notes);
  const slides = planSlides(notes, map, svgToPng(map.svg));
  const pptx = await writePptx(slides, { title: notes.title, subject: notes.subtitle, date: notes.asOf });
  return { pptx, slides, map };
}
