/**
 * W3C Web Annotation selectors as ClaimLens keeps them. The extension works in UTF-16 offsets
 * (what DOM ranges and JavaScript strings use); the W3C model counts Unicode code points, so the
 * code-point equivalents are computed once when an annotation is described (the page text is only
 * available then) and travel with the selectors into the export.
 */

/** The quoted words plus up to 32 characters of context on each side, to tell repeats apart. */
export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

/** Offsets of the quote in the page text. In the extension these are UTF-16 code units. */
export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

/** Everything needed to find an annotation's words again in a page that may have changed. */
export interface AnchorSelectors {
  quote: TextQuoteSelector;
  /** UTF-16 offsets into the page's text index (see `buildTextIndex`). */
  position: TextPositionSelector;
  /** The same offsets counted in Unicode code points, as the W3C model and the export use them. */
  codePoints: { start: number; end: number };
}

/** How an annotation was found again: exact position, exact quote elsewhere, or an approximate quote. */
export type AnchorMethod = 'position' | 'quote' | 'fuzzy';

export interface AnchorResult {
  /** UTF-16 offsets in the text that was searched. */
  start: number;
  end: number;
  method: AnchorMethod;
  /** 0..1 — how well quote and context matched (1 for an exact position hit). */
  score: number;
}

/** Characters of context kept on each side of a quote. */
export const CONTEXT_LENGTH = 32;
