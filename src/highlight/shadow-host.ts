/**
 * ClaimLens' own element in a page: a `claimlens-root` host at the end of the document with a closed
 * shadow root (page scripts cannot reach in, page CSS cannot restyle it; `in-page.css` styles the host
 * itself). The claim UI, the researcher's annotation layer and the fallback painter each create theirs
 * on first need only.
 */
import { adoptCss } from './adopt-css.ts';

export interface ShadowHost {
  host: HTMLElement;
  shadow: ShadowRoot;
}

/** Creates the host at the end of `doc`, its shadow root styled by `css`. */
export function attachShadowHost(doc: Document, css: string): ShadowHost {
  const host = doc.createElement('claimlens-root');
  const shadow = host.attachShadow({ mode: 'closed' });
  adoptCss(shadow, css);
  doc.documentElement.append(host);
  return { host, shadow };
}
