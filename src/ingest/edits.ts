// Same-length edits to a source's text: blanking (spaces, line breaks kept) and one-for-one replacement,
// so every offset into the cleaned text stays an offset into the raw text.
import type { CleaningStep } from '../notes/model.ts';

/** A span a rule wants blanked, or replaced when `replacement` is given (it must be exactly as long). */
export interface Edit {
  start: number;
  end: number;
  note: string;
  replacement?: string;
}

/** An edit with the name of the rule that made it. */
export interface NamedEdit extends Edit {
  rule: string;
}

/** Blank `[start, end)`: every character but `\n` and `\r` becomes a space. */
export function blank(text: string, start: number, end: number): string {
  const span = text.slice(start, end).replace(/[^\r\n]/g, ' ');
  return text.slice(0, start) + span + text.slice(end);
}

/**
 * Apply edits in order. A replacement of the wrong length is a programming error: it would break the
 * offset contract every later stage relies on, so it throws rather than quietly shifting the text.
 */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  let out = text;
  for (const e of edits) {
    if (e.start < 0 || e.end > out.length || e.start > e.end) throw new RangeError(`edit out of range: ${e.start}-${e.end}`);
    if (e.replacement === undefined) {
      out = blank(out, e.start, e.end);
    } else {
      if (e.replacement.length !== e.end - e.start) throw new RangeError(`replacement changes the length at ${e.start}`);
      out = out.slice(0, e.start) + e.replacement + out.slice(e.end);
    }
  }
  return out;
}

/** The step recorded for an edit (the replacement text itself is not part of the record). */
export const toStep = (e: NamedEdit): CleaningStep => ({ rule: e.rule, start: e.start, end: e.end, note: e.note });

/** Steps in order of position, then by rule name, so the record is the same however rules were ordered. */
export function sortSteps(steps: CleaningStep[]): CleaningStep[] {
  return [...steps].sort((a, b) => a.start - b.start || a.end - b.end || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
}
