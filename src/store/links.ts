/**
 * The `links` table: directed links between sentences of different outlets (`otherSentenceId` stands
 * toward `sentenceId` with a stance), stored both ways, indexed by sentence and article on each side.
 */
import type { ClaimLensDB } from './db.ts';
import type { LinkRecord } from './schema.ts';

/** Links toward one sentence (the other outlets' stance on it). */
export function linksOfSentence(db: ClaimLensDB, sentenceId: string): Promise<LinkRecord[]> {
  return db.links.where('sentenceId').equals(sentenceId).toArray();
}

/** Links toward any of these sentences. */
export function linksOfSentences(db: ClaimLensDB, sentenceIds: readonly string[]): Promise<LinkRecord[]> {
  return db.links
    .where('sentenceId')
    .anyOf([...sentenceIds])
    .toArray();
}

/** Links toward the sentences of these articles. */
export function linksOfArticles(db: ClaimLensDB, articleIds: readonly string[]): Promise<LinkRecord[]> {
  return db.links
    .where('articleId')
    .anyOf([...articleIds])
    .toArray();
}

/** Links toward the sentences of one article. */
export function linksOfArticle(db: ClaimLensDB, articleId: string): Promise<LinkRecord[]> {
  return db.links.where('articleId').equals(articleId).toArray();
}

/** Links from the sentences of one article toward other articles' sentences. */
export function linksFromArticle(db: ClaimLensDB, articleId: string): Promise<LinkRecord[]> {
  return db.links.where('otherArticleId').equals(articleId).toArray();
}

/** Links from the sentences of these articles toward other articles' sentences. */
export function linksFromArticles(db: ClaimLensDB, articleIds: readonly string[]): Promise<LinkRecord[]> {
  return db.links
    .where('otherArticleId')
    .anyOf([...articleIds])
    .toArray();
}

export function allLinks(db: ClaimLensDB): Promise<LinkRecord[]> {
  return db.links.toArray();
}

export async function putLinks(db: ClaimLensDB, links: readonly LinkRecord[]): Promise<void> {
  await db.links.bulkPut([...links]);
}

/** Deletes every link of one article, both ways (toward its sentences and from them). */
export async function deleteLinksOfArticle(db: ClaimLensDB, articleId: string): Promise<void> {
  await db.links.where('articleId').equals(articleId).delete();
  await db.links.where('otherArticleId').equals(articleId).delete();
}

/** Deletes every link of these articles, both ways (toward their sentences and from them). */
export async function deleteLinksOfArticles(db: ClaimLensDB, articleIds: readonly string[]): Promise<void> {
  await db.links
    .where('articleId')
    .anyOf([...articleIds])
    .delete();
  await db.links
    .where('otherArticleId')
    .anyOf([...articleIds])
    .delete();
}
