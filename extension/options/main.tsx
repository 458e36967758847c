/** Options page entry: wires the Options component to the background. */
import { render } from 'preact';
import browser from 'webextension-polyfill';
import { readOpml } from '../../src/feeds/opml.ts';
import { originPattern } from '../../src/feeds/store.ts';
import { backgroundClient } from '../../src/protocol/client.ts';
import { downloadText } from '../../src/ui/download.ts';
import { type FeedsApi, FeedsPanel } from '../../src/ui/FeedsPanel.tsx';
import { Options, type OptionsApi } from '../../src/ui/Options.tsx';
import '../../src/ui/tokens.css';
import '../../src/ui/options.css';
import '../../src/ui/feeds.css';

const { call } = backgroundClient((message) => browser.runtime.sendMessage(message));

const api: OptionsApi = {
  getSettings: async () => (await call({ type: 'getSettings' })).settings,
  setSettings: async (settings) => (await call({ type: 'setSettings', settings })).settings,
  clearAll: async () => {
    await call({ type: 'clearAll' });
  },
};

render(<Options api={api} />, document.getElementById('app')!);

/**
 * Asks the browser for access to the hosts of these addresses. Called straight from the reader's click
 * (Firefox grants only within the user's action), before anything is awaited.
 */
function askFor(urls: string[]): Promise<void> {
  let origins: string[];
  try {
    origins = [...new Set(urls.map(originPattern))];
  } catch {
    return Promise.reject(new Error('not a web address'));
  }
  return browser.permissions.request({ origins }).then((granted) => {
    if (!granted)
      throw new Error('The browser did not allow ClaimLens to read that site: nothing was followed.');
  });
}

const feedsApi: FeedsApi = {
  list: async () => {
    const r = await call({ type: 'listFeeds' });
    return { feeds: r.feeds, settings: r.settings };
  },
  follow: (url, factChecker) =>
    askFor([url]).then(async () => (await call({ type: 'subscribeFeed', url, factChecker })).feed),
  unfollow: async (id) => {
    await call({ type: 'unsubscribeFeed', id });
  },
  refresh: async (id) => {
    const r = await call({ type: 'refreshFeeds', id });
    return r.runs[0] ?? { stored: 0 };
  },
  setSettings: async (settings) => (await call({ type: 'setFeedSettings', settings })).settings,
  exportOpml: async () => {
    const r = await call({ type: 'exportOpml' });
    downloadText(r.opml, r.fileName, 'text/x-opml');
    return (r.opml.match(/<outline /g) ?? []).length;
  },
  readOpml: (text) => readOpml(text),
  importOpml: (text, urls) =>
    askFor(urls).then(async () => (await call({ type: 'importOpml', text })).results),
  allowHost: (id, host) =>
    askFor([`https://${host}/`, `http://${host}/`]).then(
      async () => (await call({ type: 'allowFeedHost', id, host })).feed,
    ),
};

render(<FeedsPanel api={feedsApi} />, document.getElementById('feeds')!);
