/**
 * The `sentences` table: every prose sentence of every stored article with its analysis and score,
 * keyed `${articleId}:${hash}`, indexed by article and (multi-entry) by retrieval key.
 */
import { type ClaimLensDB, recordsWithAnyOf } from './db.ts';
import type { SentenceRecord } from './schema.ts';

export function getSentence(db: ClaimLensDB, id: string): Promise<SentenceRecord | undefined> {
  return db.sentences.get(id);
}

/** The records of these ids, in the same order (undefined where there is none). */
export function getSentences(
  db: ClaimLensDB,
  ids: readonly string[],
): Promise<(SentenceRecord | undefined)[]> {
  return db.sentences.bulkGet([...ids]);
}

/** An article's sentences, in no particular order (callers sort by `index` when order matters). */
export function sentencesOfArticle(db: ClaimLensDB, articleId: string): Promise<SentenceRecord[]> {
  return db.sentences.where('articleId').equals(articleId).toArray();
}

/** The sentences of several articles, by article id and then by sentence id. */
export function sentencesOfArticles(
  db: ClaimLensDB,
  articleIds: readonly string[],
): Promise<SentenceRecord[]> {
  return recordsWithAnyOf(db, db.sentences, 'articleId', articleIds);
}

export function allSentences(db: ClaimLensDB): Promise<SentenceRecord[]> {
  return db.sentences.toArray();
}

/**
 * Ids of sentences that carry a retrieval key, through the multi-entry index, at most `limit` of them
 * (the limit bounds the read for a common key).
 */
export async function sentenceIdsWithTerm(db: ClaimLensDB, term: string, limit: number): Promise<string[]> {
  return (await db.sentences.where('terms').equals(term).limit(limit).primaryKeys()) as string[];
}

export async function putSentences(db: ClaimLensDB, sentences: readonly SentenceRecord[]): Promise<void> {
  await db.sentences.bulkPut([...sentences]);
}

export async function deleteSentencesOfArticle(db: ClaimLensDB, articleId: string): Promise<void> {
  await db.sentences.where('articleId').equals(articleId).delete();
}

export async function deleteSentences(db: ClaimLensDB, ids: readonly string[]): Promise<void> {
  await db.sentences.bulkDelete([...ids]);
}
