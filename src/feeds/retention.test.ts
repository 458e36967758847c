/**
 * Retention removes old feed articles nothing the reader keeps links to, and only those; the key
 * records stay exact (they count the sentences that remain).
 */
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { seedArticle } from '../../test/support/seeds.ts';
import type { ArticleInput } from '../article/types.ts';
import { readClaimReviews } from '../factcheck/claim-review.ts';
import { ingestArticle } from '../pipeline/ingest.ts';
import { ClaimLensDB } from '../store/db.ts';
import { ingestFeedArticle } from './ingest.ts';
import { pruneFeedArticles } from './retention.ts';

const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.UTC(2025, 0, 1);

function seed(i: number, url: string, outlet: string): ArticleInput {
  return seedArticle(i, { url, outlet });
}

function unrelated(url: string, outlet: string, topic: string): ArticleInput {
  return {
    url,
    outlet,
    title: topic,
    blocks: [
      `The city council of ${topic} approved a budget of 4.2 million euros for new bicycle lanes on Tuesday, the mayor said.`,
      `Officials in ${topic} said construction of the 35 kilometres of lanes would begin in March and finish by the end of the year.`,
    ].map((text) => ({ kind: 'paragraph' as const, text })),
  };
}

describe('pruneFeedArticles', () => {
  it('removes old feed articles nothing links to, keeps the rest, and keeps key counts exact', async () => {
    const db = new ClaimLensDB(`prune-${Math.random()}`, { indexedDB, IDBKeyRange });
    const old = NOW - 100 * DAY;
    // Feed articles fetched 100 days ago: one on the reader's story, two unrelated, one a fact-check.
    await ingestFeedArticle(db, seed(0, 'https://kyiv.test/a', 'Kyiv'), 'f1', [], old);
    await ingestFeedArticle(db, unrelated('https://city.test/a', 'City', 'Utrecht'), 'f2', [], old);
    await ingestFeedArticle(db, unrelated('https://town.test/a', 'Town', 'Leiden'), 'f2', [], old + 1);
    const reviews = readClaimReviews(
      [
        JSON.stringify({
          '@type': 'ClaimReview',
          claimReviewed: 'Bicycle lanes in Delft cost 3 million euros.',
          reviewRating: { alternateName: 'False' },
        }),
      ],
      'https://check.test/a',
    );
    await ingestFeedArticle(db, unrelated('https://check.test/a', 'Check', 'Delft'), 'f3', reviews, old);
    // And one fetched yesterday.
    await ingestFeedArticle(db, unrelated('https://fresh.test/a', 'Fresh', 'Gouda'), 'f2', [], NOW - DAY);
    // The reader reads the Korea Herald (linked to the Kyiv feed article) and annotates the town article.
    await ingestArticle(db, seed(4, 'https://herald.test/a', 'Herald'), NOW);
    const town = (await db.articles.where('url').equals('https://town.test/a').first())!;
    await db.annotations.put({
      id: 'n1',
      url: town.url,
      articleId: town.id,
      kind: 'highlight',
      tags: ['bikes'],
      created: new Date(NOW).toISOString(),
      modified: new Date(NOW).toISOString(),
    } as never);
    expect(
      await db.links
        .where('otherArticleId')
        .equals((await db.articles.where('url').equals('https://kyiv.test/a').first())!.id)
        .count(),
    ).toBeGreaterThan(0);

    const removed = await pruneFeedArticles(db, 60, NOW);
    expect(removed).toBe(1);
    const left = (await db.articles.toArray()).map((a) => a.url).sort();
    expect(left).toEqual([
      'https://check.test/a',
      'https://fresh.test/a',
      'https://herald.test/a',
      'https://kyiv.test/a',
      'https://town.test/a',
    ]);
    expect(await db.sentences.filter((s) => s.outlet === 'City').count()).toBe(0);
    // Key records count exactly the sentences that remain.
    const counts = new Map<string, number>();
    for (const s of await db.sentences.toArray())
      for (const t of new Set(s.terms)) counts.set(t, (counts.get(t) ?? 0) + 1);
    const stored = new Map((await db.terms.toArray()).map((t) => [t.term, t.df]));
    expect(stored).toEqual(counts);
    // A shorter window removes nothing more that is linked, annotated or a fact-check; the fresh one goes at 0 days.
    expect(await pruneFeedArticles(db, 1, NOW + 2 * DAY)).toBe(1);
    expect((await db.articles.toArray()).map((a) => a.url)).not.toContain('https://fresh.test/a');
  });
});
