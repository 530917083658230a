// The synthesis on invented multi-source reports: compression by deletion only (every claim a sub-sequence
// of its source sentence), wire typography, LexRank centrality with capped graphs, a short bottom line from
// current corroborated news, stale sources flagged and kept out of it, duplicates counted once, rising
// counts as trends rather than contradictions, themes, actor positions, titles and the N-word summary.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeDocuments } from '../src/extract/analyze.ts';
import { buildNotes } from '../src/extract/briefing/build.ts';
import { compress, COMPRESSION_RULES, isSubsequence } from '../src/extract/briefing/compress.ts';
import { lexRank, MAX_NEIGHBOURS, MAX_POSTINGS } from '../src/extract/briefing/lexrank.ts';
import { neighbours, sentenceGraph } from './helpers/lexrank.ts';
import { BOTTOM_LINE_WORDS } from '../src/extract/briefing/keypoints.ts';
import { byActor } from '../src/extract/briefing/figures.ts';
import { summarize } from '../src/extract/briefing/summary.ts';
import { typeset } from '../src/extract/briefing/typography.ts';
import type { BriefingNotes, Claim, SourceDoc } from '../src/notes/model.ts';
import { docFrom } from './helpers/docs.ts';

const GAZETTE = `Cyclone Orla has killed at least 40 people in Port Salla since it struck the coast of Marivia, the Marivian Red Cross said on Tuesday.

Governor Ana Belmonte, 52, declared a state of emergency in Port Salla on May 1 after the sea wall failed.

The Marivian Navy sent three ships with food and water to Port Salla, officials said.

Ana Belmonte said the sea wall had been neglected for a decade by the Coastal Authority.

Farmers in the Tessa valley lost most of their rice harvest to the floods.
`;
const COURIER = `At least 120 people have been killed in Port Salla since Cyclone Orla made landfall, the Marivian Red Cross said.

Governor Ana Belmonte, 54, declared a state of emergency in Port Salla on May 1 after the sea wall gave way.

However, the Coastal Authority said the sea wall was repaired in 2029 and blamed the height of the storm surge.

The Marivian Navy sent three ships with food and water to Port Salla, according to officials.

Relief convoys reached the Tessa valley on Thursday after the main road reopened.
`;
/** Three years older than the rest: its claims must not read as current. */
const OLD_REPORT = `Cyclone Dax flattened fishing villages north of Port Salla, and the Coastal Authority promised a new sea wall for the harbour.

Engineers warned that the old sea wall would not survive a major storm, the Coastal Authority said in a report.

The Marivian Navy opened a new base near Port Salla in 2027 to guard the harbour.
`;
/** The Gazette's story again in another outlet, cut short. */
const REPRINT = GAZETTE.split('\n\n').filter((_, k) => k !== 3).join('\n\n');

const docs: SourceDoc[] = [
  docFrom('s1', GAZETTE, { date: '2031-05-02' }),
  docFrom('s2', COURIER, { date: '2031-05-09' }),
  docFrom('s3', OLD_REPORT, { date: '2028-03-01' }),
  docFrom('s4', REPRINT, { date: '2031-05-03', flags: ['duplicate'] }),
];
const notes: BriefingNotes = buildNotes(docs, analyzeDocuments(docs), { inputs: ['test'] });
const words = (s: string) => s.split(/\s+/).filter(Boolean).length;

describe('compression', () => {
  const cases: Array<[string, string]> = [
    ['Flooding along the Arden River has killed at least 40 people in Kessel, the Red Cross said on Thursday.', 'Flooding along the Arden River has killed at least 40 people in Kessel.'],
    ['The port strike cost the city millions in lost trade, a senior harbour official told The Avalon Herald on Friday.', 'The port strike cost the city millions in lost trade.'],
    ['But the union refused to end the walkout before the pay offer was improved.', 'The union refused to end the walkout before the pay offer was improved.'],
    ['It comes as the dockers of Avalon enter the third week of their strike over pay.', 'The dockers of Avalon enter the third week of their strike over pay.'],
    ['The mayor said that the harbour would reopen to ships within a week.', 'The harbour would reopen to ships within a week.'],
    ['The Avalon Port Authority (APA) closed the harbour to all ships on Monday.', 'The Avalon Port Authority closed the harbour to all ships on Monday.'],
    ['Union leader Maria Lenz, a former crane driver, rejected the offer on Tuesday.', 'Union leader Maria Lenz rejected the offer on Tuesday.'],
    ['Councillor Smith, a Democrat, said the harbour bill would pass this week.', 'Councillor Smith said the harbour bill would pass this week.'],
    ['The minister asked Governor Tom Hale, who chairs the harbour board, to meet the union.', 'The minister asked Governor Tom Hale to meet the union.'],
    ['The strike was called by the Dockers Union, which represents 2,000 workers at the port.', 'The strike was called by the Dockers Union.'],
    ['The ferry company cancelled its sailings, the harbour master announced Friday, as the strike spread to the ferries.', 'The ferry company cancelled its sailings, as the strike spread to the ferries.'],
    ['KESSEL, Avalon (AP) _ The harbour reopened to ships on Friday after a week of repairs.', 'The harbour reopened to ships on Friday after a week of repairs.'],
    // Kept: cutting the frame would leave a pronoun without its name, or a warning told as a fact.
    ['Maria Lenz said that despite this, she would meet the minister on Monday.', 'Maria Lenz said that despite this, she would meet the minister on Monday.'],
    ['Engineers warned that the old sea wall would not survive a major storm.', 'Engineers warned that the old sea wall would not survive a major storm.'],
    // A relative clause whose closing comma opens an appositive of its last name goes on past it: kept whole.
    ['The video does not show the shooting itself, which occurred on Tuesday as Tom Hale, a 43-year-old driver, was sitting in his van.', 'The video does not show the shooting itself, which occurred on Tuesday as Tom Hale was sitting in his van.'],
    // Kept: a list of places is not an appositive.
    ['The storm hit Avalon, a port town, and Kessel, a farming village, on the same night.', 'The storm hit Avalon, a port town, and Kessel, a farming village, on the same night.'],
    // Kept: an appositive that names a second subject, or one adjective of a list, is no aside.
    // Kept: a bracket a possessive owns is the noun ("Japan's (ANA) were to take delivery").
    ['Avalon\'s (APA) were to take delivery of the ships in May, but will now receive them next month.', 'Avalon\'s (APA) were to take delivery of the ships in May, but will now receive them next month.'],
    ['Cara, a food services chain operator and Unicorp, a holding company, are based in Toronto.', 'Cara, a food services chain operator and Unicorp, a holding company, are based in Toronto.'],
    ['He now leads the Harbour Forum, a conservative, pro-growth advocacy group.', 'He now leads the Harbour Forum, a conservative, pro-growth advocacy group.'],
  ];
  it.each(cases)('shortens "%s" to its claim, by deletion only', (sentence, expected) => {
    expect(compress(sentence)).toBe(expected);
    expect(isSubsequence(compress(sentence), sentence)).toBe(true);
  });

  it('gives a sub-sequence of the sentence\'s words for any sentence', () => {
    const word = fc.constantFrom('the', 'union', 'said', 'that', 'Maria', 'Lenz', 'told', 'Herald', 'on', 'Friday', 'who', 'which', 'a', 'But', 'However', 'It', 'comes', 'as', '(APA)', '“we', 'stay”', 'according', 'to', 'port', 'strike', '40', 'killed');
    const sentence = fc.array(fc.tuple(word, fc.constantFrom('', '', '', ',')), { minLength: 1, maxLength: 40 })
      .map((ws) => `${ws.map(([w, p]) => w + p).join(' ')}.`);
    fc.assert(fc.property(sentence, (s) => isSubsequence(compress(s), s)), { numRuns: 2000 });
  });

  it('runs each rule by name, and each rule does its part', () => {
    const without = (name: string) => COMPRESSION_RULES.filter(([n]) => n !== name);
    for (const [sentence, expected] of cases) {
      if (sentence === expected) continue;
      const missed = COMPRESSION_RULES.filter(([name]) => compress(sentence, without(name)) !== expected);
      expect(missed.length).toBeGreaterThan(0);
    }
  });
});

describe('typography', () => {
  it('turns wire quotes and dashes into typographic ones', () => {
    expect(typeset("``We will stay out,'' the union said _ and it did -- for weeks.")).toBe('“We will stay out,” the union said — and it did — for weeks.');
    expect(typeset('The "offer" was the union\'s last, said \'Big\' Tom.')).toBe('The “offer” was the union’s last, said ‘Big’ Tom.');
  });

  it('opens a quote written with two apostrophes on both sides, keeping the space before it', () => {
    expect(typeset("Not paying taxes ''makes me smart,'' Donald J. Trump said.")).toBe('Not paying taxes “makes me smart,” Donald J. Trump said.');
    expect(typeset("''We will stay out,'' the union said, and it did ''for weeks ''.")).toBe('“We will stay out,” the union said, and it did “for weeks”.');
  });

  it('leaves evidence lines in the source\'s own characters', () => {
    const n = buildNotes([docFrom('s1', "Union leader Maria Lenz said the ``final offer'' from the Avalon port owners was no offer at all.", { date: '2030-01-02' })], analyzeDocuments([docFrom('s1', "Union leader Maria Lenz said the ``final offer'' from the Avalon port owners was no offer at all.", { date: '2030-01-02' })]), { inputs: ['t'] });
    const claim = [...n.bottomLine, ...n.keyPoints, ...n.actors.flatMap((a) => a.positions ?? [])].find((c) => c.text.includes('final offer'))!;
    expect(claim.text).toContain('“final offer”');
    for (const a of n.actors) for (const e of a.evidence) expect(e.text).toContain("``final offer''");
  });
});

describe('LexRank', () => {
  it('ranks the sentence most like the others highest', () => {
    const terms = [['port', 'strike', 'pay'], ['port', 'strike', 'union'], ['port', 'strike', 'pay', 'union'], ['weather', 'rain']];
    const score = lexRank(sentenceGraph(terms));
    expect(score[2]).toBeGreaterThan(score[0]!);
    expect(score[2]).toBeGreaterThan(score[3]!);
    expect([...score].reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
  });

  it('caps each sentence\'s neighbours and skips terms too common to index', () => {
    // Every sentence shares "port" (too common) and one of few rare words: no sentence may get more than
    // MAX_NEIGHBOURS neighbours, and "port" alone links nothing.
    const n = MAX_POSTINGS + 50;
    const terms = Array.from({ length: n }, (_, k) => ['port', `w${k % 60}`, `v${k}`]);
    const graph = sentenceGraph(terms);
    for (const row of neighbours(graph)) expect(row.length).toBeLessThanOrEqual(MAX_NEIGHBOURS);
    const lonely = sentenceGraph([...Array.from({ length: MAX_POSTINGS + 1 }, (_, k) => ['port', `u${k}`])]);
    expect(neighbours(lonely).every((row) => row.length === 0)).toBe(true);
  });
});

const claims = (n: BriefingNotes): Claim[] => [...n.bottomLine, ...n.keyPoints, ...n.actors.flatMap((a) => a.positions ?? [])];

describe('the briefing from several sources', () => {
  it('states the bottom line in 2-3 sentences of at most 60 words together', () => {
    expect(notes.bottomLine.length).toBeGreaterThanOrEqual(2);
    expect(notes.bottomLine.length).toBeLessThanOrEqual(3);
    expect(notes.bottomLine.reduce((n, c) => n + words(c.text), 0)).toBeLessThanOrEqual(BOTTOM_LINE_WORDS);
  });

  it('says every claim in the words of a sentence of a source it cites', () => {
    const spans = (c: Claim) => c.cites.flatMap((id) => docs.find((d) => d.id === id)!.text.split(/\n\n/));
    for (const c of claims(notes)) expect(spans(c).some((s) => isSubsequence(c.text, typeset(s.replace(/\s+/g, ' '))))).toBe(true);
  });

  it('flags the much older source stale and keeps it out of the bottom line', () => {
    expect(notes.sources.find((s) => s.id === 's3')!.flags).toContain('stale');
    expect(notes.sources.filter((s) => s.flags.includes('stale')).map((s) => s.id)).toEqual(['s3']);
    for (const c of notes.bottomLine) expect(c.cites).not.toEqual(['s3']);
    const old = notes.keyPoints.filter((c) => c.cites.join() === 's3');
    expect(old.length).toBeGreaterThan(0);
    for (const c of old) expect(c.caveats).toContain('stale');
  });

  it('still writes a bottom line from current news when the top-ranked points are all stale', () => {
    const OLD = ['The Marivian Navy opened a new base at Port Salla, officials said.', 'The base at Port Salla will house four frigates and 900 sailors, the navy said.',
      'Fishermen in Port Salla protested against the base for a week.', 'The Coastal Authority dredged the harbour of Port Salla to let the frigates in.',
      'Governor Ana Belmonte welcomed the navy to Port Salla at a ceremony on the quay.', 'Shops near the Port Salla quay reported record sales during the opening week.',
      'The navy bought land for housing from the Salla Fishing Cooperative.', 'Three schools in Port Salla took in the sailors\' children.'];
    const old = (k: number) => docFrom(`s${k}`, OLD.join('\n\n'), { date: `2027-0${k}-10` });
    const set = [old(1), old(2), old(3), old(4), docFrom('s5', 'Parliament in Marivia voted on Monday to cut the defence budget by a third after a long debate.\n\nThe defence minister, Ivo Rask, resigned after the vote, his office said.\n', { date: '2030-02-03' })];
    const n = buildNotes(set, analyzeDocuments(set), { inputs: ['t'] });
    expect(n.sources.filter((x) => x.flags.includes('stale')).map((x) => x.id)).toEqual(['s1', 's2', 's3', 's4']);
    expect(n.bottomLine.length).toBeGreaterThan(0);
    for (const c of n.bottomLine) expect(c.cites).toEqual(['s5']);
  });

  it('flags an undated source stale when the years it states are long past and it reports no current fact', () => {
    const old = 'The Corvo mine in Dalmar closed in 2019 after a fire in the main shaft. Miners marched through Dalmar in 2020 to demand the mine reopen. The Dalmar council sold the pit to Kessel Mining in 2020.';
    const current = 'Miners at the Corvo pit in Dalmar walked out on May 5 over unpaid wages, the union said. The Dalmar council met the Corvo owners on Tuesday to discuss the pit.';
    const retold = 'Miners at the Corvo pit in Dalmar walked out over unpaid wages, the union said. The Corvo mine in Dalmar closed in 2019 after a fire and reopened in 2020.';
    const set = [docFrom('s1', current, { date: '2025-05-07' }), docFrom('s2', old), docFrom('s3', retold)];
    const n = buildNotes(set, analyzeDocuments(set), { inputs: ['t'] });
    expect(n.sources.map((x) => x.flags.includes('stale'))).toEqual([false, true, false]);
  });

  it('counts a duplicate source once with the source it repeats', () => {
    const reprinted = notes.keyPoints.filter((c) => c.cites.includes('s4'));
    expect(reprinted.length).toBeGreaterThan(0);
    for (const c of reprinted) expect(c.support).toBe(c.cites.length - 1);
    const farmers = notes.keyPoints.find((c) => c.text.startsWith('Farmers in the Tessa valley'))!;
    expect(farmers.cites).toEqual(['s1', 's4']);
    expect(farmers.support).toBe(1);
    expect(notes.keyPoints.find((c) => c.cites.join() === 's1,s2')?.support ?? 2).toBe(2);
  });

  it('shows a count that rose over time as a trend, not a contradiction', () => {
    expect(notes.trends?.map((t) => t.points.map((p) => `${p.figure} ${p.source}`))).toEqual([['at least 40 s1', 'at least 120 s2']]);
    expect(notes.trends![0]!.measure).toBe('killed');
    expect(notes.discrepancies.some((d) => d.text.includes('killed'))).toBe(false);
  });

  it('still reports values that disagree: two ages for one person', () => {
    expect(notes.discrepancies.map((d) => d.text)).toContain('Sources give different ages for Ana Belmonte: 52 in s1 (2031-05-02); 54 in s2 (2031-05-09).');
  });

  it('reports a count that fell as a discrepancy, not a trend', () => {
    const a = 'Floods have killed at least 90 people in Kessel, the Red Cross said.';
    const b = 'Floods have killed at least 30 people in Kessel, the Red Cross said.';
    const set = [docFrom('s1', a, { date: '2030-04-01' }), docFrom('s2', b, { date: '2030-04-20' })];
    const n = buildNotes(set, analyzeDocuments(set), { inputs: ['t'] });
    expect(n.trends ?? []).toEqual([]);
    expect(n.discrepancies.some((d) => d.text.startsWith('Sources give different figures for people killed'))).toBe(true);
  });

  it('groups the key points by theme, titled with names from the sources, each theme together', () => {
    const themes = notes.keyPoints.map((p) => p.theme);
    expect(themes.every((t) => typeof t === 'string' && t.length > 0)).toBe(true);
    // A theme's points stand together.
    const runs = themes.filter((t, k) => k === 0 || t !== themes[k - 1]);
    expect(new Set(runs).size).toBe(runs.length);
    const all = docs.map((d) => d.text).join(' ');
    for (const t of new Set(themes)) for (const name of t!.split(' and ')) expect(all).toContain(name);
    expect(new Set(themes).size).toBeGreaterThan(1);
  });

  it('gives the main actors their positions, in their own sentences, compressed', () => {
    const belmonte = notes.actors.find((a) => a.name === 'Ana Belmonte')!;
    // Every sentence whose subject she is is told as a key point already: her card repeats one, not all.
    expect(belmonte.positions).toHaveLength(1);
    expect([...notes.bottomLine, ...notes.keyPoints].map((c) => c.text)).toContain(belmonte.positions![0]!.text);
    expect(belmonte.positions![0]!.text).toMatch(/^(?:Governor )?Ana Belmonte\b/);
  });

  it('titles the briefing "Hurricane X: Place" from how the sources write the dominant names', () => {
    // "Mitch" alone in most mentions, "Hurricane Mitch" in some; "Honduran" more often than "Honduras".
    const a = 'Mitch hit Honduras on Monday with winds of 180 mph. Mitch, a hurricane, flooded the Honduran capital. In Honduras, the storm Mitch stalled. Honduran troops rescued 300 people as Hurricane Mitch raged.';
    const b = 'Hurricane Mitch has killed thousands in Honduras, Honduran officials said. The Honduran president said Mitch destroyed bridges across Honduras. Hurricane Mitch moved on to Nicaragua. Honduran rivers rose.';
    const set = [docFrom('s1', a, { date: '1998-10-30' }), docFrom('s2', b, { date: '1998-11-01' })];
    const n = buildNotes(set, analyzeDocuments(set), { inputs: ['t'] });
    expect(n.title).toMatch(/^Hurricane Mitch: Honduras\b/);
    expect(n.title).not.toMatch(/Honduran/);
  });

  it('summarises in whole source sentences of at most N words together', () => {
    const lines = summarize(docs, analyzeDocuments(docs), 40);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.reduce((n, l) => n + words(l), 0)).toBeLessThanOrEqual(40);
    const sentences = docs.flatMap((d) => d.text.split(/\n\n/).map((s) => s.replace(/\s+/g, ' ').trim()));
    for (const l of lines) expect(sentences).toContain(l);
    // Current news first: nothing from the stale source while current sentences remain.
    expect(lines.some((l) => OLD_REPORT.includes(l))).toBe(false);
  });
});

describe('one figure from several sources: only of one actor', () => {
  const set = [
    docFrom('s1', 'Election board report\n\nIn Vell, 12 women were elected to the council, the Vell electoral board said on Monday.', { date: '2030-03-02' }),
    docFrom('s2', 'Space agency news\n\nAt the Orbis space agency, 12 women were elected to the staff council, its director said on Monday.', { date: '2030-03-02' }),
    docFrom('s3', 'City news\n\nIn Vell, 12 women were elected this spring, according to the Vell electoral board.', { date: '2030-03-03' }),
    docFrom('s4', 'Markets\n\nAcme shares closed at $19.50, up 12.5 cents, in Vell stock exchange trading on Friday.', { date: '2030-03-03' }),
    docFrom('s5', 'Markets\n\nBolt shares closed at $23.25, off 12.5 cents, in Vell stock exchange trading on Friday.', { date: '2030-03-03' }),
  ];
  const n = buildNotes(set, analyzeDocuments(set), { inputs: ['t'] });

  it('groups a figure only across sources naming an actor in common', () => {
    // Vell's 12 women and the agency's are two figures, though worded the same.
    expect(n.figures.filter((f) => /12 women/.test(f.figure)).map((f) => f.cites)).toEqual([['s1', 's3'], ['s2']]);
  });

  it('does not list cents moved as figures', () => {
    expect(n.figures.filter((f) => /cents/.test(f.figure))).toEqual([]);
  });
});

describe('a figure\'s mentions split by actor', () => {
  it('as the plain first-fit over parts does, on random mentions', () => {
    const plain = (mentions: Array<{ doc: number; ids: string[] }>) => {
      const parts: Array<{ members: typeof mentions; docs: Set<number>; ids: Set<string> }> = [];
      for (const f of mentions) {
        let home = parts.find((p) => p.docs.has(f.doc) || f.ids.some((id) => p.ids.has(id)));
        if (!home) parts.push((home = { members: [], docs: new Set(), ids: new Set() }));
        home.members.push(f);
        home.docs.add(f.doc);
        for (const id of f.ids) home.ids.add(id);
      }
      return parts.map((p) => p.members);
    };
    let split = 0;
    fc.assert(fc.property(fc.array(fc.record({ doc: fc.integer({ min: 0, max: 9 }), ids: fc.uniqueArray(fc.constantFrom('e1', 'e2', 'e3', 'e4', 'e5', 'e6'), { maxLength: 3 }) }), { minLength: 1, maxLength: 40 }), (mentions) => {
      const parts = byActor(mentions);
      expect(parts).toEqual(plain(mentions));
      if (parts.length > 1) split++;
    }), { numRuns: 500 });
    expect(split).toBeGreaterThan(100);
  });
});
