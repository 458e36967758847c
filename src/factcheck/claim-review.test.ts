import { describe, expect, it } from 'vitest';
import { readClaimReviews } from './claim-review.ts';

const PAGE = 'https://checker.test/checks/1';

describe('readClaimReviews', () => {
  it('reads a ClaimReview with its rating, author, date and the claim’s appearances', () => {
    const reviews = readClaimReviews(
      [
        JSON.stringify({
          '@context': 'https://schema.org',
          '@type': 'ClaimReview',
          url: 'https://checker.test/checks/1',
          claimReviewed: '  The moon is   made of cheese. ',
          author: { '@type': 'Organization', name: 'Checker' },
          datePublished: '2024-10-23',
          itemReviewed: {
            '@type': 'Claim',
            appearance: [{ url: 'https://a.test/x' }, 'https://b.test/y'],
            firstAppearance: { url: 'https://a.test/x' },
          },
          reviewRating: {
            '@type': 'Rating',
            ratingValue: '1',
            bestRating: '5',
            worstRating: '1',
            alternateName: 'Pants on Fire',
          },
        }),
      ],
      PAGE,
    );
    expect(reviews).toEqual([
      {
        claimReviewed: 'The moon is made of cheese.',
        factChecker: 'Checker',
        rating: 'false',
        ratingText: 'Pants on Fire',
        ratingValue: 1,
        bestRating: 5,
        worstRating: 1,
        url: PAGE,
        datePublished: '2024-10-23T00:00:00.000Z',
        appearance: ['https://a.test/x', 'https://b.test/y'],
      },
    ]);
  });

  it('finds reviews in arrays and @graph, with a typed list, and uses the page for a foreign or missing url', () => {
    const reviews = readClaimReviews(
      [
        JSON.stringify([
          { '@type': 'NewsArticle', headline: 'x' },
          {
            '@type': ['ClaimReview'],
            claimReviewed: 'A',
            reviewRating: { ratingValue: 5 },
            url: 'https://evil.test/',
          },
        ]),
        JSON.stringify({
          '@graph': [
            {
              '@type': 'http://schema.org/ClaimReview',
              claimReviewed: 'B',
              reviewRating: { alternateName: 'Mostly true' },
            },
          ],
        }),
      ],
      PAGE,
    );
    expect(reviews.map((r) => [r.claimReviewed, r.rating, r.url, r.factChecker])).toEqual([
      ['A', 'true', PAGE, 'checker.test'],
      ['B', 'mostly true', PAGE, 'checker.test'],
    ]);
  });

  it('leaves out what is malformed: bad JSON, no claim, no rating', () => {
    expect(
      readClaimReviews(
        [
          '{ "@type": "ClaimReview", ',
          JSON.stringify({ '@type': 'ClaimReview', reviewRating: { alternateName: 'False' } }),
          JSON.stringify({ '@type': 'ClaimReview', claimReviewed: 'x' }),
          JSON.stringify({
            '@type': 'ClaimReview',
            claimReviewed: 42,
            reviewRating: { alternateName: 'False' },
          }),
        ],
        PAGE,
      ),
    ).toEqual([]);
  });

  it('reads at most 20 reviews from a page', () => {
    const many = Array.from({ length: 50 }, (_, i) => ({
      '@type': 'ClaimReview',
      claimReviewed: `c${i}`,
      reviewRating: { alternateName: 'False' },
    }));
    expect(readClaimReviews([JSON.stringify(many)], PAGE)).toHaveLength(20);
  });
});
