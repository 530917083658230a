// Titles written inside a run of capitalised words: the person keeps the name, the title (with the body it
// names) goes to the role, so the titled mention and the later bare name are one person.
import { describe, expect, it } from 'vitest';
import { analyzeDocuments } from '../src/extract/analyze.ts';
import type { DocumentAnalysis, EntityMention } from '../src/extract/analysis.ts';
import { docFrom } from './helpers/docs.ts';

const all = (as: DocumentAnalysis[]): EntityMention[] => as.flatMap((a) => a.entities);
const byText = (as: DocumentAnalysis[], text: string) => all(as).filter((e) => e.text === text);
const analyze = (...texts: string[]) => analyzeDocuments(texts.map((t, k) => docFrom(`s${k + 1}`, t)));

describe('hyphenated titles before a name', () => {
  const as = analyze(`Envoy flies to the capital\n\nU.N. Secretary-General Kofi Mensah said Tuesday he would fly to the capital. `
    + `Attorney-General Ruth Lane said the inquiry would go on. Mensah said he was ready to meet the council.`);

  it('splits "U.N. Secretary-General" off the name as the role', () => {
    expect(byText(as, 'Kofi Mensah')[0]).toMatchObject({ type: 'PERSON', role: 'U.N. Secretary-General' });
    expect(byText(as, 'Ruth Lane')[0]).toMatchObject({ type: 'PERSON', role: 'Attorney-General' });
    expect(all(as).filter((e) => /Secretary|Attorney/.test(e.text))).toEqual([]);
  });

  it('makes the titled mention and the later surname one person', () => {
    const ids = new Set([...byText(as, 'Kofi Mensah'), ...byText(as, 'Mensah')].map((e) => e.id));
    expect(ids.size).toBe(1);
    expect(byText(as, 'Mensah')[0]?.canonical).toBe('Kofi Mensah');
  });

  it('leaves a hyphenated name that is no title alone', () => {
    const bs = analyze(`Trade talks\n\nOfficials from Guinea-Bissau met Jean-Paul Morel in the port on Monday.`);
    expect(byText(bs, 'Jean-Paul Morel')).toHaveLength(1);
    expect(byText(bs, 'Jean-Paul Morel')[0]?.role ?? null).toBeNull();
    expect(byText(bs, 'Guinea-Bissau')[0]?.role ?? null).toBeNull();
  });
});

describe('a title naming its body before the holder ("Secretary of the Navy John Dorn")', () => {
  const as = analyze(`Memo released\n\nSecretary of the Navy Paul Dorn said the ships would sail. `
    + `He talked to Assistant Secretary of the Navy Mark Ruhl about the budget. `
    + `Director of Harbour Services Anna Kell said the port was ready. `
    + `Chairman of the Joint Chiefs of Staff Gen. Peter Vasko met them. Dorn said the talks went well.`);

  it('gives the holder the whole title as the role and keeps the body as an organisation', () => {
    expect(byText(as, 'Paul Dorn')[0]).toMatchObject({ type: 'PERSON', role: 'Secretary of the Navy' });
    expect(byText(as, 'Mark Ruhl')[0]).toMatchObject({ type: 'PERSON', role: 'Assistant Secretary of the Navy' });
    expect(byText(as, 'Anna Kell')[0]).toMatchObject({ type: 'PERSON', role: 'Director of Harbour Services' });
    expect(byText(as, 'Peter Vasko')[0]).toMatchObject({ type: 'PERSON', role: 'Chairman of the Joint Chiefs of Staff' });
    expect(byText(as, 'Navy').map((e) => e.type)).toEqual(['ORG', 'ORG']);
    expect(byText(as, 'Harbour Services')[0]?.type).toBe('ORG');
    expect(byText(as, 'Joint Chiefs of Staff')[0]?.type).toBe('ORG');
  });

  it('leaves no name with a title or a person inside it, and no title alone', () => {
    expect(all(as).filter((e) => / (Paul|Mark|Anna|Peter) /.test(` ${e.text} `) && e.type !== 'PERSON')).toEqual([]);
    expect(all(as).filter((e) => /Secretary|Gen\./.test(e.text))).toEqual([]);
  });

  it('reads "Minister of Foreign Affairs" whole as the role', () => {
    const bs = analyze(`Talks opened\n\nMinister of Foreign Affairs John Ostrov flew in on Monday.`);
    expect(byText(bs, 'John Ostrov')[0]).toMatchObject({ type: 'PERSON', role: 'Minister of Foreign Affairs' });
  });

  it('does not take a firm named after a person for a holder', () => {
    const bs = analyze(`Results\n\nThe chairman of Morgan Stanley spoke on Monday. Anna Kell, head of Philip Morris, agreed. `
      + `The president of the Anna Freud Centre said the grant was welcome. The chairman of Kestrel Grace Holdings resigned.`);
    expect(byText(bs, 'Morgan Stanley')[0]?.type).toBe('ORG');
    expect(byText(bs, 'Philip Morris')[0]?.role ?? null).toBeNull();
    expect(all(bs).filter((e) => e.text === 'Anna Freud' || e.text === 'Freud Centre')).toEqual([]);
    expect(byText(bs, 'Kestrel Grace Holdings')[0]?.type).toBe('ORG');
  });
});
