// "What they say": the most telling quotes (the notes rank them), the words large in the serif
// face, the speaker and role under them.
import type { BriefingNotes, Quote } from '../../notes/model.ts';
import { clipText } from './escape.ts';
import { atZoom, CONTENT, citesEm, textHeight } from './geometry.ts';
import { cite, sectionSlides, type SectionSlides } from './list.ts';
import { html } from './markup.ts';
import { itemNotes, sourceIndex } from './notes.ts';

const CLIP = { text: 300, speaker: 100 };
/** Beside the 46 px quotation mark. */
const WORDS = { px: 22, line: 31, width: CONTENT.width - 46 };
const BY = { px: 15, line: 20, width: CONTENT.width - 46 };

const speakerOf = (q: Quote): string => (q.role ? `${q.speaker}, ${q.role}` : q.speaker);

function quoteHeight(q: Quote, zoom: number): number {
  const words = textHeight(clipText(q.text, CLIP.text), atZoom(WORDS, zoom, 46));
  const by = textHeight(`— ${clipText(speakerOf(q), CLIP.speaker)}`, atZoom(BY, zoom, 46), citesEm(q.cites, BY.px));
  return zoom * (words + 6 + by + 20);
}

export function quotesSlides(n: BriefingNotes, sources: ReturnType<typeof sourceIndex>): SectionSlides {
  return sectionSlides<Quote>({
    kind: 'quotes',
    layout: 'quotes',
    heading: 'What they say',
    appendixHeading: 'More quotes',
    items: n.quotes,
    maxItems: 3,
    appendixItems: 4,
    maxZoom: 2,
    list: ['<ul class="b-quotes">', '</ul>'],
    item: (q) =>
      html`<li class="b-quote"><span class="b-quote-text"><bdi>${clipText(q.text, CLIP.text)}</bdi></span><span class="b-quote-by">— <bdi>${clipText(speakerOf(q), CLIP.speaker)}</bdi> ${cite(q.cites)}</span></li>`,
    height: quoteHeight,
    notes: (q) => itemNotes(`“${q.text}” — ${speakerOf(q)}`, q.cites, q.evidence, sources),
  });
}
