// Where the official notes format checker lives: ../shared/tools beside the checkout when it is there,
// else the vendored copy in test/tools (kept identical by test/notes-checker.test.ts).
import { existsSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');
export const OFFICIAL_CHECKER = path.resolve(root, '../shared/tools/check-notes-format.mjs');
export const VENDORED_CHECKER = path.join(root, 'test/tools/check-notes-format.mjs');
export const NOTES_CHECKER = existsSync(OFFICIAL_CHECKER) ? OFFICIAL_CHECKER : VENDORED_CHECKER;
