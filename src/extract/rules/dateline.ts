// A wire dateline opening a story ("VELNA, Casteria (AP) _ ", "LONDON (Reuters) — "): where the story was
// filed and which agency filed it. One pattern for every rule that must step over it.

/** Where a dateline ends (just before the story's first word) and where its agency credit stands, if any. */
export interface Dateline {
  /** Offset just past the dash and its spaces: the story's first word. */
  end: number;
  /** The bracketed agency credit ("(AP)"), brackets included, or null. */
  credit: [number, number] | null;
}

/**
 * Upper-case place words, an optional ", Region", an optional "(Agency)", then a wire dash (" _ ", " -- ", " — "; right
 * after the credit, as AP's archive copy writes it, with no space: "(AP)_ ").
 * `\s` rather than a space: a hard-wrapped story may break its dateline across lines.
 */
const DATELINE = /^[ \t]*\p{Lu}{2,}[\p{Lu}\s.'’-]*(?:,\s+[\p{L}.'’ -]{1,40}?)?(?:\s*\(([^)\n]{1,30})\)\s*|\s+)(?:_|--|—|–)\s+(?=\S)/u;
/** A dateline is at most this long; no need to look further. */
const LONGEST = 120;

/** The dateline that opens `text` at `from`, or null. A blank line inside it means it is not one. */
export function datelineAt(text: string, from = 0): Dateline | null {
  const head = text.slice(from, from + LONGEST);
  const m = DATELINE.exec(head);
  if (!m || /\n[ \t]*\n/.test(m[0])) return null;
  const open = m[1] === undefined ? -1 : m[0].lastIndexOf(`(${m[1]})`);
  return { end: from + m[0].length, credit: open < 0 ? null : [from + open, from + open + m[1]!.length + 2] };
}
