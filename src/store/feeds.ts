/**
 * The `feeds` table: the feeds the reader follows, keyed `f` + hash of the URL, indexed by URL and by
 * the hosts each may request (the bookkeeping rules are src/feeds/store.ts's).
 */
import { type ClaimLensDB, transact } from './db.ts';
import type { FeedRecord } from './feed-records.ts';

export function getFeed(db: ClaimLensDB, id: string): Promise<FeedRecord | undefined> {
  return db.feeds.get(id);
}

/** The followed feed with this address, if any. */
export function feedWithUrl(db: ClaimLensDB, url: string): Promise<FeedRecord | undefined> {
  return db.feeds.where('url').equals(url).first();
}

/** Every followed feed, by address. */
export function allFeeds(db: ClaimLensDB): Promise<FeedRecord[]> {
  return db.feeds.orderBy('url').toArray();
}

export function countFeeds(db: ClaimLensDB): Promise<number> {
  return db.feeds.count();
}

/** Whether any followed feed allows requests to this host. */
export async function hostFollowed(db: ClaimLensDB, host: string): Promise<boolean> {
  return (await db.feeds.where('hosts').equals(host.toLowerCase()).count()) > 0;
}

export async function putFeed(db: ClaimLensDB, feed: FeedRecord): Promise<void> {
  await db.feeds.put(feed);
}

export async function deleteFeed(db: ClaimLensDB, id: string): Promise<void> {
  await db.feeds.delete(id);
}

/**
 * Changes a followed feed in one transaction (`change` gets the stored record); nothing when it is not
 * followed (any more). Returns the record written.
 */
export function updateFeed(
  db: ClaimLensDB,
  id: string,
  change: (feed: FeedRecord) => FeedRecord,
): Promise<FeedRecord | undefined> {
  return transact(db, 'rw', ['feeds'], async () => {
    const feed = await db.feeds.get(id);
    if (!feed) return undefined;
    const next = change(feed);
    await db.feeds.put(next);
    return next;
  });
}
