// A deck written outside this package (the user's own folder, here under the system's temporary
// folder, with a space in its path) renders every slide in Slidev's dev server, which `export` and
// `present` run: the "who backs whom" slide draws its Mermaid diagram instead of Slidev's error box
// (slides/theme/setup/vite-plugins.ts). An export of a deck with a slide that cannot be drawn (a
// Mermaid error, or Slidev's error box) fails, naming the slide, instead of writing a picture of the
// error (slides/theme/layouts/error.vue and relations.vue, notDrawnSlides in slidev.ts).
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-chromium';
import { afterAll, describe, expect, it } from 'vitest';
import { exportCommand } from '../src/cli/commands/deck.ts';
import { planSlides, renderSlides } from '../src/render/slides/index.ts';
import { exportDeck, findChromium, notDrawnSlides, presentDeck } from '../src/render/slides/slidev.ts';
import { installTheme } from '../src/render/slides/theme-files.ts';
import { depsFromSlidev, packageFrom } from '../slides/theme/setup/vite-plugins.ts';
import { checkSlides, goToSlide, launchBrowser, openDeck } from './helpers/deck-browser.ts';
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

describe('a deck made by an older briefing', () => {
  it('gets the current theme beside it when exported, if it names the briefing theme', async () => {
    const saved = process.env.BRIEFING_CHROMIUM;
    process.env.BRIEFING_CHROMIUM = '/nonexistent/chromium';
    try {
      const dir = outsideFolder();
      made.push(dir);
      const deck = path.join(dir, 'slides.md');
      writeFileSync(deck, renderSlides(richNotes()));
      installTheme(dir);
      // The copy an older briefing made: no setup/vite-plugins.ts, no layouts/error.vue.
      rmSync(path.join(dir, 'theme', 'setup', 'vite-plugins.ts'));
      rmSync(path.join(dir, 'theme', 'layouts', 'error.vue'));
      const out = { data: () => {}, info: () => {}, diagnostics: () => {} };
      await expect(exportCommand(deck, { format: 'png', notes: path.join(dir, 'none.md') }, out)).rejects.toMatchObject({ code: 'BROWSER_MISSING' });
      expect(existsSync(path.join(dir, 'theme', 'setup', 'vite-plugins.ts'))).toBe(true);
      expect(existsSync(path.join(dir, 'theme', 'layouts', 'error.vue'))).toBe(true);
      // A deck naming another theme is left alone.
      const other = path.join(dir, 'other');
      mkdirSync(other);
      writeFileSync(path.join(other, 'slides.md'), renderSlides(richNotes(), { theme: 'seriph' }));
      await expect(exportCommand(path.join(other, 'slides.md'), { format: 'png', notes: path.join(dir, 'none.md') }, out)).rejects.toMatchObject({ code: 'BROWSER_MISSING' });
      expect(existsSync(path.join(other, 'theme'))).toBe(false);
    } finally {
      if (saved === undefined) delete process.env.BRIEFING_CHROMIUM;
      else process.env.BRIEFING_CHROMIUM = saved;
    }
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

/** A TCP port free on this machine just now. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Wait until the server at `url` answers (Slidev's dev server optimises its packages first). */
async function waitForServer(url: string, ms: number): Promise<void> {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 500))) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // Not listening yet.
    }
  }
  throw new Error(`no answer from ${url} after ${ms / 1000} s`);
}

const chromium = findChromium();
const withBrowser = chromium || process.env.CI ? describe : describe.skip;
if (!chromium) console.warn('skipping the deck-in-any-folder browser tests: no Chromium found (install chromium or set BRIEFING_CHROMIUM)');
const SLOW = 900_000;

withBrowser('a deck outside the package, in Chromium', () => {
  const notes = richNotes();
  const relations = planSlides(notes).findIndex((s) => s.layout === 'relations') + 1;
  let browser: Browser | undefined;
  afterAll(async () => {
    await browser?.close();
  });

  it('draws the "who backs whom" diagram in Slidev\'s dev server (as export and present run it), with no error on any slide', { timeout: SLOW }, async () => {
    expect(relations).toBeGreaterThan(0);
    // A static `slidev build` bundles CommonJS itself and never showed the fault: the dev server does.
    const dir = path.join(outsideFolder(), 'my slides');
    made.push(path.dirname(dir));
    mkdirSync(dir);
    const deck = path.join(dir, 'slides.md');
    writeFileSync(deck, renderSlides(notes));
    installTheme(dir);
    const port = await freePort();
    const url = `http://localhost:${port}`;
    const stop = new AbortController();
    const served = presentDeck(deck, { port, signal: stop.signal });
    try {
      await waitForServer(url, 300_000);
      browser = await launchBrowser(chromium ?? '/usr/bin/chromium');
      const page = await openDeck(browser, url);
      const outside: string[] = [];
      page.on('request', (r) => {
        if (!r.url().startsWith(url) && !/^(data|blob|ws):/.test(r.url())) outside.push(r.url());
      });
      const slides = await checkSlides(page, 1, planSlides(notes).length);
      await goToSlide(page, relations);
      const drawing = await page.evaluate((no) => {
        const current = [...document.querySelectorAll(`#slide-content .slidev-page-${no}`)].find((p) => (p as HTMLElement).offsetParent !== null);
        return { svg: current?.querySelector('.mermaid')?.shadowRoot?.querySelectorAll('svg').length ?? 0, text: current?.textContent ?? '' };
      }, relations);
      expect(drawing.svg).toBe(1);
      expect(drawing.text).toContain('Who backs whom');
      expect(drawing.text).not.toMatch(/An error occurred|Parse error|Syntax error/);
      expect(slides.filter((s) => s.error).map((s) => s.no)).toEqual([]);
      expect(slides[relations - 1]?.text).toMatch(/backs/);
      // Offline: nothing fetched from anywhere but the local server.
      expect(outside).toEqual([]);
    } finally {
      stop.abort();
      await served;
    }
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

  it("fails an export with Slidev's error box on a slide, naming it, and writes nothing", { timeout: SLOW }, async () => {
    const dir = path.join(outsideFolder(), 'error deck');
    made.push(path.dirname(dir));
    mkdirSync(dir);
    // A hand-added last slide whose code cannot load (it imports a file that is not there).
    const broken = planSlides(notes).length + 1;
    writeFileSync(path.join(dir, 'slides.md'), `${renderSlides(notes)}\n---\n\n<script setup>\nimport missing from './missing.ts'\n</script>\n\n# Broken {{ missing }}\n`);
    installTheme(dir);
    const output = path.join(dir, 'png');
    await expect(exportDeck(path.join(dir, 'slides.md'), { format: 'png', output, timeoutMs: SLOW })).rejects.toThrow(new RegExp(`^slide ${broken} of the deck did not render`));
    expect(existsSync(output)).toBe(false);
  });
});
