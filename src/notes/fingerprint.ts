// Telling a drafted notes file from one the analyst has edited: the draft carries a `drafted:`
// frontmatter line holding a hash of the rest of the file; any other change makes them disagree.
import { createHash } from 'node:crypto';
import YAML from 'yaml';

const DRAFTED = /^drafted:(.*)$/;
const COMMENT = '# fingerprint of the draft; a file whose body no longer matches it was edited by hand';

/** Line endings and a BOM are not edits (an editor or git on Windows may change them). */
const canonical = (markdown: string): string[] => markdown.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n');

/** Index of the frontmatter's closing `---`, or -1 when the file has no frontmatter. */
function frontmatterEnd(lines: readonly string[]): number {
  return lines[0] === '---' ? lines.indexOf('---', 1) : -1;
}

/** The `drafted:` lines of the frontmatter (by index). */
function draftedLines(lines: readonly string[]): number[] {
  const end = frontmatterEnd(lines);
  const found: number[] = [];
  for (let k = 1; k < end; k++) if (DRAFTED.test(lines[k]!)) found.push(k);
  return found;
}

/** sha256 (hex, first 16 digits) of the file with its `drafted:` line removed. */
export function draftFingerprint(markdown: string): string {
  const lines = canonical(markdown);
  const skip = new Set(draftedLines(lines));
  const rest = lines.filter((_, k) => !skip.has(k)).join('\n');
  return createHash('sha256').update(rest, 'utf8').digest('hex').slice(0, 16);
}

/** The fingerprint the `drafted:` line records, or null when there is none. */
export function recordedFingerprint(markdown: string): string | null {
  const lines = canonical(markdown);
  const at = draftedLines(lines);
  if (at.length !== 1) return null;
  let value: unknown;
  try {
    value = YAML.parse(lines[at[0]!]!, { schema: 'failsafe' })?.drafted;
  } catch {
    return null; // a damaged line records nothing
  }
  return typeof value === 'string' && /^[0-9a-f]{16}$/.test(value) ? value : null;
}

/** True unless the file carries a `drafted:` fingerprint that still matches its content. */
export function isHandEdited(markdown: string): boolean {
  return recordedFingerprint(markdown) !== draftFingerprint(markdown);
}

/** The file with a `drafted:` line (its own fingerprint) as the last line of its frontmatter. */
export function withDraftedLine(markdown: string): string {
  const lines = markdown.split('\n');
  const end = frontmatterEnd(lines);
  if (end < 0 || draftedLines(lines).length) throw new Error('withDraftedLine: needs frontmatter without a drafted line');
  const line = `${YAML.stringify({ drafted: draftFingerprint(markdown) }).trimEnd()}   ${COMMENT}`;
  return [...lines.slice(0, end), line, ...lines.slice(end)].join('\n');
}
