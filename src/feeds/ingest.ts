/**
 * Feed items go through the same pipeline as the articles the reader opens (`ingestArticle`), and are
 * marked "from a feed" in the same transaction, so an item is either stored whole, marked and with its
 * fact-checks, or not at all. An article the store already holds (the reader read it, or an earlier
 * fetch stored it) is left as it is.
 */
import type { ArticleInput } from '../article/types.ts';
import type { ClaimReview } from '../factcheck/claim-review.ts';
import { factCheckRecords } from '../factcheck/match.ts';
import { type IngestResult, ingestArticle } from '../pipeline/ingest.ts';
import { dropFeedMark, getArticle, updateArticle } from '../store/articles.ts';
import { type ClaimLensDB, transact } from '../store/db.ts';
import { putFactChecks } from '../store/fact-checks.ts';
import { articleIdFor } from '../store/ids.ts';

/**
 * Stores a feed item's article, marked with its feed, and the fact-checks read from its page. Null
 * when the store already held the article (nothing is written then).
 */
export async function ingestFeedArticle(
  db: ClaimLensDB,
  input: ArticleInput,
  feedId: string,
  reviews: readonly ClaimReview[],
  now: number,
): Promise<IngestResult | null> {
  const articleId = articleIdFor(input.url);
  // Every table: the pipeline's own transaction nests inside this one whatever tables it uses.
  return transact(db, 'rw', 'all', async () => {
    if (await getArticle(db, articleId)) return null;
    const result = await ingestArticle(db, input, now);
    await updateArticle(db, result.articleId, { via: 'feed', feedId });
    if (reviews.length) await putFactChecks(db, factCheckRecords(reviews, result.articleId, now));
    return result;
  });
}

/**
 * The reader opened an article that came from a feed: it is theirs now (and no longer pruned as a
 * feed article). Cheap when it is not a feed article: one read.
 */
export async function markRead(db: ClaimLensDB, articleId: string): Promise<void> {
  const article = await getArticle(db, articleId);
  if (!article?.via) return;
  await dropFeedMark(db, articleId);
}
