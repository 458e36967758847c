/**
 * The tooltip's rendering, apart from the annotator: Preact and the tooltip components are the bulk of
 * the in-page code, and a reader who never hovers a claim should never have them compiled. The content
 * script loads this module on the first hover or keyboard focus.
 */
import { render } from 'preact';
import type { ClaimView } from '../protocol/views.ts';
import { type ClaimActions, ClaimTooltip } from '../ui/ClaimTooltip.tsx';

/** What the tooltip shows; `null` empties it. */
export interface TooltipContent {
  claim: ClaimView;
  id: string;
  actions?: ClaimActions;
}

export type TooltipRenderer = (container: HTMLElement, content: TooltipContent | null) => void;

/** Renders (or, with `null`, unmounts) the claim tooltip into our shadow root's container. */
export const renderTooltip: TooltipRenderer = (container, content) => {
  render(
    content ? <ClaimTooltip claim={content.claim} id={content.id} actions={content.actions} /> : null,
    container,
  );
};
