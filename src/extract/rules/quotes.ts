// Direct quotes and who said them. Named steps, in order: quotation spans (quotes/spans.ts), keep
// the direct ones (quotes/direct.ts), find the mention the attribution points at (quotes/attribution.ts):
// around the quote, in the sentence or colon line before it, or carried over from the quote it
// continues; then resolve that mention to an entity (quotes/speakers.ts, quotes/pronouns.ts).

import type { AttributionSite, EntityMention, QuoteMention } from '../analysis.ts';
import { splitSentences, unwrapLines } from './sentences.ts';
import { attributedMention, colonLeadBefore, mentionBefore } from './quotes/attribution.ts';
import { isDirectQuote, leadOf } from './quotes/direct.ts';
import { partialQuoteSite } from './quotes/partial.ts';
import { phraseBefore, PRONOUN_SPEAKERS, subjectAt, type Span } from './quotes/phrases.ts';
import { gendersOf, lastBefore, type LastSpeaker } from './quotes/pronouns.ts';
import { rankReferents, type SalienceContext } from './quotes/salience.ts';
import { findQuoteSpans, type RawQuote } from './quotes/spans.ts';
import { entityForPhrase, fullestDescription } from './quotes/speakers.ts';

export { findQuoteSpans, type RawQuote } from './quotes/spans.ts';

/** A quote's attribution: the mention it points at, the entity that mention resolves to, and how sure that is. */
interface Attribution {
  span: Span | null; id: string | null; name: string | null; type: string | null; quote: RawQuote;
  site: AttributionSite; form: 'named' | 'pronoun' | 'unnamed'; confidence: number;
}

/** Below this confidence a speaker is reported as unclear rather than guessed. */
export const SPEAKER_CONFIDENCE_THRESHOLD = 0.6;
/** How much a description read after the quote ("… the source said. A senior source told …") is trusted. */
const LATER_DESCRIPTION = 0.75;
/** Confidence by how the speaker was found, before any pronoun's own margin. */
const SITE_CONFIDENCE: Record<AttributionSite, number> = { after: 0.95, before: 0.9, continuation: 0.85, nearby: 0.6 };

/** Find direct quotes and their speakers in one document. `mentions` must be sorted by start. */
export function findQuotes(original: string, mentions: readonly EntityMention[]): QuoteMention[] {
  // Hard-wrapped copy read with its in-paragraph line breaks as spaces; offsets are the same.
  const text = unwrapLines(original);
  const raw = findQuoteSpans(text);
  const out: QuoteMention[] = [];
  const accepted: RawQuote[] = [];
  /** Whether an offset is inside quotation marks (words a speaker said, not the writer's). */
  const quoted = (at: number) => raw.some((r) => at >= r.start && at < r.end);
  // Computed on first use only: most documents need no pronoun resolved.
  const salience = lazy((): SalienceContext => ({ text, mentions, sentences: splitSentences(original), genders: gendersOf(text, mentions), quoted }));
  let last: Attribution | null = null;
  raw.forEach((q, k) => {
    const lead = leadOf(text, q, raw[k - 1] ?? null);
    if (!isDirectQuote(text, q, lead, raw[k - 1] ?? null)) {
      const partial = partialQuote(text, q, lead, raw[k + 1] ?? null, mentions, salience, last);
      if (partial) { out.push({ ...mentionOf(original, q, partial), kind: 'partial' }); accepted.push(q); last = partial.name ? partial : last; }
      return;
    }
    let found: Attribution | null;
    if (last && attributionInLead(text, last, q)) {
      found = { ...last, quote: q, site: 'continuation' }; // “A,” X said on Monday at the hall where Y spoke. “B.”: still X
    } else {
      const span = attributedMention(text, q, lead, raw[k + 1] ?? null) ?? colonLine(text, q, lead);
      if (span) found = resolveMention(text, span, q, mentions, salience, last);
      else if (last && continues(q, lead, last.quote)) found = { ...last, quote: q, site: 'continuation', confidence: Math.min(last.confidence, SITE_CONFIDENCE.continuation) }; // “A,” said X. “B.”: B is X's too
      else found = speakerNamedBefore(text, q, mentions);
    }
    accepted.push(q);
    out.push(mentionOf(original, q, found));
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
    out[k] = { ...q, speakerId: n.speakerId, speakerName: n.speakerName, speakerStart: n.speakerStart, speakerEnd: n.speakerEnd, attribution: 'continuation', speakerForm: n.speakerForm ?? null, confidence: n.confidence ?? 0 };
  }
  return out;
}

/** A partial quote with its speaker (the subject of the report it completes, or "X said" after it), or null. */
function partialQuote(text: string, q: RawQuote, lead: string, next: RawQuote | null, mentions: readonly EntityMention[], salience: () => SalienceContext, last: Attribution | null): Attribution | null {
  const at = partialQuoteSite(text, q, lead);
  if (!at) return null;
  const span = at.site === 'report-before' ? phraseBefore(text, at.verb, at.sentenceStart) ?? subjectAt(text, at.sentenceStart, at.verb) : attributedMention(text, q, lead, next);
  if (!span || (at.site === 'attribution-after' && span.start < q.close)) return null;
  return resolveMention(text, span, q, mentions, salience, last);
}

/** The analysis record of a quote and its attribution. */
function mentionOf(text: string, q: RawQuote, found: Attribution | null): QuoteMention {
  return {
    start: q.start, end: q.end, text: text.slice(q.start, q.end),
    speakerId: found?.id ?? null, speakerName: found?.name ?? null,
    speakerStart: found?.span?.start ?? null, speakerEnd: found?.span?.end ?? null,
    kind: 'direct', attribution: found?.site ?? null, speakerForm: found?.form ?? null,
    confidence: round2(found?.name ? found.confidence : 0),
  };
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** The entity behind a speaker mention: a pronoun's referent, or the entity (or unnamed speaker) a phrase names. */
function resolveMention(text: string, span: Span, q: RawQuote, mentions: readonly EntityMention[], salience: () => SalienceContext, last: Attribution | null): Attribution {
  const said = text.slice(span.start, span.end);
  // "…, the agency said. “…”": named in the sentence before, the quote continues that sentence's frame.
  const site: AttributionSite = span.start >= q.close ? 'after' : /[.!?]["”’)]*\s/u.test(text.slice(span.end, q.open)) ? 'continuation' : 'before';
  if (PRONOUN_SPEAKERS.has(said.toLowerCase())) {
    const who = rankReferents(said, span.start, salience(), lastSpeaker(last));
    return { span, id: who?.id ?? null, name: who?.name ?? null, type: who?.type ?? null, quote: q, site, form: 'pronoun', confidence: SITE_CONFIDENCE[site] * (who?.confidence ?? 0) };
  }
  const who = entityForPhrase(text, span, mentions);
  // "the official said on condition of anonymity" is the unnamed speaker the text described most fully
  // ("a State Department official"); "the spokesman, who asked not to be named" stays as written when none is.
  const described = who ? null : fullestDescription(text, span);
  // A description written only later may be another unnamed person: less sure.
  const confidence = SITE_CONFIDENCE[site] * (described && described.at > span.start ? LATER_DESCRIPTION : 1);
  return { span, id: who?.id ?? null, name: who?.name ?? described?.text ?? said.replace(/\s+/g, ' ').trim(), type: who?.type ?? null, quote: q, site, form: who ? 'named' : 'unnamed', confidence };
}

/** Computed on first use only. */
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
  return m ? { span: { start: m.start, end: m.end }, id: m.id, name: m.canonical, type: m.type, quote: q, site: 'nearby', form: 'named', confidence: SITE_CONFIDENCE.nearby } : null;
}

const SPEAKS_AFTER = /^['’]?s?\s*(?:,[^,]{0,80},\s*)?(?:\p{Ll}+ly\s+|also\s+|has\s+|had\s+|then\s+)?(?:said|says|told|tells|stressed|added|argued|insisted|explained|warned|continued|asked|wrote|writes|announced|declared|tweeted|recalled|reports|reported)\b/u;

function lastSpeaker(a: Attribution | null): LastSpeaker | null {
  if (!a?.id || !a.name || !a.span) return null;
  return { id: a.id, name: a.name, type: a.type ?? 'PERSON', at: a.span.start };
}
