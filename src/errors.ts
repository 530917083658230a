// The one error type the library throws, and the diagnostic it records for problems it survives.

/** Stable machine-readable codes; the CLI maps them to exit codes (usage/input → 2, others → 1). */
export type ErrorCode =
  | 'USAGE' // bad command line
  | 'INPUT_MISSING' // a named input file or folder does not exist
  | 'NO_SOURCES' // nothing readable was found in the inputs
  | 'NOTES_INVALID' // a notes file that does not follow the notes format
  | 'CONFIG_INVALID' // a config file (briefing.config.json, …) with a bad key or value
  | 'SOURCE_UNREADABLE' // one source could not be read or decoded
  | 'BROWSER_MISSING' // deck export needs Chromium and none was found
  | 'TOOL_FAILED' // an external tool (slidev, typst) failed
  | 'HANDOUT_OVERFLOW' // the handout cannot be made to fit one page
  | 'INTERNAL';

/** A problem the run survived: named by file (and line/column where there is one). */
export interface Diagnostic {
  /** The file the problem is in, as the user named it (relative paths stay relative). */
  file: string;
  /** 1-based line, where the problem has one. */
  line?: number;
  /** 1-based column, where the problem has one. */
  col?: number;
  /** `error` drops the file or item; `warning` keeps it, marked; `info` only reports what was done. */
  severity: 'error' | 'warning' | 'info';
  /** What is wrong, in words a user understands. */
  message: string;
  /** What to do about it, where there is something to do. */
  hint?: string;
}

/** Thrown by the library for failures that stop a command; only the CLI prints it. */
export class BriefingError extends Error {
  readonly code: ErrorCode;
  readonly hint?: string;
  readonly diagnostics: Diagnostic[];

  constructor(code: ErrorCode, message: string, options: { hint?: string; cause?: unknown; diagnostics?: Diagnostic[] } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'BriefingError';
    this.code = code;
    this.hint = options.hint;
    this.diagnostics = options.diagnostics ?? [];
  }
}

/** `file:line:col: message` as compilers print it, so editors can jump to it. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = [d.file, d.line, d.line !== undefined ? d.col : undefined].filter((x) => x !== undefined).join(':');
  return `${where}: ${d.severity}: ${d.message}${d.hint ? ` (${d.hint})` : ''}`;
}
