// The mention a quote is attributed to, read from the words around it: "…,” X said / said X" after
// the quote, "X said: “…" or "according to X, “…" before it, "…” ― X" in vox-pop lists.

import { sentenceEndFrom } from '../sentences.ts';
import { isNounUse } from './direct.ts';
import { phraseAfter, phraseBefore, subjectAt, type Span } from './phrases.ts';
import type { RawQuote } from './spans.ts';
import { isQuoteVerb, NAMING_VERBS, wordsOf } from './verbs.ts';

/** How far after a closing mark "X said" may stand, in words. */
const MAX_WORDS_TO_VERB = 24;

/** The speaker mention for a quote, or null when the words around it attribute it to nobody. */
export function attributedMention(text: string, q: RawQuote, lead: string, next: RawQuote | null): Span | null {
  // "Smith scolded him: “…,” she said" names the speaker first; the colon line wins.
  if (/:\s*$/.test(lead)) return mentionBefore(text, q.open - lead.length, q.open) ?? mentionAfter(text, q, next);
  return mentionAfter(text, q, next) ?? mentionBefore(text, q.open - lead.length, q.open);
}

/** "…,” Smith said." / "…,” said Smith." / "…?” Smith asked." / "…” ― Smith". */
function mentionAfter(text: string, q: RawQuote, next: RawQuote | null): Span | null {
  const quoted = text.slice(q.start, q.end);
  // After a quote that ends its sentence with a full stop, what follows is a new sentence.
  if (/\.\W*$/u.test(quoted) && !/^\s*[―—]/u.test(text.slice(q.close, q.close + 3))) return null;
  let end = sentenceEndFrom(text, q.close, 300);
  if (next && next.open < end) end = next.open;
  const tail = text.slice(q.close, end);
  // "…” ― Priya Nair": a name after a dash signs a vox-pop quote ("…” -- a charge that …" is the writer's).
  const dash = /^\s*[―—–-]+\s*(?=\p{Lu})/u.exec(tail);
  if (dash && !/^(?:The|A|An|This|That|It|But|And)\b/.test(tail.slice(dash[0].length))) return phraseAfter(text, q.close + dash[0].length, end);
  if (/^\s*[―—–-]/u.test(tail)) return null;
  const words = wordsOf(tail);
  for (let k = 0; k < Math.min(words.length, MAX_WORDS_TO_VERB); k++) {
    const w = words[k]!;
    if (!isQuoteVerb(w.lower) || isNounUse(words, k)) continue;
    // "the spokesman, who asked not to be named, told …": a relative clause's verb is not the attribution.
    if (k > 0 && /^(?:who|which|whom)$/.test(words[k - 1]!.lower)) continue;
    const verbStart = q.close + w.index;
    if (k === 0) return phraseAfter(text, verbStart + w.word.length, end);
    // "…?” Smith asked" reads as attribution; "…?” The crowd cheered, …" does not reach a verb soon.
    return phraseBefore(text, verbStart, q.close);
  }
  return null;
}

/** "Smith said: “…", "He told the host, “…", "According to Smith, “…". `from` is where the lead starts. */
export function mentionBefore(text: string, from: number, to: number): Span | null {
  // A lead that ends its own sentence ("Smith spoke. “…") names the speaker in that sentence.
  const lead = text.slice(from, to).replace(/[.!?]["”’)]*\s*$/u, (m) => ' '.repeat(m.length));
  const cut = Math.max(lead.lastIndexOf('. '), lead.lastIndexOf('? '), lead.lastIndexOf('! '));
  const clauseStart = cut === -1 ? from : from + cut + 2;
  const clause = text.slice(clauseStart, to);
  const according = /\baccording to\s+/i.exec(clause);
  if (according) return phraseAfter(text, clauseStart + according.index + according[0].length, to);
  const words = wordsOf(clause);
  for (let k = words.length - 1; k >= 0; k--) {
    const w = words[k]!;
    if (!(isQuoteVerb(w.lower) || NAMING_VERBS.has(w.lower)) || isNounUse(words, k)) continue;
    const verbStart = clauseStart + w.index;
    // "Trump attacked Clinton …, saying, “…": a participle after a comma speaks for the clause's subject.
    const participle = /ing$/.test(w.lower) && /,\s*$/.test(clause.slice(0, w.index));
    const before = participle ? null : phraseBefore(text, verbStart, clauseStart);
    if (before) return before;
    // "Said Smith: “…" (verb first, at the clause start).
    if (clause.slice(0, w.index).trim() === '') return phraseAfter(text, verbStart + w.word.length, to);
    // "I laughed and said, “…", "She then urges … and repeatedly says": the clause's subject.
    return subjectAt(text, clauseStart, verbStart);
  }
  // "Sanders made the following comment: “…": a colon line without a verb of saying.
  return /:\s*$/.test(clause) ? subjectAt(text, clauseStart, to) : null;
}

/** The last sentence of the paragraph before `paragraphStart`, when it ends with a colon ("He said:"). */
export function colonLeadBefore(text: string, paragraphStart: number): { from: number; to: number } | null {
  let to = paragraphStart;
  while (to > 0 && /\s/.test(text[to - 1]!)) to--;
  if (text[to - 1] !== ':') return null;
  const nl = text.lastIndexOf('\n', to - 1);
  return { from: nl + 1, to: to - 1 };
}
