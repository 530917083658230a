// The handout shows each sentence once: a key point that repeats the bottom line, a timeline event
// that repeats a key point, or a figure whose sentence is already on the page would print the same
// words twice on one page. Figures taken from one sentence share one entry.
import type { BriefingNotes, Claim, Figure } from '../../notes/model.ts';

/** A sentence's identity: case, spacing and the final stop do not make two sentences different. */
export function sentenceKey(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ').trim().replace(/[.!?…]+$/, '');
}

/** Figures with one sentence merged into one: the numbers joined with ` · `, citations and evidence pooled. */
function mergeFigures(figures: readonly Figure[]): Figure[] {
  const byText = new Map<string, Figure>();
  for (const f of figures) {
    const key = sentenceKey(f.text);
    const seen = byText.get(key);
    if (!seen) {
      byText.set(key, { ...f, cites: [...f.cites], evidence: [...f.evidence] });
      continue;
    }
    seen.figure = `${seen.figure} · ${f.figure}`;
    seen.cites = [...new Set([...seen.cites, ...f.cites])].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
    seen.evidence = [...seen.evidence, ...f.evidence];
  }
  return [...byText.values()];
}

/**
 * The notes as the handout shows them: sections read in page order (bottom line, key points,
 * disagreements, figures, timeline), and an item whose sentence an earlier one already shows is
 * left out; a figure keeps its number and loses only the repeated sentence.
 */
export function withoutRepeats(notes: BriefingNotes): BriefingNotes {
  const shown = new Set<string>();
  const fresh = <T extends Claim>(items: readonly T[]): T[] =>
    items.filter((c) => {
      const key = sentenceKey(c.text);
      if (key === '' || !shown.has(key)) {
        shown.add(key);
        return true;
      }
      return false;
    });
  const bottomLine = fresh(notes.bottomLine);
  const keyPoints = fresh(notes.keyPoints);
  const discrepancies = fresh(notes.discrepancies);
  const figures = mergeFigures(notes.figures).map((f) => {
    const key = sentenceKey(f.text);
    if (shown.has(key)) return { ...f, text: '' };
    shown.add(key);
    return f;
  });
  const timeline = fresh(notes.timeline);
  return { ...notes, bottomLine, keyPoints, discrepancies, figures, timeline };
}
