// Blanks an editor's note ("Editor's note: …"): what the publisher says about its own coverage, added to every
// story of a series, is neither the story's reporting nor a claim of its sources, and repeated word for word it
// would read as one fact corroborated by every story that carries it.
import type { CleanRule } from './types.ts';
import { blankLine, contentLines } from './lines.ts';

const EDITORS_NOTE = /^\s*[*_(\[]*\s*editors?['’]?s?\s+note\s*[:.—–-]/i;

export const editorsNote: CleanRule = ({ text }) => ({
  edits: contentLines(text)
    .filter((l) => EDITORS_NOTE.test(l.text))
    .map((l) => blankLine(l, "blanked editor's note")),
});
