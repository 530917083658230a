// The cleaning chain: an ordered list of small named rules, each run on the text the earlier ones left,
// so a rule can be tested, reordered or switched off by name. Order matters: chrome goes first so that
// the headline, dateline and byline rules see the article's real top lines.
import type { CleaningStep, SourceMeta } from '../../notes/model.ts';
import { applyEdits, sortSteps, toStep, type NamedEdit } from '../edits.ts';
import { byline } from './byline.ts';
import { caption } from './caption.ts';
import { cookieNotice } from './cookie-notice.ts';
import { copyright } from './copyright.ts';
import { dateline } from './dateline.ts';
import { editorsNote } from './editors-note.ts';
import { markupResidue } from './markup-residue.ts';
import { navigation } from './navigation.ts';
import { outlet } from './outlet.ts';
import { readTime } from './read-time.ts';
import { repeatedLine } from './repeated-line.ts';
import { skipLinks } from './skip-links.ts';
import { title } from './title.ts';
import type { CleanRule, SourceFormat } from './types.ts';

export type { CleanRule, CleanState, RuleResult, SourceFormat } from './types.ts';

/** A named rule; `boilerplate` rules remove web chrome and mark the source `boilerplate-removed`. */
export interface NamedRule {
  name: string;
  rule: CleanRule;
  boilerplate: boolean;
}

export const CLEAN_RULES: readonly NamedRule[] = [
  { name: 'skip-links', rule: skipLinks, boilerplate: true },
  { name: 'markup-residue', rule: markupResidue, boilerplate: true },
  { name: 'navigation', rule: navigation, boilerplate: true },
  { name: 'read-time', rule: readTime, boilerplate: true },
  { name: 'cookie-notice', rule: cookieNotice, boilerplate: true },
  { name: 'caption', rule: caption, boilerplate: true },
  { name: 'editors-note', rule: editorsNote, boilerplate: true },
  { name: 'dateline', rule: dateline, boilerplate: false },
  { name: 'byline', rule: byline, boilerplate: false },
  { name: 'title', rule: title, boilerplate: false },
  { name: 'repeated-line', rule: repeatedLine, boilerplate: true },
  { name: 'copyright', rule: copyright, boilerplate: true },
  { name: 'outlet', rule: outlet, boilerplate: false },
];

export const EMPTY_META: SourceMeta = { title: null, date: null, dateSource: 'unknown', dateEvidence: null, outlet: null, author: null, url: null };

/** Take what a rule found for fields still unknown; a date brings its source and evidence with it. */
export function mergeMeta(current: SourceMeta, found: Partial<SourceMeta>): SourceMeta {
  const next = { ...current };
  if (current.date === null && found.date) {
    next.date = found.date;
    next.dateSource = found.dateSource ?? 'explicit';
    next.dateEvidence = found.dateEvidence ?? null;
  }
  for (const key of ['title', 'outlet', 'author', 'url'] as const) {
    const value = found[key];
    if (current[key] === null && typeof value === 'string' && value.trim() !== '') next[key] = value.trim();
  }
  return next;
}

export interface CleanInput {
  raw: string;
  /** The text so far (a format reader may have blanked markup already); as long as `raw`. */
  text?: string;
  format: SourceFormat;
  meta?: SourceMeta;
}

export interface CleanResult {
  text: string;
  meta: SourceMeta;
  /** What the rules did, in order of position. */
  steps: CleaningStep[];
  /** Whether any boilerplate rule blanked something. */
  boilerplate: boolean;
}

/** Run the rules in order. Pure: the same input gives the same result. */
export function runCleaning(input: CleanInput, rules: readonly NamedRule[] = CLEAN_RULES): CleanResult {
  let text = input.text ?? input.raw;
  let meta = input.meta ?? EMPTY_META;
  const edits: NamedEdit[] = [];
  let boilerplate = false;
  for (const { name, rule, boilerplate: isChrome } of rules) {
    const result = rule({ raw: input.raw, text, format: input.format, meta });
    const mine = (result.edits ?? []).filter((e) => e.end > e.start).map((e) => ({ ...e, rule: name }));
    text = applyEdits(text, mine);
    edits.push(...mine);
    if (isChrome && mine.length > 0) boilerplate = true;
    if (result.meta) meta = mergeMeta(meta, result.meta);
  }
  return { text, meta, steps: sortSteps(edits.map(toStep)), boilerplate };
}

/** Run one rule by name (for tests and for `briefing clean --rule`). */
export function ruleNamed(name: string): NamedRule | undefined {
  return CLEAN_RULES.find((r) => r.name === name);
}
