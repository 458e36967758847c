/**
 * Helpers that drive article pages in tests and the demo, reading only what a page could observe
 * (the highlight registry) or what the extension exposes to its own service worker.
 */
import type { BrowserContext, Page } from 'playwright-core';
import type { ExtensionBrowser } from './browser.ts';

/** Opens an article and waits until ClaimLens has painted its claims. */
export async function openArticle(context: BrowserContext, url: string, timeout = 20_000): Promise<Page> {
  const page = await context.newPage();
  await page.goto(url);
  await waitForHighlights(page, timeout);
  return page;
}

/** Waits for the claim highlight to be registered with at least one range. */
export async function waitForHighlights(page: Page, timeout = 20_000): Promise<void> {
  await page.waitForFunction(
    () =>
      ((CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('claimlens-claim')?.size ??
        0) > 0,
    undefined,
    { timeout },
  );
}

/** The text of every highlighted claim, in page order. */
export async function claimRanges(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const h = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('claimlens-claim');
    return [...(h ?? [])]
      .sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b))
      .map((r) => r.toString().replace(/\s+/g, ' ').trim());
  });
}

/** Moves the mouse over the highlighted claim containing `text` (scrolling it into view first). */
export async function hoverText(page: Page, text: string): Promise<void> {
  const point = await page.evaluate((needle) => {
    const h = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('claimlens-claim');
    const range = [...(h ?? [])].find((r) => r.toString().replace(/\s+/g, ' ').includes(needle));
    if (!range) return null;
    range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
    const rect = range.getClientRects()[0];
    return { x: rect.left + Math.min(40, rect.width / 2), y: rect.top + rect.height / 2 };
  }, text);
  if (!point) throw new Error(`no highlighted claim contains "${text}"`);
  await page.mouse.move(point.x - 30, point.y + 200);
  await page.mouse.move(point.x, point.y, { steps: 4 });
}

/** The tab id the background associates with an article (from its session storage). */
export async function tabIdOf(browser: ExtensionBrowser, articleId: string): Promise<number> {
  const entries = await browser.serviceWorker.evaluate(() => chrome.storage.session.get(null));
  const hit = Object.entries(entries).find(([key, value]) => key.startsWith('tab:') && value === articleId);
  if (!hit) throw new Error(`no tab shows article ${articleId}`);
  return Number(hit[0].slice(4));
}
