// The shape of a cleaning rule: it looks at the text as the earlier rules left it and says what to blank
// and what metadata it found. The runner (index.ts) applies the edits and merges the metadata.
import type { SourceMeta } from '../../notes/model.ts';
import type { Edit } from '../edits.ts';

/** The source format, so a rule that only makes sense for one format can tell. */
export type SourceFormat = 'text' | 'markdown' | 'html' | 'pdf' | 'docx';

/** What a rule sees. */
export interface CleanState {
  /** The text as read; never changes. */
  readonly raw: string;
  /** The text after the rules before this one; as long as `raw`. */
  readonly text: string;
  readonly format: SourceFormat;
  /** Metadata found so far (by the format reader and earlier rules). */
  readonly meta: Readonly<SourceMeta>;
}

/** What a rule found: spans to blank or replace, and metadata (only fields still unknown are taken). */
export interface RuleResult {
  edits?: Edit[];
  meta?: Partial<SourceMeta>;
}

export type CleanRule = (state: CleanState) => RuleResult;
