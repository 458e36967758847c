/**
 * DOM side of anchoring for the content script. A page's readable text is the concatenation of its
 * text nodes in document order (skipping scripts, styles, form fields and editable regions); the
 * index keeps where each node starts so that text offsets and DOM Ranges convert both ways in
 * O(log n) steps. Building is one linear TreeWalker pass; `buildTextIndexChunked` spreads the same pass
 * over several tasks so that a huge page never blocks the main thread for long.
 * Works with any `Document` (the browser's, happy-dom's in tests).
 */
import { anchor, describe } from './text-anchor.ts';
import type { AnchorResult, AnchorSelectors } from './types.ts';

// DOM constants by value: NodeFilter/Node globals are not guaranteed outside a browser.
const SHOW_ELEMENT = 0x1;
const SHOW_TEXT = 0x4;
const TEXT_NODE = 3;
const POSITION_FOLLOWING = 0x4;

/** Elements whose text is not page prose (and whose subtree is skipped entirely). */
const SKIPPED_ELEMENTS = new Set(['script', 'style', 'noscript', 'template', 'textarea', 'input', 'select']);

export interface TextIndex {
  root: Node;
  /** The concatenated text: what selectors are described against and anchored in. */
  text: string;
  /** Non-empty text nodes in document order. */
  nodes: Text[];
  /** `starts[i]` = UTF-16 offset of `nodes[i]`'s first character in `text`. */
  starts: number[];
}

export interface TextIndexOptions {
  /** Extra elements to leave out, e.g. the extension's own tooltip host. */
  skip?: (element: Element) => boolean;
}

export interface ChunkedTextIndexOptions extends TextIndexOptions {
  /** Work per task before yielding, in ms (default 8: well under the 50 ms long-task limit). */
  budgetMs?: number;
  /** How to give the main thread back; default `setTimeout(0)`. */
  yieldToMain?: () => Promise<void>;
  /** Abort a build that a newer page change made useless. */
  signal?: AbortSignal;
}

/** Why an element's subtree is not page text: code, form fields, templates and anything editable. */
function isSkipped(el: Element, skip?: (element: Element) => boolean): boolean {
  if (SKIPPED_ELEMENTS.has(el.localName)) return true;
  const editable = el.getAttribute('contenteditable');
  if (editable !== null && editable !== 'false') return true;
  return skip ? skip(el) : false;
}

/**
 * One pass over the DOM, resumable so the chunked build can pause. A TreeWalker without a JS
 * filter callback (the callback alone made the walk ~5x slower in Chromium); skipped subtrees are
 * jumped over by hand.
 */
class IndexWalk {
  private readonly parts: string[] = [];
  private readonly nodes: Text[] = [];
  private readonly starts: number[] = [];
  private length = 0;
  private readonly walker: TreeWalker;
  private current: Node | null;

  constructor(
    private readonly root: Node,
    private readonly options: TextIndexOptions,
  ) {
    const doc = root.nodeType === 9 ? (root as Document) : root.ownerDocument!;
    this.walker = doc.createTreeWalker(root, SHOW_ELEMENT | SHOW_TEXT);
    this.current = this.walker.nextNode();
  }

  /** Visits up to `max` nodes; true when the whole tree is done. */
  step(max: number): boolean {
    const { walker, options } = this;
    let n = this.current;
    for (let count = 0; n && count < max; count++) {
      if (n.nodeType === TEXT_NODE) {
        const data = (n as Text).data;
        if (data.length) {
          this.nodes.push(n as Text);
          this.starts.push(this.length);
          this.parts.push(data);
          this.length += data.length;
        }
        n = walker.nextNode();
      } else if (isSkipped(n as Element, options.skip)) {
        // Jump past the subtree: next sibling, or the nearest ancestor's next sibling within root.
        let next = walker.nextSibling();
        while (!next && walker.parentNode()) next = walker.nextSibling();
        n = next;
      } else {
        n = walker.nextNode();
      }
    }
    this.current = n;
    return !n;
  }

  finish(): TextIndex {
    return { root: this.root, text: this.parts.join(''), nodes: this.nodes, starts: this.starts };
  }
}

/**
 * Indexes the readable text under `root` in one linear pass. Cheap enough for ordinary pages; use
 * the chunked variant for very large ones (measured by `scripts/bench-anchor.ts`).
 */
export function buildTextIndex(root: Node, options: TextIndexOptions = {}): TextIndex {
  const walk = new IndexWalk(root, options);
  walk.step(Number.POSITIVE_INFINITY);
  return walk.finish();
}

/**
 * Same result as `buildTextIndex`, but yields to the main thread every `budgetMs`, so indexing a
 * huge page never becomes one long task. The DOM may change between chunks: callers that watch
 * mutations should abort (signal) and rebuild rather than trust a stale index.
 */
export async function buildTextIndexChunked(
  root: Node,
  options: ChunkedTextIndexOptions = {},
): Promise<TextIndex> {
  const budget = options.budgetMs ?? 8;
  const yieldToMain = options.yieldToMain ?? (() => new Promise<void>((resolve) => setTimeout(resolve, 0)));
  const walk = new IndexWalk(root, options);
  let deadline = performance.now() + budget;
  // The clock is read every 32 nodes: cheap, and fine-grained even where DOM access is slow.
  while (!walk.step(32)) {
    if (performance.now() > deadline) {
      await yieldToMain();
      options.signal?.throwIfAborted();
      deadline = performance.now() + budget;
    }
  }
  return walk.finish();
}

/** Index of the first node whose text reaches past `offset` (binary search over `starts`). */
function nodeContaining(index: TextIndex, offset: number, preferEnd: boolean): number {
  const { starts, nodes } = index;
  let lo = 0;
  let hi = nodes.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const end = starts[mid] + nodes[mid].data.length;
    if (preferEnd ? end >= offset : end > offset) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * A DOM Range over `index.text.slice(start, end)`, for highlighting and scrolling to an anchored
 * annotation; null when the offsets are outside the text or the index is empty.
 */
export function rangeFromOffsets(index: TextIndex, start: number, end: number): Range | null {
  if (!index.nodes.length || start < 0 || end > index.text.length || start > end) return null;
  const si = nodeContaining(index, start, false);
  const ei = start === end ? si : nodeContaining(index, end, true);
  const doc = index.nodes[si].ownerDocument!;
  const range = doc.createRange();
  range.setStart(index.nodes[si], Math.min(start - index.starts[si], index.nodes[si].data.length));
  range.setEnd(index.nodes[ei], Math.max(0, end - index.starts[ei]));
  return range;
}

/** node -> position in `index.nodes`, built on first use (a selection), not on every index build. */
const nodeMaps = new WeakMap<TextIndex, Map<Text, number>>();

function nodeMap(index: TextIndex): Map<Text, number> {
  let map = nodeMaps.get(index);
  if (!map) {
    map = new Map();
    for (let i = 0; i < index.nodes.length; i++) map.set(index.nodes[i], i);
    nodeMaps.set(index, map);
  }
  return map;
}

/**
 * Text offset of a DOM boundary point. Points inside indexed text nodes map directly; points in
 * elements or skipped nodes map to the start of the next indexed text node, found by walking
 * forward from the point (a short walk: at most across a skipped script or form field). No
 * compareDocumentPosition: it is O(siblings) in browsers and slow on flat pages.
 */
function boundaryOffset(index: TextIndex, container: Node, offset: number): number {
  const map = nodeMap(index);
  if (container.nodeType === TEXT_NODE) {
    const i = map.get(container as Text);
    if (i !== undefined) return index.starts[i] + Math.min(offset, (container as Text).data.length);
  }
  const doc = container.nodeType === 9 ? (container as Document) : container.ownerDocument!;
  const walker = doc.createTreeWalker(doc, SHOW_ELEMENT | SHOW_TEXT);
  // The first node at or after the point, in document order.
  let start: Node | null = container.nodeType === TEXT_NODE ? container : container.childNodes[offset];
  if (!start) {
    walker.currentNode = container;
    start = walker.nextSibling();
    while (!start && walker.parentNode()) start = walker.nextSibling();
  }
  if (!start) return index.text.length;
  walker.currentNode = start;
  for (let n: Node | null = start; n; n = walker.nextNode()) {
    if (n.nodeType !== TEXT_NODE) continue;
    const i = map.get(n as Text);
    if (i !== undefined) return index.starts[i];
    if (!index.root.contains(n) && (index.root.compareDocumentPosition(n) & POSITION_FOLLOWING) !== 0) break;
  }
  return index.text.length;
}

/**
 * Text offsets of a DOM Range (typically the user's selection); null when it covers no indexed
 * text. This is how a selection becomes selectors: `describe(index.text, start, end)`.
 */
export function offsetsFromRange(
  index: TextIndex,
  range: AbstractRange,
): { start: number; end: number } | null {
  const start = boundaryOffset(index, range.startContainer, range.startOffset);
  const end = boundaryOffset(index, range.endContainer, range.endOffset);
  return end > start ? { start, end } : null;
}

/** Selectors for a DOM Range, or null when the range holds no page text (e.g. only a form field). */
export function describeRange(index: TextIndex, range: AbstractRange): AnchorSelectors | null {
  const offsets = offsetsFromRange(index, range);
  return offsets ? describe(index.text, offsets.start, offsets.end) : null;
}

/** Re-anchors selectors in an indexed page: the text match plus the DOM Range to highlight, or null (orphan). */
export function anchorRange(
  index: TextIndex,
  selectors: Pick<AnchorSelectors, 'quote' | 'position'>,
): (AnchorResult & { range: Range }) | null {
  const found = anchor(index.text, selectors);
  if (!found) return null;
  const range = rangeFromOffsets(index, found.start, found.end);
  return range ? { ...found, range } : null;
}
