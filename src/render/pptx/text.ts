// Shared pieces of the text slides: citations, support and caveats as runs, speaker-note lines for a
// claim, and a list laid out over as few slides as fit (continuation slides as a last resort).
import type { Claim, ClaimCaveat, Evidence } from '../../notes/model.ts';
import { fitSize, paginate, paraText, type Para, type Run } from './fit.ts';
import type { SlideSpec } from './spec.ts';
import { BODY_SIZES, COLOURS, CONTENT_BOX, TITLE_BOX, TITLE_SIZES, type Box } from './theme.ts';

export const citeText = (cites: readonly string[]): string => (cites.length ? ` [${cites.join(', ')}]` : '');
export const citeRun = (cites: readonly string[]): Run => ({ text: citeText(cites), colour: COLOURS.muted });

const CAVEAT_WORDS: Record<ClaimCaveat, string> = { degraded: 'damaged source', undated: 'undated source', stale: 'old source' };

/** "2 sources · single source: undated source" after a claim, when the notes say so. */
export function supportRuns(claim: Claim): Run[] {
  const runs: Run[] = [];
  const support = claim.support ?? claim.cites.length;
  if (claim.support !== undefined || support > 1) runs.push({ text: ` · ${support} ${support === 1 ? 'source' : 'sources'}`, colour: COLOURS.faint });
  if (claim.caveats?.length) runs.push({ text: ` · caution: ${claim.caveats.map((c) => CAVEAT_WORDS[c]).join(', ')}`, colour: COLOURS.warn });
  return runs;
}

/** A claim as a bulleted paragraph: its words, its citations, its support. */
export function claimPara(claim: Claim, lead: Run[] = []): Para {
  return { runs: [...lead, { text: claim.text }, citeRun(claim.cites), ...supportRuns(claim)], bullet: true };
}

/** Speaker-note lines for an item: what the slide shows, then each sentence behind it with its source. */
export function noteLines(shown: string, evidence: readonly Evidence[]): string[] {
  return [`• ${shown}`, ...evidence.map((e) => `    ${e.source}: “${e.text}”`)];
}

/** A content title that fits its placeholder (titles are short words of ours, or the briefing's). */
export function titleSize(title: string, box: Box = TITLE_BOX, sizes: readonly number[] = TITLE_SIZES): number {
  return fitSize([{ runs: [{ text: title, bold: true }] }], box, sizes) ?? sizes[sizes.length - 1]!;
}

/** One item of a list slide: its paragraphs and its speaker-note lines. */
export interface ListItem {
  paras: Para[];
  notes: string[];
  /** A heading (a theme's title) that must not end a slide. */
  heading?: boolean;
}

/**
 * A list over as few slides as it takes: one at the largest size that fits; otherwise at the smallest
 * size, continued on "(cont.)" slides. Each slide's notes hold the items it shows.
 */
export function listSlides(title: string, items: readonly ListItem[], opts: { box?: Box; sizes?: readonly number[]; intro?: string } = {}): SlideSpec[] {
  if (items.length === 0) return [];
  const box = opts.box ?? CONTENT_BOX;
  const paras = items.flatMap((item, key) => item.paras.map((p) => ({ ...p, key, ...(item.heading ? { keep: true } : {}) })));
  const pages = paginate(paras, box, opts.sizes ?? BODY_SIZES);
  return pages.map((page, n) => {
    const shown = [...new Set(page.paras.map((p) => p.key ?? -1))].filter((k) => k >= 0);
    const pageTitle = n === 0 ? title : `${title} (cont.)`;
    const notes = [pageTitle, ...(opts.intro && n === 0 ? [opts.intro] : []), '', ...shown.flatMap((k) => items[k]!.notes)].join('\n');
    return {
      master: 'CONTENT' as const,
      title: pageTitle,
      titlePt: titleSize(pageTitle),
      blocks: [{ kind: 'text' as const, box, pt: page.pt, paras: page.paras.map(stripKey), name: 'Body' }],
      notes,
    };
  });
}

const stripKey = ({ runs, bullet, sub }: Para): Para => ({ runs, ...(bullet ? { bullet } : {}), ...(sub ? { sub } : {}) });

/** Plain text of paragraphs, for notes and tests. */
export const parasText = (paras: readonly Para[]): string => paras.map(paraText).join('\n');
