// Notes models for the deck-as-presentation tests: a full briefing with every optional field the
// briefing logic fills (themes, support counts, caveats, actor positions, trends) and many items,
// and a few-items one written by hand (no optional fields). Invented topic, no real names.
import type { BriefingNotes, Claim, Evidence, SourceEntry } from '../../src/notes/model.ts';

const ev = (source: string, start: number, text: string): Evidence => ({ source, start, end: start + text.length, text });
const claim = (text: string, cites: string[], extra: Partial<Claim> = {}): Claim => ({ text, cites, evidence: [ev(cites[0] ?? 's1', 100, text)], ...extra });

const THEMES = ['Pay talks', 'Shipping disruption', 'Political pressure', 'Public services'];
const POINT_TEXTS = [
  'The union rejected a pay offer of four percent after a vote of its members on Friday.',
  'Negotiators met for six hours on Monday without reaching an agreement on overtime.',
  'Three container lines said they would divert ships to ports further north.',
  'Freight rates on the coastal route rose sharply in the first week of the stoppage.',
  'The regional governor called on both sides to return to talks before the weekend.',
  'Opposition members demanded a debate on the strike in the regional assembly.',
  'Ferry services to the islands were cut to one crossing a day.',
  'Hospitals reported delays in deliveries of medical supplies.',
  'The port authority said it had lost revenue every day of the strike.',
  'A mediator from the national labour board was appointed on Wednesday.',
  'Smaller unions at two other ports said they might join the action.',
  'Retailers warned of empty shelves if the stoppage lasted another fortnight.',
  'The union said members would keep picketing the main gates around the clock.',
  'Customs officers were moved to the airport to clear urgent cargo.',
];

function sources(count: number): SourceEntry[] {
  return Array.from({ length: count }, (_, k): SourceEntry => ({
    id: `s${k + 1}`,
    file: `sources/article-${k + 1}.txt`,
    title: `Report number ${k + 1} on the harbour dispute`,
    outlet: ['Avalon Herald', 'Coast Daily', 'Harbour Wire', 'Northern Post'][k % 4] ?? 'unknown outlet',
    date: k === 2 ? null : `2024-03-${String(2 + k).padStart(2, '0')}`,
    dateSource: k === 2 ? 'unknown' : 'explicit',
    flags: k === 2 ? ['degraded', 'undated'] : k === 5 ? ['stale'] : [],
  }));
}

/** A full briefing: 14 key points in 4 themes, 12 actors with positions, 30 events, 8 quotes, 7 figures, 2 trends. */
export function richNotes(): BriefingNotes {
  const keyPoints = POINT_TEXTS.map((text, k) =>
    claim(text, k % 3 === 0 ? ['s1', 's2', 's4'] : k % 3 === 1 ? ['s2', 's4'] : ['s3'], {
      support: k % 3 === 0 ? 3 : k % 3 === 1 ? 2 : 1,
      theme: THEMES[Math.floor(k / 4) % THEMES.length],
      ...(k % 3 === 2 ? { caveats: ['degraded', 'undated'] as const satisfies Claim['caveats'] } : {}),
    }),
  );
  return {
    title: 'Briefing: Harbour strike at Avalon',
    subtitle: '8 sources, 2024-03-02 to 2024-03-09 (1 undated)',
    asOf: '2024-03-09',
    inputs: ['sources'],
    bottomLine: [
      claim('Dock workers at the Port of Avalon have been on strike since March 2 after pay talks collapsed.', ['s1', 's2'], { support: 2 }),
      claim('The port authority says losses exceed four million a day, and ships are being diverted north.', ['s4'], { support: 1 }),
      claim('A mediator has been appointed, but neither side has moved on pay.', ['s5', 's6'], { support: 2 }),
    ],
    keyPoints,
    actors: Array.from({ length: 12 }, (_, k) => ({
      name: ['Maria Lenz', 'Port of Avalon Authority', 'Transport Federation', 'Regional Governor', 'National Labour Board', 'Coast Shipping Line'][k % 6] + (k >= 6 ? ` ${k}` : ''),
      description: ['union secretary, Avalon Dock Workers Union', 'port operator', 'national union federation', 'head of the regional government', 'state mediation body', 'container carrier'][k % 6] ?? '',
      backedBy: k === 0 ? ['Transport Federation'] : k === 3 ? ['Opposition Party'] : [],
      opposedBy: k === 0 ? ['Port of Avalon Authority'] : k === 1 ? ['Maria Lenz', 'Transport Federation'] : [],
      cites: ['s1', 's3'],
      evidence: [ev('s1', 40, 'Union secretary Maria Lenz said the workers would stay out.')],
      positions: k < 4 ? [claim(['wants a pay rise above inflation', 'says it cannot pay more than four percent', 'backs the strikers', 'called for talks before the weekend'][k] ?? '', ['s1'])] : [],
    })),
    timeline: Array.from({ length: 30 }, (_, k) => ({
      date: `2024-${String(1 + Math.floor(k / 10)).padStart(2, '0')}-${String(1 + ((k * 3) % 28)).padStart(2, '0')}`,
      text: `Event ${k + 1}: the dispute moved on as ${k % 2 ? 'the union' : 'the port authority'} reported to the press.`,
      cites: k % 4 === 0 ? ['s1', 's2'] : ['s2'],
      evidence: [],
    })).sort((a, b) => a.date.localeCompare(b.date) || a.text.localeCompare(b.text)),
    quotes: Array.from({ length: 8 }, (_, k) => ({
      text: ['We will stay out until the offer is fair.', 'Every day of this costs the region jobs.', 'Both sides must be back at the table by Friday.', 'We have not been asked to mediate yet.'][k % 4] ?? '',
      speaker: ['Maria Lenz', 'Port of Avalon Authority', 'Regional Governor', 'National Labour Board'][k % 4] ?? '',
      role: ['union secretary', '', 'head of the regional government', 'state mediation body'][k % 4] ?? '',
      cites: [`s${(k % 4) + 1}`],
      evidence: [],
    })),
    figures: [
      { figure: '$4 million a day', text: 'Losses claimed by the port authority.', cites: ['s4'], evidence: [] },
      { figure: '2,000 workers', text: 'Dock workers on strike at the port.', cites: ['s1'], evidence: [] },
      { figure: '4 percent', text: 'The pay offer the union rejected on Friday.', cites: ['s2'], evidence: [] },
      // Two figures from one sentence: one card, the sentence shown once.
      { figure: '3 lines', text: 'Three container lines diverted 14 ships to ports further north.', cites: ['s5'], evidence: [] },
      { figure: '14 ships', text: 'Three container lines diverted 14 ships to ports further north.', cites: ['s5'], evidence: [] },
      { figure: '6 hours', text: 'Length of Monday talks without agreement.', cites: ['s6'], evidence: [] },
      { figure: '1 crossing a day', text: 'Ferry services to the islands.', cites: ['s7'], evidence: [] },
    ],
    discrepancies: [
      claim('Sources give different numbers of strikers: 2,000 in s1 (2024-03-02); 2,400 in s2 (2024-03-03).', ['s1', 's2']),
      claim('Sources give different dates for the first walkout: March 2 in s1; March 1 in s4.', ['s1', 's4']),
    ],
    trends: [
      {
        text: 'Ships waiting outside the port.',
        measure: 'ships waiting',
        cites: ['s1', 's4', 's7'],
        evidence: [],
        points: [
          { date: '2024-03-02', value: 12, figure: '12 ships', source: 's1' },
          { date: '2024-03-05', value: 31, figure: 'at least 31', source: 's4' },
          { date: '2024-03-08', value: 58, figure: 'nearly 60', source: 's7' },
        ],
      },
      {
        text: 'Workers on strike.',
        measure: 'workers on strike',
        cites: ['s1', 's6'],
        evidence: [],
        points: [
          { date: '2024-03-02', value: 2000, figure: '2,000', source: 's1' },
          { date: '2024-03-07', value: 2600, figure: 'more than 2,600', source: 's6' },
        ],
      },
    ],
    sources: sources(8),
  };
}

/** A short briefing written by hand: few items, none of the optional fields. */
export function fewNotes(): BriefingNotes {
  const n = richNotes();
  return {
    ...n,
    bottomLine: n.bottomLine.slice(0, 2).map(({ text, cites, evidence }) => ({ text, cites, evidence })),
    keyPoints: n.keyPoints.slice(0, 3).map(({ text, cites, evidence }) => ({ text, cites, evidence })),
    actors: n.actors.slice(0, 2).map(({ positions: _p, ...a }) => a),
    timeline: n.timeline.slice(0, 3),
    quotes: n.quotes.slice(0, 2),
    figures: n.figures.slice(0, 2),
    discrepancies: n.discrepancies.slice(0, 1),
    trends: undefined,
    sources: n.sources.slice(0, 4),
  };
}

/**
 * The full briefing naming places: strikes in two real port cities, a walkout in a town that does
 * not exist (listed, never guessed), and a country backing the union (shaded on its side).
 */
export function placesNotes(): BriefingNotes {
  const n = richNotes();
  const events = [
    { date: '2024-03-04', text: 'Sympathy strikes began in Rotterdam and Hamburg, the federation said.', cites: ['s1', 's2'], evidence: [] },
    { date: '2024-03-06', text: 'Dockers also walked out in Qarvelle, a union official said.', cites: ['s2', 's4'], evidence: [] },
  ];
  n.timeline = [...n.timeline, ...events].sort((a, b) => a.date.localeCompare(b.date) || a.text.localeCompare(b.text));
  n.actors[0] = { ...n.actors[0]!, backedBy: [...n.actors[0]!.backedBy, 'Netherlands'] };
  return n;
}
