// One-word names a reader knows from the text around them: a given name used alone after the full name
// ("Saddam" after "Saddam Hussein") is that person; "the Gulf" is a place, not an organisation; so is the
// town before ", UK's Cobham".
import { describe, expect, it } from 'vitest';
import { analyzeDocuments } from '../src/extract/analyze.ts';
import type { DocumentAnalysis, EntityMention } from '../src/extract/analysis.ts';
import { docFrom } from './helpers/docs.ts';

const all = (as: DocumentAnalysis[]): EntityMention[] => as.flatMap((a) => a.entities);
const byText = (as: DocumentAnalysis[], text: string) => all(as).filter((e) => e.text === text);
const analyze = (...texts: string[]) => analyzeDocuments(texts.map((t, k) => docFrom(`s${k + 1}`, t)));

describe('a given name alone after the full name in the same source', () => {
  it('is that person', () => {
    const as = analyze(`Talks stall\n\nPresident Rafiq Tabet has refused to let the inspectors in. The council met on Monday. `
      + `Diplomats said Rafiq must comply before the talks resume.`);
    const rafiq = byText(as, 'Rafiq');
    expect(rafiq).toHaveLength(1);
    expect(rafiq[0]).toMatchObject({ type: 'PERSON', canonical: 'Rafiq Tabet', id: byText(as, 'Rafiq Tabet')[0]!.id });
  });

  it('is no one when two people of that given name came before', () => {
    const as = analyze(`Vote counted\n\nPresident Rafiq Tabet and Gen. Rafiq Hallal met on Monday. The council met later. Diplomats said Rafiq must comply.`);
    const ids = new Set([...byText(as, 'Rafiq Tabet'), ...byText(as, 'Rafiq Hallal')].map((e) => e.id));
    expect(byText(as, 'Rafiq').filter((e) => ids.has(e.id))).toEqual([]);
  });

  it('needs the full name earlier in the same source', () => {
    const as = analyze(`Talks stall\n\nPresident Rafiq Tabet has refused to let the inspectors in.`,
      `Council meets\n\nThe council met on Monday. Diplomats said Rafiq must comply before the talks resume.`);
    const id = byText(as, 'Rafiq Tabet')[0]!.id;
    expect(byText(as, 'Rafiq').filter((e) => e.id === id)).toEqual([]);
    const bs = analyze(`Council meets\n\nDiplomats said Rafiq must comply. Later President Rafiq Tabet refused to let the inspectors in.`);
    expect(byText(bs, 'Rafiq').filter((e) => e.id === byText(bs, 'Rafiq Tabet')[0]!.id)).toEqual([]);
  });

  it('reads no given name off a longer name, whose first word may describe the person', () => {
    const as = analyze(`Debate\n\nThe race between Republican Donald Hale and his rival tightened. Mr. Hale spoke on Monday. The Republican nominee said he would win.`);
    const id = all(as).find((e) => e.canonical.endsWith('Donald Hale'))!.id;
    expect(byText(as, 'Republican').filter((e) => e.id === id)).toEqual([]);
  });

  it('reads no given name off a name nothing shows to be a person\'s', () => {
    const as = analyze(`Match report\n\nThe Charlotte Panthers beat the visitors on Sunday. Fans in Charlotte cheered the win.`);
    const team = all(as).find((e) => e.text === 'Charlotte Panthers');
    expect(byText(as, 'Charlotte').filter((e) => e.id === team?.id)).toEqual([]);
  });

  it('leaves a surname alone joined to its person as before', () => {
    const as = analyze(`Talks stall\n\nPresident Rafiq Tabet has refused to let the inspectors in. Diplomats said Tabet must comply.`);
    expect(byText(as, 'Tabet')[0]?.canonical).toBe('Rafiq Tabet');
  });
});

describe('"the Gulf": a geographic common noun written as a name after "the"', () => {
  const as = analyze(`Ships sail\n\nWarships massed in the Gulf on Monday. Veterans of the Gulf war met in the capital. `
    + `The ships will leave the Strait by Friday.`);

  it('is a place', () => {
    expect(byText(as, 'Gulf').map((e) => e.type)).toEqual(['PLACE', 'PLACE']);
    expect(byText(as, 'Strait')[0]?.type).toBe('PLACE');
  });

  it('leaves other capitalised nouns after "the" as they were', () => {
    const bs = analyze(`Statement\n\nThe Palace said on Monday that the visit would go ahead. Officials of the Commission agreed.`);
    expect(byText(bs, 'Palace').map((e) => e.type)).not.toContain('PLACE');
    expect(byText(bs, 'Commission').map((e) => e.type)).not.toContain('PLACE');
  });
});

describe('"PLACE, COUNTRY\'s FIRM": a name before a comma and a possessive place', () => {
  const as = analyze(`Suppliers named\n\nThe contract was signed on Monday. France's Thales will supply electronics, Wimborne, UK's Cobham `
    + `will make refuelling equipment and Dorval, Canada's Kestrel Systems will train the crews.`);

  it('is a place, and the name after the possessive is the firm', () => {
    expect(byText(as, 'Wimborne')[0]?.type).toBe('PLACE');
    expect(byText(as, 'Dorval')[0]?.type).toBe('PLACE');
    expect(byText(as, 'Cobham')[0]?.type).toBe('ORG');
    expect(byText(as, 'Kestrel Systems')[0]?.type).toBe('ORG');
  });

  it('is not a place when a description or a title follows the possessive', () => {
    const bs = analyze(`Talks\n\nThe talks ended on Monday. Ostrander, Spain's envoy, agreed to the terms. `
      + `Later Halvorsen, Norway's Foreign Minister, signed. Ostrander said the deal was fair.`);
    expect(byText(bs, 'Ostrander').map((e) => e.type)).not.toContain('PLACE');
    expect(byText(bs, 'Halvorsen').map((e) => e.type)).not.toContain('PLACE');
  });
});
