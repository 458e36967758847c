/**
 * The tooltip's rendering, apart from the annotator: Preact and the tooltip components are the bulk of
 * the in-page code, and a reader who never hovers a claim should never have them compiled. The content
 * script loads this module on the first hover or keyboard focus.
 */
import { render } from 'preact';
import { adoptCss } from '../highlight/adopt-css.ts';
import type { ClaimView } from '../protocol/views.ts';
import { type ClaimActions, ClaimTooltip } from '../ui/ClaimTooltip.tsx';
import tooltipCss from '../ui/tooltip.css?inline';

/** What the tooltip shows; `null` empties it. */
export interface TooltipContent {
  claim: ClaimView;
  id: string;
  actions?: ClaimActions;
}

export type TooltipRenderer = (container: HTMLElement, content: TooltipContent | null) => void;

/** Shadow roots that already carry the tooltip's style sheet. */
const styled = new WeakSet<Node>();

/**
 * The tooltip's rules join the shadow root's sheets on its first showing: a page whose reader never
 * hovers a claim never parses them.
 */
function adoptTooltipCss(container: HTMLElement): void {
  const root = container.getRootNode() as ShadowRoot;
  if (styled.has(root) || !('adoptedStyleSheets' in root)) return;
  adoptCss(root, tooltipCss);
  styled.add(root);
}

/** Renders (or, with `null`, unmounts) the claim tooltip into our shadow root's container. */
export const renderTooltip: TooltipRenderer = (container, content) => {
  if (content) adoptTooltipCss(container);
  render(
    content ? <ClaimTooltip claim={content.claim} id={content.id} actions={content.actions} /> : null,
    container,
  );
};
