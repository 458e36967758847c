/**
 * Issue 21, selective highlighting, in real Chromium with the built extension: at the default setting
 * an article shows its figures, named sources and most check-worthy statements, and the popup lists
 * the rest under their own heading; the reader's setting (fewer / default / all), changed in the popup
 * or on the options page, repaints the page.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleIdFor } from '../../src/store/ids.ts';
import { type ExtensionBrowser, launchWithExtension } from '../support/browser.ts';
import { claimRanges, openArticle, tabIdOf } from '../support/pages.ts';
import { SEED_PAGES, startServer, type TestServer } from '../support/server.ts';

const herald = SEED_PAGES.find((p) => p.outlet === 'The Korea Herald')!;

let server: TestServer;
let browser: ExtensionBrowser;
let page: Page;
let url: string;
let atDefault: string[] = [];

/** Number of claim highlights the page has registered. */
async function highlightCount(p: Page): Promise<number> {
  return p.evaluate(
    () =>
      (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('claimlens-claim')?.size ??
      0,
  );
}

/** Waits until the page's highlight count satisfies `ok` (the page repaints after a settings change). */
async function waitForCount(p: Page, ok: (n: number) => boolean): Promise<number> {
  for (let i = 0; i < 100; i++) {
    const n = await highlightCount(p);
    if (ok(n)) return n;
    await p.waitForTimeout(100);
  }
  return highlightCount(p);
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchWithExtension();
  url = server.url(herald.host, herald.path);
  page = await openArticle(browser.context, url);
  atDefault = await claimRanges(page);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the reader chooses how much is highlighted', () => {
  it('lists, in the popup, the statements the default leaves unhighlighted, and changes the page from there', async () => {
    expect(atDefault.length).toBeGreaterThanOrEqual(8);
    const tabId = await tabIdOf(browser, articleIdFor(url));
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/extension/popup/index.html?tab=${tabId}`);
    await popup.locator('li.cl-claim').first().waitFor();
    await expect(popup.getByRole('radio', { name: /Default/ }).isChecked()).resolves.toBe(true);
    const heading = popup.getByRole('heading', { name: /Other statements, not highlighted/ });
    await heading.waitFor();
    const remaining = await popup.locator('.cl-remaining-list li').allTextContents();
    expect(remaining.length).toBeGreaterThan(0);
    // No statement is both highlighted and listed as not highlighted.
    const claims = await popup.locator('li.cl-claim .cl-claim-text').allTextContents();
    for (const r of remaining) expect(claims).not.toContain(r);

    await popup.getByRole('radio', { name: /Fewer/ }).check();
    const fewer = await waitForCount(page, (n) => n < atDefault.length);
    expect(fewer).toBeLessThan(atDefault.length);
    await popup
      .locator('li.cl-claim')
      .nth(fewer - 1)
      .waitFor();
    await expect(popup.locator('li.cl-claim').count()).resolves.toBe(fewer);

    await popup.getByRole('radio', { name: /^All/ }).check();
    const all = await waitForCount(page, (n) => n > atDefault.length);
    expect(all).toBeGreaterThan(atDefault.length);
    // Every prose sentence is a claim now: nothing is left unlisted.
    await heading.waitFor({ state: 'detached' });
    await popup.close();
  });

  it('keeps the choice on the options page, which changes the page too', async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/extension/options/index.html`);
    const all = options.getByRole('radio', { name: /^All/ });
    await all.waitFor();
    await expect(all.isChecked()).resolves.toBe(true);
    await options.getByRole('radio', { name: /Default/ }).check();
    const back = await waitForCount(page, (n) => n === atDefault.length);
    expect(back).toBe(atDefault.length);
    expect(await claimRanges(page)).toEqual(atDefault);
    await options.close();
  });
});
