/**
 * Following feeds end to end in Node: a local server on 127.0.0.1 serves four outlets' feeds (RSS with
 * full text, Atom, JSON Feed, and RSS with links only, whose pages are fetched) and a fact-checker's;
 * the service subscribes, fetches and stores them through the real pipeline, and the fifth outlet's
 * article then finds them. Then every kind of bad input, each a per-feed error with nothing written.
 */
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  FACT_CHECKER,
  FEED_TYPES,
  FOLLOWED,
  factCheckPage,
  feedDocument,
  seedItem,
  seedPage,
  seedParagraphs,
} from '../../test/support/feeds.ts';
import { seedLines } from '../../test/support/seeds.ts';
import { startServer, type TestServer } from '../../test/support/server.ts';
import { ingestArticle } from '../pipeline/ingest.ts';
import { articleView } from '../pipeline/status.ts';
import { ClaimLensDB } from '../store/db.ts';
import { articleIdFor } from '../store/ids.ts';
import { happyDomReader } from './happy-dom-reader.ts';
import { markRead } from './ingest.ts';
import { readOpml } from './opml.ts';
import { FeedService } from './service.ts';
import { updateFeedSettings } from './store.ts';
import { withFeedsAndFactChecks } from './view.ts';

let server: TestServer;
const reader = happyDomReader();
const herald = seedPage('The Korea Herald');

beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server.close();
  await reader.close();
});

let db: ClaimLensDB;
let service: FeedService;
let changed: string[];
/** Hosts the "browser" grants; everything else is refused like a withheld permission. */
let permitted: Set<string>;

beforeEach(() => {
  db = new ClaimLensDB(`feeds-${Date.now()}-${Math.random()}`, { indexedDB, IDBKeyRange });
  changed = [];
  permitted = new Set();
  service = new FeedService({
    db,
    reader,
    hostIntervalMs: 1,
    permitted: async (url) => permitted.has(url.hostname),
    articlesChanged: (ids) => changed.push(...ids),
    // Node's fetch cannot map host names to 127.0.0.1 as the test browser does: the host travels in a header.
    fetch: (url, init) => {
      const u = new URL(url);
      return fetch(`http://127.0.0.1:${server.port}${u.pathname}${u.search}`, {
        ...init,
        headers: { ...(init.headers as Record<string, string>), 'x-test-host': u.hostname },
      });
    },
  });
});

function serveFeeds(): void {
  for (const f of FOLLOWED) {
    const page = seedPage(f.outlet);
    const item = seedItem(page, server.url(page.host, page.path), f.format !== 'rss-links');
    server.setPage(page.host, f.path, {
      body: feedDocument(f.format, f.outlet, server.url(page.host, '/'), [item]),
      type: FEED_TYPES[f.format],
    });
  }
}

async function follow(host: string, path: string, extra: { factChecker?: boolean; outlet?: string } = {}) {
  permitted.add(host);
  return service.subscribe({ url: server.url(host, path), ...extra });
}

function heraldInput() {
  const lines = seedLines(herald.seed);
  return {
    url: server.url(herald.host, herald.path),
    outlet: herald.outlet,
    title: herald.title,
    blocks: lines.map((text) => ({ kind: 'paragraph' as const, text })),
  };
}

describe('following four outlets', () => {
  it('stores their items as feed articles, and the fifth outlet’s article finds them on first read', async () => {
    serveFeeds();
    for (const f of FOLLOWED) {
      const page = seedPage(f.outlet);
      const result = await follow(page.host, f.path);
      expect(result).toMatchObject({ ok: true, feed: { outlet: f.outlet } });
    }
    await service.idle();
    const feeds = await db.feeds.toArray();
    expect(feeds.map((f) => f.error ?? null)).toEqual([null, null, null, null]);
    const articles = await db.articles.toArray();
    expect(articles.map((a) => a.outlet).sort()).toEqual(FOLLOWED.map((f) => f.outlet).sort());
    for (const a of articles) {
      expect(a.via).toBe('feed');
      expect(feeds.map((f) => f.id)).toContain(a.feedId);
      expect(a.text.length).toBeGreaterThan(800);
    }
    // The link-only feed's item was read from its page, with the same extractor as a page in a tab.
    const uk = seedPage('ukdailynews.test');
    expect(server.requests).toContain(`${uk.host} ${uk.path}`);
    const ukArticle = articles.find((a) => a.outlet === 'ukdailynews.test');
    expect(ukArticle?.text).toContain(seedParagraphs(uk)[1].slice(0, 60));
    expect(feeds.every((f) => f.itemsTotal === 1 && f.lastOkAt && f.failures === 0)).toBe(true);

    const result = await ingestArticle(db, heraldInput());
    const view = await withFeedsAndFactChecks(db, (await articleView(db, result.articleId, 0.5))!);
    const key = view.claims.find((c) => /more than 11,000 North Korean soldiers/.test(c.text));
    expect(key).toBeDefined();
    const confirming = key!.status.confirms.map((e) => e.outlet);
    expect(confirming.length).toBeGreaterThanOrEqual(2);
    for (const e of key!.status.confirms) expect(e.fromFeed).toBe(true);
    expect(view.coverage?.outlets).toBeGreaterThanOrEqual(3);
    expect(view.coverage?.fromFeeds).toBe(view.coverage?.outlets);

    // Once the reader opens one of them, it is theirs: no longer "from a feed".
    const kyiv = articles.find((a) => a.outlet === 'The Kyiv Independent')!;
    await markRead(db, kyiv.id);
    expect((await db.articles.get(kyiv.id))?.via).toBeUndefined();
    const again = await withFeedsAndFactChecks(db, (await articleView(db, result.articleId, 0.5))!);
    expect(again.coverage!.fromFeeds).toBe(again.coverage!.outlets - 1);
  });

  it('asks again with the feed’s validators and stores nothing new on 304', async () => {
    const page = seedPage('The Kyiv Independent');
    const body = feedDocument('rss', page.outlet, server.url(page.host, '/'), [
      seedItem(page, server.url(page.host, page.path), true),
    ]);
    const seen: (string | undefined)[] = [];
    server.setPage(page.host, '/etag.rss', {
      body: '',
      handle: (req, res) => {
        seen.push(req.headers['if-none-match'] as string | undefined);
        if (req.headers['if-none-match'] === '"v1"') {
          res.writeHead(304).end();
          return;
        }
        res.writeHead(200, { 'content-type': FEED_TYPES.rss, etag: '"v1"' }).end(body);
      },
    });
    const sub = await follow(page.host, '/etag.rss');
    expect(sub.ok).toBe(true);
    await service.idle();
    const id = (sub as { feed: { id: string } }).feed.id;
    const [run] = await service.refresh(id);
    expect(run).toEqual({ feedId: id, stored: 0 });
    expect(seen).toEqual([undefined, '"v1"']);
    const feed = await db.feeds.get(id);
    expect(feed?.error).toBeUndefined();
    expect(feed?.etag).toBe('"v1"');
    expect(await db.articles.count()).toBe(1);
  });

  it('stores at most the day’s cap of items per feed, newest first', async () => {
    await updateFeedSettings(db, { itemsPerFeedPerDay: 2 });
    const page = seedPage('World News Desk');
    const paragraphs = seedParagraphs(page);
    const items = [0, 1, 2, 3, 4].map((i) => ({
      title: `Item ${i}`,
      link: server.url(page.host, `/item/${i}`),
      html: paragraphs.map((p) => `<p>${p} (${i})</p>`).join(''),
      date: `2024-10-2${i}T00:00:00Z`,
    }));
    server.setPage(page.host, '/many.atom', {
      body: feedDocument('atom', 'WND', 'http://x/', items),
      type: FEED_TYPES.atom,
    });
    await follow(page.host, '/many.atom');
    await service.idle();
    const titles = (await db.articles.toArray()).map((a) => a.title).sort();
    expect(titles).toEqual(['Item 3', 'Item 4']);
    const feed = (await db.feeds.toArray())[0];
    expect(feed.dayCount).toBe(2);
  });
});

describe('fact-checkers', () => {
  it('reads ClaimReview from a fact-checker’s item pages, and its rating appears on a matching claim', async () => {
    const pageUrl = server.url(FACT_CHECKER.host, FACT_CHECKER.pagePath);
    server.setPage(FACT_CHECKER.host, FACT_CHECKER.pagePath, { body: factCheckPage(pageUrl) });
    server.setPage(FACT_CHECKER.host, FACT_CHECKER.feedPath, {
      body: feedDocument('rss-links', FACT_CHECKER.name, server.url(FACT_CHECKER.host, '/'), [
        { title: 'Fact check: 11,000 troops by Nov. 1?', link: pageUrl, date: '2024-10-23T00:00:00Z' },
      ]),
      type: FEED_TYPES.rss,
    });
    const sub = await follow(FACT_CHECKER.host, FACT_CHECKER.feedPath, { factChecker: true });
    expect(sub.ok).toBe(true);
    await service.idle();
    const checks = await db.factChecks.toArray();
    expect(checks).toHaveLength(1);
    expect(checks[0]).toMatchObject({
      factChecker: FACT_CHECKER.name,
      rating: 'mixed',
      ratingText: 'Half True',
      claimReviewed: FACT_CHECKER.claim,
      url: pageUrl,
      articleId: articleIdFor(pageUrl),
    });
    const result = await ingestArticle(db, heraldInput());
    const view = await withFeedsAndFactChecks(db, (await articleView(db, result.articleId, 0.5))!);
    const rated = view.claims.filter((c) => c.factChecks?.length);
    expect(rated.map((c) => c.text).join('\n')).toMatch(/more than 11,000 North Korean soldiers/);
    const fc = rated[0].factChecks![0];
    expect(fc).toMatchObject({ factChecker: FACT_CHECKER.name, rating: 'mixed', url: pageUrl });
    // Claims about other facts of the story are not given the review.
    expect(view.claims.some((c) => /1,500/.test(c.text) && c.factChecks)).toBe(false);
  });
});

describe('bad input: each a clear per-feed error, nothing half-written', () => {
  async function expectNothingWritten() {
    expect(await db.feeds.count()).toBe(0);
    expect(await db.articles.count()).toBe(0);
    expect(await db.sentences.count()).toBe(0);
  }

  it('malformed XML', async () => {
    server.setPage('bad.test', '/feed.xml', {
      body: '<?xml version="1.0"?><rss version="2.0"><channel><title>x</title><item><title>a</item></channel></rss>',
      type: 'application/rss+xml',
    });
    const r = await follow('bad.test', '/feed.xml');
    expect(r).toEqual({
      ok: false,
      error: expect.stringMatching(/^malformed XML at line 1, column \d+: Expected closing tag 'title'/),
    });
    await expectNothingWritten();
  });

  it('a feed of 10,000 items', async () => {
    const items = Array.from({ length: 10_000 }, (_, i) => ({
      title: `t${i}`,
      link: `http://huge.test/${i}`,
      html: '<p>x</p>',
      date: '2024-10-20T00:00:00Z',
    }));
    server.setPage('huge.test', '/feed.xml', {
      body: feedDocument('rss', 'Huge', 'http://huge.test/', items),
      type: 'application/rss+xml',
    });
    const r = await follow('huge.test', '/feed.xml');
    expect(r).toEqual({
      ok: false,
      error: expect.stringMatching(/the feed lists 10,000 items; ClaimLens reads feeds of at most 500/),
    });
    await expectNothingWritten();
  });

  it('a 50 MB response is cut off after 5 MB, declared or not', async () => {
    let sent = 0;
    let closed = false;
    server.setPage('big.test', '/stream.xml', {
      body: '',
      handle: (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/rss+xml' });
        const chunk = Buffer.alloc(64 * 1024, 'a');
        const total = 50 * 1024 * 1024;
        res.on('close', () => {
          closed = true;
        });
        const push = () => {
          while (sent < total && !closed) {
            sent += chunk.length;
            if (!res.write(chunk)) {
              res.once('drain', push);
              return;
            }
          }
          if (!closed) res.end();
        };
        push();
      },
    });
    server.setPage('big.test', '/declared.xml', {
      body: '',
      handle: (_req, res) => {
        res.writeHead(200, {
          'content-type': 'application/rss+xml',
          'content-length': String(50 * 1024 * 1024),
        });
        res.write(Buffer.alloc(1024, 'a'));
        // Never finishes the body: the client must refuse on the declared length alone.
        setTimeout(() => res.destroy(), 2_000);
      },
    });
    const streamed = await follow('big.test', '/stream.xml');
    expect(streamed).toEqual({
      ok: false,
      error: 'big.test sent more than 5 MB; ClaimLens stopped reading and kept nothing of it',
    });
    expect(sent).toBeLessThan(20 * 1024 * 1024);
    const declared = await follow('big.test', '/declared.xml');
    expect(declared).toEqual({
      ok: false,
      error: 'big.test sent 52.4 MB; ClaimLens reads at most 5 MB of a response',
    });
    await expectNothingWritten();
  });

  it('a redirect to another host is refused, and the other host never asked', async () => {
    server.setPage('moved.test', '/feed.xml', {
      body: '',
      status: 302,
      headers: { location: server.url('elsewhere.test', '/feed.xml') },
    });
    const r = await follow('moved.test', '/feed.xml');
    expect(r).toEqual({
      ok: false,
      error: expect.stringMatching(
        /^moved\.test redirected the request elsewhere; ClaimLens follows no redirect/,
      ),
    });
    expect(server.requests.some((q) => q.startsWith('elsewhere.test'))).toBe(false);
    await expectNothingWritten();
  });

  it('HTML and script in titles are kept as text, never as markup', async () => {
    const page = seedPage('The Kyiv Independent');
    const title = '<script>alert("x")</script><b>Troops</b> & <img src=x onerror=alert(1)>';
    const item = { ...seedItem(page, server.url(page.host, '/titles/1'), true), title };
    server.setPage(page.host, '/titles.rss', {
      body: feedDocument('rss', `<i>Kyiv</i> ${title}`, 'http://x/', [item]),
      type: FEED_TYPES.rss,
    });
    const r = await follow(page.host, '/titles.rss');
    expect(r.ok).toBe(true);
    await service.idle();
    const [article] = await db.articles.toArray();
    expect(article.title).toBe(title);
    expect((await db.feeds.toArray())[0].title).toBe(`<i>Kyiv</i> ${title}`);
  });

  it('an item page that is not HTML is an item error; the feed and its other items are fine', async () => {
    const page = seedPage('ukdailynews.test');
    server.setPage(page.host, '/report.pdf', { body: '%PDF-1.4 ...', type: 'application/pdf' });
    server.setPage(page.host, '/mixed.rss', {
      body: feedDocument('rss-links', 'UK', 'http://x/', [
        { title: 'A PDF', link: server.url(page.host, '/report.pdf'), date: '2024-10-21T00:00:00Z' },
        { ...seedItem(page, server.url(page.host, page.path), false), date: '2024-10-20T00:00:00Z' },
      ]),
      type: FEED_TYPES.rss,
    });
    expect((await follow(page.host, '/mixed.rss')).ok).toBe(true);
    await service.idle();
    const [feed] = await db.feeds.toArray();
    expect(feed.error).toBeUndefined();
    expect(feed.itemErrors?.map((e) => e.message)).toEqual([
      "“A PDF”: the item's page is not an HTML page (application/pdf); nothing was read",
    ]);
    expect((await db.articles.toArray()).map((a) => a.url)).toEqual([server.url(page.host, page.path)]);
    // Refused for good: the next fetch does not ask for it again.
    const before = server.requests.filter((q) => q.endsWith('/report.pdf')).length;
    await service.refresh(feed.id);
    expect(server.requests.filter((q) => q.endsWith('/report.pdf')).length).toBe(before);
    // Still shown while the feed lists it.
    expect((await db.feeds.get(feed.id))?.itemErrors?.map((e) => e.url)).toEqual([
      server.url(page.host, '/report.pdf'),
    ]);
  });

  it('an item on a host the reader does not follow is never requested', async () => {
    const page = seedPage('ukdailynews.test');
    server.setPage(page.host, '/offsite.rss', {
      body: feedDocument('rss-links', 'UK', 'http://x/', [
        { title: 'Elsewhere', link: server.url('tracker.test', '/story'), date: '2024-10-21T00:00:00Z' },
      ]),
      type: FEED_TYPES.rss,
    });
    expect((await follow(page.host, '/offsite.rss')).ok).toBe(true);
    await service.idle();
    const [feed] = await db.feeds.toArray();
    expect(feed.itemErrors?.[0].message).toMatch(
      /tracker\.test is not a host you follow .*nothing was requested/,
    );
    expect(server.requests.some((q) => q.startsWith('tracker.test'))).toBe(false);
  });

  it('a host without the browser’s permission is not subscribed', async () => {
    const page = seedPage('The Kyiv Independent');
    const r = await service.subscribe({ url: server.url(page.host, '/unpermitted.rss') });
    expect(r).toEqual({
      ok: false,
      error: expect.stringMatching(/no permission to read kyivindependent\.test/),
    });
    expect(server.requests.some((q) => q.startsWith(`${page.host} /unpermitted.rss`))).toBe(false);
  });

  it('a followed feed that turns bad keeps its articles, shows the error and backs off', async () => {
    serveFeeds();
    const f = FOLLOWED[0];
    const page = seedPage(f.outlet);
    const sub = await follow(page.host, f.path);
    await service.idle();
    const id = (sub as { feed: { id: string } }).feed.id;
    const stored = await db.articles.count();
    server.setPage(page.host, f.path, { body: '<rss><channel><title>broken', type: FEED_TYPES.rss });
    const [run] = await service.refresh(id);
    expect(run.error).toMatch(/^malformed XML/);
    const feed = (await db.feeds.get(id))!;
    expect(feed.error).toMatch(/^malformed XML/);
    expect(feed.failures).toBe(1);
    expect(feed.nextFetchAt - (feed.lastFetchAt ?? 0)).toBe(60 * 60_000);
    expect(await db.articles.count()).toBe(stored);
    const [second] = await service.refresh(id);
    expect(second.error).toMatch(/^malformed XML/);
    const later = (await db.feeds.get(id))!;
    expect(later.nextFetchAt - (later.lastFetchAt ?? 0)).toBe(2 * 60 * 60_000);
  });
});

describe('subscribing by a site’s address', () => {
  it('follows the feed its page advertises on the same host, named after the site', async () => {
    serveFeeds();
    const page = seedPage('World News Desk');
    server.setPage(page.host, '/', {
      body: `<!doctype html><html><head><meta property="og:site_name" content="World News Desk">
        <link rel="alternate" type="application/atom+xml" title="Latest" href="/feed.atom"></head><body><p>Home</p></body></html>`,
    });
    const r = await follow(page.host, '/');
    expect(r).toMatchObject({
      ok: true,
      feed: { url: server.url(page.host, '/feed.atom'), outlet: 'World News Desk' },
    });
    await service.idle();
    expect(await db.feeds.count()).toBe(1);
    expect(await db.articles.count()).toBe(1);
  });

  it('says so when the page advertises no feed', async () => {
    server.setPage('plain.test', '/', {
      body: '<!doctype html><html><body><p>Nothing here</p></body></html>',
    });
    expect(await follow('plain.test', '/')).toEqual({
      ok: false,
      error: 'this page is not a feed and advertises none',
    });
    expect(await db.feeds.count()).toBe(0);
  });
});

describe('OPML', () => {
  it('exports the followed feeds and reads them back', async () => {
    serveFeeds();
    for (const f of FOLLOWED.slice(0, 2)) await follow(seedPage(f.outlet).host, f.path);
    await service.idle();
    const opml = await service.exportOpml();
    const back = readOpml(opml);
    expect(back.map((f) => f.url).sort()).toEqual((await db.feeds.toArray()).map((f) => f.url).sort());
    expect(back.map((f) => f.title).sort()).toEqual(
      FOLLOWED.slice(0, 2)
        .map((f) => f.outlet)
        .sort(),
    );
  });
});
