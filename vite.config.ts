import { readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { build, defineConfig, type Plugin } from 'vite';
import {
  CONTENT_LAZY_FILE,
  CONTENT_MAIN_FILE,
  CONTENT_SCRIPT_FILE,
  CONTENT_STYLE_FILE,
} from './extension/content/files.ts';
import baseManifest from './manifest.json' with { type: 'json' };
import { highlightCss } from './src/highlight/colours.ts';

/**
 * One manifest, two browsers: Chromium takes it as is; Firefox needs `background.scripts` and a gecko id,
 * so `--mode firefox` derives its manifest from the same file and builds into `dist-firefox/`.
 */
export default defineConfig(({ mode }) => {
  const firefox = mode === 'firefox';
  // `--mode readable`: the Chromium build with the content script's function names kept (not minified),
  // into `dist-readable/`, so `npm run bench:phases` can tell the phases of its main-thread time apart.
  const readable = mode === 'readable';
  const outDir = firefox ? 'dist-firefox' : readable ? 'dist-readable' : 'dist';
  // crxjs builds the pages and the service worker; the content script is built apart (see below).
  const { content_scripts: contentScripts, ...manifest } = firefox ? firefoxManifest() : baseManifest;
  return {
    plugins: [
      preact(),
      crx({ manifest: manifest as ManifestV3Export, browser: firefox ? 'firefox' : 'chrome' }),
      contentScript(outDir, contentScripts, !readable),
    ],
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      sourcemap: false,
      // No <link rel=modulepreload> injection: in the content script it would add nodes to every page's
      // <head> (and CSP may refuse them); extension files load from disk, so the hint buys nothing.
      modulePreload: false,
      // The language model and our weights are large and change rarely: separate chunks keep every file
      // under Firefox's 5 MB review-parse limit and let the browser cache them apart from our code.
      chunkSizeWarningLimit: 4_500,
      rollupOptions: {
        // Extension pages the manifest does not name (crxjs builds only what the manifest lists).
        input: {
          library: 'extension/library/index.html',
          // Chromium's offscreen document (feeds' HTML); Firefox reads HTML in its background page.
          ...(firefox ? {} : { offscreen: 'extension/offscreen/index.html' }),
        },
        output: {
          manualChunks(id: string) {
            if (id.includes('wink-eng-lite-web-model')) return 'nlp-model';
            if (id.includes('wink-nlp')) return 'nlp';
            if (/\/models\/[^/]+\.json$/.test(id)) return 'weights';
            return undefined;
          },
        },
      },
    },
    server: { host: '127.0.0.1' },
  };
});

/**
 * Builds the content script as a tiny classic loader, the content script proper as one self-contained
 * ES module, and one on-demand ES module, and names them in the built manifest. A classic content
 * script is compiled on the page's main thread on every page, uncached: the loader only imports the
 * module (extension/content/loader.ts), which the browser compiles on a background thread and keeps in
 * its code cache. One module with no imports of its own, unlike the chunk graph crxjs would emit behind
 * its loader, which cost a page several fetches and instantiations. What painting does not need (Preact
 * and the tooltip, the annotation layer, the message validator) stays in extension/content/lazy.ts,
 * imported on first use.
 */
function contentScript(
  outDir: string,
  entries: typeof baseManifest.content_scripts,
  minify: boolean,
): Plugin {
  return {
    name: 'claimlens-content-script',
    apply: 'build',
    async closeBundle() {
      // One self-contained file per entry, written where `extension/content/files.ts` says it lives.
      const bundle = (entry: string, path: string, format: 'iife' | 'es') =>
        build({
          configFile: false,
          logLevel: 'warn',
          plugins: [preact()],
          build: {
            outDir: join(outDir, dirname(path)),
            emptyOutDir: false,
            target: 'es2022',
            minify,
            lib: { entry, formats: [format], name: 'claimlens', fileName: () => basename(path) },
          },
        });
      await bundle('extension/content/loader.ts', CONTENT_SCRIPT_FILE, 'iife');
      await bundle('extension/content/index.ts', CONTENT_MAIN_FILE, 'es');
      // V8's compile hint: the module's functions are compiled with it, in one pass on the background
      // thread, instead of each being pre-parsed there and parsed again on the page's main thread at its
      // first call. On an article page nearly all of them run.
      const main = join(outDir, CONTENT_MAIN_FILE);
      writeFileSync(main, `//# allFunctionsCalledOnLoad\n${readFileSync(main, 'utf8')}`);
      await bundle('extension/content/lazy.ts', CONTENT_LAZY_FILE, 'es');
      const path = join(outDir, 'manifest.json');
      const built = JSON.parse(readFileSync(path, 'utf8'));
      // The default highlight colours, applied by the browser itself (see `setHighlightColours`).
      writeFileSync(join(outDir, CONTENT_STYLE_FILE), highlightCss());
      built.content_scripts = entries.map((entry) => ({
        ...entry,
        js: [CONTENT_SCRIPT_FILE],
        css: [CONTENT_STYLE_FILE],
      }));
      // Only the content script's modules are web-accessible (the loader imports them from the page's
      // isolated world), and only to the pages the content script runs on.
      built.web_accessible_resources = [
        ...(built.web_accessible_resources ?? []),
        {
          resources: [CONTENT_MAIN_FILE, CONTENT_LAZY_FILE],
          matches: entries.flatMap((entry) => entry.matches),
        },
      ];
      writeFileSync(path, `${JSON.stringify(built, null, 2)}\n`);
    },
  };
}

function firefoxManifest() {
  const { background, minimum_chrome_version: _min, permissions, ...rest } = baseManifest;
  return {
    ...rest,
    // Offscreen documents are Chromium's; Firefox's background page has a DOMParser of its own.
    permissions: permissions.filter((p) => p !== 'offscreen'),
    background: { scripts: [background.service_worker], type: background.type },
    browser_specific_settings: {
      gecko: {
        id: 'claimlens@claimlens.local',
        strict_min_version: '128.0',
        // ClaimLens collects nothing: every record stays in the browser's own IndexedDB.
        data_collection_permissions: { required: ['none'] },
      },
    },
  };
}
