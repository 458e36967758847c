/**
 * Reads the extension's own IndexedDB from its service worker with the plain IndexedDB API (nothing
 * imported into the worker), so tests see exactly what the store holds.
 */
import type { Worker } from 'playwright-core';
import type { AnnotationRecord } from '../../src/model/annotation.ts';
import type {
  ArticleRecord,
  FactCheckRecord,
  FeedRecord,
  LinkRecord,
  SentenceRecord,
  SettingRecord,
  TermRecord,
} from '../../src/store/schema.ts';

export interface StoreTables {
  articles: ArticleRecord;
  sentences: SentenceRecord;
  links: LinkRecord;
  settings: SettingRecord;
  annotations: AnnotationRecord;
  terms: TermRecord;
  feeds: FeedRecord;
  factChecks: FactCheckRecord;
}

/** Every record of the named tables. */
export async function readStore<T extends keyof StoreTables>(
  worker: Worker,
  tables: readonly T[],
): Promise<{ [K in T]: StoreTables[K][] }> {
  return worker.evaluate(
    async (names) => {
      const db: IDBDatabase = await new Promise((resolve, reject) => {
        const req = indexedDB.open('claimlens');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const all = (store: string) =>
        new Promise<unknown[]>((resolve, reject) => {
          const req = db.transaction(store).objectStore(store).getAll();
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error);
        });
      const out: Record<string, unknown[]> = {};
      for (const name of names) out[name] = await all(name);
      db.close();
      return out;
    },
    [...tables] as string[],
  ) as Promise<{ [K in T]: StoreTables[K][] }>;
}
