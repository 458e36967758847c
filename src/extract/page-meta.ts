/**
 * What a page says about itself that a researcher cites: title, outlet, author(s) and publication date.
 * Read only when the reader tags something (from the content script's on-demand module), never on page
 * load: the author is not needed to find claims. Meta tags first, then the page's schema.org JSON-LD
 * (which most news sites carry for search engines), then author links in the markup.
 */
import { outletFrom } from '../article/types.ts';
import { isoDate } from '../util/iso-date.ts';
import { meta, publishedAtOf } from './index.ts';

export interface PageMeta {
  title: string;
  outlet: string;
  /** Author names, comma separated, as the page gives them. */
  author?: string;
  /** ISO 8601. */
  published?: string;
}

/**
 * Meta tags naming the author, by name or property in any letter case (a profile URL in
 * `article:author` is skipped: it is not a name).
 */
const AUTHOR_META = new Set([
  'author',
  'article:author',
  'byl',
  'parsely-author',
  'sailthru.author',
  'dc.creator',
  'citation_author',
]);

/** Types of schema.org objects that describe the page as an article. */
const ARTICLE_TYPES = /(?:Article|BlogPosting|Report|WebPage)$/;
/** JSON-LD blocks read at most, and characters per block: a page cannot make tagging slow. */
const MAX_LD_BLOCKS = 20;
const MAX_LD_CHARS = 200_000;
/** How much of a name list is kept. */
const MAX_AUTHOR_CHARS = 300;

/** The page's metadata for an annotation made on it. */
export function readPageMeta(doc: Document, url: string): PageMeta {
  const ld = articleLd(doc);
  const title = (meta(doc, 'og:title', 'twitter:title') ?? doc.title ?? '').replace(/\s+/g, ' ').trim();
  const author = authorFromMeta(doc) ?? names(ld?.author) ?? authorFromMarkup(doc);
  const published = publishedAtOf(doc) ?? isoDate(ld?.datePublished);
  return {
    title: title.slice(0, 1_000),
    outlet: outletFrom(meta(doc, 'og:site_name', 'application-name'), url),
    ...(author ? { author } : {}),
    ...(published ? { published } : {}),
  };
}

function clean(name: string): string {
  return name
    .replace(/\s+/g, ' ')
    .replace(/^by\s+/i, '')
    .trim();
}

function authorFromMeta(doc: Document): string | undefined {
  const found: string[] = [];
  for (const el of doc.querySelectorAll('meta[content]')) {
    const key = (el.getAttribute('name') ?? el.getAttribute('property') ?? '').toLowerCase();
    if (!AUTHOR_META.has(key)) continue;
    const content = clean(el.getAttribute('content') ?? '');
    if (content && !/^https?:\/\//i.test(content) && !found.includes(content)) found.push(content);
  }
  return joined(found);
}

function authorFromMarkup(doc: Document): string | undefined {
  const found: string[] = [];
  for (const el of doc.querySelectorAll('[itemprop="author"], a[rel="author"]')) {
    const name = el.querySelector('[itemprop="name"]')?.textContent ?? el.textContent ?? '';
    const text = clean(name);
    if (text && text.length <= 100 && !found.includes(text)) found.push(text);
    if (found.length >= 10) break;
  }
  return joined(found);
}

function joined(list: string[]): string | undefined {
  return list.length ? list.join(', ').slice(0, MAX_AUTHOR_CHARS) : undefined;
}

interface LdArticle {
  author?: unknown;
  datePublished?: unknown;
}

/** The first schema.org article object in the page's JSON-LD, if any (bad JSON is skipped). */
function articleLd(doc: Document): LdArticle | undefined {
  const scripts = doc.querySelectorAll('script[type="application/ld+json"]');
  for (let i = 0; i < scripts.length && i < MAX_LD_BLOCKS; i++) {
    const text = scripts[i].textContent ?? '';
    if (text.length > MAX_LD_CHARS) continue;
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      continue;
    }
    const hit = findArticle(data, 0);
    if (hit) return hit;
  }
  return undefined;
}

function findArticle(node: unknown, depth: number): LdArticle | undefined {
  if (!node || typeof node !== 'object' || depth > 4) return undefined;
  if (Array.isArray(node)) {
    for (const item of node) {
      const hit = findArticle(item, depth + 1);
      if (hit) return hit;
    }
    return undefined;
  }
  const o = node as Record<string, unknown>;
  const types = Array.isArray(o['@type']) ? o['@type'] : [o['@type']];
  if (types.some((t) => typeof t === 'string' && ARTICLE_TYPES.test(t)) && (o.author || o.datePublished))
    return o as LdArticle;
  return findArticle(o['@graph'], depth + 1);
}

/** Names from a schema.org author value: a string, a Person or Organization, or a list of them. */
function names(value: unknown): string | undefined {
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  const found: string[] = [];
  for (const v of list.slice(0, 20)) {
    const name =
      typeof v === 'string'
        ? v
        : v && typeof v === 'object'
          ? (v as Record<string, unknown>).name
          : undefined;
    if (typeof name === 'string' && clean(name) && !/^https?:\/\//i.test(name)) found.push(clean(name));
  }
  return joined([...new Set(found)]);
}
