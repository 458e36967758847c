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
  | 'up-to'
  /** Close above the figure, and not below it: "just over 200" is 212, not 190 nor 240. */
  | 'just-over'
  /** Close below the figure: "just under 5%" is 4.9, not 5.2 nor 3.9. */
  | 'just-under';

export interface NumberMention {
  /** The words as written, e.g. "close to 11,000". */
  raw: string;
  value: number;
  /** What is counted or measured when the text says so: "troops", "%", "miles", "units". */
  unit?: string;
  qualifier: NumberQualifier;
  /**
   * The sentence denies the figure rather than states it: "1,800 people, not 2,000", "900 jobs rather than
   * the 1,200 announced". A denied figure that names nothing it counts counts what the figure it corrects does.
   */
  denied?: true;
  /**
   * The figure is a change, and which way: "profit fell 18 percent", "up 18 percent from a year earlier",
   * "an 18 percent fall in profit". A rise and a fall of one size are two facts, not one.
   */
  change?: 'up' | 'down';
  /**
   * The figure is the level a change reached, and from which way: "winds dropped to 115 mph" (from above),
   * "inflation rose to 3.2%" (from below). The level before it lies on the other side.
   */
  reached?: 'up' | 'down';
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
  /**
   * Check-worthiness in 0..1: the text model's calibrated probability that fact-checkers would check
   * the sentence (0.5 is its best cut on held-out debate sentences), capped for furniture and headings.
   * Whether a sentence is highlighted also weighs its figures and sources: see `claimMask`.
   */
  score: number;
  attribution: Attribution | null;
  numbers: NumberMention[];
  dates: DateMention[];
  entities: EntityMention[];
  /** Hedging words found: "purportedly", "allegedly", "may". */
  hedges: string[];
}

/** Default check-worthiness threshold; the options page and the popup can change it. */
export const DEFAULT_CLAIM_THRESHOLD = 0.5;

/**
 * The reader's three settings for how much is highlighted, as thresholds on the one scale the options
 * page, the popup and the CLI's `--threshold` share. "all" is 0: every prose sentence is a claim.
 */
export const HIGHLIGHT_LEVELS = { fewer: 0.7, default: DEFAULT_CLAIM_THRESHOLD, all: 0 } as const;
export type HighlightLevel = keyof typeof HIGHLIGHT_LEVELS;

/** The level a threshold stands for: the nearest of the three (a threshold set by hand lands on one). */
export function levelOf(threshold: number): HighlightLevel {
  let best: HighlightLevel = 'default';
  let gap = Number.POSITIVE_INFINITY;
  for (const [level, t] of Object.entries(HIGHLIGHT_LEVELS) as [HighlightLevel, number][]) {
    if (Math.abs(t - threshold) < gap) {
      best = level;
      gap = Math.abs(t - threshold);
    }
  }
  return best;
}

/**
 * Highest share of an article's prose sentences that a threshold highlights: a wall of yellow tells a
 * reader nothing, so a page whose every sentence clears the threshold still shows only its most
 * check-worthy ones. 40 % at the default, falling as the threshold rises, and every sentence at 0.
 */
export function claimShare(threshold: number): number {
  return Math.min(1, Math.max(0.1, 1 - 1.2 * threshold));
}

/**
 * Score at or below which a sentence is page furniture, a fragment or a heading, not a statement at
 * all (src/claims caps those there).
 */
export const STATEMENT_FLOOR = 0.1;

/** What `claimMask` reads of a sentence: its score and whether it carries a figure or a named source. */
export type Rankable = Pick<SentenceAnalysis, 'score' | 'numbers' | 'attribution' | 'dates'>;

const PRONOUN_SOURCE = /^(?:he|she|it|they|we|i|this|that)$/i;

/**
 * Whether a sentence carries what fact-checkers check first: a figure (a number, or a calendar date
 * written with one: "on Oct. 14", not "on Saturday"), or a statement put in a named source's mouth
 * ("X said Y", "according to X"). A pronoun source ("he said") counts when the analysis resolved it
 * to a name.
 */
export function carriesEvidence(s: Pick<SentenceAnalysis, 'numbers' | 'attribution' | 'dates'>): boolean {
  return (
    s.numbers.length > 0 ||
    (s.attribution !== null && !PRONOUN_SOURCE.test(s.attribution.source)) ||
    s.dates.some((d) => /\d/.test(d.raw))
  );
}

/**
 * The score a sentence carrying a figure or a named source needs: a quarter of the threshold up to the
 * default (above what page furniture and headings score, `STATEMENT_FLOOR`), rising to the threshold
 * itself at 1, so that "fewer" drops the weaker of them too. The score is how likely fact-checkers are
 * to check the sentence's words (a model trained on debate transcripts); news puts its checkable
 * statements in a named source's mouth or in a figure, which that model underrates ("X said Y" reads
 * like opinion to it), and a reader checks who said what.
 */
export function evidenceThreshold(threshold: number): number {
  const atDefault = DEFAULT_CLAIM_THRESHOLD / 4;
  if (threshold <= DEFAULT_CLAIM_THRESHOLD) return threshold / 4;
  return (
    atDefault + ((threshold - DEFAULT_CLAIM_THRESHOLD) * (1 - atDefault)) / (1 - DEFAULT_CLAIM_THRESHOLD)
  );
}

/**
 * How a sentence ranks for highlighting before its score: a figure and a named source together (what
 * fact-checkers check first), then either one, then neither.
 */
export function evidenceTier(s: Pick<SentenceAnalysis, 'numbers' | 'attribution' | 'dates'>): number {
  if (!carriesEvidence(s)) return 0;
  return s.numbers.length > 0 && s.attribution !== null && !PRONOUN_SOURCE.test(s.attribution.source) ? 2 : 1;
}

/**
 * Which of an article's prose sentences (all of them, in any order) are its claims at a threshold. A
 * candidate scores at least the threshold, or `evidenceThreshold` when it carries a figure or a named
 * source (`carriesEvidence`). Candidates are ranked by `evidenceTier`, then score (ties in page order),
 * and at most `claimShare` of the article's statements (sentences scoring above `STATEMENT_FLOOR`; at
 * least one) are kept, so a page is never painted wall to wall: the rest are listed apart (the popup's
 * "not highlighted"). At 0 every sentence is a claim, furniture included. The one rule every reader of
 * stored scores applies (the background's views, the export, the CLI), so a threshold means the same
 * everywhere.
 */
export function claimMask(sentences: readonly Rankable[], threshold: number): boolean[] {
  if (threshold <= 0) return sentences.map(() => true);
  const mask = sentences.map(() => false);
  let statements = 0;
  for (const s of sentences) if (s.score > STATEMENT_FLOOR) statements++;
  const budget = Math.max(1, Math.floor(claimShare(threshold) * statements));
  const evidenceBar = evidenceThreshold(threshold);
  const candidates: { i: number; tier: number; score: number }[] = [];
  sentences.forEach((s, i) => {
    const tier = evidenceTier(s);
    if (s.score >= (tier ? evidenceBar : threshold)) candidates.push({ i, tier, score: s.score });
  });
  candidates.sort((a, b) => b.tier - a.tier || b.score - a.score || a.i - b.i);
  for (let k = 0; k < candidates.length && k < budget; k++) mask[candidates[k].i] = true;
  return mask;
}

/**
 * Whether a statement that `claimMask` leaves unhighlighted is still one of the article's claims
 * because another outlet confirms, disputes or cannot confirm it. Other outlets' coverage says a
 * statement is worth checking the way a figure or a named source does, so it must clear the same bar
 * (`evidenceThreshold`) and be a statement, not furniture. Such a claim is listed with its verdict
 * (the popup, the CLI, the export) but never highlighted: the highlights follow the page alone, and a
 * page can read its own highlights, so a highlight that followed the store would tell it what else
 * the reader has read.
 */
export function isCoveredStatement(s: Rankable, threshold: number): boolean {
  return threshold > 0 && s.score > STATEMENT_FLOOR && s.score >= evidenceThreshold(threshold);
}

/**
 * `claimMask` over sentences of many articles at once (the store's, the CLI's corpus): each article's
 * sentences are ranked against each other only. Returns the claims: the highlighted ones, and, when
 * `covered` says which sentences other outlets speak to, those of them `isCoveredStatement` admits.
 */
export function selectClaims<T extends Rankable & { articleId: string }>(
  sentences: readonly T[],
  threshold: number,
  covered?: (s: T) => boolean,
): Set<T> {
  const byArticle = new Map<string, T[]>();
  for (const s of sentences) {
    const list = byArticle.get(s.articleId);
    if (list) list.push(s);
    else byArticle.set(s.articleId, [s]);
  }
  const out = new Set<T>();
  for (const list of byArticle.values()) {
    const mask = claimMask(list, threshold);
    list.forEach((s, i) => {
      if (mask[i] || (covered?.(s) && isCoveredStatement(s, threshold))) out.add(s);
    });
  }
  return out;
}
