/**
 * Paints claim highlights without touching the page's DOM, with the CSS Custom Highlight API: no
 * element is added and the page's layout never shifts. The default colours come from the sheet the
 * browser injects with the content script (`content/highlights.css`); a reader's own colours and the
 * fallback for browsers without the API (boxes in our shadow root) are in `custom-colours.ts` and
 * `overlay-painter.ts`, which the content script loads only when a page needs them.
 */
import { type HighlightClass, highlightName } from './colours.ts';

export type { HighlightClass } from './colours.ts';

export interface Painter {
  /** Replaces every highlight of a class. */
  set(cls: HighlightClass, ranges: Range[]): void;
  clear(): void;
  /** Recomputes fallback boxes after layout changes (no-op with the Highlight API). */
  relayout(): void;
  readonly native: boolean;
}

/** Makes the painter for a document (see `createPainter` in overlay-painter.ts for the full choice). */
export type PainterFactory = (doc: Document) => Painter;

interface HighlightRegistry {
  set(name: string, highlight: unknown): void;
  delete(name: string): boolean;
}

/** True when the page's window offers the CSS Custom Highlight API. */
export function supportsHighlightApi(win: Window): boolean {
  const css = (win as unknown as { CSS?: { highlights?: unknown } }).CSS;
  return !!css?.highlights && typeof (win as unknown as { Highlight?: unknown }).Highlight === 'function';
}

/** A painter using the CSS Custom Highlight API (the caller has checked `supportsHighlightApi`). */
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
