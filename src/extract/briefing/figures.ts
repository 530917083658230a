// Figures for the notes: numbers with what they measure, each with the sentence it comes from.

import type { Figure } from '../../notes/model.ts';
import { oneLine, sentenceEvidence, sentenceIndexAt, sortCites, type NotesContext } from './context.ts';

export const MAX_FIGURES = 10;

export function figures(ctx: NotesContext): Figure[] {
  const out: Array<Figure & { rank: number }> = [];
  const seen = new Set<string>();
  ctx.analyses.forEach((a, d) => {
    for (const f of a.figures) {
      if (!f.measure) continue;
      const k = sentenceIndexAt(ctx, d, f.start);
      if (k < 0) continue;
      const ev = sentenceEvidence(ctx, d, k);
      const owner = f.entityId ? ctx.entities.get(f.entityId) : undefined;
      const label = oneLine(owner && f.measure === 'age' ? `${f.text} (${owner.canonical})` : /\p{L}/u.test(f.text.replace(/^[\d.,\s$€£%]+/u, '')) ? f.text : `${f.text} ${f.measure}`);
      const key = `${label}|${ev.text}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const rank = (a.flags.includes('degraded') ? 0 : 2) + (f.unit ? 1 : 0) + (owner ? 1 : 0) - k / 100;
      out.push({ figure: label, text: ev.text, cites: sortCites([ev.source]), evidence: [ev], rank });
    }
  });
  return out
    .sort((x, y) => y.rank - x.rank || x.cites[0]!.localeCompare(y.cites[0]!, 'en', { numeric: true }) || x.evidence[0]!.start - y.evidence[0]!.start)
    .slice(0, MAX_FIGURES)
    .map(({ rank: _rank, ...f }) => f);
}
