/**
 * Messages about followed feeds (options page, popup) and what a page reports about itself with its
 * article (advertised feeds, ClaimReview JSON-LD). Validated on receipt like every other message;
 * `messages.ts` adds them to the request union.
 */
import * as v from 'valibot';

const HttpUrl = v.pipe(
  v.string(),
  v.maxLength(4_096),
  v.check((u) => /^https?:\/\//i.test(u) && URL.canParse(u), 'must be an http(s) URL'),
);
const Id = v.pipe(v.string(), v.minLength(1), v.maxLength(200));
const TabId = v.pipe(v.number(), v.integer(), v.minValue(0));

/** What a content script reports about its page beside the article (see src/extract/page-extras.ts). */
export const PageExtrasSchema = v.object({
  feeds: v.optional(
    v.pipe(
      v.array(v.object({ url: HttpUrl, title: v.optional(v.pipe(v.string(), v.maxLength(200))) })),
      v.maxLength(10),
    ),
  ),
  claimReviews: v.optional(v.pipe(v.array(v.pipe(v.string(), v.maxLength(500_000))), v.maxLength(5))),
});

/** The reader's feed settings, each within its bounds (src/feeds/store.ts FEED_SETTING_BOUNDS). */
export const FeedSettingsSchema = v.object({
  retentionDays: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(3_650)),
  itemsPerFeedPerDay: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(500)),
  refreshMinutes: v.pipe(v.number(), v.integer(), v.minValue(15), v.maxValue(24 * 60)),
});

/** Feed requests; all but `getTabFeeds` come from the options page. */
export const FEED_REQUESTS = [
  /** The followed feeds with their state, and the feed settings. */
  v.object({ type: v.literal('listFeeds') }),
  /** Follow a feed (or the feed a site's page advertises). The page asked the browser for the host first. */
  v.object({
    type: v.literal('subscribeFeed'),
    url: HttpUrl,
    outlet: v.optional(v.pipe(v.string(), v.maxLength(200))),
    factChecker: v.optional(v.boolean()),
  }),
  v.object({ type: v.literal('unsubscribeFeed'), id: Id }),
  /** Fetch one feed now, or every feed that is due. */
  v.object({ type: v.literal('refreshFeeds'), id: v.optional(Id) }),
  v.object({ type: v.literal('setFeedSettings'), settings: v.partial(FeedSettingsSchema) }),
  v.object({ type: v.literal('exportOpml') }),
  v.object({ type: v.literal('importOpml'), text: v.pipe(v.string(), v.maxLength(5_000_000)) }),
  /** Let a feed's item pages be read from another host the reader allowed. */
  v.object({
    type: v.literal('allowFeedHost'),
    id: Id,
    host: v.pipe(v.string(), v.toLowerCase(), v.regex(/^[a-z0-9.-]{1,253}$/)),
  }),
  /** Popup: the feeds the tab's page advertises, and whether they are followed. */
  v.object({ type: v.literal('getTabFeeds'), tabId: TabId }),
] as const;

/** A followed feed as the options page shows it. */
export interface FeedView {
  id: string;
  url: string;
  outlet: string;
  title: string;
  hosts: string[];
  factChecker: boolean;
  lastFetchAt?: number;
  lastOkAt?: number;
  nextFetchAt: number;
  failures: number;
  error?: string;
  itemErrors: string[];
  /** Articles from this feed in the store now. */
  items: number;
}

export interface FeedSettingsView {
  retentionDays: number;
  itemsPerFeedPerDay: number;
  refreshMinutes: number;
}

export type SubscribeAnswer = { ok: true; feed: FeedView } | { ok: false; error: string };

/** What each feed request answers with when it succeeds. */
export interface FeedResponseMap {
  listFeeds: { feeds: FeedView[]; settings: FeedSettingsView };
  subscribeFeed: { feed: FeedView };
  unsubscribeFeed: { removed: boolean };
  refreshFeeds: { runs: { feedId: string; stored: number; error?: string }[] };
  setFeedSettings: { settings: FeedSettingsView };
  exportOpml: { opml: string; fileName: string };
  importOpml: { results: { url: string; ok: boolean; error?: string }[] };
  allowFeedHost: { feed: FeedView };
  getTabFeeds: { outlet?: string; feeds: { url: string; title?: string; followed: boolean }[] };
}
