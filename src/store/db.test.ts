import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { ClaimLensDB, discardStore } from './db.ts';
import type { SentenceRecord } from './schema.ts';
import { sentencesOfArticles } from './sentences.ts';

describe('records with any of several keys', () => {
  it('reads every record of each key once, whatever the keys repeat or miss, in the order anyOf gives', async () => {
    const db = new ClaimLensDB(`any-of-${Date.now()}`, { indexedDB, IDBKeyRange });
    const sentence = (articleId: string, index: number) =>
      ({
        id: `${articleId}:${index}`,
        articleId,
        index,
        text: `Sentence ${index}.`,
        terms: [],
      }) as unknown as SentenceRecord;
    await db.sentences.bulkPut([sentence('a', 0), sentence('a', 1), sentence('b', 0), sentence('c', 0)]);
    const ids = (keys: string[]) => sentencesOfArticles(db, keys).then((found) => found.map((s) => s.id));
    expect(await ids(['c', 'a', 'a', 'missing'])).toEqual(['a:0', 'a:1', 'c:0']);
    const byCursor = await db.sentences.where('articleId').anyOf(['c', 'b', 'a']).primaryKeys();
    expect(await ids(['c', 'b', 'a'])).toEqual(byCursor);
    expect(await ids([])).toEqual([]);
    await discardStore(db);
  });
});
