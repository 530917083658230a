// A deck written outside this package (the user's own folder, here under the system's temporary
// folder, with a space in its path) renders every slide: the "who backs whom" slide draws its
// Mermaid diagram instead of Slidev's error box (slides/theme/setup/vite-plugins.ts), and an export
// of a deck whose diagram cannot be drawn fails, naming the slide, instead of writing a picture of
// the error (slides/theme/layouts/error.vue and relations.vue, notDrawnSlides in slidev.ts).
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-chromium';
import { afterAll, describe, expect, it } from 'vitest';
import { planSlides, renderSlides } from '../src/render/slides/index.ts';
import { exportDeck, findChromium, notDrawnSlides } from '../src/render/slides/slidev.ts';
import { installTheme } from '../src/render/slides/theme-files.ts';
import { depsFromSlidev, packageFrom } from '../slides/theme/setup/vite-plugins.ts';
import { buildAndServeDeck, checkSlides, launchBrowser, openDeck } from './helpers/deck-browser.ts';
import { richNotes } from './helpers/deck-fixtures.ts';

const PACKAGE = fileURLToPath(new URL('..', import.meta.url));
const CLI_ROOT = packageFrom(PACKAGE, '@slidev/cli') ?? '';
const CLIENT_ROOT = packageFrom(CLI_ROOT, '@slidev/client') ?? '';
/** Slidev 52's chains, as its config plugin sets them (node/vite/extendConfig.ts). */
const CHAINS = ['lz-string', 'file-saver', 'yaml'].map((d) => `@slidev/cli > @slidev/client > ${d}`);

/** A fresh folder outside the package, with a space in its name. */
function outsideFolder(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'briefing deck '));
}

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

describe("Slidev's pre-bundled packages from any folder", () => {
  it('leaves a deck inside the package as Slidev sets it up', () => {
    const include = [...CHAINS];
    expect(depsFromSlidev({ cliRoot: CLI_ROOT, clientRoot: CLIENT_ROOT, userRoot: path.join(PACKAGE, 'slides') }, { optimizeDeps: { include } })).toBeNull();
    expect(include).toEqual(CHAINS);
  });

  it("names each package by itself, found beside Slidev's client, for a deck elsewhere", () => {
    const dir = outsideFolder();
    made.push(dir);
    const include = [...CHAINS, 'some-other-dep'];
    const result = depsFromSlidev({ cliRoot: CLI_ROOT, clientRoot: CLIENT_ROOT, userRoot: dir }, { optimizeDeps: { include } });
    expect(include).toEqual(['lz-string', 'file-saver', 'yaml', 'some-other-dep']);
    expect(result?.resolve.alias).toEqual(['lz-string', 'file-saver', 'yaml'].map((d) => ({ find: d, replacement: packageFrom(CLIENT_ROOT, d) })));
    for (const { replacement } of result?.resolve.alias ?? []) expect(existsSync(path.join(replacement, 'package.json'))).toBe(true);
  });

  it('treats a folder whose node_modules holds another Slidev as elsewhere', () => {
    const dir = outsideFolder();
    made.push(dir);
    mkdirSync(path.join(dir, 'node_modules', '@slidev', 'cli'), { recursive: true });
    writeFileSync(path.join(dir, 'node_modules', '@slidev', 'cli', 'package.json'), '{"name":"@slidev/cli"}');
    const include = [...CHAINS];
    expect(depsFromSlidev({ cliRoot: CLI_ROOT, clientRoot: CLIENT_ROOT, userRoot: path.join(dir, 'slides') }, { optimizeDeps: { include } })).not.toBeNull();
    expect(include).toEqual(['lz-string', 'file-saver', 'yaml']);
  });
});

describe("reading Slidev's export output for slides that did not render", () => {
  // As `slidev export` prints it when a `data-waitfor` selector never appears (then it exits 0).
  const timeout = (no: number, nth: number): string => [
    'locator.waitFor: Timeout 30000ms exceeded.',
    'Call log:',
    `\u001b[2m  - waiting for locator('body').locator('[data-waitfor]').nth(${nth}).locator('.mermaid svg, [data-not-drawn=\\'slide ${no}\\']') to be visible\u001b[22m`,
    '  log: [',
    `    "  - waiting for locator('body').locator('[data-waitfor]').nth(${nth}).locator('.mermaid svg, [data-not-drawn=\\\\'slide ${no}\\\\']') to be visible"`,
    '',
  ].join('\n');

  it('finds the slide numbers, once each, in order', () => {
    expect(notDrawnSlides(`✓ exported to ./deck\n`)).toEqual([]);
    expect(notDrawnSlides(timeout(6, 0))).toEqual([6]);
    expect(notDrawnSlides(timeout(12, 1) + timeout(6, 0) + timeout(12, 1))).toEqual([6, 12]);
    expect(notDrawnSlides(`locator('[data-not-drawn="slide 3"]')`)).toEqual([3]);
  });
});

const chromium = findChromium();
const withBrowser = chromium || process.env.CI ? describe : describe.skip;
if (!chromium) console.warn('skipping the deck-in-any-folder browser tests: no Chromium found (install chromium or set BRIEFING_CHROMIUM)');
const SLOW = 900_000;

withBrowser('a deck outside the package, in Chromium', () => {
  const notes = richNotes();
  const relations = planSlides(notes).findIndex((s) => s.layout === 'relations') + 1;
  let browser: Browser | undefined;
  let server: Server | undefined;
  afterAll(async () => {
    await browser?.close();
    server?.close();
  });

  it('draws the "who backs whom" diagram, with no error on any slide', { timeout: SLOW }, async () => {
    expect(relations).toBeGreaterThan(0);
    const dir = outsideFolder();
    made.push(dir);
    const built = await buildAndServeDeck(path.join(dir, 'my slides'), renderSlides(notes));
    server = built.server;
    browser = await launchBrowser(chromium ?? '/usr/bin/chromium');
    const page = await openDeck(browser, built.url);
    const slides = await checkSlides(page, 1, planSlides(notes).length);
    const drawing = await page.evaluate(async (no) => {
      window.history.pushState({}, '', `/${no}`);
      window.dispatchEvent(new PopStateEvent('popstate'));
      await new Promise((r) => setTimeout(r, 500));
      const current = document.querySelector(`#slide-content .slidev-page-${no}`);
      return { svg: current?.querySelector('.mermaid')?.shadowRoot?.querySelectorAll('svg').length ?? 0, text: current?.textContent ?? '' };
    }, relations);
    expect(drawing.svg).toBe(1);
    expect(drawing.text).toContain('Who backs whom');
    expect(drawing.text).not.toMatch(/An error occurred|Parse error|Syntax error/);
    expect(slides.filter((s) => s.error).map((s) => s.no)).toEqual([]);
    expect(slides[relations - 1]?.text).toMatch(/backs/);
  });

  it('fails an export whose diagram cannot be drawn, naming the slide, and writes nothing', { timeout: SLOW }, async () => {
    const dir = path.join(outsideFolder(), 'broken deck');
    made.push(path.dirname(dir));
    mkdirSync(dir);
    // A hand edit that breaks the Mermaid code: an edge label never closed.
    const markdown = renderSlides(notes).replace(/^(\s*n\d+) -->\|backs\| (n\d+)$/m, '$1 -->|backs $2 ((( broken');
    expect(markdown).toContain('((( broken');
    writeFileSync(path.join(dir, 'slides.md'), markdown);
    installTheme(dir);
    const output = path.join(dir, 'png');
    await expect(exportDeck(path.join(dir, 'slides.md'), { format: 'png', output, timeoutMs: SLOW })).rejects.toThrow(new RegExp(`^slide ${relations} of the deck did not render`));
    expect(existsSync(output)).toBe(false);
  });
});
