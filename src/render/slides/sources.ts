// The source list: a table of id, title and file, outlet, date and flags, undated sources marked.
import type { BriefingNotes, SourceEntry } from '../../notes/model.ts';
import { clipText } from './escape.ts';
import { atZoom, CONTENT, textHeight, type TextBox } from './geometry.ts';
import { sectionSlides, type SectionSlides } from './list.ts';
import { html, note } from './markup.ts';
import { dateText } from './notes.ts';

const CLIP = { id: 8, title: 120, file: 100, outlet: 60, date: 30 };
/** Column widths in px (the last takes the rest); each cell keeps 8 px of padding on its right. */
const COLUMNS = [44, 330, 190, 140] as const;
const LAST = CONTENT.width - COLUMNS.reduce((a, b) => a + b, 0);
const cell = (width: number) => ({ px: 14, line: 19, width: width - 8 });
/** File names: 11 px monospace, 15 px lines. */
const FILE = { px: 11, line: 15, mono: true };
const HEADER_HEIGHT = 23;

/**
 * The columns for these sources: the id column holds three characters of 14 px monospace; longer
 * ids (a corpus of 1,000 sources and more: `s1000`) widen it by a character's width each, taken
 * from the title column, so an id is not broken over two lines.
 */
function columnsFor(sources: readonly SourceEntry[]): readonly [number, number, number, number] {
  const longest = sources.reduce((m, s) => Math.max(m, Math.min(clipText(s.id, CLIP.id).length, CLIP.id)), 0);
  const extra = Math.ceil(Math.max(0, longest - 3) * 0.602 * 14);
  return [COLUMNS[0] + extra, COLUMNS[1] - extra, COLUMNS[2], COLUMNS[3]];
}

const isUndated = (s: SourceEntry): boolean => s.date === null || s.flags.includes('undated');
const flagsOf = (s: SourceEntry): string => s.flags.filter((f) => f !== 'undated').join(', ');

function sourceRow(s: SourceEntry) {
  const flags = flagsOf(s);
  return html`<tr><td><code>${clipText(s.id, CLIP.id)}</code></td><td><bdi>${clipText(s.title, CLIP.title)}</bdi><span class="b-file"><bdi>${clipText(s.file, CLIP.file)}</bdi></span></td><td><bdi>${clipText(s.outlet, CLIP.outlet)}</bdi></td><td>${
    isUndated(s) ? html`<span class="b-undated">⚠ undated</span>` : html`<bdi>${clipText(dateText(s), CLIP.date)}</bdi>`
  }</td><td>${flags ? html`<span class="b-flag">⚑ ${flags}</span>` : '—'}</td></tr>`;
}

function rowHeight(s: SourceEntry, zoom: number, columns: readonly number[]): number {
  const z = (box: TextBox): TextBox => atZoom(box, zoom, 8);
  const [id = 0, title = 0, outlet = 0, date = 0] = columns;
  const cells = [
    textHeight(clipText(s.id, CLIP.id), z({ ...cell(id), mono: true })),
    textHeight(clipText(s.title, CLIP.title), z(cell(title))) + textHeight(clipText(s.file, CLIP.file), z({ ...FILE, width: title - 8 })),
    textHeight(clipText(s.outlet, CLIP.outlet), z(cell(outlet))),
    textHeight(isUndated(s) ? '⚠ undated' : clipText(dateText(s), CLIP.date), z(cell(date))),
    textHeight(`⚑ ${flagsOf(s)}`, z(cell(LAST))),
  ];
  return zoom * (Math.max(...cells) + 11);
}

// Widths in percent, so a zoomed table keeps its columns in proportion and inside the slide.
const tableOpen = (columns: readonly number[]): string =>
  `<table class="b-sources-table"><colgroup>${columns.map((w) => `<col style="width:${Math.floor((w / CONTENT.width) * 10000) / 100}%">`).join('')}<col></colgroup><thead><tr><th>Id</th><th>Source and file</th><th>Outlet</th><th>Date</th><th>Flags</th></tr></thead><tbody>`;

/** Always at least one slide: a deck without its source list cannot be checked. */
export function sourcesSlides(n: BriefingNotes): SectionSlides {
  const columns = columnsFor(n.sources);
  const slides = sectionSlides<SourceEntry>({
    kind: 'sources',
    layout: 'sources',
    heading: 'Sources',
    appendixHeading: 'More sources',
    items: n.sources,
    before: { html: () => [], height: HEADER_HEIGHT },
    maxItems: 10,
    appendixItems: 12,
    maxZoom: 1.5,
    list: [tableOpen(columns), '</tbody></table>'],
    item: sourceRow,
    height: (s, zoom) => rowHeight(s, zoom, columns),
    notes: (s) => [note`- ${s.id}: ${s.file} — ${s.title} — ${s.outlet} — ${dateText(s)} — ${s.flags.join(', ') || 'no flags'}`],
  });
  if (slides.main.length > 0) return slides;
  return {
    main: [{ kind: 'sources', layout: 'sources', heading: 'Sources', frontmatter: {}, body: [html`<p class="b-note">No sources were listed.</p>`], notes: [note`- The notes list no sources.`], items: 0, height: 20 }],
    appendix: [],
  };
}
