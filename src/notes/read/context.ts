// What the section readers share while reading one notes file: the diagnostics found so far and
// the line each model item was read from (so later checks can point at it).
import type { Diagnostic } from '../../errors.ts';
import { toPlain } from './inline.ts';

/** A model item and the lines it was read from. */
export interface Located<T> {
  value: T;
  /** 1-based line of the item. */
  line: number;
  /** 1-based line of each of its evidence lines. */
  evidenceLines: number[];
}

export class ReadContext {
  readonly diagnostics: Diagnostic[] = [];
  /** Model path (`keyPoints[2].evidence[0]`) → 1-based line. */
  readonly lines = new Map<string, number>();
  /** Ids of source entries that are there but could not be read (citing them is not a second error). */
  readonly unreadSources = new Set<string>();
  /** Top-level fields a reader could not read and has reported. */
  readonly unread = new Set<string>();
  private warnedMarkup = false;

  constructor(readonly file: string) {}

  error(line: number, message: string, hint?: string): void {
    this.diagnostics.push({ file: this.file, line, severity: 'error', message, ...(hint ? { hint } : {}) });
  }

  warn(line: number, message: string, hint?: string): void {
    this.diagnostics.push({ file: this.file, line, severity: 'warning', message, ...(hint ? { hint } : {}) });
  }

  get failed(): boolean {
    return this.diagnostics.some((d) => d.severity === 'error');
  }

  /** Plain text of a raw field; markup an analyst typed (emphasis, links) is dropped, once with a warning. */
  plain(raw: string, line: number): string {
    const { text, markup } = toPlain(raw);
    if (markup && !this.warnedMarkup) {
      this.warnedMarkup = true;
      this.warn(line, 'formatting, links and code marks are dropped: the notes hold plain text', 'this is the first such place; the words are kept');
    }
    return text;
  }

  /** Record where the items of one model list stand, and return the items. */
  place<T>(key: string, items: readonly Located<T>[]): T[] {
    items.forEach((it, k) => {
      this.lines.set(`${key}[${k}]`, it.line);
      it.evidenceLines.forEach((line, e) => this.lines.set(`${key}[${k}].evidence[${e}]`, line));
    });
    return items.map((it) => it.value);
  }
}
