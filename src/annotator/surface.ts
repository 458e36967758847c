/**
 * What the claim annotator (annotator.ts, in the script every page runs) and its on-demand part
 * (claim-ui.ts: status marks, tooltip and keyboard proxies, in the module loaded when a claim has a
 * status, or on the first hover or Tab) share.
 * Types only: both bundles import it, and a module with code would be compiled into both.
 */
import type { Painter } from '../highlight/painter.ts';
import type { ClaimView } from '../protocol/views.ts';
import type { ClaimActions } from '../ui/ClaimTooltip.tsx';
import type { ClaimRange } from './ranges.ts';

/** A claim painted in the page. */
export interface Painted {
  claim: ClaimView;
  range: ClaimRange;
}

/** Called when the researcher acts on a claim from its tooltip; the range is the claim's words in the page. */
export type ClaimActionHandler = (action: keyof ClaimActions, claim: ClaimView, range: Range) => void;

/** What the claim UI needs of the annotator that painted the claims. */
export interface ClaimUiHost {
  readonly doc: Document;
  readonly painter: Painter;
  /**
   * ClaimLens' closed shadow root in the page, made with the first painted claim (never later, so its
   * coming tells the page nothing it could not read from the highlights).
   */
  readonly shadow: ShadowRoot;
  /** The claims painted now, in page order. */
  readonly painted: readonly Painted[];
  /** False while the reader has hidden the highlights (the toggle shortcut). */
  readonly isVisible: boolean;
  readonly onAction?: ClaimActionHandler;
  /** Adds a listener that goes when the annotator is destroyed. */
  listen(target: EventTarget, type: string, fn: EventListener, options?: AddEventListenerOptions): void;
}

/** The status marks, the tooltip and the keyboard proxies, as the annotator drives them (see claim-ui.ts). */
export interface ClaimUi {
  /** The pointer rests on a claim's words at (x, y). */
  hover(p: Painted, x: number, y: number): void;
  /** The pointer left every claim. */
  leave(): void;
  /** The reader pressed Tab: every painted claim gets a focusable proxy from now on. */
  keyboardInUse(): void;
  /**
   * The claims were painted again: the status marks and the proxies follow, and the open tooltip
   * follows its claim or closes.
   */
  repainted(): void;
  /** The highlights were shown or hidden. */
  visibilityChanged(): void;
  /** The page scrolled. */
  reposition(): void;
  hide(): void;
  /** Removes ClaimLens' element from the page. */
  destroy(): void;
}

/** Makes the claim UI for an annotator (the on-demand module's export). */
export type ClaimUiFactory = (host: ClaimUiHost) => ClaimUi;
