// The cleaned text of a source for people to read (`briefing clean FILE`): what cleaning blanked is
// dropped and the blank runs folded. Not for offsets: those point into `SourceDoc.text`, which keeps
// every blank.
import type { SourceDoc } from '../notes/model.ts';

/**
 * With `raw`, characters that cleaning blanked are dropped outright (so "*Tuesday*." reads "Tuesday.",
 * not "Tuesday ."); without it, blanks are only folded.
 */
export function cleanText(doc: Pick<SourceDoc, 'text'> & Partial<Pick<SourceDoc, 'raw'>>): string {
  const { text, raw } = doc;
  let kept = text;
  if (raw !== undefined && raw.length === text.length) {
    kept = '';
    for (let k = 0; k < text.length; k++) {
      const blanked = text[k] === ' ' && raw[k] !== ' ' && !/\s/.test(raw[k]!);
      if (!blanked) kept += text[k];
    }
  }
  return kept
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[ \t\u00A0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
