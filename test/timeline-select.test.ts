// Timeline selection (timeline-select.ts) on invented collections: which dates a long timeline keeps (the
// ones many independent sources refer to), which event tells each date (the central one, not a repeat of
// another date's), the notes' budget, `summarize --timeline`, and the tilse-style scorer (bench/eval/tls.ts).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { agreementRouge, alignRouge, assignment, concatRouge, dateF1, parseTimeline } from '../bench/eval/tls.ts';
import { main } from '../src/cli/main.ts';
import type { Output } from '../src/cli/output.ts';
import { analyzeDocuments } from '../src/extract/analyze.ts';
import { buildNotes } from '../src/extract/briefing/build.ts';
import { makeContext, oneLine } from '../src/extract/briefing/context.ts';
import { dateBudget, rankDates, selectEvents, TIMELINE_BUDGET, timelineSummary } from '../src/extract/briefing/timeline-select.ts';
import { timeline } from '../src/extract/briefing/timeline.ts';
import { loadSources } from '../src/ingest/load.ts';
import { stringifyNotes } from '../src/notes/markdown.ts';
import type { SourceDoc } from '../src/notes/model.ts';
import { docFrom } from './helpers/docs.ts';
import { NOTES_CHECKER } from './helpers/notes-checker.ts';

const root = path.resolve(import.meta.dirname, '..');
const FERRY = path.join(root, 'test/fixtures/tls-ferry');
const tmp = path.join(root, 'test/.tmp/timeline-select');

const contextOf = (docs: SourceDoc[]) => makeContext(docs, analyzeDocuments(docs));

describe('date ranking', () => {
  it('puts a date several sources name above one a single source keeps repeating', () => {
    const docs = [
      docFrom('s1', 'The Velder council met on March 3 to discuss the canal. The council voted on March 3 to close the lock. Barges queued on March 3 outside the lock. Engineers inspected the gates on March 3 before dusk.', { date: '2033-03-10' }),
      docFrom('s2', 'The Velder canal lock reopened on March 5 after repairs to its gates.', { date: '2033-03-10' }),
      docFrom('s3', 'Barge traffic on the Velder canal resumed on March 5, the port said.', { date: '2033-03-10' }),
      docFrom('s4', 'Shippers welcomed the reopening of the lock on March 5 with relief.', { date: '2033-03-10' }),
    ];
    const ranked = rankDates(contextOf(docs));
    const at = (date: string) => ranked.findIndex((r) => r.date === date);
    expect(ranked.find((r) => r.date === '2033-03-03')).toMatchObject({ references: 4, sources: 1 });
    expect(ranked.find((r) => r.date === '2033-03-05')).toMatchObject({ references: 3, sources: 3 });
    expect(at('2033-03-05')).toBeLessThan(at('2033-03-03'));
  });

  it('counts a near-duplicate source once, with the source it repeats', () => {
    const story = 'The Velder canal lock reopened on March 5 after repairs to its gates.';
    const docs = [docFrom('s1', story, { date: '2033-03-10' }), docFrom('s2', story, { date: '2033-03-10', flags: ['duplicate'] })];
    expect(rankDates(contextOf(docs)).find((r) => r.date === '2033-03-05')?.sources).toBe(1);
  });

  it('grows the number of dates with the square root of the dates found, within 10-40', () => {
    expect([4, 12, 25, 100, 400, 2000].map(dateBudget)).toEqual([4, 10, 10, 20, 40, 40]);
  });
});

describe('events chosen for a date', () => {
  it('tells a date by the event its sources agree on, not a single odd report', () => {
    const docs = [
      docFrom('s1', 'A small fire broke out in a storage shed at the Kessel boatyard on March 5.', { date: '2033-03-10' }),
      docFrom('s2', 'The Velder canal lock reopened to barge traffic on March 5 after gate repairs.', { date: '2033-03-10' }),
      docFrom('s3', 'Barge traffic returned to the Velder canal lock on March 5 once the gate repairs ended.', { date: '2033-03-10' }),
      docFrom('s4', 'Lock gate repairs were finished on March 5 and the Velder canal lock reopened to barges.', { date: '2033-03-10' }),
    ];
    const ctx = contextOf(docs);
    const [chosen] = selectEvents(ctx, timeline(ctx), { dates: 1 });
    expect(chosen?.date).toBe('2033-03-05');
    expect(chosen?.text).not.toMatch(/fire/);
  });

  it('does not tell a second date with a repeat of what another date already says', () => {
    const docs = [
      docFrom('s1', 'The Velder canal lock gates failed on March 3, flooding the towpath below the lock.', { date: '2033-03-10' }),
      docFrom('s2', 'Velder canal lock gates failed on March 3 and flooded the towpath below the lock, engineers said.', { date: '2033-03-10' }),
      // March 4: two single-source reports sharing no word, so equally central; the first in the timeline's
      // order retells March 3's failure.
      docFrom('s3', 'After the Velder canal lock gates failed and flooded the towpath, the lock stayed shut on March 4.', { date: '2033-03-10' }),
      docFrom('s4', 'Shipping firms asked the ministry for compensation on March 4 as barges waited.', { date: '2033-03-10' }),
    ];
    const ctx = contextOf(docs);
    const events = timeline(ctx);
    expect(events.filter((e) => e.date === '2033-03-04').map((e) => e.text)[0]).toMatch(/failed/);
    const chosen = selectEvents(ctx, events, { dates: 2 });
    expect(chosen.map((e) => e.date)).toEqual(['2033-03-03', '2033-03-04']);
    expect(chosen[1]!.text).not.toMatch(/failed/);
  });
});

describe('the invented ferry collection (test/fixtures/tls-ferry)', () => {
  let docs: SourceDoc[];
  let lines: string[];
  const gold = parseTimeline(fs.readFileSync(path.join(FERRY, 'timeline.txt'), 'utf8'));

  beforeAll(async () => {
    docs = (await loadSources([path.join(FERRY, 'articles')])).docs;
    lines = timelineSummary(docs, analyzeDocuments(docs), { dates: gold.size });
  });

  it('finds most of the journalist\'s dates when given their number', () => {
    const system = parseTimeline(lines.join('\n'));
    expect(system.size).toBe(gold.size);
    // Measured 0.9: the one miss is a date one source names once (the recorder found on a Sunday).
    expect(dateF1(system, [gold]).f1).toBeGreaterThanOrEqual(0.9);
    // The disaster itself, which every source dates, is there.
    expect(system.has('2033-02-03')).toBe(true);
  });

  it('prints date-ordered lines whose sentences are each a source\'s own words', () => {
    const texts = docs.map((d) => oneLine(d.text));
    for (const line of lines) {
      const [date, sentence] = line.split('\t');
      expect(date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(texts.some((t) => t.includes(sentence!)), sentence).toBe(true);
    }
    expect([...lines].sort()).toEqual(lines);
  });

  it('keeps every event in the notes of a collection within the budget', () => {
    const ctx = makeContext(docs, analyzeDocuments(docs));
    const all = timeline(ctx);
    expect(all.length).toBeLessThanOrEqual(TIMELINE_BUDGET);
    expect(buildNotes(docs, analyzeDocuments(docs), { inputs: ['t'] }).timeline.length).toBe(all.length);
  });
});

describe('a long collection in the notes', () => {
  // Forty invented daily reports on a canal closure, each dating two events: far more than the budget.
  const docs = Array.from({ length: 40 }, (_, i) => {
    const day = (n: number) => `May ${n}`;
    return docFrom(`s${i + 1}`, [
      `Divers from the Velder canal authority inspected lock number ${i + 1} on ${day(1 + (i % 28))} and reported damage to its gates.`,
      `Barge operator ${['Orla', 'Brenn', 'Kastor', 'Madder', 'Quill'][i % 5]} Freight moved ${100 + i} tonnes of grain through the Velder canal on ${day(2 + ((3 * i) % 27))}.`,
      'The Velder canal authority said the closure of the upper locks on May 1 had cost shippers dearly.',
    ].join(' '), { date: `2033-06-${String(1 + (i % 20)).padStart(2, '0')}` });
  });

  it('shows the selected events, within the budget, and the notes checker accepts the file', () => {
    const analyses = analyzeDocuments(docs);
    const all = timeline(makeContext(docs, analyses));
    expect(all.length).toBeGreaterThan(2 * TIMELINE_BUDGET);
    const notes = buildNotes(docs, analyses, { inputs: ['t'] });
    expect(notes.timeline.length).toBeLessThanOrEqual(TIMELINE_BUDGET);
    expect(notes.timeline.length).toBeGreaterThanOrEqual(dateBudget(new Set(all.map((e) => e.date)).size));
    // The date all forty reports name is kept.
    expect(notes.timeline.some((e) => e.date === '2033-05-01')).toBe(true);
    fs.mkdirSync(tmp, { recursive: true });
    const file = path.join(tmp, 'long.md');
    fs.writeFileSync(file, stringifyNotes(notes));
    const check = spawnSync(process.execPath, [NOTES_CHECKER, file], { encoding: 'utf8' });
    expect(check.status, check.stdout + check.stderr).toBe(0);
  });
});

describe('briefing summarize --timeline', () => {
  const capture = (): Output & { out: string[]; err: string[] } => {
    const out: string[] = [];
    const err: string[] = [];
    return { out, err, data: (t) => out.push(t), info: (t) => err.push(t), diagnostics: (l) => l.forEach((d) => err.push(`${d.file}: ${d.message}`)) };
  };

  it('prints N dates with K sentences each', async () => {
    const io = capture();
    expect(await main(['summarize', path.join(FERRY, 'articles'), '--timeline', '--dates', '3', '--sentences', '2'], io)).toBe(0);
    const dates = io.out.map((l) => l.split('\t')[0]);
    expect(new Set(dates).size).toBe(3);
    expect(io.out.length).toBeGreaterThan(3);
    expect(io.out.length).toBeLessThanOrEqual(6);
  });

  it('rejects --dates without --timeline', async () => {
    const io = capture();
    expect(await main(['summarize', path.join(FERRY, 'articles'), '--dates', '3'], io)).toBe(2);
  });
});

describe('the timeline scorer (bench/eval/tls.ts)', () => {
  const system = parseTimeline('2033-01-01\tthe dam broke\n2033-01-03\train fell again\n');
  const gold = parseTimeline('2033-01-01\nthe dam broke at night\n--------------------------------\n2033-01-02\nrain fell\n--------------------------------\n');

  it('scores dates and ROUGE-1 as tilse does', () => {
    expect(dateF1(system, [gold])).toMatchObject({ precision: 0.5, recall: 0.5 });
    // concat: 5 of 6 system tokens in the 7 gold tokens ("again" is not).
    expect(concatRouge(system, [gold])).toMatchObject({ precision: 5 / 6, recall: 5 / 7 });
    // agreement: only 2033-01-01's "the dam broke" counts.
    expect(agreementRouge(system, [gold])).toMatchObject({ precision: 3 / 6, recall: 3 / 7 });
    // align: 01-03 is matched to 01-02, a day apart, so its "rain fell" counts half.
    expect(alignRouge(system, [gold])).toMatchObject({ precision: 4 / 6, recall: 4 / 7 });
  });

  it('assigns rows to distinct columns at least cost', () => {
    expect(assignment([[4, 1, 3], [2, 0, 5], [3, 2, 2]])).toEqual([1, 0, 2]);
    expect(assignment([[1], [0]])).toEqual([undefined, 0]);
  });
});
