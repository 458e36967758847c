/**
 * The rules of following feeds: the reader's feed settings and the per-feed bookkeeping (back-off, the
 * per-day cap, items already handled). The records are read and written through src/store/feeds.ts and
 * src/store/settings.ts.
 */
import { type ClaimLensDB, transact } from '../store/db.ts';
import { getFeed, putFeed } from '../store/feeds.ts';
import { hashString } from '../store/ids.ts';
import type { FeedRecord } from '../store/schema.ts';
import { readSetting, updateSetting } from '../store/settings.ts';

/** The reader's choices for followed feeds. */
export interface FeedSettings {
  /** Feed articles older than this that nothing the reader kept links to are removed. */
  retentionDays: number;
  /** Items stored from one feed per day, at most. */
  itemsPerFeedPerDay: number;
  /** How often a feed is fetched when all is well. */
  refreshMinutes: number;
}

export const DEFAULT_FEED_SETTINGS: FeedSettings = {
  retentionDays: 60,
  itemsPerFeedPerDay: 50,
  refreshMinutes: 60,
};

/** Bounds of the settings (the options page and the message validator use them). */
export const FEED_SETTING_BOUNDS = {
  retentionDays: { min: 1, max: 3_650 },
  itemsPerFeedPerDay: { min: 1, max: 500 },
  refreshMinutes: { min: 15, max: 24 * 60 },
} as const;

/** Longest wait after failures (the back-off doubles up to it). */
export const MAX_BACKOFF_MS = 24 * 60 * 60 * 1000;
/** Item URLs remembered per feed. */
const SEEN_LIMIT = 1_000;
/** Feeds one reader may follow. */
export const MAX_FEEDS = 200;

const SETTINGS_KEY = 'feeds';

export function getFeedSettings(db: ClaimLensDB): Promise<FeedSettings> {
  return readSetting(db, SETTINGS_KEY, DEFAULT_FEED_SETTINGS);
}

export function updateFeedSettings(db: ClaimLensDB, change: Partial<FeedSettings>): Promise<FeedSettings> {
  return updateSetting(db, SETTINGS_KEY, DEFAULT_FEED_SETTINGS, change);
}

export function feedIdFor(url: string): string {
  return `f${hashString(url)}`;
}

/** The lower-case host of a URL. */
export function hostOf(url: string): string {
  return new URL(url).hostname.toLowerCase();
}

/** The match pattern a browser grants for a URL's host (any port, any path), as the permissions API takes it. */
export function originPattern(url: string): string {
  const u = new URL(url);
  return `${u.protocol}//${u.hostname}/*`;
}

/**
 * Session-storage key of a follow the popup asked the browser's permission for: Chromium may close the
 * popup while its prompt is open, so the background completes the follow when the permission arrives.
 */
export const PENDING_FOLLOW_KEY = 'pending-follow';

/** A new subscription, due at once. */
export function newFeed(
  url: string,
  outlet: string,
  now: number,
  options: { factChecker?: boolean; extraHosts?: string[] } = {},
): FeedRecord {
  const host = hostOf(url);
  return {
    id: feedIdFor(url),
    url,
    hosts: [...new Set([host, ...(options.extraHosts ?? [])])],
    ...(options.factChecker ? { factChecker: true } : {}),
    outlet: outlet.replace(/\s+/g, ' ').trim().slice(0, 200) || host,
    title: '',
    addedAt: now,
    nextFetchAt: now,
    failures: 0,
    itemsTotal: 0,
    day: dayOf(now),
    dayCount: 0,
    seen: [],
  };
}

export function dayOf(now: number): string {
  return new Date(now).toISOString().slice(0, 10);
}

/** Items the feed may still store today under the cap. */
export function dayBudget(feed: FeedRecord, settings: FeedSettings, now: number): number {
  const used = feed.day === dayOf(now) ? feed.dayCount : 0;
  return Math.max(0, settings.itemsPerFeedPerDay - used);
}

/** The feed after a successful fetch that stored `stored` items and handled `handled` URLs. */
export function afterSuccess(
  feed: FeedRecord,
  now: number,
  settings: FeedSettings,
  change: {
    title?: string;
    etag?: string;
    lastModified?: string;
    stored: number;
    handled: string[];
    itemErrors: { url: string; message: string }[];
    factChecker?: boolean;
  },
): FeedRecord {
  const today = dayOf(now);
  const dayCount = (feed.day === today ? feed.dayCount : 0) + change.stored;
  const seen = [...feed.seen.filter((u) => !change.handled.includes(u)), ...change.handled].slice(
    -SEEN_LIMIT,
  );
  const next: FeedRecord = {
    ...feed,
    title: change.title ?? feed.title,
    lastFetchAt: now,
    lastOkAt: now,
    nextFetchAt: now + settings.refreshMinutes * 60_000,
    failures: 0,
    itemsTotal: feed.itemsTotal + change.stored,
    day: today,
    dayCount,
    seen,
  };
  if (change.etag) next.etag = change.etag;
  if (change.lastModified) next.lastModified = change.lastModified;
  if (change.factChecker) next.factChecker = true;
  delete next.error;
  if (change.itemErrors.length) next.itemErrors = change.itemErrors.slice(0, 20);
  else delete next.itemErrors;
  return next;
}

/** The feed after a failed fetch: the error, and the next try pushed back (doubling, up to a day). */
export function afterFailure(
  feed: FeedRecord,
  now: number,
  settings: FeedSettings,
  error: string,
): FeedRecord {
  const failures = feed.failures + 1;
  const wait = Math.min(MAX_BACKOFF_MS, settings.refreshMinutes * 60_000 * 2 ** (failures - 1));
  return { ...feed, lastFetchAt: now, nextFetchAt: now + wait, failures, error };
}

/** Writes a feed's bookkeeping back, unless it was unsubscribed meanwhile. */
export async function saveFeed(db: ClaimLensDB, feed: FeedRecord): Promise<void> {
  await transact(db, 'rw', ['feeds'], async () => {
    if (await getFeed(db, feed.id)) await putFeed(db, feed);
  });
}
