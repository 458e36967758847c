/**
 * Removing stored articles whole: the article, its sentences (and their share of the key records), the
 * links from and to it, and fact-checks read from it. Used by feed retention; a caller batches the ids
 * so each transaction stays small.
 */
import { type ClaimLensDB, transact } from './db.ts';
import { deleteLinksOfArticles } from './links.ts';
import { deleteSentences, sentencesOfArticles } from './sentences.ts';
import { countTerms } from './terms.ts';

/** Deletes the articles and everything hanging off them, in one transaction. */
export async function deleteArticles(db: ClaimLensDB, ids: readonly string[]): Promise<void> {
  if (!ids.length) return;
  await transact(db, 'rw', ['articles', 'sentences', 'links', 'terms', 'factChecks'], async () => {
    const sentences = await sentencesOfArticles(db, ids);
    await countTerms(db, sentences, -1);
    await deleteSentences(
      db,
      sentences.map((s) => s.id),
    );
    await deleteLinksOfArticles(db, ids);
    await db.factChecks
      .where('articleId')
      .anyOf([...ids])
      .delete();
    await db.articles.bulkDelete([...ids]);
  });
}
