/**
 * Removing stored articles whole: the article, its sentences (and their share of the key records), the
 * links from and to it, and fact-checks read from it. Used by feed retention; a caller batches the ids
 * so each transaction stays small.
 */
import { type ClaimLensDB, countTerms } from './db.ts';

/** Deletes the articles and everything hanging off them, in one transaction. */
export async function deleteArticles(db: ClaimLensDB, ids: readonly string[]): Promise<void> {
  if (!ids.length) return;
  await db.transaction('rw', [db.articles, db.sentences, db.links, db.terms, db.factChecks], async () => {
    const sentences = await db.sentences.where('articleId').anyOf(ids).toArray();
    await countTerms(db, sentences, -1);
    await db.sentences.bulkDelete(sentences.map((s) => s.id));
    await db.links.where('articleId').anyOf(ids).delete();
    await db.links.where('otherArticleId').anyOf(ids).delete();
    await db.factChecks.where('articleId').anyOf(ids).delete();
    await db.articles.bulkDelete([...ids]);
  });
}
