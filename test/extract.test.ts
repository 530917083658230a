// Extraction rules on made-up stories: sentences, entities and aliases, quotes and speakers, alignments.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeDocuments } from '../src/extract/analyze.ts';
import type { DocumentAnalysis } from '../src/extract/analysis.ts';
import { nameSkeleton } from '../src/extract/rules/aliases.ts';
import { splitSentences, wordStartBefore } from '../src/extract/rules/sentences.ts';
import { docFrom } from './helpers/docs.ts';

const sentencesOf = (text: string) => splitSentences(text).map(([a, b]) => text.slice(a, b));
const speakerOf = (a: DocumentAnalysis, fragment: string) => a.quotes.find((q) => q.text.includes(fragment))?.speakerName ?? null;
const entityNamed = (as: DocumentAnalysis[], canonical: string) => as.flatMap((a) => a.entities).filter((e) => e.canonical === canonical);

describe('sentences', () => {
  it('does not end a sentence at abbreviations, initials or dotted acronyms', () => {
    const text = 'Mr. Smith met Gen. John R. Doe in the U.S. Senate on Monday. Then he left. The U.N. envoy stayed.';
    expect(sentencesOf(text)).toEqual(['Mr. Smith met Gen. John R. Doe in the U.S. Senate on Monday.', 'Then he left.', 'The U.N. envoy stayed.']);
  });

  it('keeps the closing quotation mark with its sentence and splits paragraphs', () => {
    const text = '“We will win.” The crowd cheered.\nA new paragraph starts here without a full stop\nand this line wraps it';
    expect(sentencesOf(text)).toEqual(['“We will win.”', 'The crowd cheered.', 'A new paragraph starts here without a full stop\nand this line wraps it']);
  });

  it('carves long unpunctuated text into pseudo-sentences', () => {
    const text = Array.from({ length: 200 }, (_, k) => (k % 17 === 0 ? 'the' : `word${k}`)).join(' ');
    const spans = splitSentences(text);
    expect(spans.length).toBeGreaterThan(4);
    for (const [a, b] of spans) expect(text.slice(a, b).split(' ').length).toBeLessThanOrEqual(48);
    expect(spans[0]![0]).toBe(0);
    expect(spans.at(-1)![1]).toBe(text.length);
  });
});

describe('entities and aliases', () => {
  const a = `Harbour Minister Ines Cardoso said on Tuesday that the Port Workers Union (PWU) would be consulted.
Ms. Cardoso, a former economist, told reporters in Lisbon that the talks would go on.
Union leader Tomas Berg said the PWU had not been invited. Berg added that Cardoso "has not listened."`;
  const b = `The PWU called a strike after Ines Cardozo, the harbour minister, ended talks. Cardoso declined to comment.`;
  const analyses = analyzeDocuments([docFrom('s1', a), docFrom('s2', b)]);

  it('splits titles off names and keeps them as roles', () => {
    const cardoso = entityNamed(analyses, 'Ines Cardoso');
    expect(cardoso.length).toBeGreaterThanOrEqual(4);
    expect(cardoso[0]!.type).toBe('PERSON');
    expect(cardoso[0]!.text).toBe('Ines Cardoso');
    expect(cardoso[0]!.role).toBe('Harbour Minister');
    expect(entityNamed(analyses, 'Tomas Berg')[0]!.role).toBe('Union leader');
  });

  it('merges surname, honorific + surname and a spelling variant across documents', () => {
    const ids = new Set(entityNamed(analyses, 'Ines Cardoso').map((e) => e.id));
    expect(ids.size).toBe(1);
    const texts = analyses.flatMap((x) => x.entities).filter((e) => ids.has(e.id)).map((e) => e.text);
    expect(texts).toEqual(expect.arrayContaining(['Ines Cardoso', 'Cardoso', 'Ines Cardozo']));
  });

  it('links an acronym the text defines to its long form', () => {
    const union = entityNamed(analyses, 'Port Workers Union');
    expect(union[0]!.type).toBe('ORG');
    expect(union.map((e) => e.text)).toEqual(expect.arrayContaining(['PWU', 'Port Workers Union']));
    expect(new Set(union.map((e) => e.id)).size).toBe(1);
  });

  it('types places from the gazetteer and gives every mention exact offsets', () => {
    expect(entityNamed(analyses, 'Lisbon')[0]!.type).toBe('PLACE');
    analyses.forEach((an, k) => {
      const text = k === 0 ? a : b;
      for (const e of an.entities) expect(text.slice(e.start, e.end)).toBe(e.text);
    });
  });

  it('does not take capitalised sentence openers for names', () => {
    const names = analyses.flatMap((x) => x.entities.map((e) => e.text));
    expect(names).not.toContain('The');
    expect(names).not.toContain('Union leader Tomas Berg');
  });

  it('gives the same ids for the same input (deterministic)', () => {
    const again = analyzeDocuments([docFrom('s1', a), docFrom('s2', b)]);
    expect(again).toEqual(analyses);
  });

  it('skeletons tolerate transliteration variants but not different names', () => {
    expect(nameSkeleton('Gaddafi')).toBe(nameSkeleton('Gadhafi'));
    expect(nameSkeleton('al-Rashid')).toBe(nameSkeleton('Rashid'));
    expect(nameSkeleton('Berg')).not.toBe(nameSkeleton('Borg'.replace('o', 'x')));
  });
});

describe('quotes and speakers', () => {
  const text = `Mayor Helen Ortiz defended the budget on Monday.
"We have cut waste, not services," Ortiz said. "Every school stays open."
Council member Raj Patel disagreed. "This budget hides the cuts in the small print," said Patel.
“Nobody reads page 40,” he added.
The city’s finance office said in a statement that revenue "fell short of every forecast this year."
“The numbers speak for themselves,” the spokesman, who asked not to be named, told the Gazette.
Critics called the plan "reckless".`;
  const [an] = analyzeDocuments([docFrom('s1', text)]);

  it('finds direct quotes with exact spans and no quotation marks', () => {
    for (const q of an!.quotes) expect(text.slice(q.start, q.end)).toBe(q.text);
    expect(an!.quotes.map((q) => q.text)).toEqual(expect.arrayContaining(['We have cut waste, not services,', 'Every school stays open.']));
  });

  it('attributes "X said", "said X", pronouns and continuation quotes', () => {
    expect(speakerOf(an!, 'cut waste')).toBe('Helen Ortiz');
    expect(speakerOf(an!, 'Every school')).toBe('Helen Ortiz');
    expect(speakerOf(an!, 'small print')).toBe('Raj Patel');
    expect(speakerOf(an!, 'page 40')).toBe('Raj Patel');
  });

  it('points the speaker span at the mention the attribution uses', () => {
    const q = an!.quotes.find((x) => x.text.includes('page 40'))!;
    expect(text.slice(q.speakerStart!, q.speakerEnd!)).toBe('he');
  });

  it('lets institutions and unnamed sources speak', () => {
    expect(speakerOf(an!, 'fell short')).toMatch(/finance office/i);
    expect(speakerOf(an!, 'speak for themselves')).toBe('the spokesman');
  });

  it('does not take one-word scare quotes for speech', () => {
    expect(an!.quotes.some((q) => q.text.startsWith('reckless'))).toBe(false);
  });
});

describe('alignments', () => {
  const text = `Both Norland and Vestia back General Ivo Kral in the dispute. Kral, who is backed by the Mining Guild, rejected the plan.
President Ana Sousa supports the Coastal Alliance. The Farmers Party opposes Ana Sousa.`;
  const [an] = analyzeDocuments([docFrom('s1', text)]);
  const names = new Map(an!.entities.map((e) => [e.id, e.canonical]));
  const pairs = an!.alignments.map((x) => `${names.get(x.fromId)} ${x.relation} ${names.get(x.toId)}`);

  it('reads active, listed and passive backing', () => {
    expect(pairs).toEqual(expect.arrayContaining(['Norland backs Ivo Kral', 'Vestia backs Ivo Kral', 'Mining Guild backs Ivo Kral', 'Ana Sousa backs Coastal Alliance']));
  });

  it('reads opposition', () => {
    expect(pairs).toContain('Farmers Party opposes Ana Sousa');
  });
});

describe('memory bound', () => {
  it('gives the same analysis whether the tokens are kept packed between passes or read again', () => {
    const docs = [
      docFrom('s1', 'Secretary of State Anna Berg flew to Oslo on Monday. "We will talk," Berg said. Acme Corp CEO Jane Roe agreed.'),
      docFrom('s2', 'Field Marshal Ivo Brandt met the Government of National Accord (GNA) in Tripoli. The GNA said 213 people were killed.'),
      { ...docFrom('s3', 'anna berg met ivo brandt in oslo on tuesday and the gna agreed'), flags: ['degraded' as const] },
    ];
    const kept = analyzeDocuments(docs);
    expect(kept.flatMap((a) => a.entities).length).toBeGreaterThan(5);
    expect(analyzeDocuments(docs, { packedTokensBudget: 0 })).toEqual(kept);
    expect(analyzeDocuments(docs, { packedTokensBudget: 30 })).toEqual(kept);
  });
});

describe('the word before a full stop (sentence ends)', () => {
  it('is what /[\\p{L}.\'-]+$/u finds, astral letters and split surrogate pairs included', () => {
    const ch = fc.constantFrom('a', 'Z', '.', "'", '-', ' ', 'é', 'ß', '𝐀', '😀', '\ud835', '\udc00', '1', ',', 'Ж', '’');
    fc.assert(fc.property(fc.array(ch, { maxLength: 30 }), fc.nat(30), (parts, f) => {
      const t = parts.join('');
      const floor = Math.min(f, t.length);
      const expected = /([\p{L}.'-]+)$/u.exec(t.slice(floor))?.[1] ?? '';
      expect(t.slice(wordStartBefore(t, t.length, floor))).toBe(expected);
    }), { numRuns: 5000, seed: 3 });
  });
});
