// An acronym bracketed after a name the country was split from ("United States Air Force (USAF)") abbreviates
// the organisation, so "USAF", "Air Force", "U.S. Air Force" are one; a definition joins the acronym's other
// mentions wherever they stand in the run.
import { describe, expect, it } from 'vitest';
import { analyzeDocuments } from '../src/extract/analyze.ts';
import type { DocumentAnalysis, EntityMention } from '../src/extract/analysis.ts';
import { docFrom } from './helpers/docs.ts';

const all = (as: DocumentAnalysis[]): EntityMention[] => as.flatMap((a) => a.entities);
const byText = (as: DocumentAnalysis[], text: string) => all(as).filter((e) => e.text === text);
const analyze = (...texts: string[]) => analyzeDocuments(texts.map((t, k) => docFrom(`s${k + 1}`, t)));
const ids = (as: DocumentAnalysis[], ...texts: string[]) => new Set(texts.flatMap((t) => byText(as, t)).map((e) => e.id));

describe('an acronym of a country and a state body', () => {
  it('names the body the country was split from', () => {
    const as = analyze(`Tanker deal\n\nThe United States Air Force (USAF) chose the tanker on Friday. `
      + `The U.S. Air Force said on Tuesday the deal stood. USAF officials declined to comment.`);
    expect(ids(as, 'Air Force', 'USAF').size).toBe(1);
    expect(byText(as, 'USAF')).toHaveLength(2);
    expect(byText(as, 'USAF')[0]).toMatchObject({ type: 'ORG', canonical: 'Air Force' });
    expect(byText(as, 'United States')[0]?.type).toBe('PLACE');
  });

  it('joins the acronym used first in another source', () => {
    const as = analyze(`Officials speak\n\nUSAF officials declined to comment on Monday.`,
      `Tanker deal\n\nThe United States Air Force (USAF) chose the tanker on Friday.`);
    expect(ids(as, 'Air Force', 'USAF').size).toBe(1);
  });

  it('is the run\'s initials written as a word in the same source', () => {
    const as = analyze(`Tanker deal\n\nThe U.S. Air Force said on Tuesday the deal stood. USAF officials declined to comment.`);
    expect(ids(as, 'Air Force', 'USAF').size).toBe(1);
    const bs = analyze(`Tanker deal\n\nThe U.S. Air Force said on Tuesday the deal stood. USAFE officials declined to comment.`,
      `Officials\n\nUSAF officials declined to comment.`);
    expect(ids(bs, 'Air Force', 'USAF').size).toBe(2);
  });

  it('never takes a country\'s own acronym', () => {
    const as = analyze(`Drill\n\nThe U.S. Army held a drill on Monday. Troops from the USA and Canada took part.`);
    expect(byText(as, 'USA')[0]?.type).toBe('PLACE');
    expect(byText(as, 'USA')[0]?.id).not.toBe(byText(as, 'Army')[0]?.id);
  });

  it('leaves a bracketed acronym whose letters differ apart', () => {
    const as = analyze(`Tanker deal\n\nThe United States Air Force (TAC) chose the tanker on Friday. TAC officials declined to comment.`);
    const force = byText(as, 'Air Force')[0]!.id;
    expect(byText(as, 'TAC').filter((e) => e.id === force)).toEqual([]);
  });

  it('takes no acronym from a wire dateline\'s agency credit', () => {
    const as = analyze(`Poll ahead\n\nVELNA, Australia (AP) _ Voters went to the polls on Saturday.`,
      `Results\n\nThe count went on for days, AP reported on Monday. The AP said the result was close.`);
    const australia = byText(as, 'Australia')[0]!.id;
    expect(byText(as, 'AP').filter((e) => e.id === australia)).toEqual([]);
  });
});
