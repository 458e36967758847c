/**
 * The main job: builds nothing itself (npm run demo builds first), serves the five seed articles on
 * their outlets' host names (all mapped to 127.0.0.1), reads them in Chromium with ClaimLens loaded,
 * and writes screenshots and a JSON summary of every claim's cross-outlet status to out/demo/.
 *
 *   npm run demo                 headless; prints where the results are
 *   npm run demo -- --headed     on a machine with a display, leaves the browser open for you
 *   npm run demo -- --out DIR    another output folder
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ArticleView } from '../src/protocol/views.ts';
import { articleIdFor } from '../src/store/ids.ts';
import { statusCounts } from '../src/ui/status-format.ts';
import { launchWithExtension } from '../test/support/browser.ts';
import { hoverText, openArticle, tabIdOf } from '../test/support/pages.ts';
import { SEED_PAGES, startServer } from '../test/support/server.ts';

const args = process.argv.slice(2);
const headed = args.includes('--headed');
const outIndex = args.indexOf('--out');
const outDir = resolve(outIndex >= 0 ? args[outIndex + 1] : 'out/demo');
mkdirSync(outDir, { recursive: true });

if (headed && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  console.error(
    '--headed needs a display (DISPLAY or WAYLAND_DISPLAY is not set); running headless instead.',
  );
}
const showBrowser = headed && !!(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);

const server = await startServer();
const browser = await launchWithExtension({ headless: !showBrowser });
try {
  // The Korea Herald is read first, the other four after it: its claims gain their cross-outlet status
  // while it stays open, as they would for a reader who read it yesterday.
  const order = [...SEED_PAGES].sort(
    (a, b) => Number(b.outlet === 'The Korea Herald') - Number(a.outlet === 'The Korea Herald'),
  );
  const pages = [];
  for (const seed of order) {
    const url = server.url(seed.host, seed.path);
    const page = await openArticle(browser.context, url);
    console.log(`read ${seed.outlet.padEnd(22)} ${url}`);
    pages.push({ seed, url, page });
  }

  const views: ArticleView[] = [];
  const popup = await browser.context.newPage();
  await popup.setViewportSize({ width: 460, height: 900 });
  for (const { url } of pages) {
    const tabId = await tabIdOf(browser, articleIdFor(url));
    await popup.goto(`chrome-extension://${browser.extensionId}/extension/popup/index.html?tab=${tabId}`);
    const view = await popup.evaluate(
      async (id) => (await chrome.runtime.sendMessage({ type: 'getTabView', tabId: id })).view,
      tabId,
    );
    views.push(view);
  }

  const herald = pages.find((p) => p.seed.outlet === 'The Korea Herald')!;
  const heraldTab = await tabIdOf(browser, articleIdFor(herald.url));
  await popup.goto(`chrome-extension://${browser.extensionId}/extension/popup/index.html?tab=${heraldTab}`);
  await popup.locator('li.cl-claim').first().waitFor();
  const keyItem = popup.locator('li.cl-claim', { hasText: 'more than 11,000' });
  await keyItem.locator('details').evaluate((d) => {
    (d as HTMLDetailsElement).open = true;
  });
  await keyItem.evaluate((li) => li.previousElementSibling?.scrollIntoView({ block: 'start' }));
  await popup.screenshot({ path: `${outDir}/popup.png` });

  await herald.page.bringToFront();
  await herald.page.evaluate(() => {
    const h = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('claimlens-claim');
    const first = [...(h ?? [])].find((r) => r.toString().includes('1,500'));
    first?.startContainer.parentElement?.scrollIntoView({ block: 'start' });
  });
  await herald.page.screenshot({ path: `${outDir}/article-highlights.png` });
  await hoverText(herald.page, 'more than 11,000 North Korean soldiers');
  await herald.page.waitForTimeout(400);
  await herald.page.screenshot({ path: `${outDir}/tooltip.png` });

  const summary = {
    generatedAt: new Date().toISOString(),
    articles: views.map((v) => ({
      outlet: v.outlet,
      title: v.title,
      url: v.url,
      claims: v.claims.map((c) => ({
        text: c.text,
        score: Number(c.score.toFixed(3)),
        attribution: c.attribution,
        counts: statusCounts(c.status),
        disputes: c.status.disputes.map((e) => ({
          outlet: e.outlet,
          quote: e.quote,
          url: e.url,
          numberConflict: e.numberConflict,
        })),
        confirms: c.status.confirms.map((e) => ({ outlet: e.outlet, quote: e.quote, url: e.url })),
        unclear: c.status.unclear.map((e) => ({ outlet: e.outlet, quote: e.quote, url: e.url })),
      })),
      // Unhighlighted statements other outlets speak to: listed in the popup, not painted.
      covered: (v.covered ?? []).map((c) => ({ text: c.text, counts: statusCounts(c.status) })),
    })),
  };
  writeFileSync(`${outDir}/summary.json`, `${JSON.stringify(summary, null, 2)}\n`);

  for (const a of summary.articles) {
    const linked = a.claims.filter(
      (c) => c.counts.confirms + c.counts.disputes + c.counts.unclear > 0,
    ).length;
    console.log(
      `${a.outlet.padEnd(22)} ${String(a.claims.length).padStart(3)} claims, ${linked} with other outlets; ${a.covered.length} more statements other outlets speak to (popup)`,
    );
  }
  const key = summary.articles
    .find((a) => a.outlet === 'The Korea Herald')
    ?.claims.find((c) => c.text.includes('more than 11,000'));
  if (key) console.log(`\nKorea Herald: "${key.text}"\n  ${JSON.stringify(key.counts)}`);
  console.log(`\nWrote ${outDir}/{article-highlights,tooltip,popup}.png and summary.json`);

  if (showBrowser) {
    console.log('The browser stays open: close it to end the demo.');
    await new Promise<void>((resolveClose) => browser.context.on('close', () => resolveClose()));
  }
} finally {
  await browser.close().catch(() => {});
  await server.close();
}
