// A DOM subtree as reading text: paragraphs and headings apart by a blank line, list items and table rows
// each on a line of their own, whitespace folded as a browser folds it, and nothing a reader never sees
// (scripts, styles, templates, hidden elements, form controls).

/** The few DOM members the walk needs, so linkedom's and a browser's nodes both fit. */
interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  firstChild: DomNode | null;
  nextSibling: DomNode | null;
  getAttribute?: (name: string) => string | null;
}

/** Elements whose content is never text a reader sees. */
const NEVER_TEXT = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'CANVAS', 'IFRAME', 'OBJECT', 'EMBED', 'HEAD', 'TITLE', 'META', 'LINK', 'BUTTON', 'SELECT', 'OPTION', 'TEXTAREA', 'INPUT', 'MATH']);

/** Elements that stand on a line of their own but belong to a run (a list, a table, a definition list). */
const LINE_BLOCKS = new Set(['LI', 'DT', 'DD', 'TR', 'CAPTION', 'FIGCAPTION', 'LEGEND', 'SUMMARY']);

/** Elements that start and end a paragraph; a heading is a one-line paragraph, apart from the text it heads. */
const PARAGRAPH_BLOCKS = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'P', 'DIV', 'SECTION', 'ARTICLE', 'MAIN', 'HEADER', 'FOOTER', 'NAV', 'ASIDE', 'BLOCKQUOTE', 'PRE', 'FIGURE', 'TABLE', 'TBODY', 'THEAD', 'TFOOT', 'UL', 'OL', 'DL', 'MENU', 'FORM', 'FIELDSET', 'ADDRESS', 'CENTER', 'DETAILS', 'HR', 'BODY', 'HTML']);

/** Table cells are apart by a space-like gap, not a line: a row is one line, as it reads. */
const CELLS = new Set(['TD', 'TH']);

function isHidden(node: DomNode): boolean {
  const attr = (name: string) => node.getAttribute?.(name) ?? null;
  if (attr('hidden') !== null || attr('aria-hidden') === 'true') return true;
  return /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(attr('style') ?? '');
}

/** What the walk builds: finished blocks, and the inline text of the one being written. */
class BlockWriter {
  readonly blocks: Array<{ text: string; kind: 'line' | 'paragraph' }> = [];
  private current = '';
  private kind: 'line' | 'paragraph' = 'paragraph';

  add(text: string): void {
    this.current += text;
  }

  /** A forced line break (`<br>`) inside the block being written. */
  lineBreak(): void {
    this.current = this.current.replace(/ +$/, '') + '\n';
  }

  /** End the block being written, if it has text; `kind` says how it is set apart from the next. */
  flush(kind: 'line' | 'paragraph' = this.kind): void {
    const text = this.current.split('\n').map((l) => l.replace(/[ \t]+/g, ' ').trim()).filter((l) => l !== '').join('\n');
    if (text !== '') this.blocks.push({ text, kind });
    this.current = '';
    this.kind = 'paragraph';
  }

  startBlock(kind: 'line' | 'paragraph'): void {
    this.flush();
    this.kind = kind;
  }
}

function walk(node: DomNode, out: BlockWriter, pre: boolean): void {
  if (node.nodeType === 3) {
    const s = node.textContent ?? '';
    out.add(pre ? s : s.replace(/[\s\u200B]+/g, ' '));
    return;
  }
  if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return;
  const name = node.nodeName.toUpperCase();
  if (NEVER_TEXT.has(name) || (node.nodeType === 1 && isHidden(node))) return;
  if (name === 'BR') return out.lineBreak();
  const line = LINE_BLOCKS.has(name);
  const block = line || PARAGRAPH_BLOCKS.has(name);
  if (block) out.startBlock(line ? 'line' : 'paragraph');
  if (CELLS.has(name)) out.add(' ');
  const inPre = pre || name === 'PRE';
  // Siblings by link, not `childNodes[k]`: linkedom builds a new child list on every `childNodes` read,
  // which made a large page quadratic.
  for (let child = node.firstChild; child; child = child.nextSibling) walk(child, out, inPre);
  if (CELLS.has(name)) out.add(' ');
  if (block) out.flush(line ? 'line' : 'paragraph');
}

/**
 * The text of `root`. Two lines in a row (list items, table rows) are apart by one line break;
 * anything next to a paragraph by a blank line, so paragraphs stay paragraphs.
 */
export function domToText(root: DomNode): string {
  const out = new BlockWriter();
  walk(root, out, false);
  out.flush();
  let text = '';
  out.blocks.forEach((b, k) => {
    if (k > 0) text += b.kind === 'line' && out.blocks[k - 1]!.kind === 'line' ? '\n' : '\n\n';
    text += b.text;
  });
  return text;
}
