// Whose name a quote is given: the person the speaker phrase is about, not a name it merely contains ("Trump's
// spokesman", "a Clinton aide", "one U.S. crew chief"), and, for a lone surname, the person of that surname this
// source is about, not one of another source whose name only looks alike ("Flynn" is not "Fallon") or who is
// named more often elsewhere ("Lynch" after "Rep. Stephen Lynch" is not Loretta Lynch). Invented articles.
import { describe, expect, it } from 'vitest';
import { analyzeDocuments } from '../src/extract/analyze.ts';
import type { DocumentAnalysis, QuoteMention } from '../src/extract/analysis.ts';
import { closeSpelling } from '../src/extract/rules/aliases.ts';
import { docFrom } from './helpers/docs.ts';

const analyzeAll = (...texts: string[]): DocumentAnalysis[] => analyzeDocuments(texts.map((t, k) => docFrom(`s${k + 1}`, t)));
const quote = (a: DocumentAnalysis, fragment: string): QuoteMention => {
  const q = a.quotes.find((x) => x.text.includes(fragment));
  if (!q) throw new Error(`no quote with "${fragment}"`);
  return q;
};

describe('a speaker phrase about someone else', () => {
  const story = (sentence: string) => `Governor Dana Whitcombe spoke in Ohio on Monday. Senator Hal Ambry replied on Tuesday.\n\n${sentence}\n`;
  const cases: Array<[sentence: string, name: string, form: QuoteMention['speakerForm']]> = [
    ['"We will win this state," Whitcombe\'s spokesman said.', 'Whitcombe\'s spokesman', 'unnamed'],
    ['"We are calm," said Whitcombe\'s spokesman.', 'Whitcombe\'s spokesman', 'unnamed'],
    ['"No comment on the polls," a Whitcombe aide said.', 'a Whitcombe aide', 'unnamed'],
    ['"The talks have failed," one U.S. crew chief said.', 'one U.S. crew chief', 'unnamed'],
    ['"She will not be back," the wife of Ambry said.', 'the wife of Ambry', 'unnamed'],
    ['"The vote was rigged," said one Republican source on the panel.', 'one Republican source', 'unnamed'],
    ['"We will sue the paper," said Whitcombe lawyer Marc Kasowitz.', 'Marc Kasowitz', 'named'],
    ['"We are not done," Ambry spokesman Brian Tell said.', 'Brian Tell', 'named'],
    ['"It will fail," Michael O\'Hanlon of the Brookings Institution said.', 'Michael O\'Hanlon', 'named'],
    ['"The veto will be overridden," Senate Majority Leader Hal Ambry, R-Maine, said.', 'Hal Ambry', 'named'],
  ];
  for (const [sentence, name, form] of cases) {
    it(`gives ${sentence.slice(sentence.lastIndexOf('"') + 2)} to ${name}`, () => {
      const [a] = analyzeAll(story(sentence));
      const q = a!.quotes.at(-1)!;
      expect(q.speakerName).toBe(name);
      expect(q.speakerForm).toBe(form);
    });
  }

  it('keeps a spokesperson as the voice of the organisation named with it', () => {
    const [a] = analyzeAll('The Harbour Authority closed the port on Monday.\n\n"The port will reopen on Friday," a Harbour Authority spokesman said.\n');
    expect(quote(a!, 'reopen').speakerName).toBe('Harbour Authority');
  });
});

describe('a lone surname across sources', () => {
  const fallon = 'Campaign spokesman Brian Fallon said the debate went well. "We are pleased," Fallon said. Fallon added that the polls were close. Fallon spoke again on Friday.';

  it('is the person of this source, not a look-alike name of another (Flynn is not Fallon)', () => {
    const flynn = 'Retired Lt. Gen. Michael Flynn backed the candidate on Thursday.\n\n"He is absolutely right about the generals," Flynn said.\n';
    const [, b] = analyzeAll(fallon, flynn);
    expect(quote(b!, 'absolutely right').speakerName).toBe('Michael Flynn');
  });

  it('is the one this source named in full, though another source names a namesake more often', () => {
    const loretta = 'Attorney General Loretta Lynch testified. Loretta Lynch declined to answer. Loretta Lynch left at noon.';
    const stephen = 'The committee voted on Wednesday.\n\nRep. Stephen Lynch (D-Mass.) objected to the vote.\n\n"I do not think it is going anywhere," Lynch said.\n';
    const [, b] = analyzeAll(loretta, stephen);
    expect(quote(b!, 'going anywhere').speakerName).toBe('Stephen Lynch');
  });

  it('still joins a spelling variant of the same name across sources', () => {
    const [a, b] = analyzeAll('Harbour Minister Ines Cardoso ended the talks. Cardoso said the strike was illegal.', 'The union blamed Ines Cardozo for the strike. "We will not return," Cardozo said.');
    const id = a!.entities.find((e) => e.text === 'Ines Cardoso')!.id;
    expect(b!.entities.find((e) => e.text === 'Ines Cardozo')!.id).toBe(id);
    expect(quote(b!, 'not return').speakerId).toBe(id);
  });
});

describe('a sovereign named by a given name', () => {
  it('is not the person whose surname that name is ("King Hussein" is not Saddam Hussein)', () => {
    const [a] = analyzeAll('Iraq\'s Saddam Hussein met envoys on Monday. King Hussein of Jordan flew to Washington on Tuesday.\n\nKing Hussein was carrying a message, officials said. "It is our only outlet to the sea," King Hussein said.\n');
    const saddam = a!.entities.find((e) => e.text === 'Saddam Hussein')!.id;
    const king = a!.entities.filter((e) => e.role === 'King');
    expect(king.length).toBeGreaterThan(1);
    for (const e of king) expect(e.id).not.toBe(saddam);
    expect(new Set(king.map((e) => e.id)).size).toBe(1);
    expect(quote(a!, 'outlet to the sea').speakerId).toBe(king[0]!.id);
  });

  it('is joined by the given name alone where no one has it as a surname', () => {
    const [a] = analyzeAll('Prince Harry visited the hospital on Monday. Doctors showed the ward to Harry and his staff.');
    const ids = new Set(a!.entities.filter((e) => e.text === 'Harry').map((e) => e.id));
    expect(ids.size).toBe(1);
  });
});

describe('closeSpelling', () => {
  it('lets vowel swaps and doubled letters through, and one other edit (two past ten letters, none at four or fewer)', () => {
    expect(closeSpelling('cardozo', 'cardoso')).toBe(true);
    expect(closeSpelling('müller', 'muller')).toBe(true);
    expect(closeSpelling('flynn', 'fallon')).toBe(false);
    expect(closeSpelling('mckinley', 'mcconnell')).toBe(false);
    expect(closeSpelling('moammar', 'muammar')).toBe(true);
    expect(closeSpelling('muhammad', 'mohammed')).toBe(true);
    expect(closeSpelling('sissi', 'sisi')).toBe(true);
    expect(closeSpelling('li', 'lu')).toBe(false);
    expect(closeSpelling('castañeda', 'chastened')).toBe(false);
    expect(closeSpelling('stores', 'strauss')).toBe(false);
    expect(closeSpelling('tschaikowsky', 'tchaikovsky')).toBe(true);
    expect(closeSpelling('chen', 'chan')).toBe(false);
  });
});
