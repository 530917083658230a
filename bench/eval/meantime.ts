// MEANTIME loader (pure parsing): rebuilds a document's text from its token layer and returns the named
// PER/ORG/LOC mentions as character spans into that text, plus the document creation time (DCT).

import type { EntityType } from '../../src/extract/analysis.ts';
import type { Span } from './match.ts';
import { childrenNamed, parseXml, type XmlElement } from './xml.ts';

/** MEANTIME's entity classes; only PER/ORG/LOC are scored (FIN, PRO, MIX are not things we extract). */
export type MeantimeClass = 'PER' | 'ORG' | 'LOC' | 'PRO' | 'FIN' | 'MIX';

export const CLASS_TO_TYPE: Partial<Record<MeantimeClass, EntityType>> = { PER: 'PERSON', ORG: 'ORG', LOC: 'PLACE' };

/** Syntactic types that count as a name (README: a name extractor is scored on these). */
const NAMED_SYNTACTIC_TYPES = new Set(['NAM', 'PRE.NAM']);

/** Sentences 0-5 (headline, dateline, first four body sentences) carry the entity annotation. */
export const ANNOTATED_SENTENCES = 6;

/** One ENTITY_MENTION, placed in the rebuilt text. */
export interface MeantimeMention extends Span {
  mId: string;
  /** The mention as it reads in the rebuilt text. */
  text: string;
  /** The anchored token strings, as rendered (for offset checks); 9 attribute-less mentions skip punctuation tokens inside their span. */
  tokens: string[];
  /** The entity class of the instance it refers to, or null when it refers to none. */
  entityClass: MeantimeClass | null;
  /** `syntactic_type` attribute; null when the attribute is missing. */
  syntacticType: string | null;
  /** The entity instance it refers to (REFERS_TO target), or null. */
  instance: string | null;
}

/** A gold named mention with our type. */
export interface GoldEntity extends Span {
  type: EntityType;
  text: string;
  tokens: string[];
}

export interface MeantimeDoc {
  /** `doc_name` (e.g. `11714_Ryanair_exercises_options_on_five_Boeing_737s`). */
  id: string;
  /** Path relative to the eval root. */
  path: string;
  text: string;
  /** ISO date of the DCT, or null. */
  dct: string | null;
  /** Where the date came from: the CREATION_TIME TIMEX3, the dateline sentence (2 files lack the TIMEX3), or nowhere. */
  dctSource: 'creation-time' | 'dateline' | null;
  /** End of sentence 5: predictions starting at or after it are outside the annotated region. */
  regionEnd: number;
  /** Named PER/ORG/LOC mentions, nested duplicates of one instance collapsed (see `collapsed`). */
  gold: GoldEntity[];
  /**
   * Named mentions the corpus leaves untyped (no REFERS_TO, or no syntactic_type attribute): a prediction
   * that matches no gold but overlaps one of these is not counted as a false positive, because the
   * annotation there is incomplete rather than saying "not an entity".
   */
  ignore: Span[];
  /** Every mention, for explaining false positives ("overlaps a PRO mention"). */
  mentions: MeantimeMention[];
  /** Gold mentions dropped because they contain a shorter named mention of the same instance. */
  collapsed: number;
}

interface PlacedToken extends Span {
  text: string;
  sentence: number;
}

/** PTB-style quote tokens become straight quotes, as in the Wikinews originals. */
function renderToken(raw: string): string {
  if (raw === '``' || raw === "''") return '"';
  if (raw === '`') return "'";
  return raw;
}

const NO_SPACE_BEFORE = /^(?:[,.;:!?%)\]}]|'s|'S|'re|'ve|'ll|'d|'m|n't|'|’)$/;
const NO_SPACE_AFTER = /^(?:[([{$£€#]|[A-Z]{1,3}\$|[A-Za-z]')$/;

/**
 * Lay the tokens out as readable text: headline, blank line, dateline, blank line, then the body sentences
 * separated by single spaces (the corpus keeps no paragraph breaks). Punctuation and clitics attach the way
 * news text prints them, so the extractor sees "O'Leary's" and "$40 billion", not "O' Leary 's".
 */
export function layoutTokens(tokens: Array<{ text: string; sentence: number }>): { text: string; placed: PlacedToken[] } {
  let text = '';
  const placed: PlacedToken[] = [];
  let quoteOpen = false;
  let prev: { raw: string; opensQuote: boolean } | null = null;
  let prevSentence = -1;
  for (const tok of tokens) {
    const raw = tok.text;
    const shown = renderToken(raw);
    // Which way a quote faces: `` and '' say so; a bare " (from &quot;) alternates.
    const isQuote = shown === '"';
    const opensQuote: boolean = isQuote && (raw === '``' || (raw === '"' && !quoteOpen));
    const closesQuote = isQuote && !opensQuote;
    if (prev !== null) {
      if (tok.sentence !== prevSentence && prevSentence < 2) text += '\n\n';
      else if (!(closesQuote || NO_SPACE_BEFORE.test(raw) || prev.opensQuote || NO_SPACE_AFTER.test(prev.raw))) text += ' ';
    }
    if (isQuote) quoteOpen = opensQuote;
    placed.push({ start: text.length, end: text.length + shown.length, text: shown, sentence: tok.sentence });
    text += shown;
    prev = { raw, opensQuote };
    prevSentence = tok.sentence;
  }
  return { text, placed };
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** "September 01 , 2007" (the Wikinews dateline) → 2007-09-01, else null. */
export function parseDateline(words: string[]): string | null {
  const [month, day, comma, year] = words;
  const m = MONTHS.indexOf((month ?? '').toLowerCase());
  if (m < 0 || !/^\d{1,2}$/.test(day ?? '') || comma !== ',' || !/^\d{4}$/.test(year ?? '') || words.length !== 4) return null;
  return `${year}-${String(m + 1).padStart(2, '0')}-${day!.padStart(2, '0')}`;
}

/** Parse one MEANTIME XML file. `path` is only recorded. */
export function parseMeantime(xml: string, path: string): MeantimeDoc {
  const root = parseXml(xml);
  if (root.name !== 'Document') throw new Error(`${path}: root is <${root.name}>, expected <Document>`);
  const rawTokens = childrenNamed(root, 'token').map((t) => ({
    tId: need(t, 't_id', path),
    number: Number(need(t, 'number', path)),
    sentence: Number(need(t, 'sentence', path)),
    text: t.text,
  }));
  // Token order is the `number` attribute; files list them in order, but do not rely on it.
  rawTokens.sort((a, b) => a.number - b.number);
  const { text, placed } = layoutTokens(rawTokens);
  const byTid = new Map<string, PlacedToken>();
  rawTokens.forEach((t, k) => byTid.set(t.tId, placed[k]!));

  const markables = childrenNamed(root, 'Markables')[0];
  const relations = childrenNamed(root, 'Relations')[0];
  if (!markables) throw new Error(`${path}: no <Markables>`);

  const entityClass = new Map<string, MeantimeClass>();
  for (const e of childrenNamed(markables, 'ENTITY')) entityClass.set(need(e, 'm_id', path), need(e, 'ent_type', path) as MeantimeClass);
  const refersTo = new Map<string, string>();
  for (const r of relations ? childrenNamed(relations, 'REFERS_TO') : []) {
    const target = childrenNamed(r, 'target')[0]?.attrs['m_id'];
    if (target === undefined) continue;
    for (const s of childrenNamed(r, 'source')) refersTo.set(need(s, 'm_id', path), target);
  }

  const mentions: MeantimeMention[] = [];
  for (const m of childrenNamed(markables, 'ENTITY_MENTION')) {
    const mId = need(m, 'm_id', path);
    const toks = childrenNamed(m, 'token_anchor').map((a) => {
      const tok = byTid.get(need(a, 't_id', path));
      if (!tok) throw new Error(`${path}: mention ${mId} anchors unknown token ${a.attrs['t_id']}`);
      return tok;
    }).sort((a, b) => a.start - b.start);
    const first = toks[0];
    const last = toks[toks.length - 1];
    if (!first || !last) continue;
    const instance = refersTo.get(mId) ?? null;
    mentions.push({
      mId, start: first.start, end: last.end, text: text.slice(first.start, last.end), tokens: toks.map((t) => t.text),
      entityClass: instance === null ? null : entityClass.get(instance) ?? null,
      syntacticType: m.attrs['syntactic_type'] ?? null,
      instance,
    });
  }

  const named = mentions.filter((m) => m.syntacticType !== null && NAMED_SYNTACTIC_TYPES.has(m.syntacticType));
  const typed = named.filter((m) => m.entityClass !== null && CLASS_TO_TYPE[m.entityClass] !== undefined);
  // "Ryanair CEO, Michael O'Leary" and "Michael O'Leary" are both NAM mentions of one person; a name
  // extractor can only find one of them, so keep the innermost and count the drop.
  const kept = typed.filter((outer) => !typed.some((inner) => inner !== outer && inner.instance === outer.instance
    && outer.start <= inner.start && inner.end <= outer.end
    && (inner.end - inner.start < outer.end - outer.start || inner.mId < outer.mId)));
  const gold: GoldEntity[] = kept.map((m) => ({ start: m.start, end: m.end, type: CLASS_TO_TYPE[m.entityClass!]!, text: m.text, tokens: m.tokens }));
  gold.sort((a, b) => a.start - b.start || a.end - b.end);
  const ignore = mentions
    .filter((m) => (named.includes(m) && m.entityClass === null)
      || (m.syntacticType === null && (m.entityClass === null || CLASS_TO_TYPE[m.entityClass] !== undefined)))
    .map(({ start, end }) => ({ start, end }));

  const inRegion = placed.filter((t) => t.sentence < ANNOTATED_SENTENCES);
  const regionEnd = inRegion.length ? inRegion[inRegion.length - 1]!.end : 0;

  const creation = childrenNamed(markables, 'TIMEX3').find((t) => t.attrs['functionInDocument'] === 'CREATION_TIME');
  let dct: string | null = creation?.attrs['value'] ?? null;
  let dctSource: MeantimeDoc['dctSource'] = dct ? 'creation-time' : null;
  if (!dct) {
    dct = parseDateline(rawTokens.filter((t) => t.sentence === 1).map((t) => t.text));
    if (dct) dctSource = 'dateline';
  }
  return { id: root.attrs['doc_name'] ?? path, path, text, dct, dctSource, regionEnd, gold, ignore, mentions, collapsed: typed.length - kept.length };
}

function need(el: XmlElement, attr: string, path: string): string {
  const v = el.attrs[attr];
  if (v === undefined) throw new Error(`${path}: <${el.name}> lacks ${attr}`);
  return v;
}
