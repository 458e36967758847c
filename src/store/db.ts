/**
 * The one module that knows Dexie. Everything else talks to the store through `ClaimStore`,
 * so the background, the CLI (with fake-indexeddb) and the tests share one code path.
 */
import Dexie, { type Table } from 'dexie';
import type { AnnotationRecord } from '../annotations/types.ts';
import type { ArticleRecord, LinkRecord, SentenceRecord, SettingRecord, TermRecord } from './schema.ts';
import { DB_NAME, SCHEMA_VERSIONS } from './schema.ts';

export class ClaimLensDB extends Dexie {
  articles!: Table<ArticleRecord, string>;
  sentences!: Table<SentenceRecord, string>;
  links!: Table<LinkRecord, string>;
  settings!: Table<SettingRecord, string>;
  annotations!: Table<AnnotationRecord, string>;
  terms!: Table<TermRecord, string>;

  constructor(name = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    for (const { version, stores } of SCHEMA_VERSIONS) {
      const v = this.version(version).stores(stores);
      // Counts for the sentences stored before version 3 existed.
      if (version === 3)
        v.upgrade(async (tx) => {
          const df = new Map<string, number>();
          await tx
            .table('sentences')
            .toCollection()
            .each((s: SentenceRecord) => {
              for (const t of new Set(s.terms)) df.set(t, (df.get(t) ?? 0) + 1);
            });
          await tx.table('terms').bulkPut([...df].map(([term, n]) => ({ term, df: n })));
        });
    }
  }
}

/**
 * Adds (or, with `sign` -1, removes) sentences' keys to the document-frequency counts. Must run inside
 * a read-write transaction that includes `terms`.
 */
export async function countTerms(
  db: ClaimLensDB,
  sentences: readonly SentenceRecord[],
  sign: 1 | -1,
): Promise<void> {
  const delta = new Map<string, number>();
  for (const s of sentences) for (const t of new Set(s.terms)) delta.set(t, (delta.get(t) ?? 0) + sign);
  if (!delta.size) return;
  const keys = [...delta.keys()];
  const rows = await db.terms.bulkGet(keys);
  const put: TermRecord[] = [];
  const gone: string[] = [];
  keys.forEach((term, i) => {
    const df = (rows[i]?.df ?? 0) + (delta.get(term) ?? 0);
    if (df > 0) put.push({ term, df });
    else gone.push(term);
  });
  await db.terms.bulkPut(put);
  if (gone.length) await db.terms.bulkDelete(gone);
}
