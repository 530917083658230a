// The slide plan: what each PPTX slide holds, as plain data, before pptxgenjs writes it. Builders
// make it from the notes (pure); write.ts turns it into a file; tests can inspect either.
import type { Trend } from '../../notes/model.ts';
import type { Para } from './fit.ts';
import type { Box } from './theme.ts';

export type Block =
  /** A text box whose paragraphs fit it at `pt` (measured by fit.ts). */
  | { kind: 'text'; box: Box; pt: number; paras: Para[]; align?: 'left' | 'center'; valign?: 'top' | 'middle'; fill?: string; line?: string; name: string }
  /** A filled shape with no text (a card behind a figure). */
  | { kind: 'rect'; box: Box; fill: string; line?: string; rounded?: boolean }
  /** A connector between two points (inches); an arrow at `to`. */
  | { kind: 'line'; from: [number, number]; to: [number, number]; colour: string; dash?: boolean; arrow?: boolean }
  /** A native line chart of one or more trends over a shared date axis. */
  | { kind: 'chart'; box: Box; trends: Trend[] }
  /** A picture (PNG bytes), with alternative text for screen readers. */
  | { kind: 'image'; box: Box; png: Uint8Array; alt: string };

export interface SlideSpec {
  /** Which slide master lays it out. */
  master: 'TITLE' | 'CONTENT';
  /** The slide's title, in the master's title placeholder. */
  title: string;
  /** Title size that fits the placeholder. */
  titlePt: number;
  blocks: Block[];
  /** Speaker notes: each item's citations and the sentences it rests on. */
  notes: string;
}
