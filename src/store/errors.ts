/**
 * What a failed write tells the reader. A full disk is the one store failure a reader can act on, and
 * every writer (the background's ingest, the library's import) says it the same way.
 */

/** Whether an error (or the IndexedDB error Dexie wraps) is the browser's storage quota. */
export function isQuotaError(error: unknown): boolean {
  const name = (error as { name?: string })?.name ?? '';
  const inner = (error as { inner?: { name?: string } })?.inner?.name ?? '';
  return name === 'QuotaExceededError' || inner === 'QuotaExceededError';
}

/**
 * A message a user can act on. `failed` says what could not be done ("ClaimLens could not save this
 * article", "nothing was imported"); every write runs in one transaction, so nothing is half-written.
 */
export function storeErrorMessage(error: unknown, failed: string): string {
  if (isQuotaError(error))
    return `Storage is full: ${failed}. Free space or clear old data in the options page; nothing was half-written.`;
  return error instanceof Error ? error.message : String(error);
}
