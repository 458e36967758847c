/**
 * The built extension's shape: the content script stays small and carries no language model; the
 * manifest asks for as little as possible.
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DIST } from '../support/browser.ts';

const read = (path: string) => readFileSync(`${DIST}${path}`, 'utf8');

/** Every chunk the content script loads: the loader's dynamic import and their static imports. */
function contentScriptChunks(): string[] {
  const manifest = JSON.parse(read('manifest.json'));
  const loader: string = manifest.content_scripts[0].js[0];
  const seen = new Set<string>([loader]);
  const queue = [...read(loader).matchAll(/getURL\(\s*"([^"]+)"\s*\)/g)].map((m) => m[1]);
  while (queue.length) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const dir = file.slice(0, file.lastIndexOf('/') + 1);
    for (const m of read(file).matchAll(/(?:import|from)\s*["'](\.\/[^"']+)["']/g))
      queue.push(dir + m[1].slice(2));
  }
  return [...seen];
}

describe('built extension', () => {
  it('keeps the content script under 60 KB gzipped, with no NLP model or weights', () => {
    const chunks = contentScriptChunks();
    const gzipped = chunks.reduce((n, f) => n + gzipSync(readFileSync(`${DIST}${f}`)).length, 0);
    expect(chunks.length).toBeGreaterThan(1);
    expect(gzipped).toBeLessThanOrEqual(60 * 1024);
    for (const f of chunks) expect(f).not.toMatch(/nlp|weights/);
  });

  it('asks only for storage and a context menu, and runs the content script on http(s) pages only', () => {
    const manifest = JSON.parse(read('manifest.json'));
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.permissions).toEqual(['storage', 'contextMenus']);
    expect(manifest.host_permissions ?? []).toEqual([]);
    expect(manifest.content_scripts[0].matches).toEqual(['http://*/*', 'https://*/*']);
    expect(manifest.externally_connectable).toBeUndefined();
  });
});
