// BriefingNotes + a fit-loop state → the JSON the Typst template reads, and what it left out.
import type { BriefingNotes, Claim, SourceEntry } from '../../notes/model.ts';
import { shownCites } from '../cites-shown.ts';
import { priorityOrder, SECTION_LABELS, type Selection, type TrimmableSection } from './plan.ts';

/** The citations the page lists after an item (shownCites), the count of the rest as a last entry ("+170 more"). */
export function pageCites(cites: readonly string[]): string[] {
  const { shown, more } = shownCites(cites);
  return more ? [...shown, `+${more} more`] : [...shown];
}

/** Something the handout left out (or shortened) to fit one page. */
export interface OmittedItem {
  /** The notes section it came from (`Timeline`, `Actors`…); `… (shortened)` when it was cut short rather than dropped. */
  section: string;
  /** The item as the notes have it (a timeline event is `date — text`, an actor its name). */
  text: string;
}

/** Layout knobs: they go to the template as data, like the content. */
export interface Layout {
  paper: 'us-letter' | 'a4';
  /** Base font size in points; headings and small print scale from it. */
  fontSize: number;
  /** Longest string shown, in characters; null to show everything in full. */
  maxChars: number | null;
  /** The map's key, when the page shows the map (its SVG goes to the template beside the data). */
  map?: MapKey | null;
}

/** The one-line key under the handout's map: the sides' colours, and the cities marked. */
export interface MapKey {
  sides: Array<{ label: string; colour: string }>;
  /** The marked cities' names, as one line (`''` when none is marked). */
  cities: string;
  /** The city markers' colour. */
  marker: string;
}

interface CitedText {
  text: string;
  cites: string[];
}

/** The template's input; field names are what template.typ reads. */
export interface HandoutData {
  paper: Layout['paper'];
  fontSize: number;
  /** The PDF's document title: the notes' title in full, even when the page shows it shortened. */
  docTitle: string;
  title: string;
  subtitle: string;
  asOf: string;
  /** The document date, set only when `asOf` is a real calendar date. */
  date: { year: number; month: number; day: number } | null;
  sourceCountLabel: string;
  bottomLine: CitedText[];
  /** In rank order, grouped by theme (themes in the order of their best point); `theme` null when the notes give none. */
  keyPoints: Array<CitedText & { theme: string | null; caveat: string }>;
  /** Counts that changed over time: what is counted, and its values in date order as one line. */
  trends: Array<{ measure: string; points: string; cites: string[] }>;
  discrepancies: CitedText[];
  figures: Array<CitedText & { figure: string }>;
  actors: Array<{ name: string; description: string; cites: string[] }>;
  timeline: Array<CitedText & { date: string }>;
  sources: Array<{ id: string; title: string | null; outlet: string; date: string; flags: string }>;
  sourcesCompact: boolean;
  /** How many items of each section were left out, so the page can say so. */
  more: Record<TrimmableSection | 'sources', number>;
  /** Set when the page shows the map; the template then reads the SVG from `sys.inputs.map`. */
  map: MapKey | null;
}

// Bidi embedding, override and isolate controls: one in a source would reorder everything after it
// on the line (an RLO prints the rest of a paragraph backwards), so the handout drops them.
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;
const CONTROL_CHARS = /[\u0000-\u0008\u000E-\u001F\u007F]/g;

/** One line of printable text: the handout is dense, so line breaks inside an item only waste space. */
export function cleanText(s: string): string {
  return s.replace(BIDI_CONTROLS, '').replace(CONTROL_CHARS, '').replace(/\s+/g, ' ').trim();
}

/**
 * A zero-width space after every `every` characters of a run without spaces, hyphens or slashes:
 * Typst never breaks a line inside such a run (a URL, a long number), so it would run past the
 * column edge. Invisible on the page, and a reader's copy of the text drops it.
 */
export function breakable(s: string, every = 24): string {
  return s.replace(new RegExp(`[^\\s\\-/\u200B]{${every}}`, 'gu'), '$&\u200B');
}

/** Cut to at most `max` characters (code points, so no pair is split), at a word end when one is near. */
export function shorten(s: string, max: number): string {
  const chars = Array.from(s);
  if (chars.length <= max) return s;
  const head = chars.slice(0, max - 1).join('');
  const space = head.lastIndexOf(' ');
  const nearEnd = space > 0 && head.length - space <= Math.max(20, head.length * 0.3);
  return `${(nearEnd ? head.slice(0, space) : head).trimEnd()}…`;
}

/** `{year, month, day}` when `asOf` is an ISO date that exists on the calendar. */
export function calendarDate(asOf: string): HandoutData['date'] {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(asOf.trim());
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day ? { year, month, day } : null;
}

/** `⚠ undated, damaged text` for a claim resting on one weak source, else ''. */
export function caveatOf(c: Claim): string {
  const words: Record<string, string> = { degraded: 'damaged text', undated: 'undated', stale: 'old source' };
  return c.caveats && c.caveats.length > 0 ? `⚠ ${c.caveats.map((k) => words[k] ?? k).join(', ')}` : '';
}

/** Items in their order, but those of one theme together, themes in the order they first appear. */
function groupedByTheme<T extends { theme?: string }>(items: readonly T[]): T[] {
  const order = [...new Set(items.map((k) => k.theme?.trim() ?? ''))];
  return order.flatMap((t) => items.filter((k) => (k.theme?.trim() ?? '') === t));
}

/** Trends shown at most (each is a line under the figures). */
const TRENDS_SHOWN = 3;

function sourceDate(s: SourceEntry): string {
  if (s.date === null) return 'undated';
  return s.dateSource === 'inferred' ? `${s.date} (inferred)` : s.date;
}

/** Build the template input for one fit-loop state. */
export function buildPayload(notes: BriefingNotes, selection: Selection, layout: Layout): { data: HandoutData; omitted: OmittedItem[] } {
  const omitted: OmittedItem[] = [];
  // Every string shown goes through here: cleaned, and shortened only in the last resort.
  // `every`: how often a long unbroken run gets a break opportunity (see breakable).
  const show = (s: string, section: string, every = 24): string => {
    const clean = cleanText(s);
    if (layout.maxChars === null) return breakable(clean, every);
    const short = shorten(clean, layout.maxChars);
    if (short !== clean) omitted.push({ section: `${section} (shortened)`, text: clean });
    return breakable(short, every);
  };

  const kept = <T>(section: TrimmableSection, items: readonly T[], describe: (item: T) => string): T[] => {
    const order = priorityOrder(notes, section);
    const keep = new Set(order.slice(0, selection.keep[section]));
    for (const i of order.slice(selection.keep[section])) omitted.push({ section: SECTION_LABELS[section], text: cleanText(describe(items[i]!)) });
    // Shown in the notes' own order (rank, or date for the timeline), whatever the priority.
    return items.filter((_, i) => keep.has(i));
  };

  const keyPoints = kept('keyPoints', notes.keyPoints, (k) => k.text);
  const discrepancies = kept('discrepancies', notes.discrepancies, (k) => k.text);
  const figures = kept('figures', notes.figures, (f) => `${f.figure} — ${f.text}`);
  const actors = kept('actors', notes.actors, (a) => a.name);
  const timeline = kept('timeline', notes.timeline, (e) => `${e.date} — ${e.text}`);

  // Trends go with the figures: a page with no room for figures has none for trends.
  const showTrends = notes.figures.length > 0 ? figures.length > 0 : selection.keep.timeline > 0;
  const trends = showTrends ? (notes.trends ?? []).slice(0, TRENDS_SHOWN) : [];
  for (const t of (notes.trends ?? []).slice(trends.length)) omitted.push({ section: 'Trends', text: cleanText(`${t.measure}: ${t.points.map((p) => p.figure).join(' → ')}`) });

  // The sources the page cites: those its items name, not the ones counted in a "+170 more".
  const citedIds = new Set([...notes.bottomLine, ...keyPoints, ...discrepancies, ...figures, ...actors, ...timeline, ...trends].flatMap((c) => pageCites(c.cites)));
  const sources = selection.sources === 'cited' ? notes.sources.filter((s) => citedIds.has(s.id)) : notes.sources;
  if (selection.sources === 'cited') {
    for (const s of notes.sources) if (!citedIds.has(s.id)) omitted.push({ section: 'Sources', text: `[${s.id}] ${cleanText(s.title)}` });
  }
  const compact = selection.sources !== 'full';

  const data: HandoutData = {
    paper: layout.paper,
    fontSize: layout.fontSize,
    docTitle: cleanText(notes.title),
    title: show(notes.title, 'Title'),
    subtitle: show(notes.subtitle, 'Subtitle'),
    // The notes say `unknown` when no source is dated; "as of unknown" would read as a typo.
    asOf: notes.asOf === 'unknown' ? 'an unknown date' : shorten(cleanText(notes.asOf), 40),
    date: calendarDate(notes.asOf),
    sourceCountLabel: `${notes.sources.length} ${notes.sources.length === 1 ? 'source' : 'sources'}`,
    bottomLine: notes.bottomLine.map((c) => ({ text: show(c.text, 'Bottom line'), cites: pageCites(c.cites) })),
    keyPoints: groupedByTheme(keyPoints).map((c) => ({ text: show(c.text, 'Key points'), cites: pageCites(c.cites), theme: c.theme?.trim() ? show(c.theme, 'Key points') : null, caveat: caveatOf(c) })),
    trends: trends.map((t) => ({
      measure: show(t.measure, 'Trends'),
      points: show(t.points.map((p) => `${p.figure} (${p.date})`).join(' → '), 'Trends'),
      cites: pageCites(t.cites),
    })),
    discrepancies: discrepancies.map((c) => ({ text: show(c.text, 'Discrepancies'), cites: pageCites(c.cites) })),
    // A quarter of the page is narrow for type this size: a break every 12 characters.
    figures: figures.map((f) => ({ figure: show(f.figure, 'Figures', 12), text: show(f.text, 'Figures', 12), cites: pageCites(f.cites) })),
    actors: actors.map((a) => ({ name: show(a.name, 'Actors'), description: show(a.description, 'Actors'), cites: pageCites(a.cites) })),
    timeline: timeline.map((e) => ({ date: cleanText(e.date), text: show(e.text, 'Timeline'), cites: pageCites(e.cites) })),
    sources: sources.map((s) => ({
      id: cleanText(s.id),
      // An untitled source is told apart by its file; the compact list drops titles altogether.
      title: compact ? null : show(s.title === 'untitled' ? `untitled (${s.file})` : s.title, 'Sources'),
      outlet: show(s.outlet, 'Sources'),
      date: sourceDate(s),
      // `undated` would repeat the date column.
      flags: s.flags.filter((f) => !(f === 'undated' && s.date === null)).join(', '),
    })),
    sourcesCompact: compact,
    more: {
      keyPoints: notes.keyPoints.length - keyPoints.length,
      discrepancies: notes.discrepancies.length - discrepancies.length,
      figures: notes.figures.length - figures.length,
      actors: notes.actors.length - actors.length,
      timeline: notes.timeline.length - timeline.length,
      sources: notes.sources.length - sources.length,
    },
    map: layout.map ? { ...layout.map, sides: layout.map.sides.map((s) => ({ label: show(s.label, 'Map'), colour: s.colour })), cities: show(layout.map.cities, 'Map') } : null,
  };
  return { data, omitted };
}
