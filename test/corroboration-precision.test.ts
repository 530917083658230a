// Corroboration counts only the same fact: sentences that share names but tell different things, or give
// different numbers, stay separate points; the same fact in other words still merges (invented reports).
import { describe, expect, it } from 'vitest';
import { analyzeDocuments } from '../src/extract/analyze.ts';
import { buildNotes } from '../src/extract/briefing/build.ts';
import type { BriefingNotes, Claim, SourceDoc } from '../src/notes/model.ts';
import { docFrom } from './helpers/docs.ts';

const notesOf = (docs: SourceDoc[]): BriefingNotes => buildNotes(docs, analyzeDocuments(docs), { inputs: ['t'] });
const points = (n: BriefingNotes): Claim[] => [...n.bottomLine, ...n.keyPoints];
const citesOf = (n: BriefingNotes, words: string) => points(n).filter((p) => p.text.includes(words)).map((p) => p.cites);

describe('corroboration precision', () => {
  it('does not merge two sentences that share only names', () => {
    const docs = [
      docFrom('s1', 'Veltra Aerospace chief executive Dara Quill flew the Skyhawk from Norvale to Kestrel City on Friday.\n\nThe Orvan Trade Board said exports fell across the Tessa region last quarter.\n', { date: '2031-03-07' }),
      docFrom('s2', 'Veltra Aerospace boss Dara Quill resigned over the Skyhawk programme in Norvale, Kestrel City papers reported.\n\nFarmers near Lake Dorran said the spring rains came late this year.\n', { date: '2031-03-08' }),
    ];
    const n = notesOf(docs);
    expect(citesOf(n, 'flew the Skyhawk')).toEqual([['s1']]);
    expect(citesOf(n, 'resigned')).toEqual([['s2']]);
  });

  it('does not merge alike sentences whose numbers differ', () => {
    const docs = [
      docFrom('s1', 'Orvan Defence has won a contract to supply the Marivian Navy with 4 patrol boats to replace its ageing fleet.\n\nThe Orvan Trade Board said exports fell across the Tessa region last quarter.\n', { date: '2031-03-07' }),
      docFrom('s2', 'Orvan Defence has won a contract to supply the Marivian Navy with 9 patrol boats to replace its ageing fleet.\n\nFarmers near Lake Dorran said the spring rains came late this year.\n', { date: '2031-03-08' }),
    ];
    const n = notesOf(docs);
    const cites = citesOf(n, 'patrol boats');
    expect(cites).toHaveLength(2);
    expect(cites.every((c) => c.length === 1)).toBe(true);
  });

  it('still merges the same fact told in other words', () => {
    const docs = [
      docFrom('s1', 'Ferro Motors chief Lia Dunn said the company expects to cut approximately 4,300 jobs in Marivia and 3,700 in Tessa by next year.\n\nThe Orvan Trade Board said exports fell across the Tessa region last quarter.\n', { date: '2031-03-07' }),
      docFrom('s2', 'Marivia will lose 4,300 jobs and Tessa 3,700 jobs at Ferro Motors by next year, the company told unions.\n\nFarmers near Lake Dorran said the spring rains came late this year.\n', { date: '2031-03-08' }),
    ];
    const n = notesOf(docs);
    const jobs = points(n).filter((p) => /4,300 jobs/.test(p.text));
    expect(jobs).toHaveLength(1);
    expect(jobs[0]!.cites).toEqual(['s1', 's2']);
  });
});
