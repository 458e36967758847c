/**
 * Where the build puts the content script's files (vite.config.ts writes them, the manifest and the
 * content script name them): one place, so they cannot drift apart.
 */

/** The classic script the manifest injects into every http(s) page: only the loader of the next one. */
export const CONTENT_SCRIPT_FILE = 'content/index.js';

/**
 * The content script proper (extension/content/index.ts), an ES module the loader imports: the browser
 * compiles a module off the page's main thread and keeps its code cache, where the classic script's
 * compile ran on the main thread of every page.
 */
export const CONTENT_MAIN_FILE = 'content/main.js';

/** The on-demand ES module (extension/content/lazy.ts), web-accessible so the content script can import it. */
export const CONTENT_LAZY_FILE = 'content/lazy.js';

/**
 * The highlight colours' default stylesheet (`highlightCss()`), which the manifest injects with the
 * content script: the browser applies it without running any of our script.
 */
export const CONTENT_STYLE_FILE = 'content/highlights.css';
