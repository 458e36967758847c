/**
 * Chromium's offscreen document: the background's DOM. It parses HTML from feeds and fetched article
 * pages with DOMParser (an inert document: no script runs, nothing loads) and reads it with the same
 * extractor as pages the reader opens. It answers only its own extension's background.
 */
import browser, { type Runtime } from 'webextension-polyfill';
import { domReader } from '../../src/feeds/html.ts';
import { OFFSCREEN_TARGET, type OffscreenRequest } from '../../src/protocol/offscreen.ts';

const parser = new DOMParser();
const reader = domReader((html) => parser.parseFromString(html, 'text/html'));

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
  const m = message as ({ target?: string } & OffscreenRequest) | null;
  if (!m || m.target !== OFFSCREEN_TARGET || sender.id !== browser.runtime.id || sender.tab) return undefined;
  if (typeof m.html !== 'string') return Promise.resolve({ ok: false, error: 'no HTML to read' });
  const work =
    m.kind === 'page' && typeof m.url === 'string'
      ? reader.page(m.html, m.url)
      : m.kind === 'fragment'
        ? reader.fragment(m.html)
        : Promise.reject(new Error('unknown request'));
  return work.then(
    (value) => ({ ok: true, value }),
    (error: unknown) => ({ ok: false, error: error instanceof Error ? error.message : String(error) }),
  );
});
