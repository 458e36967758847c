/**
 * The `terms` table: one key record per retrieval key, with how many stored sentences carry it and,
 * while they are few, which (an inverted index kept in Dexie; see `TermRecord`).
 */
import type { ClaimLensDB } from './db.ts';
import { POSTINGS_LIMIT, type SentenceRecord, type TermRecord } from './schema.ts';

/** A key record; the id list is kept (sorted) only while it is short enough to be useful. */
export function termRecord(term: string, df: number, ids: string[] | undefined): TermRecord {
  return ids && df <= POSTINGS_LIMIT ? { term, df, ids: [...ids].sort() } : { term, df };
}

/** The key records of these keys, in the same order (undefined where no stored sentence has the key). */
export function getTerms(db: ClaimLensDB, keys: readonly string[]): Promise<(TermRecord | undefined)[]> {
  return db.terms.bulkGet([...keys]);
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
