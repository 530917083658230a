// Named-entity rules on made-up sentences: titles and roles, typing by words and by evidence across
// documents, products and units, aliases, and lower-cased unpunctuated sources repaired by ingest.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeDocuments } from '../src/extract/analyze.ts';
import type { DocumentAnalysis, EntityMention } from '../src/extract/analysis.ts';
import { findCandidates, learnCommonWords, tokenize } from '../src/extract/rules/entities.ts';
import { CommonWordsLearner } from '../src/extract/rules/entities/casing.ts';
import { TokenCursor } from '../src/extract/rules/tokens.ts';
import { charsHash } from '../src/extract/rules/vocabulary.ts';
import { repairDegraded } from '../src/ingest/repair/index.ts';
import { docFrom } from './helpers/docs.ts';

const all = (as: DocumentAnalysis[]): EntityMention[] => as.flatMap((a) => a.entities);
const byText = (as: DocumentAnalysis[], text: string) => all(as).filter((e) => e.text === text);
const typeOf = (as: DocumentAnalysis[], text: string) => byText(as, text)[0]?.type ?? null;
const analyze = (...texts: string[]) => analyzeDocuments(texts.map((t, k) => docFrom(`s${k + 1}`, t)));

describe('titles and roles', () => {
  const as = analyze(`Secretary of State Anna Berg flew to Oslo on Monday. Field Marshal Ivo Brandt met her there.
Mr. Brandt said the talks went well. Brandt later left. Egyptian President Omar Nasser sent a letter.`);

  it('splits a title off the name and keeps it as the role', () => {
    expect(byText(as, 'Anna Berg')[0]).toMatchObject({ type: 'PERSON', role: 'Secretary of State' });
    expect(byText(as, 'Ivo Brandt')[0]).toMatchObject({ type: 'PERSON', role: 'Field Marshal' });
    expect(byText(as, 'Omar Nasser')[0]).toMatchObject({ type: 'PERSON', role: 'Egyptian President' });
  });

  it('merges title + surname and the bare surname with the full name', () => {
    const ids = new Set(all(as).filter((e) => e.canonical === 'Ivo Brandt').map((e) => e.id));
    expect(ids.size).toBe(1);
    expect(all(as).filter((e) => e.canonical === 'Ivo Brandt').map((e) => e.text)).toEqual(['Ivo Brandt', 'Brandt', 'Brandt']);
  });

  it('types a wire dateline\'s names as places and drops its agency credit', () => {
    const bs = analyze(`Floods close bridges\n\nVORNA, Keldia (AP) _ Police closed the bridges in the old town on Monday.\nThe mayor of Vorna, Ida Stenn, said the river was still rising.`);
    expect(all(bs).filter((e) => e.text === 'AP')).toEqual([]);
    expect(typeOf(bs, 'Keldia')).toBe('PLACE');
    expect(all(bs).filter((e) => /^vorna$/i.test(e.text)).map((e) => e.type)).not.toContain('ORG');
    const cs = analyze(`DALMO (Orbis) — Talks resumed on Monday.\nOrbis later reported that the talks had stalled.`);
    expect(byText(cs, 'Orbis').filter((e) => e.start < 20)).toEqual([]);
  });

  it('never takes an indefinite pronoun opening a sentence or a quote for a name', () => {
    const bs = analyze('``Nobody came for two days,\'\' said Ana Verin. Nobody answers the phone. Everyone left. Someone called Verin.');
    expect(all(bs).map((e) => e.text).filter((t) => /^(Nobody|Everyone|Someone)$/.test(t))).toEqual([]);
    expect(typeOf(bs, 'Ana Verin')).toBe('PERSON');
  });

  it('does not take a nationality or a modifier alone for a title', () => {
    const bs = analyze('Trade between Saudi Arabia and Peru grew. The Government of National Unity welcomed it.');
    expect(byText(bs, 'Saudi Arabia')[0]).toMatchObject({ type: 'PLACE', role: null });
    expect(byText(bs, 'Government of National Unity')[0]).toMatchObject({ type: 'ORG', role: null });
    expect(all(bs).map((e) => e.text)).not.toContain('Arabia');
    expect(all(bs).map((e) => e.text)).not.toContain('Unity');
  });

  it('splits an employer from a person at a job title inside the name', () => {
    const bs = analyze('Kestrel Orbital CEO Jane Roe said sales rose. Later, Kestrel Orbital CEO, Jane Roe, said more.');
    expect(byText(bs, 'Jane Roe')[0]).toMatchObject({ type: 'PERSON', role: 'CEO' });
    expect(byText(bs, 'Kestrel Orbital').map((e) => e.type)).toEqual(['ORG', 'ORG']);
    expect(all(bs).map((e) => e.text)).not.toContain('Kestrel Orbital CEO');
  });
});

describe('typing', () => {
  it('types a pair opening with a common given name as a person, other unknown pairs as organisations', () => {
    const as = analyze('Analysts at Tarvos Research doubted it, and Paul Hinde agreed. Tarvos Research cut its forecast.');
    expect(typeOf(as, 'Paul Hinde')).toBe('PERSON');
    expect(typeOf(as, 'Tarvos Research')).toBe('ORG');
  });

  it('types an unknown full name as a person when a title or honorific names its surname elsewhere', () => {
    const as = analyze('Talks led by Oyelaran Bakare stalled.', 'Mr. Bakare denied it.');
    expect(typeOf(as, 'Oyelaran Bakare')).toBe('PERSON');
  });

  it('learns from the other documents that a capitalised common word is a name', () => {
    const as = analyze(
      'Shares of Orchard rose after Orchard said it would buy a rival. Investors like Orchard.',
      'Orchard makes phones. A farmer planted an orchard near the plant that Orchard leases.',
    );
    expect(byText(as, 'Orchard').length).toBeGreaterThanOrEqual(4);
    expect(new Set(byText(as, 'Orchard').map((e) => e.type))).toEqual(new Set(['ORG']));
  });

  it('types a single word as a place from context only when most of its mentions say so', () => {
    const as = analyze('The plant in Varnholt closed. Workers in Varnholt protested near Varnholt town hall.');
    expect(typeOf(as, 'Varnholt')).toBe('PLACE');
    const bs = analyze('Orders went to Zentrix. Zentrix said orders rose. Zentrix hired staff. A stake in Zentrix was sold.');
    expect(typeOf(bs, 'Zentrix')).toBe('ORG');
  });

  it('types places by gazetteer, place words and leading country names', () => {
    const as = analyze('Flights left Norvik International Airport for San Lorenzo. The US Air Force sent planes to Alabama.');
    expect(typeOf(as, 'Norvik International Airport')).toBe('PLACE');
    expect(typeOf(as, 'San Lorenzo')).toBe('PLACE');
    expect(typeOf(as, 'US')).toBe('PLACE');
    expect(typeOf(as, 'Air Force')).toBe('ORG');
    expect(typeOf(as, 'Alabama')).toBe('PLACE');
  });

  it('keeps a capital used for its government (a metonym) as a place', () => {
    const as = analyze('Washington said it would send aid. Officials in Washington agreed.');
    expect(byText(as, 'Washington').map((e) => e.type)).toEqual(['PLACE', 'PLACE']);
  });
});

describe('not names', () => {
  it('drops model numbers and the products they name', () => {
    const as = analyze('Aerodyne sold ten Aerodyne 310 jets. The first 310 Skyliner flew in May. Aerodyne said the Skyliner was late.');
    const texts = all(as).map((e) => e.text);
    expect(texts).not.toContain('Skyliner');
    expect(texts.filter((t) => t === 'Aerodyne')).toHaveLength(2);
  });

  it('drops a name most of whose mentions read as a product: "the new X", "Acme\'s X", "X laptops"', () => {
    const as = analyze(`Zentrak unveiled the new Orbix on Monday. Zentrak's Orbix replaces its Quilla tablets.
Buyers of Quilla laptops got a discount, Zentrak said.`);
    const texts = all(as).map((e) => e.text);
    expect(texts).not.toContain('Orbix');
    expect(texts).not.toContain('Quilla');
    expect(texts.filter((t) => t === 'Zentrak').length).toBeGreaterThanOrEqual(2);
  });

  it('keeps a maker whose name qualifies its goods in fewer than half its mentions', () => {
    const as = analyze('Pellandor laptops sold well. Pellandor said profits rose. Pellandor hired staff in Oslo.');
    expect(byText(as, 'Pellandor')).toHaveLength(3);
  });

  it('drops capitals glued to a model number and a unit bracketed after an amount or a time', () => {
    const as = analyze('Pilots said the 700LR can fly further. Membership costs $99 (USD) a year. It landed at 6:40 p.m. (GMT) in Oslo.');
    const texts = all(as).map((e) => e.text);
    expect(texts).not.toContain('LR');
    expect(texts).not.toContain('USD');
    expect(texts).not.toContain('GMT');
    expect(texts).toContain('Oslo');
  });

  it('drops an acronym that abbreviates an event and its later mentions', () => {
    const as = analyze('The Nordvik Developers Conference (NDC) opened in Oslo. NDC drew 5,000 people, Tove Rask said.');
    const texts = all(as).map((e) => e.text);
    expect(texts).not.toContain('NDC');
    expect(texts).toEqual(expect.arrayContaining(['Oslo', 'Tove Rask']));
  });

  it('drops "an" and a nationality before a known place from the name', () => {
    const as = analyze('ROME (AP)_ An American aid worker moved to the Jewish West Bank settlement in May, Tove Rask said.');
    const texts = all(as).map((e) => e.text);
    expect(byText(as, 'West Bank')[0]?.type).toBe('PLACE');
    expect(texts).not.toContain('Jewish West Bank');
    expect(texts.some((t) => /^an /i.test(t))).toBe(false);
  });

  it('drops units and currency codes next to numbers, holidays and lone initials', () => {
    const as = analyze('The phone has 8 GB of memory and costs USD 200. Sales peaked at Christmas, said Maria Olsen of Q. Labs.');
    const texts = all(as).map((e) => e.text);
    expect(texts).not.toContain('GB');
    expect(texts).not.toContain('USD');
    expect(texts).not.toContain('Christmas');
    expect(texts).toContain('Maria Olsen');
    expect(texts).not.toContain('Q.');
  });
});

describe('lower-cased, unpunctuated sources', () => {
  const good = `Dock workers in Saudi Arabia and Qatar stopped work on Monday, the harbour authority said.
The Government of National Unity (GNU) said it would meet the unions in Jeddah.
Harbour Minister Ines Cardoso told The Harbour Times that talks would resume. Cardoso said the GNU had a plan.
Ships bound for Saudi Arabia waited offshore, The Harbour Times reported.`;
  const bad = 'dock workers across saudi arabia walked out again the government of national unity said it would talk '
    + 'harbour minister ines cardoso told the harbour times that the strike was illegal ships waited outside ports in '
    + 'saudi arabia and qatar for a third day the unions said they would not return until the government of national unity met them';
  const docs = repairDegraded([docFrom('s1', good), docFrom('s2', bad)]);
  const as = analyzeDocuments(docs);
  const degraded = as[1]!.entities;

  it('reads names the other documents taught the casing of, without splitting them on a title word', () => {
    expect(docs[1]!.flags).toContain('lowercase');
    expect(degraded.filter((e) => e.text === 'Saudi Arabia').map((e) => [e.type, e.role])).toEqual([['PLACE', null], ['PLACE', null]]);
    expect(degraded.filter((e) => e.text === 'Government of National Unity').map((e) => e.type)).toEqual(['ORG', 'ORG']);
    expect(degraded.map((e) => e.text)).not.toEqual(expect.arrayContaining(['Arabia']));
    expect(degraded.map((e) => e.text)).not.toEqual(expect.arrayContaining(['Unity']));
    expect(degraded.find((e) => e.text === 'Ines Cardoso')).toMatchObject({ type: 'PERSON', canonical: 'Ines Cardoso' });
  });

  it('merges the degraded mentions with the well-formed ones', () => {
    const id = (as_: typeof degraded, t: string) => as_.find((e) => e.text === t)?.id;
    expect(id(degraded, 'Saudi Arabia')).toBe(id(as[0]!.entities, 'Saudi Arabia'));
    expect(id(degraded, 'Government of National Unity')).toBe(id(as[0]!.entities, 'GNU'));
  });

  it('reads a name across a pseudo-sentence cut with no punctuation', () => {
    const text = 'the minister told The Harbour Times that the strike was illegal';
    const cut = text.indexOf(' Times');
    const sentences: Array<[number, number]> = [[0, cut], [cut + 1, text.length]];
    const tokens = tokenize(text);
    const names = findCandidates(text, sentences, learnCommonWords([text]), tokens).map((c) => c.text);
    expect(names).toEqual(['Harbour Times']);
  });

  it('still ends a name at a real sentence end', () => {
    const text = 'She works for Harbour. Times are hard.';
    const sentences: Array<[number, number]> = [[0, 22], [23, text.length]];
    const names = findCandidates(text, sentences, new Set(['times'])).map((c) => c.text);
    expect(names).toEqual(['Harbour']);
  });
});

describe('lower-cased sources: what the truecaser left', () => {
  const good = 'The ministers met in Lima on Monday. Minister Tomas Berg said talks would go on.';
  const bad = 'ships from chile peru bolivia and saudi arabia waited in port minister tomas berg said the talks in lima would go on '
    + 'officials in ecuador agreed mr berg said the talks went well';
  const docs = repairDegraded([docFrom('s1', good), docFrom('s2', bad)]);
  const names = analyzeDocuments(docs)[1]!.entities;

  it('reads gazetteer places left in lower case, one by one in a list without commas', () => {
    const places = names.filter((e) => e.type === 'PLACE').map((e) => e.canonical);
    expect(places).toEqual(expect.arrayContaining(['Chile', 'Peru', 'Bolivia', 'Ecuador']));
    expect(names.map((e) => e.text)).not.toContain('chile peru bolivia');
  });

  it('starts a new name at an honorific in text that lost its full stops', () => {
    expect(names.filter((e) => e.canonical === 'Tomas Berg').map((e) => e.text)).toEqual(['Tomas Berg', 'Berg']);
    expect(names.map((e) => e.text).some((t) => /ecuador.*berg/i.test(t))).toBe(false);
  });
});

describe('employers after a title', () => {
  it('takes the name after "CEO of" for the employer, not a person with that title', () => {
    const as = analyze('Karen Park, president and CEO of Corvane Aerospace Systems, said sales rose. Corvane Aerospace Systems builds jets.');
    expect(typeOf(as, 'Corvane Aerospace Systems')).toBe('ORG');
    expect(byText(as, 'Corvane Aerospace Systems')[0]!.role).toBeNull();
    expect(typeOf(as, 'Karen Park')).toBe('PERSON');
  });
});

describe('descriptions', () => {
  const [a] = analyze('Dario Vell, a 61-year-old former harbour pilot, met the 46-year-old former banker Tomas Roe in Karsk on Monday.');
  const mention = (text: string) => a!.entities.find((e) => e.text === text);

  it('keeps a description written after the name or before it with the mention', () => {
    expect(mention('Dario Vell')).toMatchObject({ type: 'PERSON', description: 'a 61-year-old former harbour pilot' });
    expect(mention('Tomas Roe')).toMatchObject({ type: 'PERSON', description: 'the 46-year-old former banker' });
  });

  it('types an otherwise unknown name as a person from a person\'s description, and not from another one', () => {
    const [b] = analyze('Zorvan Tekk, a former army officer, spoke. Velta Orm, an oil company, did not.');
    expect(b!.entities.find((e) => e.text === 'Zorvan Tekk')?.type).toBe('PERSON');
    expect(b!.entities.find((e) => e.text === 'Velta Orm')?.type).not.toBe('PERSON');
  });
});

describe('tokens', () => {
  const plain = (ts: ReturnType<typeof tokenize>) => ts.map((t) => ({ text: t.text, lower: t.lower, start: t.start, end: t.end, possessive: t.possessive, capitalised: t.capitalised, word: t.word }));

  it('splits possessives off, keeps abbreviations whole, and flags capitals and name particles', () => {
    const ts = plain(tokenize("Gen. Haftar's men met al-Sarraj in Tripoli (U.S. envoy, 3,000 troops)."));
    expect(ts.map((t) => t.text)).toEqual(['Gen.', 'Haftar', 'men', 'met', 'al-Sarraj', 'in', 'Tripoli', '(', 'U.S.', 'envoy', ',', '3,000', 'troops', ')', '.']);
    expect(ts[1]).toMatchObject({ possessive: true, capitalised: true, end: 11 });
    expect(ts[4]).toMatchObject({ capitalised: true, word: true, lower: 'al-sarraj' });
    expect(ts[11]).toMatchObject({ word: false, capitalised: false });
  });

  it('learns the common words as a plain count over tokenize would, whatever the vocabulary size', () => {
    // The reference: the rule of entities/casing.ts written plainly over tokenize and string maps.
    const reference = (teachers: string[], asked: string[]): string[] => {
      const capitalised = new Set<string>();
      const counts = new Map<string, { lower: number; mid: number }>();
      for (const [text, teaches] of [...asked.map((t) => [t, false] as const), ...teachers.map((t) => [t, true] as const)]) {
        let prevEnd = -1;
        let prevEnds = false;
        for (const t of tokenize(text)) {
          const single = t.end - t.start === 1 ? text[t.start]! : '';
          if (single && '"“‘\'(['.includes(single)) continue;
          const [before, afterEnd] = [prevEnd, prevEnds];
          [prevEnd, prevEnds] = [t.end, single !== '' && '.!?:'.includes(single)];
          if (!t.word) continue;
          if (t.capitalised) capitalised.add(t.lower);
          if (!teaches) continue;
          const n = counts.get(t.lower) ?? { lower: 0, mid: 0 };
          counts.set(t.lower, n);
          if (!t.capitalised) n.lower++;
          else if (!(t.text.length > 1 && t.text === t.text.toUpperCase()) && !(before < 0 || afterEnd || text.slice(before, t.start).includes('\n'))) n.mid++;
        }
      }
      return [...counts].filter(([w, n]) => n.lower > 0 && capitalised.has(w) && n.lower >= n.mid).map(([w]) => w).sort();
    };
    const word = fc.oneof(
      { arbitrary: fc.constantFrom('apple', 'Apple', 'APPLE', 'the', 'The', 'al-Sarraj', 'Al-sarraj', 'Mr.', 'U.S.', 'NATO', 'Nato', 'Ölçer', 'ölçer', 'É', 'é', "Haftar's", 'O’Neil'), weight: 1 },
      { arbitrary: fc.constantFrom('.', ',', '"', '“', '(', ':', '\n', '!', '12', '—'), weight: 2 },
      // Thousands of distinct words, in three casings, to take the tables through their growth.
      { arbitrary: fc.tuple(fc.nat(2000), fc.constantFrom(0, 1, 2)).map(([n, c]) => { const w = `w${n.toString(36)}x`; return c === 0 ? w : c === 1 ? `W${w.slice(1)}` : w.toUpperCase(); }), weight: 6 },
    );
    const text = fc.array(word, { minLength: 300, maxLength: 1500, size: 'max' }).map((ws) => ws.join(' '));
    fc.assert(fc.property(fc.array(text, { minLength: 1, maxLength: 6 }), fc.array(text, { maxLength: 2 }), (teachers, others) => {
      expect([...learnCommonWords(teachers, [...others, ...teachers])].sort()).toEqual(reference(teachers, [...others, ...teachers]));
    }), { numRuns: 20, endOnFailure: true });
  });

  it('hashes a plain ASCII word on the way as the vocabulary hashes its characters', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'B', 's', 'z', '0', '7', '.', ',', "'", '’', '-', 'é', ' ', ' ', '\n', 'Mr', 'Gen', 'U'), maxLength: 40 });
    fc.assert(fc.property(text, fc.nat(45), (t, cut) => {
      const to = Math.min(cut, t.length);
      const cursor = new TokenCursor(t, 0, to);
      while (cursor.next()) {
        const token = t.slice(cursor.start, cursor.end);
        if (cursor.hashed) expect(cursor.hash).toBe(charsHash(t, cursor.start, cursor.end));
        // A plain ASCII word that the end bound does not cut is hashed.
        if (/^[A-Za-z][A-Za-z0-9]*$/.test(token) && cursor.end < to && /^[\s,]$/.test(t[cursor.end]!)) expect(cursor.hashed).toBe(true);
      }
    }), { numRuns: 500 });
  });

  it('gives the casing pass the same tokens as tokenize, packed', () => {
    const texts = [
      "Gen. Haftar's men met al-Sarraj in Tripoli (U.S. envoy, 3,000 troops).",
      'Née Ölçer — “Mr Smith’s” view: ÉLYSÉE said 12.5% rose; O’Neil & von Braun, Inc. left. 日本 𝒳 e\u0301.',
      'the minister told the harbour times that the strike was illegal',
      '',
    ];
    const learner = new CommonWordsLearner();
    for (const text of texts) {
      const packed = learner.read(text, true);
      expect(plain(packed.tokens(0, packed.length))).toEqual(plain(tokenize(text)));
      // The reused segment tokens are the same tokens.
      expect(plain([...packed.segment(0, packed.length)])).toEqual(plain(tokenize(text)));
    }
  });
});

// An invented wire story in the old agency style: hard-wrapped at about 70 columns, ``quotes''.
const WIRE = `Storm leaves thousands homeless across the isthmus

TEGUCIGALPA, Honduras (AP) -- Hurricane Odilia tore through the region on
Friday, flooding towns in Honduras and Nicaragua, and relief officials in El
Salvador said the death toll was still rising.

\`\`We have lost bridges, roads and crops,'' Honduran President Rafael
Quintero told reporters. Odilia weakened to a tropical storm overnight.

Honduran officials said army engineers reached the town of Zarcalpa late
on Friday. Nicaraguan rescue teams and Costa Rican doctors followed them.

In Tegucigalpa, the capital, residents queued for water. Aid flights landed
in San Pedro Sula and Tegucigalpa on Saturday, and a convoy set out for
Corvena, Honduras, where the river had burst its banks.

San Pedro Sula, the army recaptured more than 5,000 sacks of grain from
looters, said a spokesman for Labor Minister Ines Palacios and Varga.
`;

describe('wire copy about a storm', () => {
  const as = analyze(WIRE);
  const texts = all(as).map((e) => e.text);

  it('keeps a name whole across a hard line wrap', () => {
    expect(byText(as, 'El Salvador')[0]).toMatchObject({ type: 'PLACE' });
    expect(texts).not.toContain('Salvador');
    expect(byText(as, 'Rafael Quintero')[0]).toMatchObject({ type: 'PERSON', role: 'Honduran President' });
  });

  it('keeps a capitalised particle as part of the name on one line', () => {
    const bs = analyze('Aid reached El Salvador on Monday.');
    expect(typeOf(bs, 'El Salvador')).toBe('PLACE');
    expect(all(bs).map((e) => e.text)).not.toContain('Salvador');
  });

  it('takes a storm for an event, not an actor, under every mention of its name', () => {
    expect(texts.filter((t) => t.includes('Odilia'))).toEqual([]);
    const bs = analyze('Forecasters said tropical storm Belmira would strike on Monday. Residents feared Belmira.');
    expect(all(bs).filter((e) => e.text.includes('Belmira'))).toEqual([]);
  });

  it('does not take a nationality adjective for an entity, alone or before a role', () => {
    expect(texts).not.toContain('Honduran');
    expect(texts).not.toContain('Nicaraguan');
    expect(texts).not.toContain('Costa Rican');
    // Only a place opened by a particle lends its last word ("El Salvador" → "Salvadoran"): "Republic" does not.
    const bs = analyze('The bill stalled after Republicans in the House objected, and Republicans in the Senate agreed.');
    expect(byText(bs, 'Republicans').length).toBe(2);
  });

  it('types a place from a place description, "the town of", and "X, <country>"', () => {
    expect(byText(as, 'Tegucigalpa').map((e) => e.type)).toContain('PLACE');
    expect(byText(as, 'Tegucigalpa').every((e) => e.type === 'PLACE')).toBe(true);
    expect(typeOf(as, 'Zarcalpa')).toBe('PLACE');
    expect(typeOf(as, 'Corvena')).toBe('PLACE');
    expect(byText(as, 'Tegucigalpa').map((e) => e.description)).toContain('the capital');
    const bs = analyze('Talks moved to Varlo, the capital, on Monday.');
    expect(byText(bs, 'Varlo')[0]).toMatchObject({ type: 'PLACE', description: 'the capital' });
  });

  it('types the name before "-based" as a place', () => {
    const as = analyze('The Ostrava-based maker said sales rose.');
    expect(typeOf(as, 'Ostrava')).toBe('PLACE');
  });

  it('keeps a clause after a name out of its description', () => {
    expect(byText(as, 'San Pedro Sula').map((e) => e.description)).toEqual([null, null]);
    const clause = analyze('Rain fell on Corvena Holdings, the army rebuilt the bridge.');
    expect(byText(clause, 'Corvena Holdings')[0]?.description).toBeNull();
    // A number's comma is no end of the phrase: what stands before it is cut short.
    const number = analyze('Trucks left Corvena Holdings, the depot for 5,000 tonnes of grain.');
    expect(byText(number, 'Corvena Holdings')[0]?.description).toBeNull();
  });

  it('gives the names of one "X and Y" list the type their typed members agree on', () => {
    expect(byText(as, 'Ines Palacios')[0]).toMatchObject({ type: 'PERSON', role: 'Labor Minister' });
    expect(typeOf(as, 'Varga')).toBe('PERSON');
  });

  it('does not take a credit in brackets for the acronym of the name before it', () => {
    expect(byText(as, 'AP').every((e) => e.canonical === 'AP')).toBe(true);
  });
});

describe('person evidence', () => {
  it('types a full name as a person when its surname alone names it again', () => {
    const as = analyze('Tamsin Vorley ran the count.', 'The polls were wrong, Vorley said on Monday.');
    expect(typeOf(as, 'Tamsin Vorley')).toBe('PERSON');
  });

  it('does not do so for a firm whose short name is its first word', () => {
    const as = analyze('Orrin Dade Group bought Selkirk Vorley. Selkirk said the deal closed, and Vorley said so too.');
    expect(typeOf(as, 'Selkirk Vorley')).toBe('ORG');
  });

  it('reads a word after an honorific as a surname, even a title or a nationality word', () => {
    const as = analyze('The plan is flawed, said Mr. Burman on Monday. Mr. King disagreed.');
    expect(typeOf(as, 'Burman')).toBe('PERSON');
    expect(typeOf(as, 'King')).toBe('PERSON');
  });
});

describe('a firm with and without its legal form', () => {
  const idsOf = (as: DocumentAnalysis[], canonical: string) => new Set(all(as).filter((e) => e.canonical === canonical).map((e) => e.id));

  it('is one organisation, named in full, across sentences and sources', () => {
    const as = analyze(
      'Bolt Industries Inc. said it would appeal the ruling. Zeta Corp. shares fell 4 percent on Monday.',
      'A spokesman for Bolt Industries said the tender was unfair. Analysts said Zeta had lost its biggest customer.',
    );
    expect(all(as).filter((e) => /^Bolt/.test(e.text)).map((e) => [e.text, e.type, e.canonical])).toEqual([
      ['Bolt Industries Inc.', 'ORG', 'Bolt Industries Inc.'],
      ['Bolt Industries', 'ORG', 'Bolt Industries Inc.'],
    ]);
    expect(idsOf(as, 'Bolt Industries Inc.').size).toBe(1);
    expect(all(as).filter((e) => /^Zeta/.test(e.text)).map((e) => [e.text, e.type, e.canonical])).toEqual([
      ['Zeta Corp.', 'ORG', 'Zeta Corp.'],
      ['Zeta', 'ORG', 'Zeta Corp.'],
    ]);
  });

  it('leaves the "&" of "& Co." with the legal form', () => {
    const as = analyze('Shares of Goldman Sachs & Co. rose on Monday. Analysts at Goldman Sachs said the bank would grow.');
    expect(new Set(all(as).filter((e) => /^Goldman/.test(e.text)).map((e) => e.id)).size).toBe(1);
  });

  it('stays a firm where its short name is followed by "who"', () => {
    const as = analyze('Acme Widgets Ltd. has signed a contract to supply 40 trains. They will be owned by Acme Widgets, who retains leasing rights.');
    expect(all(as).filter((e) => /^Acme/.test(e.text)).map((e) => [e.text, e.type, e.canonical])).toEqual([
      ['Acme Widgets Ltd.', 'ORG', 'Acme Widgets Ltd.'],
      ['Acme Widgets', 'ORG', 'Acme Widgets Ltd.'],
    ]);
  });

  it('does not take a person for a firm the legal form left one word', () => {
    const as = analyze('Ford Co. reported higher sales. President Ford said he was pleased.');
    expect(typeOf(as, 'Ford Co.')).toBe('ORG');
    expect(byText(as, 'Ford')[0]).toMatchObject({ type: 'PERSON', canonical: 'Ford' });
  });

  it('keeps a person apart from the firm named after them', () => {
    const as = analyze('John Lewis met John Lewis Ltd. staff on Monday. John Lewis said the talks went well.');
    expect(byText(as, 'John Lewis').map((e) => [e.type, e.canonical])).toEqual([['PERSON', 'John Lewis'], ['PERSON', 'John Lewis']]);
    expect(byText(as, 'John Lewis Ltd.').map((e) => [e.type, e.canonical])).toEqual([['ORG', 'John Lewis Ltd.']]);
  });
});
