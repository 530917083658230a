// Tests of the evaluation loaders (bench/eval) on real corpus files: gold spans sliced from the rebuilt text
// must read as the annotated tokens, and gold scored against itself must give 1.

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodePage, goldText, htmlToTextBaseline } from '../bench/eval/cleaneval.ts';
import { resolveEvalDir } from '../bench/eval/corpora.ts';
import { layoutTokens, parseMeantime } from '../bench/eval/meantime.ts';
import { dateFromFileName, goldQuotes, parseBrat, startsWithQuoteMark } from '../bench/eval/polnear.ts';
import { entityScores, matchEntities, matchQuotes, quoteScores, shingleCounts, speakerAccuracy } from '../bench/eval/score.ts';
import { parseXml } from '../bench/eval/xml.ts';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const evalDir = resolveEvalDir(projectRoot);
const read = (rel: string) => {
  const file = path.join(evalDir, rel);
  if (!existsSync(file)) throw new Error(`eval data missing: ${file} (put the corpora in ../shared/eval or set BRIEFING_EVAL_DIR)`);
  return readFileSync(file);
};
const squeeze = (s: string) => s.replace(/\s+/g, '');
/** The corpora live outside the repository (../shared/eval); a clone without them skips these tests, saying why. */
const haveData = existsSync(evalDir);
if (!haveData) console.warn(`bench-loaders: skipped, no eval data at ${evalDir} (set BRIEFING_EVAL_DIR)`);
// A skipped describe still runs its body (which reads the data), so without the data the body is not run at all.
const describeData = (name: string, body: () => void): void => {
  if (haveData) describe(name, body);
  else describe.skip(`${name} (no eval data)`, () => { it('needs ../shared/eval', () => undefined); });
};

describeData('MEANTIME loader', () => {
  const rel = 'meantime/corpus_airbus/11714_Ryanair_exercises_options_on_five_Boeing_737s.xml';
  const doc = parseMeantime(read(rel).toString('utf8'), rel);

  it('places every mention so that its slice of the text reads as its tokens', () => {
    expect(doc.mentions.length).toBeGreaterThan(20);
    for (const m of doc.mentions) {
      const slice = doc.text.slice(m.start, m.end);
      expect(slice).toBe(m.text);
      expect(squeeze(slice)).toBe(m.tokens.join(''));
    }
    for (const g of doc.gold) expect(squeeze(doc.text.slice(g.start, g.end))).toBe(g.tokens.join(''));
  });

  it('keeps named PER/ORG/LOC mentions only, innermost of one instance, in the first six sentences', () => {
    expect(doc.gold.map((g) => `${g.type}:${doc.text.slice(g.start, g.end)}`)).toEqual([
      'ORG:Ryanair', 'ORG:Ryanair', 'ORG:Boeing', 'ORG:Ryanair', 'ORG:Ryanair', "PERSON:Michael O'Leary", 'ORG:Boeing', 'ORG:Ryanair', 'PLACE:Europe',
    ]);
    expect(doc.collapsed).toBe(2);
    expect(doc.gold.every((g) => g.end <= doc.regionEnd)).toBe(true);
    // The region ends with sentence 5 (the fourth body sentence), before "The addition of these five aircraft".
    expect(doc.text.slice(0, doc.regionEnd).endsWith('lowest unit operating cost.')).toBe(true);
  });

  it('lays the text out as readable news text and takes the DCT', () => {
    expect(doc.text.startsWith('Ryanair exercises options on five Boeing 737s\n\nJune 13, 2005\n\nIrish low cost airline, Ryanair, announced')).toBe(true);
    expect(doc.text).toContain('Ryanair CEO, Michael O\'Leary, justified his choice of Boeing by saying, "The Boeing 737-800');
    expect(doc.text).toContain('by as much as 3%.');
    expect(doc.dct).toBe('2005-06-13');
    expect(doc.dctSource).toBe('creation-time');
  });

  it('scores its gold against itself as 1', () => {
    expect(entityScores([matchEntities(doc.gold, doc.gold, doc.ignore)]).ALL.f1).toBe(1);
  });

  it('falls back to the dateline when the CREATION_TIME is missing', () => {
    const rel2 = 'meantime/corpus_airbus/8951_World_largest_passenger_airliner_makes_first_flight.xml';
    const d = parseMeantime(read(rel2).toString('utf8'), rel2);
    expect(d).toMatchObject({ dct: '2005-04-27', dctSource: 'dateline' });
  });

  it('attaches punctuation, clitics and quotes', () => {
    const toks = ['Mr', 'O\'', 'Leary', '\'s', 'plan', ',', '``', 'go', "''", '(', 'US$', '5', '%', ')', 'said', '&quot;', 'x', '&quot;', '.']
      .map((t) => ({ text: t.replace('&quot;', '"'), sentence: 2 }));
    expect(layoutTokens(toks).text).toBe('Mr O\'Leary\'s plan, "go" (US$5%) said "x".');
  });
});

describeData('PolNeAR loader', () => {
  const base = 'breitbart_2016-09-15_pat-caddell-democrat-voters-worr';
  const text = read(`polnear-dev/text/${base}.txt`).toString('utf8');
  const { attributions, problems, spans } = parseBrat(read(`polnear-dev/attributions/${base}_4e07.ann`).toString('utf8'), text);
  const quotes = goldQuotes(text, attributions);

  it('reads offsets that slice to the annotated text', () => {
    expect(spans.size).toBeGreaterThan(10);
    expect(problems).toEqual([]);
    for (const s of spans.values()) expect(s.fragments.map((f) => text.slice(f.start, f.end)).join(' ')).toBe(s.text);
  });

  it('keeps Content stretches that open with a quotation mark, with their Source', () => {
    expect(quotes.length).toBeGreaterThan(3);
    for (const q of quotes) {
      expect(startsWithQuoteMark(text.slice(q.start, q.end))).toBe(true);
      expect(q.source && text.slice(q.source.start, q.source.end)).toBe(q.sourceText);
    }
    // “One of the things … affecting it,” said Caddell. “Yesterday, …” is one Content in two stretches.
    const second = quotes.find((q) => q.text.startsWith('“Yesterday'));
    expect(second).toMatchObject({ part: 1, sourceText: 'Caddell' });
    expect(dateFromFileName(base)).toBe('2016-09-15');
  });

  it('scores its gold against itself as 1', () => {
    const pred = quotes.map((q) => ({ start: q.start, end: q.end, speakerStart: q.source?.start ?? null, speakerEnd: q.source?.end ?? null }));
    const m = matchQuotes(quotes, pred);
    expect(quoteScores([m]).f1).toBe(1);
    expect(speakerAccuracy([m]).accuracy).toBe(1);
  });
});

describeData('CleanEval loader', () => {
  it('decodes the page, strips the gold marks and scores gold against itself as 1', () => {
    const html = decodePage(read('cleaneval-dev/input/1.html'));
    const gold = goldText(decodePage(read('cleaneval-dev/GoldStandard/1.txt')));
    expect(gold).not.toMatch(/<[phl]>|^URL:/m);
    expect(gold).toContain("If you feel it's time to start taking action");
    const baseline = htmlToTextBaseline(html);
    expect(baseline).not.toMatch(/<\/?[a-z]+[^>]*>/i);
    expect(baseline).toContain("If you feel it's time to start taking action");
    expect(shingleCounts(gold, gold).fp + shingleCounts(gold, gold).fn).toBe(0);
  });

  it('reads Windows-1252 bytes when they are not UTF-8', () => {
    expect(decodePage(Uint8Array.from([0x93, 0x68, 0x69, 0x94, 0x20, 0xe9]))).toBe('“hi” é');
    expect(decodePage(new TextEncoder().encode('“hi” é'))).toBe('“hi” é');
  });
});

describe('XML reader', () => {
  it('parses elements, attributes, entities and rejects mismatched tags', () => {
    const root = parseXml('<?xml version="1.0" ?><A x="1 &amp; 2"><!-- c --><t n="0">AT&amp;T &quot;x&quot;</t><e/></A>');
    expect(root.attrs['x']).toBe('1 & 2');
    expect(root.children.map((c) => c.name)).toEqual(['t', 'e']);
    expect(root.children[0]!.text).toBe('AT&T "x"');
    expect(() => parseXml('<A><b></A>')).toThrow(/does not close/);
  });
});
