/**
 * What the core knows about one sentence of an article. This is the single shape shared by
 * the claim detector, the matcher, the stance model, the store and the CLI's JSON output.
 */

/** How a number is qualified in the text: "more than 11,000" is a lower bound, "about" is approximate. */
export type NumberQualifier =
  | 'exact'
  | 'approx'
  | 'at-least'
  | 'more-than'
  | 'at-most'
  | 'less-than'
  | 'up-to';

export interface NumberMention {
  /** The words as written, e.g. "close to 11,000". */
  raw: string;
  value: number;
  /** What is counted or measured when the text says so: "troops", "%", "miles", "units". */
  unit?: string;
  qualifier: NumberQualifier;
  /** Offsets into the sentence text. */
  start: number;
  end: number;
}

export interface DateMention {
  raw: string;
  /** ISO date (yyyy-mm-dd) or range start when it can be resolved, else undefined. */
  iso?: string;
  /** ISO end of a range ("Oct. 8-13") when there is one. */
  isoEnd?: string;
  start: number;
  end: number;
}

export interface Attribution {
  /** Who makes the claim, as named in the text: "Kyrylo Budanov". */
  source: string;
  /** The source's role when the text gives one: "Ukraine's military intelligence chief". */
  role?: string;
  /** The reporting verb or phrase: "said", "according to", "claimed". */
  verb: string;
}

export type EntityType = 'person' | 'place' | 'organisation' | 'other';

export interface EntityMention {
  text: string;
  type: EntityType;
}

/** One sentence of an article with its check-worthiness and what makes it checkable. */
export interface SentenceAnalysis {
  text: string;
  /** UTF-16 offsets into the article text. */
  start: number;
  end: number;
  /** Check-worthiness in 0..1. */
  score: number;
  attribution: Attribution | null;
  numbers: NumberMention[];
  dates: DateMention[];
  entities: EntityMention[];
  /** Hedging words found: "purportedly", "allegedly", "may". */
  hedges: string[];
}

/** Default check-worthiness threshold; the options page can change it. */
export const DEFAULT_CLAIM_THRESHOLD = 0.5;
