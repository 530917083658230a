// The text slides of the deck, one builder a section, in the deck's order: title, bottom line, what
// happened, key themes, actors, what they say, where sources disagree, what is unknown, sources.
import type { BriefingNotes, Claim, SourceEntry } from '../../notes/model.ts';
import { fitSize, type Para } from './fit.ts';
import type { SlideSpec } from './spec.ts';
import { citeRun, citeText, claimPara, listSlides, noteLines, supportRuns, titleSize, type ListItem } from './text.ts';
import { COLOURS, TITLE_SLIDE_BOX, type Box } from './theme.ts';

const SUBTITLE_BOX: Box = { x: 0.9, y: 4.4, w: 11.53, h: 1.6 };

const claimItem = (claim: Claim, lead: Para['runs'] = []): ListItem => ({
  paras: [claimPara(claim, lead)],
  notes: noteLines(`${claim.text}${citeText(claim.cites)}`, claim.evidence),
});

export function titleSlide(notes: BriefingNotes): SlideSpec[] {
  const dated = notes.asOf === 'unknown' ? 'no source is dated' : `as of ${notes.asOf}`;
  const n = notes.sources.length;
  const lines: Para[] = [
    ...(notes.subtitle ? [{ runs: [{ text: notes.subtitle, colour: COLOURS.muted }] }] : []),
    { runs: [{ text: `Briefing ${dated} · ${n} ${n === 1 ? 'source' : 'sources'}`, colour: COLOURS.faint }] },
  ];
  const sizes = [20, 18, 16, 14, 12];
  const pt = fitSize(lines, SUBTITLE_BOX, sizes) ?? 12;
  return [{
    master: 'TITLE',
    title: notes.title,
    titlePt: titleSize(notes.title, TITLE_SLIDE_BOX, [44, 40, 36, 32, 28, 24, 20, 18, 16, 14]),
    blocks: [{ kind: 'text', box: SUBTITLE_BOX, pt, paras: lines, name: 'Subtitle' }],
    notes: [notes.title, notes.subtitle, `Built from: ${notes.inputs.join(', ')}`].filter(Boolean).join('\n'),
  }];
}

export const bottomLineSlides = (notes: BriefingNotes): SlideSpec[] =>
  listSlides('Bottom line', notes.bottomLine.map((c) => claimItem(c)), { sizes: [24, 22, 20, 18, 16, 15, 14] });

export const timelineSlides = (notes: BriefingNotes): SlideSpec[] =>
  listSlides('What happened', notes.timeline.map((e) => ({
    paras: [{ runs: [{ text: `${e.date}  `, bold: true, colour: COLOURS.accent }, { text: e.text }, citeRun(e.cites), ...supportRuns(e)], bullet: true }],
    notes: noteLines(`${e.date}: ${e.text}${citeText(e.cites)}`, e.evidence),
  })));

/** Key points grouped by theme, in the order each theme first appears; unthemed points last. */
export function themeSlides(notes: BriefingNotes): SlideSpec[] {
  const themed = notes.keyPoints.some((p) => p.theme);
  if (!themed) return listSlides('Key points', notes.keyPoints.map((c) => claimItem(c)));
  const groups = new Map<string, Claim[]>();
  for (const p of notes.keyPoints) {
    const key = p.theme ?? '';
    groups.set(key, [...(groups.get(key) ?? []), p]);
  }
  const other = groups.get('');
  groups.delete('');
  if (other) groups.set('', other);
  const items: ListItem[] = [];
  for (const [theme, points] of groups) {
    const name = theme || 'Other points';
    items.push({ paras: [{ runs: [{ text: name, bold: true, colour: COLOURS.accent }] }], notes: ['', `${name}:`], heading: true });
    items.push(...points.map((c) => claimItem(c)));
  }
  return listSlides('Key themes', items);
}

export function actorSlides(notes: BriefingNotes): SlideSpec[] {
  return listSlides('Actors', notes.actors.map((a) => {
    const paras: Para[] = [{ runs: [{ text: a.name, bold: true }, ...(a.description ? [{ text: ` — ${a.description}` }] : []), citeRun(a.cites)], bullet: true }];
    for (const p of (a.positions ?? []).slice(0, 2)) paras.push({ runs: [{ text: p.text, colour: COLOURS.muted }, citeRun(p.cites)], sub: true });
    const relations = [
      ...(a.backedBy.length ? [`backed by ${a.backedBy.join(', ')}`] : []),
      ...(a.opposedBy.length ? [`opposed by ${a.opposedBy.join(', ')}`] : []),
    ];
    return {
      paras,
      notes: [
        ...noteLines(`${a.name}${a.description ? ` — ${a.description}` : ''}${citeText(a.cites)}${relations.length ? ` (${relations.join('; ')})` : ''}`, a.evidence),
        ...(a.positions ?? []).flatMap((p) => noteLines(`  ${p.text}${citeText(p.cites)}`, p.evidence)),
      ],
    };
  }));
}

export const quoteSlides = (notes: BriefingNotes): SlideSpec[] =>
  listSlides('What they say', notes.quotes.map((q) => {
    const who = `${q.speaker}${q.role ? `, ${q.role}` : ''}`;
    return {
      paras: [{ runs: [{ text: `“${q.text}”` }, { text: ` — ${who}`, colour: COLOURS.muted }, citeRun(q.cites)], bullet: true }],
      notes: noteLines(`“${q.text}” — ${who}${citeText(q.cites)}`, q.evidence),
    };
  }));

export const discrepancySlides = (notes: BriefingNotes): SlideSpec[] =>
  listSlides('Where sources disagree', notes.discrepancies.map((c) => claimItem(c)));

const sourceName = (s: SourceEntry) => `${s.id} (${s.title}, ${s.outlet})`;

/** Undated sources, and claims that rest on one weak source (undated, damaged or old). */
export function unknownSlides(notes: BriefingNotes): SlideSpec[] {
  const items: ListItem[] = notes.sources.filter((s) => s.date === null).map((s) => {
    const text = `${sourceName(s)} gives no date: what it reports is not on the timeline.`;
    return { paras: [{ runs: [{ text }], bullet: true }], notes: [`• ${text} File: ${s.file}`] };
  });
  const claims = [...notes.bottomLine, ...notes.keyPoints, ...notes.timeline, ...notes.figures].filter((c) => c.caveats?.length);
  const seen = new Set<string>();
  for (const c of claims) {
    if (seen.has(c.text)) continue;
    seen.add(c.text);
    items.push(claimItem(c));
  }
  return listSlides('What is unknown or undated', items);
}

export function sourceSlides(notes: BriefingNotes): SlideSpec[] {
  return listSlides('Sources', notes.sources.map((s) => {
    const date = s.date === null ? 'undated' : s.dateSource === 'inferred' ? `${s.date} (inferred)` : s.date;
    const flags = s.flags.filter((f) => f !== 'undated');
    return {
      paras: [{ runs: [{ text: `${s.id}  `, bold: true, colour: COLOURS.accent }, { text: `${s.title} — ${s.outlet}, ${date}` }, ...(flags.length ? [{ text: ` · ${flags.join(', ')}`, colour: COLOURS.warn }] : [])], bullet: true }],
      notes: [`• ${s.id}: ${s.file} — ${s.title}, ${s.outlet}, ${date}${flags.length ? ` (${flags.join(', ')})` : ''}`],
    };
  }));
}
