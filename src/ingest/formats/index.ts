// The format readers, keyed by file extension (lower case, with the dot). An HTML, PDF or DOCX reader is
// one more entry here: it returns the document's text as `raw` and its own metadata.
import { markdownReader } from './markdown.ts';
import { textReader } from './text.ts';
import type { FormatReader } from './types.ts';

export type { FormatReader, ParsedSource, SourceProblem } from './types.ts';
export { isProblem } from './types.ts';

export const FORMAT_READERS: Readonly<Record<string, FormatReader>> = {
  '.txt': textReader,
  '.text': textReader,
  '.md': markdownReader,
  '.markdown': markdownReader,
};
