// A notes model built to strain the deck's layout: long names and quotes, 40 actors, 200 timeline
// events, right-to-left (Arabic, Hebrew) and CJK text, unbroken strings, undated sources.
import type { BriefingNotes, Evidence } from '../../src/notes/model.ts';
import { sampleNotes } from '../fixtures/sample-notes.ts';

const ev = (source: string, start: number, text: string): Evidence => ({ source, start, end: start + text.length, text });

export const ARABIC = 'المشير خليفة حفتر قائد الجيش الوطني الليبي';
export const HEBREW = 'ראש הממשלה לשעבר של מדינת ישראל';
export const CJK = '利比亚国民军总司令哈夫塔尔元帅';
export const JAPANESE = '国際連合リビア支援ミッション特別代表';
export const KOREAN = '대한민국 외교부 아프리카중동국 국장';
/** No break opportunity at all: must wrap anywhere, not run off the slide. */
export const UNBROKEN = `Pneumonoultramicroscopicsilicovolcanoconiosis${'X'.repeat(80)}`;

const NAMES = [
  'Maria Lenz',
  'Alexandros Papadopoulos-Konstantinopoulos, Deputy Special Envoy',
  ARABIC,
  HEBREW,
  CJK,
  JAPANESE,
  KOREAN,
  UNBROKEN,
  'Transport Federation of Greater Avalon and the Northern Territories',
  'Port of Avalon Authority',
];

const name = (k: number): string => `${NAMES[k % NAMES.length] ?? ''}${k >= NAMES.length ? ` ${Math.floor(k / NAMES.length) + 1}` : ''}`;
const LONG_SENTENCE =
  'Officials from both sides said on Tuesday that the negotiations, which had been expected to last a single afternoon, would continue through the week, with mediators shuttling between delegations housed in separate hotels across the city.';

export function stressNotes(): BriefingNotes {
  const n = sampleNotes();
  n.title = `Briefing: ${ARABIC} — ${CJK} — and a title far too long to fit on one line of the cover slide`;
  n.subtitle = `${HEBREW}; ${JAPANESE}; 40 actors, 200 events, ${UNBROKEN}`;
  n.bottomLine = [LONG_SENTENCE, `${ARABIC}، ${LONG_SENTENCE}`, `${CJK}${JAPANESE}${CJK}${JAPANESE}${CJK}`, `${UNBROKEN} ${LONG_SENTENCE}`].map((text, k) => ({
    text,
    cites: k % 2 ? ['s1', 's2', 's3'] : ['s2'],
    evidence: [ev('s1', 10, text)],
  }));
  n.keyPoints = Array.from({ length: 18 }, (_, k) => ({
    text: k % 3 === 0 ? `${LONG_SENTENCE} ${LONG_SENTENCE}` : k % 3 === 1 ? `${name(k)}: ${CJK}${KOREAN}` : `${HEBREW} — ${LONG_SENTENCE}`,
    cites: ['s1', 's3'],
    evidence: k % 2 ? [ev('s1', k * 10, LONG_SENTENCE)] : [],
  }));
  n.actors = Array.from({ length: 40 }, (_, k) => ({
    name: name(k),
    description: k % 4 === 0 ? '' : `${k % 2 ? 'deputy assistant undersecretary for long titles and longer portfolios, Ministry of Examples' : HEBREW}`,
    backedBy: k % 3 === 0 ? [] : [name(k + 1), name(k + 2), name(k + 3), name(k + 5)].slice(0, 1 + (k % 4)),
    opposedBy: k % 5 === 0 ? [name(k + 7), ARABIC] : [],
    cites: ['s1', 's2'],
    evidence: [ev('s2', k, `${name(k)} was named in the report.`)],
  }));
  n.timeline = Array.from({ length: 200 }, (_, k) => ({
    date: k % 17 === 0 ? `${1990 + Math.floor(k / 7)}` : k % 5 === 0 ? `${1990 + Math.floor(k / 7)}-${String((k % 12) + 1).padStart(2, '0')}` : `${1990 + Math.floor(k / 7)}-${String((k % 12) + 1).padStart(2, '0')}-${String((k % 28) + 1).padStart(2, '0')}`,
    text: k % 9 === 0 ? LONG_SENTENCE : k % 9 === 1 ? `${ARABIC} ${CJK}` : k % 9 === 2 ? UNBROKEN : `Event ${k + 1}: ${name(k)} met ${name(k + 1)}.`,
    cites: ['s2'],
    evidence: [],
  }));
  n.quotes = Array.from({ length: 9 }, (_, k) => ({
    text: k % 3 === 0 ? `${LONG_SENTENCE} ${LONG_SENTENCE}` : k % 3 === 1 ? `${ARABIC}، ${ARABIC}، ${ARABIC}` : `${CJK}${JAPANESE}${CJK}`,
    speaker: name(k),
    role: k % 2 ? 'spokesperson for the Ministry of Foreign Affairs and International Cooperation' : '',
    cites: ['s3'],
    evidence: [ev('s3', k, 'The quoted sentence as the source gives it.')],
  }));
  n.figures = [{ figure: '1,234,567,890 barrels a day across the whole region', text: LONG_SENTENCE, cites: ['s1'], evidence: [] }];
  n.discrepancies = [
    { text: `Sources give different ages for ${ARABIC}: 75 in s1 (2019-04-05); 76 in s2 (undated).`, cites: ['s1', 's2'], evidence: [] },
    { text: `${UNBROKEN} ${LONG_SENTENCE}`, cites: ['s2', 's3'], evidence: [] },
  ];
  n.sources = Array.from({ length: 30 }, (_, k) => ({
    id: `s${k + 1}`,
    file: k % 4 === 0 ? `sources/${'very-long-folder-name/'.repeat(4)}article-${k}.html` : `sources/${k}.txt`,
    title: k % 3 === 0 ? LONG_SENTENCE : k % 3 === 1 ? ARABIC : `${CJK} ${JAPANESE}`,
    outlet: k % 2 ? 'The Avalon Herald and Evening Gazette of the Northern Coast' : HEBREW,
    date: k % 4 === 1 ? null : `2019-0${(k % 9) + 1}-1${k % 10}`,
    dateSource: k % 4 === 1 ? 'unknown' : k % 4 === 2 ? 'inferred' : 'explicit',
    flags: k % 4 === 1 ? ['degraded', 'lowercase', 'undated', 'unpunctuated', 'boilerplate-removed'] : k % 4 === 2 ? ['stale', 'duplicate'] : [],
  }));
  return n;
}

/** A note without the citation lists the renderer writes itself at line ends (`[s1, s3]`), which are plain text. */
export const withoutCitations = (note: string | undefined): string => (note ?? '').replace(/ \[s\d+(?:, s\d+)*\]$/gm, '');
