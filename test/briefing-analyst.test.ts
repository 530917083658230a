// What an analyst reading the notes would reject, on invented multi-source reports: a rising toll told as a
// contradiction because the sentence dates another event, an undated old story read as current, degraded text
// shown as it was damaged (fragments, unpunctuated labels), ages listed as figures, background as a position.
import { describe, expect, it } from 'vitest';
import { analyzeDocuments } from '../src/extract/analyze.ts';
import { actors, verbFollows } from '../src/extract/briefing/actors.ts';
import { buildNotes } from '../src/extract/briefing/build.ts';
import { makeContext } from '../src/extract/briefing/context.ts';
import type { BriefingNotes, SourceDoc } from '../src/notes/model.ts';
import { docFrom } from './helpers/docs.ts';

const build = (set: SourceDoc[]): BriefingNotes => buildNotes(set, analyzeDocuments(set), { inputs: ['t'] });

describe('a running total', () => {
  // The first report dates its toll "this month"; the second's sentence dates only the offensive ("launched in
  // March"). Both sentences resolve to March, but the tolls are of the reports' dates: the count rose.
  const early = 'At least 40 people have been killed in Kessa this month as the Northern Front advanced on the city, the Red Cross said.\n\nThe Northern Front wants to take the port before the rains.';
  const late = 'The Northern Front offensive on Kessa, launched in March, has stalled after more than 150 people were killed in Kessa.\n\nAid agencies asked for a pause in the fighting around the port.';
  const set = [docFrom('s1', early, { date: '2030-03-20' }), docFrom('s2', late, { date: '2030-05-10' })];
  const n = build(set);

  it('is dated by its report, not by another event its sentence dates: a rising toll is a trend', () => {
    expect(n.trends?.map((t) => t.points.map((p) => `${p.date} ${p.figure} ${p.source}`))).toEqual([['2030-03-20 at least 40 s1', '2030-05-10 more than 150 s2']]);
    expect(n.discrepancies.some((d) => d.text.includes('killed'))).toBe(false);
  });

  it('is dated by a date in its own clause ("as of"), which can make two counts clash', () => {
    const asOf = 'As of March 20, more than 150 people had been killed in Kessa, the Red Cross said in a later tally.';
    const s = [docFrom('s1', early, { date: '2030-03-20' }), docFrom('s2', asOf, { date: '2030-05-10' })];
    const m = build(s);
    expect(m.trends ?? []).toEqual([]);
    expect(m.discrepancies.some((d) => d.text.startsWith('Sources give different figures for people killed'))).toBe(true);
  });
});

describe('a discrepancy between two ages', () => {
  it('dates each age by its report, not by an event elsewhere in its sentence', () => {
    const a = 'Governor Ana Belmonte, 52, took part in the 1998 campaign that brought her party to power in Marivia.';
    const b = 'Governor Ana Belmonte, 54, declared a state of emergency in Marivia on Monday.';
    const n = build([docFrom('s1', a, { date: '2031-05-02' }), docFrom('s2', b, { date: '2031-05-09' })]);
    expect(n.discrepancies.map((d) => d.text)).toContain('Sources give different ages for Ana Belmonte: 52 in s1 (2031-05-02); 54 in s2 (2031-05-09).');
  });
});

describe('an undated source', () => {
  const current = [
    'President Lena Varo praised General Omar Tessik in a phone call on Monday as his forces advanced on Kessa, the palace said.',
    'The Northern Front launched an offensive on Kessa in March and has since taken the airport.',
  ].join('\n\n');
  const later = 'General Omar Tessik said his troops would enter Kessa within days, and President Lena Varo urged both sides to talk.';
  // Names the same people but tells older events; its one stated year is years before the current reports.
  const old = [
    'President Lena Varo pressed General Omar Tessik to back the unity government, a palace source said.',
    'The parliament elected in 2026 has refused to approve the unity cabinet.',
    'In February, army chiefs hosted both rivals in Dalmar for talks on a truce.',
  ].join('\n\n');
  // Undated too, with an old year, but it tells the current offensive (dated to March by the others).
  const fresh = [
    'The Northern Front fighters of General Omar Tessik launched an offensive in March to seize Kessa.',
    'Tessik seized power in the north in 2026 after the army split.',
  ].join('\n\n');
  const set = [docFrom('s1', current, { date: '2030-03-20' }), docFrom('s2', later, { date: '2030-04-02' }), docFrom('s3', old), docFrom('s4', fresh)];
  const n = build(set);

  it('is stale when its newest stated year is long past and it shares only names with the current reports', () => {
    expect(n.sources.map((s) => `${s.id}:${s.flags.includes('stale')}`)).toEqual(['s1:false', 's2:false', 's3:true', 's4:false']);
  });

  it('never gives the bottom line, and its claims carry the stale caveat', () => {
    for (const c of n.bottomLine) expect(c.cites).not.toEqual(['s3']);
    const fromOld = [...n.keyPoints, ...n.actors.flatMap((a) => a.positions ?? [])].filter((c) => c.cites.join() === 's3');
    for (const c of fromOld) expect(c.caveats).toContain('stale');
  });
});

describe('a degraded source', () => {
  const clean = [
    'General Omar Tessik, 61, said on Monday that his forces would take the port city of Kessa within days.',
    'At least 40 people have been killed in Kessa this month, the Red Cross said.',
    'President Lena Varo urged General Omar Tessik to stop the offensive on Kessa.',
  ].join('\n\n');
  // Lower-cased and unpunctuated: sentence boundaries are restored by the word model, and some pieces are no sentences.
  const damaged = 'the general has been accused of abuses by rights groups mr tessik and his northern front are paying some 3 million to the harbour based firm dunmore partners the records say the 58 year old former army officer who was named chief of staff in 2028 has denied the charges he seized power in the north in a military coup in 2029 mr varo in a military coup in 2013 he said the general would face trial one day the offensive was condemned by President Lena Varo in a speech to the parliament';
  const set = [docFrom('s1', clean, { date: '2030-03-20' }), docFrom('s2', damaged, { flags: ['degraded', 'lowercase', 'unpunctuated'] })];
  const n = build(set);

  it('gives a figure labelled by the number and its noun in the source\'s words, not what follows it', () => {
    const labels = n.figures.map((f) => f.figure);
    expect(labels).toContain('some 3 million');
    expect(labels.some((l) => /harbour|\bto the\b/.test(l))).toBe(false);
  });

  it('leaves ages out of the figures', () => {
    expect(n.figures.some((f) => /\byears? old\b/.test(f.figure))).toBe(false);
  });

  it('shows its figures\' sentences in display form, evidence verbatim', () => {
    const money = n.figures.find((f) => f.figure === 'some 3 million')!;
    expect(money.text).toBe('Mr tessik and his northern front are paying some 3 million to the harbour based firm dunmore partners the records say.');
    expect(money.evidence[0]!.text).toBe(damaged.slice(money.evidence[0]!.start, money.evidence[0]!.end));
  });

  it('shows its sentences under an actor in display form, after those of well-written sources', () => {
    const varo = n.actors.find((a) => a.name === 'Lena Varo')!;
    expect(varo.evidence.map((e) => e.source)).toEqual(['s1', 's2']);
    const shown = varo.evidence.find((e) => e.source === 's2')!;
    expect(shown.text).toMatch(/^The offensive was condemned by President Lena Varo .*parliament\.$/);
    expect(damaged.slice(shown.start, shown.end)).toMatch(/^the offensive was condemned/);
  });

  it('puts no piece without a subject and verb on the timeline', () => {
    const fromDamaged = n.timeline.filter((e) => e.cites.includes('s2')).map((e) => e.text);
    expect(fromDamaged).toContain('He seized power in the north in a military coup in 2029.');
    expect(fromDamaged.some((t) => /varo in a military coup|former army officer who/i.test(t))).toBe(false);
  });
});

describe('an actor\'s positions', () => {
  const a = [
    'Mayor Ivo Brand called for an inquiry into the collapse of the Lunne bridge, the council said.',
    'Ivo Brand wants the Lunne bridge rebuilt before the winter.',
    'Ivo Brand’s office said the inquiry would report in June.',
    'Ivo Brand founded the Lunne Civic League in 2009 after the last floods.',
    'Council engineer Hana Roos said the bridge had been inspected in March.',
  ].join('\n\n');
  const b = 'Ivo Brand, the mayor since 2016, has promised to pay the families of the victims.\n\nThe Lunne bridge collapsed on Sunday, killing four people, officials said.';
  const set = [docFrom('s1', a, { date: '2031-06-02' }), docFrom('s2', b, { date: '2031-06-03' })];
  const analyses = analyzeDocuments(set);
  const ctx = makeContext(set, analyses);
  const positionsOf = (told: Set<string>) => (actors(ctx, told).find((x) => x.name === 'Ivo Brand')!.positions ?? []);
  const shown = positionsOf(new Set()).map((p) => p.text);

  it('take a name as the subject only when its verb follows', () => {
    for (const after of [' is seeking power.', ', a secularist who has held the east, is seeking power.', ' reportedly told him.', ' on Monday said so.', ' also wants a truce.', ' praised him.'])
      expect(verbFollows(after), after).toBe(true);
    for (const after of ['’s phone call was a move.', "'s office said so.", ' official Ahmed Maiteeq said so.', ' and his captives hatched a plot.'])
      expect(verbFollows(after), after).toBe(false);
  });

  it('are sentences the actor is the subject of, not of its office', () => {
    expect(shown.some((t) => t.startsWith('Ivo Brand’s office'))).toBe(false);
    // A year in a side clause ("the mayor since 2016") leaves the position current.
    expect(shown).toContain('Ivo Brand has promised to pay the families of the victims.');
  });

  it('leave out background: an event years old in the main clause', () => {
    expect(shown.some((t) => t.includes('2009'))).toBe(false);
  });

  it('do not repeat what the key points already say, unless the card would be empty', () => {
    const all = positionsOf(new Set());
    const told = new Set(all.slice(0, 1).map((p) => `${p.evidence[0]!.source}:${p.evidence[0]!.start}`));
    expect(positionsOf(told).map((p) => p.text)).toEqual(all.slice(1).map((p) => p.text));
    const everything = new Set(all.map((p) => `${p.evidence[0]!.source}:${p.evidence[0]!.start}`));
    expect(positionsOf(everything)).toHaveLength(1);
  });

  it('are not repeated from the key points in the built notes', () => {
    const n = build(set);
    const points = new Set([...n.bottomLine, ...n.keyPoints].map((c) => c.text));
    const brand = n.actors.find((x) => x.name === 'Ivo Brand')!;
    expect((brand.positions ?? []).filter((p) => points.has(p.text)).length).toBeLessThanOrEqual(1);
  });
});

describe('the timeline', () => {
  it('does not merge alike reports of one month that give different counts', () => {
    const a = 'At least 40 people have been killed in Kessa since the Northern Front launched its offensive in March.';
    const b = 'More than 150 people have been killed in Kessa since the Northern Front launched its offensive in March.';
    const n = build([docFrom('s1', a, { date: '2030-03-20' }), docFrom('s2', b, { date: '2030-05-10' })]);
    const march = n.timeline.filter((e) => e.date === '2030-03');
    expect(march.map((e) => e.cites)).toEqual([['s1'], ['s2']]);
  });
});

describe('a stale source\'s alignments', () => {
  it('are not listed as who backs whom now', () => {
    const now = 'General Omar Tessik is backed by Norland, officials said.\n\nThe Northern Front advanced on Kessa on Monday.';
    const old = 'General Omar Tessik is backed by Sorvia, officials said.\n\nThe Northern Front was founded in 2024.';
    const set = [docFrom('s1', now, { date: '2030-03-20' }), docFrom('s2', old, { date: '2027-01-10' })];
    const n = build(set);
    expect(n.sources.find((s) => s.id === 's2')!.flags).toContain('stale');
    expect(n.actors.find((a) => a.name === 'Omar Tessik')!.backedBy).toEqual(['Norland']);
  });
});
