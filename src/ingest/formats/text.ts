// Plain text: decoded, nothing else; the cleaning rules do the rest.
import { decodeText } from '../decode.ts';
import type { FormatReader } from './types.ts';

export const textReader: FormatReader = {
  name: 'plain text',
  read(bytes) {
    const d = decodeText(bytes);
    if (!d.ok) return { problem: d.message, hint: d.hint };
    return { raw: d.text, text: d.text, format: 'text', meta: {}, steps: [], warnings: d.warnings };
  },
};
