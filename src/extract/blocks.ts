/**
 * Reads an article's text blocks out of the DOM and remembers, for every character, which text node
 * and offset it came from, so claim offsets computed in the background become DOM ranges again
 * without ever touching the page's DOM.
 */
import type { ArticleBlock, BlockKind } from '../article/types.ts';
import { drain, STEP_NODES, type Steps } from './slices.ts';

/** For each text node of a block, where its characters went in the block's text. */
export interface BlockMap {
  /** Text nodes contributing to the text, in order. */
  nodes: Text[];
  /** For each node, where its first emitted character sits in the text. */
  nodeStarts: number[];
  /** For each node, whether its first character in the text is a space collapsed from before it. */
  nodeLeadSpace: boolean[];
  /**
   * For each node, whether its value went into the text unchanged (no white space collapsed inside it,
   * none leading): its offsets then map one to one, and painting a claim in it need not read it again.
   */
  nodeVerbatim: boolean[];
}

/** A text block of the page and the map from its text back to the DOM. */
export interface DomBlock extends ArticleBlock {
  element: Element;
  /**
   * The map back to the DOM: built while reading for blocks read node by node, left `undefined` for
   * blocks read in one native call (most paragraphs) until a claim in them is painted (`blockMap`), and
   * `null` once the block's text is found changed in the page.
   */
  map?: BlockMap | null;
}

/**
 * Tags whose subtree never holds article text. Every tag table here is keyed by `localName`, which is
 * lower case for HTML and SVG elements alike. `tagName` is upper case for HTML only, so each check
 * needed a `toUpperCase` as well; the walk makes these checks for every element of the article.
 */
export const SKIP_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'canvas',
  'iframe',
  'object',
  'embed',
  'video',
  'audio',
  'nav',
  'aside',
  'footer',
  'form',
  'button',
  'input',
  'textarea',
  'select',
  'option',
  'label',
  'menu',
  'dialog',
  'head',
  'title',
  'meta',
  'link',
  'img',
  'picture',
  'math',
]);

export const BLOCK_KIND: Record<string, BlockKind> = {
  p: 'paragraph',
  li: 'list-item',
  dd: 'list-item',
  blockquote: 'quote',
  h1: 'heading',
  h2: 'heading',
  h3: 'heading',
  h4: 'heading',
  h5: 'heading',
  h6: 'heading',
  figcaption: 'caption',
  caption: 'caption',
  dt: 'other',
  pre: 'other',
  td: 'other',
  th: 'other',
};

/**
 * Block-level tags that may hold inline text directly; their inline runs become paragraph blocks.
 * Inline wrappers (`span`, `font`) are not among them: they are walked as containers only when a
 * block sits inside them, so `Some <span>text</span> more` stays one block.
 */
const CONTAINER_TAGS = new Set([
  'div',
  'section',
  'article',
  'main',
  'body',
  'header',
  'center',
  'figure',
  'ul',
  'ol',
  'dl',
  'table',
  'tbody',
  'thead',
  'tr',
]);

/**
 * Class or id words of page furniture: never article text. Matched against the words in lower case,
 * not with the `i` flag: a case-insensitive pattern this size cost every page nearly twice as much to
 * compile (0.34 against 0.20 ms in our world, 50 loads each), and lowering a class list is one native
 * call per distinct list.
 */
const FURNITURE =
  /(?:^|[\s_-])(?:byline|author|caption|credit|share|sharing|social|related|newsletter|cookie|consent|gdpr|promo|advert|ads?|sponsor|comments?|breadcrumbs?|subscribe|toolbar|menu|sidebar|masthead|recaptcha|skip|tags|meta|dateline|standfirst|dek|strapline|tooltip|popover|hover|hovercard|teaser|gallery|slideshow|carousel|tweet|outbrain|taboola)(?:$|[\s_-])/;

/**
 * Furniture words that no content word rescues: "comment-body", "article-standfirst", "story-related"
 * name a reader's comment, the summary under the headline and a list of other stories, whatever else
 * the class says. A paywall or premium wrapper is not furniture at all: it holds the article's own
 * paragraphs (its notice is caught by its words, src/claims/boilerplate.ts).
 */
const STRONG_FURNITURE =
  /(?:^|[\s_-])(?:comments?|commentlist|standfirst|dek|strapline|related|tooltip|popover|hover|hovercard|outbrain|taboola)(?:$|[\s_-])/;

/** camelCase boundaries ("commentText", "relatedLinks"), made word breaks before matching. */
const CAMEL = /([a-z])([A-Z])/g;

/**
 * Class or id words that rescue an element from the furniture list, as in Readability: a
 * "sidebar-right-mix content-column" or "js-social-anchor main" wrapper usually holds the article. Parts
 * of words, as Readability matches them (`/and|article|…/i`); looked up with `includes`, not a regular
 * expression, as it is asked of few elements on a page and compiling one would cost more.
 */
const MAYBE_CONTENT = [
  'and',
  'article',
  'body',
  'column',
  'content',
  'main',
  'shadow',
  'story',
  'entry',
  'post',
  'paywall',
  'premium',
];

function maybeContent(words: string): boolean {
  const lower = words.toLowerCase();
  for (const part of MAYBE_CONTENT) if (lower.includes(part)) return true;
  return false;
}

/** Class or id words say furniture, unless the element is the page's main content by tag or role. */
function isFurnitureByName(el: Element, cls: string, id: string): boolean {
  // Class and id are asked apart (a word never spans the two): class lists repeat across a page and
  // are met in the memo, while ids are unique and would make every combined string a miss.
  const verdict = Math.max(
    cls ? furnitureWords(cls) : NOT_FURNITURE,
    id ? furnitureWords(id) : NOT_FURNITURE,
  );
  const words = id ? (cls ? `${cls} ${id}` : id) : cls;
  if (verdict === NOT_FURNITURE) return false;
  const tag = el.localName;
  return (
    tag !== 'body' &&
    tag !== 'main' &&
    tag !== 'article' &&
    el.getAttribute('role') !== 'main' &&
    el.getAttribute('itemprop')?.toLowerCase() !== 'articlebody' &&
    (verdict === STRONG || !maybeContent(words))
  );
}

const NOT_FURNITURE = 0;
const WEAK = 1;
const STRONG = 2;

/** Verdicts of `FURNITURE` by class list or id; a page repeats the same few class lists many times. */
const furnitureMemo = new Map<string, number>();

function furnitureWords(words: string): number {
  let verdict = furnitureMemo.get(words);
  if (verdict === undefined) {
    const lower = words.replace(CAMEL, '$1-$2').toLowerCase();
    verdict = !FURNITURE.test(lower) ? NOT_FURNITURE : STRONG_FURNITURE.test(lower) ? STRONG : WEAK;
    // Bounded: a page with endless distinct ids must not grow it without limit.
    if (furnitureMemo.size >= 4_096) furnitureMemo.clear();
    furnitureMemo.set(words, verdict);
  }
  return verdict;
}

/**
 * Attributes that skip an element whatever its class and role: hidden by attribute, or the reader's own
 * editable text. Editability is the element's own contenteditable attribute: inherited editability needs
 * no check of its own, as every walk skips the subtree of the element that carries it, and a document in
 * design mode is not read at all (see `extractDomArticleSteps`); `isContentEditable` would bring the
 * page's style up to date on every call. One selector, so an element is asked once instead of once per
 * attribute: the content script runs this cold, for every element of the article.
 */
const SKIP_BY_ATTRIBUTE =
  '[contenteditable]:not([contenteditable="false"]),[hidden],[aria-hidden="true"],[role="tooltip"]';

/** The same, with the landmark roles of page furniture (navigation, sidebars, the page footer). */
const SKIP_BY_ATTRIBUTE_OR_ROLE = `${SKIP_BY_ATTRIBUTE},[role="navigation"],[role="complementary"],[role="contentinfo"]`;

/**
 * Hidden by its inline style or, in a browser, by the page's CSS (`checkVisibility` answers from the
 * computed style the page already has, so it costs a lookup, not a layout). Text nobody sees is never
 * highlighted: its offsets would be painted nowhere and would skew the sentences around it. Only a real
 * browser has the computed style cheaply (happy-dom recomputes it per call), hence `useCss`. A page's
 * style sheet hides an element by its class or id in practice, so only an element with one is asked:
 * that spares most inline elements a style lookup.
 */
function isHiddenByStyle(el: Element, useCss: boolean, named: boolean): boolean {
  // The inline style object is built on first access, so it is read only when there is a style attribute.
  if (el.hasAttribute('style')) {
    const style = (el as HTMLElement).style;
    if (style?.display === 'none' || style?.visibility === 'hidden') return true;
  }
  if (!useCss || !named) return false;
  const styled = el as Element & { checkVisibility?: (o?: object) => boolean };
  if (typeof styled.checkVisibility !== 'function' || styled.checkVisibility(VISIBILITY)) return false;
  // `display: contents` has no box of its own but shows its children.
  const view = el.ownerDocument?.defaultView;
  return !!view && view.getComputedStyle(el).display !== 'contents';
}

/** `checkVisibility` options: hidden by `visibility` counts too. One object for every call. */
const VISIBILITY = { visibilityProperty: true } as const;

/**
 * Whether an element's subtree can never contribute article text: a tag that holds none, furniture by
 * its class, id or role, the reader's editable text, or hidden. `useCss` also consults the page's
 * computed style (content script only); `furniture: false` ignores class and id words (a second try
 * on pages whose article sits in a wrapper named like a sidebar).
 */
export function isSkipped(el: Element, useCss = false, furniture = true): boolean {
  const tag = el.localName;
  if (SKIP_TAGS.has(tag) && (tag !== 'form' || !formHoldsPage(el))) return true;
  // An element with no attributes at all (<p>, <b>, <em>, a bare <span>) is skipped only by its tag: a
  // style rule for a bare tag would hide it everywhere. Most elements of an article are such.
  if (!el.hasAttributes()) return false;
  if (el.matches(furniture ? SKIP_BY_ATTRIBUTE_OR_ROLE : SKIP_BY_ATTRIBUTE)) return true;
  const cls = typeof el.className === 'string' ? el.className : '';
  const id = el.id;
  // A link is never furniture by its name: one mid-sentence ("a popup", "related-link") holds words of
  // the sentence, and cutting them out would leave the sentence with a hole.
  if (furniture && (cls || id) && tag !== 'a' && isFurnitureByName(el, cls, id)) return true;
  return isHiddenByStyle(el, useCss, !!(cls || id));
}

/** Verdicts of `formHoldsPage`, per form: a page has few forms, but each is met by every walk. */
const pageForms = new WeakMap<Element, boolean>();

/**
 * Whether a form wraps the page rather than being one: ASP.NET and some CMSs put the whole page in one
 * `<form>`, article included. Such a form holds paragraphs, and many more of them than fields; a search
 * box, a login or a comment form holds fields and a few lines of help.
 */
function formHoldsPage(form: Element): boolean {
  let verdict = pageForms.get(form);
  if (verdict === undefined) {
    const paragraphs = form.getElementsByTagName('p').length;
    const fields = form.querySelectorAll('input:not([type="hidden"]),textarea,select').length;
    verdict = paragraphs >= 3 && paragraphs > 2 * fields;
    pageForms.set(form, verdict);
  }
  return verdict;
}

/** Sentence punctuation followed by a space or the end: the text of a cell or item is prose, not data. */
const PROSE_END = /[.!?]["”’)]?(?:\s|$)/;

/**
 * A block's kind once its text is known: a table cell holding prose is a paragraph (pages laid out in
 * tables have no `<p>`), and a paragraph or list item that is all link text is a link to another story
 * (a related headline, a teaser, a deal), not the article's own statement.
 */
function refineKind(kind: BlockKind, el: Element, text: string, cache: ReadCache): BlockKind {
  if (kind === 'other') {
    const tag = el.localName;
    return (tag === 'td' || tag === 'th') && text.length >= 100 && PROSE_END.test(text) ? 'paragraph' : kind;
  }
  // Teasers, related headlines and deals are short: an article's long paragraphs are not asked.
  if ((kind !== 'paragraph' && kind !== 'list-item') || text.length >= 300) return kind;
  return linkChars(el, cache) >= 0.8 * text.length ? 'other' : kind;
}

/** Characters of link text inside an element (one native collection; most paragraphs have few links). */
export function linkChars(el: Element, cache: ReadCache): number {
  let n = cache.linkText.get(el);
  if (n === undefined) {
    const links = el.getElementsByTagName('a');
    n = 0;
    for (let i = 0; i < links.length; i++) n += (links[i].textContent ?? '').trim().length;
    cache.linkText.set(el, n);
  }
  return n;
}

/**
 * What one extraction has already read, shared by its passes (finding the article root, then reading
 * its blocks): each paragraph's raw text, and whether a paragraph is skipped by its own attributes and
 * style. Asking the page twice would cost twice; the cache lives for one extraction only.
 */
export interface ReadCache {
  texts: Map<Element, string>;
  skipped: Map<Element, boolean>;
  /** Characters of link text in a paragraph (`linkChars`), asked by both passes of short paragraphs. */
  linkText: Map<Element, number>;
  /** Wrappers named like furniture that hold the article (second try only): not skipped. */
  exempt?: Set<Element>;
  /** Paragraphs of the page that the first try scored (the second asks text boxes only when few did). */
  scored?: number;
}

/** An empty cache for one extraction. */
export function readCache(): ReadCache {
  return { texts: new Map(), skipped: new Map(), linkText: new Map() };
}

/** Collects the text blocks under `root` in document order. */
export function collectBlocks(root: Element, useCss = false): DomBlock[] {
  return drain(collectBlockSteps(root, useCss));
}

interface Frame {
  el: Element;
  child: ChildNode | null;
  insideFigure: boolean;
}

/**
 * The block walk as resumable steps (an explicit stack, not recursion, so a deep page cannot overflow
 * it and every few dozen nodes are a place to pause).
 */
export function* collectBlockSteps(
  root: Element,
  useCss = false,
  cache: ReadCache = readCache(),
): Steps<DomBlock[]> {
  const blocks: DomBlock[] = [];
  let inline: Node[] = [];
  let work = 0;
  function* flushInline(parent: Element): Steps<void> {
    if (inline.length) {
      const parts = inline;
      inline = [];
      for (const block of yield* buildBlocks(parent, parts, 'paragraph', useCss)) blocks.push(block);
    }
  }
  const stack: Frame[] = [{ el: root, child: root.firstChild, insideFigure: false }];
  while (stack.length) {
    const frame = stack[stack.length - 1];
    const child = frame.child;
    if (!child) {
      stack.pop();
      if (inline.length) yield* flushInline(frame.el);
      continue;
    }
    frame.child = child.nextSibling;
    if (++work % STEP_NODES === 0) yield;
    if (child.nodeType === 3) {
      if (child.nodeValue?.trim()) inline.push(child);
      continue;
    }
    if (child.nodeType !== 1) continue;
    const c = child as Element;
    const tag = c.localName;
    if (tag === 'br' || (!cache.exempt?.has(c) && (cache.skipped.get(c) ?? isSkipped(c, useCss)))) {
      if (inline.length) yield* flushInline(frame.el);
      continue;
    }
    const kind = BLOCK_KIND[tag];
    // Containers are entered without looking below them first: scanning every subtree for blocks at
    // every level would make the walk quadratic in the page's depth.
    const container = CONTAINER_TAGS.has(tag);
    // A paragraph or heading is read with one native query that also tells whether a block sits in it.
    const leaf = kind !== undefined && LEAF_TAGS.has(tag);
    const read = leaf ? readWhole(c, useCss, true, cache.texts.get(c)) : undefined;
    const nested = leaf ? read === NESTED : !container && hasBlockDescendant(c);
    if (kind && !nested) {
      if (inline.length) yield* flushInline(frame.el);
      const blockKind = frame.insideFigure ? 'caption' : kind;
      const text = (leaf ? read : readWhole(c, useCss, false, cache.texts.get(c))) as string | null;
      if (text === null)
        for (const block of yield* buildBlocks(c, [c], blockKind, useCss)) {
          if (blockKind === 'other') block.kind = refineKind(blockKind, c, block.text, cache);
          blocks.push(block);
        }
      else if (text) blocks.push({ kind: refineKind(blockKind, c, text, cache), text, element: c });
    } else if (kind || nested || container) {
      if (inline.length) yield* flushInline(frame.el);
      stack.push({ el: c, child: c.firstChild, insideFigure: frame.insideFigure || tag === 'figure' });
    } else {
      inline.push(c);
    }
  }
  return blocks;
}

/**
 * Whether a block-level element sits anywhere below `el`: one native selector query (it stops at the
 * first match) instead of a walk in JavaScript over every descendant, which the content script would
 * run cold for every paragraph of the page.
 */
function hasBlockDescendant(el: Element): boolean {
  return el.firstElementChild !== null && el.querySelector(BLOCK_SELECTOR) !== null;
}

/** Tags that hold blocks without being one (with `BLOCK_KIND`'s, they make `BLOCK_SELECTOR`). */
export const BLOCK_TAGS = ['div', 'section', 'ul', 'ol', 'table', 'article', 'main'];

/**
 * Every tag that makes a block of its own or holds blocks (`BLOCK_KIND`'s and `BLOCK_TAGS`), as one
 * selector. Written out rather than built when the script starts, as every page would build it;
 * blocks.test.ts checks it against the tables.
 */
export const BLOCK_SELECTOR =
  'p,li,dd,blockquote,h1,h2,h3,h4,h5,h6,figcaption,caption,dt,pre,td,th,div,section,ul,ol,table,article,main';

/**
 * White space that collapsing changes: a run of two or more blanks, or any blank that is not a plain
 * space (ASCII only: a no-break space is kept). A lone space, by far the commonest blank in prose, is
 * left out: it collapses to itself, and matching it would cost a regex match per word (on a long article,
 * a global replace over every space ran several times slower than one that skips them). Global:
 * `replace` rewrites every such run, and `offsetInNode` searches it from a position (`lastIndex`).
 */
const COLLAPSIBLE = /[\n\t\r\f][ \n\t\r\f]*| [ \n\t\r\f]+/g;

/** What `CHECK_SELECTOR` adds to the skipped tags: `<br>` and every attribute `isSkipped` reads. */
export const CHECK_EXTRA = [
  'br',
  '[hidden]',
  '[aria-hidden]',
  '[contenteditable]',
  '[style]',
  '[role]',
  '[class]',
  '[id]',
];

/**
 * Anything below a block element that could make the node-by-node walk skip a subtree or end the
 * block: the skipped tags (`SKIP_TAGS`) and `CHECK_EXTRA`. An element matching none of these is never
 * skipped, so a block without a match that `isSkipped` confirms reads as its whole text. Written out,
 * like `BLOCK_SELECTOR`, and checked against the tables by blocks.test.ts.
 */
export const CHECK_SELECTOR =
  'script,style,noscript,template,svg,canvas,iframe,object,embed,video,audio,nav,aside,footer,form,button,input,textarea,select,option,label,menu,dialog,head,title,meta,link,img,picture,math,br,[hidden],[aria-hidden],[contenteditable],[style],[role],[class],[id]';

/**
 * Whether an element inside a block keeps the block from being read whole: a line break ends a block,
 * and a skipped element takes its text out. A skipped element with no text at all (an image, an empty
 * hidden span) takes nothing out, so reading the block whole gives what the walk would.
 */
function needsWalk(el: Element, useCss: boolean): boolean {
  return el.localName === 'br' || (isSkipped(el, useCss) && el.textContent !== '');
}

/** A block's raw text with white space collapsed as the page renders it, and trimmed. */
function collapsedText(raw: string): string {
  const collapsed = raw.replace(COLLAPSIBLE, ' ');
  const start = collapsed.charCodeAt(0) === 32 ? 1 : 0;
  const end = collapsed.length > start && collapsed.charCodeAt(collapsed.length - 1) === 32 ? -1 : undefined;
  return start || end ? collapsed.slice(start, end) : collapsed;
}

/**
 * Block tags that hardly ever hold other blocks (a parser closes a paragraph at the next block): read
 * as leaves (`readWhole`). List items, cells and quotes often do hold blocks: for them the first block
 * found (`hasBlockDescendant`) settles it, where a full query would list their whole subtree.
 */
const LEAF_TAGS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** Tags of `BLOCK_SELECTOR`, as `localName`s (lower case). */
const BLOCK_TAG_SET = new Set([...Object.keys(BLOCK_KIND), ...BLOCK_TAGS]);

/** `readWhole`'s answer for a leaf with a block inside it (it is then walked as a container). */
const NESTED = 1;

/** `BLOCK_SELECTOR` and `CHECK_SELECTOR` together: what `readWhole` asks a leaf in one query. */
const BLOCK_OR_CHECK_SELECTOR = `${BLOCK_SELECTOR},${CHECK_SELECTOR}`;

/**
 * A block element's text in one native call (or from `raw`, the text already read), or null when
 * something inside it needs the walk (a skipped or hidden descendant holding text, a line break). Most
 * paragraphs qualify, and reading them this way creates no wrapper for any of their text nodes and runs
 * no JavaScript per node: cold code that runs on every page, where each touched node costs. Their map
 * back to the DOM waits for `blockMap`. A `leaf` (a paragraph or heading) is also asked, in the same
 * query, whether a block sits inside it (`NESTED`): every paragraph with markup inside would otherwise
 * cost a second subtree scan and call into the page (`hasBlockDescendant`).
 */
function readWhole(el: Element, useCss: boolean, leaf: boolean, raw?: string): string | null | typeof NESTED {
  if (el.firstElementChild) {
    const found = el.querySelectorAll(leaf ? BLOCK_OR_CHECK_SELECTOR : CHECK_SELECTOR);
    let walk = false;
    for (let i = 0; i < found.length; i++) {
      const d = found[i];
      if (!leaf) {
        if (needsWalk(d, useCss)) return null;
      } else if (BLOCK_TAG_SET.has(d.localName)) return NESTED;
      else if (!walk) walk = needsWalk(d, useCss);
    }
    if (walk) return null;
  }
  return collapsedText(raw ?? el.textContent ?? '');
}

/**
 * The block's map back to the DOM, built on first use for a block read whole (see `readWhole`): only
 * the blocks that get a highlight ever need one. Null when the block's text in the page is no longer
 * the text that was read (the page changed it since): its offsets would point at the wrong words.
 */
export function blockMap(block: DomBlock): BlockMap | null {
  return block.map !== undefined ? block.map : drain(blockMapSteps(block));
}

/** `blockMap` as resumable steps: a block of thousands of nodes is mapped in slices like it was read. */
export function* blockMapSteps(block: DomBlock): Steps<BlockMap | null> {
  if (block.map !== undefined) return block.map;
  // Read whole, the block was found to hold no element the walk would skip and no line break: only its
  // text nodes matter, and a native walker hands over just those.
  const again = yield* buildBlocks(block.element, [block.element], block.kind, false, true);
  block.map = again.length === 1 && again[0].text === block.text ? (again[0].map ?? null) : null;
  return block.map;
}

/**
 * Builds blocks from inline nodes, collapsing white space the way the page renders it; a `<br>` ends
 * a block (a line break separates a label from its text, or one line of an address from the next, so
 * no sentence, and no highlight, may run across it). Each text node is collapsed with one native
 * `replace`, not a per-character loop: the content script runs once per page, cold, where every
 * JavaScript loop iteration is interpreted. The character-level map back to the DOM is recomputed only
 * for the few offsets that become highlight ends (`domPosition`).
 */
function* buildBlocks(
  element: Element,
  parts: Node[],
  kind: BlockKind,
  useCss: boolean,
  /** Only `element`'s text nodes, all of them (a block read whole, see `blockMapSteps`). */
  textOnly = false,
): Steps<DomBlock[]> {
  const out: DomBlock[] = [];
  let nodes: Text[] = [];
  let nodeStarts: number[] = [];
  let leadSpace: boolean[] = [];
  let verbatim: boolean[] = [];
  let pieces: string[] = [];
  let length = 0;
  let pendingSpace = false;
  let work = 0;
  const finish = () => {
    if (length)
      out.push({
        kind,
        text: pieces.join(''),
        element,
        map: { nodes, nodeStarts, nodeLeadSpace: leadSpace, nodeVerbatim: verbatim },
      });
    nodes = [];
    nodeStarts = [];
    leadSpace = [];
    verbatim = [];
    pieces = [];
    length = 0;
    pendingSpace = false;
  };
  const addText = (node: Text) => {
    const value = node.nodeValue ?? '';
    const collapsed = value.replace(COLLAPSIBLE, ' ');
    if (!collapsed) return;
    const lead = collapsed.charCodeAt(0) === 32;
    const trail = collapsed.charCodeAt(collapsed.length - 1) === 32;
    const core = collapsed.slice(
      lead ? 1 : 0,
      Math.max(lead ? 1 : 0, trail ? collapsed.length - 1 : collapsed.length),
    );
    if (lead && length) pendingSpace = true;
    if (!core) return;
    nodes.push(node);
    nodeStarts.push(length);
    leadSpace.push(pendingSpace);
    // `replace` hands back the very string it was given when nothing matched.
    verbatim.push(collapsed === value && !lead);
    if (pendingSpace) {
      pieces.push(' ');
      length++;
      pendingSpace = false;
    }
    pieces.push(core);
    length += core.length;
    if (trail) pendingSpace = true;
  };
  if (textOnly) {
    // NodeFilter.SHOW_TEXT, written out: the constant lives on an interface the script need not touch.
    const walker = (element.ownerDocument as Document).createTreeWalker(element, 4);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (++work % STEP_NODES === 0) yield;
      addText(n as Text);
    }
    finish();
    return out;
  }
  const stack: Node[] = [];
  for (let i = parts.length - 1; i >= 0; i--) stack.push(parts[i]);
  while (stack.length) {
    const n = stack.pop() as Node;
    if (++work % STEP_NODES === 0) yield;
    if (n.nodeType === 3) {
      addText(n as Text);
      continue;
    }
    if (n.nodeType !== 1) continue;
    const el = n as Element;
    if (el.localName === 'br') {
      finish();
      continue;
    }
    if (isSkipped(el, useCss)) continue;
    for (let c = el.lastChild; c; c = c.previousSibling) stack.push(c);
  }
  finish();
  return out;
}

/**
 * Where the white-space runs of a text node's value sit, worked out once per node: a paragraph's text
 * node holds several claim ends, and each was a scan of the node from its start (a pretty-printed page
 * indents every paragraph, so none of its nodes is verbatim).
 */
interface NodeRuns {
  /** The value these runs were read from (a node whose text changed is read again). */
  value: string;
  /** Index of the first visible character (the value's length if there is none). */
  first: number;
  /** For each collapsible run after `first`: its index in the value. */
  index: number[];
  /** Its last character's index. */
  last: number[];
  /** How many characters the block took from the node before the run's own space. */
  emitted: number[];
}

const runsOfNode = new WeakMap<Text, NodeRuns>();

/** The white space `COLLAPSIBLE` collapses (ASCII only: a no-break space is kept). */
function isCollapsible(code: number): boolean {
  return code === 32 || code === 10 || code === 9 || code === 13 || code === 12;
}

function runsOf(node: Text, value: string): NodeRuns {
  const known = runsOfNode.get(node);
  if (known?.value === value) return known;
  // Once per node, so a loop (a regular expression more would cost every page its compile).
  let first = 0;
  while (first < value.length && isCollapsible(value.charCodeAt(first))) first++;
  const runs: NodeRuns = { value, first, index: [], last: [], emitted: [] };
  // Jump from one collapsible run to the next (a native regex search) instead of stepping through
  // every character: each run emits one space, each stretch between runs (lone spaces included) its
  // own length.
  let at = first;
  let emitted = 0;
  const pattern = COLLAPSIBLE;
  pattern.lastIndex = first;
  for (let run = pattern.exec(value); run; run = pattern.exec(value)) {
    emitted += run.index - at;
    runs.index.push(run.index);
    runs.emitted.push(emitted);
    const last = run.index + run[0].length - 1;
    runs.last.push(last);
    emitted++;
    at = last + 1;
  }
  runsOfNode.set(node, runs);
  return runs;
}

/**
 * Offset inside a text node's value of the `local`-th character the block took from it. A collapsed
 * space maps to the last white-space character of its run; a leading space carried over from an
 * earlier node maps to just before the node's first visible character.
 */
function offsetInNode(node: Text, local: number, lead: boolean): number {
  // Only nodes that were not taken verbatim come here (see `nodeVerbatim`): the others map directly.
  const value = node.nodeValue ?? '';
  const { first, index, last, emitted } = runsOf(node, value);
  if (lead) {
    if (local === 0) return Math.max(0, first - 1);
    local--;
  }
  // The first run whose space comes at or after the character: it sits in the stretch before that
  // run, or is that run's space.
  let lo = 0;
  let hi = index.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (emitted[mid] < local) lo = mid + 1;
    else hi = mid;
  }
  if (lo < index.length) return local === emitted[lo] ? last[lo] : index[lo] - (emitted[lo] - local);
  const n = index.length;
  const tail = n ? last[n - 1] + 1 : first;
  const before = n ? emitted[n - 1] + 1 : 0;
  return Math.min(value.length, tail + (local - before));
}

/**
 * The DOM position of a character offset in a block: binary search over node starts, then the
 * per-character map. `end` positions map just past the previous character. Null when the block has
 * changed in the page since it was read.
 */
export function domPosition(
  block: DomBlock,
  offset: number,
  isEnd: boolean,
): { node: Text; offset: number; index: number } | null {
  const map = blockMap(block);
  if (!map?.nodes.length) return null;
  const at = isEnd ? Math.max(0, offset - 1) : Math.min(offset, block.text.length - 1);
  let lo = 0;
  let hi = map.nodeStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (map.nodeStarts[mid] <= at) lo = mid;
    else hi = mid - 1;
  }
  const node = map.nodes[lo];
  const local = at - map.nodeStarts[lo];
  const lead = map.nodeLeadSpace[lo];
  // A node taken verbatim maps one to one (less the space carried over from before it, if any).
  const inNode = map.nodeVerbatim[lo]
    ? Math.max(0, lead ? local - 1 : local)
    : offsetInNode(node, local, lead);
  return { node, offset: Math.min(inNode + (isEnd ? 1 : 0), node.length), index: lo };
}
