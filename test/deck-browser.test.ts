// The deck in a real browser: `slidev build` of a deck full of long, right-to-left and CJK text
// (40 actors, 200 timeline events), and of a full and a short briefing, served from localhost and
// opened slide by slide in headless Chromium. No element or text may lie outside the slide canvas
// or run into the footer, no slide may show an error or a broken picture, every main slide of four
// briefings (full, short, one with a map, one of many quotes and no figures) must fill 60-90% of
// its content box (measured), and every slide is saved as a PNG under test/.tmp/.
import { rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-chromium';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalizeText } from '../src/render/slides/escape.ts';
import { planSlides, renderDeck, renderSlides } from '../src/render/slides/index.ts';
import { findChromium } from '../src/render/slides/slidev.ts';
import { buildAndServeDeck, checkSlides, launchBrowser, openDeck, type SlideCheck } from './helpers/deck-browser.ts';
import type { BriefingNotes } from '../src/notes/model.ts';
import { fewNotes, placesNotes, richNotes } from './helpers/deck-fixtures.ts';
import { ARABIC, CJK, HEBREW, KOREAN, stressNotes } from './helpers/deck-notes.ts';

// Inside the package: the deck's theme is copied beside it, Slidev comes from our node_modules.
const TMP = fileURLToPath(new URL('./.tmp/deck-browser/', import.meta.url));
const PNG = fileURLToPath(new URL('./.tmp/deck-png/', import.meta.url));
const SLOW = 1_200_000;
const chromium = findChromium();
const run = chromium || process.env.CI ? describe : describe.skip;
if (!chromium) console.warn('skipping the deck browser test: no Chromium found (install chromium or set BRIEFING_CHROMIUM)');

const notes = stressNotes();
const count = planSlides(notes).length;

run('the stress deck in Chromium', () => {
  let browser: Browser;
  let server: Server;
  let url = '';
  let requests: string[] = [];
  let light: SlideCheck[] = [];

  beforeAll(async () => {
    rmSync(PNG, { recursive: true, force: true });
    ({ url, server, requests } = await buildAndServeDeck(TMP, renderSlides(notes)));
    browser = await launchBrowser(chromium ?? '/usr/bin/chromium');
  }, SLOW);

  afterAll(async () => {
    await browser?.close();
    server?.close();
  });

  it('shows every slide inside the canvas and above the footer, with no error', { timeout: SLOW }, async () => {
    const page = await openDeck(browser, url);
    const outside: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(url) && !/^(data|blob):/.test(r.url())) outside.push(r.url());
    });
    light = await checkSlides(page, 1, count, PNG);
    await page.context().close();
    expect(light.length).toBe(count);
    expect(light.filter((s) => s.error).map((s) => s.no)).toEqual([]);
    expect(light.flatMap((s) => s.overflow.map((o) => `slide ${s.no}: ${o}`))).toEqual([]);
    // Nothing was fetched from anywhere but the local server: fonts are local, no CDN.
    expect(outside).toEqual([]);
    expect(requests.length).toBeGreaterThan(0);
  });

  it('shows the right-to-left and CJK names as text, and the slide numbers in the footer', () => {
    const all = light.map((s) => s.text).join('\n');
    for (const name of [ARABIC, HEBREW, CJK, KOREAN]) expect(all).toContain(normalizeText(name));
    expect(light[0]?.text).toContain('As of 2024-03-09');
    expect(light[1]?.text).toContain(`2 / ${count}`);
    expect(light.find((s) => s.text.includes('Who backs whom'))?.text).toMatch(/backs/);
  });

  it('has a dark look that fits too', { timeout: SLOW }, async () => {
    const page = await openDeck(browser, url, 'dark');
    // One slide of each layout.
    const firsts = planSlides(notes).flatMap((s, i) => (planSlides(notes).findIndex((t) => t.layout === s.layout) === i ? [i + 1] : []));
    for (const no of firsts) {
      const [result] = await checkSlides(page, no, no, PNG, 'dark-');
      expect(result?.overflow, `dark slide ${no}`).toEqual([]);
      expect(result?.error).toBe(false);
    }
    const background = await page.evaluate(() => getComputedStyle(document.querySelector('.b-frame') as Element).backgroundColor);
    expect(background).toBe('rgb(20, 24, 31)');
    await page.context().close();
  });
});

/**
 * The band a main slide must fill of its content box, measured (the cover excepted): under 60% it
 * looks half empty, over 90% crammed (issue 12). Appendix slides only need to be worth showing.
 */
const MAIN_FILL = { low: 0.6, high: 0.9 } as const;
const MIN_APPENDIX_FILL = 0.4;

/** A briefing of another shape: many quotes, long and short, and no figures or trends. */
function quotesNotes(): BriefingNotes {
  const n = richNotes();
  const said = [
    'We are not going back to work for a promise.',
    'The offer on the table is the best this port can afford, and everyone in the room knows it.',
    'Nobody wins a strike that empties the shelves of every shop along the coast before the holidays.',
    'Talks resume on Monday.',
    'If the ships go north this month, some of them will never come back to this harbour.',
    'We asked for a mediator three weeks ago and were told there was nothing to mediate.',
  ];
  return {
    ...n,
    quotes: said.map((text, k) => ({ text, speaker: n.quotes[k % 4]?.speaker ?? '', role: n.quotes[k % 4]?.role ?? '', cites: [`s${(k % 4) + 1}`], evidence: [] })),
    figures: [],
    trends: undefined,
    discrepancies: [...n.discrepancies, { text: 'Sources give different reasons for the walkout: pay in s1; overtime rules in s5.', cites: ['s1', 's5'], evidence: [] }],
  };
}

function fillRun(name: string, build: () => BriefingNotes): void {
  run(`the ${name} briefing as a presentation in Chromium`, () => {
    const n = build();
    const plan = planSlides(n);
    const png = fileURLToPath(new URL(`./.tmp/deck-fill/${name}/`, import.meta.url));
    let browser: Browser;
    let server: Server;
    let url = '';

    beforeAll(async () => {
      rmSync(png, { recursive: true, force: true });
      const deck = renderDeck(n);
      ({ url, server } = await buildAndServeDeck(fileURLToPath(new URL(`./.tmp/deck-fill-build/${name}/`, import.meta.url)), deck.markdown, deck.files));
      browser = await launchBrowser(chromium ?? '/usr/bin/chromium');
    }, SLOW);

    afterAll(async () => {
      await browser?.close();
      server?.close();
    });

    it('has 10-14 main slides, each filled to 60-90% of its content box, none overflowing', { timeout: SLOW }, async () => {
      const page = await openDeck(browser, url);
      const shown = await checkSlides(page, 1, plan.length, png);
      await page.context().close();
      const fills = shown.map((s, i) => `${s.no} ${plan[i]?.part} ${plan[i]?.heading ?? 'cover'}: ${Math.round(s.fill * 100)}%`);
      console.log(`${name} deck, measured fill:\n${fills.join('\n')}`);
      expect(plan.filter((s) => s.part === 'main').length).toBeGreaterThanOrEqual(10);
      expect(plan.filter((s) => s.part === 'main').length).toBeLessThanOrEqual(14);
      expect(shown.filter((s) => s.error).map((s) => s.no)).toEqual([]);
      expect(shown.flatMap((s) => s.overflow.map((o) => `slide ${s.no}: ${o}`))).toEqual([]);
      const main = shown.filter((_, i) => plan[i]?.part === 'main' && plan[i]?.kind !== 'cover');
      expect(main.filter((s) => s.fill < MAIN_FILL.low || s.fill > MAIN_FILL.high).map((s) => fills[s.no - 1])).toEqual([]);
      const appendix = shown.filter((_, i) => plan[i]?.part === 'appendix' && plan[i]?.kind !== 'divider');
      expect(appendix.filter((s) => s.fill < MIN_APPENDIX_FILL).map((s) => fills[s.no - 1])).toEqual([]);
    });
  });
}

fillRun('full', richNotes);
fillRun('short', fewNotes);
// With a map slide: its picture must load (a broken image counts as an error) and fill its slide.
fillRun('places', placesNotes);
fillRun('quotes', quotesNotes);
