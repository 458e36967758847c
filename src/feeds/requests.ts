/**
 * The background's answers to feed requests (options page, popup), and what it does with a page's
 * report of its feeds and fact-check markup. Called from src/background/service.ts; the browser
 * effects (session storage of the tab's feeds) come from the entry point.
 */

import type { FeedLink } from '../extract/page-extras.ts';
import { readClaimReviews } from '../factcheck/claim-review.ts';
import { factCheckRecords } from '../factcheck/match.ts';
import type { FeedView } from '../protocol/feeds.ts';
import type { Request, Response } from '../protocol/messages.ts';
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

const FEED_TYPES = new Set([
  'listFeeds',
  'subscribeFeed',
  'unsubscribeFeed',
  'refreshFeeds',
  'setFeedSettings',
  'exportOpml',
  'importOpml',
  'allowFeedHost',
  'getTabFeeds',
]);

export type FeedRequest = Extract<
  Request,
  {
    type:
      | 'listFeeds'
      | 'subscribeFeed'
      | 'unsubscribeFeed'
      | 'refreshFeeds'
      | 'setFeedSettings'
      | 'exportOpml'
      | 'importOpml'
      | 'allowFeedHost'
      | 'getTabFeeds';
  }
>;

export function isFeedRequest(request: Request): request is FeedRequest {
  return FEED_TYPES.has(request.type);
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

/** Answers one feed request; only extension pages may manage feeds. */
export async function handleFeedRequest(
  db: ClaimLensDB,
  hooks: FeedHooks | undefined,
  request: FeedRequest,
  fromExtensionPage: boolean,
): Promise<Response<FeedRequest['type']>> {
  if (!hooks) return { ok: false, error: 'feeds are not available here' };
  if (!fromExtensionPage) return { ok: false, error: 'feeds are managed from the extension’s own pages' };
  const { service } = hooks;
  switch (request.type) {
    case 'listFeeds': {
      const feeds = await allFeeds(db);
      return {
        ok: true,
        feeds: await Promise.all(feeds.map((f) => feedView(db, f))),
        settings: await getFeedSettings(db),
      };
    }
    case 'subscribeFeed': {
      const result = await service.subscribe({
        url: request.url,
        ...(request.outlet ? { outlet: request.outlet } : {}),
        ...(request.factChecker ? { factChecker: true } : {}),
      });
      return result.ok ? { ok: true, feed: await feedView(db, result.feed) } : result;
    }
    case 'unsubscribeFeed':
      return { ok: true, removed: await service.unsubscribe(request.id) };
    case 'refreshFeeds':
      return { ok: true, runs: await service.refresh(request.id) };
    case 'setFeedSettings':
      return { ok: true, settings: await updateFeedSettings(db, request.settings) };
    case 'exportOpml':
      return {
        ok: true,
        opml: await service.exportOpml(),
        fileName: `claimlens-feeds-${new Date().toISOString().slice(0, 10)}.opml`,
      };
    case 'importOpml': {
      const results = await service.importOpml(request.text);
      return {
        ok: true,
        results: results.map(({ url, result }) =>
          result.ok ? { url, ok: true } : { url, ok: false, error: result.error },
        ),
      };
    }
    case 'allowFeedHost': {
      const feed = await service.allowHost(request.id, request.host);
      return feed ? { ok: true, feed: await feedView(db, feed) } : { ok: false, error: 'no such feed' };
    }
    case 'getTabFeeds': {
      const page = await hooks.tabFeeds(request.tabId);
      if (!page) return { ok: true, feeds: [] };
      const followed = new Set((await allFeeds(db)).map((f) => f.url));
      return {
        ok: true,
        outlet: page.outlet,
        feeds: page.feeds.map((f) => ({ ...f, followed: followed.has(f.url) })),
      };
    }
  }
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
