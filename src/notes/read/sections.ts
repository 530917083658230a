// The body cut into its `##` sections: unknown, repeated, missing and misplaced sections and stray
// content are reported here, so each section reader sees only its own blocks.
import { NOTES_SECTIONS } from '../model.ts';
import { blocks, describe, inlineOf, type Block } from './blocks.ts';
import type { Token } from 'markdown-it';
import type { ReadContext } from './context.ts';
import { toPlain } from './inline.ts';

export type SectionName = (typeof NOTES_SECTIONS)[number];

/** Every section's blocks (none for a missing section), and the sections missing (reported). */
export function splitSections(tokens: readonly Token[], ctx: ReadContext, lastLine: number): { blocks: Map<SectionName, Block[]>; missing: Set<SectionName> } {
  const missing = new Set<SectionName>();
  const found = new Map<SectionName, Block[]>();
  const headings: { name: SectionName; line: number }[] = [];
  let current: Block[] | null = null;
  let inUnknown = false;
  for (const b of blocks(tokens)) {
    if (b.type === 'heading' && b.tokens[0]?.tag === 'h2') {
      const title = toPlain(inlineOf(b)).text;
      const name = NOTES_SECTIONS.find((s) => s.toLowerCase() === title.toLowerCase());
      inUnknown = !name;
      if (!name) {
        ctx.error(b.line, `unknown section "## ${title}" (its content is not read)`, `the sections are ${NOTES_SECTIONS.join(', ')}`);
        current = null;
        continue;
      }
      if (found.has(name)) ctx.error(b.line, `section "## ${name}" appears twice`, 'merge the two into one');
      else {
        found.set(name, []);
        headings.push({ name, line: b.line });
      }
      current = found.get(name)!;
    } else if (current) current.push(b);
    else if (!inUnknown) ctx.error(b.line, `${describe(b)} before the first section (the title belongs in the frontmatter)`);
  }
  NOTES_SECTIONS.forEach((name, k) => {
    if (found.has(name)) return;
    const next = headings.find((h) => NOTES_SECTIONS.indexOf(h.name) > k);
    ctx.error(next?.line ?? lastLine, `missing section "## ${name}" (write it even when empty)`);
    missing.add(name);
  });
  let furthest = -1;
  for (const h of headings) {
    const k = NOTES_SECTIONS.indexOf(h.name);
    if (k < furthest) ctx.error(h.line, `section "## ${h.name}" is out of order`, `the order is ${NOTES_SECTIONS.join(', ')}`);
    furthest = Math.max(furthest, k);
  }
  return { blocks: found, missing };
}
