// Names a reader sees wrong (names6): a title's holder whose given name no list knows ("Deputy Undersecretary of
// the Air Force for Acquisition Darlene Vorst"), a title running over a plain word to its head ("Chief Financial
// Officer"), and a lone surname two people of one document share: the one just named, unless a title, an
// honorific or the passage's subject says otherwise.
import { describe, expect, it } from 'vitest';
import { analyzeDocuments } from '../src/extract/analyze.ts';
import type { DocumentAnalysis, EntityMention } from '../src/extract/analysis.ts';
import { docFrom } from './helpers/docs.ts';

const analyze = (...texts: string[]) => analyzeDocuments(texts.map((t, k) => docFrom(`s${k + 1}`, t)));
const mentions = (a: DocumentAnalysis, text: string): EntityMention[] => a.entities.filter((e) => e.text === text);
/** The canonical names of the mentions written `text`, in order. */
const canonicals = (a: DocumentAnalysis, text: string) => mentions(a, text).map((e) => e.canonical);

describe('the holder of a title "of" an employer, with a given name no list knows', () => {
  it('splits the employer from the holder, who is a person with the whole title', () => {
    const [a] = analyze('Tanker deal\n\nBoeing later hired Deputy Undersecretary of the Air Force for Acquisition Darlene Vorst. '
      + 'The report was signed by Secretary of Homeland Security Jeh Tamsin on Monday.');
    expect(mentions(a!, 'Darlene Vorst')[0]).toMatchObject({ type: 'PERSON', role: 'Deputy Undersecretary of the Air Force for Acquisition' });
    expect(mentions(a!, 'Jeh Tamsin')[0]).toMatchObject({ type: 'PERSON', role: 'Secretary of Homeland Security' });
    expect(a!.entities.filter((e) => /Vorst|Tamsin/.test(e.text) && e.type !== 'PERSON')).toEqual([]);
    // A title alone names no one: "Deputy Undersecretary" is no organisation.
    expect(a!.entities.filter((e) => /Undersecretary/.test(e.text))).toEqual([]);
  });

  it('does not take the last two words of an employer with no officer for a person', () => {
    const [a] = analyze('Launch\n\nHe met the Commander of the Space Shuttle Columbia on Monday. '
      + 'She met the Chief of Naval Operations and the President of Bank of America on Tuesday.');
    expect(a!.entities.filter((e) => e.type === 'PERSON')).toEqual([]);
  });
});

describe('a title whose middle word is no title word ("Chief Financial Officer")', () => {
  it('runs the title on to its head, so the name is the person alone', () => {
    const [a] = analyze('Charges\n\nThe scandal led to charges against Halvard Chief Financial Officer Michael Brannock for hiring her.');
    expect(mentions(a!, 'Michael Brannock')[0]).toMatchObject({ type: 'PERSON', role: 'Chief Financial Officer' });
    expect(a!.entities.filter((e) => /Financial/.test(e.text))).toEqual([]);
  });

  it('does not run a title on over the name that follows it', () => {
    const [a] = analyze('Tech\n\nAcme Chief Executive Anna Roe Officer said the chips were late. Zeta Chief Executive Anna Kell said so too.');
    expect(mentions(a!, 'Anna Kell')[0]).toMatchObject({ type: 'PERSON', role: 'Chief Executive' });
  });
});

describe('a lone surname two people of one document share', () => {
  it('is the one named in the sentence before ("his wife, Michelle Obama. Obama said")', () => {
    const [a] = analyze('Rally\n\nPresident Barack Obama spoke in Ohio on Monday. He introduced his wife, Michelle Obama, to the crowd. '
      + 'Obama said she would campaign in Florida. Later President Obama said he was proud of her.');
    expect(canonicals(a!, 'Obama')).toEqual(['Michelle Obama', 'Barack Obama']);
  });

  it('follows the title or the honorific written with it ("President Obama", "Mr. Obama", "Mrs. Obama")', () => {
    const [a] = analyze('Rally\n\nPresident Barack Obama spoke in Ohio on Monday. He introduced his wife, Michelle Obama, to the crowd. '
      + 'Mr. Obama said the race was close. Mrs. Obama said she was ready.');
    expect(canonicals(a!, 'Obama')).toEqual(['Barack Obama', 'Michelle Obama']);
  });

  it('is the royal just named, and the other again when named again ("King Hussein of Jordan … Hussein said")', () => {
    const [a] = analyze('Talks\n\nSaddam Hussein rejected the plan on Monday. Later, King Hussein of Jordan flew to Baghdad. '
      + 'Hussein said he hoped for peace. Iraq\'s Saddam Hussein did not reply, and Hussein left the talks.');
    const hussein = mentions(a!, 'Hussein');
    expect(hussein.map((e) => e.canonical)).toEqual(['Hussein of Jordan', 'Saddam Hussein']);
    expect(mentions(a!, 'Saddam Hussein')[0]?.type).toBe('PERSON');
  });

  it('stays with the one named on, sentence after sentence', () => {
    const [a] = analyze('The latest\n\nGary Vance leads the poll in Ohio, a survey shows. Voters there like his plan. '
      + 'Rain fell over the state on Monday. Crowds were thin. Turnout may be low. The race is close.\n\n'
      + 'Homeland Security Secretary Jeh Vance says hackers are targeting election officials. '
      + 'Vance tells reporters that the attack is under investigation. Officials in two states were warned. '
      + 'Vance did not name the states. Vance said local officials should ask for help.');
    expect(canonicals(a!, 'Vance')).toEqual(['Jeh Vance', 'Jeh Vance', 'Jeh Vance']);
  });

  it('is the passage\'s subject, not one named once in passing ("a photo of Heidi Cruz. … Cruz said")', () => {
    const [a] = analyze('Convention\n\nTed Cruz spoke on Monday. Cruz would not endorse the nominee. Cruz said the attacks had been personal. '
      + 'The nominee had posted a photo of Heidi Cruz. "I am not in the habit of supporting people who attack my wife," Cruz said.');
    expect(canonicals(a!, 'Cruz').at(-1)).toBe('Ted Cruz');
  });

  it('is not moved by a name named further back, or by a surname that qualifies a noun', () => {
    const [a] = analyze('Health\n\nHillary Clinton was taken to the apartment of her daughter, Mary Clinton, on Sunday. '
      + 'Doctors were called. Aides said little. Reporters waited outside. Clinton left in the afternoon.');
    expect(canonicals(a!, 'Clinton')).toEqual(['Hillary Clinton']);
    // Another story's "Mr. Trump" types the lone word a person's throughout the run.
    const [b] = analyze('Tax plan\n\nDonald Trump spoke on Monday. An economist said Mary Trump\'s statement was vague. '
      + 'The Trump campaign has said single parents would qualify.', 'Rally\n\nMr. Trump spoke in Ohio.');
    expect(canonicals(b!, 'Trump')).toEqual(['Donald Trump']);
  });

  it('is not moved by words a name run took in ("told Reuters Trump was tired")', () => {
    const [a] = analyze('Debate\n\nDonald Trump spoke on Monday. A source told Reuters Trump was tired. Trump said he was fine.');
    expect(canonicals(a!, 'Trump')).toEqual(['Donald Trump']);
  });
});
