/**
 * Status at a glance: for every claim another outlet speaks to, a glyph in the margin beside its first
 * line (a red triangle for disputed, a green disc for confirmed, a purple ring for cannot confirm; see
 * src/ui/status-glyphs.ts) and an underline under its words (zigzag, solid, dotted). A claim no other
 * outlet mentions keeps its plain highlight.
 *
 * The page must not learn any status: the highlights it can read from `CSS.highlights` stay the same
 * for every claim, and the marks are drawn inside ClaimLens' closed shadow root, in a layer that takes
 * no pointer events (so `elementFromPoint` never finds them), runs no animation, and stays within the
 * text it marks (so the document's scrollable size never changes). What a page could still probe is
 * where something is drawn over it (Chromium's IntersectionObserver reports occlusion, and is made to
 * see every visible overlay): so every claim, whatever its status, gets boxes of the same size in the
 * same places, and only what is painted inside them differs, an empty box for a claim with no status.
 *
 * Part of the on-demand module, loaded only when some claim has a status: a page whose claims have
 * none never compiles it.
 */
import { GLYPHS, glyphPartClass, type StatusKind, statusKind } from '../ui/status-glyphs.ts';
import type { ClaimUiHost, Painted } from './surface.ts';

const SVG_NS = 'http://www.w3.org/2000/svg';
/** Space between a margin glyph and the text column. */
const GAP = 6;
/** Every glyph's box (in-page.css); a disputed claim's glyph fills it, the others are drawn smaller. */
const GLYPH_BOX = 20;
/** Longest stretch of layout reading before the page gets its main thread back. */
const SLICE_MS = 4;
/** Quiet time after the page's size last changed before the marks are placed again. */
const RELAYOUT_MS = 120;

/** A claim's geometry, in the layer's coordinates (the document's, wherever the page put its origin). */
interface Measured {
  kind: StatusKind;
  /** One underline per line of text: left, bottom, width. */
  lines: { x: number; y: number; w: number }[];
  /** The first line's vertical middle. */
  middle: number;
  blockLeft: number;
  blockRight: number;
}

export class StatusMarks {
  private layer: HTMLElement | null = null;
  /** Bumped by every draw; a slice of an older draw stops. */
  private render = 0;
  private readonly glyphTemplates = new Map<StatusKind, SVGSVGElement>();
  private observer: ResizeObserver | null = null;
  private readonly seenSizes = new WeakMap<Element, string>();
  private relayoutTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly host: ClaimUiHost,
    /** Where the layer goes: ClaimLens' shadow root, its style sheets adopted. */
    private readonly root: ShadowRoot,
  ) {}

  /**
   * Places the marks of the painted claims anew, reading their layout in slices: once any claim has a
   * status, every claim gets its boxes (see the file comment).
   */
  draw(): void {
    const render = ++this.render;
    const painted = this.host.painted;
    const marked =
      this.host.isVisible && painted.some((p) => statusKind(p.claim.status) !== 'none') ? painted : [];
    if (!marked.length) {
      if (this.layer) this.layer.textContent = '';
      return;
    }
    const layer = this.ensureLayer();
    const measured: Measured[] = [];
    let i = 0;
    const slice = () => {
      if (render !== this.render) return;
      const end = Date.now() + SLICE_MS;
      // Read with the layer's own position, in every slice: the page may scroll between slices.
      const origin = layer.getBoundingClientRect();
      for (; i < marked.length && (i % 8 !== 0 || Date.now() < end); i++) {
        const m = measure(marked[i], origin);
        if (m) measured.push(m);
      }
      if (i < marked.length) setTimeout(slice, 0);
      else this.paint(layer, measured, this.host.doc.documentElement.clientWidth - origin.left);
    };
    slice();
  }

  /** The highlights were shown or hidden: the marks follow. */
  visibilityChanged(): void {
    if (this.host.isVisible) this.draw();
    else {
      this.render++;
      if (this.layer) this.layer.textContent = '';
    }
  }

  destroy(): void {
    this.render++;
    clearTimeout(this.relayoutTimer);
    this.observer?.disconnect();
    this.observer = null;
    this.layer?.remove();
    this.layer = null;
  }

  /** The layer, made on the first mark, with a watch on the page's size (text moves when it changes). */
  private ensureLayer(): HTMLElement {
    if (this.layer) return this.layer;
    const { doc } = this.host;
    const layer = doc.createElement('div');
    layer.className = 'cl-marks';
    layer.setAttribute('aria-hidden', 'true');
    this.root.prepend(layer);
    this.layer = layer;
    const win = doc.defaultView as Window & typeof globalThis;
    if (typeof win.ResizeObserver === 'function') {
      this.observer = new win.ResizeObserver((entries) => this.onResize(entries));
      this.observer.observe(doc.documentElement);
      if (doc.body) this.observer.observe(doc.body);
    }
    return layer;
  }

  /**
   * The page's size changed (a window resize, images or fonts loaded, content added): the claims' text
   * has moved, so the marks are placed again once it settles. The observer's first report of each
   * element only records its size.
   */
  private onResize(entries: ResizeObserverEntry[]): void {
    let changed = false;
    for (const entry of entries) {
      const size = `${entry.contentRect.width}x${entry.contentRect.height}`;
      const before = this.seenSizes.get(entry.target);
      this.seenSizes.set(entry.target, size);
      if (before !== undefined && before !== size) changed = true;
    }
    if (!changed) return;
    clearTimeout(this.relayoutTimer);
    this.relayoutTimer = setTimeout(() => this.draw(), RELAYOUT_MS);
  }

  /**
   * Writes the marks in one go. The glyphs sit in a column left of the leftmost marked block, or right
   * of the rightmost when the text reaches the window's left edge, or over the line's start when there
   * is no margin at all; glyphs whose lines are too close move further out instead of overlapping.
   */
  private paint(layer: HTMLElement, measured: Measured[], rightLimit: number): void {
    const doc = this.host.doc;
    const batch = doc.createDocumentFragment();
    const minLeft = Math.min(...measured.map((m) => m.blockLeft));
    const maxRight = Math.max(...measured.map((m) => m.blockRight));
    const size = GLYPH_BOX;
    const side =
      minLeft - GAP - size >= 2 ? 'left' : maxRight + GAP + size <= rightLimit - 2 ? 'right' : 'inline';
    let lastMiddle = Number.NEGATIVE_INFINITY;
    let shift = 0;
    for (const m of measured) {
      for (const line of m.lines) {
        const el = doc.createElement('div');
        el.className = `cl-mark-line cl-mark-line-${m.kind}`;
        el.style.cssText = `left:${line.x}px;top:${line.y - 2}px;width:${line.w}px`;
        batch.append(el);
      }
      shift = Math.abs(m.middle - lastMiddle) < size ? shift + size + 2 : 0;
      lastMiddle = m.middle;
      let x: number;
      if (side === 'left') x = Math.max(0, minLeft - GAP - size - shift);
      else if (side === 'right') x = Math.min(rightLimit - size, maxRight + GAP + shift);
      else x = Math.max(0, m.lines[0].x - size / 2 + shift);
      const glyph = this.glyph(m.kind);
      glyph.style.cssText = `left:${x}px;top:${Math.max(0, m.middle - size / 2)}px`;
      batch.append(glyph);
    }
    layer.textContent = '';
    layer.append(batch);
  }

  /**
   * A copy of the kind's glyph (built once per kind, then cloned), in a box of the same size for every
   * kind: a disputed claim's triangle fills it, the other glyphs leave a margin, "no coverage" is empty.
   */
  private glyph(kind: StatusKind): SVGSVGElement {
    let template = this.glyphTemplates.get(kind);
    if (!template) {
      const doc = this.host.doc;
      template = doc.createElementNS(SVG_NS, 'svg') as SVGSVGElement;
      template.setAttribute('viewBox', kind === 'disputed' ? '0 0 16 16' : '-2 -2 20 20');
      // "No coverage" has no glyph, so not the popup's swatch either: an empty box.
      const kindClass = kind === 'none' ? 'cl-mark-none' : `cl-glyph-${kind}`;
      template.setAttribute('class', `cl-glyph ${kindClass} cl-mark-glyph`);
      for (const part of kind === 'none' ? [] : GLYPHS[kind]) {
        const el = doc.createElementNS(SVG_NS, part.tag);
        el.setAttribute('class', glyphPartClass(part));
        for (const [name, value] of Object.entries(part.attrs)) el.setAttribute(name, value);
        template.append(el);
      }
      this.glyphTemplates.set(kind, template);
    }
    return template.cloneNode(true) as SVGSVGElement;
  }
}

/**
 * A marked claim's lines and its block's edges, relative to the layer. A range's client rects hold one
 * box per line fragment and one per element inside it; the boxes of one line become one underline.
 */
function measure(p: Painted, origin: DOMRect): Measured | null {
  const lines: { x: number; y: number; w: number; top: number; bottom: number }[] = [];
  for (const r of p.range.range.getClientRects()) {
    if (r.width <= 0 || r.height <= 0) continue;
    const same = lines.find(
      (l) => Math.abs(l.bottom - r.bottom) <= 2 || (r.top >= l.top && r.bottom <= l.bottom),
    );
    if (same) {
      const right = Math.max(same.x + same.w, r.right);
      same.x = Math.min(same.x, r.left);
      same.w = right - same.x;
      same.top = Math.min(same.top, r.top);
      same.bottom = Math.max(same.bottom, r.bottom);
    } else lines.push({ x: r.left, y: 0, w: r.width, top: r.top, bottom: r.bottom });
  }
  if (!lines.length) return null;
  const block = p.range.block.getBoundingClientRect();
  const first = lines[0];
  return {
    kind: statusKind(p.claim.status),
    lines: lines.map((l) => ({ x: l.x - origin.left, y: l.bottom - origin.top, w: l.w })),
    middle: (first.top + first.bottom) / 2 - origin.top,
    blockLeft: block.left - origin.left,
    blockRight: block.right - origin.left,
  };
}
