/**
 * Schema version 7 (feeds, fact-checks, feed articles by feed and time) opens a store written under
 * the version before it with every record unchanged, and its new indexes answer at once.
 */
import Dexie from 'dexie';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { ClaimLensDB } from '../store/db.ts';
import { SCHEMA_VERSIONS } from '../store/schema.ts';

describe('schema version 7', () => {
  it('keeps every record of the version before, and indexes feed articles and fact-checks', async () => {
    const name = `upgrade7-${Math.random()}`;
    const at = SCHEMA_VERSIONS.findIndex((v) => v.version === 7);
    expect(at).toBeGreaterThan(0);
    const before = SCHEMA_VERSIONS[at - 1];
    const old = new Dexie(name, { indexedDB, IDBKeyRange });
    for (const v of SCHEMA_VERSIONS.slice(0, at)) old.version(v.version).stores(v.stores);
    const article = {
      id: 'a1',
      url: 'https://a.test/1',
      outlet: 'A',
      title: 'T',
      text: 'x',
      blocks: [],
      firstReadAt: 1,
      readAt: 2,
    };
    await old.table('articles').put(article);
    await old.table('settings').put({ key: 'settings', value: { threshold: 0.6 } });
    const tables = Object.keys(before.stores);
    const dump = async (db: Dexie) =>
      Object.fromEntries(await Promise.all(tables.map(async (t) => [t, await db.table(t).toArray()])));
    const was = await dump(old);
    old.close();

    const db = new ClaimLensDB(name, { indexedDB, IDBKeyRange });
    await db.open();
    expect(await dump(db)).toEqual(was);
    expect(await db.feeds.count()).toBe(0);
    expect(await db.factChecks.count()).toBe(0);
    await db.articles.put({
      ...article,
      id: 'a2',
      url: 'https://a.test/2',
      via: 'feed',
      feedId: 'f1',
      readAt: 5,
    });
    expect(await db.articles.where('[feedId+readAt]').between(['f1', 0], ['f1', 10]).primaryKeys()).toEqual([
      'a2',
    ]);
    await db.feeds.put({
      id: 'f1',
      url: 'https://a.test/feed',
      hosts: ['a.test', 'www.a.test'],
      outlet: 'A',
      title: 'A',
      addedAt: 1,
      nextFetchAt: 1,
      failures: 0,
      itemsTotal: 0,
      day: '2025-01-01',
      dayCount: 0,
      seen: [],
    });
    expect(await db.feeds.where('hosts').equals('www.a.test').count()).toBe(1);
    db.close();
  });
});
