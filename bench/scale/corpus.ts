// Scale-bench corpus: thousands of realistic articles made from the shared annotated corpora (PolNeAR,
// TimeBank, MEANTIME, CleanEval gold), varied deterministically from a seed and written to a folder.
// Used as `node bin/run-ts.mjs bench/scale/corpus.ts N DIR [--seed S]` or imported by bench/scale/run.ts.

import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { goldText, decodePage } from '../eval/cleaneval.ts';
import { parseTimeml } from '../eval/dates.ts';
import { parseMeantime } from '../eval/meantime.ts';

const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** A base article: its paragraphs, the cluster (topic) it belongs to, and its date if known. */
interface Base { cluster: string; paragraphs: string[]; date: string | null }

/** Mulberry32: a small seeded generator, so the same seed gives the same corpus on every machine. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

/** Paragraphs of a text: blank-line blocks, or runs of three sentences when the text has no blank lines. */
function paragraphsOf(text: string): string[] {
  const blocks = text.split(/\n\s*\n/).map((p) => p.replace(/\s*\n\s*/g, ' ').trim()).filter((p) => p.length > 40);
  if (blocks.length >= 3) return blocks;
  const sentences = text.replace(/\s+/g, ' ').match(/[^.!?]+[.!?]+["”’]?\s*/g) ?? [text];
  const out: string[] = [];
  for (let k = 0; k < sentences.length; k += 3) out.push(sentences.slice(k, k + 3).join('').trim());
  return out.filter((p) => p.length > 40);
}

const sorted = (dir: string, ext: string) => readdirSync(dir).filter((f) => f.endsWith(ext)).sort();

/** Every base article of the shared corpora, with a cluster per topic (MEANTIME), outlet (PolNeAR) or wire (TimeBank). */
export function readBases(evalDir: string): Base[] {
  const out: Base[] = [];
  for (const cluster of ['meantime/corpus_airbus', 'meantime/corpus_apple']) {
    const dir = path.join(evalDir, cluster);
    for (const f of sorted(dir, '.xml')) {
      const d = parseMeantime(readFileSync(path.join(dir, f), 'utf8'), `${cluster}/${f}`);
      out.push({ cluster, paragraphs: paragraphsOf(d.text), date: d.dct });
    }
  }
  const pol = path.join(evalDir, 'polnear-dev', 'text');
  for (const f of sorted(pol, '.txt')) {
    const date = /_(\d{4}-\d{2}-\d{2})_/.exec(f)?.[1] ?? null;
    out.push({ cluster: `polnear/${f.split('_')[0]}`, paragraphs: paragraphsOf(readFileSync(path.join(pol, f), 'utf8')), date });
  }
  const tb = path.join(evalDir, 'timebank');
  sorted(tb, '.tml').forEach((f, k) => {
    const d = parseTimeml(readFileSync(path.join(tb, f), 'utf8'), `timebank/${f}`);
    out.push({ cluster: `timebank/${f.replace(/[\d.-].*$/, '')}/${Math.floor(k / 8)}`, paragraphs: paragraphsOf(d.text), date: d.dct });
  });
  const gold = path.join(evalDir, 'cleaneval-dev', 'GoldStandard');
  sorted(gold, '.txt').forEach((f, k) => {
    const text = goldText(decodePage(readFileSync(path.join(gold, f))));
    out.push({ cluster: `cleaneval/${Math.floor(k / 6)}`, paragraphs: paragraphsOf(text), date: null });
  });
  return out.filter((b) => b.paragraphs.length >= 2);
}

const SYLLABLES = ['ka', 'lo', 'mer', 'tan', 'vi', 'sor', 'del', 'ru', 'ba', 'nes', 'hal', 'qui', 'dor', 'fen', 'ix', 'pra', 'lum', 'zet', 'ova', 'gri'];
const CITIES = ['VELMORA', 'PORT ANSEL', 'KARDEN', 'LISTRAVA', 'OSKEL', 'BRANNIK', 'TOLVEN', 'MIRASOL', 'ESKARA', 'DUNHOLT'];
const OUTLETS = ['Velmora Courier', 'Northern Ledger', 'Daily Meridian', 'Coastline Wire', 'The Harbour Post', 'Evening Standard-Gazette', 'Inland Times'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** An invented capitalised name of two or three syllables. */
function inventName(r: () => number): string {
  let s = '';
  for (let k = 0, n = 2 + Math.floor(r() * 2); k < n; k++) s += pick(r, SYLLABLES);
  return s[0]!.toUpperCase() + s.slice(1);
}

/** Renames a few capitalised words (names, mostly) that occur mid-sentence, the same way throughout the article. */
function rename(paragraphs: string[], r: () => number): string[] {
  const caps = new Map<string, number>();
  for (const p of paragraphs) for (const m of p.matchAll(/(?<=[a-z,] )\p{Lu}\p{Ll}{3,}\b/gu)) caps.set(m[0], (caps.get(m[0]) ?? 0) + 1);
  const words = [...caps.keys()].sort();
  const map = new Map<string, string>();
  for (const w of words) if (r() < 0.3) map.set(w, inventName(r));
  if (map.size === 0) return paragraphs;
  const re = new RegExp(`\\b(?:${[...map.keys()].join('|')})\\b`, 'g');
  return paragraphs.map((p) => p.replace(re, (w) => map.get(w)!));
}

/** Light edits of a copied article: a few words dropped or doubled, as one outlet does to another's wire copy. */
function edit(paragraphs: string[], r: () => number): string[] {
  return paragraphs.map((p) => p.split(' ').filter(() => r() > 0.02).join(' '));
}

function dateline(date: string | null, r: () => number): string {
  const city = pick(r, CITIES);
  if (!date) return `${city} — `;
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return `${city}, ${MONTHS[m - 1]} ${d}, ${y} — `;
}

/** The base's own date moved by a few days. An undated base stays undated: giving it an invented year
 * makes its "February 29" a day that does not exist (the date resolver then emits an invalid date, and the
 * notes fail validation: reported, not the bench's to hide or to provoke). */
function shift(date: string | null, r: () => number): string | null {
  if (!date) return null;
  const t = new Date(`${date}T00:00:00Z`).getTime() + Math.floor(r() * 10) * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/** One generated article file: its name and contents. */
export interface Article { name: string; text: string }

/**
 * `n` articles from the bases: each takes one base article, swaps in paragraphs from others of its cluster,
 * shuffles the body (the lead stays first), renames some names, and gets a title, dateline and outlet;
 * about 1 in 20 is a lightly edited copy of an earlier article (a near-duplicate).
 */
export function generate(bases: Base[], n: number, seed: number): Article[] {
  const r = rng(seed);
  const clusters = new Map<string, Base[]>();
  for (const b of bases) clusters.set(b.cluster, [...(clusters.get(b.cluster) ?? []), b]);
  const out: Article[] = [];
  const bodies: Array<{ paragraphs: string[]; date: string | null; title: string }> = [];
  for (let i = 0; i < n; i++) {
    const name = `a${String(i + 1).padStart(5, '0')}`;
    let paragraphs: string[];
    let date: string | null;
    let title: string;
    if (i > 10 && r() < 0.05) {
      const orig = bodies[Math.floor(r() * bodies.length)]!;
      paragraphs = edit(r() < 0.5 ? orig.paragraphs.slice(0, -1) : orig.paragraphs, r);
      date = shift(orig.date, r);
      title = orig.title;
    } else {
      const base = pick(r, bases);
      const mates = clusters.get(base.cluster)!;
      const body = base.paragraphs.slice(1).map((p) => (r() < 0.3 ? pick(r, pick(r, mates).paragraphs) : p));
      // Articles of 4–9 KB (real news pieces are about that long): filled up from the cluster's other articles.
      const target = 4000 + Math.floor(r() * 5000);
      for (let size = body.reduce((s, p) => s + p.length, 0), tries = 0; size < target && tries < 60; tries++) {
        const p = pick(r, pick(r, mates).paragraphs);
        if (body.includes(p)) continue;
        body.push(p);
        size += p.length;
      }
      for (let k = body.length - 1; k > 0; k--) { const j = Math.floor(r() * (k + 1)); [body[k], body[j]] = [body[j]!, body[k]!]; }
      paragraphs = rename([base.paragraphs[0]!, ...body.slice(0, 30)], r);
      date = shift(base.date, r);
      title = paragraphs[0]!.split(/[.!?]/)[0]!.split(' ').slice(0, 10).join(' ');
    }
    bodies.push({ paragraphs, date, title });
    const outlet = pick(r, OUTLETS);
    const [lead, ...rest] = paragraphs;
    const body = [dateline(date, r) + lead, ...rest].join('\n\n');
    if (r() < 0.3) {
      const front = [`title: ${JSON.stringify(title)}`, date ? `date: ${date}` : null, `outlet: ${outlet}`].filter(Boolean).join('\n');
      out.push({ name: `${name}.md`, text: `---\n${front}\n---\n\n${body}\n` });
    } else {
      out.push({ name: `${name}.txt`, text: `${title}\n${outlet}\n${date ? `date ${date}\n` : ''}\n${body}\n` });
    }
  }
  return out;
}

/** Writes `n` articles into `dir` (emptied first); returns their total size in bytes. */
export function writeCorpus(dir: string, n: number, seed: number, evalDir = path.resolve(PROJECT_ROOT, '..', 'shared', 'eval')): number {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  let bytes = 0;
  for (const a of generate(readBases(evalDir), n, seed)) {
    writeFileSync(path.join(dir, a.name), a.text);
    bytes += Buffer.byteLength(a.text);
  }
  return bytes;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [n, dir] = process.argv.slice(2);
  const seedAt = process.argv.indexOf('--seed');
  if (!n || !dir) { console.error('usage: corpus.ts N DIR [--seed S]'); process.exit(2); }
  const bytes = writeCorpus(path.resolve(dir), Number(n), seedAt > 0 ? Number(process.argv[seedAt + 1]) : 1);
  console.error(`wrote ${n} articles, ${(bytes / 1e6).toFixed(1)} MB, to ${dir}`);
}
