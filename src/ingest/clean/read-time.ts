// Blanks reading-time labels ("2 min read", "Read 2 minutes", "Reading time: 4 minutes").
import type { CleanRule } from './types.ts';
import { blankLine, contentLines } from './lines.ts';

const N = '(?:\\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|fifteen|twenty)';
const MINUTES = `${N}\\s*(?:-|\\s)?\\s*(?:min|mins|minute|minutes)\\.?`;
const READ_TIME = new RegExp(
  `^(?:(?:estimated\\s+)?read(?:ing)?(?:\\s+time)?\\s*[:-]?\\s*(?:about\\s+|approx\\.?\\s+|~\\s*)?${MINUTES}(?:\\s+read)?|${MINUTES}\\s+(?:read|reading(?:\\s+time)?|listen|watch))$`,
  'i',
);

export const readTime: CleanRule = ({ text }) => ({
  edits: contentLines(text)
    .filter((l) => READ_TIME.test(l.text.trim()))
    .map((l) => blankLine(l, 'blanked reading-time label')),
});
