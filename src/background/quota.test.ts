/**
 * Storage full: when IndexedDB refuses a write with QuotaExceededError in the middle of an ingest,
 * the reader gets a message they can act on and the store is exactly as it was (the ingest is one
 * transaction, so a failed write takes back the writes before it).
 */
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { seedArticle } from '../../test/support/seeds.ts';
import type { ArticleInput } from '../article/types.ts';
import { ClaimLensDB } from '../store/db.ts';
import { type Effects, handleRequest } from './service.ts';

function article(i: number): ArticleInput {
  return seedArticle(i, { url: `https://outlet${i}.example/a`, outlet: `Outlet ${i}` });
}

const effects: Effects = {
  tabShowsArticle: () => {},
  articleOfTab: async () => undefined,
  tabShowsPage: () => {},
  pageOfTab: async () => undefined,
  articlesChanged: () => {},
  settingsChanged: () => {},
  forgetTabs: () => {},
  annotationsChanged: () => {},
  stash: async () => 't',
  unstash: async () => undefined,
};

async function snapshot(db: ClaimLensDB) {
  return {
    articles: await db.articles.toArray(),
    sentences: await db.sentences.toArray(),
    links: await db.links.toArray(),
  };
}

function quotaError(): Error {
  const error = new Error('The quota has been exceeded.');
  error.name = 'QuotaExceededError';
  return error;
}

describe('storage quota exceeded during an ingest', () => {
  it('answers with a clear message and leaves no half-written article, sentence or link', async () => {
    const db = new ClaimLensDB(`quota-test-${Date.now()}`, { indexedDB, IDBKeyRange });
    const first = await handleRequest(
      db,
      effects,
      { type: 'analyze', article: article(0) },
      {
        kind: 'content',
        tabId: 1,
        url: article(0).url,
      },
    );
    expect(first.ok).toBe(true);
    const before = await snapshot(db);
    expect(before.links.length).toBe(0);

    // The second article's links are the last write of its transaction: by then its article and
    // sentences are written, and must be taken back.
    let refused = 0;
    db.links.hook('creating', () => {
      refused++;
      throw quotaError();
    });
    const second = article(4);
    const answer = await handleRequest(
      db,
      effects,
      { type: 'analyze', article: second },
      {
        kind: 'content',
        tabId: 2,
        url: second.url,
      },
    );
    expect(refused).toBeGreaterThan(0);
    expect(answer).toEqual({ ok: false, error: expect.stringMatching(/^Storage is full/) });
    expect((answer as { error: string }).error).toMatch(/nothing was half-written/);
    expect(await snapshot(db)).toEqual(before);
    db.close();
  });
});
