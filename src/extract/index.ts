/**
 * Is this page an article, and what are its text blocks? Runs in the content script on every page
 * (so it must be cheap and must bail out early on non-articles) and in the CLI on saved HTML.
 */
import { ARTICLE_LIMITS, type ArticleInput, outletFrom } from '../article/types.ts';
import { collectBlockSteps, type DomBlock, isSkipped, type ReadCache, readCache } from './blocks.ts';
import { drain, runSliced, type SliceOptions, STEP_NODES, type Steps } from './slices.ts';

export type { DomBlock } from './blocks.ts';
export { blockMap, blockMapSteps, domPosition } from './blocks.ts';
export { drain, runSliced, type SliceOptions, type Steps } from './slices.ts';

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
export function findArticleRoot(doc: Document, useCss = false, strict = true): Element | null {
  return drain(findArticleRootSteps(doc, useCss, strict));
}

/** Elements that declare themselves the article (or the page's main content). */
const EXPLICIT = 'article, [itemprop="articleBody"], [itemprop="articlebody"], main, [role="main"]';

/** `findArticleRoot` as resumable steps. */
export function* findArticleRootSteps(
  doc: Document,
  useCss = false,
  strict = true,
  cache: ReadCache = readCache(),
): Steps<Element | null> {
  const body = doc.body;
  if (!body) return null;
  // List items are left out: menus and teaser lists are lists; an article's own lists sit beside its paragraphs.
  const paragraphs = body.querySelectorAll('p, pre, blockquote, div > br');
  const explicit = new Set<Element>();
  const declaring = body.querySelectorAll(EXPLICIT);
  // Indexed, as every loop over a node list here: its iterator is one more call into the page per item.
  for (let i = 0; i < declaring.length; i++) explicit.add(declaring[i]);
  /** Paragraph score gathered by each of the three nearest ancestors (Readability's candidate score). */
  const scores = new Map<Element, number>();
  /** Paragraph score contained anywhere below each explicit element. */
  const inside = new Map<Element, number>();
  const skipped = new Map<Element, boolean>();
  const declaredAbove = new Map<Element, readonly Element[]>();
  const seen = new Set<Element>();
  let total = 0;
  let work = 0;
  for (let i = 0; i < paragraphs.length; i++) {
    const p = paragraphs[i];
    if (++work % STEP_NODES === 0) yield;
    const el = p.localName === 'br' ? p.parentElement : p;
    if (!el || seen.has(el)) continue;
    seen.add(el);
    let content = cache.texts.get(el);
    if (content === undefined) {
      content = el.textContent ?? '';
      cache.texts.set(el, content);
    }
    const length = content.trim().length;
    if (length < 25) continue;
    if (skippedChain(el, body, skipped, useCss, strict, cache.skipped)) continue;
    const score = Math.min(length, 1_000) + (commas(content) + 1) * 10;
    total += score;
    let parent = el.parentElement;
    for (let level = 0; parent && level < 3; level++, parent = parent.parentElement) {
      scores.set(parent, (scores.get(parent) ?? 0) + score / (level + 1));
    }
    if (explicit.size) {
      for (const a of explicitAbove(el.parentElement, body, explicit, declaredAbove))
        inside.set(a, (inside.get(a) ?? 0) + score);
    }
  }
  let best: Element | null = null;
  let bestScore = 0;
  for (const [el, score] of scores) {
    if (score > bestScore) {
      best = el;
      bestScore = score;
    }
  }
  // The explicit element holding the most prose, when it holds a good share of the page's prose.
  let declared: Element | null = null;
  let declaredScore = 0;
  for (const [el, score] of inside) {
    if (score > declaredScore) {
      declared = el;
      declaredScore = score;
    }
  }
  if (!best) return declared;
  if (!declared || declaredScore < total * 0.4) return best;
  if (declared.contains(best)) return declared;
  if (best.contains(declared)) {
    let bestInside = 0;
    for (const p of seen) if (best.contains(p)) bestInside += 1;
    let declaredInside = 0;
    for (const p of seen) if (declared.contains(p)) declaredInside += 1;
    return declaredInside >= bestInside * 0.6 ? declared : best;
  }
  return best;
}

/** Commas in a paragraph (Readability's score counts them), without splitting the text into an array. */
function commas(text: string): number {
  let n = 0;
  for (let i = text.indexOf(','); i >= 0; i = text.indexOf(',', i + 1)) n++;
  return n;
}

const NONE: readonly Element[] = [];

/**
 * The explicit elements among `el` and its ancestors below `stop`, memoised per element: paragraphs
 * share their ancestors, so each element's chain is climbed once, not once per paragraph below it.
 */
function explicitAbove(
  el: Element | null,
  stop: Element,
  explicit: ReadonlySet<Element>,
  memo: Map<Element, readonly Element[]>,
): readonly Element[] {
  const path: Element[] = [];
  let found = NONE;
  for (let a = el; a && a !== stop; a = a.parentElement) {
    const known = memo.get(a);
    if (known) {
      found = known;
      break;
    }
    path.push(a);
  }
  for (let i = path.length - 1; i >= 0; i--) {
    if (explicit.has(path[i])) found = [path[i], ...found];
    memo.set(path[i], found);
  }
  return found;
}

/** Whether the element or an ancestor below `stop` is skipped; memoised, as paragraphs share ancestors. */
function skippedChain(
  el: Element,
  stop: Element,
  memo: Map<Element, boolean>,
  useCss: boolean,
  furniture: boolean,
  own: Map<Element, boolean>,
): boolean {
  const path: Element[] = [];
  let result = false;
  for (let a: Element | null = el; a && a !== stop; a = a.parentElement) {
    const known = memo.get(a);
    if (known !== undefined) {
      result = known;
      break;
    }
    path.push(a);
    // The computed-style check covers every ancestor at once, so it is asked only of the paragraph,
    // whose own answer the block reading reuses (`own`).
    let skipped: boolean;
    if (a === el) {
      skipped = own.get(el) ?? isSkipped(el, useCss, true);
      own.set(el, skipped);
    } else skipped = isSkipped(a, false, furniture);
    if (skipped) {
      result = true;
      break;
    }
  }
  for (const a of path) memo.set(a, result);
  return result;
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

/** The meta tags ClaimLens reads, by their property, name or itemprop. */
export const META_NAMES = [
  'og:site_name',
  'application-name',
  'og:title',
  'twitter:title',
  'article:published_time',
  'datePublished',
  'date',
  'pubdate',
] as const;
type MetaName = (typeof META_NAMES)[number];

/** The attributes a meta tag may name itself by. */
export const META_ATTRIBUTES = ['property', 'name', 'itemprop'] as const;

/**
 * Only those tags are read: a page's head carries dozens of others (viewport, icons, verification
 * tokens), and one native match per tag costs less than reading each one's attributes from cold code.
 * Every `META_NAMES` by every `META_ATTRIBUTES`, written out rather than built on every page;
 * extract.test.ts checks it against them.
 */
export const META_SELECTOR =
  'meta[property="og:site_name"],meta[name="og:site_name"],meta[itemprop="og:site_name"],' +
  'meta[property="application-name"],meta[name="application-name"],meta[itemprop="application-name"],' +
  'meta[property="og:title"],meta[name="og:title"],meta[itemprop="og:title"],' +
  'meta[property="twitter:title"],meta[name="twitter:title"],meta[itemprop="twitter:title"],' +
  'meta[property="article:published_time"],meta[name="article:published_time"],meta[itemprop="article:published_time"],' +
  'meta[property="datePublished"],meta[name="datePublished"],meta[itemprop="datePublished"],' +
  'meta[property="date"],meta[name="date"],meta[itemprop="date"],' +
  'meta[property="pubdate"],meta[name="pubdate"],meta[itemprop="pubdate"]';

/** Meta tags by name, read once per extraction: each selector query would walk the whole page. */
const metaCache = new WeakMap<Document, Map<string, string>>();

/** The first of these meta tags the page fills (also read by `readPageMeta` in page-meta.ts). */
export function meta(doc: Document, ...names: MetaName[]): string | undefined {
  let tags = metaCache.get(doc);
  if (!tags) {
    tags = new Map();
    const all = doc.querySelectorAll('meta');
    for (let i = 0; i < all.length; i++) {
      const el = all[i];
      if (!el.matches(META_SELECTOR)) continue;
      const content = el.getAttribute('content')?.trim();
      if (!content) continue;
      for (const attr of META_ATTRIBUTES) {
        const key = el.getAttribute(attr);
        if (key && !tags.has(key)) tags.set(key, content);
      }
    }
    metaCache.set(doc, tags);
  }
  for (const name of names) {
    const content = tags.get(name);
    if (content) return content;
  }
  return undefined;
}

/** The page's title: its Open Graph title, else its first heading, else the document title. */
function titleOf(doc: Document, root: Element): string {
  const h1 = () => (root.querySelector('h1') ?? doc.querySelector('h1'))?.textContent;
  return (meta(doc, 'og:title', 'twitter:title') ?? h1() ?? doc.title ?? '').replace(/\s+/g, ' ').trim();
}

/** The page's publication date as an ISO time, from its meta tags or first dated `<time>`. */
export function publishedAtOf(doc: Document): string | undefined {
  const raw =
    meta(doc, 'article:published_time', 'datePublished', 'date', 'pubdate') ??
    doc.querySelector('time[datetime]')?.getAttribute('datetime') ??
    undefined;
  if (!raw) return undefined;
  const t = Date.parse(raw);
  return Number.isNaN(t) ? undefined : new Date(t).toISOString();
}

export interface ExtractOptions {
  /**
   * Consult the page's computed style (hidden by CSS). Cheap in a browser,
   * slow in happy-dom, so only the content script turns it on.
   */
  useCss?: boolean;
}

/** The article with its DOM maps, or null when the page is not an article. */
export function extractDomArticle(
  doc: Document,
  url: string,
  options: ExtractOptions = {},
): DomArticle | null {
  return drain(extractDomArticleSteps(doc, url, options));
}

/**
 * The same extraction in slices that give the page its main thread back between them: the content
 * script's way, so a page of any size never sees a long task from ClaimLens.
 */
export function extractDomArticleSliced(
  doc: Document,
  url: string,
  options: ExtractOptions & SliceOptions = {},
): Promise<DomArticle | null | undefined> {
  return runSliced(extractDomArticleSteps(doc, url, options), options);
}

/** Extraction as resumable steps. */
export function* extractDomArticleSteps(
  doc: Document,
  url: string,
  options: ExtractOptions = {},
): Steps<DomArticle | null> {
  const useCss = options.useCss ?? false;
  // A document in design mode is the reader's own text being edited, not an article to annotate.
  if (doc.designMode === 'on') return null;
  metaCache.delete(doc);
  const cache = readCache();
  let root = yield* findArticleRootSteps(doc, useCss, true, cache);
  let blocks = root ? yield* collectBlockSteps(root, useCss, cache) : [];
  if (!root || !isProse(blocks)) {
    // Second try, as Readability does: class names like "sidebar-right-mix" sometimes wrap the article.
    root = yield* findArticleRootSteps(doc, useCss, false, cache);
    blocks = root ? yield* collectBlockSteps(root, useCss, cache) : [];
    if (!root || !isProse(blocks)) return null;
  }
  blocks = withinLimits(blocks);
  const input: ArticleInput = {
    url,
    outlet: outletFrom(meta(doc, 'og:site_name', 'application-name'), url),
    title: titleOf(doc, root).slice(0, 1_000),
    publishedAt: publishedAtOf(doc),
    blocks: blocks.map((b) => ({ kind: b.kind, text: b.text })),
  };
  return { input, blocks, root };
}

/** The message protocol's limits (src/protocol/messages.ts): an article beyond them would be refused whole. */
const { blocks: MAX_BLOCKS, blockChars: MAX_BLOCK_CHARS, articleChars: MAX_ARTICLE_CHARS } = ARTICLE_LIMITS;

/**
 * Keeps an enormous page analysable: blocks longer than the protocol allows are dropped (no prose
 * paragraph is that long) and the article is cut after the block or character budget, so the first
 * part is still highlighted instead of nothing.
 */
function withinLimits(blocks: DomBlock[]): DomBlock[] {
  const out: DomBlock[] = [];
  let chars = 0;
  for (const b of blocks) {
    if (b.text.length > MAX_BLOCK_CHARS) continue;
    if (out.length >= MAX_BLOCKS || chars + b.text.length > MAX_ARTICLE_CHARS) break;
    out.push(b);
    chars += b.text.length;
  }
  return out;
}

/** The article as the core takes it, or null when the page is not an article (used by the CLI). */
export function extractArticle(doc: Document, url: string): ArticleInput | null {
  return extractDomArticle(doc, url)?.input ?? null;
}
