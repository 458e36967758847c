/**
 * How a claim's standing with the other outlets is shown at a glance: four kinds, each with a word, a
 * shape and a glyph (never colour alone, for readers who do not tell red from green), drawn the same
 * in the page's status marks, the tooltip and the popup's list and legend. Plain data: the page draws
 * the glyphs with DOM calls, the extension pages with Preact (StatusGlyph.tsx).
 */
import type { ClaimStatus } from '../protocol/views.ts';

/**
 * Disputed (some other outlet disputes it, whatever the others say: what a reader most needs to
 * see), confirmed, cannot confirm (outlets report it without confirming it), or no coverage yet.
 */
export type StatusKind = 'disputed' | 'confirmed' | 'unclear' | 'none';

/** Legend order: what stands out most first. */
export const STATUS_KINDS: readonly StatusKind[] = ['disputed', 'confirmed', 'unclear', 'none'];

export function statusKind(status: ClaimStatus): StatusKind {
  if (status.disputes.length) return 'disputed';
  if (status.confirms.length) return 'confirmed';
  if (status.unclear.length) return 'unclear';
  return 'none';
}

/** The word for each kind, which also opens each claim's accessible name. */
export const STATUS_KIND_LABEL: Record<StatusKind, string> = {
  disputed: 'Disputed',
  confirmed: 'Confirmed',
  unclear: 'Cannot confirm',
  none: 'No coverage',
};

/** The popup's legend: what each kind's mark looks like in the page, and what it means. */
export const STATUS_KIND_LEGEND: Record<StatusKind, { mark: string; meaning: string }> = {
  disputed: { mark: 'red triangle “!”, zigzag underline', meaning: 'another outlet disputes it' },
  confirmed: { mark: 'green disc with a tick, solid underline', meaning: 'other outlets confirm it' },
  unclear: { mark: 'purple ring “?”, dotted underline', meaning: 'outlets report it but cannot confirm it' },
  none: { mark: 'highlight only, no mark', meaning: 'no other outlet you have read mentions it yet' },
};

/**
 * One SVG element of a glyph (viewBox 0 0 16 16). `paint` names the class that colours it: `fill`
 * and `dot` in the kind's colour or the ink over it, `ring` an outline in the kind's colour.
 */
export interface GlyphPart {
  tag: 'path' | 'circle';
  paint: 'fill' | 'ring' | 'ink' | 'dot' | 'line' | 'spot';
  attrs: Record<string, string>;
}

/** The glyph of each kind that has one; "no coverage" is the plain highlight, with no mark. */
export const GLYPHS: Record<Exclude<StatusKind, 'none'>, readonly GlyphPart[]> = {
  // A triangle with "!": the warning shape, unlike the two round ones.
  disputed: [
    { tag: 'path', paint: 'fill', attrs: { d: 'M8 .9 15.4 14.6H.6Z' } },
    { tag: 'path', paint: 'ink', attrs: { d: 'M8 5.6v4.2' } },
    { tag: 'circle', paint: 'dot', attrs: { cx: '8', cy: '12.3', r: '1.1' } },
  ],
  // A filled disc with a tick.
  confirmed: [
    { tag: 'circle', paint: 'fill', attrs: { cx: '8', cy: '8', r: '7.4' } },
    { tag: 'path', paint: 'ink', attrs: { d: 'M4.5 8.3 7 10.8l4.5-5.2' } },
  ],
  // An open ring with "?".
  unclear: [
    { tag: 'circle', paint: 'ring', attrs: { cx: '8', cy: '8', r: '6.8' } },
    { tag: 'path', paint: 'line', attrs: { d: 'M6.1 6.4a1.95 1.95 0 1 1 2.7 1.8c-.55.25-.8.65-.8 1.2v.4' } },
    { tag: 'circle', paint: 'spot', attrs: { cx: '8', cy: '11.7', r: '.95' } },
  ],
};

/** The class of a glyph part (styled in tokens.css). */
export function glyphPartClass(part: GlyphPart): string {
  return `cl-g-${part.paint}`;
}
