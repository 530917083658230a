// The shape rules every notes text obeys (one line, trimmed, well-formed), citation ids and ISO
// dates, and `normalizeNotes`, which brings any model to those rules before it is written.
import type { BriefingNotes, Claim, Evidence, SourceFlag } from './model.ts';

/** Characters that end a line for some reader of the file (markdown-it, YAML, editors). */
const LINE_BREAK = /\s*(?:\r\n|[\r\n\v\f\u0085\u2028\u2029])\s*/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * A text field as the notes file can hold it: line breaks folded into one space, no space at
 * either end, NUL and lone surrogates replaced by U+FFFD (markdown-it and UTF-8 would do so anyway).
 * Text fields of the model are single-line by contract; this is how a multi-line one is written.
 */
export function normalizeText(s: string): string {
  return s.replace(LINE_BREAK, ' ').replace(/\0/g, '\uFFFD').replace(LONE_SURROGATE, '\uFFFD').trim();
}

/** A source id, `s1`, `s2`… */
export const SOURCE_ID = /^s[1-9]\d*$/;

export const citeNumber = (id: string): number => Number(id.slice(1));

/** Citation ids sorted by number, without repeats: the order the model promises. */
export function sortCites(ids: readonly string[]): string[] {
  return [...new Set(ids)].sort((a, b) => citeNumber(a) - citeNumber(b) || (a < b ? -1 : a > b ? 1 : 0));
}

/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD` naming a real month and day. */
export function isIsoDate(s: string): boolean {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(s);
  if (!m) return false;
  const month = m[2] === undefined ? 1 : Number(m[2]);
  if (month < 1 || month > 12) return false;
  if (m[3] === undefined) return true;
  const day = Number(m[3]);
  const days = new Date(Date.UTC(Number(m[1]), month, 0)).getUTCDate();
  return day >= 1 && day <= days;
}

/** Timeline order: by date only (ties keep their order), so a stable sort is a no-op on valid notes. */
export function byDate<T extends { date: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

const normEvidence = (e: Evidence): Evidence => ({ ...e, text: normalizeText(e.text) });
const normNames = (names: readonly string[]) => names.map(normalizeText).filter((n) => n !== '');

/**
 * The model with every text normalised, citations and flags sorted without repeats and the
 * timeline in date order: what `parseNotes(stringifyNotes(notes))` gives back.
 */
export function normalizeNotes(n: BriefingNotes): BriefingNotes {
  const claim = <T extends Claim>(c: T): T => ({
    ...c,
    text: normalizeText(c.text),
    cites: sortCites(c.cites),
    evidence: c.evidence.map(normEvidence),
    ...(c.caveats ? { caveats: [...new Set(c.caveats)].sort() } : {}),
    ...(c.theme !== undefined ? { theme: normalizeText(c.theme) } : {}),
  });
  // In the file a theme heading holds every point after it: an unthemed point after a themed one joins it.
  const keyPoints = n.keyPoints.map(claim);
  keyPoints.forEach((p, k) => { if (p.theme === undefined && k > 0 && keyPoints[k - 1]!.theme !== undefined) keyPoints[k] = { ...p, theme: keyPoints[k - 1]!.theme! }; });
  return {
    title: normalizeText(n.title),
    subtitle: normalizeText(n.subtitle),
    asOf: normalizeText(n.asOf),
    inputs: n.inputs.map(normalizeText),
    bottomLine: n.bottomLine.map(claim),
    keyPoints,
    actors: n.actors.map((a) => ({
      ...a,
      name: normalizeText(a.name),
      description: normalizeText(a.description),
      backedBy: normNames(a.backedBy),
      opposedBy: normNames(a.opposedBy),
      cites: sortCites(a.cites),
      evidence: a.evidence.map(normEvidence),
      ...(a.positions?.length ? { positions: a.positions.map(claim) } : {}),
    })),
    timeline: byDate(n.timeline.map((e) => ({ ...claim(e), date: normalizeText(e.date) }))),
    quotes: n.quotes.map((q) => ({ ...claim(q), speaker: normalizeText(q.speaker), role: normalizeText(q.role) })),
    figures: n.figures.map((f) => ({ ...claim(f), figure: normalizeText(f.figure) })),
    discrepancies: n.discrepancies.map(claim),
    ...(n.trends?.length ? { trends: n.trends.map((t) => ({ ...claim(t), measure: normalizeText(t.measure), points: t.points.map((p) => ({ ...p, figure: normalizeText(p.figure) })) })) } : {}),
    sources: n.sources.map((s) => ({
      ...s,
      file: normalizeText(s.file),
      title: normalizeText(s.title),
      outlet: normalizeText(s.outlet),
      flags: [...new Set(s.flags)].sort() as SourceFlag[],
    })),
  };
}
