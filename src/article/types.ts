/**
 * The article as the content script (or the CLI's HTML reader) hands it to the core.
 * Blocks keep the page's own block structure so that no sentence, and so no highlight,
 * ever crosses a block boundary.
 */

/** What a block is on the page; only prose blocks can hold claims. */
export const BLOCK_KINDS = ['paragraph', 'heading', 'list-item', 'quote', 'caption', 'other'] as const;
export type BlockKind = (typeof BLOCK_KINDS)[number];

export interface ArticleBlock {
  kind: BlockKind;
  text: string;
}

export interface ArticleInput {
  url: string;
  /** `og:site_name`, else the host name. */
  outlet: string;
  title: string;
  /** ISO date when the page states one; relative dates ("on Saturday") resolve against it. */
  publishedAt?: string;
  blocks: ArticleBlock[];
}

/** Separator placed between blocks when they are joined into the article text. */
export const BLOCK_SEPARATOR = '\n\n';

/** Offsets of each block inside the joined article text. */
export interface BlockSpan {
  start: number;
  end: number;
}

/**
 * Joins blocks into one text and remembers where each block sits, so claim offsets
 * (into the text) can be mapped back to (block, offset) pairs in the page.
 */
export function joinBlocks(blocks: readonly ArticleBlock[]): { text: string; spans: BlockSpan[] } {
  return { text: blocks.map((block) => block.text).join(BLOCK_SEPARATOR), spans: blockSpans(blocks) };
}

/**
 * Where each block sits in the joined text, from the blocks' lengths alone: the page side needs the
 * offsets to map claims back, never the joined text itself.
 */
export function blockSpans(blocks: readonly ArticleBlock[]): BlockSpan[] {
  const spans: BlockSpan[] = [];
  let at = 0;
  for (const block of blocks) {
    spans.push({ start: at, end: at + block.text.length });
    at += block.text.length + BLOCK_SEPARATOR.length;
  }
  return spans;
}

/** Outlet name from the page's site name, else its host without a leading "www.". */
export function outletFrom(siteName: string | null | undefined, url: string): string {
  const name = siteName?.replace(/\s+/g, ' ').trim();
  if (name) return name.slice(0, 200);
  try {
    const host = new URL(url).hostname;
    return (host.startsWith('www.') ? host.slice(4) : host) || url;
  } catch {
    return url;
  }
}

/**
 * How much of a page is read: blocks longer than this are skipped by the extractor, and an article
 * beyond these limits is refused by the background's validator. One set of numbers for both sides.
 */
export const ARTICLE_LIMITS = { blocks: 5_000, blockChars: 100_000, articleChars: 2_000_000 } as const;
