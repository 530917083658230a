// The markdown-it token stream cut into blocks (a paragraph, a list, a list item, a blockquote…),
// so section readers walk a tree instead of counting nesting levels.
import type { Token } from 'markdown-it';

export interface Block {
  /** `paragraph`, `bullet_list`, `list_item`, `blockquote`, `heading`, `fence`, `hr`, `table`… */
  type: string;
  /** The block's tokens, its open and close tokens included. */
  tokens: Token[];
  /** 1-based first line. */
  line: number;
}

/** The blocks at `level` in a token run (a whole document at level 0, or a block's inside). */
export function blocks(tokens: readonly Token[], level = 0): Block[] {
  const out: Block[] = [];
  for (let k = 0; k < tokens.length; k++) {
    const open = tokens[k]!;
    if (open.level !== level) continue;
    let end = k;
    if (open.nesting === 1) {
      const close = open.type.replace(/_open$/, '_close');
      while (end < tokens.length && !(tokens[end]!.level === level && tokens[end]!.type === close)) end++;
    }
    out.push({ type: open.type.replace(/_open$/, ''), tokens: tokens.slice(k, end + 1), line: (open.map?.[0] ?? 0) + 1 });
    k = end;
  }
  return out;
}

/** The blocks inside a block. */
export const children = (b: Block): Block[] => blocks(b.tokens.slice(1, -1), (b.tokens[0]?.level ?? 0) + 1);

/** A paragraph's raw inline Markdown (its `inline` token's content). */
export const inlineOf = (b: Block): string => b.tokens.find((t) => t.type === 'inline')?.content ?? '';

/** A short name for a block in messages. */
export function describe(b: Block): string {
  const names: Record<string, string> = {
    paragraph: 'a paragraph', bullet_list: 'a list', ordered_list: 'a numbered list', blockquote: 'a blockquote',
    heading: 'a heading', fence: 'a code block', code_block: 'an indented code block', hr: 'a horizontal rule', table: 'a table',
    html_block: 'HTML',
  };
  return names[b.type] ?? b.type;
}
