/**
 * Schema upgrades keep every record: a store filled by the real pipeline under schema version 1 (the
 * first shipped version) is reopened with every version the current code declares, and each record of
 * every table must come back unchanged.
 */
import Dexie from 'dexie';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { SEED_FILES, seedArticle } from '../../test/support/seeds.ts';
import type { ArticleInput } from '../article/types.ts';
import { ClaimLensDB } from '../store/db.ts';
import { SCHEMA_VERSIONS } from '../store/schema.ts';
import { updateSettings } from '../store/settings.ts';
import { ingestArticle } from './ingest.ts';

function seedArticles(): ArticleInput[] {
  return SEED_FILES.map((file, i) =>
    seedArticle(file, { url: `https://outlet${i}.example/${file}`, outlet: `Outlet ${i}` }),
  );
}

/** A database that knows only the first schema version, as the first release shipped it. */
function firstVersionDb(name: string): ClaimLensDB {
  const db = new Dexie(name, { indexedDB, IDBKeyRange });
  const first = SCHEMA_VERSIONS[0];
  db.version(first.version).stores(first.stores);
  return db as unknown as ClaimLensDB;
}

async function dump(db: Dexie, tables: string[]): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const t of tables) out[t] = await db.table(t).toArray();
  return out;
}

describe('schema upgrade from version 1', () => {
  it('keeps every record of every table when the current schema opens an old store', async () => {
    expect(SCHEMA_VERSIONS.length).toBeGreaterThan(1);
    const name = `upgrade-test-${Date.now()}`;
    // The records a version-1 store held: what the pipeline writes into those tables.
    const source = new ClaimLensDB(`${name}-source`, { indexedDB, IDBKeyRange });
    for (const article of seedArticles()) await ingestArticle(source, article, 1_700_000_000_000);
    await updateSettings(source, { threshold: 0.7 });
    const tables = Object.keys(SCHEMA_VERSIONS[0].stores);
    const expectedTerms = await source.terms.toArray();
    const written = await dump(source, tables);
    source.close();
    const old = firstVersionDb(name);
    for (const t of tables) await old.table(t).bulkPut(written[t]);
    const before = await dump(old, tables);
    expect(before.articles).toHaveLength(5);
    expect(before.sentences.length).toBeGreaterThan(60);
    expect(before.links.length).toBeGreaterThan(10);
    old.close();

    const current = new ClaimLensDB(name, { indexedDB, IDBKeyRange });
    await current.open();
    expect(current.verno).toBe(SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1].version);
    const after = await dump(current, tables);
    expect(after).toEqual(before);
    // New tables exist: annotations start empty, key counts are rebuilt from the stored sentences.
    expect(await current.annotations.count()).toBe(0);
    const byTerm = (a: { term: string }, b: { term: string }) => (a.term < b.term ? -1 : 1);
    expect((await current.terms.toArray()).sort(byTerm)).toEqual(expectedTerms.sort(byTerm));
    expect(expectedTerms.length).toBeGreaterThan(100);
    const someTerm = (before.sentences[0] as { terms: string[] }).terms[0];
    expect(await current.sentences.where('terms').equals(someTerm).count()).toBeGreaterThan(0);
    current.close();
  });
});
