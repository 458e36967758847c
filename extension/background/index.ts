/**
 * Background service worker: validates every message, checks who sent it, and hands it to the core
 * (src/background/service.ts); takes imports from the library page over a port (src/background/import.ts)
 * so that it writes the store alone. Also keeps the tab -> article map (session storage, so it survives
 * the worker being stopped) and the toolbar badge.
 */
import browser, { type Runtime } from 'webextension-polyfill';
import { ImportReceiver } from '../../src/background/import.ts';
import { type Caller, type Effects, handleRequest } from '../../src/background/service.ts';
import type { AnnotationRecord } from '../../src/model/annotation.ts';
import { IMPORT_PORT } from '../../src/protocol/import.ts';
import { parseRequest, type TabEvent } from '../../src/protocol/messages.ts';
import { ClaimLensDB } from '../../src/store/db.ts';
import { articleIdFor } from '../../src/store/ids.ts';
import { startFeeds } from './feeds.ts';

const db = new ClaimLensDB();
/** Deleted annotations kept for undo. In memory: undo is offered right after a delete, while the worker is awake. */
const trash = new Map<string, { records: AnnotationRecord[]; at: number }>();
const UNDO_WINDOW_MS = 10 * 60 * 1000;
const TAB_KEY = (tabId: number) => `tab:${tabId}`;
/** The page (canonical URL) a tab shows, article or not. */
const PAGE_KEY = (tabId: number) => `page:${tabId}`;

/** Establishes who sent a message; anything not from this extension is refused. */
function callerOf(sender: Runtime.MessageSender): Caller | null {
  if (sender.id !== browser.runtime.id) return null;
  const extensionOrigin = browser.runtime.getURL('');
  if (sender.url?.startsWith(extensionOrigin) && !sender.tab?.url?.startsWith('http')) {
    return { kind: 'extension-page' };
  }
  if (sender.tab?.id !== undefined && sender.frameId === 0 && sender.url && /^https?:/i.test(sender.url)) {
    return { kind: 'content', tabId: sender.tab.id, url: sender.url };
  }
  return null;
}

/** Every tab known to show an article, with that article's id. */
async function tabArticles(): Promise<[tabId: number, articleId: string][]> {
  const all = await browser.storage.session.get(null);
  return Object.entries(all)
    .filter(([key, value]) => key.startsWith('tab:') && typeof value === 'string')
    .map(([key, value]) => [Number(key.slice(4)), value as string]);
}

/** Every tab whose content script reported its page, with the page's URL. */
async function tabPages(): Promise<[tabId: number, url: string][]> {
  const all = await browser.storage.session.get(null);
  return Object.entries(all)
    .filter(([key, value]) => key.startsWith('page:') && typeof value === 'string')
    .map(([key, value]) => [Number(key.slice(5)), value as string]);
}

function notify(tabId: number, event: TabEvent): void {
  browser.tabs.sendMessage(tabId, event).catch(() => {
    /* the tab has navigated away or has no content script: nothing to update */
  });
}

const effects: Effects = {
  tabShowsArticle(tabId, articleId, claimCount) {
    void browser.storage.session.set({ [TAB_KEY(tabId)]: articleId });
    void browser.action.setBadgeText({ tabId, text: claimCount ? String(claimCount) : '' });
    void browser.action.setBadgeBackgroundColor({ tabId, color: '#3b4cca' });
  },
  async articleOfTab(tabId) {
    const key = TAB_KEY(tabId);
    return (await browser.storage.session.get(key))[key] as string | undefined;
  },
  tabShowsPage(tabId, url) {
    void browser.storage.session.set({ [PAGE_KEY(tabId)]: url });
  },
  async pageOfTab(tabId) {
    const key = PAGE_KEY(tabId);
    return (await browser.storage.session.get(key))[key] as string | undefined;
  },
  articlesChanged(articleIds) {
    const changed = new Set(articleIds);
    void tabArticles().then((tabs) => {
      for (const [tabId, articleId] of tabs) {
        if (changed.has(articleId)) notify(tabId, { type: 'articleChanged', articleId });
      }
    });
  },
  settingsChanged(settings) {
    void tabArticles().then((tabs) => {
      for (const [tabId] of tabs) notify(tabId, { type: 'settingsChanged', settings });
    });
  },
  forgetTabs() {
    void browser.storage.session.clear();
  },
  annotationsChanged(articleIds, exceptTabId) {
    const changed = articleIds === 'all' ? null : new Set(articleIds);
    void Promise.all([tabArticles(), tabPages()]).then(([articles, pages]) => {
      const tabs = new Set<number>();
      for (const [tabId, articleId] of articles) if (!changed || changed.has(articleId)) tabs.add(tabId);
      for (const [tabId, url] of pages) if (!changed || changed.has(articleIdFor(url))) tabs.add(tabId);
      tabs.delete(exceptTabId ?? -1);
      for (const tabId of tabs) notify(tabId, { type: 'annotationsChanged' });
    });
  },
  async stash(records) {
    const token = crypto.randomUUID();
    trash.set(token, { records, at: Date.now() });
    for (const [key, entry] of trash) if (Date.now() - entry.at > UNDO_WINDOW_MS) trash.delete(key);
    return token;
  },
  async unstash(token) {
    const entry = trash.get(token);
    trash.delete(token);
    return entry && Date.now() - entry.at <= UNDO_WINDOW_MS ? entry.records : undefined;
  },
};

// Followed feeds: fetched on an alarm, their articles announced to open tabs like any other.
effects.feeds = startFeeds(db, (ids) => effects.articlesChanged(ids));

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
  const caller = callerOf(sender);
  if (!caller) return undefined;
  const parsed = parseRequest(message);
  if (!parsed.ok) return Promise.resolve({ ok: false, error: parsed.error });
  return handleRequest(db, effects, parsed.value, caller);
});

// An import, streamed by the library page: only the extension's own pages may send one.
browser.runtime.onConnect.addListener((port) => {
  if (port.name !== IMPORT_PORT) return;
  if (!port.sender || callerOf(port.sender)?.kind !== 'extension-page') {
    port.disconnect();
    return;
  }
  const receiver = new ImportReceiver(
    db,
    (event) => port.postMessage(event),
    () => effects.annotationsChanged('all'),
  );
  port.onMessage.addListener((message: unknown) => void receiver.receive(message));
  port.onDisconnect.addListener(() => receiver.abandon());
});

browser.tabs.onRemoved.addListener((tabId) => {
  void browser.storage.session.remove([TAB_KEY(tabId), PAGE_KEY(tabId)]);
});

// A tab that starts loading another document no longer shows the page (or article) it reported; the
// new page's content script reports itself when it runs (a page without one, such as the browser's own,
// never does, and the popup then says so instead of showing the page before).
browser.tabs.onUpdated.addListener((tabId, change) => {
  if (change.status === 'loading') void browser.storage.session.remove([TAB_KEY(tabId), PAGE_KEY(tabId)]);
});

/** "Tag as claim" on a selection, and the keyboard commands, are forwarded to the tab's content script. */
browser.runtime.onInstalled.addListener(() => {
  browser.contextMenus.create({ id: 'tag-selection', title: 'Tag as claim', contexts: ['selection'] });
});

browser.contextMenus.onClicked.addListener((info, tab) => {
  if (info.menuItemId === 'tag-selection' && tab?.id !== undefined) notify(tab.id, { type: 'tagSelection' });
});

browser.commands.onCommand.addListener((command, tab) => {
  if (tab?.id === undefined) return;
  if (command === 'tag-selection') notify(tab.id, { type: 'tagSelection' });
  if (command === 'toggle-highlights') notify(tab.id, { type: 'toggleHighlights' });
});
