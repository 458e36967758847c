/**
 * Retention: feeds fill the store fast (20 feeds of 30 items a day is about 200,000 articles a year),
 * so feed articles older than the reader's window are removed, unless something the reader keeps
 * links to them: an article they read (a link either way), an annotation, or a fact-check read from
 * it. Runs in the background in small transactions, so the reader's own requests never wait long.
 */
import Dexie from 'dexie';
import type { ClaimLensDB } from '../store/db.ts';
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
  let feedId = await nextFeedId(db, Dexie.minKey);
  while (feedId !== undefined) {
    // The expired articles' ids first (keys only), then small transactions over them.
    const expired = (await db.articles
      .where('[feedId+readAt]')
      .between([feedId, Dexie.minKey], [feedId, cutoff], true, true)
      .primaryKeys()) as string[];
    for (let i = 0; i < expired.length; i += PRUNE_BATCH) {
      removed += await pruneBatch(db, expired.slice(i, i + PRUNE_BATCH), cutoff);
      await pause();
    }
    feedId = await nextFeedId(db, feedId);
  }
  return removed;
}

async function nextFeedId(db: ClaimLensDB, after: string | typeof Dexie.minKey): Promise<string | undefined> {
  const next = await db.articles.where('[feedId+readAt]').above([after, Dexie.maxKey]).first();
  return next?.feedId;
}

/** Removes those of the candidates nothing kept links to, in one transaction; returns how many. */
async function pruneBatch(db: ClaimLensDB, ids: string[], cutoff: number): Promise<number> {
  return db.transaction(
    'rw',
    [db.articles, db.sentences, db.links, db.terms, db.factChecks, db.annotations],
    async () => {
      const kept = new Set<string>();
      for (const a of await db.annotations.where('articleId').anyOf(ids).toArray())
        if (a.articleId) kept.add(a.articleId);
      for (const f of await db.factChecks.where('articleId').anyOf(ids).toArray())
        if (f.articleId) kept.add(f.articleId);
      const candidates = new Set(ids.filter((id) => !kept.has(id)));
      // Links are stored in both directions; either one to an article the reader read keeps the feed article.
      const partners = new Map<string, Set<string>>();
      const add = (feedArticle: string, other: string) => {
        const set = partners.get(feedArticle) ?? new Set<string>();
        set.add(other);
        partners.set(feedArticle, set);
      };
      for (const l of await db.links
        .where('articleId')
        .anyOf([...candidates])
        .toArray())
        add(l.articleId, l.otherArticleId);
      for (const l of await db.links
        .where('otherArticleId')
        .anyOf([...candidates])
        .toArray())
        add(l.otherArticleId, l.articleId);
      const others = [...new Set([...partners.values()].flatMap((s) => [...s]))];
      const records = await db.articles.bulkGet(others);
      const read = new Set(records.filter((a) => a && !a.via).map((a) => a!.id));
      for (const [id, set] of partners) if ([...set].some((o) => read.has(o))) candidates.delete(id);
      // Re-check inside the transaction: the reader may have opened one of them meanwhile.
      const current = await db.articles.bulkGet([...candidates]);
      const gone = current.filter((a) => a?.via === 'feed' && a.readAt <= cutoff).map((a) => a!.id);
      await deleteArticles(db, gone);
      return gone.length;
    },
  );
}
