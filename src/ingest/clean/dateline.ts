// Reads the document's own date from the top of the text: a line that is only a date ("08 June, 2019",
// "Published: June 8, 2019 10:32 GMT"), or a labelled header opening a line ("date 2019-06-06 …").
// The date becomes metadata (explicit, with its words as evidence) and its words are blanked.
import type { Edit } from '../edits.ts';
import type { CleanRule } from './types.ts';
import { DATE_LABEL, dateAt, dateLine } from './dates.ts';
import { headLines } from './lines.ts';

export const dateline: CleanRule = ({ text }) => {
  const found: Array<{ iso: string; updated: boolean; evidence: string }> = [];
  const edits: Edit[] = [];
  for (const l of headLines(text)) {
    const lead = l.text.length - l.text.trimStart().length;
    const whole = dateLine(l.text);
    if (whole) {
      const evidence = l.text.trim();
      found.push({ iso: whole.iso, updated: whole.updated, evidence });
      edits.push({ start: l.start + lead, end: l.start + lead + evidence.length, note: `date ${whole.iso} read as metadata` });
      continue;
    }
    // A labelled date may open a line that goes on with the body, as in flattened exports.
    const label = DATE_LABEL.exec(l.text.slice(lead));
    if (!label || !/^(?:date|published|posted|updated|last|first|released?)/i.test(label[0])) continue;
    const d = dateAt(l.text, lead + label[0].length);
    if (!d) continue;
    const evidence = l.text.slice(lead, d.end);
    found.push({ iso: d.iso, updated: /updated|modified/i.test(label[0]), evidence });
    edits.push({ start: l.start + lead, end: l.start + d.end, note: `date ${d.iso} read as metadata` });
  }
  // The publication date outranks an "updated" one; otherwise the first date given wins.
  const best = found.find((f) => !f.updated) ?? found[0];
  if (!best) return {};
  return { edits, meta: { date: best.iso, dateSource: 'explicit', dateEvidence: best.evidence } };
};
