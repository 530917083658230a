// Timeline entries from old wire copy (invented stories): the dateline ("VELNA, Casteria (AP) _ ") is not part
// of the event.
import { describe, expect, it } from 'vitest';
import { analyzeDocuments } from '../src/extract/analyze.ts';
import { buildNotes } from '../src/extract/briefing/build.ts';
import { docFrom } from './helpers/docs.ts';

const timelineOf = (text: string) => {
  const docs = [docFrom('s1', text, { date: '2031-10-21' })];
  return buildNotes(docs, analyzeDocuments(docs), { inputs: ['t'] }).timeline;
};

describe('a wire story on the timeline', () => {
  it('starts its entry after the dateline, with the evidence span moved with it', () => {
    const [e] = timelineOf('VELNA, Casteria (AP) _ Police closed all three bridges over the Ulva in Velna on Tuesday after engineers found cracks.\n\nTraffic was sent north.');
    expect(e?.text).toBe('Police closed all three bridges over the Ulva in Velna on Tuesday after engineers found cracks.');
    expect(e?.evidence[0]?.text).toBe(e?.text);
  });

  it('keeps a dateline-like opening when too little would be left', () => {
    expect(timelineOf('VELNA (AP) _ Bridges closed on Tuesday.').map((e) => e.text)).toEqual(['VELNA (AP) _ Bridges closed on Tuesday.']);
  });
});
