// Cross-source dating with report dates told apart from event dates ("a call this week, the office revealed
// Friday"), and timeline items dated by their event, never by the day the news was told. Invented fixtures.
import { describe, expect, it } from 'vitest';
import { analyzeDocuments } from '../src/extract/analyze.ts';
import { buildNotes } from '../src/extract/briefing/build.ts';
import { inferDocumentDates, narrowByReport, reportDay } from '../src/extract/rules/document-dates.ts';
import { validateNotes } from '../src/notes/schema.ts';
import { docFrom } from './helpers/docs.ts';

// 2024-04-15 is a Monday; 2024-04-19 the Friday of that week.
const readout = 'Mayor Elena Voss spoke on April 15, 2024, with harbour chief Tomas Brandt to discuss the dock strike and the ferry timetable, city hall said in a readout of the call.\n\nThe strike has shut the quay for a month.\n';
const undated = [
  'Mayor Elena Voss praised harbour chief Tomas Brandt in a phone call this week, city hall revealed Friday, as the dock strike went on.',
  'The friendly conversation took place Monday and surprised the union.',
  'On March 3, the harbour board had voted to cut the night ferry from the Calder timetable.',
].join('\n\n') + '\n';

const analysed = (docs: ReturnType<typeof docFrom>[]) => ({ docs, analyses: analyzeDocuments(docs) });

describe('a report date narrows the window an event gives', () => {
  it('dates the undated source to the Friday its report names, not the Monday of the event', () => {
    const { docs, analyses } = analysed([docFrom('s1', readout, { date: '2024-05-02' }), docFrom('s2', undated)]);
    expect(analyses[1]!.meta).toMatchObject({ date: '2024-04-19', dateSource: 'inferred' });
    expect(analyses[1]!.meta.dateEvidence).toMatch(/"this week" in .* s1 dates 2024-04-15/);
    expect(analyses[1]!.meta.dateEvidence).toMatch(/"Friday" in .* reports, no earlier, the event s1 dates 2024-04-15/);
    const notes = buildNotes(docs, analyses, { inputs: ['x'] });
    // With its date known, the source's own yearless "March 3" and "Monday" reach the timeline (a Monday in a
    // modifier, "the conversation, which took place Monday, surprised …", would date the call, not the sentence)…
    expect(notes.timeline.find((e) => e.text.startsWith('On March 3'))?.date).toBe('2024-03-03');
    expect(notes.timeline.find((e) => e.text.startsWith('The friendly conversation'))?.date).toBe('2024-04-15');
    // …but the call "this week" is not placed on the day city hall revealed it.
    expect(notes.timeline.some((e) => e.text.includes('praised harbour chief'))).toBe(false);
  });

  it('stays undated when the report would come before the event it reports', () => {
    // A Wednesday event "this week" (April 17–21) cannot have been revealed on a Tuesday (April 16).
    const wednesday = readout.replace('April 15', 'April 17');
    const docs = [docFrom('s1', wednesday, { date: '2024-05-02' }), docFrom('s2', undated.replace('revealed Friday', 'revealed Tuesday'))];
    expect(analyzeDocuments(docs)[1]!.meta).toMatchObject({ date: null, dateSource: 'unknown' });
  });

  it('takes two shared names with a lower word overlap as the same event', () => {
    // A terse report of the call shares under 0.3 of its words with the readout, but names both people.
    const terse = 'Voss praised Brandt in a phone call about the dock strike this week, her office revealed Friday.\n';
    const docs = [docFrom('s1', readout.replace('readout of the call', 'readout of the phone call'), { date: '2024-05-02' }), docFrom('s2', terse)];
    expect(analyzeDocuments(docs)[1]!.meta.date).toBe('2024-04-19');
  });

  it('reads each phrase against the events its own sentence tells', () => {
    // 2024-04-17 is a Wednesday: "yesterday" of it puts the report on the 18th, and "on Thursday" of the
    // march on the 18th allows the 18th to the 24th, so the 18th. Read against the other sentence's event,
    // "Thursday" would contradict the Wednesday and leave the source undated.
    const told = (closed: string, marched: string) => `The harbour board closed the northern quay to cargo ships ${closed}, after the crane collapse.\n\nThe ferry union staged a long protest march through the old town ${marched}, over night shifts.\n`;
    const docs = [docFrom('s1', told('on April 17, 2024', 'on April 18, 2024'), { date: '2024-05-02' }), docFrom('s2', told('yesterday', 'on Thursday'))];
    const meta = analyzeDocuments(docs)[1]!.meta;
    expect(meta).toMatchObject({ date: '2024-04-18', dateSource: 'inferred' });
    expect(meta.dateEvidence).toMatch(/"yesterday" in .* s1 dates 2024-04-17.*"Thursday" in .* s1 dates 2024-04-18/);
  });

  it('a report date alone dates nothing', () => {
    const alone = 'Mayor Elena Voss praised harbour chief Tomas Brandt in a phone call, city hall revealed Friday, as the dock strike went on.\n';
    const docs = [docFrom('s1', readout, { date: '2024-05-02' }), docFrom('s2', alone)];
    expect(analyzeDocuments(docs)[1]!.meta.date).toBeNull();
  });

  it('reads the day a report names back from the publication day', () => {
    const fri = { year: 2024, month: 4, day: 19 };
    expect(reportDay('Friday', fri)).toEqual(fri);
    expect(reportDay('Tuesday', fri)).toEqual({ year: 2024, month: 4, day: 16 });
    expect(reportDay('yesterday', fri)).toEqual({ year: 2024, month: 4, day: 18 });
    expect(reportDay('this week', fri)).toBeNull();
    const monday = { year: 2024, month: 4, day: 15 };
    expect(narrowByReport([monday, { year: 2024, month: 4, day: 21 }], 'Friday', monday)).toEqual([fri, { year: 2024, month: 4, day: 21 }]);
  });
});

describe('anchors are event dates, not report dates', () => {
  it('does not date an event by the day another source was told of it', () => {
    // 2024-05-02 is a Thursday: "told the Courier on Thursday" dates the interview, not the call.
    const interview = 'Mayor Elena Voss’s April phone call with harbour chief Tomas Brandt was a mistake, an aide told the Courier on Thursday.\n';
    const undatedThursday = 'Mayor Elena Voss held a phone call with harbour chief Tomas Brandt on Thursday, as the dock strike went on.\n';
    const docs = [docFrom('s1', interview, { date: '2024-05-02' }), docFrom('s2', undatedThursday)];
    const analyses = analyzeDocuments(docs);
    expect(inferDocumentDates(docs.map((d, k) => ({ id: d.id, text: d.text, meta: d.meta, sentences: analyses[k]!.sentences, entities: analyses[k]!.entities })))).toEqual([]);
  });
});

describe('timeline items carry their event date', () => {
  it('never dates an item by a report date equal to the publication date', () => {
    // Published Thursday 2024-05-02; the item's only date is when the aide spoke to the paper.
    const text = 'The night ferry to Calder will stop running for good, an aide to the harbour board told the Courier on Thursday.\n';
    const { docs, analyses } = analysed([docFrom('s1', text, { date: '2024-05-02' })]);
    expect(analyses[0]!.dates.map((d) => d.value)).toEqual(['2024-05-02']);
    expect(buildNotes(docs, analyses, { inputs: ['x'] }).timeline).toEqual([]);
  });

  it('keeps an event date that ends its sentence when the next sentence is a report', () => {
    const text = 'The Calder ferry depot opened in 2011 and closed for good on March 7, 2024 after the strike.\nThe company said it was sorry.\n';
    const { docs, analyses } = analysed([docFrom('s1', text, { date: '2024-03-09' })]);
    expect(buildNotes(docs, analyses, { inputs: ['x'] }).timeline.map((e) => e.date)).toEqual(['2024-03-07']);
  });
});

describe('"last month" and "this month"', () => {
  const strike = 'Union leader Ada Brunn called the Calder ferry strike on March 4, 2024, after pay talks with the Calder Ferry Company failed.\n';

  it('gives the month after the event, as a month, not a guessed day', () => {
    const report = 'Union leader Ada Brunn called the Calder ferry strike last month when pay talks with the Calder Ferry Company failed.\n';
    const docs = [docFrom('s1', strike, { date: '2024-03-05' }), docFrom('s2', report)];
    const [, a] = analyzeDocuments(docs);
    expect(a!.meta).toMatchObject({ date: '2024-04', dateSource: 'inferred' });
    expect(a!.meta.dateEvidence).toMatch(/"last month" in .* s1 dates 2024-03-04.*the month is given/);
    // A month is a date the notes accept for a source.
    const notes = buildNotes(docs, analyzeDocuments(docs), { inputs: ['x'] });
    expect(notes.sources[1]).toMatchObject({ date: '2024-04', dateSource: 'inferred' });
    expect(validateNotes(notes)).toEqual([]);
  });

  it('gives the day when another report pins it, and nothing when the two disagree', () => {
    // "this month" (March 4–31) and "Monday" (March 4 → March 4–10): the earliest day of the week window.
    const both = 'Union leader Ada Brunn called the Calder ferry strike this month when pay talks with the Calder Ferry Company failed.\n\n'
      + 'Union leader Ada Brunn called the Calder ferry strike on Monday after pay talks with the Calder Ferry Company failed.\n';
    expect(analyzeDocuments([docFrom('s1', strike, { date: '2024-03-05' }), docFrom('s2', both)])[1]!.meta.date).toBe('2024-03-04');
    const clash = both.replace('this month', 'last month');
    expect(analyzeDocuments([docFrom('s1', strike, { date: '2024-03-05' }), docFrom('s2', clash)])[1]!.meta.date).toBeNull();
  });
});
