/**
 * Is this page an article, and what are its text blocks? Runs in the content script on every page
 * (so it must be cheap and must bail out early on non-articles) and in the CLI on saved HTML.
 */
import { type ArticleInput, outletFrom } from '../article/types.ts';
import { collectBlocks, type DomBlock, isSkipped } from './blocks.ts';

export type { DomBlock } from './blocks.ts';
export { domPosition } from './blocks.ts';

export interface DomArticle {
  input: ArticleInput;
  /** The blocks in the same order as `input.blocks`, with their DOM maps. */
  blocks: DomBlock[];
  root: Element;
}

/** Minimum prose (characters in paragraphs of 80+ characters) for a page to count as an article. */
const MIN_PROSE_CHARS = 500;
const MIN_PROSE_PARAGRAPHS = 3;

/**
 * Picks the element that holds the article body: an `<article>` or `[itemprop=articleBody]` when it
 * holds most of the prose, else the ancestor that gathers the most paragraph text (Readability's idea,
 * reduced to one pass over the paragraphs).
 */
export function findArticleRoot(doc: Document): Element | null {
  const body = doc.body;
  if (!body) return null;
  const paragraphs = body.querySelectorAll('p, pre, blockquote, li, div > br');
  const scores = new Map<Element, number>();
  let total = 0;
  for (const p of paragraphs) {
    const el = p.tagName === 'BR' ? p.parentElement : p;
    if (!el) continue;
    const length = (el.textContent ?? '').trim().length;
    if (length < 25) continue;
    if (hasSkippedAncestor(el, body)) continue;
    const score = Math.min(length, 1_000) + (el.textContent?.split(',').length ?? 0) * 10;
    total += score;
    let parent = el.parentElement;
    for (let level = 0; parent && level < 3; level++, parent = parent.parentElement) {
      scores.set(parent, (scores.get(parent) ?? 0) + score / (level + 1));
    }
  }
  const explicit = body.querySelector('[itemprop="articleBody"], article');
  let best: Element | null = null;
  let bestScore = 0;
  for (const [el, score] of scores) {
    if (score > bestScore) {
      best = el;
      bestScore = score;
    }
  }
  if (explicit && best && (explicit.contains(best) || best.contains(explicit))) {
    return explicit.contains(best) && (scores.get(explicit) ?? 0) < total * 0.5 ? best : explicit;
  }
  return best ?? explicit;
}

function hasSkippedAncestor(el: Element, stop: Element): boolean {
  for (let a: Element | null = el; a && a !== stop; a = a.parentElement) if (isSkipped(a)) return true;
  return false;
}

/** Prose measure of the blocks, as in Readability's reader-view check. */
function isProse(blocks: DomBlock[]): boolean {
  let chars = 0;
  let paragraphs = 0;
  for (const b of blocks) {
    if ((b.kind === 'paragraph' || b.kind === 'quote') && b.text.length >= 80) {
      chars += b.text.length;
      paragraphs++;
    }
  }
  return chars >= MIN_PROSE_CHARS && paragraphs >= MIN_PROSE_PARAGRAPHS;
}

function meta(doc: Document, ...names: string[]): string | undefined {
  for (const name of names) {
    const el = doc.querySelector(`meta[property="${name}"], meta[name="${name}"], meta[itemprop="${name}"]`);
    const content = el?.getAttribute('content')?.trim();
    if (content) return content;
  }
  return undefined;
}

/** The page's title: its Open Graph title, else its first heading, else the document title. */
function titleOf(doc: Document, root: Element): string {
  const h1 = root.querySelector('h1') ?? doc.querySelector('h1');
  return (meta(doc, 'og:title', 'twitter:title') ?? h1?.textContent ?? doc.title ?? '').replace(/\s+/g, ' ').trim();
}

function publishedAtOf(doc: Document): string | undefined {
  const raw =
    meta(doc, 'article:published_time', 'datePublished', 'date', 'pubdate') ??
    doc.querySelector('time[datetime]')?.getAttribute('datetime') ??
    undefined;
  if (!raw) return undefined;
  const t = Date.parse(raw);
  return Number.isNaN(t) ? undefined : new Date(t).toISOString();
}

/** The article with its DOM maps, or null when the page is not an article. */
export function extractDomArticle(doc: Document, url: string): DomArticle | null {
  const root = findArticleRoot(doc);
  if (!root) return null;
  const blocks = collectBlocks(root);
  if (!isProse(blocks)) return null;
  const input: ArticleInput = {
    url,
    outlet: outletFrom(meta(doc, 'og:site_name', 'application-name'), url),
    title: titleOf(doc, root).slice(0, 1_000),
    publishedAt: publishedAtOf(doc),
    blocks: blocks.map((b) => ({ kind: b.kind, text: b.text })),
  };
  return { input, blocks, root };
}

/** The article as the core takes it, or null when the page is not an article (used by the CLI). */
export function extractArticle(doc: Document, url: string): ArticleInput | null {
  return extractDomArticle(doc, url)?.input ?? null;
}
