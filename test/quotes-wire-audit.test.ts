// The wire-copy audit (invented hard-wrapped flood stories in test/fixtures/wire-audit/ with hand-written
// gold) as a test, plus one small invented fixture for each error kind the audit found and a rule fixed.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditWire } from '../bench/eval/quotes-wire.ts';
import { analyzeDocuments } from '../src/extract/analyze.ts';
import { buildNotes } from '../src/extract/briefing/build.ts';
import type { QuoteMention } from '../src/extract/analysis.ts';
import { docFrom } from './helpers/docs.ts';

const root = path.resolve(import.meta.dirname, '..');
const quotesOf = (text: string): QuoteMention[] => analyzeDocuments([docFrom('s1', text, { date: '2031-10-17' })])[0]!.quotes;
const flat = (s: string) => s.replace(/\s+/g, ' ');

describe('the wire-copy audit', () => {
  it('gets every gold quote whole with its speaker, and every event date, as measured (30/30, 17/17)', async () => {
    const a = await auditWire(root);
    expect(a.quotes.filter((v) => v.error !== 'ok')).toEqual([]);
    expect(a.quotes.length).toBe(30);
    expect(a.events.filter((v) => v.error !== 'ok')).toEqual([]);
    expect(a.events.length).toBe(17);
    expect(a.spurious).toEqual([]);
  });
});

describe('error kinds the audit found', () => {
  it('a partial quote in reported speech without "that"', () => {
    const q = quotesOf('Port director Ada Quist said the new cranes were ``the fastest anywhere on the northern coast.\'\'\n\nThe cranes cost 40 million.');
    expect(q.map((x) => [x.kind, flat(x.text), x.speakerName])).toEqual([['partial', 'the fastest anywhere on the northern coast.', 'Ada Quist']]);
  });

  it('a partial quote followed by a second verb of its subject ("… and promised")', () => {
    const q = quotesOf('Ada Quist said that the old cranes had been ``worked far beyond what they were built for\'\' and promised new ones by spring.');
    expect(q.map((x) => [x.kind, x.text, x.speakerName])).toEqual([['partial', 'worked far beyond what they were built for', 'Ada Quist']]);
  });

  it('a quote whose closing mark is missing keeps its attribution out of the quote', () => {
    const q = quotesOf('Cranes stood idle at the port.\n\n``The north gate stays shut until the inspectors are done, harbour spokesman Ivo Brand told reporters.\n\nTrucks queued on the ring road.');
    expect(q.map((x) => [flat(x.text), x.speakerName])).toEqual([['The north gate stays shut until the inspectors are done,', 'Ivo Brand']]);
  });

  it('a missing closing mark is not invented inside a paragraph of a multi-paragraph quote', () => {
    const q = quotesOf('``We lost the harbour cranes first,\'\' said Ivo Brand. ``Then the gate, the offices and the sheds went.\n\n``Nobody warned us,\'\' he said.');
    expect(q.map((x) => flat(x.text))).toContain('Then the gate, the offices and the sheds went.');
  });

  it('"she said" after a person the entity pass may type as an organisation, introduced by a role', () => {
    const text = 'Opposition deputy Mirela Vantu said the rules were the problem. ``Nobody has changed them in years,\'\' she said.';
    const q = quotesOf(text);
    expect(q.map((x) => [x.text, x.speakerName])).toEqual([['Nobody has changed them in years,', 'Mirela Vantu']]);
  });

  it('"she said" after a name whose report opens with "her" ("X said her school …")', () => {
    const text = 'Lidka Varno said her school had lost all its books. ``We will teach in tents if we have to,\'\' she said.';
    const q = quotesOf(text);
    expect(q.map((x) => [x.text, x.speakerName])).toEqual([['We will teach in tents if we have to,', 'Lidka Varno']]);
  });

  it('a date in a passive participle with its agent ("a crossing built by the army on Monday") does not date the main clause', () => {
    const text = 'Traffic between the two halves of the city was sent north, to a temporary crossing built by the army on Monday.';
    const n = buildNotes([docFrom('s1', text, { date: '2031-10-21' })], analyzeDocuments([docFrom('s1', text, { date: '2031-10-21' })]), { inputs: ['t'] });
    expect(n.timeline).toEqual([]);
  });

  it('still dates a passive main clause ("was built by the army on Monday")', () => {
    const text = 'The temporary crossing over the river was built by the army on Monday.';
    const n = buildNotes([docFrom('s1', text, { date: '2031-10-21' })], analyzeDocuments([docFrom('s1', text, { date: '2031-10-21' })]), { inputs: ['t'] });
    expect(n.timeline.map((e) => e.date)).toEqual(['2031-10-20']);
  });
});
