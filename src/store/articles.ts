/**
 * The `articles` table: one record per article read (or fetched from a followed feed), keyed by the
 * id of its canonical URL.
 */
import Dexie from 'dexie';
import type { ClaimLensDB } from './db.ts';
import type { ArticleRecord } from './schema.ts';

export function getArticle(db: ClaimLensDB, id: string): Promise<ArticleRecord | undefined> {
  return db.articles.get(id);
}

/** The records of these ids, in the same order (undefined where there is none). */
export function getArticles(db: ClaimLensDB, ids: readonly string[]): Promise<(ArticleRecord | undefined)[]> {
  return db.articles.bulkGet([...ids]);
}

export function allArticles(db: ClaimLensDB): Promise<ArticleRecord[]> {
  return db.articles.toArray();
}

export async function putArticle(db: ClaimLensDB, article: ArticleRecord): Promise<void> {
  await db.articles.put(article);
}

/** Changes some fields of a stored article (nothing when there is none). */
export async function updateArticle(
  db: ClaimLensDB,
  id: string,
  change: Partial<Omit<ArticleRecord, 'id'>>,
): Promise<void> {
  await db.articles.update(id, change);
}

/** Takes the "from a feed" mark (`via`, `feedId`) off an article: the reader opened it. */
export async function dropFeedMark(db: ClaimLensDB, id: string): Promise<void> {
  await db.articles
    .where('id')
    .equals(id)
    .modify((a) => {
      delete a.via;
      delete a.feedId;
    });
}

/** How many stored articles came from this feed. */
export function countFeedArticles(db: ClaimLensDB, feedId: string): Promise<number> {
  return db.articles
    .where('[feedId+readAt]')
    .between([feedId, Dexie.minKey], [feedId, Dexie.maxKey], true, true)
    .count();
}

/** Ids of this feed's articles fetched at or before `cutoff` (keys only, through the feed index). */
export async function feedArticleIdsUntil(
  db: ClaimLensDB,
  feedId: string,
  cutoff: number,
): Promise<string[]> {
  return (await db.articles
    .where('[feedId+readAt]')
    .between([feedId, Dexie.minKey], [feedId, cutoff], true, true)
    .primaryKeys()) as string[];
}

/**
 * The next feed id (in index order) after `after` that has articles in the store, or the first one
 * when `after` is undefined; feeds unsubscribed since still have their articles indexed.
 */
export async function nextFeedWithArticles(
  db: ClaimLensDB,
  after: string | undefined,
): Promise<string | undefined> {
  const next = await db.articles
    .where('[feedId+readAt]')
    .above([after ?? Dexie.minKey, Dexie.maxKey])
    .first();
  return next?.feedId;
}
