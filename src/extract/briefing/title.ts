// The briefing's title when the user gives none, from the dominant entities as the sources write them:
// "Hurricane Mitch: Honduras", not "Briefing: Mitch, Honduras and Honduran".

import { isDateWord, type NotesContext, type EntityInfo } from './context.ts';

/** A word before the lead name must precede this share of its mentions to be part of what it is called. */
const HEAD_WORD_SHARE = 0.4;
/** A second name is shown when it is this salient against the first. */
const SECOND_NAME_SALIENCE = 0.4;
/** A second name of the same kind this salient against the lead, and named by this share of its sources, is its
 * peer: the two are what the sources are about. */
const PEER_SHARE = 0.75;
/** A name this salient against the most mentioned one, named by more sources, is the folder's subject. */
const SUBJECT_SALIENCE = 0.5;
/** Capitalised words that start sentences or are titles, not part of an event's name. */
const NOT_A_HEAD = new Set('The A An In On At But And When After As For With By From Of To Since While Then Now Gen Mr Mrs Ms Dr President Minister General Sen Rep Prime Secretary Former Said'.split(' '));

export function titleFrom(ctx: NotesContext): string {
  const event = namedEvent(ctx);
  const lead = subject(ctx);
  if (!lead) return event?.name ?? 'Briefing';
  // A storm the sources are about leads the title, as salient as the lead actor by the same measure.
  if (event && event.salience >= SECOND_NAME_SALIENCE * lead.salience) {
    const places = ctx.ranked.slice(0, 8)
      .filter((e) => e.salience >= SECOND_NAME_SALIENCE * lead.salience && !event.name.includes(e.canonical))
      .filter((e) => !isAdjectiveOf(ctx, e))
      .slice(0, 2)
      .map((e) => e.canonical);
    return places.length ? `${event.name}: ${places.join(' and ')}` : event.name;
  }
  const leadName = fullName(ctx, lead);
  const others = ctx.ranked.slice(0, 8)
    .filter((e) => e !== lead && e.salience >= SECOND_NAME_SALIENCE * lead.salience)
    .filter((e) => !leadName.includes(e.canonical) && !e.canonical.includes(lead.canonical))
    .filter((e) => !isAdjectiveOf(ctx, e) && !sameRoot(lead.canonical, e.canonical))
    .slice(0, 2);
  // "Airbus: Boeing" would read as Boeing being a part of Airbus: two companies (or two people) the sources
  // are equally about are a pair, "Airbus and Boeing"; the colon is kept for what the lead's story involves.
  const peer = others[0] && isPeer(lead, others[0]) ? others[0] : null;
  const head = peer ? `${leadName} and ${peer.canonical}` : leadName;
  const rest = others.filter((e) => e !== peer).map((e) => e.canonical);
  return rest.length ? `${head}: ${rest.join(' and ')}` : head;
}

/**
 * The name the folder is about: of the names at least half as salient as the most mentioned one, the one the most
 * sources name. A rival that one long story keeps repeating (a background passage on a past contract) can
 * outnumber the subject in mentions, but not in the sources it appears in; ties go to salience.
 */
function subject(ctx: NotesContext): EntityInfo | undefined {
  const top = ctx.ranked[0];
  if (!top) return undefined;
  const contenders = ctx.ranked.slice(0, 8).filter((e) => e.type !== 'PLACE' && e.salience >= SUBJECT_SALIENCE * top.salience);
  return contenders.reduce((best, e) => (e.mentionsByDoc.size > best.mentionsByDoc.size ? e : best), top);
}

/** Two names of the same kind (not places), the second nearly as salient as the first and named nearly as widely. */
function isPeer(lead: EntityInfo, other: EntityInfo): boolean {
  return other.type === lead.type && lead.type !== 'PLACE' && other.salience >= PEER_SHARE * lead.salience
    && other.mentionsByDoc.size >= PEER_SHARE * lead.mentionsByDoc.size;
}

/** "Hurricane Mitch", "Tropical Storm Agatha", "Typhoon Haiyan": a named storm (entities drop it: it is no actor). */
const STORM = /\b(?:(?:Tropical|Super)\s+)?(Hurricane|Typhoon|Cyclone|Storm)\s+(\p{Lu}\p{Ll}+)\b/gu;

/**
 * The named storm most written about, with its name as written most often ("Hurricane Mitch") and a
 * salience on the entities' scale: its given name's mentions ("Mitch" alone too), weighted up by the
 * number of sources that name it.
 */
function namedEvent(ctx: NotesContext): { name: string; salience: number } | null {
  const heads = new Map<string, Map<string, number>>();
  ctx.docs.forEach((doc) => {
    for (const m of doc.text.matchAll(STORM)) {
      const byHead = heads.get(m[2]!) ?? heads.set(m[2]!, new Map()).get(m[2]!)!;
      byHead.set(m[1]!, (byHead.get(m[1]!) ?? 0) + 1);
    }
  });
  let best: { name: string; salience: number } | null = null;
  const countsOf = wordCounts(ctx.docs.map((doc) => doc.text), [...heads.keys()]);
  for (const [given, byHead] of [...heads].sort((a, b) => a[0].localeCompare(b[0]))) {
    const counts = countsOf.get(given)!;
    const mentions = counts.reduce((a, b) => a + b, 0);
    const docs = counts.filter((c) => c > 0).length;
    const salience = mentions * (1 + 0.5 * (docs - 1));
    const head = [...byHead].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0];
    if (!best || salience > best.salience) best = { name: `${head} ${given}`, salience };
  }
  return best;
}

/** Plain ASCII words: `\bword\b` (\b reads ASCII word characters) matches a whole run of such characters. */
const ASCII_WORD = /^\w+$/;

/**
 * How often each word stands alone (`\bword\b`) in each text. The ASCII words are counted in one pass per
 * text: a match of any of them is a whole run of word characters, so runs never overlap and one alternation
 * finds each word's matches; another word (letters outside ASCII) is counted by its own pattern.
 */
export function wordCounts(texts: readonly string[], words: readonly string[]): Map<string, number[]> {
  const counts = new Map(words.map((w) => [w, texts.map(() => 0)]));
  const plain = words.filter((w) => ASCII_WORD.test(w));
  const any = plain.length ? new RegExp(`\\b(?:${plain.join('|')})\\b`, 'g') : null;
  const others = words.filter((w) => !ASCII_WORD.test(w)).map((w) => [w, new RegExp(`\\b${w}\\b`, 'gu')] as const);
  texts.forEach((text, d) => {
    if (any) for (const m of text.matchAll(any)) counts.get(m[0])![d]!++;
    for (const [w, re] of others) counts.get(w)![d] = text.match(re)?.length ?? 0;
  });
  return counts;
}

/**
 * The lead's name as the sources write it in full: "Hurricane Mitch" when some mentions are of that longer
 * name and the rest of "Mitch" alone, else with the word written before most mentions (see headWord).
 */
function fullName(ctx: NotesContext, lead: EntityInfo): string {
  const name = fullNameAsWritten(ctx, lead);
  // "Today Norvik": a sentence's first word merged into the name when every mention was read as one entity.
  const [first, ...rest] = name.split(' ');
  return rest.length && /^\p{L}+$/u.test(first!) && isDateWord(first!.toLowerCase()) ? rest.join(' ') : name;
}

/** The lead's longer name, or its head word and name, as the sources write them. */
function fullNameAsWritten(ctx: NotesContext, lead: EntityInfo): string {
  const longer = ctx.ranked.find((e) => e !== lead && e.canonical.endsWith(` ${lead.canonical}`) && e.canonical.split(' ').length <= lead.canonical.split(' ').length + 1);
  if (longer && !isAnotherName(ctx, longer.canonical.split(' ')[0]!)) return longer.canonical;
  const head = headWord(ctx, lead);
  return head ? `${head} ${lead.canonical}` : lead.canonical;
}

/** "Honduran" beside the place "Honduras": a name's adjective, which a title leaves out for the name. */
function isAdjectiveOf(ctx: NotesContext, e: EntityInfo): boolean {
  const place = (x: EntityInfo) => x.type === 'PLACE';
  return ctx.ranked.some((o) => o !== e && sameRoot(o.canonical, e.canonical) && (place(o) !== place(e) ? place(o) : o.salience > e.salience));
}

/** "Hurricane" in "Hurricane Mitch": a capitalised word written before most mentions that is no title. */
function headWord(ctx: NotesContext, e: EntityInfo): string | null {
  const counts = new Map<string, number>();
  let total = 0;
  for (const [d, mentions] of e.mentionsByDoc) {
    const text = ctx.docs[d]!.text;
    for (const m of mentions) {
      total++;
      if (m.role) continue;
      const w = /(\p{Lu}\p{Ll}+)\s+$/u.exec(text.slice(Math.max(0, m.start - 30), m.start))?.[1];
      if (w && !NOT_A_HEAD.has(w) && !e.canonical.includes(w)) counts.set(w, (counts.get(w) ?? 0) + 1);
    }
  }
  // "Veskian warlord", "Honduran capital": a name's adjective describes it, it is not part of its name.
  for (const w of counts.keys()) if (isAnotherName(ctx, w)) counts.delete(w);
  const best = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
  return best && best[1] >= 2 && best[1] >= HEAD_WORD_SHARE * total ? best[0] : null;
}

/** "Republican" in "Republican Donald Trump", "Veskian" in "Veskian warlord": a word that is another name (or its
 * adjective) describes the name it stands before; it is not part of it. */
function isAnotherName(ctx: NotesContext, word: string): boolean {
  return ctx.ranked.some((o) => o.canonical === word || sameRoot(o.canonical, word));
}

/** "Honduras" and "Honduran", "Veskia" and "Veskian": a name and its adjective are one name in a title. */
function sameRoot(a: string, b: string): boolean {
  if (a.includes(' ') || b.includes(' ')) return false;
  const n = Math.min(a.length, b.length) - 1;
  return n >= 4 && a.slice(0, n).toLowerCase() === b.slice(0, n).toLowerCase();
}
