// How many of an item's citations a slide or the handout lists after it.

/**
 * Most citations a slide or the handout lists after one item. A claim of a large corpus may rest on thousands
 * of sources: listed in full it ran over its slide (and the deck to 47 MB) and made the handout overflow (its
 * bottom line is never left out); the page names the first ones and counts the rest, and the notes (and the
 * speaker notes) keep every one.
 */
export const CITES_SHOWN = 10;

/**
 * The citations an item lists: all of them up to CITES_SHOWN, else the first CITES_SHOWN − 1 with `more`, the
 * count of the rest, shown as `[s1, s2, …, s9, +2991 more]`.
 */
export function shownCites(cites: readonly string[]): { shown: readonly string[]; more: number } {
  if (cites.length <= CITES_SHOWN) return { shown: cites, more: 0 };
  const shown = cites.slice(0, CITES_SHOWN - 1);
  return { shown, more: cites.length - shown.length };
}
