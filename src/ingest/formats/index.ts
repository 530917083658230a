// The format readers, keyed by file extension (lower case, with the dot). Each returns the document's
// text as `raw` and its own metadata; a JSON file may return many records.
import { docxReader } from './docx.ts';
import { htmlReader } from './html.ts';
import { markdownReader } from './markdown.ts';
import { pdfReader } from './pdf.ts';
import { jsonLinesReader, jsonReader } from './records.ts';
import { textReader } from './text.ts';
import type { FormatReader } from './types.ts';

export type { FormatReader, ParsedRecords, ParsedSource, ReadOutcome, RecordOutcome, SourceProblem } from './types.ts';
export { isProblem, isRecords } from './types.ts';
export { readHtml } from './html.ts';

export const FORMAT_READERS: Readonly<Record<string, FormatReader>> = {
  '.txt': textReader,
  '.text': textReader,
  '.md': markdownReader,
  '.markdown': markdownReader,
  '.html': htmlReader,
  '.htm': htmlReader,
  '.pdf': pdfReader,
  '.docx': docxReader,
  '.json': jsonReader,
  '.jsonl': jsonLinesReader,
};
