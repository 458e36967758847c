/**
 * A feed item as an article of the feed's outlet: its full text from the feed when the feed carries
 * it (`content:encoded`, Atom content, JSON Feed content), else from the item's page (fetched by the
 * background and read with the same extractor as a page the reader opens).
 */
import type { ArticleBlock, ArticleInput } from '../article/types.ts';
import type { HtmlReader } from './html.ts';
import { textBlocks } from './html.ts';
import type { FeedItem } from './parse.ts';

/** Prose (characters of paragraph text) the feed's own content must have to stand for the article. */
export const MIN_CONTENT_CHARS = 300;

const PROSE = new Set(['paragraph', 'quote', 'list-item']);

function proseChars(blocks: readonly ArticleBlock[]): number {
  return blocks.reduce((n, b) => n + (PROSE.has(b.kind) ? b.text.length : 0), 0);
}

/**
 * The article the feed itself carries for an item, or null when its content is missing or too short
 * to be the article (a teaser): then the item's page is read instead (or, in the CLI, its summary).
 */
export async function articleFromContent(
  item: FeedItem,
  url: string,
  outlet: string,
  reader: HtmlReader,
): Promise<ArticleInput | null> {
  let blocks: ArticleBlock[] = [];
  if (item.html) blocks = await reader.fragment(item.html);
  if (proseChars(blocks) < MIN_CONTENT_CHARS && item.text) blocks = textBlocks(item.text);
  if (proseChars(blocks) < MIN_CONTENT_CHARS) return null;
  return article(item, url, outlet, blocks);
}

/** The item's summary as its article (the CLI's last resort, which fetches nothing). */
export async function articleFromSummary(
  item: FeedItem,
  url: string,
  outlet: string,
  reader: HtmlReader,
): Promise<ArticleInput | null> {
  const source = item.html ?? item.summary;
  let blocks = source ? await reader.fragment(source) : [];
  if (!proseChars(blocks) && item.text) blocks = textBlocks(item.text);
  if (!proseChars(blocks)) return null;
  return article(item, url, outlet, blocks);
}

function article(item: FeedItem, url: string, outlet: string, blocks: ArticleBlock[]): ArticleInput {
  // The title opens the article, as on a page: a heading, never scored as a claim.
  const title = item.title;
  const withTitle: ArticleBlock[] =
    title && blocks[0]?.text !== title ? [{ kind: 'heading', text: title }, ...blocks] : blocks;
  return {
    url,
    outlet,
    title,
    ...(item.publishedAt ? { publishedAt: item.publishedAt } : {}),
    blocks: withTitle,
  };
}
