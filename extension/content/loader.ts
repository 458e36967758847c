/**
 * The classic script the manifest injects into every http(s) page. A manifest cannot declare a module,
 * and a classic content script is compiled on the page's main thread on every page, with nothing cached:
 * the whole content script was most of ClaimLens' main-thread time on a page. So this loader only
 * imports the content script proper (extension/content/index.ts) as an ES module from the extension,
 * which the browser streams and compiles on a background thread and serves from its code cache on later
 * pages. Nothing may throw into the page: a failed import (the extension was reloaded or removed under
 * the page) is only logged.
 */
import { CONTENT_MAIN_FILE } from './files.ts';

/** Firefox's `browser`, else Chromium's `chrome`, as in the content script proper. */
const ext: { runtime: { getURL(path: string): string } } =
  (globalThis as { browser?: { runtime: { getURL(path: string): string } } }).browser ??
  (globalThis as unknown as { chrome: { runtime: { getURL(path: string): string } } }).chrome;

import(/* @vite-ignore */ ext.runtime.getURL(CONTENT_MAIN_FILE)).catch((error: unknown) => {
  console.debug('[ClaimLens]', error);
});
