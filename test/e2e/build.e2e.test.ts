/**
 * The built extension's shape: the content script stays small and carries no language model; the
 * manifest asks for as little as possible.
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { contentScriptFiles } from '../../bench/sizes.ts';
import { DIST } from '../support/browser.ts';

const read = (path: string) => readFileSync(`${DIST}${path}`, 'utf8');

describe('built extension', () => {
  it('keeps the content script under 60 KB gzipped, with no NLP model or weights', () => {
    const files = contentScriptFiles(DIST);
    const gzipped = files.reduce((n, f) => n + gzipSync(readFileSync(`${DIST}${f}`)).length, 0);
    expect(files).toEqual(['content/index.js', 'content/main.js', 'content/lazy.js']);
    expect(gzipped).toBeLessThanOrEqual(60 * 1024);
    for (const f of files) {
      const code = read(f);
      // wink-nlp and our weight files would bring their own markers (its name, feature keys, the forest).
      expect(code).not.toMatch(/wink|"b:<num>|"forest"/);
    }
  });

  it('injects one classic loader of the content script module and keeps the rest off pages until used', () => {
    const manifest = JSON.parse(read('manifest.json'));
    expect(manifest.content_scripts[0].js).toEqual(['content/index.js']);
    // A classic script: no module syntax at its top level (the manifest cannot declare a module).
    const loader = read('content/index.js');
    expect(loader).not.toMatch(/^\s*(import|export)\s/m);
    // Only the loader: the content script proper is a module, compiled off the page's main thread.
    expect(loader.length).toBeLessThan(1024);
    expect(loader).toContain('content/main.js');
    // V8 compiles the whole module in one pass (its functions nearly all run on an article page).
    expect(read('content/main.js').startsWith('//# allFunctionsCalledOnLoad\n')).toBe(true);
    expect(manifest.web_accessible_resources).toEqual([
      { resources: ['content/main.js', 'content/lazy.js'], matches: ['http://*/*', 'https://*/*'] },
    ]);
  });

  it('asks for storage, a context menu, an alarm and an offscreen document, hosts only optionally, and runs the content script on http(s) pages only', () => {
    const manifest = JSON.parse(read('manifest.json'));
    expect(manifest.manifest_version).toBe(3);
    // The alarm fetches followed feeds; the offscreen document reads their HTML (src/feeds).
    expect(manifest.permissions).toEqual(['storage', 'contextMenus', 'alarms', 'offscreen']);
    expect(manifest.host_permissions ?? []).toEqual([]);
    // Hosts are asked for one by one, when the reader follows a feed.
    expect(manifest.optional_host_permissions).toEqual(['http://*/*', 'https://*/*']);
    expect(manifest.content_scripts[0].matches).toEqual(['http://*/*', 'https://*/*']);
    expect(manifest.externally_connectable).toBeUndefined();
  });
});
