// Figures for the notes: numbers with a unit or a counted noun and what they measure ("at least 213 people
// have been killed", "some $2 million"), the same figure from several sources merged with all their
// citations, each with the sentence it comes from. Ages are left to the actors.

import type { Evidence, Figure } from '../../notes/model.ts';
import type { FigureMention } from '../analysis.ts';
import { itemsBySentence, oneLine, sentenceEvidence, sentenceIndexAt, shownText, sortCites, sortEvidence, type NotesContext } from './context.ts';

export const MAX_FIGURES = 10;
/** A label read from the source longer than this (words) falls back to "number + measure". */
const MAX_LABEL_WORDS = 9;

/** Hedges that belong to the number: "at least 213" and "213" are not the same claim. */
const QUALIFIER_BEFORE = /\b(?:at\s+least|more\s+than|less\s+than|fewer\s+than|over|nearly|almost|about|around|roughly|some|up\s+to|an\s+estimated|as\s+many\s+as)\s+$/i;
/** Measures worth a briefing above the rest: tolls, money, forces. */
const WEIGHTY = /\b(?:killed|dead|deaths|injured|wounded|displaced|missing|casualties|troops|soldiers|fighters|refugees|civilians)\b/i;

interface Found {
  key: string;
  label: string;
  doc: number;
  evidence: Evidence;
  shown: string;
  rank: number;
  quality: number;
  /** The entities its sentence names: read from that sentence's mentions, the one time it is asked (byActor). */
  readonly ids: readonly string[];
}

export function figures(ctx: NotesContext): Figure[] {
  const found: Found[] = [];
  ctx.analyses.forEach((a, d) => {
    const degraded = a.flags.includes('degraded');
    for (const f of a.figures) {
      // An age describes a person (the actors say who they are); a briefing's figures are counts, sums, shares.
      if (!isBriefingFigure(f) || f.measure === 'age') continue;
      const k = sentenceIndexAt(ctx, d, f.start);
      if (k < 0) continue;
      const text = ctx.docs[d]!.text;
      const owner = f.entityId ? ctx.entities.get(f.entityId) : undefined;
      const label = figureLabel(text, f, owner?.canonical ?? null);
      const rank = (f.measure && WEIGHTY.test(f.measure) ? 2 : 0) + (isMoney(f) ? 2 : 0) + (owner ? 1 : 0) + (f.unit ? 0.5 : 0) - k / 1000;
      const evidence = sentenceEvidence(ctx, d, k);
      // Most figures are told by one source only: their sentence's names are not needed, so read on demand.
      const names = () => itemsBySentence(a.sentences, a.entities)[k]!.map((m) => m.id);
      found.push({ key: figureKey(f), label, doc: d, evidence, shown: shownText(ctx, d, evidence.start, evidence.end), rank, quality: degraded ? 0 : 1, get ids() { return names(); } });
    }
  });
  // The same figure (value, unit, measure, owner) from several sources is one item citing them all.
  const groups = new Map<string, Found[]>();
  for (const f of found) {
    const g = groups.get(f.key);
    if (g) g.push(f); else groups.set(f.key, [f]);
  }
  return [...groups.values()].flatMap((g) => byActor(g))
    .map((g) => {
      const lead = [...g].sort((a, b) => b.quality - a.quality || a.doc - b.doc || a.evidence.start - b.evidence.start)[0]!;
      const sources = new Set(g.map((x) => x.doc)).size;
      return { lead, g, rank: Math.max(...g.map((x) => x.rank)) + 2 * (sources - 1) + lead.quality };
    })
    .sort((x, y) => y.rank - x.rank || x.lead.doc - y.lead.doc || x.lead.evidence.start - y.lead.evidence.start)
    .slice(0, MAX_FIGURES)
    .map(({ lead, g }) => ({
      figure: lead.label,
      text: lead.shown,
      cites: sortCites(g.map((x) => x.evidence.source)),
      evidence: sortEvidence(g.map((x) => x.evidence)),
    }));
}

/**
 * A figure's mentions split into the ones told of one actor: sources agree on a figure only when they say it of
 * the same one, its owner (in its key) or a name their sentences share. "Six women" who ran for a post and six
 * women an agency hired are two figures; so are two sources' "12 people" with no name in common. A mention joins
 * the first part (in the order found: deterministic) that has its source or one of its names in any member, so a
 * part's members are linked by names two at a time, not all by one. Mentions in one source stay together.
 */
export function byActor<F extends Pick<Found, 'doc' | 'ids'>>(mentions: F[]): F[][] {
  if (mentions.length === 1) return [mentions];
  // The first part (in the order opened) holding the mention's source or one of its names: the smallest part
  // number any of them was filed under, found through two maps (a common figure may have thousands of parts).
  const parts: F[][] = [];
  const partOfDoc = new Map<number, number>();
  const partOfId = new Map<string, number>();
  for (const f of mentions) {
    const ids = f.ids;
    let home = partOfDoc.get(f.doc) ?? Infinity;
    for (const id of ids) home = Math.min(home, partOfId.get(id) ?? Infinity);
    if (home === Infinity) { home = parts.length; parts.push([]); }
    parts[home]!.push(f);
    // Kept at the smallest: a name may end up in two parts, when a mention joins an earlier part by another.
    partOfDoc.set(f.doc, Math.min(home, partOfDoc.get(f.doc) ?? Infinity));
    for (const id of ids) partOfId.set(id, Math.min(home, partOfId.get(id) ?? Infinity));
  }
  return parts;
}

/** A figure a briefing reports says what it measures: an age of someone, money for something, a count of
 * people or things, a share of something. A bare number ("the two sides") or a unit alone ("1 km") is not. */
export function isBriefingFigure(f: FigureMention): boolean {
  if (f.measure === 'age') return f.entityId !== null;
  return f.measure !== null && /\p{L}{3,}/u.test(f.measure);
}

const isMoney = (f: FigureMention) => f.unit !== null && /^[A-Z]{3}$/.test(f.unit);
/** Money, or a sum of a million or more whose currency sign was lost, owned by its payer (rules/figure-owners.ts). */
const isPayment = (f: FigureMention) => isMoney(f) || (f.unit === null && f.value >= 1e6 && !WEIGHTY.test(f.measure ?? ''));

/** Groups the same figure across sources. */
function figureKey(f: FigureMention): string {
  return [f.value, f.unit ?? '', f.measure === 'age' ? 'age' : (f.measure ?? '').replace(/\s+/g, ' '), f.entityId ?? ''].join('|');
}

/**
 * The figure as shown big, read from the source so nothing is invented: from its hedge ("at least") to the
 * end of what it measures when that follows the number as its noun ("213 people have been killed"), else the
 * number alone ("some 2 million", not "some 2 million to the firm"). An age names its person ("76 years old
 * (Marta Vell)"). Too long a span falls back to the number.
 */
export function figureLabel(text: string, f: FigureMention, owner: string | null): string {
  // "Omar Reyes, 47," shows as "47 years old": a bare number would not say it is an age.
  if (f.measure === 'age') return oneLine(`${/\p{L}/u.test(f.text) ? f.text : `${f.value} years old`}${owner ? ` (${owner})` : ''}`);
  const hedge = QUALIFIER_BEFORE.exec(text.slice(Math.max(0, f.start - 24), f.start));
  const start = hedge ? f.start - hedge[0].length : f.start;
  const end = measureEnd(text, f);
  const span = end === null ? '' : oneLine(text.slice(start, end));
  const label = span && span.split(' ').length <= MAX_LABEL_WORDS ? span : oneLine(text.slice(start, f.end));
  // Money is read with who pays it, which the span seldom names ("are paying some 2 million to …").
  return owner && isPayment(f) ? `${label} (${owner})` : label;
}

/** Words that end a number's noun phrase: what follows them ("to the firm", "for the army") is not what it counts. */
const PHRASE_BREAK = /\b(?:to|for|from|by|with|in|on|at|into|of|the|a|an|and|or|but|that|which|who)\b|[,;:.()]/i;

/** Where the words of the figure's measure end in the text after it, when they follow it as its noun
 * ("213 people … killed"), or null when they are not found near or something else comes between. */
function measureEnd(text: string, f: FigureMention): number | null {
  if (!f.measure) return f.end;
  const near = text.slice(f.end, f.end + 80).toLowerCase();
  const words = f.measure.split(' ');
  const first = near.search(new RegExp(`\\b${escapeRegExp(words[0]!)}`));
  // The measure's first word is the number's noun: "2 million to the texas based firm" counts no firms.
  if (first < 0 || PHRASE_BREAK.test(near.slice(0, first))) return null;
  let at = first + words[0]!.length;
  for (const word of words.slice(1)) {
    const k = near.indexOf(word, at);
    // "killed at least 40 people": the rest of the measure came before the number; the noun alone is shown.
    if (k < 0) return f.end + first + words[0]!.length;
    at = k + word.length;
  }
  return f.end + at;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
