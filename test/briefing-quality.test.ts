// The briefing's quality rules on made-up flood reports: figures that say what they measure and whose they
// are, alignments from lists and compounds, one dated event per sentence merged across sources in the best
// words, key points that corroborate instead of repeating the bottom line, and discrepancies with dates.
import { describe, expect, it } from 'vitest';
import { analyzeDocuments } from '../src/extract/analyze.ts';
import type { DocumentAnalysis } from '../src/extract/analysis.ts';
import { buildNotes } from '../src/extract/briefing/build.ts';
import type { BriefingNotes, SourceDoc } from '../src/notes/model.ts';
import { docFrom } from './helpers/docs.ts';

const GAZETTE = `Flooding along the Arden River has killed at least 40 people in Kessel, the Red Cross said on Thursday.

Governor Lena Hart declared a state of emergency on March 3 after the Arden River burst its banks near Kessel.

Lena Hart, who is backed by the Farmers Union, the Teachers Guild and Northwind Bank, has promised to rebuild the Kessel Dam. The Delta Council opposes Lena Hart. The Harbor Guild-backed Civic Party wants the dam removed.

The two sides met again in the capital on Tuesday without agreement.

Hart's rival Omar Reyes said the dam had been neglected for years. The 46-year-old former banker Omar Reyes leads the Civic Party in the assembly.

The Kessel Dam gates were opened on March 1 without warning to the villages downstream.

Records show the Delta Council paid $2 million to a lobbying firm last year.
`;

const COURIER = `At least 65 people have been killed in Kessel since the floods began, the Red Cross said.

Governor Lena Hart declared a state of emergency on March 3 after the Arden River burst its banks.

Hart's March 3 emergency decree came too late, a senior engineer told the Kessel Gazette on Thursday.

The Kessel Dam gates were opened on March 2 without warning to the villages downstream, engineers said.

Omar Reyes, 47, is allied with the Delta Council and supports the Civic Party.
`;

/** A degraded wire copy: lowercase start, no punctuation, one run-on line. */
const WIRE = 'governor Lena Hart declared a state of emergency on March 3 as the Arden River rose and villagers fled their homes in the night while the Delta Council met in Kessel to discuss the dam and the relief funds that never arrived from the capital and nobody answered the phones\n';

const docs: SourceDoc[] = [
  docFrom('s1', GAZETTE, { date: '2025-03-14' }),
  docFrom('s2', COURIER, { date: '2025-03-20' }),
  docFrom('s3', WIRE, { date: '2025-03-16', flags: ['degraded'] }),
];
const analyses = analyzeDocuments(docs);
const notes: BriefingNotes = buildNotes(docs, analyses, { inputs: ['test'] });

const namesOf = (a: DocumentAnalysis) => new Map(a.entities.map((e) => [e.id, e.canonical]));

describe('figures', () => {
  const [gazette, courier] = analyses;
  const figuresOf = (a: DocumentAnalysis) => {
    const names = namesOf(a);
    return a.figures.map((f) => ({ text: f.text, value: f.value, unit: f.unit, measure: f.measure, owner: f.entityId ? names.get(f.entityId) : null }));
  };

  it('does not take a bare small number ("the two sides") for a figure', () => {
    expect(figuresOf(gazette!).some((f) => f.value === 2 && f.unit === null)).toBe(false);
    expect(notes.figures.some((f) => /\btwo\b/i.test(f.figure))).toBe(false);
  });

  it('gives a casualty count what it counts, what happened and where', () => {
    expect(figuresOf(gazette!)).toContainEqual({ text: '40', value: 40, unit: null, measure: 'people killed', owner: 'Kessel' });
    expect(figuresOf(courier!)).toContainEqual({ text: '65', value: 65, unit: null, measure: 'people killed', owner: 'Kessel' });
  });

  it('links an age to the person the phrase names, and money to who pays it', () => {
    expect(figuresOf(gazette!)).toContainEqual({ text: '46-year-old', value: 46, unit: 'years', measure: 'age', owner: 'Omar Reyes' });
    expect(figuresOf(gazette!)).toContainEqual({ text: '$2 million', value: 2_000_000, unit: 'USD', measure: 'lobbying firm', owner: 'Delta Council' });
  });

  it('links an age in an appositive to the name before it, and "the 61-year-old" to whoever was 61', () => {
    const text = 'Dario Vell, a 61-year-old former harbour pilot, met Mira Osk in Karsk. Osk spoke first. The 61-year-old pilot left on Friday.';
    const [a] = analyzeDocuments([docFrom('s1', text)]);
    expect(figuresOf(a!).filter((f) => f.measure === 'age').map((f) => f.owner)).toEqual(['Dario Vell', 'Dario Vell']);
  });

  it('gives troops to who sends them and money to who pays it, not to where it happens', () => {
    const text = 'The Mining Guild has sent about 1,200 fighters to Karsk. In Varos, the ministry spent $5 million on repairs.';
    const [a] = analyzeDocuments([docFrom('s1', text)]);
    expect(figuresOf(a!)).toEqual([
      { text: '1,200', value: 1200, unit: null, measure: 'fighters', owner: 'Mining Guild' },
      { text: '$5 million', value: 5_000_000, unit: 'USD', measure: 'repairs', owner: null },
    ]);
  });

  it('does not give money to a place written as an adjective of its payer ("the Texas businessman")', () => {
    const text = 'Records published on Sunday showed the Texas businessman and his companies lost nearly $916 million in a single year.';
    const [a] = analyzeDocuments([docFrom('s1', text)]);
    const money = figuresOf(a!).find((f) => f.unit === 'USD');
    expect(a!.entities.some((e) => e.canonical === 'Texas' && e.type === 'PLACE')).toBe(true);
    expect(money?.owner).toBeNull();
    const [b] = analyzeDocuments([docFrom('s1', 'The United States sent $1 billion in aid to Ukraine last year.')]);
    expect(figuresOf(b!).find((f) => f.unit === 'USD')?.owner).toBe('United States');
  });

  it('shows each figure with its unit and measure, read from the source', () => {
    const shown = notes.figures.map((f) => f.figure);
    // A label is the number and its noun in the source's words: the sum stops before "to a lobbying firm".
    expect(shown).toEqual(expect.arrayContaining(['$2 million (Delta Council)', 'At least 65 people have been killed', 'at least 40 people']));
    // An age describes a person, not the story: not a figure.
    expect(shown.some((f) => /years old/.test(f))).toBe(false);
    for (const f of notes.figures) expect(f.figure).toMatch(/\p{L}{3,}/u); // never a bare number
  });
});

describe('alignments', () => {
  const pairs = (a: DocumentAnalysis) => {
    const names = namesOf(a);
    return a.alignments.map((x) => `${names.get(x.fromId)} ${x.relation} ${names.get(x.toId)}`);
  };

  it('reads every backer of a coordinated list, and "X-backed Y"', () => {
    expect(pairs(analyses[0]!)).toEqual(expect.arrayContaining([
      'Farmers Union backs Lena Hart', 'Teachers Guild backs Lena Hart', 'Northwind Bank backs Lena Hart', 'Harbor Guild backs Civic Party',
    ]));
  });

  it('reads opposition, rivals and alliances, and does not give a second verb the wrong subject', () => {
    expect(pairs(analyses[0]!)).toEqual(expect.arrayContaining(['Delta Council opposes Lena Hart', 'Omar Reyes opposes Lena Hart']));
    expect(pairs(analyses[1]!)).toContain('Omar Reyes allied Delta Council');
    // "…allied with the Delta Council and supports the Civic Party": the council is not the supporter.
    expect(pairs(analyses[1]!)).not.toContain('Delta Council backs Civic Party');
  });

  it('reads a three-name list after "who is backed by", and a compound with no gap', () => {
    const text = 'General Ivo Kral, who is backed by Norland, Upper Vestia and Karsk, took the port. The Vestia-backed Coastal Front withdrew.';
    const [a] = analyzeDocuments([docFrom('s1', text)]);
    expect(pairs(a!)).toEqual(expect.arrayContaining(['Norland backs Ivo Kral', 'Upper Vestia backs Ivo Kral', 'Karsk backs Ivo Kral', 'Vestia backs Coastal Front']));
  });
});

describe('timeline', () => {
  it('places a sentence once, at its event date, not at the date it was reported', () => {
    const decree = notes.timeline.filter((t) => t.evidence.some((e) => e.text.startsWith("Hart's March 3 emergency decree")));
    expect(decree.map((t) => t.date)).toEqual(['2025-03-03']);
    expect(notes.timeline.some((t) => t.date === '2025-03-20')).toBe(false); // that Thursday only dates the report
  });

  it('dates a sentence by its main clause, not by a clause opened by "after"', () => {
    const text = 'Dock workers at the port of Avalon walked out on Saturday after pay talks collapsed late on Friday.';
    const one = [docFrom('s1', text, { date: '2024-03-04' })];
    const n = buildNotes(one, analyzeDocuments(one), { inputs: ['test'] });
    expect(n.timeline.map((t) => t.date)).toEqual(['2024-03-02']);
  });

  it('merges one event from several sources with all citations, told by the best-written source', () => {
    const emergency = notes.timeline.find((t) => t.date === '2025-03-03')!;
    expect(emergency.cites).toEqual(['s1', 's2', 's3']);
    expect(emergency.text).toMatch(/^Governor Lena Hart declared a state of emergency on March 3/);
  });

  it('cuts a degraded run-on after its date, keeping the text verbatim', () => {
    const wire = notes.timeline.flatMap((t) => t.evidence).find((e) => e.source === 's3')!;
    expect(wire.text).toBe('governor Lena Hart declared a state of emergency on March 3');
    expect(WIRE.slice(wire.start, wire.end)).toBe(wire.text);
  });

  it('keeps every event text a verbatim span of its evidence', () => {
    for (const t of notes.timeline) expect(t.evidence.map((e) => e.text)).toContain(t.text);
  });
});

describe('key points', () => {
  it('does not repeat the bottom line', () => {
    const bottom = new Set(notes.bottomLine.map((b) => b.text));
    expect(notes.keyPoints.length).toBeGreaterThan(3);
    for (const p of notes.keyPoints) expect(bottom.has(p.text)).toBe(false);
  });

  it('puts the corroborated claim first, citing every source that reports it', () => {
    expect(notes.bottomLine[0]!.text).toMatch(/^Governor Lena Hart declared a state of emergency/);
    expect(notes.bottomLine[0]!.cites).toEqual(['s1', 's2']);
  });

  it('merges two wordings of one dated event, and does not lead with background every source repeats', () => {
    const a = 'Miners at the Corvo pit in Dalmar walked out on May 5 over unpaid wages. Dalmar has been in turmoil since the Corvo mine closed in 2011.';
    const b = 'On May 5 Corvo miners in Dalmar went on strike, saying wages had not been paid for months. Dalmar has been in turmoil since the Corvo mine closed in 2011, residents say.';
    const c = 'Dalmar has been in turmoil since the Corvo mine shut in 2011. The Dalmar council met the Corvo owners on Tuesday to discuss the pit.';
    const set = [docFrom('s1', a, { date: '2025-05-07' }), docFrom('s2', b, { date: '2025-05-08' }), docFrom('s3', c, { date: '2025-05-08' })];
    const n = buildNotes(set, analyzeDocuments(set), { inputs: ['test'] });
    const strike = [...n.bottomLine, ...n.keyPoints].find((p) => /walked out on May 5|went on strike/.test(p.text));
    expect(strike?.cites).toEqual(['s1', 's2']);
    expect(n.bottomLine[0]!.text).not.toMatch(/since .*2011/);
  });

  it('does not merge alike sentences that give different numbers or dates', () => {
    const all = [...notes.bottomLine, ...notes.keyPoints];
    const toll = all.find((p) => p.text.includes('at least 40 people'))!;
    expect(toll.cites).toEqual(['s1']);
    const gates = all.filter((p) => p.text.startsWith('The Kessel Dam gates'));
    for (const g of gates) expect(g.cites).toHaveLength(1);
  });
});

describe('discrepancies', () => {
  const texts = notes.discrepancies.map((d) => d.text);

  it('shows a toll that rose between reports as a trend with the date of each, not as a clash', () => {
    expect(notes.discrepancies.some((d) => d.text.includes('people killed'))).toBe(false);
    const toll = notes.trends?.find((t) => t.measure === 'killed');
    expect(toll?.points).toEqual([
      { date: '2025-03-13', value: 40, figure: 'at least 40', source: 's1' },
      { date: '2025-03-20', value: 65, figure: 'at least 65', source: 's2' },
    ]);
    expect(toll?.cites).toEqual(['s1', 's2']);
  });

  it('reports differing tolls for the same place and date with the date of each report', () => {
    const a = 'Flooding along the Arden River has killed at least 40 people in Kessel, the Red Cross said.';
    const b = 'Flooding along the Arden River has killed at least 65 people in Kessel, the Kessel Gazette reported.';
    const pair = [docFrom('s1', a, { date: '2025-03-14' }), docFrom('s2', b, { date: '2025-03-14' })];
    const n = buildNotes(pair, analyzeDocuments(pair), { inputs: ['test'] });
    expect(n.discrepancies.map((d) => d.text)).toContain('Sources give different figures for people killed (Kessel): at least 40 in s1 (2025-03-14); at least 65 in s2 (2025-03-14). The reports are of the same date.');
    expect(n.trends ?? []).toEqual([]);
  });

  it('reports differing ages and differing dates for the same event', () => {
    expect(texts).toContain('Sources give different ages for Omar Reyes: 46 in s1 (2025-03-14); 47 in s2 (2025-03-20).');
    expect(texts).toContain('Sources date the same event differently: 2025-03-01 in s1; 2025-03-02 in s2.');
  });

  it('does not call one event at two granularities ("March", "March 3") a clash', () => {
    const text = 'The strike began in March. Dock workers walked out on March 3 after pay talks collapsed at the port of Avalon.';
    const other = 'Dock workers walked out in March after pay talks collapsed at the port of Avalon, the union said.';
    const pair = [docFrom('s1', text, { date: '2025-04-01' }), docFrom('s2', other, { date: '2025-04-02' })];
    const n = buildNotes(pair, analyzeDocuments(pair), { inputs: ['test'] });
    expect(n.discrepancies.filter((d) => d.text.startsWith('Sources date'))).toEqual([]);
  });
});
