// The format readers, keyed by file extension (lower case, with the dot). Each returns the document's
// text as `raw` and its own metadata; a JSON file may return many records. The HTML and Word readers (and
// their DOM and unzip libraries, ~0.2 s to load) are loaded when a file of theirs first comes: a folder of
// text files, and every worker thread that only extracts, never loads them.
import { markdownReader } from './markdown.ts';
import { pdfReader } from './pdf.ts';
import { jsonLinesReader, jsonReader } from './records.ts';
import { textReader } from './text.ts';
import type { FormatReader } from './types.ts';

export type { FormatReader, ParsedRecords, ParsedSource, ReadOutcome, RecordOutcome, SourceProblem } from './types.ts';
export { isProblem, isRecords } from './types.ts';

/** A reader whose module is imported on its first file (the import is cached, so later files only await it). */
function lazyReader(name: string, load: () => Promise<FormatReader>): FormatReader {
  let reader: Promise<FormatReader> | null = null;
  return { name, read: async (bytes) => (await (reader ??= load())).read(bytes) };
}

const htmlReader = lazyReader('HTML', async () => (await import('./html.ts')).htmlReader);
const docxReader = lazyReader('Word', async () => (await import('./docx.ts')).docxReader);

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
