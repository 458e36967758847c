/**
 * The background's answers to feed requests (options page, popup), and what it does with a page's
 * report of its feeds and fact-check markup. Called from src/background/service.ts; the browser
 * effects (session storage of the tab's feeds) come from the entry point.
 */

import type { FeedLink } from '../extract/page-extras.ts';
import { readClaimReviews } from '../factcheck/claim-review.ts';
import { factCheckRecords } from '../factcheck/match.ts';
import type { FeedResponseMap, FeedView } from '../protocol/feeds.ts';
import type { Request, RequestOf, Response } from '../protocol/messages.ts';
import { countFeedArticles } from '../store/articles.ts';
import type { ClaimLensDB } from '../store/db.ts';
import { replaceFactChecksOfPage } from '../store/fact-checks.ts';
import { allFeeds } from '../store/feeds.ts';
import type { FeedRecord } from '../store/schema.ts';
import { markRead } from './ingest.ts';
import type { FeedService } from './service.ts';
import { getFeedSettings, updateFeedSettings } from './store.ts';

/** What the entry point gives the feed requests. */
export interface FeedHooks {
  service: FeedService;
  /** Remembers the feeds a tab's page advertises (for the popup's "Follow this outlet"). */
  rememberTabFeeds(tabId: number, page: { outlet: string; feeds: FeedLink[] }): void;
  tabFeeds(tabId: number): Promise<{ outlet: string; feeds: FeedLink[] } | undefined>;
}

/** The feed requests (src/protocol/feeds.ts): one per entry of their answers' map. */
export type FeedRequestType = keyof FeedResponseMap;
export type FeedRequest = RequestOf<FeedRequestType>;

export function isFeedRequest(request: Request): request is FeedRequest {
  return Object.hasOwn(feedHandlers, request.type);
}

/** A feed with its article count, as the options page lists it. */
async function feedView(db: ClaimLensDB, f: FeedRecord): Promise<FeedView> {
  const items = await countFeedArticles(db, f.id);
  return {
    id: f.id,
    url: f.url,
    outlet: f.outlet,
    title: f.title,
    hosts: f.hosts,
    factChecker: !!f.factChecker,
    ...(f.lastFetchAt ? { lastFetchAt: f.lastFetchAt } : {}),
    ...(f.lastOkAt ? { lastOkAt: f.lastOkAt } : {}),
    nextFetchAt: f.nextFetchAt,
    failures: f.failures,
    ...(f.error ? { error: f.error } : {}),
    itemErrors: (f.itemErrors ?? []).map((e) => e.message),
    items,
  };
}

type FeedHandler<T extends FeedRequestType> = (
  request: RequestOf<T>,
  db: ClaimLensDB,
  hooks: FeedHooks,
) => Promise<Response<T>>;

/** One handler per feed request, each checked against its own answer. */
const feedHandlers: { [T in FeedRequestType]: FeedHandler<T> } = {
  async listFeeds(_request, db) {
    const feeds = await allFeeds(db);
    return {
      ok: true,
      feeds: await Promise.all(feeds.map((f) => feedView(db, f))),
      settings: await getFeedSettings(db),
    };
  },
  async subscribeFeed(request, db, { service }) {
    const result = await service.subscribe({
      url: request.url,
      ...(request.outlet ? { outlet: request.outlet } : {}),
      ...(request.factChecker ? { factChecker: true } : {}),
    });
    return result.ok ? { ok: true, feed: await feedView(db, result.feed) } : result;
  },
  async unsubscribeFeed(request, _db, { service }) {
    return { ok: true, removed: await service.unsubscribe(request.id) };
  },
  async refreshFeeds(request, _db, { service }) {
    return { ok: true, runs: await service.refresh(request.id) };
  },
  async setFeedSettings(request, db) {
    return { ok: true, settings: await updateFeedSettings(db, request.settings) };
  },
  async exportOpml(_request, _db, { service }) {
    return {
      ok: true,
      opml: await service.exportOpml(),
      fileName: `claimlens-feeds-${new Date().toISOString().slice(0, 10)}.opml`,
    };
  },
  async importOpml(request, _db, { service }) {
    const results = await service.importOpml(request.text);
    return {
      ok: true,
      results: results.map(({ url, result }) =>
        result.ok ? { url, ok: true } : { url, ok: false, error: result.error },
      ),
    };
  },
  async allowFeedHost(request, db, { service }) {
    const feed = await service.allowHost(request.id, request.host);
    return feed ? { ok: true, feed: await feedView(db, feed) } : { ok: false, error: 'no such feed' };
  },
  async getTabFeeds(request, db, hooks) {
    const page = await hooks.tabFeeds(request.tabId);
    if (!page) return { ok: true, feeds: [] };
    const followed = new Set((await allFeeds(db)).map((f) => f.url));
    return {
      ok: true,
      outlet: page.outlet,
      feeds: page.feeds.map((f) => ({ ...f, followed: followed.has(f.url) })),
    };
  },
};

/** Answers one feed request; only extension pages may manage feeds. */
export async function handleFeedRequest<T extends FeedRequestType>(
  db: ClaimLensDB,
  hooks: FeedHooks | undefined,
  request: RequestOf<T>,
  fromExtensionPage: boolean,
): Promise<Response<T>> {
  if (!hooks) return { ok: false, error: 'feeds are not available here' };
  if (!fromExtensionPage) return { ok: false, error: 'feeds are managed from the extension’s own pages' };
  // As in src/background/service.ts: the one lookup TypeScript cannot follow; each handler is checked.
  const received = request as FeedRequest;
  const handler = feedHandlers[received.type] as FeedHandler<typeof received.type>;
  return (await handler(received as never, db, hooks)) as Response<T>;
}

/**
 * After the reader's page was stored: it is the reader's now (not a feed article), its ClaimReview
 * markup (a fact-check page) is read into the store, and its advertised feeds are remembered for the
 * popup.
 */
export async function afterReaderPage(
  db: ClaimLensDB,
  hooks: FeedHooks | undefined,
  page: { tabId: number; url: string; articleId: string; outlet: string },
  extras: { feeds?: FeedLink[]; claimReviews?: string[] } | undefined,
): Promise<void> {
  await markRead(db, page.articleId);
  if (extras?.claimReviews?.length) {
    const reviews = readClaimReviews(extras.claimReviews, page.url);
    await replaceFactChecksOfPage(db, page.url, factCheckRecords(reviews, page.articleId, Date.now()));
  }
  hooks?.rememberTabFeeds(page.tabId, { outlet: page.outlet, feeds: extras?.feeds ?? [] });
}
