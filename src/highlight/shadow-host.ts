/**
 * ClaimLens' own element in a page: a `claimlens-root` host at the end of the document with a closed
 * shadow root (page scripts cannot reach in, page CSS cannot restyle it). The claim annotator makes
 * its host with the first painted claim (the status marks, the tooltip and the keyboard proxies live
 * in it); the researcher's annotation layer and the fallback painter each create theirs on first need.
 */
import { adoptCss } from './adopt-css.ts';

export interface ShadowHost {
  host: HTMLElement;
  shadow: ShadowRoot;
}

/**
 * The host's own box: out of the flow, zero-sized at the document's origin, above the page. Important
 * in the shadow root beats any rule or inline style of the page (the inner context wins), so a page
 * cannot hide, move or size it, and what the host holds never changes anything the page can measure.
 * Kept here, not in a stylesheet file, because the script every page runs makes the host.
 */
export const SHADOW_HOST_CSS = `:host {
  all: initial !important;
  display: block !important;
  position: absolute !important;
  top: 0 !important;
  left: 0 !important;
  width: 0 !important;
  height: 0 !important;
  z-index: 2147483647 !important;
}`;

/** Creates the host at the end of `doc`, its shadow root styled by `SHADOW_HOST_CSS` and `css`. */
export function attachShadowHost(doc: Document, css = ''): ShadowHost {
  const host = doc.createElement('claimlens-root');
  const shadow = host.attachShadow({ mode: 'closed' });
  adoptCss(shadow, css ? `${SHADOW_HOST_CSS}\n${css}` : SHADOW_HOST_CSS);
  doc.documentElement.append(host);
  return { host, shadow };
}
