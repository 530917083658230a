// The handout shows each sentence once: a key point that repeats the bottom line, a timeline event
// that repeats a key point, or a figure whose sentence is already on the page would print the same
// words twice on one page, and so would one that says them again in other clothes (a wire story's
// sentence lightly reworded in another outlet, or cut short). Figures from one sentence share one entry.
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

/** Word runs this long are compared to tell a reworded repeat (three words: a phrase, not a common word pair). */
const SHINGLE = 3;
/** Share of the shorter sentence's word runs found in the other that makes it a repeat. */
const REPEAT_SHARE = 0.6;

/** A sentence as lower-case words without punctuation (curly and straight apostrophes alike). */
function words(text: string): string[] {
  return text.toLowerCase().replace(/['’‘]/g, '').match(/[\p{L}\p{N}]+(?:[.,][\p{N}]+)*/gu) ?? [];
}

interface Shown {
  runs: Set<string>;
  numbers: Set<string>;
}

function shownForm(text: string): Shown {
  const w = words(text);
  const runs = new Set<string>();
  for (let i = 0; i + SHINGLE <= w.length; i++) runs.add(w.slice(i, i + SHINGLE).join(' '));
  return { runs, numbers: new Set(w.filter((t) => /\p{N}/u.test(t))) };
}

/**
 * Whether `next` says what `shown` said in mostly the same words: most of the shorter one's
 * three-word runs are in the other, and `next` has no number `shown` lacks (a sentence with a new
 * or changed figure is news, not a repeat).
 */
function isReworded(shown: Shown, next: Shown): boolean {
  const [short, long] = shown.runs.size <= next.runs.size ? [shown, next] : [next, shown];
  if (short.runs.size === 0) return false;
  let shared = 0;
  for (const r of short.runs) if (long.runs.has(r)) shared++;
  if (shared / short.runs.size < REPEAT_SHARE) return false;
  return [...next.numbers].every((n) => shown.numbers.has(n));
}

/**
 * The notes as the handout shows them: sections read in page order (bottom line, key points,
 * disagreements, figures, timeline), and an item whose sentence an earlier one already shows is
 * left out; a figure keeps its number and loses only the repeated sentence.
 */
export function withoutRepeats(notes: BriefingNotes): BriefingNotes {
  const shown = new Set<string>();
  const forms: Shown[] = [];
  /** Whether `text` is already on the page, word for word or reworded; if not, it is now. */
  const repeats = (text: string): boolean => {
    const key = sentenceKey(text);
    if (key === '') return false;
    const form = shownForm(text);
    if (shown.has(key) || forms.some((f) => isReworded(f, form))) return true;
    shown.add(key);
    forms.push(form);
    return false;
  };
  const fresh = <T extends Claim>(items: readonly T[]): T[] => items.filter((c) => !repeats(c.text));
  const bottomLine = fresh(notes.bottomLine);
  const keyPoints = fresh(notes.keyPoints);
  const discrepancies = fresh(notes.discrepancies);
  const figures = mergeFigures(notes.figures).map((f) => (repeats(f.text) ? { ...f, text: '' } : f));
  const timeline = fresh(notes.timeline);
  return { ...notes, bottomLine, keyPoints, discrepancies, figures, timeline };
}
