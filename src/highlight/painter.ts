/**
 * Paints claim highlights without touching the page's DOM: the CSS Custom Highlight API where the
 * browser has it (styled by the sheet the browser injects with the content script, no element added),
 * otherwise boxes drawn over the text's client rects inside our own shadow root. Either way the page's
 * layout never shifts.
 */
import { adoptCss } from './adopt-css.ts';
import {
  type ColourChoice,
  coloursFor,
  type HighlightClass,
  highlightCss,
  highlightName,
  isCustomChoice,
} from './colours.ts';

export type { ColourChoice, HighlightClass } from './colours.ts';

export interface Painter {
  /** Replaces every highlight of a class. */
  set(cls: HighlightClass, ranges: Range[]): void;
  clear(): void;
  /** Recomputes fallback boxes after layout changes (no-op with the Highlight API). */
  relayout(): void;
  readonly native: boolean;
}

interface HighlightRegistry {
  set(name: string, highlight: unknown): void;
  delete(name: string): boolean;
}

/** True when the page's window offers the CSS Custom Highlight API. */
export function supportsHighlightApi(win: Window): boolean {
  const css = (win as unknown as { CSS?: { highlights?: unknown } }).CSS;
  return !!css?.highlights && typeof (win as unknown as { Highlight?: unknown }).Highlight === 'function';
}

/**
 * Applies the user's colours to the page. The default colours are in the stylesheet the browser injects
 * with the content script (`content/highlights.css`, written by the build from `highlightCss`), which
 * costs the page no script; only a reader who picked other colours gets a constructed sheet on top of
 * it (adopted after the page's own sheets, so it wins), emptied again when they go back to the defaults.
 */
export function setHighlightColours(doc: Document, choice: ColourChoice): void {
  currentChoice.set(doc, choice);
  const custom = isCustomChoice(choice);
  const sheet = styled.get(doc);
  if (sheet) sheet.replaceSync(custom ? highlightCss(choice) : '');
  else if (custom) styled.set(doc, adoptCss(doc, highlightCss(choice)));
}

/** Each document's sheet of custom colours, if the reader has any, and its colour choice. */
const styled = new WeakMap<Document, CSSStyleSheet>();
const currentChoice = new WeakMap<Document, ColourChoice>();

/** A painter using the CSS Custom Highlight API. */
export function nativePainter(doc: Document): Painter {
  const win = doc.defaultView as Window & typeof globalThis;
  const registry = (win.CSS as unknown as { highlights: HighlightRegistry }).highlights;
  const HighlightCtor = (win as unknown as { Highlight: new (...ranges: Range[]) => unknown }).Highlight;
  const names = new Set<string>();
  return {
    native: true,
    set(cls, ranges) {
      const name = highlightName(cls);
      if (!ranges.length) {
        registry.delete(name);
        names.delete(name);
        return;
      }
      const highlight = new HighlightCtor(...ranges) as { priority?: number };
      highlight.priority = cls === 'focus' ? 10 : 1;
      registry.set(name, highlight);
      names.add(name);
    },
    clear() {
      for (const name of names) registry.delete(name);
      names.clear();
    },
    relayout() {},
  };
}

/**
 * Fallback painter: translucent boxes at each range's client rects, absolutely positioned inside a
 * layer of our shadow root that sits over the document and lets every pointer event through.
 */
export function overlayPainter(doc: Document, layer: HTMLElement): Painter {
  const byClass = new Map<HighlightClass, Range[]>();
  const draw = () => {
    layer.textContent = '';
    const win = doc.defaultView!;
    const dark = win.matchMedia?.('(prefers-color-scheme: dark)').matches;
    const colours = coloursFor(currentChoice.get(doc));
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
      draw();
    },
    relayout: draw,
  };
}

/**
 * The painter for a document: the Highlight API where the browser has it, else boxes in `layer` (asked
 * for only then, so a caller need not build an overlay it will not use). The content script hands this
 * one function to every layer it loads, so all painters share this module's stylesheet and colours.
 */
export function createPainter(doc: Document, layer: () => HTMLElement): Painter {
  return supportsHighlightApi(doc.defaultView as Window) ? nativePainter(doc) : overlayPainter(doc, layer());
}

/** How a lazily loaded layer gets its painter without carrying its own copy of this module. */
export type PainterFactory = typeof createPainter;
