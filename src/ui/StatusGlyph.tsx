import { GLYPHS, glyphPartClass, type StatusKind } from './status-glyphs.ts';

/**
 * The glyph of a status kind, as the page's status marks draw it (see status-glyphs.ts). Decorative:
 * the words beside it carry the meaning, so it is hidden from assistive technology. "No coverage"
 * shows a swatch of the plain claim highlight, which is how the page shows it.
 */
export function StatusGlyph({ kind }: { kind: StatusKind }) {
  if (kind === 'none')
    return (
      <span class="cl-glyph cl-glyph-none" aria-hidden="true">
        Aa
      </span>
    );
  return (
    <svg class={`cl-glyph cl-glyph-${kind}`} viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      {GLYPHS[kind].map((part, i) =>
        part.tag === 'circle' ? (
          <circle key={i} class={glyphPartClass(part)} {...part.attrs} />
        ) : (
          <path key={i} class={glyphPartClass(part)} {...part.attrs} />
        ),
      )}
    </svg>
  );
}
