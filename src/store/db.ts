/**
 * The one module that knows Dexie. Everything else talks to the store through `ClaimStore`,
 * so the background, the CLI (with fake-indexeddb) and the tests share one code path.
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
import { DB_NAME, LEGACY_ORPHANS_PREFIX, POSTINGS_LIMIT, SCHEMA_VERSIONS } from './schema.ts';

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

/** A key record; the id list is kept (sorted) only while it is short enough to be useful. */
function termRecord(term: string, df: number, ids: string[] | undefined): TermRecord {
  return ids && df <= POSTINGS_LIMIT ? { term, df, ids: [...ids].sort() } : { term, df };
}

/**
 * Adds (or, with `sign` -1, removes) sentences' keys to the key records: counts and short posting
 * lists. Must run inside a read-write transaction that includes `terms`. `known` holds key records
 * already read in the same transaction (retrieval reads most of them just before), which are not read
 * again.
 */
export async function countTerms(
  db: ClaimLensDB,
  sentences: readonly SentenceRecord[],
  sign: 1 | -1,
  known?: ReadonlyMap<string, TermRecord | undefined>,
): Promise<void> {
  const delta = new Map<string, string[]>();
  for (const s of sentences)
    for (const t of new Set(s.terms)) {
      const ids = delta.get(t);
      if (ids) ids.push(s.id);
      else delta.set(t, [s.id]);
    }
  if (!delta.size) return;
  const keys = [...delta.keys()];
  const unknown = known ? keys.filter((k) => !known.has(k)) : keys;
  const fetched = await db.terms.bulkGet(unknown);
  const rows = new Map<string, TermRecord | undefined>(unknown.map((k, i) => [k, fetched[i]]));
  const put: TermRecord[] = [];
  const gone: string[] = [];
  for (const term of keys) {
    const changed = delta.get(term) as string[];
    const old = known?.has(term) ? known.get(term) : rows.get(term);
    const df = (old?.df ?? 0) + sign * changed.length;
    if (df <= 0) {
      gone.push(term);
      continue;
    }
    // A list that was dropped (too long) is not rebuilt here; the multi-entry index answers for it.
    let ids: string[] | undefined;
    if (!old) ids = changed;
    else if (old.ids && sign > 0) ids = [...new Set([...old.ids, ...changed])];
    else if (old.ids) {
      const removed = new Set(changed);
      ids = old.ids.filter((id) => !removed.has(id));
    }
    put.push(termRecord(term, df, ids));
  }
  await db.terms.bulkPut(put);
  if (gone.length) await db.terms.bulkDelete(gone);
}
