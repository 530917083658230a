// What a format reader hands back: the text as read, markup already blanked, and any metadata the
// format carries (frontmatter now; HTML <meta> or PDF properties later).
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

export interface FormatReader {
  /** A name for messages ("plain text", "Markdown"). */
  name: string;
  read(bytes: Uint8Array): ParsedSource | SourceProblem;
}

export const isProblem = (r: ParsedSource | SourceProblem): r is SourceProblem => 'problem' in r;
