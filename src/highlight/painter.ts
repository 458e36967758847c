/**
 * Paints claim highlights without touching the page's DOM: the CSS Custom Highlight API where the
 * browser has it (styles through a constructed stylesheet, no element added), otherwise boxes drawn
 * over the text's client rects inside our own shadow root. Either way the page's layout never shifts.
 */
import { adoptCss } from './adopt-css.ts';

/**
 * Highlight classes. Deliberately no per-status class: the page's own scripts can read the highlight
 * registry, so painting status colours would tell a page what other outlets the reader has read. Status
 * is shown only inside our shadow root (tooltip) and the popup.
 */
export type HighlightClass = 'claim' | 'annotation' | 'focus';

export const HIGHLIGHT_CLASSES: readonly HighlightClass[] = ['claim', 'annotation', 'focus'];

/** Colours per class, light and dark. */
export const HIGHLIGHT_COLOURS: Record<HighlightClass, { light: string; dark: string }> = {
  claim: { light: 'rgba(255, 214, 10, 0.38)', dark: 'rgba(255, 214, 10, 0.30)' },
  /** The researcher's own highlights and tagged claims. */
  annotation: { light: 'rgba(64, 196, 255, 0.35)', dark: 'rgba(64, 196, 255, 0.32)' },
  focus: { light: 'rgba(9, 105, 218, 0.35)', dark: 'rgba(88, 166, 255, 0.40)' },
};

const NAME_PREFIX = 'claimlens-';

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

/** The user's colour choices (options page), as #rrggbb. */
export interface ColourChoice {
  claim: string;
  annotation: string;
}

/** `#rrggbb` at the given opacity. */
function translucent(hex: string, alpha: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}

/** Colours of every class, light and dark, with the user's choices applied. */
export function coloursFor(choice?: ColourChoice): Record<HighlightClass, { light: string; dark: string }> {
  if (!choice) return HIGHLIGHT_COLOURS;
  return {
    ...HIGHLIGHT_COLOURS,
    claim: { light: translucent(choice.claim, 0.38), dark: translucent(choice.claim, 0.3) },
    annotation: { light: translucent(choice.annotation, 0.35), dark: translucent(choice.annotation, 0.32) },
  };
}

/** Stylesheet text for the Highlight API classes. */
export function highlightCss(choice?: ColourChoice): string {
  const colours = coloursFor(choice);
  const rules = HIGHLIGHT_CLASSES.map(
    (c) => `::highlight(${NAME_PREFIX}${c}) { background-color: ${colours[c].light}; }`,
  );
  const dark = HIGHLIGHT_CLASSES.map(
    (c) => `::highlight(${NAME_PREFIX}${c}) { background-color: ${colours[c].dark}; }`,
  );
  return `${rules.join('\n')}\n@media (prefers-color-scheme: dark) {\n${dark.join('\n')}\n}`;
}

/** Applies the user's colours to the page's highlight stylesheet (Highlight API painters). */
export function setHighlightColours(doc: Document, choice: ColourChoice): void {
  currentChoice.set(doc, choice);
  styled.get(doc)?.replaceSync(highlightCss(choice));
}

/** Each document's highlight stylesheet (several painters share one) and colour choice. */
const styled = new WeakMap<Document, CSSStyleSheet>();
const currentChoice = new WeakMap<Document, ColourChoice>();

/** A painter using the CSS Custom Highlight API; the stylesheet is adopted, not inserted. */
export function nativePainter(doc: Document): Painter {
  const win = doc.defaultView as Window & typeof globalThis;
  const registry = (win.CSS as unknown as { highlights: HighlightRegistry }).highlights;
  const HighlightCtor = (win as unknown as { Highlight: new (...ranges: Range[]) => unknown }).Highlight;
  if (!styled.has(doc)) styled.set(doc, adoptCss(doc, highlightCss(currentChoice.get(doc))));
  const names = new Set<string>();
  return {
    native: true,
    set(cls, ranges) {
      const name = NAME_PREFIX + cls;
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
