// The words of the map's key (shared by the PPTX and the Slidev deck): what is shaded, what is
// marked, what else is named and what could not be located. Plain text: each renderer escapes it.
import type { BriefingNotes } from '../../notes/model.ts';
import type { BriefingMap } from './index.ts';
import { sidesOf } from './sides.ts';

/** One line of the key: our label and the names (from the notes) it lists. */
export interface KeyLine {
  kind: 'shaded' | 'marked' | 'named' | 'unlocated';
  /** Our words: `Shaded blue, on the side of X` (X from the notes). */
  label: string;
  /** Place names as the notes write them, a city with its event dates. */
  names: string[];
  /** For `shaded`: the side's colour index. */
  side?: 0 | 1;
}

/** The key as lines of label and names. */
export function mapKeyLines(notes: BriefingNotes, map: BriefingMap): KeyLine[] {
  const sides = sidesOf(notes.actors);
  const lines: KeyLine[] = [];
  for (const side of [0, 1] as const) {
    const names = map.located.filter((p) => p.kind === 'country' && p.side === side).map((p) => p.name);
    if (names.length) lines.push({ kind: 'shaded', side, label: `Shaded ${side === 0 ? 'blue' : 'orange'}, on the side of ${sides.leaders[side] ?? 'one party'}`, names });
  }
  const cities = map.located.filter((p) => p.kind === 'city');
  if (cities.length) lines.push({ kind: 'marked', label: 'Marked', names: cities.map((c) => (c.dates.length ? `${c.name} (${c.dates.join(', ')})` : c.name)) });
  const others = map.located.filter((p) => p.kind === 'country' && p.side === undefined).map((p) => p.name);
  if (others.length) lines.push({ kind: 'named', label: 'Also named', names: others });
  if (map.unlocated.length) lines.push({ kind: 'unlocated', label: 'Not located (not on the map)', names: map.unlocated });
  return lines;
}

/** The words of the map's key: what is shaded, what is marked, what is missing. */
export function mapKey(notes: BriefingNotes, map: BriefingMap): string[] {
  return mapKeyLines(notes, map).map((l) => `${l.label}: ${l.names.join(l.kind === 'marked' ? '; ' : ', ')}.`);
}
