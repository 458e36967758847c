/**
 * Issue 5 in real Chromium: a researcher tags a selection (two tags and a note), the annotation
 * re-anchors exactly after a reload, fuzzily after the page changes (words added before it, a typo
 * fixed inside it), and becomes an orphan, with quote, tags and note intact, when its paragraph goes.
 * Also: tooltip actions on automatic claims, bulk tagging from the popup, the highlight toggle.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleIdFor } from '../../src/store/ids.ts';
import { type ExtensionBrowser, launchWithExtension } from '../support/browser.ts';
import { hoverText, waitForHighlights } from '../support/pages.ts';
import { startServer, type TestServer } from '../support/server.ts';
import { ShadowReader } from '../support/shadow.ts';
import { readStore } from '../support/store.ts';
import { waitFor } from '../support/wait.ts';

const HOST = 'research.test';
const PATH = '/2024/10/18/north-korean-soldiers-video';
const original = readFileSync(
  new URL('../fixtures/pages/kyivindependent.test.html', import.meta.url),
  'utf8',
);
const SENTENCE = 'Kyrylo Budanov said that the first group of 2,600 soldiers will be deployed';
/** The first version has a typo inside the words the researcher tags. */
const v1 = original.replace('first group of 2,600 soldiers', 'first group of 2,600 soldeirs');
/** The second fixes it and adds a paragraph before. */
const v2 = original.replace(
  '<div class="article-body">',
  '<div class="article-body">\n<p>Update, Oct. 19: this article has been updated with a statement from the Pentagon and new details from Seoul.</p>',
);
/** The third has lost the paragraph. */
const v3 = original.replace(/<p>Ukraine's military intelligence chief Kyrylo Budanov[\s\S]*?<\/p>/, '');

let server: TestServer;
let browser: ExtensionBrowser;
let page: Page;
const url = () => server.url(HOST, PATH);

async function tabId(): Promise<number> {
  const entries = await browser.serviceWorker.evaluate(() => chrome.storage.session.get(null));
  const hit = Object.entries(entries).find(([, v]) => v === articleIdFor(url()));
  if (!hit) throw new Error('tab not known to the background');
  return Number(hit[0].slice(4));
}

async function sendToTab(message: unknown): Promise<void> {
  const id = await tabId();
  await browser.serviceWorker.evaluate(([t, m]) => chrome.tabs.sendMessage(t as number, m), [
    id,
    message,
  ] as const);
}

async function annotationTexts(p: Page): Promise<string[]> {
  return p.evaluate(() => {
    const h = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get(
      'claimlens-annotation',
    );
    return [...(h ?? [])].map((r) => r.toString());
  });
}

async function stored() {
  return (await readStore(browser.serviceWorker, ['annotations'])).annotations;
}

beforeAll(async () => {
  server = await startServer();
  server.setPage(HOST, PATH, { body: v1 });
  browser = await launchWithExtension();
  page = await browser.context.newPage();
  await page.goto(url());
  await waitForHighlights(page);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('tagging a selection', () => {
  it('creates an annotation with two tags and a note through the in-page editor', async () => {
    await page.evaluate(
      (needle) => {
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const i = n.nodeValue!.indexOf(needle);
          if (i < 0) continue;
          const range = document.createRange();
          range.setStart(n, i);
          range.setEnd(n, i + needle.length);
          getSelection()!.removeAllRanges();
          getSelection()!.addRange(range);
          return;
        }
        throw new Error('selection text not found');
      },
      SENTENCE.replace('soldiers', 'soldeirs'),
    );
    await sendToTab({ type: 'tagSelection' });
    const reader = await ShadowReader.for(page);
    await waitFor(
      () => reader.query('role', 'dialog'),
      (d) => d.some((x) => x.box !== null),
      'the tag editor',
    );
    await page.keyboard.type('kursk, troop numbers');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Check against the NIS figures.');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    const rows = await waitFor(stored, (r) => r.length === 1, 'the stored annotation');
    expect(rows[0]).toMatchObject({
      kind: 'highlight',
      quote: SENTENCE.replace('soldiers', 'soldeirs'),
      tags: ['kursk', 'troop numbers'],
      note: 'Check against the NIS figures.',
    });
  });

  it('re-anchors exactly after a reload', async () => {
    await page.reload();
    await waitForHighlights(page);
    const texts = await waitFor(
      () => annotationTexts(page),
      (t) => t.length === 1,
      'the re-anchored highlight',
    );
    expect(texts).toEqual([SENTENCE.replace('soldiers', 'soldeirs')]);
  });

  it('re-anchors fuzzily to the right words when the page changed', async () => {
    server.setPage(HOST, PATH, { body: v2 });
    await page.reload();
    await waitForHighlights(page);
    const texts = await waitFor(
      () => annotationTexts(page),
      (t) => t.length === 1,
      'the fuzzy highlight',
    );
    expect(texts).toEqual([SENTENCE]);
  });

  it('lists it as an orphan with quote, tags and note when its paragraph is gone', async () => {
    server.setPage(HOST, PATH, { body: v3 });
    await page.reload();
    await waitForHighlights(page);
    // The page reports what it could not anchor after it has painted what it could, so once the store
    // holds the orphan mark this visit's anchoring is over: then nothing of it may be painted.
    await waitFor(
      stored,
      (records) => records.length === 1 && records[0].orphanedAt !== undefined,
      'the orphan mark',
    );
    expect(await annotationTexts(page)).toEqual([]);
    const popup = await browser.context.newPage();
    await popup.goto(
      `chrome-extension://${browser.extensionId}/extension/popup/index.html?tab=${await tabId()}`,
    );
    const orphan = popup.locator('.cl-highlights li.cl-orphan');
    await orphan.waitFor();
    const text = await orphan.textContent();
    expect(text).toContain('Orphan');
    expect(text).toContain(SENTENCE.replace('soldiers', 'soldeirs'));
    expect(text).toContain('kursk, troop numbers');
    expect(text).toContain('Check against the NIS figures.');
    expect((await stored()).length).toBe(1);
    await popup.close();
    server.setPage(HOST, PATH, { body: original });
    await page.reload();
    await waitForHighlights(page);
  });
});

describe('acting on automatic claims', () => {
  it('"Not a claim" hides a claim and remembers it across reloads', async () => {
    const before = await page.evaluate(
      () =>
        (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('claimlens-claim')!.size,
    );
    await hoverText(page, 'The footage was shared amid reports');
    const reader = await ShadowReader.for(page);
    const buttons = await waitFor(
      () => reader.query('type', 'button'),
      (b) => b.some((x) => x.text === 'Not a claim' && x.box),
      'tooltip actions',
    );
    const dismiss = buttons.find((b) => b.text === 'Not a claim' && b.box)!;
    await page.mouse.move(dismiss.box!.x + 5, dismiss.box!.y + 5, { steps: 3 });
    await page.mouse.click(dismiss.box!.x + 5, dismiss.box!.y + 5);
    const count = () =>
      page.evaluate(
        () =>
          (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('claimlens-claim')
            ?.size ?? 0,
      );
    await waitFor(count, (n) => n === before - 1, 'one claim fewer');
    await page.reload();
    await waitForHighlights(page);
    expect(await count()).toBe(before - 1);
    const texts = await page.evaluate(() =>
      [...(CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('claimlens-claim')!].map(
        (r) => r.toString(),
      ),
    );
    expect(texts.some((t) => t.includes('The footage was shared amid reports'))).toBe(false);
    expect((await stored()).filter((r) => r.kind === 'not-a-claim')).toHaveLength(1);
  });

  it('bulk-tags every claim shown in the popup', async () => {
    const popup = await browser.context.newPage();
    await popup.goto(
      `chrome-extension://${browser.extensionId}/extension/popup/index.html?tab=${await tabId()}`,
    );
    await popup.locator('li.cl-claim').first().waitFor();
    const shown = await popup.locator('li.cl-claim').count();
    await popup.getByPlaceholder('Tag all shown').fill('north-korea-troops');
    await popup.getByRole('button', { name: /^Tag \d+ shown$/ }).click();
    await popup.getByText(`Tagged ${shown} claims with north-korea-troops.`).waitFor();
    const tagged = (await stored()).filter(
      (r) => r.kind === 'claim-tag' && r.tags.includes('north-korea-troops'),
    );
    expect(tagged).toHaveLength(shown);
    await popup.getByLabel('Tag', { exact: true }).selectOption('north-korea-troops');
    expect(await popup.locator('li.cl-claim').count()).toBe(shown);
    await popup.close();
  });

  it('the toggle shortcut hides and shows every highlight', async () => {
    const size = () =>
      page.evaluate(
        () =>
          (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('claimlens-claim')
            ?.size ?? 0,
      );
    const shown = await size();
    await sendToTab({ type: 'toggleHighlights' });
    await waitFor(size, (n) => n === 0, 'highlights hidden');
    await sendToTab({ type: 'toggleHighlights' });
    expect(await waitFor(size, (n) => n > 0, 'highlights back')).toBe(shown);
  });
});
