// Blanks short navigation and sharing labels ("Advertisement", "Share this article", "Back to top",
// "Facebook Twitter Email", "Home > World > Africa") and links to other stories ("Read more: …"). Labels that are also ordinary words ("Home",
// "Search") are blanked only at the head or the tail of the document, where page chrome sits.
import type { CleanRule } from './types.ts';
import { blankLine, contentLines, headLines, tailLines } from './lines.ts';

/** Labels that are chrome wherever they stand on a line of their own. */
const ANYWHERE = /^(?:advertisement|advert|ad|sponsored(?:\s+content)?|story continues below(?:\s+advertisement)?|share(?:\s+(?:this|the))?(?:\s+(?:article|story|page|post))?(?:\s+(?:on|via)\s+\S+)?|share via|copy link|print(?:\s+this)?(?:\s+(?:article|page|story))?|back to top|toggle navigation|main menu|open menu|close menu|listen to (?:this )?(?:article|story)|continue reading(?:\s+below)?|read more|related(?:\s+(?:articles|stories|content|news|topics|coverage))?:?|most (?:read|popular|viewed)|follow us(?:\s+on\s+.{1,40})?|sign up for (?:our|the) .{1,40}newsletter\.?|subscribe to (?:our|the) .{1,40}newsletter\.?)$/i;

/** Single words that are chrome at the edges of a page but ordinary words elsewhere. */
const AT_EDGES = /^(?:home|menu|search|close|login|log in|sign in|sign up|register|subscribe|newsletter|newsletters|comments?|email|print|share|more|next|previous|prev|top|world|news|politics|business|opinion|sport|sports|video|videos|latest|topics|tags|trending)$/i;

/** "Related: Coalition talks stall", "READ MORE | …": a link to another story, on a line of its own. */
const STORY_LINK = /^(?:related(?:\s+(?:article|story|stories|content|coverage))?|read\s+more|read\s+also|also\s+read|see\s+also|more\s+on\s+this(?:\s+story)?|recommended|watch|listen)\s*[:|»›>–—]\s*\S.{0,150}$/i;

const SOCIAL = new Set(['facebook', 'twitter', 'x', 'whatsapp', 'linkedin', 'email', 'e-mail', 'reddit', 'telegram', 'pinterest', 'messenger', 'print', 'share', 'copy', 'link', 'tumblr', 'instagram', 'youtube', 'tiktok', 'mail', 'sms']);

/** The first word as isShareBar splits them: a run of what is neither whitespace nor one of its separators. */
const FIRST_WORD = /[^\s|·•,:/]+/;

/** "Facebook Twitter Email" or "Share: Facebook | X": a row of share buttons. */
export function isShareBar(s: string): boolean {
  // Its first word must be one of them: most lines are turned away here, before lowercasing and splitting them whole.
  const first = FIRST_WORD.exec(s);
  if (first === null || !SOCIAL.has(first[0].toLowerCase())) return false;
  const words = s.toLowerCase().replace(/[|·•,:/]+/g, ' ').split(/\s+/).filter(Boolean);
  return words.length >= 2 && words.every((w) => SOCIAL.has(w));
}

/** "Home > World > Middle East": short items joined by arrows or slashes. */
function isBreadcrumb(s: string): boolean {
  const items = s.split(/\s+[>›»/|]\s+/);
  return items.length >= 2 && s.length <= 80 && items.every((i) => /^[\p{Lu}\p{N}][\p{L}\p{N}&'’ -]{0,24}$/u.test(i) && i.split(/\s+/).length <= 3);
}

export const navigation: CleanRule = ({ text }) => {
  const edgeStarts = new Set([...headLines(text), ...tailLines(text)].map((l) => l.start));
  const edits = contentLines(text).flatMap((l) => {
    const s = l.text.trim();
    const atEdge = edgeStarts.has(l.start);
    if (ANYWHERE.test(s) || STORY_LINK.test(s) || isShareBar(s)) return [blankLine(l, 'blanked navigation label')];
    if (atEdge && (AT_EDGES.test(s) || isBreadcrumb(s))) return [blankLine(l, 'blanked navigation label')];
    return [];
  });
  return { edits };
};
