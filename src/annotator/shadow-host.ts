/**
 * ClaimLens' own element in a page, shared by the claim annotator and the researcher's annotation
 * layer: a `claimlens-root` host at the end of the document with a closed shadow root (page scripts
 * cannot reach in, page CSS cannot restyle it; `in-page.css` styles the host itself), holding the
 * overlay layer where the fallback painter draws. Each caller creates it on first need only.
 */
import { adoptCss } from '../highlight/adopt-css.ts';

export interface ShadowHost {
  host: HTMLElement;
  shadow: ShadowRoot;
  /** Where the fallback painter draws (browsers without the Highlight API). */
  layer: HTMLElement;
}

/** Creates the host in `doc`, its shadow root styled by `css`, and the overlay layer as its first child. */
export function attachShadowHost(doc: Document, css: string): ShadowHost {
  const host = doc.createElement('claimlens-root');
  const shadow = host.attachShadow({ mode: 'closed' });
  adoptCss(shadow, css);
  const layer = doc.createElement('div');
  layer.className = 'cl-layer';
  shadow.append(layer);
  doc.documentElement.append(host);
  return { host, shadow, layer };
}
