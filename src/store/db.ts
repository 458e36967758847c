/**
 * The one module that opens the store (Dexie over IndexedDB): its tables, schema versions and their
 * upgrades, and `transact`. Each table is read and written through its repository beside this file
 * (articles.ts, sentences.ts, links.ts, terms.ts, profiles.ts, annotations.ts, settings.ts, feeds.ts,
 * fact-checks.ts), so the background, the library's worker, the CLI (with fake-indexeddb) and the tests
 * share one code path into each table. Callers hold a `ClaimLensDB` only to pass it on; the
 * architecture check (scripts/check-layers.ts) fails on a table touched anywhere else.
 */
import Dexie, { type Table } from 'dexie';
import type { AnnotationRecord } from '../model/annotation.ts';
import type { FactCheckRecord, FeedRecord } from './feed-records.ts';
import type {
  ArticleRecord,
  LinkRecord,
  ProfileRecord,
  SentenceRecord,
  SettingRecord,
  TermRecord,
} from './schema.ts';
import { DB_NAME, LEGACY_ORPHANS_PREFIX, SCHEMA_VERSIONS } from './schema.ts';
import { termRecord } from './terms.ts';

export class ClaimLensDB extends Dexie {
  articles!: Table<ArticleRecord, string>;
  sentences!: Table<SentenceRecord, string>;
  links!: Table<LinkRecord, string>;
  settings!: Table<SettingRecord, string>;
  annotations!: Table<AnnotationRecord, string>;
  terms!: Table<TermRecord, string>;
  /** Since version 5; articles stored before get theirs when a new article is compared with them. */
  profiles!: Table<ProfileRecord, string>;
  feeds!: Table<FeedRecord, string>;
  factChecks!: Table<FactCheckRecord, string>;

  constructor(name = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    for (const { version, stores } of SCHEMA_VERSIONS) {
      const v = this.version(version).stores(stores);
      // Key records (counts, and short posting lists since version 4) for the sentences stored before.
      if (version === 4)
        v.upgrade(async (tx) => {
          const postings = new Map<string, string[]>();
          await tx
            .table('sentences')
            .toCollection()
            .each((s: SentenceRecord) => {
              for (const t of new Set(s.terms)) {
                const ids = postings.get(t);
                if (ids) ids.push(s.id);
                else postings.set(t, [s.id]);
              }
            });
          await tx.table('terms').clear();
          await tx
            .table('terms')
            .bulkPut([...postings].map(([term, ids]) => termRecord(term, ids.length, ids)));
        });
      if (version === 6) v.upgrade((tx) => moveOrphanMarks(tx.table('settings'), tx.table('annotations')));
    }
  }
}

/**
 * Version 6: orphan marks move from per-page settings rows onto the annotations. When the page was
 * found without them is not known, so the marks date from the upgrade.
 */
async function moveOrphanMarks(
  settings: Table<SettingRecord, string>,
  annotations: Table<AnnotationRecord, string>,
): Promise<void> {
  const rows = await settings.where('key').startsWith(LEGACY_ORPHANS_PREFIX).toArray();
  const ids = [...new Set(rows.flatMap((r) => (Array.isArray(r.value) ? (r.value as string[]) : [])))];
  const at = new Date().toISOString();
  const records = (await annotations.bulkGet(ids)).filter((r): r is AnnotationRecord => !!r);
  await annotations.bulkPut(records.map((r) => ({ ...r, orphanedAt: r.orphanedAt ?? at })));
  await settings.bulkDelete(rows.map((r) => r.key));
}

/** The tables, by name. */
export type TableName =
  | 'articles'
  | 'sentences'
  | 'links'
  | 'settings'
  | 'annotations'
  | 'terms'
  | 'profiles'
  | 'feeds'
  | 'factChecks';

/**
 * Runs `work` in one transaction over the named tables (`'all'`: every table), so what it reads and
 * writes through the repositories is all-or-nothing. A transaction begun inside another one over the
 * same tables joins it.
 */
export function transact<T>(
  db: ClaimLensDB,
  mode: 'r' | 'rw',
  tables: readonly TableName[] | 'all',
  work: () => Promise<T>,
): Promise<T> {
  return db.transaction(mode, tables === 'all' ? db.tables : [...tables], work);
}

/**
 * The records of `table` whose `index` holds any of `keys`, by one query per key in one read
 * transaction. Dexie's `anyOf` walks a cursor, and every step of an IndexedDB cursor is a round trip to
 * the database, where a query per key returns its records at once: the keys asked for here are a few
 * articles or stories, their records hundreds. In the order `anyOf` gives, by key and then by primary
 * key (IndexedDB orders strings by code unit, as `Array.prototype.sort` does), so what is judged first
 * when scores tie stays the same.
 */
export async function recordsWithAnyOf<T>(
  db: ClaimLensDB,
  table: Table<T, string>,
  index: string,
  keys: readonly string[],
): Promise<T[]> {
  const distinct = [...new Set(keys)].sort();
  const found = await db.transaction('r', table, () =>
    Promise.all(distinct.map((key) => table.where(index).equals(key).toArray())),
  );
  return found.flat();
}

/** Closes the store and deletes its database (the CLI's and the tests' throw-away stores). */
export async function discardStore(db: ClaimLensDB): Promise<void> {
  db.close();
  await db.delete();
}
