/**
 * Reading HTML that came from a feed: an item's HTML content, or the item's page fetched by the
 * background. The DOM is the host's: the browser's DOMParser (in Chromium's offscreen document, or
 * Firefox's background page) or happy-dom in Node. A parsed document is inert: its scripts never run
 * and it loads nothing, so reading a page costs no request and runs none of its code.
 */
import type { ArticleBlock, ArticleInput } from '../article/types.ts';
import { ARTICLE_LIMITS } from '../article/types.ts';
import { collectBlocks } from '../extract/blocks.ts';
import { extractArticle } from '../extract/index.ts';
import { type FeedLink, readPageExtras } from '../extract/page-extras.ts';

/** What a fetched page holds for ClaimLens. */
export interface PageReading {
  /** The article, or null when the page is not one. */
  article: ArticleInput | null;
  /** JSON-LD texts holding a ClaimReview (a fact-check page). */
  claimReviews: string[];
  /** Feeds the page advertises (for subscribing by a site's address). */
  feeds: FeedLink[];
  /** The site's name (`og:site_name`), when the page states it. */
  siteName?: string;
}

/** Reads HTML into articles; asynchronous because in Chromium the DOM lives in another document. */
export interface HtmlReader {
  page(html: string, url: string): Promise<PageReading>;
  /** The text blocks of an item's HTML content (no article test: the feed says it is the article). */
  fragment(html: string): Promise<ArticleBlock[]>;
}

/** Parses HTML into an inert document. */
export type ParseHtml = (html: string) => Document;

/** A reader over a synchronous DOM parser. */
export function domReader(parse: ParseHtml): HtmlReader {
  return {
    page: async (html, url) => readPage(parse(html), url),
    fragment: async (html) => readFragment(parse(html)),
  };
}

/** The article, fact-check markup and feed links of a parsed page. */
export function readPage(doc: Document, url: string): PageReading {
  const extras = readPageExtras(doc, url);
  const siteName = doc
    .querySelector('meta[property="og:site_name"], meta[name="application-name"]')
    ?.getAttribute('content')
    ?.replace(/\s+/g, ' ')
    .trim()
    .slice(0, 200);
  return {
    article: extractArticle(doc, url),
    claimReviews: extras.claimReviews ?? [],
    feeds: extras.feeds ?? [],
    ...(siteName ? { siteName } : {}),
  };
}

/** The blocks of a parsed item body, within the article limits. */
export function readFragment(doc: Document): ArticleBlock[] {
  const root = doc.body ?? doc.documentElement;
  if (!root) return [];
  const out: ArticleBlock[] = [];
  let chars = 0;
  for (const b of collectBlocks(root)) {
    if (b.text.length > ARTICLE_LIMITS.blockChars) continue;
    if (out.length >= ARTICLE_LIMITS.blocks || chars + b.text.length > ARTICLE_LIMITS.articleChars) break;
    out.push({ kind: b.kind, text: b.text });
    chars += b.text.length;
  }
  return out;
}

/** Plain text (JSON Feed `content_text`, Atom text content) as blocks: one paragraph per blank-line-separated part. */
export function textBlocks(text: string): ArticleBlock[] {
  return text
    .split(/\r?\n\s*\r?\n|\r?\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter((p) => p && p.length <= ARTICLE_LIMITS.blockChars)
    .slice(0, ARTICLE_LIMITS.blocks)
    .map((p) => ({ kind: 'paragraph' as const, text: p }));
}
