// PolNeAR loader (pure parsing): brat standoff attributions → gold direct quotes with their Source spans,
// as UTF-16 offsets into the article text.

import type { Span } from './match.ts';

/** One brat text-bound annotation (`T12\tContent 10 20;25 40\t…`). */
export interface BratSpan {
  id: string;
  label: string;
  /** One or more fragments (brat discontinuous spans), in file order. */
  fragments: Span[];
  /** The annotation's own copy of its text (fragments joined by a space). */
  text: string;
}

/** One attribution relation (`E` line): its role spans, where present. */
export interface BratAttribution {
  id: string;
  source: BratSpan | null;
  cue: BratSpan | null;
  content: BratSpan | null;
}

/** One gold direct quote: quoted stretch(es) of a Content span, with the attribution's Source. */
export interface GoldQuote extends Span {
  /** The characters the quote covers; several when brat split it (around "he said" or a paragraph break). */
  fragments: Span[];
  text: string;
  /** The Source span (the speaker mention as written), or null when the attribution has none. */
  source: Span | null;
  sourceText: string | null;
  cue: Span | null;
  /** `E` id, for reporting. */
  attribution: string;
  /** 0 for the first quoted stretch of its Content, 1… for the stretches after an interruption (“A,” he said, “B.”). */
  part: number;
}

/** Opening marks that make a Content a direct quote: straight and curly, double and single (one outlet writes '' for "). */
export const QUOTE_MARKS = new Set(['"', '“', '”', '„', '«', "'", '‘', '’']);

export const startsWithQuoteMark = (s: string): boolean => QUOTE_MARKS.has(s.charAt(0));

/** Words that make a Source a pronoun ("he said"), reported apart because they need coreference to resolve. */
export const PRONOUNS = new Set(['i', 'me', 'we', 'us', 'you', 'he', 'him', 'she', 'her', 'it', 'they', 'them', 'who', 'one']);

export const isPronoun = (s: string): boolean => PRONOUNS.has(s.trim().toLowerCase());

/**
 * brat offsets count Unicode code points (the tool is Python); JavaScript strings count UTF-16 units.
 * Returns a converter, the identity when the text has no astral characters.
 */
export function codePointToUtf16(text: string): (offset: number) => number {
  if (!/[\uD800-\uDBFF]/.test(text)) return (offset) => offset;
  const map: number[] = [];
  let unit = 0;
  for (const ch of text) { map.push(unit); unit += ch.length; }
  map.push(unit);
  return (offset) => {
    const at = map[offset];
    if (at === undefined) throw new Error(`brat offset ${offset} is past the end of the text`);
    return at;
  };
}

/** Parse a .ann file against its text. `problems` collects lines whose stated text differs from the slice. */
export function parseBrat(ann: string, text: string): { spans: Map<string, BratSpan>; attributions: BratAttribution[]; problems: string[] } {
  const toUnits = codePointToUtf16(text);
  const spans = new Map<string, BratSpan>();
  const events: Array<{ id: string; args: Map<string, string> }> = [];
  const problems: string[] = [];
  for (const line of ann.split(/\r?\n/)) {
    if (line.startsWith('T')) {
      const [id, spec, stated = ''] = line.split('\t');
      if (!id || !spec) continue;
      const sp = spec.indexOf(' ');
      const label = spec.slice(0, sp);
      const fragments = spec.slice(sp + 1).split(';').map((f) => {
        const [s, e] = f.trim().split(/\s+/).map(Number);
        if (s === undefined || e === undefined || Number.isNaN(s) || Number.isNaN(e)) throw new Error(`bad brat span: ${line}`);
        return { start: toUnits(s), end: toUnits(e) };
      });
      const sliced = fragments.map((f) => text.slice(f.start, f.end)).join(' ');
      if (sliced !== stated) problems.push(`${id}: stated ${JSON.stringify(stated.slice(0, 40))} but text has ${JSON.stringify(sliced.slice(0, 40))}`);
      spans.set(id, { id, label, fragments, text: sliced });
    } else if (line.startsWith('E')) {
      const [id, spec = ''] = line.split('\t');
      if (!id) continue;
      const args = new Map<string, string>();
      for (const part of spec.trim().split(/\s+/)) {
        const colon = part.indexOf(':');
        if (colon > 0) args.set(part.slice(0, colon), part.slice(colon + 1));
      }
      events.push({ id, args });
    }
  }
  const role = (args: Map<string, string>, name: string): BratSpan | null => {
    const ref = args.get(name);
    return ref === undefined ? null : spans.get(ref) ?? null;
  };
  const attributions = events.map(({ id, args }) => ({ id, source: role(args, 'Source'), cue: role(args, 'Cue'), content: role(args, 'Content') }));
  return { spans, attributions, problems };
}

const hull = (fragments: Span[]): Span => ({ start: Math.min(...fragments.map((f) => f.start)), end: Math.max(...fragments.map((f) => f.end)) });

/**
 * Gold direct quotes of one article. A Content is direct when it starts with a quotation mark; brat splits a
 * Content into fragments where the attribution interrupts it (“A,” he said, “B.”), so each fragment that opens
 * with a quotation mark starts its own gold quote, a fragment that does not continues the quote before it
 * (a paragraph break inside one quote), and fragments before the first quotation mark are indirect speech.
 */
export function goldQuotes(text: string, attributions: BratAttribution[]): GoldQuote[] {
  const quotes: GoldQuote[] = [];
  for (const a of attributions) {
    if (!a.content) continue;
    const sorted = [...a.content.fragments].sort((x, y) => x.start - y.start);
    let current: Span[] | null = null;
    const groups: Span[][] = [];
    for (const f of sorted) {
      if (startsWithQuoteMark(text.slice(f.start, f.end))) { current = [f]; groups.push(current); }
      else if (current) current.push(f);
    }
    const source = a.source ? hull(a.source.fragments) : null;
    groups.forEach((fragments, part) => {
      const { start, end } = hull(fragments);
      quotes.push({
        start, end, fragments,
        text: fragments.map((f) => text.slice(f.start, f.end)).join(' '),
        source, sourceText: a.source?.text ?? null,
        cue: a.cue ? hull(a.cue.fragments) : null,
        attribution: a.id,
        part,
      });
    });
  }
  return quotes.sort((x, y) => x.start - y.start);
}

/** `breitbart_2016-09-12_slug` → 2016-09-12 (PolNeAR names files by publication date). */
export function dateFromFileName(name: string): string | null {
  return /_(\d{4}-\d{2}-\d{2})_/.exec(name)?.[1] ?? null;
}

/** One attribution's Content (direct or reported) with its Source: what a partial quote is scored against. */
export interface GoldContent extends Span { fragments: Span[]; source: Span | null; sourceText: string | null }

/** Every attribution's Content, direct or indirect, with its Source. */
export function goldContents(attributions: BratAttribution[]): GoldContent[] {
  return attributions.filter((a) => a.content).map((a) => ({ ...hull(a.content!.fragments), fragments: a.content!.fragments, source: a.source ? hull(a.source.fragments) : null, sourceText: a.source?.text ?? null }));
}
