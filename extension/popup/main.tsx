/**
 * Popup entry: finds the tab it is about (`?tab=<id>`, else the active tab) and wires the Popup
 * component to the background.
 */
import { render } from 'preact';
import browser from 'webextension-polyfill';
import type { Request, Response } from '../../src/protocol/messages.ts';
import { downloadText } from '../../src/ui/download.ts';
import { Popup, type PopupApi } from '../../src/ui/Popup.tsx';
import '../../src/ui/tokens.css';
import '../../src/ui/popup.css';

async function call<T extends Request>(request: T) {
  const answer = (await browser.runtime.sendMessage(request)) as Response<T['type']>;
  if (!answer.ok) throw new Error(answer.error);
  return answer as Extract<Response<T['type']>, { ok: true }>;
}

async function tabId(): Promise<number | undefined> {
  const param = new URLSearchParams(location.search).get('tab');
  if (param && /^\d+$/.test(param)) return Number(param);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

const api: PopupApi = {
  async load() {
    const id = await tabId();
    return id === undefined ? null : (await call({ type: 'getTabView', tabId: id })).view;
  },
  async annotations(url) {
    const [list, orphans] = await Promise.all([
      call({ type: 'listAnnotations', query: { url } }),
      call({ type: 'listOrphans' }),
    ]);
    return { annotations: list.annotations, orphanIds: orphans.orphanIds };
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
  async exportPage(url) {
    const { json, fileName, count } = await call({ type: 'exportAnnotations', query: { url } });
    downloadText(json, fileName, 'application/ld+json');
    return count;
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
