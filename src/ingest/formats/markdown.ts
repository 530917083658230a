// Markdown: decoded, frontmatter read as metadata and blanked, markup blanked; offsets unchanged.
import type { CleaningStep } from '../../notes/model.ts';
import { decodeText } from '../decode.ts';
import { applyEdits, sortSteps, type NamedEdit, toStep } from '../edits.ts';
import { readFrontmatter } from './frontmatter.ts';
import { markdownSyntaxEdits } from './markdown-syntax.ts';
import type { FormatReader } from './types.ts';

export const markdownReader: FormatReader = {
  name: 'Markdown',
  read(bytes) {
    const d = decodeText(bytes);
    if (!d.ok) return { problem: d.message, hint: d.hint };
    const raw = d.text;
    const fm = readFrontmatter(raw);
    const edits: NamedEdit[] = [];
    if (fm) edits.push({ rule: 'frontmatter', start: 0, end: fm.end, note: 'frontmatter read as metadata' });
    edits.push(...markdownSyntaxEdits(raw, fm?.end ?? 0).map((e) => ({ ...e, rule: 'markdown-syntax' })));
    const steps: CleaningStep[] = sortSteps(edits.map(toStep));
    return { raw, text: applyEdits(raw, edits), format: 'markdown', meta: fm?.meta ?? {}, steps, warnings: [...d.warnings, ...(fm?.warnings ?? [])] };
  },
};
