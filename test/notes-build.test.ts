// The notes builder's promises: every item traceable to source sentences at their exact spans,
// nothing invented (extractive text), citations that resolve, a sorted dated timeline, determinism.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeDocuments } from '../src/extract/analyze.ts';
import { buildNotes } from '../src/extract/briefing/build.ts';
import { isSubsequence } from '../src/extract/briefing/compress.ts';
import { typeset } from '../src/extract/briefing/typography.ts';
import type { BriefingNotes, Evidence, SourceDoc } from '../src/notes/model.ts';
import { withoutRaw } from '../src/ingest/load.ts';
import { validateNotes } from '../src/notes/schema.ts';
import { docFrom } from './helpers/docs.ts';

const dir = path.join(import.meta.dirname, 'fixtures/articles');
const docs: SourceDoc[] = fs.readdirSync(dir).sort().map((f, k) => docFrom(`s${k + 1}`, fs.readFileSync(path.join(dir, f), 'utf8'), { date: ['2024-03-09', '2024-03-04', null][k] ?? null }));
const build = () => buildNotes(docs, analyzeDocuments(docs), { inputs: ['test/fixtures/articles'] });
const notes = build();
const fold = (s: string) => s.replace(/\s+/g, ' ').trim();

function allEvidence(n: BriefingNotes): Evidence[] {
  return [...n.keyPoints, ...n.actors, ...n.timeline, ...n.quotes, ...n.figures, ...n.discrepancies].flatMap((x) => x.evidence);
}

describe('buildNotes', () => {
  it('gives the same notes from the sources without their original text, as `briefing build` keeps them', () => {
    const texts = docs.map(withoutRaw);
    expect(texts.every((d) => !('raw' in d))).toBe(true);
    const fromTexts = buildNotes(texts, analyzeDocuments(texts), { inputs: ['test/fixtures/articles'] });
    expect(fromTexts).toEqual(notes);
    expect(validateNotes(fromTexts)).toEqual([]);
  });

  it('keeps every evidence sentence exactly as it stands in its source', () => {
    const ev = allEvidence(notes);
    expect(ev.length).toBeGreaterThan(10);
    for (const e of ev) {
      const doc = docs.find((d) => d.id === e.source)!;
      expect(fold(doc.text.slice(e.start, e.end))).toBe(e.text);
    }
  });

  it('invents nothing: key points are source sentences cut to their claim, timeline events source sentences', () => {
    // A key point is its sentence compressed by deleting words (compress.ts), in proper typography.
    for (const item of notes.keyPoints) expect(item.evidence.some((e) => isSubsequence(item.text, typeset(e.text)))).toBe(true);
    for (const item of notes.timeline) expect(item.evidence.map((e) => e.text)).toContain(item.text);
    for (const q of notes.quotes) expect(q.evidence.some((e) => e.text.includes(q.text))).toBe(true);
  });

  it('cites only listed sources, and every item cites the sources of its evidence', () => {
    const ids = new Set(notes.sources.map((s) => s.id));
    const items = [...notes.bottomLine, ...notes.keyPoints, ...notes.actors, ...notes.timeline, ...notes.quotes, ...notes.figures, ...notes.discrepancies];
    for (const item of items) {
      expect(item.cites.length).toBeGreaterThan(0);
      for (const c of item.cites) expect(ids.has(c)).toBe(true);
      for (const e of item.evidence) expect(item.cites).toContain(e.source);
    }
  });

  it('names the actors with their roles and who backs or opposes them', () => {
    const lenz = notes.actors.find((a) => a.name === 'Maria Lenz');
    expect(lenz?.description).toMatch(/union secretary/i);
    const union = notes.actors.find((a) => a.name === 'Avalon Dock Workers Union');
    expect(union?.backedBy).toContain('Transport Federation');
  });

  it('attributes quotes to their speakers', () => {
    const q = notes.quotes.find((x) => x.text.startsWith('We will stay out'));
    expect(q?.speaker).toBe('Maria Lenz');
    expect(notes.quotes.find((x) => x.text.startsWith('Both sides have told me'))?.speaker).toBe('Elena Varga');
  });

  it('dates the briefing by its newest source and flags the undated one', () => {
    expect(notes.asOf).toBe('2024-03-09');
    const undated = notes.sources.find((s) => s.date === null)!;
    expect(undated.flags).toContain('undated');
    expect(notes.subtitle).toMatch(/1 undated/);
  });

  it('keeps the timeline dated and sorted', () => {
    const dates = notes.timeline.map((t) => t.date);
    for (const d of dates) expect(d).toMatch(/^\d{4}(-\d{2}(-\d{2})?)?$/);
    expect([...dates].sort()).toEqual(dates);
  });

  it('writes the bottom line as 2-4 cited sentences', () => {
    expect(notes.bottomLine.length).toBeGreaterThanOrEqual(2);
    expect(notes.bottomLine.length).toBeLessThanOrEqual(4);
  });

  it('is deterministic', () => {
    expect(JSON.stringify(build())).toBe(JSON.stringify(notes));
  });
});
