/**
 * Fact-checks in the store, and which of them bear on a reader's claims. A reviewed claim is stored
 * with the claim analyser's reading of it and the same retrieval keys a sentence gets, so a claim finds
 * its candidate reviews through the `factChecks` key index (never a scan), and the matcher's similarity
 * decides which of them state the same fact.
 */
import { analyzeSentences } from '../claims/index.ts';
import { indexTerms, similarity } from '../match/index.ts';
import type { FactCheckEvidence } from '../model/fact-check.ts';
import type { SentenceAnalysis } from '../model/sentence.ts';
import type { ClaimLensDB } from '../store/db.ts';
import { factChecksWithTerms, hasFactChecks } from '../store/fact-checks.ts';
import { hashString } from '../store/ids.ts';
import type { FactCheckRecord, SentenceRecord } from '../store/schema.ts';
import type { ClaimReview } from './claim-review.ts';

/**
 * Similarity (src/match `similarity`) from which a reader's claim and a reviewed claim count as the
 * same claim. Chosen on the seed articles (match.test.ts): other outlets' restatements of a reviewed
 * claim score from about 0.55 up, while sentences of the same story that state another fact reach
 * about 0.52. A wrong "rated false" on a claim costs the reader more than a missed one, so the
 * threshold sits above the second group.
 */
export const FACT_CHECK_MATCH_THRESHOLD = 0.55;

/** Reviews shown per claim, at most (the closest first). */
const MAX_PER_CLAIM = 3;

/**
 * The reviewed claim read as one sentence: a review states one claim, sometimes in two sentences, and
 * is matched as a whole.
 */
export function analyseReviewedClaim(text: string): SentenceAnalysis {
  const parts = analyzeSentences([{ kind: 'paragraph', text }]);
  return {
    text,
    start: 0,
    end: text.length,
    score: Math.max(0, ...parts.map((p) => p.score)),
    attribution: parts.find((p) => p.attribution)?.attribution ?? null,
    numbers: parts.flatMap((p) => p.numbers),
    dates: parts.flatMap((p) => p.dates),
    entities: parts.flatMap((p) => p.entities),
    hedges: parts.flatMap((p) => p.hedges),
  };
}

/** Store records for the reviews of one page. */
export function factCheckRecords(
  reviews: readonly ClaimReview[],
  articleId: string | undefined,
  now: number,
): FactCheckRecord[] {
  return reviews.map((r) => {
    const analysis = analyseReviewedClaim(r.claimReviewed);
    return {
      id: `k${hashString(`${r.url}\u0000${r.claimReviewed}`)}`,
      ...(articleId ? { articleId } : {}),
      url: r.url,
      factChecker: r.factChecker,
      claimReviewed: r.claimReviewed,
      rating: r.rating,
      ...(r.ratingText ? { ratingText: r.ratingText } : {}),
      ...(r.ratingValue !== undefined ? { ratingValue: r.ratingValue } : {}),
      ...(r.bestRating !== undefined ? { bestRating: r.bestRating } : {}),
      ...(r.worstRating !== undefined ? { worstRating: r.worstRating } : {}),
      ...(r.datePublished ? { datePublished: r.datePublished } : {}),
      ...(r.appearance ? { appearance: r.appearance } : {}),
      analysis,
      terms: indexTerms(analysis),
      storedAt: now,
    };
  });
}

/**
 * For each of the given claims, the fact-checks whose reviewed claim matches it, closest first. One
 * query of the key index for all claims together; a store without fact-checks costs one count.
 */
export async function factChecksForClaims(
  db: ClaimLensDB,
  claims: readonly SentenceRecord[],
): Promise<Map<string, FactCheckEvidence[]>> {
  const out = new Map<string, FactCheckEvidence[]>();
  if (!claims.length || !(await hasFactChecks(db))) return out;
  const keys = [...new Set(claims.flatMap((c) => c.terms))];
  if (!keys.length) return out;
  const candidates = new Map<string, FactCheckRecord>();
  for (const fc of await factChecksWithTerms(db, keys)) candidates.set(fc.id, fc);
  for (const claim of claims) {
    const own = new Set(claim.terms);
    const found: FactCheckEvidence[] = [];
    for (const fc of candidates.values()) {
      if (!fc.terms.some((t) => own.has(t))) continue;
      // A fact-check page's own sentences are not claims about it.
      if (fc.articleId && fc.articleId === claim.articleId) continue;
      const score = similarity(claim, fc.analysis);
      if (score < FACT_CHECK_MATCH_THRESHOLD) continue;
      found.push(evidence(fc, score));
    }
    if (found.length)
      out.set(claim.id, found.sort((a, b) => b.similarity - a.similarity).slice(0, MAX_PER_CLAIM));
  }
  return out;
}

function evidence(fc: FactCheckRecord, score: number): FactCheckEvidence {
  return {
    factChecker: fc.factChecker,
    rating: fc.rating,
    ...(fc.ratingText ? { ratingText: fc.ratingText } : {}),
    claimReviewed: fc.claimReviewed,
    url: fc.url,
    ...(fc.datePublished ? { datePublished: fc.datePublished } : {}),
    similarity: Math.round(score * 1000) / 1000,
  };
}
