/**
 * Highlight colours: the stylesheet text that paints the reader's colour choice (src/model/settings.ts
 * holds the defaults). Plain data and strings, so the build writes the default sheet from here
 * (`content/highlights.css`, which the browser injects with the content script).
 */
import { type ColourChoice, DEFAULT_COLOURS } from '../model/settings.ts';

/**
 * Highlight classes. Deliberately no per-status class: the page's own scripts can read the highlight
 * registry, so painting status colours would tell a page what other outlets the reader has read. Status
 * is shown only inside our shadow root (tooltip) and the popup.
 */
export type HighlightClass = 'claim' | 'annotation' | 'focus';

export const HIGHLIGHT_CLASSES: readonly HighlightClass[] = ['claim', 'annotation', 'focus'];

/** `#rrggbb` at the given opacity. */
function translucent(hex: string, alpha: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}

/** Colours of every class, light and dark, for a colour choice (the defaults when there is none). */
export function coloursFor(
  choice: ColourChoice = DEFAULT_COLOURS,
): Record<HighlightClass, { light: string; dark: string }> {
  return {
    claim: { light: translucent(choice.claim, 0.38), dark: translucent(choice.claim, 0.3) },
    /** The researcher's own highlights and tagged claims. */
    annotation: { light: translucent(choice.annotation, 0.35), dark: translucent(choice.annotation, 0.32) },
    focus: { light: 'rgba(9, 105, 218, 0.35)', dark: 'rgba(88, 166, 255, 0.40)' },
  };
}

/** Whether a choice differs from the defaults, which the injected stylesheet already paints. */
export function isCustomChoice(choice: ColourChoice): boolean {
  return (
    choice.claim.toLowerCase() !== DEFAULT_COLOURS.claim ||
    choice.annotation.toLowerCase() !== DEFAULT_COLOURS.annotation
  );
}

/** The Highlight API names ClaimLens registers, one per class. */
export function highlightName(cls: HighlightClass): string {
  return `claimlens-${cls}`;
}

/** Stylesheet text for the Highlight API classes. */
export function highlightCss(choice?: ColourChoice): string {
  const colours = coloursFor(choice);
  const rules = HIGHLIGHT_CLASSES.map(
    (c) => `::highlight(${highlightName(c)}) { background-color: ${colours[c].light}; }`,
  );
  const dark = HIGHLIGHT_CLASSES.map(
    (c) => `::highlight(${highlightName(c)}) { background-color: ${colours[c].dark}; }`,
  );
  return `${rules.join('\n')}\n@media (prefers-color-scheme: dark) {\n${dark.join('\n')}\n}\n`;
}
