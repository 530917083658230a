// Faults an analyst found reading the notes of news nobody tuned for, each on invented stories: wiki markup left
// in a point, quotes, letters and counterfactuals on the timeline, a rival leading the title, a name as a role.
import { describe, expect, it } from 'vitest';
import { analyzeDocuments } from '../src/extract/analyze.ts';
import { buildNotes } from '../src/extract/briefing/build.ts';
import { makeContext } from '../src/extract/briefing/context.ts';
import { dateInQuote, inFirstPerson } from '../src/extract/briefing/not-events.ts';
import { timeline } from '../src/extract/briefing/timeline.ts';
import { ruleNamed, runCleaning } from '../src/ingest/index.ts';
import type { DateMention, QuoteMention } from '../src/extract/analysis.ts';
import type { SourceDoc } from '../src/notes/model.ts';
import { docFrom } from './helpers/docs.ts';

const build = (set: SourceDoc[]) => buildNotes(set, analyzeDocuments(set), { inputs: ['t'] });

/** The text the markup-residue rule alone leaves, with runs of blanks folded. */
function residueCleaned(text: string): string {
  const rule = ruleNamed('markup-residue');
  if (!rule) throw new Error('no markup-residue rule');
  const out = runCleaning({ raw: text, format: 'text' }, [rule]);
  expect(out.text).toHaveLength(text.length); // blanked, never deleted: offsets hold
  return out.text.replace(/[ \t]+/g, ' ').trim();
}

describe('markup residue', () => {
  it('drops an image size left where a sentence starts, and keeps one in prose', () => {
    expect(residueCleaned('250px Norvik, the region’s largest carmaker, has cut 900 jobs.')).toBe('Norvik, the region’s largest carmaker, has cut 900 jobs.');
    expect(residueCleaned('The plant closed. 120x90px The union protested.')).toBe('The plant closed. The union protested.');
    expect(residueCleaned('The site now shows a 960px banner on its front page.')).toBe('The site now shows a 960px banner on its front page.');
  });

  it('drops image parameters, templates and file links, and keeps a link’s label', () => {
    expect(residueCleaned('thumb|right|200px|The new ferry at its launch.')).toBe('The new ferry at its launch.');
    expect(residueCleaned('[[File:Ferry.jpg|thumb|The ferry]] The ferry sailed on Monday.{{cite news|title=Ferry}}')).toBe('The ferry sailed on Monday.');
    expect(residueCleaned('Three [[Airline|airlines]] ordered the jet from [[Norvik]].')).toBe('Three airlines ordered the jet from Norvik .');
  });

  it('is in the cleaning chain, so a key point never shows the residue', () => {
    const text = '250px Norvik Motors, the region’s largest carmaker, has announced 900 job cuts over the next two years.\n\nThe union said Norvik Motors had broken its promises.';
    const out = runCleaning({ raw: text, format: 'text' });
    expect(out.text).not.toMatch(/250px/);
    expect(out.steps.some((s) => s.rule === 'markup-residue')).toBe(true);
  });
});

describe('what the timeline leaves out', () => {
  const events = (text: string) => {
    const set = [docFrom('s1', text, { date: '2031-03-10' })];
    return timeline(makeContext(set, analyzeDocuments(set))).map((e) => `${e.date} ${e.text}`);
  };

  it('a date inside someone’s quoted words: the quote is shown as a quote, not as an event', () => {
    const text = 'The port authority approved the new terminal on March 2. The mayor told reporters on the quay that "the first ships will dock here in 2033 and the town will never be the same again."';
    const shown = events(text);
    expect(shown).toContain('2031-03-02 The port authority approved the new terminal on March 2.');
    expect(shown.some((e) => e.startsWith('2033'))).toBe(false);
  });

  it('the last sentence of a quote that opened in an earlier sentence', () => {
    const text = 'The port authority approved the new terminal on March 2. The Harbour Gazette quotes a "council aide" as saying: "The decision ignores every study of the bay. It settles the outcome in favour of the builders before the 2033 review is even held."';
    const shown = events(text);
    expect(shown.some((e) => e.startsWith('2031-03-02'))).toBe(true);
    expect(shown.some((e) => e.startsWith('2033'))).toBe(false);
  });

  it('reads a date as quoted from the quotes found, or from the marks around it in its sentence', () => {
    const at = (s: string, word: string): DateMention => ({ start: s.indexOf(word), end: s.indexOf(word) + word.length, text: word, value: '2033' });
    const inQuote = (s: string, quotes: QuoteMention[] = []) => dateInQuote(s, 0, s.length, at(s, '2033'), quotes);
    // Marks around the date in its own sentence.
    expect(inQuote('The mayor said "ships will dock here in 2033" at the launch.')).toBe(true);
    // The closing part of a quote opened in an earlier sentence: the first mark after the date closes it.
    expect(inQuote('It settles the outcome before the 2033 review is held," a councillor said.')).toBe(true);
    expect(inQuote('It settles the outcome before the 2033 review is held.” a councillor said.')).toBe(true);
    // A quote opening after the date, and a sentence with no marks, are the story's own words.
    expect(inQuote('The terminal opens in 2033, and the mayor said: "It will change the town.')).toBe(false);
    expect(inQuote('The terminal opens in 2033 after a long delay.')).toBe(false);
    // A quote the analysis found (a paragraph of a speech with no marks in this sentence).
    const s = 'The terminal opens in 2033 after a long delay.';
    const found: QuoteMention = { start: 0, end: s.length, text: s, speakerId: null, speakerName: null, speakerStart: null, speakerEnd: null } as QuoteMention;
    expect(inQuote(s, [found])).toBe(true);
    // …but not one that runs on from an earlier sentence to a later one: as likely a quote missing its closing mark.
    const runOn: QuoteMention = { ...found, start: -40, end: s.length + 40 };
    expect(inQuote(s, [runOn])).toBe(false);
    // A show's name opened with '' after the date is no quote the date stands in.
    expect(inQuote("The host sat for an interview in 2033 on the show ''Harbour Talk.''")).toBe(false);
  });

  it('reads a quote left open at the end of its sentence as the speaker’s, not the story’s first person', () => {
    expect(inFirstPerson('In a statement on Friday, the mayor said: "I am honoured by the support of the council.')).toBe(false);
    expect(inFirstPerson('I have great confidence that the team will deliver the plans we have made.')).toBe(true);
  });

  it('a letter or statement printed in the first person: its writer’s words, not an event', () => {
    const text = 'The chief executive of Norvik Motors announced his retirement on March 4 in an email to staff. The email reads: I have great confidence that the new team will carry out the plans we have made for 2032.';
    const shown = events(text);
    expect(shown.some((e) => e.startsWith('2031-03-04'))).toBe(true);
    expect(shown.some((e) => e.startsWith('2032'))).toBe(false);
  });

  it('a counterfactual: what would have happened did not', () => {
    const text = 'Talks on the sale of the shipyard broke down on March 1 after a dispute over pensions. Had the sale gone through, the first hulls would have been delivered by 2034 under the old contract.';
    const shown = events(text);
    expect(shown.some((e) => e.startsWith('2031-03-01'))).toBe(true);
    expect(shown.some((e) => e.startsWith('2034'))).toBe(false);
  });

  it('a question, and a quotation that opens its sentence with its attribution after it', () => {
    const text = 'The ferry line cut its winter timetable on March 5 after a fall in bookings. And will the minister actually be at the harbour on March 8? "We will not sail at a loss, and we never have," the operator’s chairman said in February.';
    const shown = events(text);
    expect(shown.some((e) => e.startsWith('2031-03-05'))).toBe(true);
    expect(shown.some((e) => e.includes('will the minister'))).toBe(false);
    expect(shown.some((e) => e.includes('We will not sail'))).toBe(false);
  });

  it('keeps reported speech with a quoted phrase: the statement is the event', () => {
    const text = 'On March 7, the harbour master said in a statement that the port had “made clear that we oppose the closure of the northern quay.”';
    expect(events(text).some((e) => e.startsWith('2031-03-07'))).toBe(true);
  });

  it('"Today" in a name ("Harbour Today") is no date', () => {
    const text = 'The ferry line cut its winter timetable on March 5 after a fall in bookings. The Coast Radio is the local version of Harbour Today, the regional network run by the port towns.';
    const shown = events(text);
    expect(shown.some((e) => e.startsWith('2031-03-05'))).toBe(true);
    expect(shown).toHaveLength(1);
  });

  it('a date since which nothing happened', () => {
    const text = 'The ferry line cut its winter timetable on March 5 after a fall in bookings. The old ferry had not been refitted since 2024, the operator said.';
    const shown = events(text);
    expect(shown.some((e) => e.startsWith('2031-03-05'))).toBe(true);
    expect(shown.some((e) => e.startsWith('2024'))).toBe(false);
  });
});

describe('the title', () => {
  it('is led by the name most sources carry, not by a rival one long story keeps repeating', () => {
    const subject = [
      'Kestrel Aerospace won an order for 40 jets from a low-cost airline on Monday. The airline chose it over Valdane Aircraft.',
      'Kestrel Aerospace cut 2,000 jobs at its main plant. The union criticised the cuts.',
      'Kestrel Aerospace delayed its new freighter by six months. The company blamed a supplier.',
      'Kestrel Aerospace opened a plant in the north. Officials welcomed the company to the city.',
    ];
    const rival = ['Kestrel Aerospace beat Valdane Aircraft for a tanker contract.', 'Valdane Aircraft had held the contract since 1990.',
      'Valdane Aircraft built the old tankers.', 'Valdane Aircraft lost a similar bid in 2001.', 'Valdane Aircraft executives were fined in 2003.',
      'Valdane Aircraft may appeal.', 'Valdane Aircraft said it was studying the decision.', 'Valdane Aircraft employs 9,000 people in the region.',
      'Valdane Aircraft shares fell.', 'Valdane Aircraft built a new hangar.', 'Valdane Aircraft hired lawyers.', 'Valdane Aircraft also makes helicopters.',
      'Valdane Aircraft was founded in 1950.', 'Valdane Aircraft has plants in three states.'].join(' ');
    const set = [...subject, rival].map((t, k) => docFrom(`s${k + 1}`, t, { date: `2031-05-0${k + 1}` }));
    const ranked = makeContext(set, analyzeDocuments(set)).ranked.map((e) => e.canonical);
    expect(ranked.slice(0, 2)).toEqual(['Valdane Aircraft', 'Kestrel Aerospace']); // more mentions, fewer sources
    expect(build(set).title).toBe('Kestrel Aerospace: Valdane Aircraft');
  });

  it('joins two companies the sources are equally about with "and", not as one a part of the other', () => {
    const texts = [
      'Kestrel Aerospace and Valdane Aircraft both bid for the tanker contract. Kestrel Aerospace offered a lower price. Valdane Aircraft offered faster delivery.',
      'Valdane Aircraft won a jet order from a charter airline. Kestrel Aerospace had hoped to win it. Valdane Aircraft will deliver in spring.',
      'Kestrel Aerospace cut jobs at its main plant, while Valdane Aircraft hired engineers. Kestrel Aerospace blamed weak demand.',
      'Valdane Aircraft and Kestrel Aerospace were fined by the regulator. Valdane Aircraft said it would appeal, and Kestrel Aerospace paid.',
    ];
    const set = texts.map((t, k) => docFrom(`s${k + 1}`, t, { date: `2031-06-0${k + 1}` }));
    expect(build(set).title).toMatch(/^(?:Kestrel Aerospace and Valdane Aircraft|Valdane Aircraft and Kestrel Aerospace)$/);
  });

  it('leaves out a party or country written before the lead’s name ("Republican Jane Roe")', () => {
    const texts = [
      'Republican Jane Roe won the primary on Tuesday. Jane Roe thanked voters in the capital.',
      'Jane Roe leads the Republican field. The Republican party backed Jane Roe, and Jane Roe accepted.',
      'Jane Roe will debate Tom Vale on Monday. Jane Roe said she was ready.',
      'Republican Jane Roe raised $5 million. Jane Roe spent most of it on advertising.',
    ];
    const set = texts.map((t, k) => docFrom(`s${k + 1}`, t, { date: `2031-09-0${k + 1}` }));
    const title = build(set).title;
    expect(title).toMatch(/^Jane Roe\b/);
  });

  it('never takes a sentence’s first word ("Today") into the lead’s name', () => {
    const shortNorvik = [
      'In his speech the founder said that "Today Norvik is going to reinvent the phone". Norvik said it would cost less than the last one.',
      'Norvik sold ten million phones in the spring. Analysts said Norvik had gained ground in Asia.',
      'Today Norvik cut the price of its tablet. Norvik shares rose after the announcement.',
      'Norvik opened its first store in the capital. Crowds queued outside the Norvik store for hours.',
    ];
    // With this many mentions "Norvik" and "Today Norvik" are two names; with fewer, one entity called "Today Norvik".
    const longNorvik = [...shortNorvik, 'Norvik Corp. reported higher profits. Norvik said sales of its phones doubled. Norvik will hire 500 engineers.'];
    for (const texts of [shortNorvik, longNorvik]) {
      const set = texts.map((t, k) => docFrom(`s${k + 1}`, t, { date: `2031-07-0${k + 1}` }));
      const title = build(set).title;
      expect(title).toMatch(/Norvik/);
      expect(title).not.toMatch(/Today/);
    }
  });
});

describe('an actor’s role', () => {
  it('is never another organisation named after it in a list', () => {
    const text = 'The company said it had committed its full resources to support its partners, Kestrel Aerospace, the Coast Guard, and the crews who fly the planes. Kestrel Aerospace, the region’s biggest employer, said it was pleased.';
    const [a] = analyzeDocuments([docFrom('s1', text, { date: '2031-08-01' })]);
    const kestrel = a!.entities.filter((e) => e.canonical === 'Kestrel Aerospace').map((e) => e.description);
    expect(kestrel).not.toContain('the Coast Guard');
    // A describing phrase with a common noun at its head is still read.
    expect(kestrel).toContain('the region’s biggest employer');
  });

  it('is never a speaker’s praise: a describing phrase in quoted or first-person words is the speaker’s view', () => {
    const text = 'I just know that Jane Roe, a leader who embodies the spirit of this town, will win. The senator said "Tom Vale, a man of rare courage, will lead us." Ana Pell, a former harbour pilot, said she would run. ``We will run,\'\' said Ida Moss, a spokeswoman for the party.';
    const [a] = analyzeDocuments([docFrom('s1', text, { date: '2031-08-01' })]);
    const described = a!.entities.filter((e) => e.description).map((e) => `${e.canonical}: ${e.description}`);
    expect(described).toEqual(['Ana Pell: a former harbour pilot', 'Ida Moss: a spokeswoman for the party']);
  });

  it('is never a qualifier alone ("former", "state"), nor a title held by someone else', () => {
    const text = 'Several former Harbour Radio journalists have complained about pay. She won two state Senate races before 2020. (Mr. Vale is now the chairman of Mrs. Roe’s campaign.) Former minister Tom Vale said he would stay.';
    const [a] = analyzeDocuments([docFrom('s1', text, { date: '2031-08-01' })]);
    const roleOf = (name: string) => a!.entities.filter((e) => e.canonical === name).map((e) => e.role);
    expect(roleOf('Harbour Radio')).not.toContain('former');
    expect(roleOf('Senate')).not.toContain('state');
    expect(roleOf('Roe')).not.toContain('chairman');
    // A qualifier with its title is still a role.
    expect(roleOf('Tom Vale')).toContain('Former minister');
  });
});
