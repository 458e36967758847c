/**
 * What `claimlens analyze` reads: .txt and .html articles, and feeds (.rss, .atom, .xml, .json), each
 * feed item an article of the feed's outlet (its channel title). Every file is accounted for: a file of
 * another type named on the command line is refused by name, one met in a directory is listed as
 * skipped, and a feed that cannot be read is an error naming the file, while the other inputs are still
 * read.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ArticleInput } from '../article/types.ts';
import { happyDomReader } from '../feeds/happy-dom-reader.ts';
import type { HtmlReader } from '../feeds/html.ts';
import { articleFromContent, articleFromSummary } from '../feeds/items.ts';
import { FeedError, parseFeedText } from '../feeds/parse.ts';

const ARTICLE_EXTENSIONS = ['.txt', '.html', '.htm'];
const FEED_EXTENSIONS = ['.rss', '.atom', '.xml', '.json'];
const KNOWN = new Set([...ARTICLE_EXTENSIONS, ...FEED_EXTENSIONS]);
const KNOWN_LIST = `${[...KNOWN].slice(0, -1).join(', ')} or ${[...KNOWN].at(-1)}`;

export interface CliInput {
  /** The file, with `#item-N` for a feed's items. */
  source: string;
  input: ArticleInput;
}

export interface ReadResult {
  inputs: CliInput[];
  /** Inputs that could not be read (the command exits non-zero). */
  errors: string[];
  /** Files and items left out, and why (the command still succeeds). */
  notes: string[];
}

/** Reads every article and feed under the given paths, in order; never throws for a bad file. */
export async function readInputs(
  paths: readonly string[],
  outlets: Record<string, string>,
): Promise<ReadResult> {
  const result: ReadResult = { inputs: [], errors: [], notes: [] };
  const files = await collectFiles(paths, result);
  let reader: (HtmlReader & { close(): Promise<void> }) | undefined;
  try {
    for (const file of files) {
      const ext = extname(file).toLowerCase();
      if (FEED_EXTENSIONS.includes(ext)) {
        reader ??= happyDomReader();
        await readFeedFile(file, outlets, reader, result);
        continue;
      }
      const input = await readArticle(file, outlets);
      if (input) result.inputs.push({ source: file, input });
      else result.notes.push(`${file}: not an article, skipped`);
    }
  } finally {
    await reader?.close();
  }
  return result;
}

async function collectFiles(paths: readonly string[], result: ReadResult): Promise<string[]> {
  const out: string[] = [];
  for (const p of paths) {
    const info = await stat(p).catch(() => null);
    if (!info) {
      result.errors.push(`${p}: no such file or directory`);
      continue;
    }
    if (info.isDirectory()) {
      const entries = (await readdir(p, { withFileTypes: true })).sort((a, b) =>
        a.name.localeCompare(b.name),
      );
      for (const e of entries) {
        const path = join(p, e.name);
        if (e.isDirectory()) out.push(...(await collectFiles([path], result)));
        else if (KNOWN.has(extname(e.name).toLowerCase())) out.push(path);
        else result.notes.push(`${path}: skipped, not a ${KNOWN_LIST} file`);
      }
    } else if (KNOWN.has(extname(p).toLowerCase())) out.push(p);
    else
      result.errors.push(
        `${p}: unknown file type${extname(p) ? ` (${extname(p)})` : ''}; analyze reads ${KNOWN_LIST} files`,
      );
  }
  return out;
}

function outletFor(file: string, outlets: Record<string, string>): string | undefined {
  const base = basename(file);
  return outlets[file] ?? outlets[resolve(file)] ?? outlets[base] ?? outlets[base.replace(/\.[^.]+$/, '')];
}

const baseName = (file: string) => basename(file).replace(/\.[^.]+$/, '');

/** A feed file: each item with text becomes an article of the feed's outlet. */
async function readFeedFile(
  file: string,
  outlets: Record<string, string>,
  reader: HtmlReader,
  result: ReadResult,
): Promise<void> {
  let feed: ReturnType<typeof parseFeedText>;
  try {
    // A researcher's archive may be long: the extension's item limit does not apply here.
    feed = parseFeedText(await readFile(file, 'utf8'), { maxItems: Number.POSITIVE_INFINITY });
  } catch (error) {
    result.errors.push(
      `${file}: ${error instanceof FeedError ? error.message : `cannot read it (${(error as Error).message})`}`,
    );
    return;
  }
  const outlet = outletFor(file, outlets) ?? (feed.title || baseName(file));
  const fileUrl = pathToFileURL(resolve(file)).href;
  let stored = 0;
  for (const [i, item] of feed.items.entries()) {
    const n = i + 1;
    // An item without a link of its own is named after the file and its place in it.
    const url = item.url ?? `${fileUrl}#item-${n}`;
    const input =
      (await articleFromContent(item, url, outlet, reader)) ??
      (await articleFromSummary(item, url, outlet, reader));
    if (!input) {
      result.notes.push(`${file}: item ${n}${item.title ? ` (“${item.title}”)` : ''} has no text, skipped`);
      continue;
    }
    result.inputs.push({ source: `${file}#item-${n}`, input });
    stored++;
  }
  if (!stored) result.notes.push(`${file}: the feed has no item with text`);
}

/** A .txt article is one paragraph per non-empty line, the first being the headline. */
export function textArticle(text: string, url: string, outlet: string): ArticleInput | null {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  if (!lines.length) return null;
  return {
    url,
    outlet,
    title: lines[0].slice(0, 1000),
    blocks: lines.map((l) => ({ kind: 'paragraph', text: l })),
  };
}

async function readArticle(file: string, outlets: Record<string, string>): Promise<ArticleInput | null> {
  const raw = await readFile(file, 'utf8');
  const fileUrl = pathToFileURL(resolve(file)).href;
  const mapped = outletFor(file, outlets);
  if (extname(file).toLowerCase() === '.txt') {
    return textArticle(raw, fileUrl, mapped ?? baseName(file));
  }
  const input = await htmlArticle(raw, fileUrl);
  if (!input) return null;
  // A saved page without a site name or canonical URL has no host: name it after the file.
  const outlet = mapped ?? (input.outlet.startsWith('file:') ? baseName(file) : input.outlet);
  return { ...input, outlet };
}

/**
 * An HTML page through the extension's own extractor, parsed with happy-dom. The page's canonical
 * URL (when it states one) is used, so the outlet is its host as in the browser.
 */
export async function htmlArticle(html: string, fileUrl: string): Promise<ArticleInput | null> {
  const { Window } = await import('happy-dom');
  const { extractArticle } = await import('../extract/index.ts');
  const canonical =
    /<link[^>]+rel=["']canonical["'][^>]*href=["']([^"']+)["']/i.exec(html)?.[1] ??
    /<link[^>]+href=["']([^"']+)["'][^>]*rel=["']canonical["']/i.exec(html)?.[1] ??
    /<meta[^>]+property=["']og:url["'][^>]*content=["']([^"']+)["']/i.exec(html)?.[1];
  const url = canonical && /^https?:\/\//.test(canonical) ? canonical : fileUrl;
  const window = new Window({
    url,
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
    },
  });
  try {
    window.document.write(forHappyDom(html));
    return extractArticle(window.document as unknown as Document, url);
  } finally {
    await window.happyDOM.close();
  }
}

/**
 * The page as a browser would build it, where happy-dom's parser would not:
 * - a `<body>` start tag where there is none: a browser ends the head at the first element that
 *   cannot be in it and opens the body there, tags or no tags; happy-dom keeps everything after an
 *   unclosed `<head>` in the head, leaving the body empty. `<body>` goes before that element (with a
 *   `</head>` when the page never closes its head);
 * - no `<style>` elements: happy-dom swallows everything after a `<style>` inside an `<svg>` (an icon
 *   sprite at the top of the page empties it). Style sheets are not read in the CLI anyway.
 */
export function forHappyDom(html: string): string {
  return withBody(html.replace(STYLE_ELEMENT, ''));
}

const STYLE_ELEMENT = /<style\b[^>]*>[\s\S]*?<\/style\s*>/gi;

function withBody(html: string): string {
  if (/<body[\s>]/i.test(html)) return html;
  const head = /<\/head\s*>/i.exec(html);
  // The first start tag of an element that cannot sit in a head, skipping the content of scripts,
  // styles and titles (their text may hold anything).
  const tag =
    /<(script|style|title|template|noscript)\b[^>]*>[\s\S]*?<\/\1\s*>|<!--[\s\S]*?-->|<([a-zA-Z][\w-]*)/g;
  tag.lastIndex = head ? head.index + head[0].length : 0;
  for (let m = tag.exec(html); m; m = tag.exec(html)) {
    const name = m[2]?.toLowerCase();
    if (!name || HEAD_TAGS.has(name)) continue;
    const close = !head && /<head[\s>]/i.test(html) ? '</head>' : '';
    return `${html.slice(0, m.index)}${close}<body>${html.slice(m.index)}`;
  }
  return html;
}

/** Elements a head may hold (and the two that hold it). */
const HEAD_TAGS = new Set([
  'html',
  'head',
  'title',
  'meta',
  'link',
  'base',
  'script',
  'style',
  'noscript',
  'template',
]);
