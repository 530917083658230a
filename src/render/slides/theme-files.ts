// The briefing theme's files on disk (slides/theme/ in this package), and copying them beside a
// deck written elsewhere, since the deck names its theme by the relative path `./theme`.
import { cpSync, existsSync, readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_THEME } from './headmatter.ts';

/** The theme folder shipped with the package. */
export const THEME_SOURCE = fileURLToPath(new URL('../../../slides/theme/', import.meta.url));

/**
 * Make `deckDir/theme` the package's theme: copied file by file (overwriting older copies), or left
 * alone when `deckDir` is the package's own slides/ folder. Returns the theme folder used.
 */
export function installTheme(deckDir: string): string {
  const target = path.resolve(deckDir, DEFAULT_THEME);
  const source = path.resolve(THEME_SOURCE);
  if (existsSync(target) && realpathSync(target) === realpathSync(source)) return target;
  cpSync(source, target, { recursive: true, force: true });
  return target;
}

/** The headmatter's first line when the deck names the briefing theme (see renderHeadmatter). */
const NAMES_OUR_THEME = new RegExp(`^---\\r?\\ntheme: ${DEFAULT_THEME.replace(/[./]/g, '\\$&')}\\r?\\n`);

/**
 * Bring the theme beside `deck` up to date when the deck names the briefing theme: a deck made by an
 * older briefing keeps the copy made then, and Slidev uses whatever is beside the deck (an older copy
 * lacks what lets a deck outside the package draw its diagram and fail a broken export). Returns
 * whether it did.
 */
export function refreshTheme(deck: string): boolean {
  if (!NAMES_OUR_THEME.test(readFileSync(deck, 'utf8'))) return false;
  installTheme(path.dirname(path.resolve(deck)));
  return true;
}
