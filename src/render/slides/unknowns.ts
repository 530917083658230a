// "What is unknown or undated": the sources without a date or much older than the rest, and the
// claims resting on one weak source (their caveats), so the room knows what to weigh lightly.
import type { BriefingNotes, Claim, SourceEntry } from '../../notes/model.ts';
import { clipText } from './escape.ts';
import { atZoom, CONTENT, citesEm, textHeight } from './geometry.ts';
import { cite, sectionSlides, type SectionSlides } from './list.ts';
import { html, note } from './markup.ts';
import { dateText, itemNotes, sourceIndex } from './notes.ts';
import { caveatText, CLAIM_CHARS } from './points.ts';

type Sources = ReturnType<typeof sourceIndex>;

interface Unknown {
  /** Our words: `undated source`, `⚠ single source, undated`. */
  tag: string;
  text: string;
  cites: string[];
  /** For a source: the claims that cite it, so the room sees what rests on it. */
  resting: Claim[];
  notes: () => ReturnType<typeof itemNotes>;
}

/** Claims shown under an undated or old source, and how long each may be. */
const RESTING = { shown: 3, chars: 110 };
const RESTING_BOX = { px: 15, line: 20, width: CONTENT.width - 196 - 16 };

const TAG = { px: 14, line: 19, width: 180 };
const TEXT = { px: 18, line: 25, width: CONTENT.width - 196 };

const isUndated = (s: SourceEntry): boolean => s.date === null || s.flags.includes('undated');

/** The claims of the notes, most important first, each once. */
function allClaims(n: BriefingNotes): Claim[] {
  const seen = new Set<string>();
  return [...n.bottomLine, ...n.keyPoints, ...n.discrepancies, ...n.figures, ...n.timeline].filter((c) => !seen.has(c.text) && !!seen.add(c.text));
}

const isWeak = (s: SourceEntry): boolean => isUndated(s) || s.flags.includes('stale');

/**
 * The first RESTING.shown claims (in `claims`' order) citing each of `ids`: one pass over the
 * citations, rather than every claim searched for every weak source (thousands of each at scale).
 */
export function restingClaims(claims: readonly Claim[], ids: ReadonlySet<string>): Map<string, Claim[]> {
  const resting = new Map<string, Claim[]>();
  for (const c of claims) {
    for (const id of new Set(c.cites)) {
      if (!ids.has(id)) continue;
      const list = resting.get(id) ?? [];
      if (list.length < RESTING.shown) resting.set(id, [...list, c]);
    }
  }
  return resting;
}

function sourceUnknowns(n: BriefingNotes, sources: readonly SourceEntry[]): Unknown[] {
  const weak = sources.filter(isWeak);
  const resting = restingClaims(allClaims(n), new Set(weak.map((s) => s.id)));
  return weak
    .map((s) => ({
      tag: isUndated(s) ? (s.flags.includes('stale') ? 'old, undated source' : 'undated source') : 'old source',
      text: `${s.title === 'untitled' ? s.file : s.title} — ${s.outlet}${isUndated(s) ? '' : `, ${dateText(s)}`}`,
      cites: [s.id],
      resting: resting.get(s.id) ?? [],
      notes: () => [note`- ${s.id}: ${s.file} — ${s.title} — ${s.outlet} — ${dateText(s)} — ${s.flags.join(', ') || 'no flags'}`],
    }));
}

/** Caveated claims, except those shown already under the undated or old source they rest on. */
function claimUnknowns(n: BriefingNotes, sources: Sources): Unknown[] {
  const weak = new Set(n.sources.filter(isWeak).map((s) => s.id));
  return allClaims(n).flatMap((c) => {
    const tag = caveatText(c);
    const underSource = c.cites.length === 1 && weak.has(c.cites[0] ?? '');
    return tag && !underSource ? [{ tag, text: c.text, cites: c.cites, resting: [], notes: () => itemNotes(c.text, c.cites, c.evidence, sources) }] : [];
  });
}

function unknownHeight(u: Unknown, z: number): number {
  const text = textHeight(clipText(u.text, CLAIM_CHARS), atZoom(TEXT, z, CONTENT.width - TEXT.width), citesEm(u.cites, TEXT.px));
  const resting = u.resting.reduce(
    (sum, c) => sum + 4 + textHeight(`cited for: ${clipText(c.text, RESTING.chars)}`, atZoom(RESTING_BOX, z, CONTENT.width - RESTING_BOX.width), citesEm(c.cites, RESTING_BOX.px)),
    0,
  );
  return text + resting;
}

/** None when every source is dated and current and no claim carries a caveat. */
export function unknownsSlides(n: BriefingNotes, sources: Sources): SectionSlides {
  // The weak sources with what rests on them, then claims weak for another reason (damaged text).
  const items = [...sourceUnknowns(n, n.sources), ...claimUnknowns(n, sources)];
  return sectionSlides<Unknown>({
    kind: 'unknowns',
    layout: 'points',
    heading: 'What is unknown or undated',
    appendixHeading: 'More unknowns',
    items,
    maxItems: 6,
    // A short list (one undated source) still fills its slide: measured 38% of the box at 1.6.
    maxZoom: 2,
    list: ['<ul class="b-unknowns">', '</ul>'],
    item: (u) =>
      html`<li><span class="b-unknown-tag">${u.tag}</span><span><bdi>${clipText(u.text, CLAIM_CHARS)}</bdi> ${cite(u.cites)}${u.resting.map(
        (c) => html`<span class="b-resting">cited for: <bdi>${clipText(c.text, RESTING.chars)}</bdi> ${cite(c.cites)}</span>`,
      )}</span></li>`,
    height: (u, z) => z * (Math.max(textHeight(u.tag, atZoom(TAG, z, Infinity)), unknownHeight(u, z)) + 12),
    notes: (u) => u.notes(),
  });
}
