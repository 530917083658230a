// What one run tells its user: a progress line on a terminal, what was written, diagnostics (repeated
// ones summarised by kind), per-stage timings with --verbose, nothing but problems with --quiet, and
// with --json one result object on stdout for scripts instead of prose on stderr.

import { formatDiagnostic, type Diagnostic } from '../errors.ts';
import type { Output } from './output.ts';

export interface ReportOptions {
  /** List every diagnostic and print per-stage timings. */
  verbose?: boolean;
  /** Only warnings and errors. */
  quiet?: boolean;
  /** Collect everything for one JSON result on stdout; say nothing on stderr but errors. */
  json?: boolean;
  /** stderr is a terminal: a progress line may be drawn (and redrawn) there. */
  tty?: boolean;
  /** The clock, in ms (tests give a fake one). */
  now?: () => number;
}

/** One stage's wall-clock time. */
export interface StageTiming {
  stage: string;
  ms: number;
}

/** What `--json` prints: the same for every command that writes files. */
export interface RunResult {
  ok: boolean;
  command: string;
  exitCode: number;
  written: string[];
  diagnostics: Diagnostic[];
  timings: StageTiming[];
  messages: string[];
  error?: { code: string; message: string; hint?: string };
}

/** Above this many diagnostics of one kind, a run prints one summary line for them (--verbose lists all). */
export const SUMMARY_THRESHOLD = 3;

/** A named summary for a kind of diagnostic that big builds repeat, so the line reads as English. */
interface DiagnosticSummary {
  kind: string;
  matches: (d: Diagnostic) => boolean;
  say: (count: number) => string;
}

const SUMMARIES: readonly DiagnosticSummary[] = [
  {
    kind: 'duplicate',
    matches: (d) => d.severity === 'info' && /^repeats .*flagged duplicate/.test(d.message),
    say: (n) => `${n} near-duplicate sources merged: each repeats another and its claims cite both`,
  },
  {
    kind: 'skipped',
    matches: (d) => d.severity === 'info' && d.message.startsWith('skipped: '),
    say: (n) => `${n} files skipped: not a supported format`,
  },
  {
    kind: 'damaged',
    matches: (d) => d.severity === 'warning' && d.message.startsWith('text is damaged'),
    say: (n) => `${n} sources had damaged text, repaired where possible and marked degraded`,
  },
];

/**
 * The kind of a diagnostic, for grouping: a named summary's, else its severity and message with
 * the particulars (numbers, quoted and bracketed parts, paths) taken out.
 */
export function diagnosticKind(d: Diagnostic): string {
  const named = SUMMARIES.find((s) => s.matches(d));
  if (named) return named.kind;
  const shape = d.message
    .replace(/\([^)]*\)|\[[^\]]*\]|'[^']*'|"[^"]*"/g, '…')
    .replace(/\S*[/\\]\S*/g, '…')
    .replace(/\d+(\.\d+)?/g, '#');
  return `${d.severity}: ${shape}`;
}

/**
 * How to report `list`, in its order: each diagnostic as it is, except that a kind seen more than
 * SUMMARY_THRESHOLD times is one summary line where it first appears (--verbose: every diagnostic).
 */
export function planDiagnostics(list: readonly Diagnostic[], verbose = false): Array<Diagnostic | string> {
  if (verbose) return [...list];
  const byKind = new Map<string, Diagnostic[]>();
  const kinds = list.map(diagnosticKind);
  list.forEach((d, k) => {
    const group = byKind.get(kinds[k]!);
    if (group) group.push(d); else byKind.set(kinds[k]!, [d]); // appended in place: a big build has thousands
  });
  const plan: Array<Diagnostic | string> = [];
  for (const [k, d] of list.entries()) {
    const kind = kinds[k]!;
    const group = byKind.get(kind)!;
    if (group.length <= SUMMARY_THRESHOLD) plan.push(d);
    else if (group[0] === d) {
      const named = SUMMARIES.find((s) => s.kind === kind);
      const text = named ? named.say(group.length) : `${d.message} — ${group.length} files like this, the first ${d.file}`;
      plan.push(`${d.severity}: ${text} (--verbose lists them)`);
    }
  }
  return plan;
}

/** The lines that report `list` (planDiagnostics, each diagnostic formatted as compilers print them). */
export function summariseDiagnostics(list: readonly Diagnostic[], verbose = false): string[] {
  return planDiagnostics(list, verbose).map((item) => (typeof item === 'string' ? item : formatDiagnostic(item)));
}

const formatMs = (ms: number) => (ms >= 10_000 ? `${(ms / 1000).toFixed(0)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`);

/** Redraw the progress line at most this often, so a fast loop over many files does not flood a terminal. */
const PROGRESS_EVERY_MS = 100;

/**
 * The voice of one command run. It is an Output (so code written against that still works) with
 * stages, progress and a record of what was written; `finish` prints the timings or the JSON result.
 */
export class Reporter implements Output {
  readonly written: string[] = [];
  readonly allDiagnostics: Diagnostic[] = [];
  readonly timings: StageTiming[] = [];
  private readonly messages: string[] = [];
  private readonly now: () => number;
  private current: { stage: string; start: number } | null = null;
  private progressShown = false;
  private lastProgress = -Infinity;

  constructor(private readonly out: Output, private options: ReportOptions = {}) {
    this.now = options.now ?? (() => performance.now());
  }

  /** Set --json, --verbose, --quiet once the command line is read. */
  configure(options: Pick<ReportOptions, 'json' | 'verbose' | 'quiet'>): void {
    this.options = { ...this.options, ...options };
  }

  /** A fresh report on the same output with the same options: one per pass of the dev loop. */
  child(): Reporter {
    return new Reporter(this.out, this.options);
  }

  /** --verbose: list everything, print timings. */
  get verbose(): boolean {
    return this.options.verbose === true;
  }

  get json(): boolean {
    return this.options.json === true;
  }

  private get showProgress(): boolean {
    return this.options.tty === true && !this.options.quiet && !this.options.json;
  }

  data(text: string): void {
    this.out.data(text);
  }

  /** A message for a person: collected (not printed) with --json, dropped with --quiet. */
  info(text: string): void {
    this.messages.push(text);
    if (this.options.json || this.options.quiet) return;
    this.clearProgress();
    this.out.info(text);
  }

  /** Said even with --quiet (not with --json, where it is in the result). */
  warn(text: string): void {
    this.messages.push(text);
    if (this.options.json) return;
    this.clearProgress();
    this.out.info(text);
  }

  diagnostics(list: readonly Diagnostic[]): void {
    this.allDiagnostics.push(...list);
    if (this.options.json) return;
    const shown = this.options.quiet ? list.filter((d) => d.severity !== 'info') : list;
    if (!shown.length) return;
    this.clearProgress();
    // Diagnostics go through the output's own diagnostics channel (it formats them); summaries are prose.
    for (const item of planDiagnostics(shown, this.options.verbose)) {
      if (typeof item === 'string') this.out.info(item);
      else this.out.diagnostics([item]);
    }
  }

  /** An output file now in place. */
  wrote(file: string, detail = ''): void {
    this.written.push(file);
    this.info(`wrote ${file}${detail}`);
  }

  /** Start timing a stage (ending the one before), and show it on the progress line. */
  stage(name: string): void {
    this.endStage();
    this.current = { stage: name, start: this.now() };
    this.drawProgress(`${name}…`, true);
  }

  /** Files read so far while reading sources: the progress line with an ETA from the rate so far. */
  fileRead(done: number, total: number, file: string): void {
    if (!this.showProgress || !this.current) return;
    const elapsed = this.now() - this.current.start;
    // The rate of the first few files says little (module loading, a cold disk): no ETA until it settles.
    const settled = done >= 20 || elapsed >= 1000;
    const eta = settled && done < total ? ` · about ${formatMs((elapsed / done) * (total - done))} left` : '';
    const name = file.length > 40 ? `…${file.slice(-39)}` : file;
    this.drawProgress(`${this.current.stage}: ${done}/${total} files${eta} · ${name}`);
  }

  endStage(): void {
    if (!this.current) return;
    this.timings.push({ stage: this.current.stage, ms: Math.round((this.now() - this.current.start) * 10) / 10 });
    this.current = null;
  }

  /** End the run: clears the progress line, prints timings (--verbose) or the JSON result (--json; `oneLine` for a stream of them). */
  finish(command: string, exitCode: number, error?: RunResult['error'], oneLine = false): RunResult {
    this.endStage();
    this.clearProgress();
    const result: RunResult = {
      ok: exitCode === 0,
      command,
      exitCode,
      written: this.written,
      diagnostics: this.allDiagnostics,
      timings: this.timings,
      messages: this.messages,
      ...(error ? { error } : {}),
    };
    if (this.options.json) this.out.data(oneLine ? JSON.stringify(result) : JSON.stringify(result, null, 2));
    else if (this.options.verbose && this.timings.length) {
      const total = this.timings.reduce((sum, t) => sum + t.ms, 0);
      this.out.info(`timings: ${this.timings.map((t) => `${t.stage} ${formatMs(t.ms)}`).join(', ')}; total ${formatMs(total)}`);
    }
    return result;
  }

  private drawProgress(text: string, force = false): void {
    if (!this.showProgress) return;
    const t = this.now();
    if (!force && t - this.lastProgress < PROGRESS_EVERY_MS) return;
    this.lastProgress = t;
    const width = (process.stderr.columns || 80) - 1;
    process.stderr.write(`\r\x1b[2K${text.length > width ? text.slice(0, width) : text}`);
    this.progressShown = true;
  }

  private clearProgress(): void {
    if (!this.progressShown) return;
    process.stderr.write('\r\x1b[2K');
    this.progressShown = false;
  }
}
