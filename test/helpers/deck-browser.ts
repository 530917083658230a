// Opens a Slidev deck in headless Chromium for the browser tests: a static server for a built deck,
// and a walk over every slide that measures what lies outside the slide canvas (or runs into the
// footer) and how much of its content box the content fills, looks for Slidev's error box, and
// saves a PNG of the slide.
/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import { createReadStream, existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-chromium';
import { buildDeck } from '../../src/render/slides/slidev.ts';
import { installTheme } from '../../src/render/slides/theme-files.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

/** Serve a built deck on 127.0.0.1; unknown paths get index.html (Slidev's history routing). */
export async function serveDir(dir: string): Promise<{ url: string; server: Server; requests: string[] }> {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    requests.push(url.pathname);
    let file = path.join(dir, decodeURIComponent(url.pathname));
    if (!file.startsWith(dir) || !existsSync(file) || statSync(file).isDirectory()) file = path.join(dir, 'index.html');
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server, requests };
}

/**
 * Write `markdown` as `dir/slides.md` (dir emptied first) with the theme and the deck's `files`
 * (renderDeck's: the map picture) beside it, run a real `slidev build`, and serve the result: the
 * start of every browser test of a deck.
 */
export async function buildAndServeDeck(dir: string, markdown: string, files: readonly { path: string; data: string }[] = []): Promise<{ dist: string; url: string; server: Server; requests: string[] }> {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const deck = path.join(dir, 'slides.md');
  writeFileSync(deck, markdown);
  for (const f of files) {
    mkdirSync(path.dirname(path.join(dir, f.path)), { recursive: true });
    writeFileSync(path.join(dir, f.path), f.data);
  }
  installTheme(dir);
  // A shared, busy machine can take several minutes for one build: allow fifteen.
  const { output } = await buildDeck(deck, path.join(dir, 'dist'), { timeoutMs: 900_000 });
  return { dist: output, ...(await serveDir(output)) };
}

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export function launchBrowser(executablePath: string): Promise<Browser> {
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS });
}

/** What one slide showed. */
export interface SlideCheck {
  no: number;
  /** Elements or text outside the canvas, or running into the footer. */
  overflow: string[];
  /** Slidev's "An error occurred on this slide", Mermaid's error box, or a picture that did not load. */
  error: boolean;
  /** The slide's visible text (innerText), Mermaid labels included. */
  text: string;
  /**
   * Filled fraction: the area of the bounding box of everything shown under the heading (text,
   * elements, the diagram) over the area of the content box (under the heading, above the footer,
   * inside the frame's side padding). Can pass 1 when content overflows.
   */
  fill: number;
}

/** Open the deck at `url` (viewport = canvas, so scale 1) and go to slide `no` in the app. */
export async function openDeck(browser: Browser, url: string, colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 980, height: 552 }, colorScheme });
  const page = await context.newPage();
  // tsx and vitest compile with esbuild's keepNames, which wraps functions in __name(): page
  // functions passed to evaluate() need it defined in the page too.
  await page.addInitScript('window.__name = (f) => f');
  await page.goto(`${url}/1`, { waitUntil: 'load' });
  // Slidev's "go to slide" list hangs into a viewport this small; it is app chrome, not the slide.
  await page.addStyleTag({ content: '#slidev-goto-dialog { display: none !important; }' });
  return page;
}

/** Navigate inside the app (no reload), wait for the slide, its fonts and any diagram. */
export async function goToSlide(page: Page, no: number): Promise<void> {
  await page.evaluate((n) => {
    window.history.pushState({}, '', `/${n}`);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, no);
  await page.waitForFunction((n) => {
    const visible = [...document.querySelectorAll('#slide-content .slidev-page')].filter((p) => (p as HTMLElement).offsetParent !== null);
    const current = visible.find((p) => p.classList.contains(`slidev-page-${n}`));
    if (!current?.querySelector('.slidev-layout')) return false;
    const mermaid = current.querySelector('.mermaid');
    // Pictures (the map) have loaded or failed.
    if ([...current.querySelectorAll('img')].some((i) => !i.complete)) return false;
    // The relations layout marks itself once it has fitted the drawing to the slide, and the list
    // layouts once they have zoomed their block to fill it (slides/theme/setup/fill.ts).
    const fitted = !!current.querySelector('[data-fitted]') || current.matches('[data-fitted]');
    if (!mermaid && !current.querySelector('.b-fit')) return true;
    return fitted || current.textContent?.includes('Error');
  }, no, { timeout: 90_000, polling: 200 });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
}

/** Measure the current slide: run in the page. */
function measure(no: number): { overflow: string[]; error: boolean; text: string; fill: number } {
  // The filled fraction of the slide's content box (see SlideCheck.fill). Defined in here: a page
  // function must carry everything it calls.
  function filled(page: HTMLElement, footer: Element | null): number {
    const frame = page.querySelector('.slidev-layout');
    if (!frame) return 0;
    const f = frame.getBoundingClientRect();
    const style = getComputedStyle(frame);
    const heading = frame.querySelector(':scope > h1, :scope > div > h1');
    const top = heading ? heading.getBoundingClientRect().bottom + parseFloat(getComputedStyle(heading).marginBottom) : f.top + parseFloat(style.paddingTop);
    const bottom = footer ? footer.getBoundingClientRect().top - 8 : f.bottom;
    const [left, right] = [f.left + parseFloat(style.paddingLeft), f.right - parseFloat(style.paddingRight)];
    const box = { left: Infinity, top: Infinity, right: -Infinity, bottom: -Infinity };
    const add = (r: DOMRect): void => {
      if (r.width === 0 || r.height === 0) return;
      box.left = Math.min(box.left, r.left);
      box.top = Math.min(box.top, r.top);
      box.right = Math.max(box.right, r.right);
      box.bottom = Math.max(box.bottom, r.bottom);
    };
    for (const el of frame.querySelectorAll('.briefing > *, .briefing > * *, .mermaid')) {
      if (footer && (el === footer || footer.contains(el))) continue;
      add(el.getBoundingClientRect());
      const svg = el.shadowRoot?.querySelector('svg');
      if (svg) add(svg.getBoundingClientRect());
    }
    if (box.left === Infinity) return 0;
    const area = (right - left) * (bottom - top);
    return area > 0 ? ((box.right - box.left) * (box.bottom - box.top)) / area : 0;
  }
  const canvas = document.querySelector('#slide-content') as HTMLElement;
  const c = canvas.getBoundingClientRect();
  const page = [...canvas.querySelectorAll(`.slidev-page-${no}`)].find((p) => (p as HTMLElement).offsetParent !== null) as HTMLElement;
  const footer = page.querySelector('.b-footer');
  const footerTop = footer ? footer.getBoundingClientRect().top : Infinity;
  const overflow: string[] = [];
  const name = (el: Element): string => `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ').join('.')}` : ''}`;
  const check = (r: DOMRect, what: string, inFooter: boolean): void => {
    if (r.width === 0 && r.height === 0) return;
    const box = `(${Math.round(r.left - c.left)},${Math.round(r.top - c.top)})–(${Math.round(r.right - c.left)},${Math.round(r.bottom - c.top)})`;
    if (r.left < c.left - 1 || r.top < c.top - 1 || r.right > c.right + 1 || r.bottom > c.bottom + 1) overflow.push(`${what} ${box} outside the ${Math.round(c.width)}×${Math.round(c.height)} canvas`);
    else if (!inFooter && r.bottom > footerTop + 1) overflow.push(`${what} ${box} runs into the footer at y=${Math.round(footerTop - c.top)}`);
  };
  for (const el of page.querySelectorAll('.slidev-layout *')) {
    const inFooter = !!footer && (el === footer || footer.contains(el));
    check(el.getBoundingClientRect(), name(el), inFooter);
    const svg = el.shadowRoot?.querySelector('svg');
    if (svg) check(svg.getBoundingClientRect(), 'mermaid svg', false);
  }
  const walker = document.createTreeWalker(page, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    if (!node.textContent?.trim()) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    const inFooter = !!footer && footer.contains(node);
    for (const r of range.getClientRects()) check(r, `text "${node.textContent.trim().slice(0, 40)}"`, inFooter);
  }
  const mermaidText = [...page.querySelectorAll('.mermaid')].map((m) => m.shadowRoot?.textContent ?? '').join(' ');
  const text = `${page.innerText} ${mermaidText}`;
  const broken = [...page.querySelectorAll('img')].some((i) => i.naturalWidth === 0);
  const error = broken || text.includes('An error occurred') || /Syntax error in text|Parse error/.test(text);
  return { overflow, error, text, fill: filled(page, footer) };
}

/** Visit every slide `from`..`to`, checking each and saving `pngDir/NN.png` (when given). */
export async function checkSlides(page: Page, from: number, to: number, pngDir?: string, prefix = ''): Promise<SlideCheck[]> {
  if (pngDir) mkdirSync(pngDir, { recursive: true });
  const results: SlideCheck[] = [];
  for (let no = from; no <= to; no++) {
    await goToSlide(page, no);
    const result = await page.evaluate(measure, no);
    if (pngDir) await page.locator('#slide-content').screenshot({ path: path.join(pngDir, `${prefix}${String(no).padStart(3, '0')}.png`) });
    results.push({ no, ...result });
  }
  return results;
}
