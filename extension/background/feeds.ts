/**
 * Followed feeds in the background: the feed service (src/feeds) wired to the browser. Requests go out
 * through `fetch` from the background (the only place ClaimLens requests anything), to hosts the reader
 * subscribed to and the browser granted. HTML is read with a DOMParser: Firefox's background page has
 * one; Chromium's service worker has none, so there the HTML goes to an offscreen document and back.
 * An alarm fetches the feeds that are due and then prunes expired feed articles.
 */
import browser from 'webextension-polyfill';
import type { ArticleBlock } from '../../src/article/types.ts';
import type { FeedLink } from '../../src/extract/page-extras.ts';
import { domReader, type HtmlReader, type PageReading } from '../../src/feeds/html.ts';
import type { FeedHooks } from '../../src/feeds/requests.ts';
import { FeedService } from '../../src/feeds/service.ts';
import { originPattern, PENDING_FOLLOW_KEY } from '../../src/feeds/store.ts';
import { OFFSCREEN_TARGET, type OffscreenRequest } from '../../src/protocol/offscreen.ts';
import type { ClaimLensDB } from '../../src/store/db.ts';

const ALARM = 'claimlens-feeds';
/** How often the alarm looks for due feeds (each feed has its own interval and back-off). */
const ALARM_MINUTES = 15;
const OFFSCREEN_URL = 'extension/offscreen/index.html';
/** The offscreen document is closed after this long without work. */
const OFFSCREEN_IDLE_MS = 60_000;
/** How long a popup that survived the browser's prompt has to take the follow back from the background. */
const PENDING_GRACE_MS = 2_000;

let creating: Promise<void> | null = null;
let idleTimer: ReturnType<typeof setTimeout> | undefined;

/** Chromium: an offscreen document with a DOMParser, created on demand and closed when idle. */
async function offscreenDocument(): Promise<void> {
  const existing = await chrome.runtime.getContexts({
    contextTypes: ['OFFSCREEN_DOCUMENT' as chrome.runtime.ContextType],
    documentUrls: [chrome.runtime.getURL(OFFSCREEN_URL)],
  });
  if (existing.length) return;
  creating ??= chrome.offscreen
    .createDocument({
      url: OFFSCREEN_URL,
      reasons: ['DOM_PARSER' as chrome.offscreen.Reason],
      justification:
        'Read feed items and the article pages of followed feeds with the same extractor as pages you open.',
    })
    .finally(() => {
      creating = null;
    });
  await creating;
}

async function viaOffscreen<T>(request: OffscreenRequest): Promise<T> {
  clearTimeout(idleTimer);
  await offscreenDocument();
  try {
    const answer = (await browser.runtime.sendMessage({ target: OFFSCREEN_TARGET, ...request })) as
      | { ok: true; value: T }
      | { ok: false; error: string };
    if (!answer?.ok) throw new Error(answer?.error ?? 'the offscreen document did not answer');
    return answer.value;
  } finally {
    idleTimer = setTimeout(
      () => void chrome.offscreen.closeDocument().catch(() => undefined),
      OFFSCREEN_IDLE_MS,
    );
  }
}

function domParserReader(): HtmlReader {
  const parser = new DOMParser();
  return domReader((html) => parser.parseFromString(html, 'text/html'));
}

function offscreenReader(): HtmlReader {
  return {
    page: (html, url) => viaOffscreen<PageReading>({ kind: 'page', html, url }),
    fragment: (html) => viaOffscreen<ArticleBlock[]>({ kind: 'fragment', html }),
  };
}

/** The Firefox build has no offscreen code at all: the condition is a build-time constant. */
function htmlReader(): HtmlReader {
  return import.meta.env.MODE === 'firefox' || typeof DOMParser === 'function'
    ? domParserReader()
    : offscreenReader();
}

const TAB_FEEDS_KEY = (tabId: number) => `feeds:${tabId}`;

/** The feed service and the hooks the request handler uses; starts the alarm. */
export function startFeeds(db: ClaimLensDB, articlesChanged: (ids: string[]) => void): FeedHooks {
  const service = new FeedService({
    db,
    fetch: (url, init) => fetch(url, init),
    permitted: (url) => browser.permissions.contains({ origins: [originPattern(url.href)] }),
    reader: htmlReader(),
    articlesChanged,
  });
  void browser.alarms.get(ALARM).then((alarm) => {
    if (!alarm) void browser.alarms.create(ALARM, { periodInMinutes: ALARM_MINUTES, delayInMinutes: 1 });
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name !== ALARM) return;
    void service
      .refresh()
      .then(() => service.prune())
      .catch((error: unknown) => console.warn('[ClaimLens] feeds', error));
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    void browser.storage.session.remove(TAB_FEEDS_KEY(tabId));
  });
  // A follow begun in the popup, whose answer may have been lost with the popup: done here once the
  // reader has granted the host (a follow the popup completed itself is found already followed).
  browser.permissions.onAdded.addListener((added) => {
    // A popup that is still open takes the answer itself (and clears the pending follow) at once.
    void new Promise((r) => setTimeout(r, PENDING_GRACE_MS))
      .then(() => browser.storage.session.get(PENDING_FOLLOW_KEY))
      .then(async (stored) => {
        const pending = stored[PENDING_FOLLOW_KEY] as { url?: unknown; outlet?: unknown } | undefined;
        if (typeof pending?.url !== 'string') return;
        let pattern: string;
        try {
          pattern = originPattern(pending.url);
        } catch {
          return;
        }
        if (!added.origins?.includes(pattern)) return;
        await browser.storage.session.remove(PENDING_FOLLOW_KEY);
        await service.subscribe({
          url: pending.url,
          ...(typeof pending.outlet === 'string' ? { outlet: pending.outlet } : {}),
        });
      });
  });
  return {
    service,
    rememberTabFeeds(tabId, page) {
      void browser.storage.session.set({ [TAB_FEEDS_KEY(tabId)]: page });
    },
    async tabFeeds(tabId) {
      const key = TAB_FEEDS_KEY(tabId);
      return (await browser.storage.session.get(key))[key] as
        | { outlet: string; feeds: FeedLink[] }
        | undefined;
    },
  };
}
