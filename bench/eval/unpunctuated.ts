// Sentence boundaries restored in unpunctuated text: well-formed articles are lower-cased and stripped of
// punctuation (apostrophes become spaces, as in damaged sources), and the sentence starts found again are
// scored against the ones the punctuated text has. `node bin/run-ts.mjs bench/eval/unpunctuated.ts [DIR]`
// (PolNeAR's texts by default; a TimeBank folder works too: its `.tml` files are read as their TEXT element).
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { restoreSentences } from '../../src/extract/rules/degraded-sentences.ts';
import { splitSentences } from '../../src/extract/rules/sentences.ts';
import { contractionEdits } from '../../src/ingest/repair/contractions.ts';
import { applyEdits } from '../../src/ingest/edits.ts';

/** The damaged text (one line) and the offsets in it where the original's sentences start. */
export function degrade(text: string): { damaged: string; starts: Set<number> } {
  const sentenceStarts = new Set(splitSentences(text).map(([s]) => s));
  let damaged = '';
  const starts = new Set<number>();
  let pendingStart = false;
  for (const m of text.matchAll(/\S+/g)) {
    if (sentenceStarts.has(m.index)) pendingStart = true;
    for (const piece of m[0].toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean)) {
      if (damaged) damaged += ' ';
      if (pendingStart) { starts.add(damaged.length); pendingStart = false; }
      damaged += piece;
    }
  }
  starts.delete(0);
  return { damaged, starts };
}

export function score(found: Set<number>, gold: Set<number>) {
  let hit = 0;
  for (const f of found) if (gold.has(f)) hit++;
  return { hit, found: found.size, gold: gold.size };
}

/** Precision and recall of restored sentence starts over the articles of `dir`: the splitter alone and with the word model. */
export function evaluateBoundaries(dir: string): Record<'old' | 'model', { hit: number; found: number; gold: number }> {
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.txt') || f.endsWith('.tml')).sort();
  /** The article text: a TimeML file's TEXT element without its tags, or the file as it is. */
  const articleText = (f: string, raw: string) => (f.endsWith('.tml') ? (/<TEXT>([\s\S]*)<\/TEXT>/.exec(raw)?.[1] ?? '').replace(/<[^>]+>/g, '') : raw);
  const total = { old: { hit: 0, found: 0, gold: 0 }, model: { hit: 0, found: 0, gold: 0 } };
  for (const f of files) {
    const { damaged, starts } = degrade(articleText(f, fs.readFileSync(path.join(dir, f), 'utf8')));
    const text = applyEdits(damaged, contractionEdits(damaged));
    const spans = splitSentences(text);
    const runs = { old: spans, model: restoreSentences(text, spans) };
    for (const key of ['old', 'model'] as const) {
      const s = score(new Set(runs[key].map(([a]) => a).filter((a) => a > 0)), starts);
      total[key].hit += s.hit; total[key].found += s.found; total[key].gold += s.gold;
    }
  }
  return total;
}

// Run alone: `node bin/run-ts.mjs bench/eval/unpunctuated.ts [DIR]`.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dir = process.argv[2] ?? path.resolve('../shared/eval/polnear-dev/text');
  const total = evaluateBoundaries(dir);
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.txt') || f.endsWith('.tml')).length;
  for (const key of ['old', 'model'] as const) {
    const t = total[key];
    const p = t.hit / t.found, r = t.hit / t.gold;
    console.log(`${key === 'old' ? 'fixed-length cuts (before)' : 'word model'}: precision ${p.toFixed(3)} recall ${r.toFixed(3)} F1 ${(2 * p * r / (p + r)).toFixed(3)} (${t.hit} of ${t.found} found, ${t.gold} gold) in ${files} files`);
  }}
