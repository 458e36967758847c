/**
 * User settings live in the same Dexie store as everything else, so "clear all data" and export see
 * one place. Defaults apply until the user changes something.
 */
import { DEFAULT_SETTINGS, type Settings } from '../model/settings.ts';
import type { ClaimLensDB } from './db.ts';

/** Current settings, defaults filled in. */
export async function getSettings(db: ClaimLensDB): Promise<Settings> {
  const row = await db.settings.get('settings');
  return { ...DEFAULT_SETTINGS, ...((row?.value as Partial<Settings>) ?? {}) };
}

/** Merges a change into the stored settings and returns the result. */
export async function updateSettings(db: ClaimLensDB, change: Partial<Settings>): Promise<Settings> {
  return db.transaction('rw', db.settings, async () => {
    const next = { ...(await getSettings(db)), ...change };
    await db.settings.put({ key: 'settings', value: next });
    return next;
  });
}

/** Deletes every record of every table, in one transaction. */
export async function clearAll(db: ClaimLensDB): Promise<void> {
  await db.transaction('rw', db.tables, async () => {
    await Promise.all(db.tables.map((t) => t.clear()));
  });
}
