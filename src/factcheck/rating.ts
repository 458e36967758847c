/**
 * Fact-checkers rate claims in their own words ("Pants on Fire", "Half True", "Misleading") and on
 * their own numeric scales; ClaimLens shows one scale (`RATINGS` in src/model/fact-check.ts). The
 * words decide when there are any, since they are what the fact-checker publishes; the numbers are
 * read only when no word is recognised, as a position between the worst and the best rating.
 */
import type { Rating } from '../model/fact-check.ts';

/** Checked in this order: the qualified ratings before the plain ones they contain ("mostly false" holds "false"). */
const WORDS: readonly [RegExp, Rating][] = [
  [
    /\b(satire|satirical|unprovable|unproven|unverified|unverifiable|no evidence|insufficient evidence|research in progress|outdated|legend|opinion|not rated|explainer)\b/,
    'other',
  ],
  [
    /\b(mostly|largely|predominantly) (false|untrue|inaccurate|wrong|incorrect)\b|\bthree pinocchios\b/,
    'mostly false',
  ],
  [/\b(mostly|largely|predominantly) (true|correct|accurate|right)\b|\bone pinocchio\b/, 'mostly true'],
  [
    /\b(half[- ]?(true|false)|mixture|mixed|partly|partially|part true|misleading|missing context|needs context|lacks context|out of context|cherry[- ]?pick\w*|exaggerat\w*|distort\w*|two pinocchios|spins? the facts|disputed)\b/,
    'mixed',
  ],
  [
    /\b(false|pants on fire|fake|hoax|incorrect|inaccurate|wrong|fabricated|untrue|not true|baseless|four pinocchios|scam|debunked|bogus)\b/,
    'false',
  ],
  [/\b(true|correct|accurate|confirmed|verified|right|geppetto checkmark)\b/, 'true'],
];

/** The normalised rating of a review from its words (`alternateName`) and its numbers. */
export function normaliseRating(input: {
  alternateName?: string;
  ratingValue?: number;
  bestRating?: number;
  worstRating?: number;
}): Rating {
  const words = input.alternateName?.toLowerCase().replace(/[’']/g, "'").replace(/\s+/g, ' ').trim();
  if (words) for (const [pattern, rating] of WORDS) if (pattern.test(words)) return rating;
  const value = input.ratingValue;
  if (value === undefined || !Number.isFinite(value)) return 'other';
  // schema.org's defaults: best 5, worst 1.
  const best = input.bestRating ?? 5;
  const worst = input.worstRating ?? 1;
  if (!Number.isFinite(best) || !Number.isFinite(worst) || best === worst) return 'other';
  const position = (value - worst) / (best - worst);
  if (position < 0 || position > 1) return 'other';
  if (position >= 0.9) return 'true';
  if (position >= 0.65) return 'mostly true';
  if (position >= 0.35) return 'mixed';
  if (position >= 0.1) return 'mostly false';
  return 'false';
}
