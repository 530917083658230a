// What a format reader hands back: the text as read, markup already blanked, and any metadata the
// format carries (frontmatter, HTML <meta>, PDF and DOCX properties, record fields).
import type { CleaningStep, SourceMeta } from '../../notes/model.ts';
import type { SourceFormat } from '../clean/types.ts';

export interface ParsedSource {
  /** The decoded text: every offset the pipeline hands on points into it. */
  raw: string;
  /** `raw` with the format's own markup blanked; as long as `raw`. */
  text: string;
  format: SourceFormat;
  meta: Partial<SourceMeta>;
  steps: CleaningStep[];
  /** Problems the reader survived, in words for the user (the file name is added by read.ts). */
  warnings: string[];
}

/** A file the reader cannot use, with what to do about it. */
export interface SourceProblem {
  problem: string;
  hint: string;
}

/** One record of a file holding many documents (JSON, JSONL): a source of its own, or a problem. */
export type RecordOutcome = { record: number; line: number } & ({ parsed: ParsedSource } | SourceProblem);

/** A file that holds many documents: each record read on its own, so one bad record drops only itself. */
export interface ParsedRecords {
  records: RecordOutcome[];
  /** Problems with the file as a whole that did not stop it being read. */
  warnings: string[];
}

export type ReadOutcome = ParsedSource | ParsedRecords | SourceProblem;

export interface FormatReader {
  /** A name for messages ("plain text", "Markdown", "PDF"). */
  name: string;
  /** Sync for text formats; a promise where the parser is asynchronous (PDF, DOCX). */
  read(bytes: Uint8Array): ReadOutcome | Promise<ReadOutcome>;
}

export const isProblem = (r: ReadOutcome | RecordOutcome): r is SourceProblem | (SourceProblem & { record: number; line: number }) => 'problem' in r;
export const isRecords = (r: ReadOutcome): r is ParsedRecords => 'records' in r;
