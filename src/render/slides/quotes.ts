// Quotes: the words large in the serif face, the speaker and role under them.
import type { BriefingNotes, Quote } from '../../notes/model.ts';
import { clipText } from './escape.ts';
import { CONTENT, citeEm, textHeight } from './geometry.ts';
import { cite, listSlides } from './list.ts';
import { html } from './markup.ts';
import { citeText, itemNotes, sourceIndex } from './notes.ts';
import type { Slide } from './slide.ts';

const CLIP = { text: 300, speaker: 100 };
/** Beside the 46 px quotation mark. */
const WORDS = { px: 22, line: 31, width: CONTENT.width - 46 };
const BY = { px: 15, line: 20, width: CONTENT.width - 46 };

const speakerOf = (q: Quote): string => (q.role ? `${q.speaker}, ${q.role}` : q.speaker);

function quoteHeight(q: Quote): number {
  return textHeight(clipText(q.text, CLIP.text), WORDS) + 6 + textHeight(`— ${clipText(speakerOf(q), CLIP.speaker)}`, BY, citeEm(citeText(q.cites), BY.px)) + 20;
}

export function quotesSlides(n: BriefingNotes, sources: ReturnType<typeof sourceIndex>): Slide[] {
  return listSlides<Quote>({
    kind: 'quotes',
    layout: 'quotes',
    heading: 'Quotes',
    items: n.quotes,
    maxItems: 3,
    list: ['<ul class="b-quotes">', '</ul>'],
    item: (q) =>
      html`<li class="b-quote"><span class="b-quote-text"><bdi>${clipText(q.text, CLIP.text)}</bdi></span><span class="b-quote-by">— <bdi>${clipText(speakerOf(q), CLIP.speaker)}</bdi> ${cite(q.cites)}</span></li>`,
    height: quoteHeight,
    notes: (q) => itemNotes(`“${q.text}” — ${speakerOf(q)}`, q.cites, q.evidence, sources),
  });
}
