// The contract between stages: what ingest hands to extract (SourceDoc, SourceText after loading) and what extract hands to
// the notes file and the renderers (BriefingNotes). Nothing else crosses a stage boundary.

// ─── Ingest → extract ────────────────────────────────────────────────────────────────────────

/** How a source's publication date was known. */
export type DateSource = 'explicit' | 'inferred' | 'unknown';

/** What is known about a source document, from its text or its file. */
export interface SourceMeta {
  /** The headline or title; null when the text has none that can be told apart from the body. */
  title: string | null;
  /** Publication date as ISO `YYYY-MM-DD` (or `YYYY-MM` / `YYYY` when only that is known); null if unknown. */
  date: string | null;
  /** `explicit`: stated by the source (header, dateline, frontmatter); `inferred`: deduced; `unknown`: not known. */
  dateSource: DateSource;
  /** The words the date was read or inferred from, so a reader can check it. */
  dateEvidence: string | null;
  /** The publication, when the text or metadata names it (e.g. "The Washington Times"). */
  outlet: string | null;
  /** The author or byline, when known. */
  author: string | null;
  /** The address the document came from, when known. */
  url: string | null;
}

/**
 * Marks on a source that change how much the briefing trusts or shows it.
 * - `degraded`: the text was damaged (lower-cased, unpunctuated or cut) and was repaired where possible;
 * - `lowercase`, `unpunctuated`, `truncated-start`: the kinds of damage found;
 * - `boilerplate-removed`: web chrome (notices, captions, "N min read") was blanked out;
 * - `undated`: no publication date is known; `stale`: much older than the briefing's as-of date;
 * - `duplicate`: near-duplicate of another source (same story), merged for citation.
 */
export type SourceFlag =
  | 'degraded'
  | 'lowercase'
  | 'unpunctuated'
  | 'truncated-start'
  | 'boilerplate-removed'
  | 'undated'
  | 'stale'
  | 'duplicate';

/** One thing a cleaning rule did to a source, for `briefing analyze` and `briefing clean`. */
export interface CleaningStep {
  /** The rule's name (e.g. `cookie-notice`). */
  rule: string;
  /** Start of the affected span in `SourceDoc.raw` (UTF-16 code units). */
  start: number;
  /** End of the affected span, exclusive. */
  end: number;
  /** What was done, in a few words ("blanked repeated caption"). */
  note: string;
}

/**
 * One source document as ingest hands it on. Cleaning never changes the text's length: removed
 * boilerplate is blanked with spaces (newlines kept) and repairs such as truecasing replace
 * characters one for one, so every offset into `text` is also an offset into `raw`.
 */
export interface SourceDoc extends SourceText {
  /** The file's decoded text as read (BOM removed, line endings kept); all offsets point into it. */
  raw: string;
}

/**
 * A source as extraction, the notes and the renderers read it: everything but the file's original text.
 * Nothing after loading reads `raw` (only `briefing clean` shows it), and it is as large as `text` (two bytes
 * a character in most news: ~144 MB at 10,000 articles), so `briefing build` keeps this after loading.
 */
export interface SourceText {
  /** Citation id, `s1`…`sN`, assigned in sorted path order so the same inputs give the same ids. */
  id: string;
  /** The file's path as the user named it (relative paths stay relative to the working folder). */
  path: string;
  /** The cleaned text, exactly as long as the file's decoded text: all offsets point into both. */
  text: string;
  /** Title, date, outlet and the rest. */
  meta: SourceMeta;
  /** Damage and status marks, sorted, without repeats. */
  flags: SourceFlag[];
  /** What cleaning did, in order of position. */
  cleaning: CleaningStep[];
}

// ─── Extract → notes → renderers ─────────────────────────────────────────────────────────────

/** A sentence in a source that supports a claim: the citation behind the citation. */
export interface Evidence {
  /** Source id (`s1`). */
  source: string;
  /** Start of the sentence in the source's text (UTF-16 code units). */
  start: number;
  /** End of the sentence, exclusive. */
  end: number;
  /** The sentence as it reads in the cleaned source (one line, whitespace folded). */
  text: string;
}

/**
 * Why a claim should be read with care: it rests on one source only, and that source is damaged
 * (`degraded`), has no known date (`undated`), or is much older than the rest (`stale`).
 */
export type ClaimCaveat = 'degraded' | 'undated' | 'stale';

/** Anything the notes claim: its words, the sources that back it, and the sentences it rests on. */
export interface Claim {
  /**
   * The claim as written in the notes (one line, plain text: never markup). Drafted by the tool it is a
   * source sentence or a compression of one (a sub-sequence of its words); the whole sentence is in `evidence`.
   */
  text: string;
  /** Source ids that back it, sorted by number, without repeats; never empty. */
  cites: string[];
  /** The supporting sentences; may be empty for an item the analyst wrote by hand. */
  evidence: Evidence[];
  /** Independent sources behind it (near-duplicate sources count once); absent: as many as `cites`. */
  support?: number;
  /** Marks for a claim to weigh lightly (see ClaimCaveat), sorted; absent or empty: none. */
  caveats?: ClaimCaveat[];
  /** Key points only: the title of the theme (cluster of related points) it belongs to; absent: none. */
  theme?: string;
}

/** A person, organisation or place that matters to the briefing. */
export interface Actor {
  /** Canonical name ("Marta Vell"). */
  name: string;
  /** Role and affiliation in words ("commander, Veskian Defence Force"); may be empty. */
  description: string;
  /** Names of actors (or others) said to back, support or ally with this one. */
  backedBy: string[];
  /** Names of actors said to oppose this one. */
  opposedBy: string[];
  /** Source ids that mention the actor in the role given. */
  cites: string[];
  /** Sentences naming the actor with the role. */
  evidence: Evidence[];
  /** What the actor wants, did or said, in the sources' words (compressed claims), most telling first; absent: none. */
  positions?: Claim[];
}

/** A dated event. */
export interface TimelineEvent extends Claim {
  /** ISO date at its real granularity: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  date: string;
}

/** A direct quotation with its speaker. */
export interface Quote {
  /** The quoted words, without the quotation marks. */
  text: string;
  /** Who said it ("Tomas Reyn", "the White House"). */
  speaker: string;
  /** The speaker's role, where known ("Deputy Prime Minister"); may be empty. */
  role: string;
  /** Source ids that carry the quote. */
  cites: string[];
  /** Where the quote stands in each source. */
  evidence: Evidence[];
}

/** A number that matters, with what it counts. */
export interface Figure extends Claim {
  /** The figure as shown big ("213 killed", "$2 million", "76 years old"). */
  figure: string;
}

/** Where sources disagree (two ages for one person, two death tolls). `text` says what differs. */
export type Discrepancy = Claim;

/** One value of a trend, as one source gives it on one date. */
export interface TrendPoint {
  /** ISO date the value holds for (the source's date, or the date its sentence gives). */
  date: string;
  /** The number. */
  value: number;
  /** The figure as written ("at least 213", "more than 600"). */
  figure: string;
  /** Source id. */
  source: string;
}

/**
 * A count that changed over time (213 killed in April, more than 600 by June): shown as a trend, not
 * as a contradiction. `text` says what is counted, in the sources' words; `points` are in date order.
 */
export interface Trend extends Claim {
  /** What is counted, short ("killed", "displaced"). */
  measure: string;
  /** Two or more values, in date order. */
  points: TrendPoint[];
}

/** One source as listed at the end of the notes. */
export interface SourceEntry {
  /** Citation id (`s1`). */
  id: string;
  /** The file, as the user named it. */
  file: string;
  /** Title, or "untitled". */
  title: string;
  /** Outlet, or "unknown outlet". */
  outlet: string;
  /** ISO date, or null when undated. */
  date: string | null;
  /** How the date was known. */
  dateSource: DateSource;
  /** Flags, sorted. */
  flags: SourceFlag[];
}

/**
 * The structured briefing notes: exactly what `notes/briefing.md` holds and `notes/briefing.json`
 * serialises. `parse(stringify(notes))` gives back an equal object.
 */
export interface BriefingNotes {
  /** The briefing's title. */
  title: string;
  /** A line under the title (e.g. "Briefing from 5 sources, 2019-04 to 2019-09"); may be empty. */
  subtitle: string;
  /** The date the briefing speaks as of: ISO date, or "unknown" when no source is dated. */
  asOf: string;
  /** The inputs the notes were built from, as the user named them (folders or files). */
  inputs: string[];
  /** 2-4 sentences: what a reader must take away. */
  bottomLine: Claim[];
  /** Ranked, most important first. */
  keyPoints: Claim[];
  /** Ranked by salience. */
  actors: Actor[];
  /** Sorted by date (then by text), dated events only. */
  timeline: TimelineEvent[];
  /** Ranked. */
  quotes: Quote[];
  /** Ranked. */
  figures: Figure[];
  /** Where sources disagree. */
  discrepancies: Discrepancy[];
  /** Counts that changed over time across sources (written under Figures); absent: none. */
  trends?: Trend[];
  /** Every source, in id order. */
  sources: SourceEntry[];
}

/** The section headings of the notes file, in their required order. */
export const NOTES_SECTIONS = [
  'Bottom line',
  'Key points',
  'Actors',
  'Timeline',
  'Quotes',
  'Figures',
  'Discrepancies',
  'Sources',
] as const;
