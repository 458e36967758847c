import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { setHighlightColours } from './custom-colours.ts';
import { createPainter, overlayPainter } from './overlay-painter.ts';

/** A page whose ranges report one client rect each (happy-dom does no layout). */
function page() {
  const window = new Window({ url: 'https://news.example/a' });
  window.document.write('<body><p>About 11,000 troops were ready by Nov. 1, officials said.</p></body>');
  const doc = window.document as unknown as Document;
  // The painter's shadow root is closed to the page; the test keeps a handle on it as it is made.
  const attach = window.HTMLElement.prototype.attachShadow;
  window.HTMLElement.prototype.attachShadow = function (this: HTMLElement, init: ShadowRootInit) {
    const root = attach.call(this, init);
    shadows.set(this, root as unknown as ShadowRoot);
    return root;
  } as typeof attach;
  const text = doc.querySelector('p')?.firstChild as Text;
  const range = doc.createRange();
  range.setStart(text, 6);
  range.setEnd(text, 12);
  range.getClientRects = () => [{ left: 10, top: 20, width: 30, height: 12 }] as unknown as DOMRectList;
  return { doc, range };
}

const shadows = new WeakMap<Element, ShadowRoot>();

/** The boxes the painter drew in its shadow root. */
function boxes(doc: Document): HTMLElement[] {
  const hosts = doc.querySelectorAll('claimlens-root');
  return [...hosts].flatMap((host) => [
    ...(shadows.get(host)?.querySelectorAll<HTMLElement>('.cl-layer > div') ?? []),
  ]);
}

describe('overlay painter (browsers without the Highlight API)', () => {
  it('adds nothing to the page until it has something to paint', () => {
    const { doc } = page();
    const painter = overlayPainter(doc);
    painter.set('claim', []);
    expect(doc.querySelectorAll('claimlens-root')).toHaveLength(0);
    expect(painter.native).toBe(false);
  });

  it('draws a box per client rect in the default colour, and removes its element on clear', () => {
    const { doc, range } = page();
    const painter = overlayPainter(doc);
    painter.set('claim', [range]);
    expect(doc.querySelectorAll('claimlens-root')).toHaveLength(1);
    const [box] = boxes(doc);
    expect(box.style.left).toBe('10px');
    expect(box.style.width).toBe('30px');
    expect(box.style.background).toContain('rgba(255, 214, 10, 0.38)');
    painter.clear();
    expect(doc.querySelectorAll('claimlens-root')).toHaveLength(0);
  });

  it("paints in the reader's colours once they are set", () => {
    const { doc, range } = page();
    setHighlightColours(doc, { claim: '#ff0000', annotation: '#40c4ff' });
    const painter = overlayPainter(doc);
    painter.set('claim', [range]);
    expect(boxes(doc)[0].style.background).toContain('rgba(255, 0, 0, 0.38)');
  });

  it('is what createPainter picks where the window has no CSS.highlights', () => {
    const { doc } = page();
    expect(createPainter(doc).native).toBe(false);
  });
});
