/**
 * A fact-checker's published rating of a claim (schema.org ClaimReview), normalised to one scale so
 * the tooltip, the popup and the CLI say the same thing whatever words each fact-checker uses.
 */

/**
 * The scale ratings are normalised to, from the fact-checker's own words or numbers (see
 * `src/factcheck/rating.ts` for the rules): `true`, `mostly true`, `mixed` (half true, partly false,
 * misleading, needs context), `mostly false`, `false` (incl. "pants on fire", "fake", "hoax"), and
 * `other` (satire, unproven, no evidence, or a rating that says nothing of truth).
 */
export const RATINGS = ['true', 'mostly true', 'mixed', 'mostly false', 'false', 'other'] as const;
export type Rating = (typeof RATINGS)[number];

/** A fact-check that bears on one of the reader's claims, as the views carry it. */
export interface FactCheckEvidence {
  /** Who published the review ("PolitiFact"), else the host of its page. */
  factChecker: string;
  /** The normalised rating. */
  rating: Rating;
  /** The fact-checker's own words for it ("Pants on Fire"), when it gives any. */
  ratingText?: string;
  /** The claim as the fact-checker states it. */
  claimReviewed: string;
  /** The review's page. */
  url: string;
  datePublished?: string;
  /** How close the reader's claim is to the reviewed claim (0..1). */
  similarity: number;
}
