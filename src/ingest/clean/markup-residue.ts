// Blanks wiki and image markup left in copied text: image sizes ("150px", "thumb|200px|"), templates
// ("{{cite news|…}}") and link brackets ("[[Airline|airlines]]" keeps "airlines"). Such residue is no one's words.
import type { Edit } from '../edits.ts';
import type { CleanRule } from './types.ts';

/** Image parameters of wiki markup, joined by pipes: "thumb|right|200px|". */
const IMAGE_PARAM = String.raw`(?:\d{2,4}(?:x\d{2,4})?px|thumb(?:nail)?|frame(?:less)?|upright|left|right|center|none)`;
/** A run of two or more parameters joined by "|", or one with a pipe on either side: markup, never prose. */
const PIPED_PARAMS = new RegExp(String.raw`\|?\b${IMAGE_PARAM}(?:\|${IMAGE_PARAM})*\|`, 'gi');
/**
 * A lone image size where no sentence has begun ("150px Airbus, Europe's biggest …"): at the start of a line
 * or right after a sentence's end. A size in running prose ("a 960px-wide banner") stays.
 */
const LEADING_SIZE = /(?<=^|[.!?]["”’)]?[ \t]+|\n[ \t]*)\d{2,4}(?:x\d{2,4})?px\b(?=[ \t]|$)/gm;
/** "{{…}}" on one line: a template (citation, infobox field, date) that renders as no prose. */
const TEMPLATE = /\{\{[^{}\n]{0,300}\}\}/g;
/** "[[File:…]]", "[[Image:…]]": an embedded picture with its caption parameters. */
const FILE_LINK = /\[\[(?:File|Image|Media):[^[\]\n]{0,300}\]\]/gi;
/** "[[target|label]]" or "[[label]]": the label is prose, the brackets and target are markup. */
const LINK = /\[\[(?:([^[\]|\n]{1,120})\|)?([^[\]|\n]{1,120})\]\]/g;

export const markupResidue: CleanRule = ({ text }) => {
  const edits: Edit[] = [];
  const add = (start: number, end: number, note: string) => edits.push({ start, end, note });
  // Each pattern is run only on a text holding what it cannot match without ("[[", "{{", "|", "px"): most
  // texts hold none, and the patterns would otherwise try every position of them.
  const links = text.includes('[[');
  if (links) for (const m of text.matchAll(FILE_LINK)) add(m.index, m.index + m[0].length, 'blanked embedded image markup');
  if (text.includes('{{')) for (const m of text.matchAll(TEMPLATE)) add(m.index, m.index + m[0].length, 'blanked template markup');
  if (links) for (const m of text.matchAll(LINK)) {
    if (/^(?:File|Image|Media):/i.test(m[0].slice(2))) continue;
    const labelStart = m.index + m[0].length - 2 - m[2]!.length;
    add(m.index, labelStart, 'blanked link markup');
    add(m.index + m[0].length - 2, m.index + m[0].length, 'blanked link markup');
  }
  if (text.includes('|')) for (const m of text.matchAll(PIPED_PARAMS)) add(m.index, m.index + m[0].length, 'blanked image parameters');
  if (text.includes('px')) for (const m of text.matchAll(LEADING_SIZE)) add(m.index, m.index + m[0].length, 'blanked image size');
  // Overlapping finds (a size inside a file link) are blanked once: blanking twice changes nothing, but the
  // steps should list each span once, so keep the first of overlapping edits in text order.
  edits.sort((a, b) => a.start - b.start || b.end - a.end);
  return { edits: edits.filter((e, k) => !edits.slice(0, k).some((p) => p.start <= e.start && e.end <= p.end)) };
};
