// A small XML reader for the corpora's regular, machine-written XML (MEANTIME): elements, attributes, text.
// Hand-written because the project declares no XML parser; it handles what these files use
// (declarations, comments, CDATA, the five named entities and numeric references) and throws on anything malformed.

/** One element: its name, attributes, children in order, and its direct text. */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  /** Concatenated text directly inside this element (entities decoded). */
  text: string;
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decode the XML predefined entities and numeric character references. */
export function decodeXmlEntities(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, body: string) => {
    if (body.startsWith('#x')) return String.fromCodePoint(parseInt(body.slice(2), 16));
    if (body.startsWith('#')) return String.fromCodePoint(parseInt(body.slice(1), 10));
    return NAMED[body] ?? whole;
  });
}

const ATTR = /([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

function parseAttrs(src: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const m of src.matchAll(ATTR)) attrs[m[1]!] = decodeXmlEntities(m[2] ?? m[3] ?? '');
  return attrs;
}

/** Parse a document and return its root element. */
export function parseXml(source: string): XmlElement {
  const root: XmlElement = { name: '#document', attrs: {}, children: [], text: '' };
  const stack: XmlElement[] = [root];
  let i = 0;
  while (i < source.length) {
    const lt = source.indexOf('<', i);
    const top = stack[stack.length - 1]!;
    if (lt === -1) { top.text += decodeXmlEntities(source.slice(i)); break; }
    if (lt > i) top.text += decodeXmlEntities(source.slice(i, lt));
    if (source.startsWith('<!--', lt)) { i = endOf(source, '-->', lt); continue; }
    if (source.startsWith('<?', lt)) { i = endOf(source, '?>', lt); continue; }
    if (source.startsWith('<![CDATA[', lt)) {
      const end = endOf(source, ']]>', lt);
      top.text += source.slice(lt + 9, end - 3);
      i = end;
      continue;
    }
    if (source.startsWith('<!', lt)) { i = endOf(source, '>', lt); continue; }
    const gt = source.indexOf('>', lt);
    if (gt === -1) throw new Error(`XML: unterminated tag at offset ${lt}`);
    const tag = source.slice(lt + 1, gt);
    i = gt + 1;
    if (tag.startsWith('/')) {
      const name = tag.slice(1).trim();
      const open = stack.pop();
      if (!open || open.name !== name || stack.length === 0) throw new Error(`XML: </${name}> does not close <${open?.name ?? '?'}> at offset ${lt}`);
      continue;
    }
    const selfClosing = tag.endsWith('/');
    const body = selfClosing ? tag.slice(0, -1) : tag;
    const nameMatch = /^[A-Za-z_][\w.:-]*/.exec(body);
    if (!nameMatch) throw new Error(`XML: bad tag <${tag}> at offset ${lt}`);
    const el: XmlElement = { name: nameMatch[0], attrs: parseAttrs(body.slice(nameMatch[0].length)), children: [], text: '' };
    top.children.push(el);
    if (!selfClosing) stack.push(el);
  }
  if (stack.length !== 1) throw new Error(`XML: <${stack[stack.length - 1]!.name}> is never closed`);
  const [first] = root.children;
  if (!first || root.children.length !== 1) throw new Error('XML: expected exactly one root element');
  return first;
}

function endOf(source: string, marker: string, from: number): number {
  const at = source.indexOf(marker, from);
  if (at === -1) throw new Error(`XML: unterminated ${marker} construct at offset ${from}`);
  return at + marker.length;
}

/** Direct children with the given name. */
export function childrenNamed(el: XmlElement, name: string): XmlElement[] {
  return el.children.filter((c) => c.name === name);
}
