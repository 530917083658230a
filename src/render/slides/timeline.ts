// "What happened": an overview strip of the whole period (a tick per event, the stretch of the
// events shown highlighted), then the events that fit on a rail, date beside each. The events
// more sources report are shown first (in date order); the rest are in the appendix.
import type { BriefingNotes, TimelineEvent } from '../../notes/model.ts';
import { clipText } from './escape.ts';
import { atZoom, CONTENT, citesEm, textHeight } from './geometry.ts';
import { cite, sectionSlides, type SectionSlides } from './list.ts';
import { html, type SafeHtml } from './markup.ts';
import { itemNotes, sourceIndex } from './notes.ts';

type Sources = ReturnType<typeof sourceIndex>;

const EVENT_CHARS = 240;
const DATE_CHARS = 20;
/** Event text: 17/24 px beside the 128 px date column and the 24 px rail. */
const TEXT = { px: 17, line: 24, width: CONTENT.width - 152 };
/** Dates are 14 px bold monospace in the 128 px column, on the event's 24 px lines. */
const DATE = { px: 14, line: 24, width: 128, mono: true };
/** The overview strip with its margin. */
const STRIP_HEIGHT = 48;

/** Days since 1970 at the start of an ISO date of any granularity, or null when it is not one. */
export function dayNumber(iso: string): number | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(iso.trim());
  if (!m) return null;
  return Date.UTC(Number(m[1]), Number(m[2] ?? 1) - 1, Number(m[3] ?? 1)) / 86_400_000;
}

/** Percent along the period, to 0.1. */
const percent = (day: number, first: number, last: number): number => Math.round(((day - first) / (last - first)) * 1000) / 10;

/** The strip, or nothing when the events do not span more than a day. */
function overview(all: readonly TimelineEvent[]): ((page: readonly TimelineEvent[]) => SafeHtml[]) | undefined {
  const days = all.map((e) => dayNumber(e.date)).filter((d): d is number => d !== null);
  const first = Math.min(...days);
  const last = Math.max(...days);
  if (days.length < 2 || !(last > first)) return undefined;
  const ticks = [...new Set(days.map((d) => Math.round(percent(d, first, last) * 2) / 2))].sort((a, b) => a - b);
  const label = (e: TimelineEvent | undefined): string => clipText(e?.date ?? '', DATE_CHARS);
  const firstEvent = all.find((e) => dayNumber(e.date) === first);
  const lastEvent = all.find((e) => dayNumber(e.date) === last);
  return (page) => {
    const pageDays = page.map((e) => dayNumber(e.date)).filter((d): d is number => d !== null);
    const from = pageDays.length > 0 ? percent(Math.min(...pageDays), first, last) : 0;
    const to = pageDays.length > 0 ? percent(Math.max(...pageDays), first, last) : 0;
    return [
      html`<div class="b-span"><i class="b-span-bar"></i>${ticks.map((t) => html`<i class="b-span-tick" style="left:${t}%"></i>`)}<i class="b-span-page" style="left:${from}%;width:${Math.round((to - from) * 10) / 10}%"></i><span class="b-span-from"><bdi>${label(firstEvent)}</bdi></span><span class="b-span-to"><bdi>${label(lastEvent)}</bdi></span></div>`,
    ];
  };
}

function eventHeight(e: TimelineEvent, zoom: number): number {
  const date = textHeight(clipText(e.date, DATE_CHARS), atZoom(DATE, zoom, Infinity));
  const text = textHeight(clipText(e.text, EVENT_CHARS), atZoom(TEXT, zoom, 152), citesEm(e.cites, TEXT.px));
  return zoom * (Math.max(date, text, TEXT.line) + 8);
}

/** Events most worth a place on the main slide: more (independent) sources first, then the latest. */
export function eventPriority(events: readonly TimelineEvent[]): number[] {
  const support = (e: TimelineEvent): number => e.support ?? e.cites.length;
  return events
    .map((_, i) => i)
    .sort((a, b) => support(events[b]!) - support(events[a]!) || (events[a]!.date < events[b]!.date ? 1 : events[a]!.date > events[b]!.date ? -1 : 0) || a - b);
}

export function timelineSlides(n: BriefingNotes, sources: Sources): SectionSlides {
  const strip = overview(n.timeline);
  return sectionSlides<TimelineEvent>({
    kind: 'timeline',
    layout: 'timeline',
    heading: 'What happened',
    appendixHeading: 'More events',
    items: n.timeline,
    priority: eventPriority(n.timeline),
    maxItems: 8,
    appendixItems: 12,
    maxZoom: 1.5,
    before: strip ? { html: strip, height: STRIP_HEIGHT } : undefined,
    list: ['<ol class="b-events">', '</ol>'],
    item: (e) =>
      html`<li class="b-event"><span class="b-event-date"><bdi>${clipText(e.date, DATE_CHARS)}</bdi></span><span class="b-event-dot"></span><span><bdi>${clipText(e.text, EVENT_CHARS)}</bdi> ${cite(e.cites)}</span></li>`,
    height: eventHeight,
    notes: (e) => itemNotes(`${e.date}: ${e.text}`, e.cites, e.evidence, sources),
  });
}
