/**
 * User settings live in the same Dexie store as everything else, so "clear all data" and export see
 * one place. Defaults apply until the user changes something.
 */
import { DEFAULT_CLAIM_THRESHOLD } from '../claims/types.ts';
import { DEFAULT_COLOURS } from '../highlight/colours.ts';
import type { Settings } from '../protocol/messages.ts';
import type { ClaimLensDB } from './db.ts';

export const DEFAULT_SETTINGS: Settings = {
  threshold: DEFAULT_CLAIM_THRESHOLD,
  enabled: true,
  disabledSites: [],
  claimColour: DEFAULT_COLOURS.claim,
  annotationColour: DEFAULT_COLOURS.annotation,
};

/** Whether automatic highlighting runs on a page, given the settings (all sites, or per site). */
export function highlightsOn(settings: Settings, url: string): boolean {
  if (!settings.enabled) return false;
  try {
    const host = new URL(url).hostname.toLowerCase();
    return !settings.disabledSites.some((site) => host === site || host.endsWith(`.${site}`));
  } catch {
    return false;
  }
}

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
