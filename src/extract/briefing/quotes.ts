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
const SAME_QUOTE = 0.6;

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
  const groups: Found[][] = [];
  for (const f of found) {
    const home = groups.find((g) => similarity(g[0]!.words, f.words) >= SAME_QUOTE);
    if (home) home.push(f); else groups.push([f]);
  }
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
