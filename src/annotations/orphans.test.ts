/**
 * Schema version 6: a store written before it kept orphan marks in per-page settings rows; opened by
 * the current code, the marks are on the annotation records (so export and import carry them) and the
 * old rows are gone. Every other record stays as it was.
 */
import Dexie from 'dexie';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { ClaimLensDB } from '../store/db.ts';
import { LEGACY_ORPHANS_PREFIX, SCHEMA_VERSIONS } from '../store/schema.ts';
import { listOrphans } from './orphans.ts';
import { sampleRecord } from './test-support.ts';

describe('schema version 6', () => {
  it('moves the orphan marks from settings onto the annotations', async () => {
    const name = `orphans-upgrade-${Date.now()}`;
    const before = new Dexie(name, { indexedDB, IDBKeyRange });
    for (const { version, stores } of SCHEMA_VERSIONS.filter((v) => v.version < 6))
      before.version(version).stores(stores);
    const { textChange: _t, ...plain } = sampleRecord(1);
    const records = [1, 2, 3].map((i) => ({ ...plain, id: `urn:uuid:${i}`, url: `https://a.example/${i}` }));
    await before.table('annotations').bulkPut(records);
    await before.table('settings').bulkPut([
      { key: 'settings', value: { threshold: 0.7 } },
      { key: `${LEGACY_ORPHANS_PREFIX}a1`, value: ['urn:uuid:1', 'urn:uuid:gone'] },
      { key: `${LEGACY_ORPHANS_PREFIX}a3`, value: ['urn:uuid:3'] },
    ]);
    before.close();

    const started = Date.now();
    const db = new ClaimLensDB(name, { indexedDB, IDBKeyRange });
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1].version);
    expect((await listOrphans(db)).sort()).toEqual(['urn:uuid:1', 'urn:uuid:3']);
    const [one, two, three] = await db.annotations.bulkGet(['urn:uuid:1', 'urn:uuid:2', 'urn:uuid:3']);
    expect(Date.parse(one!.orphanedAt!)).toBeGreaterThanOrEqual(started - 1000);
    expect(three!.orphanedAt).toBe(one!.orphanedAt);
    expect(two).toEqual(records[1]);
    const { orphanedAt: _o, ...rest } = one!;
    expect(rest).toEqual(records[0]);
    expect((await db.settings.toArray()).map((s) => s.key)).toEqual(['settings']);
    expect(await db.annotations.count()).toBe(3);
    db.close();
  });
});
