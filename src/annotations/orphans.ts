/**
 * Which annotations did not anchor the last time their page was open. Kept apart from the records (in
 * the settings table, per page) because it describes a page visit, not the annotation: it is neither
 * exported nor imported, and the popup and the library list these annotations as orphans.
 */
import type { ClaimLensDB } from '../store/db.ts';
import { articleIdFor, canonicalUrl } from '../store/ids.ts';

const ORPHANS_PREFIX = 'orphans:';

/** Remembers which of a page's annotations did not anchor (they are listed as orphans, never dropped). */
export async function recordAnchoring(
  db: ClaimLensDB,
  url: string,
  orphanIds: readonly string[],
): Promise<number> {
  const key = `${ORPHANS_PREFIX}${articleIdFor(canonicalUrl(url))}`;
  if (orphanIds.length) await db.settings.put({ key, value: [...orphanIds] });
  else await db.settings.delete(key);
  return orphanIds.length;
}

/** Every annotation id currently known to be orphaned. */
export async function listOrphans(db: ClaimLensDB): Promise<string[]> {
  const rows = await db.settings.where('key').startsWith(ORPHANS_PREFIX).toArray();
  return rows.flatMap((r) => (Array.isArray(r.value) ? (r.value as string[]) : []));
}
