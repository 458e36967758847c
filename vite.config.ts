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
    plugins: [preact(), crx({ manifest: manifest as ManifestV3Export, browser: firefox ? 'firefox' : 'chrome' })],
    build: {
      outDir: firefox ? 'dist-firefox' : 'dist',
      emptyOutDir: true,
      target: 'es2022',
      sourcemap: false,
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
      gecko: { id: 'claimlens@claimlens.local', strict_min_version: '128.0' },
    },
  };
}
