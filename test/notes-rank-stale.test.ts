// The key points', context's and staleness' shortcuts at scale, each against the plain computation it replaced, on
// random inputs: entity ids by one collator against localeCompare with the same options; the head of the clusters
// by a bounded insertion against a full sort; clustering with numbered clusters against the cluster objects;
// a name-free sentence from sorted mentions against reading every mention; stale sources against staleness as it was.
import { describe, expect, it } from 'vitest';
import { byIdNumber, contentWords } from '../src/extract/briefing/context.ts';
import { ActorTable, type Candidate, CHECKED_MEMBERS, clusterFacts, headClusters, sameFact, statedNumbers } from '../src/extract/briefing/keypoints.ts';
import { flatSentenceGraph } from '../src/extract/briefing/lexrank.ts';
import { mentionsByStart, staleDocs, withoutNames } from '../src/extract/briefing/staleness.ts';
import { WordSet } from '../src/extract/briefing/word-set.ts';
import type { DateMention, DocumentAnalysis, EntityMention } from '../src/extract/analysis.ts';
import type { SourceText } from '../src/notes/model.ts';
import { rng } from '../bench/scale/corpus.ts';
import { compatible } from '../src/extract/briefing/timeline.ts';
import { staleDocsPlain } from './helpers/all-pairs.ts';
import { int, pick } from './helpers/random.ts';


describe('entity ids by one collator', () => {
  it('order as localeCompare with the same locale and options does', () => {
    const r = rng(5);
    const ids = Array.from({ length: 3000 }, () => {
      const roll = r();
      return roll < 0.7 ? `e${int(r, 5000)}` : roll < 0.8 ? `e0${int(r, 50)}` : roll < 0.9 ? `E${int(r, 99)}x${int(r, 9)}` : pick(r, ['é1', 'e', '', 'e-3', 'e 12', 'ÉCOLE2', 'ecole10']);
    });
    const byLocale = [...ids].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
    expect([...ids].sort((a, b) => byIdNumber.compare(a, b))).toEqual(byLocale);
    // Numeric: e9 before e10, which a plain comparison puts after.
    expect(byIdNumber.compare('e9', 'e10')).toBeLessThan(0);
  });
});

/** Candidates sharing words often (a small vocabulary), in several sources, with figures and dates now and then. */
function candidates(seed: number, n: number): Candidate[] {
  const r = rng(seed);
  const vocabulary = ['troops', 'killed', 'village', 'talks', 'ceasefire', 'border', 'aid', 'convoy', 'port', 'vote', 'strike', 'rebels', 'Aleppo', 'Annan', 'Tuesday', '213', '600'];
  const table = new ActorTable({ entities: new Map() });
  return Array.from({ length: n }, (_, index) => {
    const text = `The ${Array.from({ length: 4 + int(r, 8) }, () => pick(r, vocabulary)).join(' ')}.`;
    const ids = r() < 0.5 ? [] : [pick(r, ['e1', 'e2'])];
    return {
      doc: int(r, 12), index, text, words: new WordSet(contentWords(text)), ids, actors: ids.map((id) => table.of(id).number),
      figures: r() < 0.3 ? [pick(r, ['213 people killed', '600 people killed'])] : [],
      dates: r() < 0.3 ? [pick(r, ['2029-04', '2029-04-15', '2029-05'])] : [],
      anchor: r() < 0.3 ? pick(r, ['2029-04-15', '2029-04-16']) : null,
      score: int(r, 6) + (r() < 0.5 ? 0.5 : 0), quality: 0, node: index,
    };
  });
}

const disagree = (a: readonly string[], b: readonly string[], agree = (x: string, y: string) => x === y) => a.length > 0 && b.length > 0 && !a.some((x) => b.some((y) => agree(x, y)));
/** Two candidates that cannot tell one fact, written plainly: no actor in common, or different values, dates or numbers. */
const contradictPlain = (a: Candidate, b: Candidate) =>
  disagree(a.ids, b.ids) || disagree(a.figures.map((f) => f.split(' ')[0]!), b.figures.map((f) => f.split(' ')[0]!)) ||
  disagree(a.dates, b.dates, compatible) || disagree([...statedNumbers(a.text)], [...statedNumbers(b.text)]);

/** rankPoints' clustering as it was: a cluster object per cluster, its sources a Set made when a second joins; a
 * sentence joins only a cluster none of whose first CHECKED_MEMBERS members it contradicts (since stop 23). */
function clustersByObjects(ranked: readonly Candidate[], byNode: readonly Candidate[], graph: { first: Int32Array; to: Int32Array }): Candidate[][] {
  interface Cluster { members: Candidate[]; docs: Set<number> | undefined }
  const clusterOf: Array<Cluster | undefined> = new Array(ranked.length);
  const clusters: Candidate[][] = [];
  for (const c of ranked) {
    let home: Cluster | undefined;
    for (let k = graph.first[c.node]!; k < graph.first[c.node + 1]! && !home; k++) {
      const j = graph.to[k]!;
      if (clusterOf[j] !== undefined && sameFact(byNode[j]!, c) && clusterOf[j]!.members.slice(0, CHECKED_MEMBERS).every((m) => !contradictPlain(m, c))) home = clusterOf[j];
    }
    if (!home) { const cl: Cluster = { members: [c], docs: undefined }; clusters.push(cl.members); clusterOf[c.node] = cl; continue; }
    if (home.docs ? home.docs.has(c.doc) : home.members[0]!.doc === c.doc) continue;
    home.members.push(c);
    (home.docs ??= new Set([home.members[0]!.doc])).add(c.doc);
    clusterOf[c.node] = home;
  }
  return clusters;
}

describe('key-point clusters', () => {
  it('are formed as with cluster objects, and their head is the head of a full sort', () => {
    let merged = 0;
    let skipped = 0;
    for (const seed of [1, 2, 3, 4]) {
      const byNode = candidates(seed, 400);
      const first = new Int32Array(byNode.length + 1);
      byNode.forEach((c, i) => { first[i + 1] = first[i]! + c.words.size; });
      const ids = new Int32Array(first[byNode.length]!);
      byNode.forEach((c, i) => c.words.copyOrderedIds(ids, first[i]!));
      let termCount = 0;
      for (const id of ids) termCount = Math.max(termCount, id + 1);
      const graph = flatSentenceGraph(first, ids, termCount);
      const ranked = byNode.slice().sort((x, y) => y.score - x.score || x.doc - y.doc || x.index - y.index);
      const clusters = clusterFacts(ranked, byNode, graph);
      const expected = clustersByObjects(ranked, byNode, graph);
      // Compared as indices: a failing deep comparison of candidates would print (and build) a huge diff.
      const indices = (cls: Candidate[][]) => cls.map((cl) => cl.map((c) => c.index));
      expect(indices(clusters)).toEqual(indices(expected));
      merged += expected.filter((cl) => cl.length > 1).length;
      skipped += byNode.length - expected.flat().length;
      // Scored as rankPoints scores them (best member, plus 3 a further source, halved when all are old news:
      // none is dated here, so never), sorted in full: the head is the same clusters with the same scores.
      const asOf = '2029-05-01';
      const scored = expected.map((cl) => ({ cl, score: cl.reduce((m, c) => Math.max(m, c.score), -Infinity) + 3 * (cl.length - 1) }));
      const sorted = scored.sort((a, b) => b.score - a.score || a.cl[0]!.doc - b.cl[0]!.doc || a.cl[0]!.index - b.cl[0]!.index);
      for (const size of [1, 7, 60, 1000]) expect(headClusters(clusters, asOf, size)).toEqual(sorted.slice(0, size));
    }
    expect(merged).toBeGreaterThan(40); // facts told by several sources…
    expect(skipped).toBeGreaterThan(20); // …and a source repeating itself left out
  });
});

/** A sentence's names left out by reading every mention, as withoutNames did. */
function withoutNamesPlain(text: string, start: number, end: number, mentions: readonly EntityMention[]): string {
  let out = '';
  let at = start;
  for (const m of mentions) {
    if (m.end <= start || m.start >= end || m.start < at) continue;
    out += `${text.slice(at, m.start)} `;
    at = m.end;
  }
  return (out + text.slice(at, end)).replace(/\s+/g, ' ').trim();
}

describe('names left out of a sentence', () => {
  it('from mentions sorted by start, as reading every mention gives', () => {
    let cut = 0;
    for (let seed = 1; seed <= 30; seed++) {
      const r = rng(seed);
      const text = Array.from({ length: 300 }, () => pick(r, ['a', 'b', 'Cc', ' ', 'dd', '  '])).join('');
      // Mentions anywhere: inside a sentence, across its start or end, empty, nested, overlapping.
      const mentions = Array.from({ length: 60 }, () => { const start = int(r, 300); return { start, end: start + int(r, 12) } as EntityMention; })
        .sort((a, b) => a.start - b.start);
      const unsorted = seed % 3 === 0 ? [...mentions].reverse() : mentions;
      for (let k = 0; k < 40; k++) {
        const start = int(r, 300);
        const end = start + int(r, 60);
        const expected = withoutNamesPlain(text, start, end, unsorted);
        expect(withoutNames(text, start, end, mentionsByStart(unsorted))).toBe(expected);
        if (expected !== withoutNamesPlain(text, start, end, [])) cut++;
      }
    }
    expect(cut).toBeGreaterThan(300);
  });
});

/**
 * A folder for staleDocs: current dated sources, year-old dated ones, and undated ones whose text states an old
 * year, some telling the current sources' facts (in their words, or an event in the same month) and some not.
 */
function staleFolder(seed: number): { docs: SourceText[]; analyses: DocumentAnalysis[] } {
  const r = rng(seed);
  const topics = Array.from({ length: 6 }, (_, t) => Array.from({ length: 30 }, (_, k) => `topic${t}word${k}`));
  const filler = ['troops', 'village', 'talks', 'border', 'convoy', 'port', 'vote', 'strike'];
  const names = ['Aleppo', 'Annan', 'Kofi', 'Homs'];
  const months = ['January', 'April', 'June', 'September'];
  const docs: SourceText[] = [];
  const analyses: DocumentAnalysis[] = [];
  for (let d = 0; d < 60; d++) {
    const roll = r();
    const kind = roll < 0.5 ? 'current' : roll < 0.6 ? 'old' : 'undated';
    // Undated sources on topic 5 tell nothing the current sources tell (they never take it), but for months.
    const topic = topics[kind === 'current' ? int(r, 5) : int(r, 6)]!;
    let text = '';
    const sentences: Array<[number, number]> = [];
    const entities: EntityMention[] = [];
    const dates: DateMention[] = [];
    for (let s = 0, n = kind === 'undated' ? 1 + int(r, 3) : 2 + int(r, 8); s < n; s++) {
      const start = text.length;
      // Short and long sentences (a long one can share five words and still too few of its own), filler words
      // rarer in undated sources (two shared words and a month then decide).
      const tokens = Array.from({ length: 5 + int(r, r() < 0.5 ? 10 : 40) }, () => (r() < (kind === 'undated' ? 0.9 : 0.6) ? pick(r, topic) : pick(r, filler)));
      const parts: string[] = [];
      for (const token of tokens) {
        const at = start + parts.join(' ').length + (parts.length ? 1 : 0);
        const extra = r();
        if (extra < 0.12) {
          const name = pick(r, names);
          entities.push({ id: name, start: at, end: at + name.length, type: 'PLACE', text: name, canonical: name, role: null, description: null });
          parts.push(name);
        } else if (extra < 0.17) {
          const month = pick(r, months);
          const number = months.indexOf(month) * 3 + 1;
          const value = kind === 'undated' ? null : `${kind === 'current' ? 2030 : 2028}-${String(number).padStart(2, '0')}-10`;
          dates.push({ start: at, end: at + month.length, text: month, value } as DateMention);
          parts.push(month);
        } else if (extra < 0.2 && kind === 'undated') {
          const year = r() < 0.8 ? '2019' : 'since 2011';
          dates.push({ start: at + year.length - 4, end: at + year.length, text: '2019', value: '2019' } as DateMention);
          parts.push(year);
        } else parts.push(token);
      }
      text += `${parts.join(' ')}. `;
      sentences.push([start, text.length - 1]);
    }
    // A mention across two sentences, now and then; mentions out of order in some sources.
    if (r() < 0.2 && sentences.length > 1) entities.push({ id: 'x', start: sentences[0]![1] - 3, end: sentences[1]![0] + 4, type: 'PLACE', text: 'x', canonical: 'x', role: null, description: null });
    if (r() < 0.2) entities.reverse();
    else entities.sort((a, b) => a.start - b.start);
    dates.sort((a, b) => a.start - b.start);
    const date = kind === 'current' ? `2030-0${1 + int(r, 9)}-1${int(r, 9)}` : kind === 'old' ? '2028-01-05' : null;
    docs.push({ id: `s${d + 1}`, path: `s${d + 1}.txt`, text, meta: { date } } as SourceText);
    analyses.push({ sentences, entities, dates } as unknown as DocumentAnalysis);
  }
  return { docs, analyses };
}

describe('stale sources', () => {
  it('are those staleness found before its shortcuts, undated ones kept stale or not', () => {
    let stayed = 0;
    let cleared = 0;
    for (let seed = 1; seed <= 60; seed++) {
      const ctx = staleFolder(seed);
      const expected = staleDocsPlain(ctx);
      expect([...staleDocs(ctx)].sort((a, b) => a - b)).toEqual([...expected].sort((a, b) => a - b));
      // Undated sources stating an old year: those still stale, and those a current fact made current.
      ctx.docs.forEach((doc, d) => {
        if (doc.meta.date || !ctx.analyses[d]!.dates.some((x) => x.value === '2019' && !doc.text.slice(Math.max(0, x.start - 8), x.start).includes('since'))) return;
        if (expected.has(d)) stayed++; else cleared++;
      });
    }
    expect(stayed).toBeGreaterThan(20);
    expect(cleared).toBeGreaterThan(20);
  });
});

describe('an undated old source', () => {
  it('is current when it tells an event of a current source: two words in common and the month', () => {
    const current = 'Kofi said the troops convoy moved out on Tuesday.';
    const old = 'The troops convoy waited there in January. The report is from 2019.';
    const mention = (text: string, word: string, value: string | null): DateMention => ({ start: text.indexOf(word), end: text.indexOf(word) + word.length, text: word, value });
    const ctx = {
      docs: [{ id: 's1', text: current, meta: { date: '2030-02-01' } }, { id: 's2', text: old, meta: { date: null } }] as SourceText[],
      analyses: [
        { sentences: [[0, current.length]], entities: [], dates: [mention(current, 'Tuesday', '2030-01-29')] },
        { sentences: [[0, 43], [44, old.length]], entities: [], dates: [mention(old, 'January', null), mention(old, '2019', '2019')] },
      ] as unknown as DocumentAnalysis[],
    };
    expect(staleDocsPlain(ctx)).toEqual(new Set());
    expect(staleDocs(ctx)).toEqual(new Set());
    // Told in another month, it stays stale.
    ctx.analyses[0]!.dates[0]!.value = '2030-02-01';
    expect(staleDocsPlain(ctx)).toEqual(new Set([1]));
    expect(staleDocs(ctx)).toEqual(new Set([1]));
  });
});

describe('stated numbers', () => {
  it('are, for a text without a digit as for any, what the patterns find', () => {
    const r = rng(9);
    const plain = (text: string) => {
      const bare = text.replace(/\b(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b|\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*)/gi, ' ').replace(/\b\d{1,2}:\d\d\b/g, ' ');
      return new Set((bare.match(/(?<![\p{L}\p{N}])\d(?:[\d,.]*\d)?(?![\p{L}\p{N}])/gu) ?? []).map((n) => n.replace(/,/g, '')).filter((n) => !/^(?:1[89]|20)\d\d$/.test(n)));
    };
    let none = 0;
    for (let k = 0; k < 3000; k++) {
      const text = Array.from({ length: 3 + int(r, 10) }, () => pick(r, ['troops', '213', '4,300', '3.5', 'A380', '10:30', 'June 18', '18 June', '2011', '٣', '7', '0', 'Zoë', '½'])).join(' ');
      const expected = plain(text);
      expect(statedNumbers(text)).toEqual(expected);
      if (!expected.size) none++;
    }
    expect(none).toBeGreaterThan(100);
  });
});
