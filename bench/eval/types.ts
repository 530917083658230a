// The shape every evaluation section returns, so bench/eval.ts can print one table and write one file.

/** One measured number, with the target it is held to (if any). */
export interface Metric {
  /** e.g. "PER mention F1", "value F1", "throughput KB/s". */
  name: string;
  value: number;
  /** Target from the issue, where there is one (higher is better). */
  target?: number;
  /** Counts behind the number ("tp=812 fp=90 fn=140"). */
  detail?: string;
}

/** The result of scoring one capability on one corpus. */
export interface EvalSection {
  /** e.g. "Entities (MEANTIME named PER/ORG/LOC)". */
  title: string;
  /** The corpus path it read, relative to the project root. */
  corpus: string;
  metrics: Metric[];
  /** Examples of errors grouped by category ("FN PER: 'Tim Cook' in apple/123.xml: ..."), for study. */
  misses: Record<string, string[]>;
}
