/**
 * One way to drive a reader's browser in both engines, so a test of the reader's loop runs unchanged
 * in Chromium (playwright-core over the DevTools protocol, test/support/browser.ts) and in Firefox
 * (WebDriver BiDi, test/support/firefox.ts). Everything goes through what a reader does (open pages,
 * move the mouse, click, press keys) or what a page's own scripts could see (`evaluate` runs in the
 * page's world); ClaimLens' closed shadow root is read only through the browser's automation
 * protocol (`inShadow`), which page scripts do not have.
 */
import type { CDPSession, Page } from 'playwright-core';
import { type ExtensionBrowser, launchWithExtension } from './browser.ts';
import { type FirefoxBrowser, type FirefoxTab, launchFirefox } from './firefox.ts';
import type { StoreTables } from './store.ts';

export type EngineName = 'chromium' | 'firefox';

export interface ReaderTab {
  /** Loads a URL and waits for its load event. */
  goto(url: string): Promise<void>;
  /** Runs `fn(...args)` in the page's own world; arguments and result travel as JSON. */
  evaluate<T, A extends unknown[] = []>(fn: (...args: A) => T | Promise<T>, args?: A): Promise<T>;
  /** Runs `fn` on ClaimLens' closed shadow roots in this page (none before ClaimLens made one). */
  inShadow<T, A extends unknown[] = []>(
    fn: (roots: ShadowRoot[], ...args: A) => T | Promise<T>,
    args?: A,
  ): Promise<T>;
  /** Moves the mouse to (x, y) in `steps` moves, as a hand does. */
  mouseMove(x: number, y: number, steps?: number): Promise<void>;
  click(x: number, y: number): Promise<void>;
  press(key: 'Tab' | 'Enter' | 'Escape'): Promise<void>;
  /** Runs a script's source text in the page's own world (a library the test brings, like axe-core). */
  run(source: string): Promise<void>;
  /** Makes this the tab in front, which the keyboard reaches (a link opened in a new tab took it). */
  bringToFront(): Promise<void>;
  /** The accessible name the browser's accessibility engine gives the focused element. */
  focusedAccessibleName(): Promise<string | null>;
  screenshot(): Promise<Buffer>;
  close(): Promise<void>;
}

export interface ReaderBrowser {
  engine: EngineName;
  /** The browser's version, as it reports it. */
  version: string;
  newTab(url?: string): Promise<ReaderTab>;
  /** The URL of one of the extension's own pages (e.g. `extension/popup/index.html`). */
  extensionUrl(path: string): string;
  /** The colour scheme pages see (`prefers-color-scheme`), in every tab. */
  setColorScheme(scheme: 'light' | 'dark'): Promise<void>;
  /** The URLs of every open tab (a link opened in a new tab shows here). */
  tabUrls(): Promise<string[]>;
  /** One of the extension's own pages, opened on first use and kept (see `extensionPageOf`). */
  extensionPage(): Promise<ReaderTab>;
  /** Every record of the named tables of the extension's IndexedDB, read from one of its pages. */
  readStore<T extends keyof StoreTables>(tables: readonly T[]): Promise<{ [K in T]: StoreTables[K][] }>;
  /** The id of the tab the background says shows `articleId`. */
  tabIdOf(articleId: string): Promise<number>;
  close(): Promise<void>;
}

/** Starts an engine with the built extension; outlet host names reach the server on `port`. */
export async function launchReader(engine: EngineName, port: number): Promise<ReaderBrowser> {
  return engine === 'chromium'
    ? chromiumReader(await launchWithExtension())
    : firefoxReader(await launchFirefox({ proxyPort: port }));
}

const call = (fn: (...args: never[]) => unknown, args: unknown[] = []) =>
  `(${fn.toString()})(...${JSON.stringify(args)})`;

/**
 * One of the extension's own pages, opened once and kept: the store, the tabs and the background are
 * asked from it. A tab opened for every question would push the page under test into the background,
 * where the browser slows its frames and the pointer's hit test with them.
 */
function extensionPageOf(reader: ReaderBrowser): () => Promise<ReaderTab> {
  let page: Promise<ReaderTab> | null = null;
  return () => {
    page ??= reader.newTab(reader.extensionUrl('extension/options/index.html'));
    return page;
  };
}

async function readStoreFrom<T extends keyof StoreTables>(
  page: ReaderTab,
  tables: readonly T[],
): Promise<{ [K in T]: StoreTables[K][] }> {
  return (await page.evaluate(
    async (names: string[]) => {
      const db: IDBDatabase = await new Promise((resolve, reject) => {
        const req = indexedDB.open('claimlens');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const out: Record<string, unknown[]> = {};
      for (const name of names) {
        out[name] = await new Promise<unknown[]>((resolve, reject) => {
          const req = db.transaction(name).objectStore(name).getAll();
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error);
        });
      }
      db.close();
      return out;
    },
    [[...tables] as string[]],
  )) as { [K in T]: StoreTables[K][] };
}

async function tabIdFrom(page: ReaderTab, articleId: string): Promise<number> {
  const entries = await page.evaluate(async () => {
    const api = (globalThis as unknown as { chrome: typeof chrome }).chrome;
    return (await api.storage.session.get(null)) as Record<string, unknown>;
  });
  const hit = Object.entries(entries).find(([key, value]) => key.startsWith('tab:') && value === articleId);
  if (!hit) throw new Error(`no tab shows article ${articleId}`);
  return Number(hit[0].slice(4));
}

function chromiumReader(browser: ExtensionBrowser): ReaderBrowser {
  const reader: ReaderBrowser = {
    engine: 'chromium',
    version: browser.context.browser()?.version() ?? 'unknown',
    async newTab(url) {
      const page = await browser.context.newPage();
      if (url) await page.goto(url);
      return chromiumTab(page);
    },
    extensionUrl: (path) => `chrome-extension://${browser.extensionId}/${path}`,
    async setColorScheme(scheme) {
      for (const page of browser.context.pages()) await page.emulateMedia({ colorScheme: scheme });
    },
    tabUrls: async () => browser.context.pages().map((p) => p.url()),
    extensionPage: () => extensionPage(),
    readStore: async (tables) => readStoreFrom(await extensionPage(), tables),
    tabIdOf: async (id) => tabIdFrom(await extensionPage(), id),
    close: () => browser.close(),
  };
  const extensionPage = extensionPageOf(reader);
  return reader;
}

interface DomNode {
  nodeId: number;
  nodeName: string;
  children?: DomNode[];
  shadowRoots?: DomNode[];
}

function chromiumTab(page: Page): ReaderTab {
  let cdp: CDPSession | null = null;
  const session = async () => {
    cdp ??= await page.context().newCDPSession(page);
    return cdp;
  };
  /** Object ids of ClaimLens' shadow roots, and of the document (a `this` when there is none). */
  const shadowRoots = async () => {
    const c = await session();
    // ClaimLens' hosts are children of <html>: three levels down (document, html, host, its shadow
    // root) is enough, and far cheaper than the whole tree of a long article.
    const { root } = (await c.send('DOM.getDocument', { depth: 3, pierce: true })) as { root: DomNode };
    const roots: number[] = [];
    const walk = (n: DomNode) => {
      if (n.nodeName === 'CLAIMLENS-ROOT') for (const s of n.shadowRoots ?? []) roots.push(s.nodeId);
      for (const child of n.children ?? []) walk(child);
    };
    walk(root);
    const objectId = async (nodeId: number) =>
      ((await c.send('DOM.resolveNode', { nodeId })) as { object: { objectId: string } }).object.objectId;
    return { c, doc: await objectId(root.nodeId), roots: await Promise.all(roots.map(objectId)) };
  };
  const callInShadow = async (source: string, args: unknown[], byValue: boolean) => {
    const { c, doc, roots } = await shadowRoots();
    const answer = (await c.send('Runtime.callFunctionOn', {
      objectId: doc,
      functionDeclaration: `function (json, ...roots) { return (${source})(roots, ...JSON.parse(json)); }`,
      arguments: [{ value: JSON.stringify(args) }, ...roots.map((objectId) => ({ objectId }))],
      returnByValue: byValue,
      awaitPromise: true,
    })) as { result: { value?: unknown; objectId?: string }; exceptionDetails?: { text: string } };
    if (answer.exceptionDetails)
      throw new Error(`inShadow failed: ${JSON.stringify(answer.exceptionDetails)}`);
    return answer.result;
  };
  return {
    goto: async (url) => {
      await page.goto(url);
    },
    evaluate: (fn, args) => page.evaluate(call(fn as never, args ?? [])),
    inShadow: async (fn, args) =>
      (await callInShadow(fn.toString(), (args ?? []) as unknown[], true)).value as never,
    mouseMove: (x, y, steps = 1) => page.mouse.move(x, y, { steps }),
    click: (x, y) => page.mouse.click(x, y),
    press: (key) => page.keyboard.press(key),
    bringToFront: () => page.bringToFront(),
    run: async (source) => {
      await page.evaluate(source);
    },
    async focusedAccessibleName() {
      // The focused element, looked for through open and closed shadow roots alike.
      const { objectId } = await callInShadow(
        `(roots) => { let el = document.activeElement; for (const r of roots) if (r.activeElement) el = r.activeElement; return el; }`,
        [],
        false,
      );
      if (!objectId) return null;
      const { nodes } = (await (
        await session()
      ).send('Accessibility.getPartialAXTree', {
        objectId,
        fetchRelatives: false,
      })) as { nodes: { name?: { value?: string } }[] };
      return nodes[0]?.name?.value ?? null;
    },
    screenshot: () => page.screenshot(),
    close: () => page.close(),
  };
}

function firefoxReader(browser: FirefoxBrowser): ReaderBrowser {
  const reader: ReaderBrowser = {
    engine: 'firefox',
    version: browser.version,
    newTab: async (url) => firefoxTab(await browser.newTab(url)),
    extensionUrl: (path) => `${browser.extensionBase}${path}`,
    setColorScheme: (scheme) => browser.setColorScheme(scheme),
    async tabUrls() {
      const { contexts } = await browser.bidi.send<{ contexts: { url: string }[] }>(
        'browsingContext.getTree',
        {
          maxDepth: 0,
        },
      );
      return contexts.map((c) => c.url);
    },
    extensionPage: () => extensionPage(),
    readStore: async (tables) => readStoreFrom(await extensionPage(), tables),
    tabIdOf: async (id) => tabIdFrom(await extensionPage(), id),
    close: () => browser.close(),
  };
  const extensionPage = extensionPageOf(reader);
  return reader;
}

function firefoxTab(tab: FirefoxTab): ReaderTab {
  return {
    goto: (url) => tab.goto(url),
    evaluate: (fn, args) => tab.evaluate(fn, args),
    inShadow: (fn, args) => tab.inShadow(fn as never, args) as never,
    mouseMove: (x, y, steps = 1) => tab.mouseMove(x, y, { durationMs: steps > 1 ? steps * 20 : 0 }),
    click: (x, y) => tab.click(x, y),
    press: (key) => tab.press(key),
    bringToFront: () => tab.activate(),
    run: (source) => tab.run(source),
    focusedAccessibleName: () => tab.focusedAccessibleName(),
    screenshot: () => tab.screenshot(),
    close: () => tab.close(),
  };
}
