// The Typst compiler behind the handout: one instance, created on first use and reused, since the
// fit loop lays the page out several times and creating a compiler costs more than a layout.
import { readFileSync } from 'node:fs';
import { NodeCompiler, type NodeTypstDocument } from '@myriaddreamin/typst-ts-node-compiler';
import { BriefingError } from '../../errors.ts';
import type { HandoutData } from './payload.ts';

let compiler: NodeCompiler | undefined;
const templates = new Map<string, string>();

/** The templates beside this file: the one-page summary, and the speaker-notes handout. */
export type TemplateName = 'template.typ' | 'notes-template.typ';

function typst(name: TemplateName): { compiler: NodeCompiler; template: string } {
  let template = templates.get(name);
  if (template === undefined) {
    template = readFileSync(new URL(`./${name}`, import.meta.url), 'utf8');
    templates.set(name, template);
  }
  // System fonts are searched by default: Noto CJK and DejaVu (Arabic, Hebrew) are found there.
  compiler ??= NodeCompiler.create();
  return { compiler, template };
}

/** Create the compiler now (a system font search) rather than at the first layout. */
export function warmCompiler(): void {
  typst('template.typ');
}

/**
 * Lay a document out (no PDF yet): enough to count its pages. `data` reaches the template as
 * `sys.inputs.data`; `files` (an SVG, say) as further inputs, strings the template reads as bytes.
 */
export function layout(data: HandoutData | object, name: TemplateName = 'template.typ', files: Record<string, string> = {}): NodeTypstDocument {
  const { compiler, template } = typst(name);
  const result = compiler.compile({ mainFileContent: template, inputs: { ...files, data: JSON.stringify(data) } });
  const doc = result.result;
  if (doc) return doc;
  const error = result.takeError();
  const messages = (error?.shortDiagnostics ?? []).map((d: { message?: unknown }) => String(d.message ?? d));
  throw new BriefingError('TOOL_FAILED', `Typst could not lay out the handout: ${messages.join('; ') || 'unknown error'}`, {
    hint: 'this is a bug in the handout template; please report it with the notes file',
  });
}

/** The values of the `metadata` elements labelled `label` in a laid-out document. */
export function metadataValues(doc: NodeTypstDocument, label: string): unknown[] {
  const { compiler } = typst('template.typ');
  const found: unknown = compiler.query(doc, { selector: `<${label}>`, field: 'value' });
  return Array.isArray(found) ? found : [];
}

/** The PDF of a document `layout` returned. */
export function toPdf(doc: NodeTypstDocument): Uint8Array {
  const { compiler } = typst('template.typ');
  return Uint8Array.from(compiler.pdf(doc));
}

/** Let the compiler forget layouts it has not reused lately, so a long-lived process stays small. */
export function trimCache(): void {
  compiler?.evictCache(10);
}
