import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import baseManifest from './manifest.json' with { type: 'json' };

/**
 * One manifest, two browsers: Chromium takes it as is; Firefox needs `background.scripts` and a gecko id,
 * so `--mode firefox` derives its manifest from the same file and builds into `dist-firefox/`.
 */
export default defineConfig(({ mode }) => {
  const firefox = mode === 'firefox';
  const manifest = firefox ? firefoxManifest() : baseManifest;
  return {
    plugins: [
      preact(),
      crx({ manifest: manifest as ManifestV3Export, browser: firefox ? 'firefox' : 'chrome' }),
    ],
    build: {
      outDir: firefox ? 'dist-firefox' : 'dist',
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
        input: { library: 'extension/library/index.html' },
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

function firefoxManifest() {
  const { background, minimum_chrome_version: _min, ...rest } = baseManifest;
  return {
    ...rest,
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
