// The vendored notes checker must be the official one (bar its two-line header), so tests run on a
// clone without ../shared check exactly what the official tool checks.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { OFFICIAL_CHECKER, VENDORED_CHECKER } from './helpers/notes-checker.ts';

const body = (file: string) => readFileSync(file, 'utf8').split('\n').filter((l) => !l.startsWith('#!') && !l.startsWith('// Vendored copy') && !l.startsWith('// the shared folder is not beside'));

describe('vendored notes checker', () => {
  it.skipIf(!existsSync(OFFICIAL_CHECKER))('matches ../shared/tools/check-notes-format.mjs line for line', () => {
    expect(body(VENDORED_CHECKER)).toEqual(body(OFFICIAL_CHECKER));
  });
});
