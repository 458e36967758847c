/**
 * Runs extraction work in short slices. The DOM walks are generators that `yield` every few dozen
 * nodes; the CLI drains them in one go, while the content script gives the page its main thread back
 * whenever a slice has used its time budget, so no task ClaimLens causes grows with the page's size.
 */

/** A unit of work that yields between small steps and finally returns a value. */
export type Steps<T> = Generator<void, T, void>;

/** How many nodes a DOM walk handles between two `yield`s (a clock read is cheap, not free). */
export const STEP_NODES = 128;

/** Runs steps to completion synchronously: for the CLI and tests, where there is no page to keep alive. */
export function drain<T>(steps: Steps<T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

export interface SliceOptions {
  /** Longest stretch of work before yielding to the page (milliseconds). */
  budgetMs?: number;
  /** Clock in milliseconds; `Date.now` by default. */
  now?: () => number;
  /** Gives the main thread back to the page and resumes later. */
  pause?: () => Promise<void>;
  /** Stops the work early (e.g. the page navigated); the promise then resolves to `undefined`. */
  signal?: { aborted: boolean };
}

/**
 * Yields to the page with a zero-delay timer: the rest of the work queues behind whatever the page has
 * waiting. Not `scheduler.yield()`, which would put it ahead: the first use of `scheduler` costs every
 * page about 0.23 ms of binding setup in our world (a timer 0.09 ms, and the content script starts on
 * one anyway), more than a whole slice's worth of waiting saves a reader.
 */
export function pauseForPage(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Runs steps in slices of at most about `budgetMs` each, yielding to the page in between. */
export async function runSliced<T>(steps: Steps<T>, options: SliceOptions = {}): Promise<T | undefined> {
  const budget = options.budgetMs ?? 4;
  // Millisecond resolution is plenty for a budget of a few milliseconds (a page's `performance.now` is
  // coarsened anyway), and it needs no DOM object: the content script runs this on every page.
  const now = options.now ?? Date.now;
  const pause = options.pause ?? pauseForPage;
  let sliceStart = now();
  for (;;) {
    if (options.signal?.aborted) return undefined;
    const next = steps.next();
    if (next.done) return next.value;
    const elapsed = now() - sliceStart;
    // A clock set back mid-slice must not make the slice run on unbounded.
    if (elapsed >= budget || elapsed < 0) {
      await pause();
      sliceStart = now();
    }
  }
}
