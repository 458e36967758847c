/**
 * Reads an article's text blocks out of the DOM and remembers, for every character, which text node
 * and offset it came from, so claim offsets computed in the background become DOM ranges again
 * without ever touching the page's DOM.
 */
import type { ArticleBlock, BlockKind } from '../article/types.ts';

/** A text block of the page and the map from its text back to the DOM. */
export interface DomBlock extends ArticleBlock {
  element: Element;
  /** Text nodes contributing to `text`, in order. */
  nodes: Text[];
  /** For each node, where its first emitted character sits in `text`. */
  nodeStarts: number[];
  /** For each character of `text`: the offset inside its node (whitespace runs are collapsed). */
  nodeOffsets: Uint32Array;
}

const SKIP_TAGS = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'CANVAS', 'IFRAME', 'OBJECT', 'EMBED', 'VIDEO', 'AUDIO',
  'NAV', 'ASIDE', 'FOOTER', 'FORM', 'BUTTON', 'INPUT', 'TEXTAREA', 'SELECT', 'OPTION', 'LABEL', 'MENU',
  'DIALOG', 'HEAD', 'TITLE', 'META', 'LINK', 'IMG', 'PICTURE', 'MATH',
]);

const BLOCK_KIND: Record<string, BlockKind> = {
  P: 'paragraph',
  LI: 'list-item',
  DD: 'list-item',
  BLOCKQUOTE: 'quote',
  H1: 'heading',
  H2: 'heading',
  H3: 'heading',
  H4: 'heading',
  H5: 'heading',
  H6: 'heading',
  FIGCAPTION: 'caption',
  CAPTION: 'caption',
  DT: 'other',
  PRE: 'other',
  TD: 'other',
  TH: 'other',
};

/** Block-level tags that may hold inline text directly; their inline runs become paragraph blocks. */
const CONTAINER_TAGS = new Set([
  'DIV', 'SECTION', 'ARTICLE', 'MAIN', 'BODY', 'HEADER', 'CENTER', 'FIGURE', 'UL', 'OL', 'DL', 'TABLE',
  'TBODY', 'THEAD', 'TR', 'SPAN', 'FONT',
]);

/** Class or id words of page furniture: never article text. */
const FURNITURE =
  /(?:^|[\s_-])(?:byline|author|caption|credit|share|sharing|social|related|newsletter|cookie|consent|gdpr|promo|advert|ads?|sponsor|comments?|breadcrumbs?|subscribe|paywall|toolbar|menu|sidebar|masthead|recaptcha|skip|tags|meta|dateline)(?:$|[\s_-])/i;

/** True when the element, or an ancestor up to `root`, is furniture by its class or id. */
function isFurniture(el: Element): boolean {
  const cls = typeof el.className === 'string' ? el.className : '';
  return FURNITURE.test(`${cls} ${el.id}`) || el.getAttribute('role') === 'navigation';
}

function isHidden(el: Element): boolean {
  if ((el as HTMLElement).hidden || el.getAttribute('aria-hidden') === 'true') return true;
  const style = (el as HTMLElement).style;
  return style?.display === 'none' || style?.visibility === 'hidden';
}

function isEditable(el: Element): boolean {
  const ce = el.getAttribute('contenteditable');
  return ce !== null && ce !== 'false';
}

/** Whether an element's subtree can never contribute article text. */
export function isSkipped(el: Element): boolean {
  return SKIP_TAGS.has(el.tagName.toUpperCase()) || isHidden(el) || isEditable(el) || isFurniture(el);
}

/** Collects the text blocks under `root` in document order. */
export function collectBlocks(root: Element): DomBlock[] {
  const blocks: DomBlock[] = [];
  let inline: Node[] = [];
  const flushInline = (parent: Element) => {
    if (inline.length) {
      const block = buildBlock(parent, inline, 'paragraph');
      if (block) blocks.push(block);
      inline = [];
    }
  };
  const visit = (el: Element, insideFigure: boolean) => {
    for (let child = el.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        if (child.nodeValue?.trim()) inline.push(child);
        continue;
      }
      if (child.nodeType !== 1) continue;
      const c = child as Element;
      const tag = c.tagName.toUpperCase();
      if (isSkipped(c)) {
        flushInline(el);
        continue;
      }
      if (tag === 'BR') {
        flushInline(el);
        continue;
      }
      const kind = BLOCK_KIND[tag];
      if (kind && !hasBlockDescendant(c)) {
        flushInline(el);
        const block = buildBlock(c, [c], insideFigure ? 'caption' : kind);
        if (block) blocks.push(block);
      } else if (kind || CONTAINER_TAGS.has(tag) || hasBlockDescendant(c)) {
        flushInline(el);
        visit(c, insideFigure || tag === 'FIGURE');
        flushInline(c);
      } else {
        inline.push(c);
      }
    }
  };
  visit(root, false);
  flushInline(root);
  return blocks;
}

function hasBlockDescendant(el: Element): boolean {
  for (let c = el.firstElementChild; c; c = c.nextElementSibling) {
    const tag = c.tagName.toUpperCase();
    if (BLOCK_KIND[tag] || tag === 'DIV' || tag === 'SECTION' || tag === 'UL' || tag === 'OL' || tag === 'TABLE')
      return true;
    if (hasBlockDescendant(c)) return true;
  }
  return false;
}

/** Builds one block from inline nodes, collapsing white space the way the page renders it. */
function buildBlock(element: Element, parts: Node[], kind: BlockKind): DomBlock | null {
  const nodes: Text[] = [];
  const nodeStarts: number[] = [];
  const offsets: number[] = [];
  let text = '';
  let pendingSpace = false;
  const addText = (node: Text) => {
    const value = node.nodeValue ?? '';
    let started = false;
    for (let i = 0; i < value.length; i++) {
      const ch = value[i];
      if (ch === ' ' || ch === '\n' || ch === '\t' || ch === '\r' || ch === '\f') {
        if (text.length) pendingSpace = true;
        continue;
      }
      if (pendingSpace) {
        text += ' ';
        offsets.push(Math.max(0, i - 1));
        pendingSpace = false;
        if (!started) {
          nodes.push(node);
          nodeStarts.push(text.length - 1);
          started = true;
        }
      }
      if (!started) {
        nodes.push(node);
        nodeStarts.push(text.length);
        started = true;
      }
      text += ch;
      offsets.push(i);
    }
  };
  const walk = (n: Node) => {
    if (n.nodeType === 3) {
      addText(n as Text);
      return;
    }
    if (n.nodeType !== 1) return;
    const el = n as Element;
    if (isSkipped(el)) return;
    if (el.tagName.toUpperCase() === 'BR') {
      if (text.length) pendingSpace = true;
      return;
    }
    for (let c = el.firstChild; c; c = c.nextSibling) walk(c);
  };
  for (const part of parts) walk(part);
  if (!text) return null;
  return { kind, text, element, nodes, nodeStarts, nodeOffsets: Uint32Array.from(offsets) };
}

/**
 * The DOM position of a character offset in a block: binary search over node starts, then the
 * per-character map. `end` positions map just past the previous character.
 */
export function domPosition(block: DomBlock, offset: number, isEnd: boolean): { node: Text; offset: number } {
  const at = isEnd ? Math.max(0, offset - 1) : Math.min(offset, block.text.length - 1);
  let lo = 0;
  let hi = block.nodeStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (block.nodeStarts[mid] <= at) lo = mid;
    else hi = mid - 1;
  }
  const node = block.nodes[lo];
  const inNode = block.nodeOffsets[at] + (isEnd ? 1 : 0);
  return { node, offset: Math.min(inNode, node.length) };
}
