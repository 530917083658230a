// Shared by the ingest tests: writing input files under a scratch folder, and the offset contract
// every SourceDoc keeps (text as long as raw, words and line breaks where they are in raw).
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import type { SourceDoc } from '../../src/notes/model.ts';

/** A writer of files under `tmp` that returns each file's path relative to `root`. */
export function fileWriter(root: string, tmp: string): (rel: string, content: string | Uint8Array) => string {
  return (rel, content) => {
    const file = path.join(tmp, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
    return path.relative(root, file);
  };
}

/**
 * The offset contract. `sameCase: false` lets a word differ in case only, for sources that repair
 * truecases; line breaks stay in place and cleaning steps stay inside raw.
 */
export function expectOffsetsKept(d: SourceDoc, { sameCase = true }: { sameCase?: boolean } = {}): void {
  expect(d.text.length, d.path).toBe(d.raw.length);
  const fold = (s: string) => (sameCase ? s : s.toLowerCase());
  for (const m of d.text.matchAll(/[\p{L}\p{N}]+/gu)) expect(fold(d.raw.slice(m.index, m.index + m[0].length))).toBe(fold(m[0]));
  for (let k = 0; k < d.raw.length; k++) if (d.raw[k] === '\n' || d.raw[k] === '\r') expect(d.text[k]).toBe(d.raw[k]);
  for (const s of d.cleaning) expect(s.end).toBeLessThanOrEqual(d.raw.length);
}
