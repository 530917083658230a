// The per-document analysis: what extraction finds in one source, with character spans. This is the
// documented, stable shape that `briefing analyze --json` prints (see README "analyze").

import type { CleaningStep, SourceFlag, SourceMeta } from '../notes/model.ts';

/** Entity types the extractor tells apart. */
export type EntityType = 'PERSON' | 'ORG' | 'PLACE';

/** One mention of a person, organisation or place. Offsets: UTF-16 code units into the decoded text, end exclusive. */
export interface EntityMention {
  /** Id of the entity the mention resolves to; the same across documents analysed together (`e1`…). */
  id: string;
  type: EntityType;
  start: number;
  end: number;
  /** The mention as it stands in the (cleaned, truecased) text. */
  text: string;
  /** The entity's canonical name ("Marta Vell" for "Gen. Vell"). */
  canonical: string;
  /** A title or role attached to this mention ("Deputy Prime Minister"), or null. */
  role: string | null;
  /** A description written with this mention, before or after it ("a 76-year-old former army officer"), or null. */
  description: string | null;
}

/** One date or time expression. */
export interface DateMention {
  start: number;
  end: number;
  text: string;
  /** ISO at its real granularity (`2019`, `2019-04`, `2019-04-15`), or null when it cannot be resolved without guessing. */
  value: string | null;
}

/** One direct quotation. */
export interface QuoteMention {
  /** Span of the quoted words, quotation marks excluded. */
  start: number;
  end: number;
  text: string;
  /** Entity id of the speaker, or null when no speaker was found. */
  speakerId: string | null;
  /** Canonical name of the speaker, or null. */
  speakerName: string | null;
  /** Span of the mention the attribution points at ("he" in "he said"), or null. */
  speakerStart: number | null;
  speakerEnd: number | null;
  /**
   * `direct`: a quotation standing as speech (“…,” she said); `partial`: quoted words completing the
   * writer's reported clause (said that the plan had “failed every test”).
   */
  kind?: QuoteKind;
  /** Where the attribution was read: after the quote, before it, carried from the quote or sentence it continues, or the last speaker named nearby. */
  attribution?: AttributionSite | null;
  /** How the speaker is written at the attribution: a name, a pronoun ("he"), or an unnamed description ("a State Department official"). */
  speakerForm?: 'named' | 'pronoun' | 'unnamed' | null;
  /** How sure the attribution is, 0–1; below 0.6 the speaker is shown as unclear. */
  confidence?: number;
}

export type QuoteKind = 'direct' | 'partial';
export type AttributionSite = 'after' | 'before' | 'continuation' | 'nearby';

/** One number with what it measures. */
export interface FigureMention {
  start: number;
  end: number;
  text: string;
  /** The number itself (2000000 for "2 million"). */
  value: number;
  /** Unit: `USD`, `EUR`, `GBP`, `percent`, `years`, `km`, `cents` (a hundredth of some currency), … or null for a bare count. */
  unit: string | null;
  /** What it counts or measures ("people killed", "age"), or null. */
  measure: string | null;
  /** Entity id the figure describes (an age's person), or null. */
  entityId: string | null;
}

/** "X backs/supports/opposes/is allied with Y". */
export interface AlignmentMention {
  /** Sentence span the alignment is read from. */
  start: number;
  end: number;
  relation: 'backs' | 'opposes' | 'allied';
  /** Entity id of the one who backs or opposes. */
  fromId: string;
  /** Entity id of the one backed or opposed. */
  toId: string;
}

/** Everything extracted from one source. */
export interface DocumentAnalysis {
  /** Source id (`s1`). */
  id: string;
  path: string;
  meta: SourceMeta;
  flags: SourceFlag[];
  /** Sentence spans `[start, end]`. */
  sentences: Array<[number, number]>;
  entities: EntityMention[];
  dates: DateMention[];
  quotes: QuoteMention[];
  figures: FigureMention[];
  alignments: AlignmentMention[];
  /** What cleaning did to the source before extraction. */
  cleaning: CleaningStep[];
}
