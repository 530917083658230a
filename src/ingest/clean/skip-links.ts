// Blanks accessibility and navigation jump links ("Skip to content", "Skip links", "Jump to navigation"):
// page chrome that survives copy-paste from a web page and is never part of the article.
import type { CleanRule } from './types.ts';
import { blankLine, contentLines } from './lines.ts';

const SKIP_LINK = /^(?:skip|jump)(?:\s+(?:to|over))?\s+(?:the\s+)?(?:links?|(?:main\s+|primary\s+)?(?:content|navigation|nav|menu|article|search|footer|to\s+content))(?:\s*[|·•,]\s*(?:skip|jump).*)?$/i;

export const skipLinks: CleanRule = ({ text }) => ({
  edits: contentLines(text)
    .filter((l) => SKIP_LINK.test(l.text.trim()))
    .map((l) => blankLine(l, 'blanked skip link')),
});
