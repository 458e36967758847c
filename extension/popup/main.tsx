/**
 * Popup entry: finds the tab it is about (`?tab=<id>`, else the active tab) and wires the Popup
 * component to the background.
 */
import { render } from 'preact';
import browser from 'webextension-polyfill';
import { originPattern, PENDING_FOLLOW_KEY } from '../../src/feeds/store.ts';
import { backgroundClient } from '../../src/protocol/client.ts';
import { downloadText } from '../../src/ui/download.ts';
import { Popup, type PopupApi } from '../../src/ui/Popup.tsx';
import '../../src/ui/tokens.css';
import '../../src/ui/popup.css';

const { call } = backgroundClient((message) => browser.runtime.sendMessage(message));

async function tabId(): Promise<number | undefined> {
  const param = new URLSearchParams(location.search).get('tab');
  if (param && /^\d+$/.test(param)) return Number(param);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

/**
 * A follow begun in an earlier popup that closed while the browser's prompt was open: once the host is
 * granted (in the prompt, or on the browser's extension page), it is completed here, or by the
 * background when the permission arrives.
 */
async function completePendingFollow(): Promise<void> {
  const stored = await browser.storage.session.get(PENDING_FOLLOW_KEY);
  const pending = stored[PENDING_FOLLOW_KEY] as { url?: unknown; outlet?: unknown } | undefined;
  if (typeof pending?.url !== 'string') return;
  if (!(await browser.permissions.contains({ origins: [originPattern(pending.url)] }))) return;
  await browser.storage.session.remove(PENDING_FOLLOW_KEY);
  await call({
    type: 'subscribeFeed',
    url: pending.url,
    ...(typeof pending.outlet === 'string' ? { outlet: pending.outlet } : {}),
  }).catch(() => undefined);
}

/** The pages ClaimLens reads: its content scripts' match patterns, from the manifest. */
function pageOrigins(): string[] {
  return (browser.runtime.getManifest().content_scripts ?? []).flatMap((c) => c.matches ?? []);
}

const api: PopupApi = {
  async load() {
    const id = await tabId();
    if (id === undefined) return { view: null, page: null };
    const { view, page } = await call({ type: 'getTabView', tabId: id });
    return { view, page: page ?? null };
  },
  async annotations(url) {
    return (await call({ type: 'listAnnotations', query: { url } })).annotations;
  },
  async tagClaims(url, sentenceIds, tags) {
    const answer = await call({
      type: 'tagClaims',
      url,
      claims: sentenceIds.map((sentenceId) => ({ sentenceId })),
      tags,
    });
    return answer.annotations.length;
  },
  async remove(ids) {
    const { undoToken } = await call({ type: 'deleteAnnotations', ids });
    return async () => {
      await call({ type: 'undoDelete', token: undoToken });
    };
  },
  async exportPage(url, format) {
    const { json, fileName, count, type } = await call({ type: 'exportAnnotations', query: { url }, format });
    downloadText(json, fileName, type);
    return count;
  },
  follow: {
    async tabFeeds() {
      await completePendingFollow();
      const id = await tabId();
      return id === undefined ? { feeds: [] } : await call({ type: 'getTabFeeds', tabId: id });
    },
    // The browser is asked first, straight from the click (Firefox grants only within the user's action).
    // Chromium may close the popup while its prompt is open; the follow is left with the background,
    // which completes it when the permission arrives (extension/background/feeds.ts).
    follow: (url, outlet) => {
      void browser.storage.session.set({ [PENDING_FOLLOW_KEY]: { url, ...(outlet ? { outlet } : {}) } });
      return browser.permissions.request({ origins: [originPattern(url)] }).then(async (granted) => {
        // The popup has the answer: the follow is its own again.
        await browser.storage.session.remove(PENDING_FOLLOW_KEY);
        if (!granted)
          throw new Error('The browser did not allow ClaimLens to read that site: nothing was followed.');
        return (await call({ type: 'subscribeFeed', url, ...(outlet ? { outlet } : {}) })).feed.outlet;
      });
    },
  },
  async hostAccess() {
    // Chromium's `contains` answers false for patterns also listed as optional host permissions (the
    // feeds' hosts), even while granted; the granted list says it right in both browsers.
    const granted = new Set((await browser.permissions.getAll()).origins ?? []);
    return pageOrigins().every((o) => granted.has(o));
  },
  async grantHostAccess() {
    const granted = await browser.permissions.request({ origins: pageOrigins() });
    // Content scripts start with a page's load: the page open now is read once it loads again.
    const id = granted ? await tabId() : undefined;
    if (id !== undefined) await browser.tabs.reload(id);
    return granted;
  },
  async threshold() {
    return (await call({ type: 'getSettings' })).settings.threshold;
  },
  async setThreshold(threshold) {
    await call({ type: 'setSettings', settings: { threshold } });
  },
  openOptions: () => void browser.runtime.openOptionsPage(),
  openLibrary: () =>
    void browser.tabs.create({ url: browser.runtime.getURL('extension/library/index.html') }),
};

render(<Popup api={api} />, document.getElementById('app')!);
