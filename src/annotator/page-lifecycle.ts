/**
 * The content script's page lifecycle, after the Hypothesis client's navigation observer: when the page
 * is read, and when work begun for it is stale. Single-page sites are followed by watching the URL
 * (Navigation API events, or, where there are none, a one-second poll that compares a string) and the
 * article root (a MutationObserver whose callback only arms a timer): the page is read again at most
 * once per quiet period, never on every mutation. Each read begins a generation; work begun under an
 * older one (a read the reader navigated away from) stops. `disconnect()` stops all of it.
 *
 * A closure rather than a class, and constants rather than options: every page compiles the content
 * script, and local names minify where property names would not.
 */
import { pageUrlOf } from '../article/page-url.ts';

/** Aborted once a newer read (or a navigation) began: work begun under it stops. */
export interface StaleSignal {
  readonly aborted: boolean;
}

/** Quiet time after the last change before a changed page is read again. */
export const SETTLE_MS = 400;
/** Longest a busy page can postpone that re-read. */
export const MAX_SETTLE_MS = 2_000;
/** How often the URL is compared where the Navigation API is missing. */
export const URL_POLL_MS = 1_000;
/** A page that is not (yet) an article is re-checked this many times while it keeps changing. */
export const LATE_CONTENT_RETRIES = 3;

export interface PageLifecycle {
  /**
   * A read begins (or what is under way must stop, as when highlighting is turned off): a new
   * generation, for the page's URL now. Its signal aborts when a newer one begins.
   */
  begin(): StaleSignal;
  /**
   * What a finished read found: the article root to watch for changes, or none when the page holds no
   * article (the body is then watched for late content, a few times).
   */
  watch(root: Element | null | undefined): void;
  /** Stops watching and reading: listeners, observer and timers go; work under way is stale. */
  disconnect(): void;
}

const NON_BLANK = /\S/;

/** Whether a mutation can change the article's text (an image swapped in, an empty wrapper cannot). */
function changesText(record: MutationRecord): boolean {
  if (record.type === 'characterData') return true;
  return carriesText(record.addedNodes) || carriesText(record.removedNodes);
}

function carriesText(nodes: NodeList): boolean {
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i];
    if ((node.nodeType === 1 || node.nodeType === 3) && NON_BLANK.test(node.textContent ?? '')) return true;
  }
  return false;
}

/**
 * Starts following the page: the first read soon (a timer, not `requestIdleCallback`: the script is
 * injected when the document is idle already, the work runs in slices that leave the page its main
 * thread, and the first use of `requestIdleCallback` costs a page more binding setup than a timer).
 *
 * `read` reads the page (calling `begin()` first, and `watch()` once it knows whether the page holds an
 * article); `left` is told when the page the highlights were painted on is gone (another URL, or its
 * article root left the page); `report` gets what failed (nothing may throw into the page).
 */
export function startPageLifecycle(
  doc: Document,
  win: Pick<Window, 'addEventListener' | 'removeEventListener'> & { navigation?: EventTarget },
  read: () => Promise<void>,
  left: () => void,
  report: (error: unknown) => void,
): PageLifecycle {
  /**
   * Bumped by each read and navigation; NaN once disconnected, which no signal ever equals and which
   * keeps a timer armed before from reading.
   */
  let generation = 0;
  let shownUrl = pageUrlOf(doc.URL);
  /** The root of the article read last (none: the page held none). */
  let root: Element | null | undefined;
  let observer: MutationObserver | undefined;
  let lateRetries = 0;
  /** The armed re-read (0: none). */
  let settleTimer: ReturnType<typeof setTimeout> | 0 = 0;
  /** When the re-read armed first in a busy spell is due at the latest (set with the timer). */
  let settleDeadline: number;

  const readNow = () => {
    // Not once disconnected (NaN is not ≥ 0).
    if (generation >= 0) read().catch(report);
  };

  const schedule = () => {
    const now = Date.now();
    if (!settleTimer) settleDeadline = now + MAX_SETTLE_MS;
    clearTimeout(settleTimer);
    settleTimer = setTimeout(
      () => {
        settleTimer = 0;
        readNow();
      },
      Math.max(0, Math.min(SETTLE_MS, settleDeadline - now)),
    );
  };

  /** A mutation batch only arms (or pushes back) the timer, and only when it changes some text. */
  const onMutation = (records: MutationRecord[]) => {
    if (!records.some(changesText)) return;
    if (!root) lateRetries++;
    schedule();
  };

  /** A new URL (or a root that left the page) means a new article. */
  const onNavigation = () => {
    try {
      const url = pageUrlOf(doc.URL);
      if (url !== shownUrl) {
        shownUrl = url;
        lateRetries = 0;
        // The old article's highlights go at once; the new one is read when the page has settled.
        left();
        generation++;
        schedule();
      } else if (root && !root.isConnected) {
        left();
        root = null;
        schedule();
      }
    } catch (error) {
      report(error);
    }
  };

  // The Navigation API reports every same-document navigation (pushState and replaceState included);
  // without it (Firefox) the URL is polled, since history calls fire no event.
  const nav = win.navigation;
  let poll: ReturnType<typeof setInterval> | undefined;
  if (nav) nav.addEventListener('currententrychange', onNavigation);
  else {
    win.addEventListener('popstate', onNavigation);
    poll = setInterval(onNavigation, URL_POLL_MS);
  }
  setTimeout(readNow, 0);

  return {
    begin() {
      shownUrl = pageUrlOf(doc.URL);
      const mine = ++generation;
      return {
        get aborted() {
          return mine !== generation;
        },
      };
    },
    watch(found) {
      root = found;
      observer?.disconnect();
      const target = found ?? (lateRetries < LATE_CONTENT_RETRIES && doc.body);
      if (!target) return;
      observer = new MutationObserver(onMutation);
      observer.observe(target, { childList: true, subtree: true, characterData: !!found });
    },
    disconnect() {
      generation = Number.NaN;
      observer?.disconnect();
      nav?.removeEventListener('currententrychange', onNavigation);
      win.removeEventListener('popstate', onNavigation);
      clearInterval(poll);
    },
  };
}
