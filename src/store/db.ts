/**
 * The one module that knows Dexie. Everything else talks to the store through `ClaimStore`,
 * so the background, the CLI (with fake-indexeddb) and the tests share one code path.
 */
import Dexie, { type Table } from 'dexie';
import type { AnnotationRecord } from '../annotations/types.ts';
import type { ArticleRecord, LinkRecord, SentenceRecord, SettingRecord } from './schema.ts';
import { DB_NAME, SCHEMA_VERSIONS } from './schema.ts';

export class ClaimLensDB extends Dexie {
  articles!: Table<ArticleRecord, string>;
  sentences!: Table<SentenceRecord, string>;
  links!: Table<LinkRecord, string>;
  settings!: Table<SettingRecord, string>;
  annotations!: Table<AnnotationRecord, string>;

  constructor(name = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    for (const { version, stores } of SCHEMA_VERSIONS) this.version(version).stores(stores);
  }
}
