/**
 * Waiting in end-to-end tests for a condition rather than for a while: a fixed pause either wastes
 * time or is too short on a loaded machine, and one followed by "nothing happened" proves nothing.
 */

/**
 * Polls `probe` every 100 ms until `ok` holds for its value, and returns that value; throws naming
 * `what`, with the last value seen, when it has not held within `timeoutMs`.
 */
export async function waitFor<T>(
  probe: () => Promise<T>,
  ok: (value: T) => boolean,
  what: string,
  timeoutMs = 15_000,
): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last = await probe();
  while (!ok(last)) {
    if (Date.now() > end)
      throw new Error(`timed out waiting for ${what}; last saw ${JSON.stringify(last)?.slice(0, 400)}`);
    await new Promise((r) => setTimeout(r, 100));
    last = await probe();
  }
  return last;
}
