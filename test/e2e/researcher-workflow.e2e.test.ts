/**
 * Issue 23: the researcher's whole workflow, as a new user does it, in real Chromium with the built
 * extension. The shortcut is bound and opens the editor (headless Chromium delivers no key presses to
 * extension commands, so the binding is read with `commands.getAll()` and the command's message is
 * sent); tagging on an article and on a page that is not one (the highlight appears at once, the popup
 * lists it); reload, a silent edit of the tagged words (flagged, old and new words shown as a word
 * diff), a removed paragraph (orphan); the library's "text changed" filter and bulk tagging; W3C and CSV
 * export (the CSV parsed back by Papa Parse, formula cells neutralised); clear, refused bad files, and
 * an import that gives back every record, orphan and text-change marks included; axe on every page
 * shown; and after every step on a page, nothing of ClaimLens takes a click meant for the page.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AnnotationDocument,
  type AnnotationRecord,
  CSV_COLUMNS,
  checkAnnotationDocument,
} from '../../src/annotations/index.ts';
import { canonicalUrl } from '../../src/store/ids.ts';
import { axe, inBothSchemes } from '../support/axe.ts';
import { DIST, type ExtensionBrowser, launchWithExtension } from '../support/browser.ts';
import { waitForHighlights } from '../support/pages.ts';
import { startServer, type TestServer } from '../support/server.ts';
import { ShadowReader } from '../support/shadow.ts';
import { readStore } from '../support/store.ts';
import { waitFor } from '../support/wait.ts';

const TOKENS_CSS = readFileSync(new URL('../../src/ui/tokens.css', import.meta.url), 'utf8');
const IN_PAGE_CSS = readFileSync(new URL('../../src/ui/in-page.css', import.meta.url), 'utf8');
const TOOLTIP_CSS = readFileSync(new URL('../../src/ui/tooltip.css', import.meta.url), 'utf8');
/** Screenshots of what the researcher sees (the ones worth keeping are copied to docs/ by hand). */
const SHOTS = new URL('../../out/e2e/', import.meta.url).pathname;

const ARTICLE_HOST = 'frontline-news.test';
const ARTICLE_PATH = '/2024/10/18/north-korean-soldiers-video';
const NOTES_HOST = 'research-notes.test';
const NOTES_PATH = '/team/field-notes';

/** The Kyiv Independent seed article, with its author in a meta tag as news sites state it. */
const original = readFileSync(
  new URL('../fixtures/pages/kyivindependent.test.html', import.meta.url),
  'utf8',
).replace(
  '<meta charset="utf-8">',
  '<meta charset="utf-8">\n<meta name="author" content="Dinara Khalilova">',
);
/** The words tagged first, and the same place after the outlet changed them without a note. */
const TAGGED = 'Kyrylo Budanov said that the first group of 2,600 soldiers will be deployed';
const EDITED = 'Kyrylo Budanov said that the first group of 3,000 soldiers has been deployed';
/** The words tagged second, in a paragraph that goes away later. */
const DOOMED = 'The center did not specify how the video was obtained';
const stealthEdited = original.replace(TAGGED, EDITED);
const paragraphGone = stealthEdited.replace(/<p>The center did not specify[\s\S]*?<\/p>/, '');

/** A page that is not an article: a short team page, its author and date in schema.org JSON-LD. */
const NOTES = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Field notes — Research desk</title>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"BlogPosting","author":{"@type":"Person","name":"Cho Min"},"datePublished":"2024-10-19T09:30:00Z"}</script>
<style>body{font:16px/1.5 sans-serif;margin:0}main{max-width:720px;margin:40px auto;padding:0 16px}</style>
</head><body><main><h1>Field notes</h1>
<p id="notes-lead">Our desk checked the troop figures against three briefings this week.</p>
<p>Next steps: call the ministry press office again on Monday.</p></main></body></html>`;
const NOTE_WORDS = 'checked the troop figures against three briefings';

let server: TestServer;
let browser: ExtensionBrowser;
let article: Page;
let notes: Page;
let library: Page;
let tmp: string;
const articleUrl = () => server.url(ARTICLE_HOST, ARTICLE_PATH);
const notesUrl = () => server.url(NOTES_HOST, NOTES_PATH);
const extensionPage = (path: string) => `chrome-extension://${browser.extensionId}/${path}`;
/** The store as it was before "clear all data", to compare the import with. */
let beforeClear: AnnotationRecord[] = [];
let w3cPath = '';
let csvPath = '';

async function annotations(): Promise<AnnotationRecord[]> {
  const rows = (await readStore(browser.serviceWorker, ['annotations'])).annotations;
  return rows.sort((a, b) => (a.id < b.id ? -1 : 1));
}

const byQuote = (rows: AnnotationRecord[], words: string) => rows.find((r) => r.quote.includes(words));

/** The tab whose content script reported this page to the background (articles and other pages alike). */
async function tabOf(url: string): Promise<number> {
  const want = canonicalUrl(url);
  const hit = await waitFor(
    async () => {
      const entries = await browser.serviceWorker.evaluate(() => chrome.storage.session.get(null));
      return Object.entries(entries).find(([key, value]) => key.startsWith('page:') && value === want);
    },
    (h) => !!h,
    `the tab showing ${url}`,
  );
  return Number(hit![0].slice(5));
}

/** What the background sends a tab when the reader presses the tag-selection shortcut. */
async function pressTagShortcut(url: string): Promise<void> {
  const tabId = await tabOf(url);
  await browser.serviceWorker.evaluate(
    ([t]) => chrome.tabs.sendMessage(t, { type: 'tagSelection' }),
    [tabId],
  );
}

/** The researcher's own highlights painted in a page (the registry any page can read). */
async function paintedAnnotations(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const h = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get(
      'claimlens-annotation',
    );
    return [...(h ?? [])].map((r) => r.toString().replace(/\s+/g, ' ').trim()).sort();
  });
}

async function select(page: Page, words: string): Promise<void> {
  await page.evaluate((needle) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const i = n.nodeValue!.indexOf(needle);
      if (i < 0) continue;
      const range = document.createRange();
      range.setStart(n, i);
      range.setEnd(n, i + needle.length);
      n.parentElement?.scrollIntoView({ block: 'center' });
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
      return;
    }
    throw new Error(`"${needle}" is not on the page`);
  }, words);
}

/** Waits until the in-page editor is shown with its tags field focused. */
async function editorOpen(page: Page): Promise<ShadowReader> {
  const reader = await ShadowReader.for(page);
  await waitFor(
    async () => (await reader.query('name', 'tags'))[0] ?? null,
    (field) => !!field?.box && field.focused,
    'the tag editor with its tags field focused',
  );
  return reader;
}

async function editorClosed(reader: ShadowReader): Promise<void> {
  await waitFor(
    () => reader.query('role', 'dialog'),
    (d) => d.every((x) => !x.box),
    'the editor to close',
  );
}

/**
 * Nothing of ClaimLens takes a click meant for the page: on a grid over the whole viewport (the
 * bottom edge, where the toast sits, included) no point hits our element, and the page's own element
 * under test is what a click at its centre reaches.
 */
async function clicksReachThePage(page: Page, own: string): Promise<void> {
  const seen = await page.evaluate((selector) => {
    const target = document.querySelector(selector);
    if (!target) throw new Error(`no ${selector}`);
    target.scrollIntoView({ block: 'center' });
    const ours: string[] = [];
    for (let x = 2; x < innerWidth; x += 32)
      for (let y = 2; y < innerHeight; y += 24) {
        const hit = document.elementFromPoint(x, y);
        if (hit?.closest('claimlens-root')) ours.push(`${x},${y}`);
      }
    for (const y of [innerHeight - 2, innerHeight - 16, innerHeight - 30]) {
      const hit = document.elementFromPoint(innerWidth / 2, y);
      if (hit?.closest('claimlens-root')) ours.push(`bottom ${y}`);
    }
    const r = target.getBoundingClientRect();
    const atTarget = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return { ours, reachesTarget: !!atTarget && (atTarget === target || target.contains(atTarget)) };
  }, own);
  expect(seen.ours, 'points where ClaimLens would take the click').toEqual([]);
  expect(seen.reachesTarget, `a click on ${own} reaches it`).toBe(true);
}

/** Both pages of the reader, after a step. */
async function nothingInTheWay(): Promise<void> {
  await clicksReachThePage(article, 'h1');
  if (notes) await clicksReachThePage(notes, '#notes-lead');
}

/** What the elements show on screen (their text without what is there for screen readers only). */
async function seenText(locator: Locator): Promise<string[]> {
  return locator.evaluateAll((elements) =>
    elements.map((el) => {
      const copy = el.cloneNode(true) as Element;
      for (const sr of copy.querySelectorAll('.cl-sr')) sr.remove();
      return copy.textContent ?? '';
    }),
  );
}

async function openPopupFor(url: string): Promise<Page> {
  const popup = await browser.context.newPage();
  await popup.setViewportSize({ width: 460, height: 720 });
  await popup.goto(extensionPage(`extension/popup/index.html?tab=${await tabOf(url)}`));
  return popup;
}

async function openLibrary(): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(extensionPage('extension/library/index.html'));
  await page.getByTestId('library-count').filter({ hasNotText: 'Loading' }).waitFor();
  return page;
}

async function download(page: Page, click: () => Promise<void>, name: string): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = join(tmp, `${name}-${file.suggestedFilename()}`);
  await file.saveAs(path);
  return path;
}

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'claimlens-workflow-'));
  mkdirSync(SHOTS, { recursive: true });
  server = await startServer();
  server.setPage(ARTICLE_HOST, ARTICLE_PATH, { body: original });
  server.setPage(NOTES_HOST, NOTES_PATH, { body: NOTES });
  browser = await launchWithExtension();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('a researcher, new to ClaimLens', () => {
  it('finds both shortcuts bound to the keys the manifest suggests', async () => {
    const manifest = JSON.parse(readFileSync(join(DIST, 'manifest.json'), 'utf8')) as {
      commands: Record<string, { suggested_key: { default: string } }>;
    };
    const options = await browser.context.newPage();
    await options.goto(extensionPage('extension/options/index.html'));
    const commands = await options.evaluate(() => chrome.commands.getAll());
    const shortcut = (name: string) => commands.find((c) => c.name === name)?.shortcut;
    expect(shortcut('tag-selection')).toBe('Alt+Shift+K');
    expect(shortcut('toggle-highlights')).toBe('Alt+Shift+H');
    for (const [name, command] of Object.entries(manifest.commands))
      expect(shortcut(name), `${name} is bound, not "Not set"`).toBe(command.suggested_key.default);
    await options.close();
  });

  it('sets their name in the options, which pass axe', async () => {
    const options = await browser.context.newPage();
    await options.goto(extensionPage('extension/options/index.html'));
    await options.getByLabel('Your name as annotator').fill('Ana Lima');
    await options.getByRole('button', { name: 'Save name' }).click();
    await options.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    await inBothSchemes(options, async () => expect(await axe(options)).toEqual([]));
    await options.close();
  });

  it('tags a selection on an article with the shortcut: the words stay marked in the editor, then saved', async () => {
    article = await browser.context.newPage();
    await article.goto(articleUrl());
    await waitForHighlights(article);
    await nothingInTheWay();

    // Opened and cancelled: the selection comes back, and the editor and its (empty, hidden) message
    // box take no click from the page.
    await select(article, TAGGED);
    await pressTagShortcut(articleUrl());
    const cancelled = await editorOpen(article);
    await article.keyboard.press('Escape');
    await editorClosed(cancelled);
    expect(await article.evaluate(() => getSelection()?.toString())).toBe(TAGGED);
    expect(await paintedAnnotations(article)).toEqual([]);
    await nothingInTheWay();

    await pressTagShortcut(articleUrl());
    const reader = await editorOpen(article);
    // Focus moved into the editor and took the page's selection along; the words stay marked.
    expect(await paintedAnnotations(article)).toEqual([TAGGED]);
    await article.screenshot({ path: join(SHOTS, 'editor.png') });
    // The editor's live markup passes axe with the styles the content script adopts.
    const [wrap] = await reader.query('class', 'cl-editor-wrap cl-root');
    server.setPage('a11y.test', '/editor', {
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Editor check</title>
        <style>${TOKENS_CSS}\n${IN_PAGE_CSS}\n${TOOLTIP_CSS}</style></head>
        <body><main><h1>Article</h1></main>${wrap.html}</body></html>`,
    });
    const check = await browser.context.newPage();
    await check.goto(server.url('a11y.test', '/editor'));
    await inBothSchemes(check, async () => expect(await axe(check, '.cl-editor-wrap')).toEqual([]));
    await check.close();

    await article.bringToFront();
    await article.keyboard.type('troops, numbers');
    await article.keyboard.press('Tab');
    await article.keyboard.type('Check against the NIS figure.');
    await article.keyboard.press('Tab');
    await article.keyboard.press('d'); // the verdict: "disputed"
    await article.keyboard.press('Tab');
    await article.keyboard.press('Enter');
    await editorClosed(reader);
    const rows = await waitFor(annotations, (r) => r.length === 1, 'the stored annotation');
    expect(rows[0]).toMatchObject({
      kind: 'highlight',
      quote: TAGGED,
      tags: ['troops', 'numbers'],
      note: 'Check against the NIS figure.',
      verdict: 'disputed',
      creator: 'Ana Lima',
      author: 'Dinara Khalilova',
      published: '2024-10-18T16:20:00.000Z',
      outlet: 'The Kyiv Independent',
      title: 'Video purportedly shows North Korean soldiers in Russian military camp',
    });
    expect(
      await waitFor(
        () => paintedAnnotations(article),
        (t) => t.length === 1,
        'the highlight',
      ),
    ).toEqual([TAGGED]);
    await nothingInTheWay();

    // A second one, on a paragraph that will go away.
    await select(article, DOOMED);
    await pressTagShortcut(articleUrl());
    const again = await editorOpen(article);
    await article.keyboard.type('provenance');
    await article.keyboard.press('Enter');
    await editorClosed(again);
    await waitFor(annotations, (r) => r.length === 2, 'the second annotation');
    await waitFor(
      () => paintedAnnotations(article),
      (t) => t.length === 2,
      'both highlights',
    );
    await nothingInTheWay();
    const popup = await openPopupFor(articleUrl());
    await popup.locator('.cl-highlights li[data-annotation-id]').nth(1).waitFor();
    expect(await popup.locator('.cl-highlights q').allTextContents()).toEqual(
      expect.arrayContaining([TAGGED, DOOMED]),
    );
    await popup.close();
  });

  it('tags on a page that is not an article: the highlight shows at once and the popup lists it', async () => {
    notes = await browser.context.newPage();
    await notes.goto(notesUrl());
    await tabOf(notesUrl());
    await nothingInTheWay();
    await select(notes, NOTE_WORDS);
    await pressTagShortcut(notesUrl());
    const reader = await editorOpen(notes);
    await notes.keyboard.type('@desk');
    await notes.keyboard.press('Tab');
    await notes.keyboard.type('=SUM(A1:A9) is what the spreadsheet said');
    await notes.keyboard.press('Tab');
    await notes.keyboard.press('Tab');
    await notes.keyboard.press('Enter');
    await editorClosed(reader);
    // No reload: the page paints it as soon as it is saved.
    expect(
      await waitFor(
        () => paintedAnnotations(notes),
        (t) => t.length === 1,
        'the highlight',
      ),
    ).toEqual([NOTE_WORDS]);
    const stored = byQuote(await annotations(), NOTE_WORDS)!;
    expect(stored).toMatchObject({
      url: canonicalUrl(notesUrl()),
      tags: ['@desk'],
      creator: 'Ana Lima',
      author: 'Cho Min',
      published: '2024-10-19T09:30:00.000Z',
      title: 'Field notes — Research desk',
      outlet: NOTES_HOST,
    });
    expect(stored.articleId).toBeUndefined();
    await nothingInTheWay();
    // The "Saved" message goes after a while; what is left of it takes no click either.
    await waitFor(
      async () => (await reader.query('class', 'cl-toast cl-root'))[0],
      (toast) => !!toast && !toast.box,
      'the message to go',
      15_000,
    );
    await nothingInTheWay();

    const popup = await openPopupFor(notesUrl());
    await popup.getByTestId('not-article').waitFor();
    const item = popup.locator(`.cl-highlights li[data-annotation-id="${stored.id}"]`);
    await item.waitFor();
    expect(await item.textContent()).toContain(NOTE_WORDS);
    expect(await item.textContent()).toContain('@desk');
    expect(await popup.textContent('main')).not.toContain('No article analysed');
    await popup.locator('main').screenshot({ path: join(SHOTS, 'popup-not-article.png') });
    await inBothSchemes(popup, async () => expect(await axe(popup)).toEqual([]));
    await popup.close();
    await nothingInTheWay();
  });

  it('finds the highlights again after a reload', async () => {
    await article.reload();
    await waitForHighlights(article);
    expect(
      await waitFor(
        () => paintedAnnotations(article),
        (t) => t.length === 2,
        'both highlights',
      ),
    ).toEqual([TAGGED, DOOMED].sort());
    await nothingInTheWay();
  });

  it('flags a silent edit of the tagged words, keeping the words as tagged and showing old and new', async () => {
    server.setPage(ARTICLE_HOST, ARTICLE_PATH, { body: stealthEdited });
    await article.reload();
    await waitForHighlights(article);
    // The highlight moved to the words the page shows now...
    expect(
      await waitFor(
        () => paintedAnnotations(article),
        (t) => t.includes(EDITED),
        'the moved highlight',
      ),
    ).toEqual([DOOMED, EDITED].sort());
    // ...and the annotation says so, keeping what was tagged.
    const changed = await waitFor(
      async () => byQuote(await annotations(), TAGGED),
      (r) => !!r?.textChange,
      'the text change on the record',
    );
    expect(changed!.quote).toBe(TAGGED);
    expect(changed!.selectors.quote.exact).toBe(TAGGED);
    expect(changed!.textChange!.selectors.quote.exact).toBe(EDITED);
    expect(Date.parse(changed!.textChange!.detectedAt)).toBeGreaterThan(Date.parse(changed!.created));
    expect(changed!.modified).toBe(changed!.created);
    await nothingInTheWay();

    const popup = await openPopupFor(articleUrl());
    const notice = popup.locator(`[data-annotation-id="${changed!.id}"] [data-testid="text-change"]`);
    await notice.waitFor();
    expect(await notice.textContent()).toContain('Text changed since you tagged it');
    // Whole words: the number replaced as one, and the changed verb phrase as one.
    expect(await seenText(notice.locator('del'))).toEqual(['2,600', 'will be']);
    expect(await seenText(notice.locator('ins'))).toEqual(['3,000', 'has been']);
    expect(await seenText(notice.getByTestId('text-before'))).toEqual([`Tagged: ${TAGGED}`]);
    expect(await seenText(notice.getByTestId('text-after'))).toEqual([`Now: ${EDITED}`]);
    // A screen reader hears which words went and which came.
    expect(await notice.locator('del').first().textContent()).toBe('[removed: 2,600]');
    await popup.close();
  });

  it('lists the annotation of a removed paragraph as an orphan, with its tags', async () => {
    server.setPage(ARTICLE_HOST, ARTICLE_PATH, { body: paragraphGone });
    await article.reload();
    await waitForHighlights(article);
    const orphan = await waitFor(
      async () => byQuote(await annotations(), DOOMED),
      (r) => !!r?.orphanedAt,
      'the orphan mark',
    );
    expect(await paintedAnnotations(article)).toEqual([EDITED]);
    await nothingInTheWay();
    const popup = await openPopupFor(articleUrl());
    const item = popup.locator(`.cl-highlights li.cl-orphan[data-annotation-id="${orphan!.id}"]`);
    await item.waitFor();
    expect(await item.textContent()).toContain('Orphan');
    expect(await item.textContent()).toContain('provenance');
    await popup.locator('[data-testid="text-change"]').waitFor();
    await inBothSchemes(popup, async () => expect(await axe(popup)).toEqual([]));
    await popup.close();
  });

  it('finds export and import first in the library, filters the changed annotation and bulk-tags it', async () => {
    library = await openLibrary();
    await library.locator('[data-annotation-id]').first().waitFor();
    // Keyboard order: the export and import controls come before the facets and the list.
    await library.locator('body').focus();
    const stops: string[] = [];
    for (let i = 0; i < 5; i++) {
      await library.keyboard.press('Tab');
      stops.push(
        await library.evaluate(() => {
          const el = document.activeElement as HTMLElement;
          return el.id || el.textContent?.trim() || el.localName;
        }),
      );
    }
    expect(stops.slice(0, 3)).toEqual(['export-format', 'Export all', 'Tag all shown…']);
    expect(stops).toContain('import-file');

    await library.getByLabel('Text changed on the page').check();
    await expect.poll(() => library.locator('[data-annotation-id]').count()).toBe(1);
    const row = library.locator('[data-annotation-id]').first();
    expect(await row.locator('.cl-lib-quote').textContent()).toBe(TAGGED);
    expect(await seenText(row.getByTestId('text-after'))).toEqual([`Now: ${EDITED}`]);
    expect(await row.locator('.cl-lib-dates').textContent()).toMatch(/^Published Oct 18, 2024 · Annotated/);
    await library.screenshot({ path: join(SHOTS, 'library-changed.png'), fullPage: true });
    await inBothSchemes(library, async () => expect(await axe(library)).toEqual([]));

    await library.getByRole('button', { name: 'Tag all shown…' }).click();
    await library.getByLabel('Tags to add to all 1 shown annotations', { exact: true }).fill('stealth-edit');
    await library.keyboard.press('Enter');
    await library.getByRole('button', { name: 'Add tag to 1 annotations' }).click();
    await library
      .getByTestId('library-status')
      .filter({ hasText: 'Tagged 1 annotation with stealth-edit' })
      .waitFor();
    const tagged = await annotations();
    expect(byQuote(tagged, TAGGED)!.tags).toEqual(['troops', 'numbers', 'stealth-edit']);
    expect(byQuote(tagged, TAGGED)!.textChange?.selectors.quote.exact).toBe(EDITED);
    expect(tagged.filter((r) => r.tags.includes('stealth-edit'))).toHaveLength(1);
    await library.getByLabel('Text changed on the page').uncheck();
    await library.getByTestId('orphans').locator('[data-annotation-id]').waitFor();
    await nothingInTheWay();
  });

  it('exports W3C JSON and a CSV that a spreadsheet library reads back row for row', async () => {
    const records = await annotations();
    expect(records).toHaveLength(3);
    w3cPath = await download(
      library,
      () => library.getByRole('button', { name: 'Export all' }).click(),
      'w3c',
    );
    const doc = JSON.parse(readFileSync(w3cPath, 'utf8')) as AnnotationDocument;
    expect(checkAnnotationDocument(doc)).toBeNull();
    expect(doc.total).toBe(3);
    const item = (words: string) => doc.first.items.find((a) => a.target.selector[0].exact.includes(words))!;
    expect(item(TAGGED)['cl:textChange']?.['cl:selector'][0].exact).toBe(EDITED);
    expect(item(TAGGED).target.selector[0].exact).toBe(TAGGED);
    expect(item(DOOMED)['cl:orphanedAt']).toBe(byQuote(records, DOOMED)!.orphanedAt);
    expect(item(NOTE_WORDS).creator).toEqual({ type: 'Person', name: 'Ana Lima' });
    expect(item(TAGGED).target).toMatchObject({
      'cl:author': 'Dinara Khalilova',
      'cl:published': '2024-10-18T16:20:00.000Z',
      'cl:outlet': 'The Kyiv Independent',
    });

    await library.getByLabel('Export format').selectOption('csv');
    csvPath = await download(
      library,
      () => library.getByRole('button', { name: 'Export all' }).click(),
      'csv',
    );
    const bytes = readFileSync(csvPath);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text.includes('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '').includes('\n')).toBe(false);
    const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
      header: true,
      skipEmptyLines: true,
    });
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.fields).toEqual([...CSV_COLUMNS]);
    const expected = [...records]
      .sort((a, b) => (a.created < b.created ? -1 : a.created > b.created ? 1 : a.id < b.id ? -1 : 1))
      .map((r) => ({
        quote: r.quote,
        tags: r.tags.join('; ').replace(/^@/, "'@"),
        note: (r.note ?? '').replace(/^=/, "'="),
        verdict: r.verdict ?? '',
        outlet: r.outlet,
        url: r.url,
        published: r.published ?? '',
        annotated: r.created,
        changed: r.textChange && !r.orphanedAt ? r.textChange.detectedAt : '',
        'new quote': r.textChange && !r.orphanedAt ? r.textChange.selectors.quote.exact : '',
        orphaned: r.orphanedAt ?? '',
        creator: r.creator ?? '',
        author: r.author ?? '',
        id: r.id,
      }));
    expect(
      parsed.data.map((row) => Object.fromEntries(Object.keys(expected[0]).map((k) => [k, row[k]]))),
    ).toEqual(expected);
    // The formula guard: the note and the tag a spreadsheet would run are shown as text.
    const notesRow = parsed.data.find((row) => row.quote === NOTE_WORDS)!;
    expect(notesRow.note).toBe("'=SUM(A1:A9) is what the spreadsheet said");
    expect(notesRow.tags).toBe("'@desk");
    expect(notesRow['automatic status']).toBe('no other outlet');
    await nothingInTheWay();
  });

  it('clears everything, refuses bad files whole, and imports the export back identically', async () => {
    beforeClear = await annotations();
    const options = await browser.context.newPage();
    await options.goto(extensionPage('extension/options/index.html'));
    await options.getByRole('button', { name: 'Clear all data…' }).click();
    await options.getByRole('button', { name: 'Delete everything' }).click();
    await options.getByRole('status').filter({ hasText: 'All data cleared.' }).waitFor();
    await options.close();
    expect(await annotations()).toEqual([]);

    await library.bringToFront();
    await library.reload();
    await library.getByTestId('library-count').filter({ hasText: '0 annotations' }).waitFor();
    // One bad value deep in an otherwise good file: nothing of it is written.
    const doc = JSON.parse(readFileSync(w3cPath, 'utf8')) as AnnotationDocument;
    const bad = structuredClone(doc);
    const changedAt = bad.first.items.findIndex((a) => a['cl:textChange']);
    bad.first.items[changedAt]['cl:textChange']!['cl:detectedAt'] = '2024-02-30T10:00:00Z';
    await library.locator('#import-file').setInputFiles({
      name: 'edited.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(bad)),
    });
    await library.getByTestId('import-error').waitFor();
    expect(await library.getByTestId('import-error-path').textContent()).toBe(
      `$.first.items[${changedAt}]['cl:textChange']['cl:detectedAt']`,
    );
    // The CSV is for spreadsheets, not for import: refused with a reason.
    await library.locator('#import-file').setInputFiles(csvPath);
    await library.getByTestId('import-error').filter({ hasText: 'not valid JSON' }).waitFor();
    expect(await annotations()).toEqual([]);

    await library.locator('#import-file').setInputFiles(w3cPath);
    await library.getByTestId('import-preview').filter({ hasText: '3 new' }).waitFor();
    await library.getByRole('button', { name: 'Import 3 annotations' }).click();
    await library.getByTestId('import-done').waitFor();
    expect(await annotations()).toEqual(beforeClear);
    // The orphan is still an orphan and the change still shows, before the page is ever visited again.
    await library.getByTestId('orphans').locator('[data-annotation-id]').waitFor();
    await library.getByLabel('Text changed on the page').check();
    await expect.poll(() => library.locator('[data-annotation-id]').count()).toBe(1);
    await inBothSchemes(library, async () => expect(await axe(library)).toEqual([]));
    await nothingInTheWay();
  });
});
