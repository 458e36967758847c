/**
 * The threshold from which a reader's claim takes a fact-checker's rating: checked on the seed
 * articles, against reviewed claims that restate one of their facts and ones that state another fact
 * of the same story.
 */
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { SEED_FILES, seedLines } from '../../test/support/seeds.ts';
import { analyzeSentences } from '../claims/index.ts';
import { indexTerms, similarity } from '../match/index.ts';
import { ClaimLensDB } from '../store/db.ts';
import { replaceFactChecksOfPage } from '../store/fact-checks.ts';
import type { SentenceRecord } from '../store/schema.ts';
import { readClaimReviews } from './claim-review.ts';
import {
  analyseReviewedClaim,
  FACT_CHECK_MATCH_THRESHOLD,
  factCheckRecords,
  factChecksForClaims,
} from './match.ts';

const seeds = SEED_FILES;
const lines = seedLines;
const claims = seeds.flatMap((f) =>
  analyzeSentences(lines(f).map((text) => ({ kind: 'paragraph' as const, text }))).filter(
    (s) => s.score >= 0.5,
  ),
);

/** The best similarity of a reviewed claim to the seeds' claims matching `pattern`, and to all the others. */
function best(review: string, pattern: RegExp): { same: number; other: number } {
  const r = analyseReviewedClaim(review);
  let same = 0;
  let other = 0;
  for (const c of claims) {
    const s = similarity(c, r);
    if (pattern.test(c.text)) same = Math.max(same, s);
    else other = Math.max(other, s);
  }
  return { same, other };
}

describe('fact-check matching threshold', () => {
  it.each([
    ['North Korea has about 11,000 troops in Russia ready to fight in Ukraine by November 1.', /11,000/],
    ['Ukraine said 2,600 North Korean soldiers will be deployed to the Kursk region.', /2,600/],
    ['North Korea sent 1,500 special forces soldiers to Russia in October.', /at least 1,500/],
    ['A video shows North Korean soldiers at a Russian military camp.', /video that purportedly shows/],
  ])('a restatement of a seed fact matches: %s', (review, pattern) => {
    expect(best(review, pattern).same).toBeGreaterThanOrEqual(FACT_CHECK_MATCH_THRESHOLD);
  });

  it.each([
    ['The Kremlin denied that North Korean troops are in Russia.'],
    ['Joe Biden said inflation was at 9 percent in 2022.'],
    ['North Korea tested a hypersonic missile over the Sea of Japan in January.'],
  ])('a claim no seed states matches none: %s', (review) => {
    expect(best(review, /^$/).other).toBeLessThan(FACT_CHECK_MATCH_THRESHOLD);
  });
});

describe('factChecksForClaims', () => {
  it('gives the matching claim of an article the review, and no other claim', async () => {
    const db = new ClaimLensDB(`fc-${Math.random()}`, { indexedDB, IDBKeyRange });
    // The Korea Herald's sentences as the store holds them.
    const sentences: SentenceRecord[] = analyzeSentences(
      lines(seeds[4]).map((text) => ({ kind: 'paragraph' as const, text })),
    ).map((a, index) => ({
      ...a,
      id: `h:${index}`,
      articleId: 'h',
      outlet: 'Herald',
      index,
      terms: indexTerms(a),
    }));
    const reviews = readClaimReviews(
      [
        JSON.stringify({
          '@type': 'ClaimReview',
          claimReviewed: 'Seoul confirmed that at least 1,500 North Korean troops had been sent to Russia.',
          author: { name: 'Checker' },
          reviewRating: { alternateName: 'True' },
        }),
      ],
      'https://checker.test/1',
    );
    await replaceFactChecksOfPage(db, 'https://checker.test/1', factCheckRecords(reviews, undefined, 1));
    const found = await factChecksForClaims(
      db,
      sentences.filter((s) => s.score >= 0.5),
    );
    const rated = sentences.filter((s) => found.has(s.id)).map((s) => s.text);
    expect(rated).toHaveLength(1);
    expect(rated[0]).toMatch(/at least 1,500 North Korean troops/);
    expect(found.get(sentences.find((s) => s.text === rated[0])!.id)?.[0]).toMatchObject({
      factChecker: 'Checker',
      rating: 'true',
    });
    // Saving the page again with no review removes the old one.
    await replaceFactChecksOfPage(db, 'https://checker.test/1', []);
    expect(await db.factChecks.count()).toBe(0);
  });
});
