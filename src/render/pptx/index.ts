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

/**
 * The deck's slides in order, as the Slidev deck plans them: each section's first slide in the main
 * part (a section with nothing to show has none), and whatever a section could not fit on it after an
 * "Appendix" divider, so the talk runs one idea per slide and the detail stays at hand.
 */
export function planSlides(notes: BriefingNotes, map: BriefingMap, mapPng: Uint8Array): SlideSpec[] {
  const sections = [
    titleSlide(notes),
    bottomLineSlides(notes),
    timelineSlides(notes),
    themeSlides(notes),
    actorSlides(notes),
    backingSlides(notes),
    // Where it happens, after who backs whom: the map shades the countries by the side they back.
    mapSlides(notes, map, mapPng),
    quoteSlides(notes),
    figureSlides(notes),
    trendSlides(notes),
    discrepancySlides(notes),
    unknownSlides(notes),
    sourceSlides(notes),
  ];
  const main = sections.flatMap((s) => s.slice(0, 1));
  const more = sections.flatMap((s) => s.slice(1)).map((s) => ({ ...s, title: s.title.replace(/ \(cont\.\)$/, ' (more)') }));
  return more.length ? [...main, appendixDivider(more), ...more] : main;
}

/** The divider before the appendix: its title, and what follows in its notes. */
function appendixDivider(more: readonly SlideSpec[]): SlideSpec {
  return { master: 'TITLE', title: 'Appendix', titlePt: 44, blocks: [], notes: `Appendix: ${more.length} more slide${more.length === 1 ? '' : 's'}: ${[...new Set(more.map((s) => s.title))].join('; ')}.` };
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
