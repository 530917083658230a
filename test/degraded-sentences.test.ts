// Sentences of degraded (unpunctuated) text: boundaries restored by the word model, the display form shown
// for such a sentence (capital, full stop) while the evidence keeps the file's words and offsets.
import { describe, expect, it } from 'vitest';
import { analyzeDocuments } from '../src/extract/analyze.ts';
import { buildNotes } from '../src/extract/briefing/build.ts';
import { boundaryScore, displaySentence, restoreSentences, sentenceStarts } from '../src/extract/rules/degraded-sentences.ts';
import { splitSentences } from '../src/extract/rules/sentences.ts';
import { docFrom } from './helpers/docs.ts';

const RUN_ON = 'the night ferry left Calder quay at dawn with forty passengers and a cargo of timber on board for the island the captain said '
  + 'he turned back when the wind rose over the northern banks and the sea broke over the bow of the old ship '
  + 'they reached the harbour again at noon and the passengers were sent home by bus to wait for the next crossing on Friday '
  + 'but the harbour board says the ferry will not sail again until the storm has passed';

const words = (s: string) => s.split(' ');

describe('boundaries in unpunctuated text', () => {
  it('never ends a sentence on a function word or starts one with a contraction tail or "said"', () => {
    expect(boundaryScore(words('the ferry left the quay'), 4)).toBe(-Infinity); // after "the"
    expect(boundaryScore(words('the captain said he left'), 2)).toBe(-Infinity); // before "said"
    expect(boundaryScore(words("the captain's ship left"), 2)).toBe(-Infinity); // after "captain's"
    expect(boundaryScore(words('the captain said he left'), 3)).toBeGreaterThan(boundaryScore(words('the captain saw the ship'), 3));
    // A verb form before an article most often takes it as its object: "brought the" is rarely a boundary.
    expect(boundaryScore(words('the storm brought the ship'), 3)).toBeLessThan(boundaryScore(words('the storm hit hard the ship'), 4));
  });

  it('cuts a run-on before clause openers, at sentence-like lengths', () => {
    const w = words(RUN_ON);
    const starts = sentenceStarts(w);
    expect(starts[0]).toBe(0);
    expect(starts.length).toBeGreaterThanOrEqual(3);
    // Every cut lands where a sentence may start, and one falls before "they reached" and "but the harbour board".
    for (const k of starts.slice(1)) expect(boundaryScore(w, k)).toBeGreaterThan(-Infinity);
    expect(starts).toContain(w.indexOf('they'));
    expect(starts).toContain(w.indexOf('but'));
  });

  it('gives an unpunctuated source its sentences back, spans still offsets into the file', () => {
    const text = `${RUN_ON}\n`;
    expect(splitSentences(text)).toHaveLength(1);
    const [a] = analyzeDocuments([docFrom('s1', text, { flags: ['degraded', 'lowercase', 'unpunctuated'] })]);
    expect(a!.sentences.length).toBeGreaterThanOrEqual(3);
    expect(a!.sentences).toEqual(restoreSentences(text, splitSentences(text)));
    expect(a!.sentences.map(([s, e]) => text.slice(s, e)).join(' ')).toBe(RUN_ON);
  });

  it('keeps whole a sentence the damage left its full stop', () => {
    const spared = 'The ferry left on time and the crossing was calm for the first hour of the trip across the bay but the captain said he saw storm clouds gather over the northern banks of the wide Calder estuary.';
    const text = `${spared} ${RUN_ON}\n`;
    const spans = restoreSentences(text, splitSentences(text));
    expect(text.slice(...spans[0]!)).toBe(spared);
    expect(spans.length).toBeGreaterThanOrEqual(4);
  });
});

describe('display form', () => {
  it('capitalises the first letter and closes with a full stop, changing nothing else', () => {
    expect(displaySentence('the night ferry left calder quay at dawn')).toBe('The night ferry left calder quay at dawn.');
    expect(displaySentence('“the ferry left,')).toBe('“The ferry left.');
    expect(displaySentence('The ferry left at dawn.')).toBe('The ferry left at dawn.');
  });

  it('is what a degraded source\'s timeline item shows, while its evidence keeps the file\'s words', () => {
    const text = `${RUN_ON}\n`;
    const docs = [docFrom('s1', text, { date: '2024-03-09', flags: ['degraded', 'lowercase', 'unpunctuated'] })];
    const notes = buildNotes(docs, analyzeDocuments(docs), { inputs: ['x'] });
    const friday = notes.timeline.find((e) => e.date === '2024-03-08')!;
    expect(friday.text).toMatch(/^They reached the harbour again at noon .* on Friday\.$/);
    const [ev] = friday.evidence;
    expect(ev!.text).toBe(text.slice(ev!.start, ev!.end));
    expect(friday.text).toBe(displaySentence(ev!.text));
  });
});
