// Reads a byline near the top ("By Jane Doe", "By Jane Doe and Ali Khan | Staff writers") as the author
// and blanks it, so the author's name is not taken for a sentence of the article.
import type { CleanRule } from './types.ts';
import { blankLine, headLines, wordCount, wordsUpTo } from './lines.ts';

const PARTICLE = "(?:de|da|di|del|van|von|der|den|al|el|bin|ibn|le|la|du|dos|das)";
const NAME_WORD = "[\\p{Lu}][\\p{L}'’.-]*";
const NAME = `${NAME_WORD}(?:\\s+(?:${PARTICLE}\\s+)?${NAME_WORD}){0,3}`;
const BYLINE = new RegExp(`^(?:by|written\\s+by|words\\s+by|reporting\\s+by|author:)\\s+(${NAME}(?:\\s*(?:,|and|&)\\s*${NAME})*)(?:\\s*(?:[|·•,–—-]|\\bin\\b)\\s*(.*))?$`, 'iu');

export const byline: CleanRule = ({ text }) => {
  for (const l of headLines(text)) {
    const s = l.text.trim();
    const m = BYLINE.exec(s);
    if (!m || !/^[\p{Lu}]/u.test(m[1]!)) continue;
    // "By Monday, troops had advanced." is a sentence, not a byline.
    if (/[.!?]["”’]?$/.test(s) && !/\b[\p{Lu}]\.$/u.test(s)) continue;
    if (wordsUpTo(s, 17) > 16 || wordCount(m[2] ?? '') > 8) continue;
    return { edits: [blankLine(l, 'byline read as metadata')], meta: { author: m[1]!.replace(/\s+/g, ' ').trim() } };
  }
  return {};
};
