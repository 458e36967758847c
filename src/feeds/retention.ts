/**
 * Retention: feeds fill the store fast (20 feeds of 30 items a day is about 200,000 articles a year),
 * so feed articles older than the reader's window are removed, unless something the reader keeps
 * links to them: an article they read (a link either way), an annotation, or a fact-check read from
 * it. Runs in the background in small transactions, so the reader's own requests never wait long.
 */
import { annotationsOfArticles } from '../store/annotations.ts';
import { feedArticleIdsUntil, getArticles, nextFeedWithArticles } from '../store/articles.ts';
import { type ClaimLensDB, transact } from '../store/db.ts';
import { factChecksOfArticles } from '../store/fact-checks.ts';
import { linksFromArticles, linksOfArticles } from '../store/links.ts';
import { deleteArticles } from '../store/remove.ts';

/** Articles examined and removed per transaction. */
export const PRUNE_BATCH = 20;

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Removes expired feed articles; returns how many. `pause` runs between batches (the background gives
 * its event loop back there).
 */
export async function pruneFeedArticles(
  db: ClaimLensDB,
  retentionDays: number,
  now: number,
  pause: () => Promise<void> = () => Promise.resolve(),
): Promise<number> {
  const cutoff = now - retentionDays * DAY_MS;
  let removed = 0;
  // Feed by feed, through the [feedId+readAt] index: only expired feed articles are read, whatever the
  // size of the store. Feeds unsubscribed since still have their articles indexed, so the feed ids come
  // from the index itself.
  let feedId = await nextFeedWithArticles(db, undefined);
  while (feedId !== undefined) {
    // The expired articles' ids first (keys only), then small transactions over them.
    const expired = await feedArticleIdsUntil(db, feedId, cutoff);
    for (let i = 0; i < expired.length; i += PRUNE_BATCH) {
      removed += await pruneBatch(db, expired.slice(i, i + PRUNE_BATCH), cutoff);
      await pause();
    }
    feedId = await nextFeedWithArticles(db, feedId);
  }
  return removed;
}

/** Removes those of the candidates nothing kept links to, in one transaction; returns how many. */
async function pruneBatch(db: ClaimLensDB, ids: string[], cutoff: number): Promise<number> {
  return transact(
    db,
    'rw',
    ['articles', 'sentences', 'links', 'terms', 'factChecks', 'annotations'],
    async () => {
      const kept = new Set<string>();
      for (const a of await annotationsOfArticles(db, ids)) if (a.articleId) kept.add(a.articleId);
      for (const f of await factChecksOfArticles(db, ids)) if (f.articleId) kept.add(f.articleId);
      const candidates = new Set(ids.filter((id) => !kept.has(id)));
      // Links are stored in both directions; either one to an article the reader read keeps the feed article.
      const partners = new Map<string, Set<string>>();
      const add = (feedArticle: string, other: string) => {
        const set = partners.get(feedArticle) ?? new Set<string>();
        set.add(other);
        partners.set(feedArticle, set);
      };
      for (const l of await linksOfArticles(db, [...candidates])) add(l.articleId, l.otherArticleId);
      for (const l of await linksFromArticles(db, [...candidates])) add(l.otherArticleId, l.articleId);
      const others = [...new Set([...partners.values()].flatMap((s) => [...s]))];
      const records = await getArticles(db, others);
      const read = new Set(records.filter((a) => a && !a.via).map((a) => a!.id));
      for (const [id, set] of partners) if ([...set].some((o) => read.has(o))) candidates.delete(id);
      // Re-check inside the transaction: the reader may have opened one of them meanwhile.
      const current = await getArticles(db, [...candidates]);
      const gone = current.filter((a) => a?.via === 'feed' && a.readAt <= cutoff).map((a) => a!.id);
      await deleteArticles(db, gone);
      return gone.length;
    },
  );
}
