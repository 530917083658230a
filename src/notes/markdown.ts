// The notes file's public API: write BriefingNotes as Markdown, read it back with markdown-it, and
// tell a drafted file from one the analyst has edited. The format is "The notes format" in README.md.
import { BriefingError, type Diagnostic } from '../errors.ts';
import { withDraftedLine } from './fingerprint.ts';
import type { BriefingNotes } from './model.ts';
import { parseNotesText } from './read/parse.ts';
import { validateNotes } from './schema.ts';
import { normalizeNotes } from './text.ts';
import { writeNotes } from './write.ts';

export { draftFingerprint, isHandEdited } from './fingerprint.ts';

export interface StringifyOptions {
  /** Add a `drafted:` fingerprint line, so a later build can tell whether the analyst edited the file. */
  drafted?: boolean;
}

/**
 * The notes as Markdown. Texts are normalised first (line breaks folded, ends trimmed; see
 * normalizeNotes), so `parseNotes(stringifyNotes(n))` equals `normalizeNotes(n)`, and `n` itself
 * when it passes validateNotes. Throws NOTES_INVALID for notes that could not be read back.
 */
export function stringifyNotes(notes: BriefingNotes, options: StringifyOptions = {}): string {
  const n = normalizeNotes(notes);
  const problems = validateNotes(n);
  if (problems.length) throw new BriefingError('NOTES_INVALID', `cannot write notes that would not read back: ${problems[0]!.message}`, { diagnostics: problems });
  const text = writeNotes(n);
  return options.drafted ? withDraftedLine(text) : text;
}

/** Read a notes file, with every problem found and its line; `notes` is null when there is an error. */
export function parseNotesWithDiagnostics(text: string, file = 'notes.md'): { notes: BriefingNotes | null; diagnostics: Diagnostic[] } {
  return parseNotesText(text, file);
}

/** Read a notes file; throws NOTES_INVALID listing every problem (file and line) when it is malformed. */
export function parseNotes(text: string, file = 'notes.md'): BriefingNotes {
  const { notes, diagnostics } = parseNotesText(text, file);
  if (notes) return notes;
  const errors = diagnostics.filter((d) => d.severity === 'error');
  throw new BriefingError('NOTES_INVALID', `${file} does not follow the notes format (${errors.length} problem${errors.length === 1 ? '' : 's'})`, {
    hint: 'fix the lines listed; the format is described under "The notes format" in README.md',
    diagnostics,
  });
}

