// The support marker of a claim: `{2 sources}`, `{1 source; stale, undated}` written before its citations
// (how many independent sources back it, and why to weigh it lightly). An analyst may edit or delete it.
import type { ClaimCaveat } from '../model.ts';
import type { ReadContext } from './context.ts';
import { structureView } from './inline.ts';

export const CAVEATS: readonly ClaimCaveat[] = ['degraded', 'stale', 'undated'];

/** An unescaped `{…}` at the end of a claim's raw text (citations already cut off). */
const MARKER = /\{([^{}\0]*)\}\s*$/;

/** The raw text without its marker, and what the marker says; a malformed marker is reported. */
export function splitMarker(raw: string, ctx: ReadContext, line: number, name: string): { rest: string; support?: number; caveats?: ClaimCaveat[] } {
  const m = MARKER.exec(structureView(raw));
  if (!m) return { rest: raw };
  const out: { rest: string; support?: number; caveats?: ClaimCaveat[] } = { rest: raw.slice(0, m.index) };
  const caveats = new Set<ClaimCaveat>();
  for (const part of m[1]!.split(/\s*;\s*/).map((p) => p.trim()).filter(Boolean)) {
    const n = /^(\d+)\s+(?:independent\s+)?sources?$/i.exec(part);
    if (n) { out.support = Number(n[1]); continue; }
    for (const word of part.split(/\s*,\s*/)) {
      const c = CAVEATS.find((x) => x === word.toLowerCase());
      if (c) caveats.add(c);
      else ctx.error(line, `${name}: "{${m[1]}}" is not a support marker like {2 sources} or {1 source; stale}`, `caveats are ${CAVEATS.join(', ')}; write \\{ for a brace in the text`);
    }
  }
  if (caveats.size) out.caveats = [...caveats].sort();
  return out;
}
