/**
 * The `settings` table: the reader's settings (and the feed settings, src/feeds/store.ts) live in the
 * same Dexie store as everything else, so "clear all data" and export see one place. Defaults apply
 * until the user changes something.
 */
import { DEFAULT_SETTINGS, type Settings } from '../model/settings.ts';
import { type ClaimLensDB, transact } from './db.ts';

/** The settings row stored under `key`, merged over `defaults` (which fill what was never changed). */
export async function readSetting<T extends object>(db: ClaimLensDB, key: string, defaults: T): Promise<T> {
  const row = await db.settings.get(key);
  return { ...defaults, ...((row?.value as Partial<T>) ?? {}) };
}

/** Merges a change into the row stored under `key`, in one transaction, and returns the result. */
export function updateSetting<T extends object>(
  db: ClaimLensDB,
  key: string,
  defaults: T,
  change: Partial<T>,
): Promise<T> {
  return transact(db, 'rw', ['settings'], async () => {
    const next = { ...(await readSetting(db, key, defaults)), ...change };
    await db.settings.put({ key, value: next });
    return next;
  });
}

/** Current settings, defaults filled in. */
export function getSettings(db: ClaimLensDB): Promise<Settings> {
  return readSetting(db, 'settings', DEFAULT_SETTINGS);
}

/** Merges a change into the stored settings and returns the result. */
export function updateSettings(db: ClaimLensDB, change: Partial<Settings>): Promise<Settings> {
  return updateSetting(db, 'settings', DEFAULT_SETTINGS, change);
}

/** Deletes every record of every table, in one transaction. */
export async function clearAll(db: ClaimLensDB): Promise<void> {
  await transact(db, 'rw', 'all', async () => {
    await Promise.all(db.tables.map((t) => t.clear()));
  });
}
