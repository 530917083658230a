// Which person an age describes: "the 75-year-old former colonel" → the person last named before it
// whose role shares a word with what follows the age, else simply the person last named before it.

import type { EntityMention, FigureMention } from '../analysis.ts';

/** How far back (characters) a person may be named and still own an age. */
const WINDOW = 600;

/** Set `entityId` on age figures (returns new objects; others unchanged). */
export function linkFigureOwners(text: string, figures: readonly FigureMention[], mentions: readonly EntityMention[], roles: ReadonlyMap<string, string>): FigureMention[] {
  return figures.map((f) => {
    if (f.measure !== 'age' || f.entityId) return f;
    const before = mentions.filter((m) => m.type === 'PERSON' && m.end <= f.start && m.start >= f.start - WINDOW);
    if (!before.length) return f;
    const following = new Set((text.slice(f.end, f.end + 60).toLowerCase().match(/\p{L}{4,}/gu) ?? []).slice(0, 3));
    const byRole = [...before].reverse().find((m) => (roles.get(m.id) ?? '').toLowerCase().split(/\W+/).some((w) => following.has(w)));
    return { ...f, entityId: (byRole ?? before.at(-1)!).id };
  });
}
