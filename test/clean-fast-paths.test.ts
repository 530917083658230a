// The cleaning rules' fast paths (fold handing back a line already folded, prefilters on the words a pattern
// needs, counting a line's words only when it repeats) against the plain forms they replaced, on random texts
// built from lines that do and do not look like captions, notices and repeats.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BRACKET_AT_END, caption, COURTESY_OF, CREDIT_WORDS, LABELLED_CREDIT } from '../src/ingest/clean/caption.ts';
import { EMPTY_META } from '../src/ingest/clean/index.ts';
import { ADDRESSED, BUTTON, cookieNotice, NOTICE, VOCABULARY } from '../src/ingest/clean/cookie-notice.ts';
import { blankLine, contentLines, fold, wordCount, type Line } from '../src/ingest/clean/lines.ts';
import { markupResidue } from '../src/ingest/clean/markup-residue.ts';
import { isShareBar } from '../src/ingest/clean/navigation.ts';
import { isLowercased } from '../src/ingest/repair/index.ts';
import { INLINE, LINE_MARKS, markdownSyntaxEdits } from '../src/ingest/formats/markdown-syntax.ts';
import { splitLines } from '../src/ingest/clean/lines.ts';
import { repeatedLine } from '../src/ingest/clean/repeated-line.ts';
import type { Edit } from '../src/ingest/edits.ts';

const plainFold = (s: string): string => s.replace(/\s+/g, ' ').trim();

// The rules as they were (their own patterns), word counts first.
function plainHasCredit(line: string): boolean {
  const s = line.trim();
  if (wordCount(s) > 80) return false;
  if (LABELLED_CREDIT.test(s) || COURTESY_OF.test(s)) return true;
  const b = BRACKET_AT_END.exec(s);
  return b !== null && wordCount(b[1]!) <= 6 && CREDIT_WORDS.test(b[1]!);
}
function plainCaption(text: string): Edit[] {
  const lines = contentLines(text);
  const folded = lines.map((l) => plainFold(l.text));
  const count = new Map<string, number>();
  for (const f of folded) count.set(f, (count.get(f) ?? 0) + 1);
  const edits: Edit[] = [];
  lines.forEach((l, k) => {
    const f = folded[k]!;
    if (plainHasCredit(l.text)) { edits.push(blankLine(l, 'blanked image caption')); return; }
    const words = (count.get(f) ?? 0) >= 2 ? wordCount(f) : 0;
    if (words >= 6 && words <= 80 && folded.some((g) => g.length > f.length && g.includes(f))) edits.push(blankLine(l, 'blanked repeated caption (its words are in the body)'));
  });
  return edits;
}
function plainCookie(text: string): Edit[] {
  const lines = contentLines(text);
  const edge = (k: number) => k < 3 || k >= lines.length - 3;
  const isNotice = (l: Line, k: number) => {
    const s = l.text.trim();
    if (wordCount(s) > 90) return false;
    return NOTICE.some((re) => re.test(s)) || (edge(k) && VOCABULARY.test(s) && ADDRESSED.test(s));
  };
  const hit = lines.map(isNotice);
  const edits: Edit[] = [];
  lines.forEach((l, k) => {
    if (hit[k]) edits.push(blankLine(l, 'blanked cookie/consent notice'));
    else if ((hit[k - 1] === true || hit[k + 1] === true || hit[k - 2] === true) && BUTTON.test(l.text.trim())) edits.push(blankLine(l, 'blanked consent button'));
  });
  return edits;
}
function plainRepeated(text: string): Edit[] {
  const firstSeen = new Map<string, number>();
  const edits: Edit[] = [];
  contentLines(text).forEach((l, k) => {
    const f = plainFold(l.text);
    const words = wordCount(f);
    if (f.length < 20 || words < 4) return;
    const first = firstSeen.get(f);
    if (first === undefined) firstSeen.set(f, k);
    else if (words <= 30 || first < 8) edits.push(blankLine(l, 'blanked repeated line'));
  });
  return edits;
}

const SOCIAL = new Set(['facebook', 'twitter', 'x', 'whatsapp', 'linkedin', 'email', 'e-mail', 'reddit', 'telegram', 'pinterest', 'messenger', 'print', 'share', 'copy', 'link', 'tumblr', 'instagram', 'youtube', 'tiktok', 'mail', 'sms']);
function plainIsShareBar(s: string): boolean {
  const words = s.toLowerCase().replace(/[|·•,:/]+/g, ' ').split(/\s+/).filter(Boolean);
  return words.length >= 2 && words.every((w) => SOCIAL.has(w));
}

// markup-residue as it was: every pattern over every text.
function plainMarkupResidue(text: string): Edit[] {
  const IMAGE_PARAM = String.raw`(?:\d{2,4}(?:x\d{2,4})?px|thumb(?:nail)?|frame(?:less)?|upright|left|right|center|none)`;
  const PIPED_PARAMS = new RegExp(String.raw`\|?\b${IMAGE_PARAM}(?:\|${IMAGE_PARAM})*\|`, 'gi');
  const LEADING_SIZE = /(?<=^|[.!?]["”’)]?[ \t]+|\n[ \t]*)\d{2,4}(?:x\d{2,4})?px\b(?=[ \t]|$)/gm;
  const edits: Edit[] = [];
  const add = (start: number, end: number, note: string) => edits.push({ start, end, note });
  for (const m of text.matchAll(/\[\[(?:File|Image|Media):[^[\]\n]{0,300}\]\]/gi)) add(m.index, m.index + m[0].length, 'blanked embedded image markup');
  for (const m of text.matchAll(/\{\{[^{}\n]{0,300}\}\}/g)) add(m.index, m.index + m[0].length, 'blanked template markup');
  for (const m of text.matchAll(/\[\[(?:([^[\]|\n]{1,120})\|)?([^[\]|\n]{1,120})\]\]/g)) {
    if (/^(?:File|Image|Media):/i.test(m[0].slice(2))) continue;
    const labelStart = m.index + m[0].length - 2 - m[2]!.length;
    add(m.index, labelStart, 'blanked link markup');
    add(m.index + m[0].length - 2, m.index + m[0].length, 'blanked link markup');
  }
  for (const m of text.matchAll(PIPED_PARAMS)) add(m.index, m.index + m[0].length, 'blanked image parameters');
  for (const m of text.matchAll(LEADING_SIZE)) add(m.index, m.index + m[0].length, 'blanked image size');
  edits.sort((a, b) => a.start - b.start || b.end - a.end);
  return edits.filter((e, k) => !edits.slice(0, k).some((p) => p.start <= e.start && e.end <= p.end));
}

// Markdown markup as it was found: every pattern (the module's own) over every line and the whole body.
function plainMarkdownEdits(text: string, from = 0): Edit[] {
  const edits: Edit[] = [];
  for (const line of splitLines(text)) {
    if (line.end <= from) continue;
    for (const re of LINE_MARKS) {
      const m = re.exec(line.text);
      if (m && m[0].length > 0) edits.push({ start: line.start + m.index, end: line.start + m.index + m[0].length, note: 'blanked Markdown markup' });
    }
  }
  const body = text.slice(from);
  for (const { re, spans } of INLINE) {
    for (const m of body.matchAll(re)) {
      for (const [a, b] of spans(m as RegExpExecArray)) if (b > a) edits.push({ start: from + a, end: from + b, note: 'blanked Markdown markup' });
    }
  }
  return edits;
}

const SPACES = [' ', '  ', '\t', '\u00a0', ' \t ', '\u2009', '\u3000', '\f', '\v'];
const WORDS = ['Photo', 'courtesy', 'of', 'AFP', 'Reuters', '(Getty Images)', '[AP]', 'Credit:', 'image:', 'cookies', 'Cookie', 'policy',
  'We', 'use', 'you', 'YOUR', 'consent', 'privacy', 'settings', 'Opt-out', 'if', 'wish', 'by', 'continuing', 'agree', 'the', 'minister',
  'said', 'on', 'Tuesday', 'talks', 'stalled.', 'Accept', 'all', 'OK', 'Close', 'this', 'site', 'uses', 'optional', 'terms', 'gdpr', 'x'];
const word = fc.constantFrom(...WORDS);
const space = fc.constantFrom(...SPACES);
/** A line: words joined by varied whitespace, sometimes long (past the rules' word limits). */
const line = fc.tuple(fc.array(fc.tuple(word, space), { minLength: 1, maxLength: 100 }), space, fc.boolean())
  .map(([ws, lead, end]) => `${end ? lead : ''}${ws.map(([w, s]) => w + s).join('').trimEnd()}${end ? ')' : ''}`);
/** A text: lines from a small pool, so some repeat verbatim, some with other spacing. */
const text = fc.array(line, { minLength: 1, maxLength: 6 }).chain((pool) =>
  fc.array(fc.tuple(fc.nat(pool.length - 1), fc.boolean()), { minLength: 1, maxLength: 24 }).map((picks) =>
    picks.map(([k, respace]) => (respace ? pool[k]!.replace(/ /g, '  ') : pool[k]!)).join('\n')));

describe('cleaning fast paths give what the plain rules gave', () => {
  it('fold returns the same string as replacing every whitespace run', () => {
    fc.assert(fc.property(fc.array(fc.oneof(word, space), { maxLength: 40 }).map((xs) => xs.join('')), (s) => {
      expect(fold(s)).toBe(plainFold(s));
    }), { numRuns: 2000 });
  });

  it('isShareBar turns away the same lines as splitting them whole', () => {
    const piece = fc.constantFrom('Facebook', 'TWITTER', 'X', 'Email', 'Share:', 'share', 'via', '|', ' | ', '·', ', ', '/', ':', 'Print', 'News', 'linKedin', 'E-mail');
    const bars = fc.array(fc.tuple(piece, space), { maxLength: 8 }).map((xs) => xs.map(([w, s]) => w + s).join('').trim());
    fc.assert(fc.property(bars, (s) => { expect(isShareBar(s)).toBe(plainIsShareBar(s)); }), { numRuns: 3000 });
    expect(fc.sample(bars, { numRuns: 500, seed: 3 }).filter(plainIsShareBar).length).toBeGreaterThan(20);
  });

  it('markup-residue finds the same markup when it runs each pattern only on texts holding its marks', () => {
    const piece = fc.constantFrom('[[Airbus|the maker]]', '[[File:x.jpg|thumb|200px|A plane]]', '{{cite news|title=X}}', 'thumb|right|',
      '150px ', '300PX|', 'a 960px-wide banner', '[[Paris]]', ' | ', 'px', '{{', '[[', 'Sales rose. ', '\n', 'Toulouse ');
    const texts = fc.array(piece, { maxLength: 14 }).map((xs) => xs.join(''));
    fc.assert(fc.property(texts, (t) => {
      const input = { raw: t, text: t, format: 'text' as const, meta: EMPTY_META };
      expect(markupResidue(input).edits).toEqual(plainMarkupResidue(t));
    }), { numRuns: 3000 });
    expect(fc.sample(texts, { numRuns: 300, seed: 5 }).filter((t) => plainMarkupResidue(t).length > 0).length).toBeGreaterThan(100);
  });

  it('isLowercased stops counting once the capitals rule it out, with the same answer', () => {
    // Lower-case prose with a few capitals (none to a handful), so both answers come up, at every length.
    const lower = fc.constantFrom('the talks went on ', 'and on ', 'é', 'ß', '𝐚', '. ', 'x', '12 ');
    const capital = fc.constantFrom('A', 'É', '𝐀', 'Talks ');
    const texts = fc.tuple(fc.array(lower, { minLength: 10, maxLength: 300, size: 'max' }), fc.array(fc.tuple(capital, fc.nat()), { maxLength: 6 })).map(([xs, caps]) => {
      const out: string[] = [...xs];
      for (const [c, at] of caps) out.splice(at % (out.length + 1), 0, c);
      return out.join('');
    });
    const plain = (t: string) => {
      const letters = (t.match(/\p{L}/gu) ?? []).length;
      const capitals = (t.match(/\p{Lu}/gu) ?? []).length;
      return letters >= 120 && capitals / letters < 0.005;
    };
    fc.assert(fc.property(texts, (t) => { expect(isLowercased(t)).toBe(plain(t)); }), { numRuns: 2000 });
    const samples = fc.sample(texts, { numRuns: 400, seed: 9 });
    expect(samples.filter(plain).length).toBeGreaterThan(10);
    expect(samples.filter((t) => !plain(t) && t.length > 300).length).toBeGreaterThan(10);
  });

  it('Markdown markup: patterns skipped on texts without their marks find the same spans', () => {
    const piece = fc.constantFrom('# Heading', ' ##', '> quote', '- item', '1. item', '```', '---', '[ref]: http://x', '<!-- c -->', '![alt](a.png)',
      '[link](http://x)', '[a][b]', '<b>', '</i>', '**bold**', '__u__', '*em*', '_em_', '`code`', 'Plain words', ' #', '#', '](', '\n', ' ', 'x_y', '2*3');
    const texts = fc.tuple(fc.array(piece, { maxLength: 20 }), fc.nat(5)).map(([xs, f]) => [xs.join(''), f] as const);
    fc.assert(fc.property(texts, ([t, f]) => { expect(markdownSyntaxEdits(t, f)).toEqual(plainMarkdownEdits(t, f)); }), { numRuns: 3000 });
    expect(fc.sample(texts, { numRuns: 300, seed: 2 }).filter(([t, f]) => plainMarkdownEdits(t, f).length > 2).length).toBeGreaterThan(100);
  });

  it('caption, cookie-notice and repeated-line blank the same lines', () => {
    fc.assert(fc.property(text, (t) => {
      const input = { raw: t, text: t, format: 'text' as const, meta: EMPTY_META };
      expect(caption(input).edits).toEqual(plainCaption(t));
      expect(cookieNotice(input).edits).toEqual(plainCookie(t));
      expect(repeatedLine(input).edits).toEqual(plainRepeated(t));
    }), { numRuns: 600 });
  });

  it('the random texts reach every rule (the comparison is not vacuous)', () => {
    const samples = fc.sample(text, { numRuns: 400, seed: 7 });
    const hits = (f: (t: string) => Edit[]) => samples.filter((t) => f(t).length > 0).length;
    expect(hits(plainCaption)).toBeGreaterThan(20);
    expect(hits(plainCookie)).toBeGreaterThan(20);
    expect(hits(plainRepeated)).toBeGreaterThan(20);
  });
});
