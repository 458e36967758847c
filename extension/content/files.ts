/**
 * Where the build puts the content script's two files (vite.config.ts writes them, the manifest and the
 * content script name them): one place, so the three cannot drift apart.
 */

/** The classic script the manifest injects into every http(s) page. */
export const CONTENT_SCRIPT_FILE = 'content/index.js';

/** The on-demand ES module (extension/content/lazy.ts), web-accessible so the content script can import it. */
export const CONTENT_LAZY_FILE = 'content/lazy.js';
