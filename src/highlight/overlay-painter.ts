/**
 * The fallback for browsers without the CSS Custom Highlight API: translucent boxes at each range's
 * client rects, in a layer of a shadow root of its own that sits over the document and lets every
 * pointer event through. Part of the on-demand module: a browser with the API never compiles it.
 */

import inPageCss from '../ui/in-page.css?inline';
import { coloursFor, type HighlightClass } from './colours.ts';
import { colourChoiceOf } from './custom-colours.ts';
import { nativePainter, type Painter, type PainterFactory, supportsHighlightApi } from './painter.ts';
import { attachShadowHost } from './shadow-host.ts';

/** Boxes for every range of every class, in a layer made on the first paint and removed by `clear`. */
export function overlayPainter(doc: Document): Painter {
  const byClass = new Map<HighlightClass, Range[]>();
  let shell: { host: HTMLElement; layer: HTMLElement } | null = null;
  const draw = () => {
    if (!shell) {
      if (![...byClass.values()].some((ranges) => ranges.length)) return;
      const { host, shadow } = attachShadowHost(doc, inPageCss);
      const layer = doc.createElement('div');
      layer.className = 'cl-layer';
      shadow.append(layer);
      shell = { host, layer };
    }
    const { layer } = shell;
    layer.textContent = '';
    const win = doc.defaultView as Window;
    const dark = win.matchMedia?.('(prefers-color-scheme: dark)').matches;
    const colours = coloursFor(colourChoiceOf(doc));
    for (const [cls, ranges] of byClass) {
      for (const range of ranges) {
        for (const rect of range.getClientRects()) {
          const box = doc.createElement('div');
          box.style.cssText = `position:absolute;pointer-events:none;left:${rect.left + win.scrollX}px;top:${rect.top + win.scrollY}px;width:${rect.width}px;height:${rect.height}px;background:${dark ? colours[cls].dark : colours[cls].light};mix-blend-mode:multiply;`;
          layer.append(box);
        }
      }
    }
  };
  return {
    native: false,
    set(cls, ranges) {
      byClass.set(cls, ranges);
      draw();
    },
    clear() {
      byClass.clear();
      shell?.host.remove();
      shell = null;
    },
    relayout: draw,
  };
}

/** The painter for a document: the Highlight API where the browser has it, else boxes over the page. */
export const createPainter: PainterFactory = (doc) =>
  supportsHighlightApi(doc.defaultView as Window) ? nativePainter(doc) : overlayPainter(doc);
