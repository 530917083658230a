// Blanks cookie and consent notices ("This website uses cookies…", "We use cookies… you can opt-out"),
// with the button labels next to them ("Accept", "Manage preferences").
import type { Edit } from '../edits.ts';
import type { CleanRule } from './types.ts';
import { blankLine, contentLines, wordsUpTo, type Line } from './lines.ts';

/** Phrases only a site's own notice uses: enough on their own, wherever the line stands. */
export const NOTICE = [
  /\b(?:this|our)\s+(?:web\s?)?site\s+uses?\s+cookies\b/i,
  /\bwe\s+(?:and\s+our\s+(?:partners|vendors)\s+)?(?:use|store|set)\s+cookies\b/i,
  /\b(?:accept|allow|reject|refuse|decline|manage)\s+(?:all\s+|optional\s+|non-essential\s+)?cookies\b/i,
  /\bcookies?\s+(?:policy|settings|preferences|notice|banner|consent)\b/i,
  /\bopt[- ]?out\s+if\s+you\s+wish\b/i,
  /\bby\s+(?:continuing|using|clicking|browsing)\b[^.]{0,80}\byou\s+(?:agree|accept|consent)\b/i,
  /\b(?:privacy|consent)\s+(?:preferences|settings|choices)\b/i,
];

/** Consent vocabulary that prose uses too: counts only with "you" and at the head or tail of the text. */
export const VOCABULARY = /\b(?:cookies?|consent|opt[- ]?out|privacy\s+policy|terms\s+of\s+(?:use|service)|personal\s+data|gdpr|tracking\s+technologies)\b/i;
export const ADDRESSED = /\b(?:you|your)\b/i;

/**
 * A word every notice pattern needs: "cookie" (NOTICE 1–4), "opt" (5), "you" (6, and ADDRESSED), "privacy" or
 * "consent" (7). A line without any of them is no notice, so most lines skip the word count and the patterns.
 */
const MAY_BE_NOTICE = /cookie|opt|you|privacy|consent/i;

/** Buttons that sit under a notice. */
export const BUTTON = /^(?:accept(?:\s+all)?(?:\s+cookies)?|reject(?:\s+all)?|decline|agree|i\s+agree|i\s+accept|ok(?:ay)?|got\s+it|allow(?:\s+all)?|manage\s+(?:preferences|settings|options)|cookie\s+settings|more\s+info(?:rmation)?|learn\s+more|privacy\s+policy|close)\.?$/i;

const MAX_WORDS = 90;

export const cookieNotice: CleanRule = ({ text }) => {
  const lines = contentLines(text);
  const edge = (k: number) => k < 3 || k >= lines.length - 3;
  const isNotice = (l: Line, k: number) => {
    const s = l.text.trim();
    if (!MAY_BE_NOTICE.test(s) || wordsUpTo(s, MAX_WORDS + 1) > MAX_WORDS) return false;
    return NOTICE.some((re) => re.test(s)) || (edge(k) && VOCABULARY.test(s) && ADDRESSED.test(s));
  };
  const hit = lines.map(isNotice);
  const edits: Edit[] = [];
  lines.forEach((l, k) => {
    const nearNotice = hit[k - 1] === true || hit[k + 1] === true || hit[k - 2] === true;
    if (hit[k]) edits.push(blankLine(l, 'blanked cookie/consent notice'));
    else if (nearNotice && BUTTON.test(l.text.trim())) edits.push(blankLine(l, 'blanked consent button'));
  });
  return { edits };
};
