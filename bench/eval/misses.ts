// Helpers for the misses report: a bounded example list per category, and short quoted contexts.

/** Examples grouped by category; every miss is counted, examples beyond `cap` are dropped. */
export class MissLog {
  readonly examples: Record<string, string[]> = {};
  readonly counts: Record<string, number> = {};
  constructor(private readonly cap = 200) {}

  add(category: string, example: string): void {
    this.counts[category] = (this.counts[category] ?? 0) + 1;
    const list = (this.examples[category] ??= []);
    if (list.length < this.cap) list.push(example);
  }

  /** For EvalSection.misses: the category name carries its full count ("FN PERSON by shape: single token (12)"). */
  toRecord(): Record<string, string[]> {
    const out: Record<string, string[]> = {};
    for (const key of Object.keys(this.examples).sort()) out[`${key} (${this.counts[key]})`] = this.examples[key]!;
    return out;
  }
}

/** The span's text with a little context, on one line: `…before [span] after…`. */
export function inContext(text: string, start: number, end: number, width = 40): string {
  const oneLine = (s: string) => s.replace(/\s+/g, ' ');
  const before = oneLine(text.slice(Math.max(0, start - width), start));
  const after = oneLine(text.slice(end, end + width));
  return `…${before}[${oneLine(text.slice(start, end))}]${after}…`;
}

/** Single token / multi token / all-caps, the shapes name errors cluster by. */
export function nameShape(s: string): string {
  const letters = s.replace(/[^\p{L}]/gu, '');
  if (letters.length > 1 && letters === letters.toUpperCase()) return 'all-caps';
  return s.trim().split(/\s+/).length > 1 ? 'multi token' : 'single token';
}
