// Blanks a closing copyright line ("© 2019 The Daily Courier. All rights reserved.") and takes the name
// in it as the outlet: a publisher names itself this way.
import type { Edit } from '../edits.ts';
import type { CleanRule } from './types.ts';
import { blankLine, tailLines } from './lines.ts';

const COPYRIGHT = /^(?:©|\(c\)|copyright)(?:\s*(?:©|\(c\)))?\s*(?:(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)\d{2})?\s*[,.]?\s*)?(.*?)\s*[.,]?\s*(?:all\s+rights\s+reserved\.?)?$/i;
const NAME = /^[\p{Lu}\p{N}][\p{L}\p{N}&'’. -]{1,60}$/u;

export const copyright: CleanRule = ({ text }) => {
  const edits: Edit[] = [];
  let outlet: string | null = null;
  for (const l of tailLines(text)) {
    const m = COPYRIGHT.exec(l.text.trim());
    if (!m) continue;
    const name = (m[1] ?? '').replace(/[.,]+$/, '').trim();
    edits.push(blankLine(l, 'blanked copyright line'));
    if (NAME.test(name) && !/^(?:all|some)\b/i.test(name)) outlet ??= name;
  }
  return outlet === null ? { edits } : { edits, meta: { outlet } };
};
