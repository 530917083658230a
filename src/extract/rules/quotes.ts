// Direct quotes and who said them. Named steps, in order: quotation spans (quotes/spans.ts), keep
// the direct ones (quotes/direct.ts), find the mention the attribution points at (quotes/attribution.ts):
// around the quote, in the sentence or colon line before it, or carried over from the quote it
// continues; then resolve that mention to an entity (quotes/speakers.ts, quotes/pronouns.ts).

import type { EntityMention, QuoteMention } from '../analysis.ts';
import { attributedMention, colonLeadBefore, mentionBefore } from './quotes/attribution.ts';
import { isDirectQuote, leadOf } from './quotes/direct.ts';
import { PRONOUN_SPEAKERS, type Span } from './quotes/phrases.ts';
import { gendersOf, lastBefore, resolvePronoun, type Gender, type LastSpeaker } from './quotes/pronouns.ts';
import { findQuoteSpans, type RawQuote } from './quotes/spans.ts';
import { entityForPhrase } from './quotes/speakers.ts';

export { findQuoteSpans, type RawQuote } from './quotes/spans.ts';

/** A quote's attribution: the mention it points at and the entity that mention resolves to. */
interface Attribution { span: Span | null; id: string | null; name: string | null; type: string | null; quote: RawQuote }

/** Find direct quotes and their speakers in one document. `mentions` must be sorted by start. */
export function findQuotes(text: string, mentions: readonly EntityMention[]): QuoteMention[] {
  const raw = findQuoteSpans(text);
  const out: QuoteMention[] = [];
  const accepted: RawQuote[] = [];
  const genders = lazy(() => gendersOf(text, mentions));
  let last: Attribution | null = null;
  /** Whether an offset is inside quotation marks (words a speaker said, not the writer's). */
  const quoted = (at: number) => raw.some((r) => at >= r.start && at < r.end);
  raw.forEach((q, k) => {
    const lead = leadOf(text, q, raw[k - 1] ?? null);
    if (!isDirectQuote(text, q, lead, raw[k - 1] ?? null)) return;
    let found: Attribution | null;
    if (last && attributionInLead(text, last, q)) {
      found = { ...last, quote: q }; // “A,” X said on Monday at the hall where Y spoke. “B.”: still X
    } else {
      const span = attributedMention(text, q, lead, raw[k + 1] ?? null) ?? colonLine(text, q, lead);
      if (span) found = resolveMention(text, span, q, mentions, genders, last, quoted);
      else if (last && continues(q, lead, last.quote)) found = { ...last, quote: q }; // “A,” said X. “B.”: B is X's too
      else found = speakerNamedBefore(text, q, mentions);
    }
    accepted.push(q);
    out.push({
      start: q.start, end: q.end, text: text.slice(q.start, q.end),
      speakerId: found?.id ?? null, speakerName: found?.name ?? null,
      speakerStart: found?.span?.start ?? null, speakerEnd: found?.span?.end ?? null,
    });
    if (found?.name) last = found;
  });
  return attributeRunOnParagraphs(out, accepted);
}

/**
 * A quote left open at its paragraph's end goes on in the next paragraph when that opens with a mark;
 * the speaker is often named only in the last paragraph, so it is carried back to the earlier ones.
 */
function attributeRunOnParagraphs(out: QuoteMention[], raws: readonly RawQuote[]): QuoteMention[] {
  for (let k = out.length - 2; k >= 0; k--) {
    const q = out[k]!;
    const raw = raws[k]!;
    const next = raws[k + 1]!;
    if (q.speakerName || !raw.unclosed || next.paragraph !== raw.paragraph + 1 || next.open !== next.paragraphStart) continue;
    const n = out[k + 1]!;
    out[k] = { ...q, speakerId: n.speakerId, speakerName: n.speakerName, speakerStart: n.speakerStart, speakerEnd: n.speakerEnd };
  }
  return out;
}

/** The entity behind a speaker mention: a pronoun's referent, or the entity (or unnamed speaker) a phrase names. */
function resolveMention(text: string, span: Span, q: RawQuote, mentions: readonly EntityMention[], genders: () => Map<string, Gender>, last: Attribution | null, quoted: (at: number) => boolean): Attribution {
  const said = text.slice(span.start, span.end);
  if (PRONOUN_SPEAKERS.has(said.toLowerCase())) {
    const who = resolvePronoun(said, span.start, mentions, genders(), lastSpeaker(last), quoted);
    return { span, id: who?.id ?? null, name: who?.name ?? null, type: who?.type ?? null, quote: q };
  }
  const who = entityForPhrase(text, span, mentions);
  // "the spokesman, who asked not to be named" stays an unnamed speaker, as written.
  return { span, id: who?.id ?? null, name: who?.name ?? said.replace(/\s+/g, ' ').trim(), type: who?.type ?? null, quote: q };
}

/** Computed on first use only: most documents need no pronoun resolved. */
function lazy<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}

/** "He said:" closing the paragraph before a quote that opens its own paragraph. */
function colonLine(text: string, q: RawQuote, lead: string): Span | null {
  if (lead.trim() !== '') return null;
  const line = colonLeadBefore(text, q.paragraphStart);
  return line ? mentionBefore(text, line.from, line.to) : null;
}

/** The last quote's "X said …" runs up to this quote with no new sentence between: the same speaker goes on. */
function attributionInLead(text: string, last: Attribution, q: RawQuote): boolean {
  const span = last.span;
  if (!span || last.quote.paragraph !== q.paragraph || span.start < last.quote.close || span.end > q.open) return false;
  const between = text.slice(span.end, q.open).trimEnd().replace(/\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|St|Jr|\p{Lu})\./gu, 'x');
  return !/[.!?]["”’)]*\s+\S/u.test(between);
}

/** Whether a quote with no attribution of its own goes on from the last attributed one. */
function continues(q: RawQuote, lead: string, previous: RawQuote): boolean {
  if (previous.paragraph === q.paragraph) return true;
  // A quote opening the next paragraph (or the one after a quote that ran on unclosed).
  return lead.trim() === '' && q.paragraph - previous.paragraph <= 2;
}

/** No attribution nearby: the person who last said something shortly before, pointed at where named. */
function speakerNamedBefore(text: string, q: RawQuote, mentions: readonly EntityMention[]): Attribution | null {
  const m = lastBefore(mentions, q.open, (x) => x.type !== 'PLACE' && x.start >= q.open - 600 && SPEAKS_AFTER.test(text.slice(x.end, x.end + 80)));
  return m ? { span: { start: m.start, end: m.end }, id: m.id, name: m.canonical, type: m.type, quote: q } : null;
}

const SPEAKS_AFTER = /^['’]?s?\s*(?:,[^,]{0,80},\s*)?(?:\p{Ll}+ly\s+|also\s+|has\s+|had\s+|then\s+)?(?:said|says|told|tells|stressed|added|argued|insisted|explained|warned|continued|asked|wrote|writes|announced|declared|tweeted|recalled|reports|reported)\b/u;

function lastSpeaker(a: Attribution | null): LastSpeaker | null {
  if (!a?.id || !a.name || !a.span) return null;
  return { id: a.id, name: a.name, type: a.type ?? 'PERSON', at: a.span.start };
}
