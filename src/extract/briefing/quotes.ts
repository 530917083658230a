// Quotes for the notes: attributed direct quotes of some length, the same words carried by several
// sources merged, ranked by how much the speaker matters.

import type { Quote } from '../../notes/model.ts';
import type { Evidence } from '../../notes/model.ts';
import { SPEAKER_CONFIDENCE_THRESHOLD } from '../rules/quotes.ts';
import { contentWords, oneLine, sentenceIndexAt, similarity, sortCites, sortEvidence, type NotesContext } from './context.ts';

export const MAX_QUOTES = 10;
/** What the notes show for a quote whose speaker the attribution could not settle. */
export const SPEAKER_UNCLEAR = 'Speaker unclear';
const MIN_WORDS = 6;
export const SAME_QUOTE = 0.6;

interface Found { text: string; speaker: string; speakerId: string | null; doc: number; start: number; end: number; words: Set<string> }

export function quotes(ctx: NotesContext): Quote[] {
  const found: Found[] = [];
  ctx.analyses.forEach((a, d) => {
    if (a.flags.includes('degraded')) return; // its quotation marks are gone: no verbatim quote can be trusted
    for (const q of a.quotes) {
      const text = oneLine(q.text).replace(/^[,;:\s]+|[,;:\s]+$/g, '');
      if (!q.speakerName || text.split(' ').length < MIN_WORDS) continue;
      // Below the threshold the attribution is a guess: say so rather than put the words in someone's mouth.
      const unclear = (q.confidence ?? 1) < SPEAKER_CONFIDENCE_THRESHOLD;
      found.push({ text, speaker: unclear ? SPEAKER_UNCLEAR : displayName(q.speakerName), speakerId: unclear ? null : q.speakerId, doc: d, start: q.start, end: q.end, words: contentWords(text) });
    }
  });
  const groups = groupAlike(found);
  const weight = (g: Found[]) => {
    const e = g[0]!.speakerId ? ctx.entities.get(g[0]!.speakerId) : undefined;
    const len = g[0]!.text.split(' ').length;
    return (e ? Math.log1p(e.salience) : 0.5) + g.length + (len >= 10 && len <= 45 ? 1 : 0);
  };
  const ranked = groups.map((g) => ({ g, w: weight(g) })).sort((a, b) => b.w - a.w || a.g[0]!.doc - b.g[0]!.doc || a.g[0]!.start - b.g[0]!.start);
  return ranked.slice(0, MAX_QUOTES).map(({ g }) => {
    const lead = g[0]!;
    const e = lead.speakerId ? ctx.entities.get(lead.speakerId) : undefined;
    return {
      text: lead.text,
      speaker: lead.speaker,
      role: e?.type === 'PERSON' ? oneLine(e.roles[0] ?? '') : '',
      cites: sortCites(g.map((f) => ctx.docs[f.doc]!.id)),
      evidence: sortEvidence(g.map((f) => quoteEvidence(ctx, f))),
    };
  });
}

/** Quotes carrying the same words: each joins the first group whose first quote is SAME_QUOTE alike, in order. */
export function groupAlike<T extends { words: Set<string> }>(found: readonly T[]): T[][] {
  const groups: T[][] = [];
  const leaders = leaderIndex(found);
  for (const f of found) {
    const home = leaders.candidates(f).find((k) => similarity(groups[k]![0]!.words, f.words) >= SAME_QUOTE);
    if (home !== undefined) groups[home]!.push(f);
    else leaders.add(f, groups.push([f]) - 1);
  }
  return groups;
}

/**
 * The groups' first quotes by their rarest words, so a quote is compared only with the leaders it could
 * match instead of with every group (a folder of thousands of sources holds thousands of quotes). Exact
 * (prefix filtering, as in duplicates.ts): two word sets at least SAME_QUOTE alike (Jaccard) share one of
 * each one's w − ceil(SAME_QUOTE·w) + 1 rarest words, in one global order (rarest first, then the word);
 * the prefix taken, w − floor(SAME_QUOTE·w) + 1, is never shorter, whatever the rounding.
 */
function leaderIndex<T extends { words: Set<string> }>(all: readonly T[]): { add: (f: T, group: number) => void; candidates: (f: T) => number[] } {
  const df = new Map<string, number>();
  for (const f of all) for (const w of f.words) df.set(w, (df.get(w) ?? 0) + 1);
  const prefix = (words: Set<string>) => [...words]
    .sort((a, b) => df.get(a)! - df.get(b)! || (a < b ? -1 : a > b ? 1 : 0))
    .slice(0, words.size - Math.floor(SAME_QUOTE * words.size) + 1);
  const postings = new Map<string, number[]>();
  return {
    add: (f, group) => { for (const w of prefix(f.words)) { const list = postings.get(w); if (list) list.push(group); else postings.set(w, [group]); } },
    // In the groups' order, so the first alike group is the one joined, as a scan of all groups would.
    candidates: (f) => [...new Set(prefix(f.words).flatMap((w) => postings.get(w) ?? []))].sort((a, b) => a - b),
  };
}

/** "the source" → "The source": an unnamed speaker reads as a name in the attribution line. */
function displayName(name: string): string {
  return oneLine(name).replace(/^\p{Ll}/u, (c) => c.toUpperCase()).replace(/,/g, '');
}

/** The sentence or sentences a quote stands in. */
function quoteEvidence(ctx: NotesContext, f: Found): Evidence {
  const s = ctx.analyses[f.doc]!.sentences;
  const first = s[sentenceIndexAt(ctx, f.doc, f.start)];
  const last = s[sentenceIndexAt(ctx, f.doc, f.end - 1)];
  const start = first?.[0] ?? f.start;
  const end = Math.max(last?.[1] ?? f.end, f.end);
  return { source: ctx.docs[f.doc]!.id, start, end, text: oneLine(ctx.docs[f.doc]!.text.slice(start, end)) };
}
