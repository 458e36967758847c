/**
 * What ClaimLens weighs: the content script as the browser may load it (the manifest's classic script,
 * the web-accessible module it imports on demand, and anything either imports), the whole extension as
 * a zip, and the model files.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { crc32, deflateRawSync, gzipSync } from 'node:zlib';

export interface Sizes {
  contentScript: { files: string[]; bytes: number; gzipBytes: number };
  extensionZipBytes: number;
  extensionFiles: number;
  models: { file: string; bytes: number; gzipBytes: number }[];
}

/**
 * Every file the content script may load: the manifest's content_scripts entries, the web-accessible
 * scripts (only the content script's on-demand module is web-accessible), and their imports.
 */
export function contentScriptFiles(dist: string): string[] {
  const manifest = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8')) as {
    content_scripts?: { js?: string[] }[];
    web_accessible_resources?: { resources?: string[] }[];
  };
  const queue = [
    ...(manifest.content_scripts ?? []).flatMap((c) => c.js ?? []),
    ...(manifest.web_accessible_resources ?? [])
      .flatMap((w) => w.resources ?? [])
      .filter((f) => f.endsWith('.js')),
  ];
  const seen = new Set<string>();
  while (queue.length) {
    const file = queue.shift() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(join(dist, file), 'utf8');
    const dir = file.includes('/') ? file.slice(0, file.lastIndexOf('/') + 1) : '';
    // Static imports between chunks are relative ("./x.js"); an extension URL path is absolute.
    for (const m of code.matchAll(/(?:from|import)\s*\(?\s*["'`]([^"'`]+\.js)["'`]/g)) {
      queue.push(m[1].startsWith('./') ? dir + m[1].slice(2) : m[1].replace(/^\//, ''));
    }
    for (const m of code.matchAll(/getURL\(\s*["'`]([^"'`]+\.js)["'`]\s*\)/g))
      queue.push(m[1].replace(/^\//, ''));
  }
  return [...seen];
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? walk(join(dir, d.name)) : [join(dir, d.name)],
  );
}

/** Size of a deflate zip of the directory, as the store would receive it (written in memory). */
export function zipSize(dir: string): { bytes: number; files: number } {
  const files = walk(dir);
  let local = 0;
  let central = 0;
  for (const file of files) {
    const name = Buffer.from(relative(dir, file));
    const data = readFileSync(file);
    crc32(data);
    const packed = deflateRawSync(data, { level: 9 });
    const stored = Math.min(packed.length, data.length);
    local += 30 + name.length + stored;
    central += 46 + name.length;
  }
  return { bytes: local + central + 22, files: files.length };
}

export function measureSizes(dist: string, modelsDir: string): Sizes {
  const files = contentScriptFiles(dist);
  let bytes = 0;
  let gzipBytes = 0;
  for (const f of files) {
    const data = readFileSync(join(dist, f));
    bytes += data.length;
    gzipBytes += gzipSync(data, { level: 9 }).length;
  }
  const zip = zipSize(dist);
  const models = readdirSync(modelsDir)
    .filter((f) => statSync(join(modelsDir, f)).isFile())
    .map((f) => {
      const data = readFileSync(join(modelsDir, f));
      return { file: f, bytes: data.length, gzipBytes: gzipSync(data, { level: 9 }).length };
    });
  return {
    contentScript: { files, bytes, gzipBytes },
    extensionZipBytes: zip.bytes,
    extensionFiles: zip.files,
    models,
  };
}
