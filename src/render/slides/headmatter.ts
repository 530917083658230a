// The deck's headmatter: Slidev settings for an offline, plain deck, and the briefing's title.
import { BriefingError } from '../../errors.ts';
import { yamlString } from './escape.ts';

/**
 * Settings, all ours. Each keeps the deck offline or plain:
 * - `fonts.provider: none`: otherwise Slidev links Google Fonts;
 * - `favicon: ""`: the default favicon is loaded from a CDN;
 * - `mdc: false`, `monaco: false`, `twoslash: false`: no extra syntax, no code editor in the bundle;
 * - `transition: none`: a steady deck; `colorSchema: auto`: the theme has a light and a dark look
 *   (the presenter's system chooses; exports are light);
 * - `titleTemplate: "%s"`: the tab shows the briefing title, not "… - Slidev";
 * - `hide: true`: the headmatter is the first slide's frontmatter, and Slidev compiles that slide's
 *   `title` as Markdown into a Vue component (its title renderer). Model titles are not safe there,
 *   so the headmatter sits on an empty hidden slide, and the cover is the next slide with a
 *   navigation title of plain words.
 */
const SETTINGS = `fonts:
  provider: none
favicon: ""
mdc: false
monaco: false
twoslash: false
download: false
info: false
transition: none
colorSchema: auto
aspectRatio: 16/9
canvasWidth: 980
titleTemplate: "%s"
hide: true`;

/**
 * The briefing theme: a local theme folder beside the deck (committed as slides/theme/, copied
 * beside a deck written elsewhere by `installTheme`).
 */
export const DEFAULT_THEME = './theme';

/** Theme names as npm package names or local paths: nothing that could end the YAML value or the block (`---`). */
const THEME_NAME = /^(\.\.?\/)*[@\w][\w@./-]*$/;

/** The headmatter block, with its `---` lines. */
export function renderHeadmatter(title: string, theme = DEFAULT_THEME): string {
  if (!THEME_NAME.test(theme) || theme.includes('--')) throw new BriefingError('USAGE', `not a theme name: ${JSON.stringify(theme)}`, { hint: 'give a Slidev theme package name such as "default" or "seriph"' });
  return `---\ntheme: ${theme}\ntitle: ${yamlString(title)}\n${SETTINGS}\n---\n`;
}
