// Reader for Quotes: blockquotes of the words, then `> — Speaker, role [cites]`, then optional
// indented evidence lines; a quote ends at a blank line or at the first line after its evidence.
import type { Quote } from '../model.ts';
import { describe, type Block } from './blocks.ts';
import type { Located, ReadContext } from './context.ts';
import { splitUnescaped, structureView } from './inline.ts';
import { looksLikeEvidence, quoteLines, readEvidence, withCites, type RawLine } from './items.ts';

interface RawQuote {
  words: RawLine[];
  attribution?: RawLine;
  evidence: RawLine[];
}

const ATTRIBUTION = /^\s*—\s*/;

/** Cut a blockquote's lines into quotes: words…, attribution, evidence…, words…, … */
function cut(lines: readonly RawLine[]): RawQuote[] {
  const quotes: RawQuote[] = [];
  let q: RawQuote | undefined;
  for (const l of lines) {
    if (q && !q.attribution && ATTRIBUTION.test(structureView(l.raw))) q.attribution = l;
    else if (q?.attribution && looksLikeEvidence(l.raw)) q.evidence.push(l);
    else if (q && !q.attribution) q.words.push(l);
    else quotes.push((q = { words: [l], evidence: [] }));
  }
  return quotes;
}

function readQuote(q: RawQuote, ctx: ReadContext): Located<Quote> | null {
  const line = q.words[0]!.line;
  if (!q.attribution) {
    ctx.error(line, 'Quotes: quote does not end with "> — Speaker, role [sN]"', 'every quote names who said it');
    return null;
  }
  const attributionLine = q.attribution.line;
  const split = withCites({ raw: q.attribution.raw.replace(ATTRIBUTION, ''), line: attributionLine }, ctx, 'Quotes');
  if (!split) return null;
  const [speaker = '', ...role] = splitUnescaped(split.rest, /,/);
  const evidence = q.evidence.map((l) => ({ e: readEvidence(l, ctx), line: l.line })).filter((x) => x.e !== null);
  const quote: Quote = {
    text: ctx.plain(q.words.map((w) => w.raw).join('\n'), line),
    speaker: ctx.plain(speaker, attributionLine),
    role: ctx.plain(role.join(','), attributionLine),
    cites: split.cites,
    evidence: evidence.map((x) => x.e!),
  };
  return { value: quote, line, evidenceLines: evidence.map((x) => x.line) };
}

export function readQuotes(section: readonly Block[], ctx: ReadContext): Located<Quote>[] {
  return section.flatMap((b) => {
    if (b.type !== 'blockquote') {
      ctx.error(b.line, `Quotes: expected "> words" then "> — Speaker, role [sN]", found ${describe(b)}`);
      return [];
    }
    return cut(quoteLines(b, ctx)).flatMap((q) => readQuote(q, ctx) ?? []);
  });
}
