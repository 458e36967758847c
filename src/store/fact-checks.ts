/**
 * The `factChecks` table: the claims fact-checkers reviewed (schema.org ClaimReview), indexed by the
 * page they were read from (URL and article) and by the reviewed claim's retrieval keys.
 */
import { type ClaimLensDB, transact } from './db.ts';
import type { FactCheckRecord } from './feed-records.ts';

/** Whether the store holds any fact-check (one count: a store without them skips the matching). */
export async function hasFactChecks(db: ClaimLensDB): Promise<boolean> {
  return (await db.factChecks.count()) > 0;
}

/** Fact-checks whose reviewed claim carries any of these retrieval keys. */
export function factChecksWithTerms(db: ClaimLensDB, keys: readonly string[]): Promise<FactCheckRecord[]> {
  return db.factChecks
    .where('terms')
    .anyOf([...keys])
    .toArray();
}

/** Fact-checks read from these stored articles. */
export function factChecksOfArticles(
  db: ClaimLensDB,
  articleIds: readonly string[],
): Promise<FactCheckRecord[]> {
  return db.factChecks
    .where('articleId')
    .anyOf([...articleIds])
    .toArray();
}

export async function putFactChecks(db: ClaimLensDB, records: readonly FactCheckRecord[]): Promise<void> {
  await db.factChecks.bulkPut([...records]);
}

/**
 * Replaces the fact-checks read from one page (a page re-read with other reviews keeps only the new
 * ones). Runs in its own transaction, or in the caller's when it holds `factChecks`.
 */
export async function replaceFactChecksOfPage(
  db: ClaimLensDB,
  url: string,
  records: readonly FactCheckRecord[],
): Promise<void> {
  await transact(db, 'rw', ['factChecks'], async () => {
    const keep = new Set(records.map((r) => r.id));
    const old = await db.factChecks.where('url').equals(url).primaryKeys();
    const gone = old.filter((id) => !keep.has(id));
    if (gone.length) await db.factChecks.bulkDelete(gone);
    if (records.length) await db.factChecks.bulkPut([...records]);
  });
}
