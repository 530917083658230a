// Speaker notes: for each item on a slide, its full text and the source sentences it rests on, with
// each source's file, outlet and date, so the presenter can answer "where does that come from?".
import type { Evidence, SourceEntry } from '../../notes/model.ts';
import { shownCites } from '../cites-shown.ts';
import { note, SafeNote } from './markup.ts';

/** `[s1, s3]`, or nothing when there are no citations. */
export function citeText(cites: readonly string[]): string {
  return cites.length > 0 ? `[${cites.join(', ')}]` : '';
}

/**
 * The citations as a slide shows them: `[s1, s3]`, or for more than CITES_SHOWN the first ones and
 * the count of the rest, `[s1, s2, …, s9, +2991 more]`; `id` is how each shown id is written.
 */
export function slideCiteText(cites: readonly string[], id: (c: string) => string = (c) => c): string {
  const { shown, more } = shownCites(cites);
  return more ? `[${shown.map(id).join(', ')}, +${more} more]` : citeText(shown.map(id));
}

/**
 * Citations for a notes line. Ids of the form `s12` go in unescaped, so PowerPoint's notes (which
 * Slidev fills with the raw note text) read `[s1, s3]`, not `&#91;s1…`: `[s1, s3]` at the end of a
 * line is plain text to Markdown. Any other id (a hand-edited notes file) is escaped like source text.
 */
export function citeNote(cites: readonly string[]): string | SafeNote {
  const text = citeText(cites);
  return cites.every((id) => /^s\d+$/.test(id)) ? new SafeNote(text) : text;
}

/** `2024-03-09 (inferred)`, `undated`. */
export function dateText(source: SourceEntry): string {
  if (source.date === null) return 'undated';
  return source.dateSource === 'inferred' ? `${source.date} (inferred)` : source.date;
}

/** `sources/a.txt, Avalon Herald, 2024-03-03` for a cited id; says so when the id is unknown. */
export function sourceText(id: string, sources: ReadonlyMap<string, SourceEntry>): string {
  const source = sources.get(id);
  return source ? `${source.file}, ${source.outlet}, ${dateText(source)}` : 'not in the source list';
}

/**
 * Note lines for one item: the item in full, then one nested line per evidence sentence with its
 * source's file, outlet and date. A cited source with no sentence recorded (an item written by
 * hand) still gets a line naming it, so every citation can be traced from the notes.
 */
export function itemNotes(
  text: string,
  cites: readonly string[],
  evidence: readonly Evidence[],
  sources: ReadonlyMap<string, SourceEntry>,
): SafeNote[] {
  const withSentence = new Set(evidence.map((e) => e.source));
  const unsentenced = cites.filter((id) => !withSentence.has(id));
  const traced = evidence.length + unsentenced.length;
  // Written only up to the cap: an item of a large corpus may rest on thousands of sentences.
  const shown = Math.min(traced, NOTE_SOURCES);
  const lines = [note`- ${text} ${citeNote(cites)}`];
  for (const e of evidence.slice(0, shown)) lines.push(note`  - ${e.source} (${sourceText(e.source, sources)}): “${e.text}”`);
  for (const id of unsentenced.slice(0, shown - Math.min(shown, evidence.length))) lines.push(note`  - ${id} (${sourceText(id, sources)}): no source sentence recorded`);
  if (traced > shown) lines.push(note`  - ${String(traced - shown)} more sources: the notes file lists every one`);
  if (cites.length === 0 && evidence.length === 0) lines.push(note`  - no source cited`);
  return lines;
}

/**
 * Most source lines the speaker notes give for one item: a presenter answers "where does that come
 * from?" with a few sources, and an item of a large corpus resting on thousands made the deck's
 * notes megabytes long. The notes file keeps them all.
 */
const NOTE_SOURCES = 12;

/** Sources by id, for the lookups above. */
export function sourceIndex(sources: readonly SourceEntry[]): Map<string, SourceEntry> {
  return new Map(sources.map((s) => [s.id, s]));
}
