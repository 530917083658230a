// contentLines keeps the last text's lines (the cleaning rules ask for one text's lines in turn): whatever
// the order of the texts asked about, it must give what splitting afresh gives, and its shared answer must
// not be changeable by a caller.
import { describe, expect, it } from 'vitest';
import { contentLines, isBlank, splitLines } from '../src/ingest/clean/lines.ts';
import { CLEAN_RULES, runCleaning } from '../src/ingest/clean/index.ts';
import { rng } from '../bench/scale/corpus.ts';

const PIECES = ['Home | News | Sport', 'By Jane Roe', 'VELNA (AP) — The council met.', '   ', '', 'Photo: Kessa Mining', 'The talks lasted hours.', '© 2031 Velna Post', '\t'];
const BREAKS = ['\n', '\r\n', '\r', '\n\n'];

function text(r: () => number): string {
  let out = '';
  for (let k = Math.floor(r() * 12); k > 0; k--) out += PIECES[Math.floor(r() * PIECES.length)]! + BREAKS[Math.floor(r() * BREAKS.length)]!;
  return out;
}

const fresh = (t: string) => splitLines(t).filter((l) => !isBlank(l));

describe('contentLines, kept for the last text', () => {
  it('gives the lines splitting afresh gives, for texts asked in any order, repeated or equal but new strings', () => {
    const r = rng(5);
    const texts = Array.from({ length: 40 }, () => text(r));
    for (let q = 0; q < 400; q++) {
      const pick = texts[Math.floor(r() * texts.length)]!;
      // Sometimes the same characters as a new string, or an edited copy (as a cleaning rule makes).
      const t = r() < 0.2 ? [...pick].join('') : r() < 0.2 ? pick.replace(/[A-Z]/, ' ') : pick;
      expect(contentLines(t)).toEqual(fresh(t));
    }
  });

  it('is frozen, so no caller can change what the next one reads', () => {
    const lines = contentLines('One\nTwo\n');
    expect(Object.isFrozen(lines)).toBe(true);
    expect(() => (lines as unknown as string[]).push('x')).toThrow();
  });

  it('leaves cleaning as the rules one by one, each on a fresh split, would', () => {
    const r = rng(9);
    for (let k = 0; k < 60; k++) {
      const raw = text(r);
      const whole = runCleaning({ raw, format: 'text' });
      // Each rule alone, run with the cache emptied by another text first: the same edits in the chain.
      const alone = runCleaning({ raw, format: 'text' }, CLEAN_RULES.map((rule) => ({ ...rule, rule: (s: Parameters<typeof rule.rule>[0]) => { contentLines(`${s.text}x`); return rule.rule(s); } })));
      expect(whole).toEqual(alone);
    }
  });
});
