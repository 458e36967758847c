/**
 * What following feeds costs, in Debian's Chromium with the built extension and a persistent profile:
 * how long the background takes to store 50 feed items (five outlets, ten items each), once with the
 * full text in the feeds and once with links only (each item's page fetched, one request per host per
 * second, and read in the offscreen document); and the storage each stored claim takes. Part of
 * `npm run bench` (section `feeds`); `tsx bench/feeds-bench.ts` runs it alone and prints its JSON.
 *
 * Storage is given two ways: the browser's own usage estimate for the extension's origin (what the
 * disk holds, compaction and all), and the records' JSON size (what the records hold), each divided by
 * the claims stored (sentences at the default threshold).
 */
import type { Page } from 'playwright-core';
import { DEFAULT_CLAIM_THRESHOLD } from '../src/model/sentence.ts';
import { type ExtensionBrowser, grantHosts, launchWithExtension } from '../test/support/browser.ts';
import {
  FEED_TYPES,
  type FeedItemSpec,
  feedDocument,
  seedItem,
  seedParagraphs,
} from '../test/support/feeds.ts';
import { SEED_PAGES, startServer, type TestServer } from '../test/support/server.ts';

const OUTLETS = 5;
const ITEMS_PER_FEED = 10;

export interface FeedsIngestRun {
  mode: 'content' | 'pages';
  items: number;
  /** First subscription sent -> the 50th item stored, as the options page sees it. */
  seconds: number;
  secondsPerItem: number;
}

export interface FeedsBench {
  runs: FeedsIngestRun[];
  /** Done-when figure: ≤ 15 s for 50 items with their text in the feeds. */
  ingest50Seconds: number;
  storage: {
    articles: number;
    sentences: number;
    claims: number;
    /** The browser's usage estimate for the extension, after minus before, per claim. */
    estimateBytesPerClaim: number | null;
    /** JSON size of the articles, sentences, links and key records, per claim. */
    recordBytesPerClaim: number;
  };
}

const log = (...args: unknown[]) => console.log('[bench:feeds]', ...args);

/** Ten distinct articles per outlet from its seed: the paragraphs rotated, so each item is its own text. */
function items(outlet: number, server: TestServer, host: string, withContent: boolean): FeedItemSpec[] {
  const page = SEED_PAGES[outlet];
  const paragraphs = seedParagraphs(page);
  return Array.from({ length: ITEMS_PER_FEED }, (_, k) => {
    const rotated = [
      ...paragraphs.slice(k % paragraphs.length),
      ...paragraphs.slice(0, k % paragraphs.length),
    ];
    const link = server.url(host, `/news/${k}`);
    const base = seedItem(page, link, false);
    const html = rotated.map((p) => `<p>${p.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`).join('\n');
    server.setPage(host, `/news/${k}`, {
      body: `<!doctype html><html><head><meta charset="utf-8"><title>${base.title} (${k})</title>
<meta property="og:site_name" content="${page.outlet}"></head><body><article><h1>${base.title} (${k})</h1>${html}</article></body></html>`,
    });
    return {
      ...base,
      title: `${base.title} (${k})`,
      date: `2024-10-${String(10 + k).padStart(2, '0')}T00:00:00Z`,
      ...(withContent ? { html } : {}),
    };
  });
}

async function call<T>(options: Page, message: unknown): Promise<T> {
  return options.evaluate(async (m) => {
    const answer = (await chrome.runtime.sendMessage(m)) as { ok: boolean; error?: string };
    if (!answer.ok) throw new Error(answer.error);
    return answer;
  }, message) as Promise<T>;
}

async function ingestRun(
  browser: ExtensionBrowser,
  options: Page,
  server: TestServer,
  mode: FeedsIngestRun['mode'],
): Promise<FeedsIngestRun> {
  const hosts = Array.from({ length: OUTLETS }, (_, o) => `${mode}${o}.bench.test`);
  for (const [o, host] of hosts.entries())
    server.setPage(host, '/feed.xml', {
      body: feedDocument(
        'rss',
        SEED_PAGES[o].outlet,
        server.url(host, '/'),
        items(o, server, host, mode === 'content'),
      ),
      type: FEED_TYPES.rss,
    });
  await grantHosts(browser, hosts);
  const start = Date.now();
  // Followed as a reader does, from the options page (whose click also lets it ask the permissions API).
  for (const host of hosts) {
    const url = server.url(host, '/feed.xml');
    await options.getByLabel('Feed or site address').fill(url);
    await options.getByRole('button', { name: 'Follow', exact: true }).click();
    await options.locator(`tr[data-feed-url="${url}"]`).waitFor({ timeout: 60_000 });
  }
  const want = OUTLETS * ITEMS_PER_FEED;
  let stored = 0;
  for (;;) {
    const { feeds } = await call<{ feeds: { url: string; items: number; itemErrors: string[] }[] }>(options, {
      type: 'listFeeds',
    });
    const mine = feeds.filter((f) => hosts.some((h) => f.url.includes(h)));
    stored = mine.reduce((n, f) => n + f.items, 0);
    const errors = mine.flatMap((f) => f.itemErrors);
    if (errors.length) throw new Error(`items not read: ${errors.join('; ')}`);
    if (stored >= want) break;
    if (Date.now() - start > 180_000) throw new Error(`only ${stored} of ${want} items stored in 3 minutes`);
    await options.waitForTimeout(100);
  }
  const seconds = (Date.now() - start) / 1000;
  log(mode, `${stored} items in ${seconds.toFixed(1)} s`);
  return { mode, items: stored, seconds: round(seconds), secondsPerItem: round(seconds / stored, 3) };
}

const round = (x: number, digits = 2) => Number(x.toFixed(digits));

async function usage(browser: ExtensionBrowser): Promise<number | null> {
  return browser.serviceWorker.evaluate(async () => (await navigator.storage.estimate()).usage ?? null);
}

/** The feeds section of the bench report. */
export async function feedsSection(server: TestServer): Promise<FeedsBench> {
  const browser = await launchWithExtension();
  try {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/extension/options/index.html`);
    const before = await usage(browser);
    const runs = [
      await ingestRun(browser, options, server, 'content'),
      await ingestRun(browser, options, server, 'pages'),
    ];
    // Let IndexedDB settle its writes before the browser is asked how much it holds.
    await options.waitForTimeout(2_000);
    const after = await usage(browser);
    // Counted in the worker with plain IndexedDB calls (nothing imported there, and no helper functions:
    // the bench's TypeScript runner would name them with a helper the worker does not have).
    const store = await browser.serviceWorker.evaluate(async (threshold) => {
      const db: IDBDatabase = await new Promise((resolve, reject) => {
        const req = indexedDB.open('claimlens');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const out = { articles: 0, sentences: 0, claims: 0, bytes: 0 };
      for (const name of ['articles', 'sentences', 'links', 'terms']) {
        const rows: { score?: number }[] = await new Promise((resolve, reject) => {
          const req = db.transaction(name).objectStore(name).getAll();
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error);
        });
        for (const r of rows) out.bytes += JSON.stringify(r).length;
        if (name === 'articles') out.articles = rows.length;
        if (name === 'sentences') {
          out.sentences = rows.length;
          out.claims = rows.filter((r) => (r.score ?? 0) >= threshold).length;
        }
      }
      db.close();
      return out;
    }, DEFAULT_CLAIM_THRESHOLD);
    const claims = store.claims;
    return {
      runs,
      ingest50Seconds: runs[0].seconds,
      storage: {
        articles: store.articles,
        sentences: store.sentences,
        claims,
        estimateBytesPerClaim:
          before !== null && after !== null && claims ? Math.round((after - before) / claims) : null,
        recordBytesPerClaim: claims ? Math.round(store.bytes / claims) : 0,
      },
    };
  } finally {
    await browser.close();
  }
}

if (process.argv[1]?.endsWith('feeds-bench.ts')) {
  const server = await startServer();
  try {
    console.log(JSON.stringify(await feedsSection(server), null, 2));
  } finally {
    await server.close();
  }
}
