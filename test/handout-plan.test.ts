// The handout's pure parts: the order the fit loop gives content up in, and the data the template gets.
import { describe, expect, it } from 'vitest';
import { breakable, buildPayload, calendarDate, cleanText, shorten } from '../src/render/handout/payload.ts';
import { dropSteps, MANY_SOURCES, priorityOrder, TOO_MANY_TO_LIST, type Selection } from '../src/render/handout/plan.ts';
import { largeNotes, sampleNotes } from './fixtures/sample-notes.ts';

const layout = { paper: 'us-letter', fontSize: 10, maxChars: null } as const;

describe('handout plan', () => {
  const notes = largeNotes();
  const steps = dropSteps(notes);

  it('starts with everything and gives up one thing per step', () => {
    expect(steps[0]).toEqual({ keep: { keyPoints: 30, discrepancies: 1, figures: 2, actors: 40, timeline: 200 }, sources: 'full' });
    for (let i = 1; i < steps.length; i++) {
      const [a, b] = [steps[i - 1]!, steps[i]!];
      const fewer = (Object.keys(a.keep) as Array<keyof Selection['keep']>).reduce((n, k) => n + a.keep[k] - b.keep[k], 0);
      const compacted = a.sources !== b.sources;
      expect(fewer + (compacted ? 1 : 0)).toBe(1);
      for (const k of Object.keys(a.keep) as Array<keyof Selection['keep']>) expect(b.keep[k]).toBeLessThanOrEqual(a.keep[k]);
    }
  });

  it('ends with the bottom line, one key point and the cited sources', () => {
    expect(steps.at(-1)).toEqual({ keep: { keyPoints: 1, discrepancies: 0, figures: 0, actors: 0, timeline: 0 }, sources: 'cited' });
  });

  it('cuts the timeline and actor tails before the key points, and empties them before the key points go below three', () => {
    const firstKeyPointCut = steps.findIndex((s) => s.keep.keyPoints < 30);
    expect(steps[firstKeyPointCut]!.keep.timeline).toBe(10);
    expect(steps[firstKeyPointCut]!.keep.actors).toBe(8);
    const belowThree = steps.findIndex((s) => s.keep.keyPoints < 3);
    expect(steps[belowThree]).toMatchObject({ keep: { timeline: 0, actors: 0, figures: 0, discrepancies: 0 }, sources: 'compact' });
  });

  it('compacts a long source list right after the first cuts, keeping the key points longer', () => {
    const many = largeNotes();
    many.sources = Array.from({ length: MANY_SOURCES + 1 }, (_, k) => ({ ...many.sources[0]!, id: `s${k + 1}` }));
    const manySteps = dropSteps(many);
    const compacted = manySteps.findIndex((s) => s.sources === 'compact');
    expect(manySteps[compacted]!.keep).toEqual({ keyPoints: 8, discrepancies: 1, figures: 2, actors: 8, timeline: 10 });
    // With few sources the titles stay until the key points are down to three.
    expect(steps[steps.findIndex((s) => s.sources === 'compact')]!.keep.keyPoints).toBe(3);
    expect(manySteps.at(-1)).toEqual(steps.at(-1));
  });

  it('keeps the timeline events more sources report, then the latest', () => {
    const n = sampleNotes();
    // 2024-03 [s2], 2024-03-02 [s1, s2], 2024-03-08 [s3]
    expect(priorityOrder(n, 'timeline')).toEqual([1, 2, 0]);
    expect(priorityOrder(n, 'keyPoints')).toEqual([0, 1]);
  });
});

describe('handout payload', () => {
  it('reports what it leaves out, by section, and shows the rest in the notes order', () => {
    const n = sampleNotes();
    const { data, omitted } = buildPayload(n, { keep: { keyPoints: 1, discrepancies: 1, figures: 2, actors: 2, timeline: 1 }, sources: 'full' }, layout);
    expect(data.keyPoints.map((k) => k.text)).toEqual([n.keyPoints[0]!.text]);
    expect(data.timeline.map((e) => e.date)).toEqual(['2024-03-02']);
    expect(data.more).toMatchObject({ keyPoints: 1, timeline: 2, actors: 0 });
    expect(omitted).toEqual([
      { section: 'Key points', text: n.keyPoints[1]!.text },
      { section: 'Timeline', text: `2024-03-08 — ${n.timeline[2]!.text}` },
      { section: 'Timeline', text: `2024-03 — ${n.timeline[0]!.text}` },
    ]);
  });

  it('lists only cited sources last of all, and says which went', () => {
    const n = sampleNotes();
    const { data, omitted } = buildPayload(n, { keep: { keyPoints: 1, discrepancies: 0, figures: 0, actors: 0, timeline: 0 }, sources: 'cited' }, layout);
    // The bottom line cites s1, s2, s3: all stay.
    expect(data.sources.map((s) => s.id)).toEqual(['s1', 's2', 's3']);
    expect(data.sourcesCompact).toBe(true);
    expect(data.sources.every((s) => s.title === null)).toBe(true);
    n.bottomLine = [{ text: 'Only s1.', cites: ['s1'], evidence: [] }];
    const fewer = buildPayload(n, { keep: { keyPoints: 1, discrepancies: 0, figures: 0, actors: 0, timeline: 0 }, sources: 'cited' }, layout);
    expect(fewer.data.sources.map((s) => s.id)).toEqual(['s1', 's2']);
    expect(fewer.omitted.filter((o) => o.section === 'Sources')).toEqual([{ section: 'Sources', text: '[s3] Port counts the cost' }]);
    expect(omitted.filter((o) => o.section === 'Sources')).toEqual([]);
  });

  it('shows source dates, "undated" and flags', () => {
    const { data } = buildPayload(sampleNotes(), dropSteps(sampleNotes())[0]!, layout);
    expect(data.sources).toEqual([
      { id: 's1', title: 'Dockers strike at Avalon', outlet: 'Avalon Herald', date: '2024-03-03', flags: '' },
      { id: 's2', title: 'untitled (sources/b.txt)', outlet: 'unknown outlet', date: 'undated', flags: 'degraded' },
      { id: 's3', title: 'Port counts the cost', outlet: 'Harbour Daily', date: '2024-03-09 (inferred)', flags: '' },
    ]);
    expect(data.sourceCountLabel).toBe('3 sources');
    expect(data.date).toEqual({ year: 2024, month: 3, day: 9 });
  });

  it('shortens every shown string in the last resort and says so', () => {
    const n = sampleNotes();
    const { data, omitted } = buildPayload(n, dropSteps(n)[0]!, { ...layout, maxChars: 20 });
    expect(data.title).toBe('Briefing: Harbour…');
    expect(data.docTitle).toBe(n.title);
    expect(omitted).toContainEqual({ section: 'Title (shortened)', text: n.title });
  });
});

describe('handout text helpers', () => {
  it('folds whitespace and drops bidi overrides and control characters', () => {
    expect(cleanText('a\n b\t\tc ')).toBe('a b c');
    expect(cleanText('\u202eevil\u202c and \u2067isolate\u2069')).toBe('evil and isolate');
    expect(cleanText('bell\u0007 nul\u0000')).toBe('bell nul');
    // Zero-width spaces and right-to-left letters are text, not controls.
    expect(cleanText('\u200b{\u200b{ قائد')).toBe('\u200b{\u200b{ قائد');
  });

  it('gives a long unbroken run a break point every 24 characters (12 in the narrow figures)', () => {
    const url = `https://example.org/${'a'.repeat(40)}`;
    expect(breakable(url)).toBe(`https://example.org/${'a'.repeat(24)}\u200B${'a'.repeat(16)}`);
    expect(breakable('short words - and/or slashes')).toBe('short words - and/or slashes');
    const n = sampleNotes();
    n.figures[0]!.figure = '1'.repeat(30);
    const { data } = buildPayload(n, dropSteps(n)[0]!, layout);
    expect(data.figures[0]!.figure).toBe(`${'1'.repeat(12)}\u200B${'1'.repeat(12)}\u200B${'1'.repeat(6)}`);
    n.keyPoints[0]!.text = 'x'.repeat(30);
    expect(buildPayload(n, dropSteps(n)[0]!, layout).data.keyPoints[0]!.text).toBe(`${'x'.repeat(24)}\u200B${'x'.repeat(6)}`);
  });

  it('shortens at a word end with an ellipsis, never inside a surrogate pair', () => {
    expect(shorten('short', 10)).toBe('short');
    expect(shorten('one two three four five', 12)).toBe('one two…');
    expect(shorten('😀'.repeat(10), 5)).toBe('😀😀😀😀…');
  });

  it('takes a date for the PDF only from a real calendar date', () => {
    expect(calendarDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
    expect(calendarDate('2023-02-29')).toBeNull();
    expect(calendarDate('2024-03')).toBeNull();
    expect(calendarDate('unknown')).toBeNull();
  });
});

describe('a folder of more sources than a page can list', () => {
  const withSources = (count: number) => {
    const n = largeNotes();
    n.sources = Array.from({ length: count }, (_, k) => ({ ...n.sources[0]!, id: `s${k + 1}`, title: `Report ${k + 1}` }));
    return n;
  };

  it('lists only the cited sources right after the first round of cuts, before key points are cut', () => {
    const steps = dropSteps(withSources(TOO_MANY_TO_LIST + 1));
    const cited = steps.findIndex((s) => s.sources === 'cited');
    expect(steps.some((s) => s.sources === 'compact')).toBe(false);
    expect(steps[cited]!.keep.keyPoints).toBe(8);
    expect(steps.at(-1)!.sources).toBe('cited');
  });

  it('keeps the compact list of a folder that still fits one, citing only when key points are down to one', () => {
    const steps = dropSteps(withSources(TOO_MANY_TO_LIST));
    expect(steps.find((s) => s.sources === 'compact')!.keep.keyPoints).toBe(8);
    expect(steps.find((s) => s.sources === 'cited')!.keep.keyPoints).toBe(1);
  });
});
