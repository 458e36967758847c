/**
 * The article as it travels from the content script to the background: its blocks packed into one
 * string and one kind code per block, instead of an array of objects. The browser serialises a message
 * value by value on the page's main thread, so a page of 300 blocks paid for 300 small objects; one
 * string costs a fraction of that. The background unpacks it (and validates the result, see
 * `messages.ts`) before anything else sees it. No validator library here: the content script bundles
 * this module.
 */
import { type ArticleInput, BLOCK_SEPARATOR, type BlockKind } from '../article/types.ts';

/** An `ArticleInput` on the wire. */
export interface PackedArticle {
  url: string;
  outlet: string;
  title: string;
  publishedAt?: string;
  /** One character per block, its kind (`KIND_CODES`). */
  kinds: string;
  /** The blocks' texts joined by `BLOCK_SEPARATOR`. */
  text: string;
}

const KIND_CODES: Record<BlockKind, string> = {
  paragraph: 'p',
  heading: 'h',
  'list-item': 'l',
  quote: 'q',
  caption: 'c',
  other: 'o',
};

/** Kinds by code, built on the first unpack: the content script, which only packs, never needs it. */
let kindOfCode: Map<string, BlockKind> | undefined;

/**
 * Packs an article for the wire. Blocks read from a page never hold a line break (white space is
 * collapsed), so the separator cannot occur inside one; a block that does hold one would not come back
 * whole, and `unpackArticle` refuses it.
 */
export function packArticle(article: ArticleInput): PackedArticle {
  let kinds = '';
  const texts: string[] = [];
  for (const block of article.blocks) {
    kinds += KIND_CODES[block.kind];
    texts.push(block.text);
  }
  const packed: PackedArticle = {
    url: article.url,
    outlet: article.outlet,
    title: article.title,
    kinds,
    text: texts.join(BLOCK_SEPARATOR),
  };
  if (article.publishedAt !== undefined) packed.publishedAt = article.publishedAt;
  return packed;
}

/**
 * The article back from the wire, or an error when the packing is not one `packArticle` makes: a count
 * of texts that differs from the count of kinds, an unknown kind code, or a block whose text starts or
 * ends with a line break (its boundary with the next block would be ambiguous).
 */
export function unpackArticle(packed: PackedArticle): ArticleInput | { error: string } {
  kindOfCode ??= new Map(
    (Object.entries(KIND_CODES) as [BlockKind, string][]).map(([kind, code]) => [code, kind]),
  );
  const texts = packed.text.split(BLOCK_SEPARATOR);
  if (texts.length !== packed.kinds.length)
    return { error: `${texts.length} block texts for ${packed.kinds.length} block kinds` };
  const blocks: ArticleInput['blocks'] = [];
  for (let i = 0; i < texts.length; i++) {
    const kind = kindOfCode.get(packed.kinds[i]);
    if (!kind) return { error: `unknown block kind code at block ${i}` };
    const text = texts[i];
    if (text.startsWith('\n') || text.endsWith('\n'))
      return { error: `block ${i} starts or ends with a line break` };
    blocks.push({ kind, text });
  }
  const article: ArticleInput = { url: packed.url, outlet: packed.outlet, title: packed.title, blocks };
  if (packed.publishedAt !== undefined) article.publishedAt = packed.publishedAt;
  return article;
}
