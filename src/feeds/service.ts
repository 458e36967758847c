/**
 * Following feeds, independent of the browser: subscribing (a feed's address, or a site's whose page
 * advertises its feed), fetching the feeds that are due, turning new items into articles of the feed's
 * outlet, and retention. The entry point in extension/background supplies the network, the permission
 * check, the HTML reader and the alarm; everything here also runs in Node for the tests.
 */
import { readClaimReviews } from '../factcheck/claim-review.ts';
import { factCheckRecords } from '../factcheck/match.ts';
import { getArticle } from '../store/articles.ts';
import type { ClaimLensDB } from '../store/db.ts';
import { storeErrorMessage } from '../store/errors.ts';
import { replaceFactChecksOfPage } from '../store/fact-checks.ts';
import {
  allFeeds,
  countFeeds,
  deleteFeed,
  feedWithUrl,
  getFeed,
  hostFollowed,
  putFeed,
  updateFeed,
} from '../store/feeds.ts';
import { articleIdFor, canonicalUrl } from '../store/ids.ts';
import type { FeedRecord } from '../store/schema.ts';
import { FetchError, HostLimiter, type Net, politeGet } from './fetch.ts';
import type { HtmlReader } from './html.ts';
import { ingestFeedArticle } from './ingest.ts';
import { articleFromContent } from './items.ts';
import { readOpml, writeOpml } from './opml.ts';
import { FeedError, type ParsedFeed, parseFeedText } from './parse.ts';
import { pruneFeedArticles } from './retention.ts';
import {
  afterFailure,
  afterSuccess,
  dayBudget,
  type FeedSettings,
  getFeedSettings,
  hostOf,
  MAX_FEEDS,
  newFeed,
  saveFeed,
} from './store.ts';

/** What the service needs from its host. */
export interface FeedHost {
  db: ClaimLensDB;
  fetch(url: string, init: RequestInit): Promise<Response>;
  /** Whether the browser grants ClaimLens access to the URL's host (the permissions API). */
  permitted(url: URL): Promise<boolean>;
  reader: HtmlReader;
  /** Stored articles whose claims gained links from new feed items (open tabs should refresh). */
  articlesChanged(articleIds: string[]): void;
  now?(): number;
  sleep?(ms: number): Promise<void>;
  /** Least time between requests to one host (default `FETCH_LIMITS.hostIntervalMs`). */
  hostIntervalMs?: number;
}

/** A subscription request, as the options page or the popup sends it. */
export interface SubscribeRequest {
  url: string;
  /** The outlet name to file items under (the popup passes the page's); else the feed's title. */
  outlet?: string;
  factChecker?: boolean;
}

export type SubscribeResult = { ok: true; feed: FeedRecord } | { ok: false; error: string };

/** What one run over a feed did. */
export interface FeedRun {
  feedId: string;
  stored: number;
  error?: string;
}

export class FeedService {
  private readonly limiter: HostLimiter;
  private readonly net: Net;
  /**
   * Writes to the store run one at a time, in order (an item's ingest, a subscription's record). The
   * network work does not wait in this queue: feeds on different hosts are fetched side by side, each
   * host at its own polite pace.
   */
  private queue: Promise<unknown> = Promise.resolve();
  /** The run in progress for each feed: a feed is never fetched twice at once. */
  private readonly running = new Map<string, Promise<FeedRun>>();

  constructor(private readonly host: FeedHost) {
    this.limiter = new HostLimiter(host.hostIntervalMs);
    const now = host.now ?? Date.now;
    this.net = {
      fetch: (url, init) => host.fetch(url, init),
      allowed: async (url) => (await hostFollowed(host.db, url.hostname)) && (await host.permitted(url)),
      sleep: host.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms))),
      now: () => now(),
    };
  }

  private now(): number {
    return this.net.now();
  }

  /** Runs `task` after the writes queued before it. */
  private serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Runs a feed's work after any run of the same feed still in progress. */
  private track(feedId: string, task: () => Promise<FeedRun>): Promise<FeedRun> {
    const before = this.running.get(feedId);
    const run = (before ? before.then(task, task) : task()).finally(() => {
      if (this.running.get(feedId) === run) this.running.delete(feedId);
    });
    this.running.set(feedId, run);
    return run;
  }

  /** Resolves when every feed run and write begun so far has finished (tests, the bench). */
  async idle(): Promise<void> {
    while (this.running.size) await Promise.allSettled([...this.running.values()]);
    await this.serial(async () => undefined);
  }

  /**
   * Subscribes to a feed, or to the feed a site's page advertises on the same host. The address is
   * fetched at once: an address that gives no readable feed is not subscribed, and the answer says
   * why. The items are stored afterwards, in the background.
   */
  async subscribe(request: SubscribeRequest): Promise<SubscribeResult> {
    const { db } = this.host;
    let url: string;
    try {
      const u = new URL(request.url.trim());
      if (!/^https?:$/.test(u.protocol))
        return { ok: false, error: 'a feed address starts with http:// or https://' };
      u.hash = '';
      url = u.href;
    } catch {
      return { ok: false, error: `not a web address: ${request.url}` };
    }
    if ((await countFeeds(db)) >= MAX_FEEDS)
      return { ok: false, error: `ClaimLens follows at most ${MAX_FEEDS} feeds` };
    const existing = await feedWithUrl(db, url);
    if (existing) return { ok: false, error: `you already follow this feed (${existing.outlet})` };
    if (!(await this.host.permitted(new URL(url))))
      return {
        ok: false,
        error: `ClaimLens has no permission to read ${hostOf(url)}: allow it when the browser asks`,
      };
    // Recorded first, so the fetcher's allow-list holds the host; taken back if the address fails.
    const feed = newFeed(url, request.outlet ?? '', this.now(), { factChecker: request.factChecker });
    await putFeed(db, feed);
    let parsed: ParsedFeed;
    let found: FeedRecord;
    try {
      ({ parsed, feed: found } = await this.readFeedOrPage(feed));
    } catch (error) {
      await deleteFeed(db, feed.id);
      return { ok: false, error: messageOf(error) };
    }
    // The reader's name for the outlet, else the site's (when its page said), else the feed's title.
    const named: FeedRecord = {
      ...found,
      title: parsed.title,
      outlet:
        request.outlet?.trim() ||
        (found.outlet !== hostOf(found.url) ? found.outlet : '') ||
        parsed.title ||
        found.outlet,
    };
    await putFeed(db, named);
    // The items are stored after the answer, in the background.
    void this.track(named.id, () => this.storeItems(named, parsed));
    return { ok: true, feed: named };
  }

  /**
   * The feed at the subscription's address; when the address is a site's page, the feed it
   * advertises on the same host (the subscription moves to that address).
   */
  private async readFeedOrPage(feed: FeedRecord): Promise<{ feed: FeedRecord; parsed: ParsedFeed }> {
    const { db } = this.host;
    const got = await politeGet(this.net, this.limiter, feed.url, { accept: 'feed', allowHtml: true });
    if (got.notModified) throw new FeedError('the server sent nothing new');
    if (got.type !== 'text/html' && got.type !== 'application/xhtml+xml')
      return { feed: withValidators(feed, got), parsed: parseFeedText(got.text, { baseUrl: feed.url }) };
    const page = await this.host.reader.page(got.text, feed.url);
    const host = hostOf(feed.url);
    const sameHost = page.feeds.find((f) => hostOf(f.url) === host);
    if (!sameHost) {
      const elsewhere = page.feeds[0];
      throw new FeedError(
        elsewhere
          ? `this page's feed is on another host (${elsewhere.url}): subscribe to that address`
          : 'this page is not a feed and advertises none',
      );
    }
    if (await feedWithUrl(db, sameHost.url))
      throw new FeedError(`you already follow this site's feed (${sameHost.url})`);
    // Named after the site (its og:site_name) unless the reader gave a name.
    const outlet = feed.outlet === host ? (page.siteName ?? host) : feed.outlet;
    const moved = newFeed(sameHost.url, outlet, this.now(), { factChecker: feed.factChecker });
    await putFeed(db, moved);
    await deleteFeed(db, feed.id);
    try {
      const again = await politeGet(this.net, this.limiter, moved.url, { accept: 'feed' });
      if (again.notModified) throw new FeedError('the server sent nothing new');
      return {
        feed: withValidators(moved, again),
        parsed: parseFeedText(again.text, { baseUrl: moved.url }),
      };
    } catch (error) {
      await deleteFeed(db, moved.id);
      throw error;
    }
  }

  async unsubscribe(id: string): Promise<boolean> {
    return this.serial(async () => {
      const had = await getFeed(this.host.db, id);
      await deleteFeed(this.host.db, id);
      return !!had;
    });
  }

  /** Fetches the feeds that are due (or the one given, now); returns what each run did. */
  async refresh(onlyId?: string): Promise<FeedRun[]> {
    const now = this.now();
    const ids = onlyId
      ? [onlyId]
      : (await allFeeds(this.host.db)).filter((f) => f.nextFetchAt <= now).map((f) => f.id);
    return Promise.all(
      ids.map((id) =>
        this.track(id, async () => {
          // Read when its turn comes: a run before it may have changed it (or it was unsubscribed).
          const feed = await getFeed(this.host.db, id);
          return feed ? this.fetchFeed(feed) : { feedId: id, stored: 0, error: 'no such feed' };
        }),
      ),
    );
  }

  /** One feed: the conditional request, the parse, then the new items; any failure is recorded on the feed. */
  private async fetchFeed(feed: FeedRecord): Promise<FeedRun> {
    const settings = await getFeedSettings(this.host.db);
    let parsed: ParsedFeed;
    let current = feed;
    try {
      const got = await politeGet(this.net, this.limiter, feed.url, {
        accept: 'feed',
        ...(feed.etag ? { etag: feed.etag } : {}),
        ...(feed.lastModified ? { lastModified: feed.lastModified } : {}),
      });
      if (got.notModified) {
        await saveFeed(
          this.host.db,
          afterSuccess(feed, this.now(), settings, {
            stored: 0,
            handled: [],
            itemErrors: feed.itemErrors ?? [],
          }),
        );
        return { feedId: feed.id, stored: 0 };
      }
      current = withValidators(feed, got);
      parsed = parseFeedText(got.text, { baseUrl: feed.url });
    } catch (error) {
      const message = messageOf(error);
      await saveFeed(this.host.db, afterFailure(feed, this.now(), settings, message));
      return { feedId: feed.id, stored: 0, error: message };
    }
    return this.storeItems({ ...current, title: parsed.title || current.title }, parsed, settings);
  }

  /** Stores the feed's new items, newest first, within the day's cap; one transaction per item. */
  private async storeItems(feed: FeedRecord, parsed: ParsedFeed, known?: FeedSettings): Promise<FeedRun> {
    const { db, reader } = this.host;
    const settings = known ?? (await getFeedSettings(db));
    const now = this.now();
    let budget = dayBudget(feed, settings, now);
    const seen = new Set(feed.seen);
    const handled: string[] = [];
    const itemErrors: { url: string; message: string }[] = [];
    const changed = new Set<string>();
    let stored = 0;
    let factChecker = !!feed.factChecker;
    const items = parsed.items
      .filter((i) => i.url)
      .sort((a, b) => (b.publishedAt ?? '').localeCompare(a.publishedAt ?? ''));
    for (const item of items) {
      if (budget <= 0) break;
      const url = canonicalUrl(item.url as string);
      if (seen.has(url)) continue;
      if (await getArticle(db, articleIdFor(url))) {
        handled.push(url);
        continue;
      }
      const label = item.title ? `“${item.title.slice(0, 80)}”` : url;
      try {
        let input = factChecker ? null : await articleFromContent(item, url, feed.outlet, reader);
        let reviews: ReturnType<typeof readClaimReviews> = [];
        if (!input) {
          const page = await politeGet(this.net, this.limiter, url, { accept: 'page' });
          if (page.notModified) continue;
          const reading = await reader.page(page.text, url);
          reviews = readClaimReviews(reading.claimReviews, url);
          if (reviews.length) factChecker = true;
          input = reading.article
            ? {
                ...reading.article,
                url,
                outlet: feed.outlet,
                title: reading.article.title || item.title,
                ...((reading.article.publishedAt ?? item.publishedAt)
                  ? { publishedAt: reading.article.publishedAt ?? item.publishedAt }
                  : {}),
              }
            : await articleFromContent(item, url, feed.outlet, reader);
          if (!input && reviews.length) {
            // A fact-check page the extractor does not take for an article still carries its ratings.
            await this.serial(() =>
              replaceFactChecksOfPage(db, url, factCheckRecords(reviews, undefined, this.now())),
            );
            handled.push(url);
            continue;
          }
          if (!input)
            throw new FetchError('the item has no text in the feed and its page is not an article', true);
        }
        const article = input;
        const result = await this.serial(() => ingestFeedArticle(db, article, feed.id, reviews, this.now()));
        if (result) {
          stored++;
          budget--;
          for (const id of result.affectedArticleIds) changed.add(id);
        }
        handled.push(url);
      } catch (error) {
        itemErrors.push({ url, message: `${label}: ${messageOf(error)}` });
        if (error instanceof FetchError && error.permanent) handled.push(url);
      }
      // The reader's own requests get the store between items.
      await new Promise((r) => setTimeout(r, 0));
    }
    if (changed.size) this.host.articlesChanged([...changed]);
    await saveFeed(
      db,
      afterSuccess(feed, this.now(), settings, {
        title: parsed.title || feed.title,
        stored,
        handled,
        itemErrors: [...itemErrors, ...earlierErrors(feed, items, itemErrors, handled)],
        factChecker,
      }),
    );
    return { feedId: feed.id, stored };
  }

  /** Removes expired feed articles (see retention.ts). */
  async prune(): Promise<number> {
    // Not in the write queue: its transactions are small, and items keep being stored between them.
    const settings = await getFeedSettings(this.host.db);
    return pruneFeedArticles(
      this.host.db,
      settings.retentionDays,
      this.now(),
      () => new Promise((r) => setTimeout(r, 0)),
    );
  }

  /** The followed feeds, as an OPML document. */
  async exportOpml(): Promise<string> {
    return writeOpml(await allFeeds(this.host.db), this.now());
  }

  /** Subscribes to each feed of an OPML file; one result per feed. */
  async importOpml(text: string): Promise<{ url: string; result: SubscribeResult }[]> {
    const feeds = readOpml(text);
    const out: { url: string; result: SubscribeResult }[] = [];
    for (const f of feeds)
      out.push({
        url: f.url,
        result: await this.subscribe({ url: f.url, ...(f.title ? { outlet: f.title } : {}) }),
      });
    return out;
  }

  /** Adds a host the reader allowed for a feed's item pages. */
  async allowHost(feedId: string, host: string): Promise<FeedRecord | undefined> {
    return updateFeed(this.host.db, feedId, (feed) => ({
      ...feed,
      hosts: [...new Set([...feed.hosts, host.toLowerCase()])],
    }));
  }
}

/** Errors of items refused before that the feed still lists (they are not tried again, but still shown). */
function earlierErrors(
  feed: FeedRecord,
  items: readonly { url?: string }[],
  now: readonly { url: string }[],
  handled: readonly string[],
): { url: string; message: string }[] {
  const listed = new Set(items.map((i) => i.url && canonicalUrl(i.url)));
  const done = new Set([...now.map((e) => e.url), ...handled]);
  return (feed.itemErrors ?? []).filter((e) => listed.has(e.url) && !done.has(e.url));
}

function withValidators(feed: FeedRecord, got: { etag?: string; lastModified?: string }): FeedRecord {
  return {
    ...feed,
    ...(got.etag ? { etag: got.etag } : {}),
    ...(got.lastModified ? { lastModified: got.lastModified } : {}),
  };
}

function messageOf(error: unknown): string {
  if (error instanceof FeedError || error instanceof FetchError) return error.message;
  return storeErrorMessage(error, 'the item was not stored');
}
