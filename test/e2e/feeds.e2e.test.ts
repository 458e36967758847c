/**
 * Issue 24 in real Chromium with the built extension: the reader follows four outlets' feeds and a
 * fact-checker's from the options page, the background fetches them, and the fifth outlet's article,
 * opened afterwards, shows confirmations from the feeds' outlets and the fact-checker's rating on first
 * read. Then the bad inputs, each a clear per-feed error with nothing half-written while the reader's
 * tab sees no long task; and the browser's network log shows the extension asked only the hosts it was
 * told to follow.
 *
 * The browser's permission prompt cannot be clicked in headless Chromium, so the test grants each
 * host as a reader would on chrome://extensions (site access); the options page then asks the
 * permissions API as always, and is answered at once.
 */
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleIdFor } from '../../src/store/ids.ts';
import { type ExtensionBrowser, grantHosts, launchWithExtension } from '../support/browser.ts';
import {
  FACT_CHECKER,
  FEED_TYPES,
  FOLLOWED,
  factCheckPage,
  feedDocument,
  seedItem,
  seedPage,
  seedParagraphs,
} from '../support/feeds.ts';
import { hoverText, openArticle, tabIdOf } from '../support/pages.ts';
import { startServer, type TestServer } from '../support/server.ts';
import { ShadowReader, waitForTooltip } from '../support/shadow.ts';
import { readStore } from '../support/store.ts';

const NETLOG = join(tmpdir(), `claimlens-feeds-netlog-${process.pid}.json`);
/** Screenshots for review (out/ is not tracked; the ones in docs/ were chosen from them). */
const SHOTS = new URL('../../out/screenshots/', import.meta.url).pathname;
const herald = seedPage('The Korea Herald');

let server: TestServer;
let browser: ExtensionBrowser;
let options: Page;
let reader: Page;
/** Hosts the reader followed (and granted); the extension may ask nothing else. */
const followed = new Set<string>();

/** The reader grants ClaimLens sites on chrome://extensions, as they would in the browser's prompt. */
const grant = (hosts: string[]) => grantHosts(browser, hosts);

/** Follows a feed from the options page, as a reader types it. */
async function follow(url: string, factChecker = false): Promise<void> {
  await options.getByLabel('Feed or site address').fill(url);
  const box = options.getByLabel('A fact-checker (read each item’s page for its ratings)');
  if (factChecker) await box.check();
  await options.getByRole('button', { name: 'Follow', exact: true }).click();
  await options.waitForFunction(
    (u) =>
      !!document.querySelector(`tr[data-feed-url="${u}"]`) ||
      !!document.querySelector('.cl-feeds [role=alert]')?.textContent,
    url,
  );
}

interface Row {
  text: string;
  items: number;
  status: string;
}

/** The options page's row for a feed (its whole text, items and status cells), once `done` holds for it. */
async function row(url: string, done: (r: Row) => boolean, timeout = 30_000): Promise<Row> {
  const start = Date.now();
  let last: Row = { text: '', items: -1, status: '' };
  while (Date.now() - start < timeout) {
    last = await options.evaluate((u) => {
      const tr = document.querySelector(`tr[data-feed-url="${u}"]`);
      return {
        text: tr?.textContent ?? '',
        items: Number(tr?.querySelector('.cl-feed-items')?.textContent ?? -1),
        status: tr?.querySelector('.cl-feed-status')?.textContent ?? '',
      };
    }, url);
    if (done(last)) return last;
    await options.waitForTimeout(250);
  }
  throw new Error(`feed row of ${url} never matched; last: ${JSON.stringify(last)}`);
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await startServer();
  for (const f of FOLLOWED) {
    const page = seedPage(f.outlet);
    server.setPage(page.host, f.path, {
      body: feedDocument(f.format, f.outlet, server.url(page.host, '/'), [
        seedItem(page, server.url(page.host, page.path), f.format !== 'rss-links'),
      ]),
      type: FEED_TYPES[f.format],
    });
  }
  const checkUrl = server.url(FACT_CHECKER.host, FACT_CHECKER.pagePath);
  server.setPage(FACT_CHECKER.host, FACT_CHECKER.pagePath, { body: factCheckPage(checkUrl) });
  server.setPage(FACT_CHECKER.host, FACT_CHECKER.feedPath, {
    body: feedDocument('rss-links', FACT_CHECKER.name, server.url(FACT_CHECKER.host, '/'), [
      { title: 'Fact check: 11,000 troops by Nov. 1?', link: checkUrl, date: '2024-10-23T00:00:00Z' },
    ]),
    type: FEED_TYPES.rss,
  });
  // The Korea Herald's page advertises its feed, for the popup's "Follow this outlet".
  const heraldHtml = readFileSync(
    new URL(`../fixtures/pages/${herald.file}`, import.meta.url),
    'utf8',
  ).replace(
    '</head>',
    '<link rel="alternate" type="application/rss+xml" title="The Korea Herald: World" href="/rss/world.xml"></head>',
  );
  server.setPage(herald.host, herald.path, { body: heraldHtml });
  server.setPage(herald.host, '/rss/world.xml', {
    body: feedDocument('rss', 'The Korea Herald', server.url(herald.host, '/'), []),
    type: FEED_TYPES.rss,
  });
  browser = await launchWithExtension({
    extraArgs: [`--log-net-log=${NETLOG}`, '--net-log-capture-mode=Default'],
  });
  options = await browser.context.newPage();
  await options.setViewportSize({ width: 1100, height: 900 });
  await options.goto(`chrome-extension://${browser.extensionId}/extension/options/index.html`);
  await options.getByRole('heading', { name: 'Followed feeds' }).waitFor();
});

afterAll(async () => {
  await browser?.close().catch(() => undefined);
  await server?.close();
  rmSync(NETLOG, { force: true });
});

describe('following four outlets and a fact-checker', () => {
  it('subscribes from the options page, and the background fetches every feed', async () => {
    const hosts = [...FOLLOWED.map((f) => seedPage(f.outlet).host), FACT_CHECKER.host];
    await grant(hosts);
    for (const h of hosts) followed.add(h);
    for (const f of FOLLOWED) await follow(server.url(seedPage(f.outlet).host, f.path));
    await follow(server.url(FACT_CHECKER.host, FACT_CHECKER.feedPath), true);
    for (const f of FOLLOWED) {
      const r = await row(
        server.url(seedPage(f.outlet).host, f.path),
        (x) => x.status === 'OK' && x.items === 1,
      );
      expect(r.text).toContain(f.outlet);
      expect(r.text).toMatch(/just now|min ago/);
    }
    await row(
      server.url(FACT_CHECKER.host, FACT_CHECKER.feedPath),
      (x) => x.status === 'OK' && x.items === 1,
    );
    const { articles, factChecks } = await readStore(browser.serviceWorker, ['articles', 'factChecks']);
    expect(articles.map((a) => a.outlet).sort()).toEqual(
      [...FOLLOWED.map((f) => f.outlet), FACT_CHECKER.name].sort(),
    );
    expect(articles.every((a) => a.via === 'feed')).toBe(true);
    expect(factChecks).toEqual([
      expect.objectContaining({ factChecker: FACT_CHECKER.name, rating: 'mixed' }),
    ]);
    // The link-only feed's item was read from its page in the offscreen document.
    const uk = seedPage('ukdailynews.test');
    expect(server.requests).toContain(`${uk.host} ${uk.path}`);
    // And an alarm keeps fetching them.
    const alarm = await browser.serviceWorker.evaluate(() => chrome.alarms.get('claimlens-feeds'));
    expect(alarm?.periodInMinutes).toBe(15);
    await options.screenshot({ path: join(SHOTS, 'feeds-options.png'), fullPage: true });
  });

  it('the fifth outlet’s article shows the feeds’ outlets confirming, and the fact-check first, on first read', async () => {
    reader = await openArticle(browser.context, server.url(herald.host, herald.path));
    const shadow = await ShadowReader.for(reader);
    await hoverText(reader, 'more than 11,000 North Korean soldiers');
    const tooltip = await waitForTooltip(shadow, /outlets? confirm/);
    const confirms = Number(/(\d+) outlets confirm/.exec(tooltip.text)?.[1]);
    expect(confirms).toBeGreaterThanOrEqual(2);
    expect(tooltip.text).toMatch(new RegExp(`${FACT_CHECKER.name} rated a matching claim mixed`));
    expect(tooltip.text.indexOf(FACT_CHECKER.name)).toBeLessThan(tooltip.text.indexOf('outlets confirm'));
    expect(tooltip.text).toContain('from your feeds');
    // The feed's outlet cites "Ukraine's military intelligence chief", whom another outlet names: one source.
    expect(tooltip.text).toMatch(/\d outlets, 1 independent source: Kyrylo Budanov/);
    expect(tooltip.html).toContain(`href="${server.url(FACT_CHECKER.host, FACT_CHECKER.pagePath)}"`);
    // The fact-check's own style (src/ui/fact-checks.css) reaches the shadow root: its coloured rule.
    const [rated] = await shadow.query('class', 'cl-factcheck cl-rating-mixed');
    expect(rated?.style.borderLeftWidth).toBe('3px');
    await reader.screenshot({ path: join(SHOTS, 'feeds-tooltip.png') });
    await reader.mouse.move(2, 2);
  });

  it('the popup says how many outlets covered the story and how many came from feeds, fact-check first', async () => {
    const tabId = await tabIdOf(browser, articleIdFor(server.url(herald.host, herald.path)));
    const popup = await browser.context.newPage();
    await popup.setViewportSize({ width: 420, height: 700 });
    await popup.goto(`chrome-extension://${browser.extensionId}/extension/popup/index.html?tab=${tabId}`);
    const coverage = popup.getByTestId('coverage');
    await coverage.waitFor();
    const line = (await coverage.textContent()) ?? '';
    const [, outlets, fromFeeds] =
      /(\d+) other outlets covered this story · (\d+) of them from your feeds/.exec(line) ?? [];
    expect(Number(outlets)).toBeGreaterThanOrEqual(3);
    expect(fromFeeds).toBe(outlets);
    const key = popup.locator('li.cl-claim').filter({ hasText: 'more than 11,000 North Korean soldiers' });
    const first = await key.locator(':scope > *').first().textContent();
    expect(first).toMatch(new RegExp(`${FACT_CHECKER.name} rated a matching claim mixed`));
    // The same style in the popup's page.
    const rule = await key
      .locator('.cl-factcheck')
      .first()
      .evaluate((el) => getComputedStyle(el).borderLeftWidth);
    expect(rule).toBe('3px');
    // "Follow this outlet" from the page's advertised feed.
    await popup.screenshot({ path: join(SHOTS, 'feeds-popup.png') });
    await grant([herald.host]);
    followed.add(herald.host);
    await popup.getByRole('button', { name: 'Follow this outlet' }).click();
    await popup.getByText('Following The Korea Herald').waitFor();
    await popup.close();
    const feeds = await readStore(browser.serviceWorker, ['feeds']);
    expect(feeds.feeds.map((f) => f.outlet)).toContain('The Korea Herald');
  });
});

describe('bad input: each a clear per-feed error, nothing half-written, the reader’s tab unaffected', () => {
  const empty = (title: string) => feedDocument('rss', title, 'http://x.test/', []);
  const cases: { host: string; bad: () => void; error: RegExp }[] = [
    {
      host: 'malformed.test',
      bad: () =>
        server.setPage('malformed.test', '/feed.xml', {
          body: '<?xml version="1.0"?><rss version="2.0"><channel><title>x</title><item><title>a</item></channel></rss>',
          type: FEED_TYPES.rss,
        }),
      error: /malformed XML at line 1, column \d+: Expected closing tag 'title'/,
    },
    {
      host: 'huge.test',
      bad: () =>
        server.setPage('huge.test', '/feed.xml', {
          body: feedDocument(
            'rss',
            'Huge',
            'http://huge.test/',
            Array.from({ length: 10_000 }, (_, i) => ({
              title: `t${i}`,
              link: `http://huge.test/${i}`,
              html: '<p>x</p>',
              date: '2024-10-20T00:00:00Z',
            })),
          ),
          type: FEED_TYPES.rss,
        }),
      error: /the feed lists 10,000 items; ClaimLens reads feeds of at most 500/,
    },
    {
      host: 'big.test',
      bad: () =>
        server.setPage('big.test', '/feed.xml', {
          body: '',
          handle: (_req, res) => {
            res.writeHead(200, { 'content-type': 'application/rss+xml' });
            const chunk = Buffer.alloc(256 * 1024, 'a');
            let sent = 0;
            let closed = false;
            res.on('close', () => {
              closed = true;
            });
            const push = () => {
              while (sent < 50 * 1024 * 1024 && !closed) {
                sent += chunk.length;
                if (!res.write(chunk)) return void res.once('drain', push);
              }
              if (!closed) res.end();
            };
            push();
          },
        }),
      error: /big\.test sent more than 5 MB; ClaimLens stopped reading and kept nothing of it/,
    },
    {
      host: 'moved.test',
      bad: () =>
        server.setPage('moved.test', '/feed.xml', {
          body: '',
          status: 302,
          headers: { location: server.url('elsewhere.test', '/feed.xml') },
        }),
      error: /moved\.test redirected the request elsewhere; ClaimLens follows no redirect/,
    },
  ];

  it('each bad feed shows its own error in the options page, stores nothing, and costs the reader’s tab no long task', async () => {
    await reader.bringToFront();
    await reader.evaluate(() => {
      const w = window as unknown as { __long: number[] };
      w.__long = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__long.push(e.duration);
      }).observe({ type: 'longtask' });
    });
    const hosts = [...cases.map((c) => c.host), 'titles.test', 'pdfpages.test'];
    await grant(hosts);
    for (const h of hosts) followed.add(h);
    for (const c of cases) server.setPage(c.host, '/feed.xml', { body: empty(c.host), type: FEED_TYPES.rss });
    // HTML and script in a feed's titles, and an item whose page is a PDF.
    const kyiv = seedPage('The Kyiv Independent');
    const hostile = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script><b>Bold</b> & Co';
    server.setPage('titles.test', '/feed.xml', {
      body: feedDocument('rss', hostile, 'http://titles.test/', [
        {
          title: hostile,
          link: server.url('titles.test', '/story'),
          html: seedParagraphs(kyiv)
            .slice(0, 3)
            .map((p) => `<p>${p}</p>`)
            .join(''),
          date: '2024-10-20T00:00:00Z',
        },
      ]),
      type: FEED_TYPES.rss,
    });
    server.setPage('pdfpages.test', '/report.pdf', { body: '%PDF-1.4', type: 'application/pdf' });
    server.setPage('pdfpages.test', '/feed.xml', {
      body: feedDocument('rss-links', 'PDF Pages', 'http://pdfpages.test/', [
        { title: 'A report', link: server.url('pdfpages.test', '/report.pdf'), date: '2024-10-20T00:00:00Z' },
      ]),
      type: FEED_TYPES.rss,
    });
    for (const h of hosts) await follow(server.url(h, '/feed.xml'));
    for (const h of hosts) await row(server.url(h, '/feed.xml'), (x) => x.status.startsWith('OK'));
    const before = await readStore(browser.serviceWorker, ['articles', 'sentences']);
    for (const c of cases) c.bad();
    for (const c of cases) {
      const url = server.url(c.host, '/feed.xml');
      await options
        .locator(`tr[data-feed-url="${url}"]`)
        .getByRole('button', { name: /Fetch now/ })
        .click();
      const r = await row(url, (x) => c.error.test(x.status), 60_000);
      expect(r.status).toMatch(c.error);
      expect(r.items).toBe(0);
    }
    const after = await readStore(browser.serviceWorker, ['articles', 'sentences']);
    expect(after.articles.length).toBe(before.articles.length);
    expect(after.sentences.length).toBe(before.sentences.length);

    // Titles with markup are shown as text: the outlet's name is the literal string, no element made of it.
    const titled = await row(
      server.url('titles.test', '/feed.xml'),
      (x) => x.text.includes('<img') && x.items === 1,
    );
    expect(titled.text).toContain(hostile);
    expect(await options.locator('.cl-feeds img, .cl-feeds script, .cl-feeds b').count()).toBe(0);
    expect(await options.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    const stored = after.articles.find((a) => a.url === server.url('titles.test', '/story'));
    expect(stored?.title).toBe(hostile);

    // The PDF item is an item error of its feed; the feed itself is fine.
    const pdfRow = await row(server.url('pdfpages.test', '/feed.xml'), (x) =>
      /1 item not read/.test(x.status),
    );
    await options.locator(`tr[data-feed-url="${server.url('pdfpages.test', '/feed.xml')}"] summary`).click();
    expect(
      await options
        .locator(`tr[data-feed-url="${server.url('pdfpages.test', '/feed.xml')}"] .cl-item-errors`)
        .textContent(),
    ).toContain("the item's page is not an HTML page (application/pdf); nothing was read");
    expect(pdfRow.status).toMatch(/^OK/);
    expect(pdfRow.items).toBe(0);
    await options.screenshot({ path: join(SHOTS, 'feeds-errors.png'), fullPage: true });

    // The reader's tab saw no long task while all of this ran in the background.
    expect(await reader.evaluate(() => (window as unknown as { __long: number[] }).__long)).toEqual([]);
    expect(server.requests.some((r) => r.startsWith('elsewhere.test'))).toBe(false);
  });
});

describe('the network', () => {
  it('the extension requested only hosts the reader followed', async () => {
    await browser.close();
    const log = JSON.parse(readFileSync(NETLOG, 'utf8')) as {
      constants: { logEventTypes: Record<string, number> };
      events: { type: number; params?: { url?: string; initiator?: string } }[];
    };
    const start = log.constants.logEventTypes.URL_REQUEST_START_JOB;
    const requests = log.events
      .filter((e) => e.type === start && e.params?.url && /^https?:/.test(e.params.url))
      .map((e) => e.params as { url: string; initiator?: string });
    const fromExtension = requests.filter((r) => r.initiator === `chrome-extension://${browser.extensionId}`);
    expect(fromExtension.length).toBeGreaterThan(5);
    const hosts = [...new Set(fromExtension.map((r) => new URL(r.url).hostname))].sort();
    expect(hosts.filter((h) => !followed.has(h))).toEqual([]);
    expect(hosts).not.toContain('elsewhere.test');
  });
});
