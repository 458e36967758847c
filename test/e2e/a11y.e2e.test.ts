/**
 * Issue 5's accessibility proof: axe-core finds no violations on the popup, the library, the options
 * page and the claim tooltip, in light and dark mode, in real Chromium with the built extension.
 *
 * Extension pages forbid inline scripts (MV3 CSP), so axe is evaluated through the DevTools protocol
 * (`page.evaluate`), which the CSP does not govern. The tooltip lives in a closed shadow root that axe
 * cannot enter; its live markup is read through CDP (ShadowReader) and checked in a page that carries
 * the very same style sheets the content script adopts (tokens.css + in-page.css + tooltip.css).
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describe as describeSpan } from '../../src/anchor/text-anchor.ts';
import type { AnnotationDraft } from '../../src/protocol/messages.ts';
import { articleIdFor } from '../../src/store/ids.ts';
import { axe, inBothSchemes } from '../support/axe.ts';
import { type ExtensionBrowser, launchWithExtension } from '../support/browser.ts';
import { hoverText, openArticle, tabIdOf } from '../support/pages.ts';
import { SEED_PAGES, startServer, type TestServer } from '../support/server.ts';
import { ShadowReader } from '../support/shadow.ts';

const TOKENS_CSS = readFileSync(new URL('../../src/ui/tokens.css', import.meta.url), 'utf8');
const IN_PAGE_CSS = readFileSync(new URL('../../src/ui/in-page.css', import.meta.url), 'utf8');
const TOOLTIP_CSS = readFileSync(new URL('../../src/ui/tooltip.css', import.meta.url), 'utf8');

const herald = SEED_PAGES.find((p) => p.outlet === 'The Korea Herald')!;
let server: TestServer;
let browser: ExtensionBrowser;
let heraldUrl: string;
let tabId: number;

beforeAll(async () => {
  server = await startServer();
  browser = await launchWithExtension();
  for (const p of SEED_PAGES.filter((s) => s !== herald))
    await (await openArticle(browser.context, server.url(p.host, p.path))).close();
  heraldUrl = server.url(herald.host, herald.path);
  await openArticle(browser.context, heraldUrl);
  tabId = await tabIdOf(browser, articleIdFor(heraldUrl));
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('axe-core finds no violations', () => {
  it('on the popup', async () => {
    const popup = await browser.context.newPage();
    await popup.setViewportSize({ width: 420, height: 600 });
    await popup.goto(`chrome-extension://${browser.extensionId}/extension/popup/index.html?tab=${tabId}`);
    await popup.locator('[data-claim-id]').first().waitFor();
    await inBothSchemes(popup, async () => expect(await axe(popup)).toEqual([]));
    await popup.close();
  });

  it('on the options page', async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/extension/options/index.html`);
    await options.getByRole('heading', { name: 'ClaimLens options' }).waitFor();
    await inBothSchemes(options, async () => expect(await axe(options)).toEqual([]));
    await options.getByRole('button', { name: 'Clear all data…' }).click();
    expect(await axe(options)).toEqual([]);
    await options.close();
  });

  it('on the library, with annotations, the editor, bulk tagging, the toast and import messages', async () => {
    const library = await browser.context.newPage();
    await library.goto(`chrome-extension://${browser.extensionId}/extension/library/index.html`);
    const text =
      'Officials said about 10,000 soldiers were sent to Russia, and the ministry said more would follow.';
    const drafts: AnnotationDraft[] = [
      {
        url: heraldUrl,
        kind: 'highlight',
        selectors: describeSpan(text, 15, 56),
        tags: ['troops', 'numbers'],
        note: 'Compare with the Pentagon figure.',
        verdict: 'disputed',
      },
      {
        url: heraldUrl,
        kind: 'pin',
        selectors: describeSpan(text, 62, 97),
        tags: ['ministry'],
        sentenceId: 'x:s1',
      },
    ];
    for (const draft of drafts) {
      await library.evaluate(async (d) => {
        const answer = await chrome.runtime.sendMessage({ type: 'saveAnnotation', draft: d });
        if (!answer.ok) throw new Error(answer.error);
      }, draft);
    }
    await library.reload();
    await library.locator('[data-annotation-id]').nth(1).waitFor();
    await inBothSchemes(library, async () => expect(await axe(library)).toEqual([]));

    // Open states: a row's editor, the bulk-tag form, a filter applied.
    await library.locator('[data-annotation-id]').first().getByRole('button', { name: 'Edit' }).click();
    await library.getByRole('button', { name: 'Tag all shown…' }).click();
    await library.getByTestId('tag-facets').locator('button').first().click();
    await inBothSchemes(library, async () => expect(await axe(library)).toEqual([]));

    // The undo toast and an import error.
    const row = library.locator('[data-annotation-id]').first();
    await row.getByRole('button', { name: 'Cancel' }).click();
    await row.getByRole('button', { name: 'Delete' }).click();
    await library.getByTestId('toast').getByRole('button', { name: 'Undo' }).waitFor();
    await library.locator('#import-file').setInputFiles({
      name: 'bad.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"cl:formatVersion": 1, "type": "AnnotationCollection"}'),
    });
    await library.getByTestId('import-error').waitFor();
    await inBothSchemes(library, async () => expect(await axe(library)).toEqual([]));
    await library.close();
  });

  it('on the claim tooltip (its live markup, with the styles the content script adopts)', async () => {
    const article = (await browser.context.pages()).find((p) => p.url() === heraldUrl)!;
    await article.bringToFront();
    await hoverText(article, 'more than 11,000 North Korean soldiers');
    const reader = await ShadowReader.for(article);
    await expect
      .poll(async () => (await reader.tooltip())?.text ?? '', { timeout: 10_000 })
      .toMatch(/outlet/);
    const [wrap] = await reader.query('class', 'cl-tooltip-wrap cl-root');
    expect(wrap?.html).toContain('role="tooltip"');

    // The tooltip's headings continue the article's outline, so the check page repeats that outline.
    const outline = await article.evaluate(() =>
      [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => h.tagName.toLowerCase()),
    );
    const headings = outline.map((tag, i) => `<${tag}>Page heading ${i + 1}</${tag}>`).join('');
    server.setPage('a11y.test', '/tooltip', {
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Tooltip check</title>
        <style>${TOKENS_CSS}\n${IN_PAGE_CSS}\n${TOOLTIP_CSS}</style></head>
        <body><main>${headings}</main>${wrap.html}</body></html>`,
    });
    const blank = await browser.context.newPage();
    await blank.goto(server.url('a11y.test', '/tooltip'));
    await inBothSchemes(blank, async () => expect(await axe(blank, '.cl-tooltip-wrap')).toEqual([]));
    await blank.close();
  });

  it('on the status marks beside the claims (their live markup, with the styles the content script adopts)', async () => {
    const article = (await browser.context.pages()).find((p) => p.url() === heraldUrl)!;
    await article.bringToFront();
    const reader = await ShadowReader.for(article);
    const [layer] = await reader.query('class', 'cl-marks');
    // Every status the page's claims have is drawn, and the layer is hidden from assistive technology:
    // the keyboard proxies carry each claim's status in words.
    for (const kind of ['disputed', 'unclear']) expect(layer?.html).toContain(`cl-glyph-${kind}`);
    expect(layer?.html).toMatch(/^<div class="cl-marks" aria-hidden="true">/);
    const text = await article.evaluate(() => document.body.innerHTML);
    server.setPage('a11y.test', '/marks', {
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Marks check</title>
        <style>${TOKENS_CSS}\n${IN_PAGE_CSS}</style></head>
        <body>${text.replace(/<script[\s\S]*?<\/script>/g, '')}<div class="cl-marks-host">${layer.html}</div></body></html>`,
    });
    const check = await browser.context.newPage();
    await check.goto(server.url('a11y.test', '/marks'));
    await inBothSchemes(check, async () => expect(await axe(check, '.cl-marks-host')).toEqual([]));
    await check.close();
  });
});
