/**
 * The on-demand part of the claim annotator, in ClaimLens' closed shadow root: the status marks
 * (status-marks.ts), the tooltip (opened on hover or keyboard focus, placed by the claim, closed when
 * the pointer or focus leaves both claim and tooltip) and the keyboard proxies, one focusable button
 * per claim whose name opens with its status. It lives in the module the content script loads when a
 * claim has a status or on the first hover or Tab (with the tooltip's Preact renderer): a reader of a
 * page whose claims no other outlet mentions, who only reads, never has it compiled. The annotator
 * (annotator.ts) keeps what every page needs (painting and hit-testing) and hands over through
 * `ClaimUiHost`.
 */

import { adoptCss } from '../highlight/adopt-css.ts';
import type { ClaimView } from '../protocol/views.ts';
import type { ClaimActions } from '../ui/ClaimTooltip.tsx';
import inPageCss from '../ui/in-page.css?inline';
import { claimLabel } from '../ui/status-format.ts';
import tokensCss from '../ui/tokens.css?inline';
import { StatusMarks } from './status-marks.ts';
import type { ClaimUi, ClaimUiHost, Painted } from './surface.ts';
import { renderTooltip } from './tooltip-view.tsx';

const TOOLTIP_ID = 'claimlens-tooltip';
const HIDE_DELAY_MS = 250;
/** How long the pointer rests on a claim before its tooltip opens. */
const HOVER_INTENT_MS = 200;
/** Longest stretch of proxy building before the page gets its main thread back. */
const PROXY_SLICE_MS = 4;

/** The tooltip and the proxies, in ClaimLens' shadow root. */
interface Shell {
  tooltipWrap: HTMLElement;
  proxies: HTMLElement;
  proxyTemplate: HTMLElement;
}

/** The claim UI of one annotator; see `ClaimUi` for what the annotator calls. */
export function createClaimUi(host: ClaimUiHost): ClaimUi {
  return new ClaimUiImpl(host);
}

class ClaimUiImpl implements ClaimUi {
  private ui: Shell | null = null;
  private current: Painted | null = null;
  /**
   * Whether the open tooltip belongs to keyboard focus. The pointer leaving a claim does not close it:
   * after the focused claim scrolls into view, browsers report a move of the resting pointer.
   */
  private focusOwned = false;
  private hideTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly actions: ClaimActions | undefined;
  private readonly proxyByClaim = new Map<string, HTMLElement>();
  /** Bumped by every render; a slice of an older render stops. */
  private proxyRender = 0;
  /** Whether the reader has used the keyboard on this page, so the claims need their proxies. */
  private proxiesWanted = false;
  /**
   * Whether the pointer is over the open tooltip. The annotator reports every move that is not over a
   * claim as leaving; moves over the tooltip must not close it under the pointer.
   */
  private pointerInTooltip = false;
  /** The claim the pointer rests on, whose tooltip opens when the timer runs out. */
  private intent: {
    p: Painted;
    point: { x: number; y: number };
    timer: ReturnType<typeof setTimeout>;
  } | null = null;
  private readonly marks: StatusMarks;

  constructor(private readonly host: ClaimUiHost) {
    // The shadow root's style sheets come with this module: the marks, the proxies and the tooltip's frame.
    adoptCss(host.shadow, `${tokensCss}\n${inPageCss}`);
    this.marks = new StatusMarks(host, host.shadow);
    this.actions = host.onAction && {
      tag: (claim) => this.act('tag', claim),
      pin: (claim) => this.act('pin', claim),
      dismiss: (claim) => this.act('dismiss', claim),
    };
  }

  hover(p: Painted, x: number, y: number): void {
    // A claim's words under the open tooltip are not what the reader points at.
    if (this.pointerInTooltip) return;
    if (p === this.current) {
      this.cancelIntent();
      this.cancelHide();
      return;
    }
    // Another claim: its tooltip opens once the pointer rests on it, so a pointer passing over claims
    // on its way to one does not open theirs over the one it is heading for. An open tooltip stays
    // until then (or until its hide delay runs out).
    if (this.intent?.p !== p) {
      this.cancelIntent();
      const timer = setTimeout(() => {
        const at = this.intent;
        this.intent = null;
        if (at && !this.pointerInTooltip) this.open(at.p, false, at.point);
      }, HOVER_INTENT_MS);
      this.intent = { p, point: { x, y }, timer };
    } else this.intent.point = { x, y };
  }

  leave(): void {
    this.cancelIntent();
    if (this.pointerInTooltip || this.focusOwned) return;
    if (this.current && this.ui && !this.ui.tooltipWrap.hidden) this.scheduleHide();
  }

  /**
   * The first Tab on the page: from now on every painted claim gets its proxy. A reader who only points
   * and scrolls never needs them, and a page with many claims would spend as much building them as
   * painting its highlights. Our element sits last in the document, so the page's own focusable
   * elements come first in the tab order and the proxies are built long before focus reaches them.
   */
  keyboardInUse(): void {
    if (this.proxiesWanted) return;
    this.proxiesWanted = true;
    const { proxies } = this.shell();
    // A group of buttons, each named by its text (status first): a button is what a screen reader
    // announces as something to act on, and its name comes from its content in every engine.
    proxies.setAttribute('role', 'group');
    proxies.setAttribute('aria-label', 'ClaimLens claims on this page, in page order');
    this.renderProxies(true);
  }

  repainted(): void {
    this.marks.draw();
    if (this.proxiesWanted) this.renderProxies();
    if (!this.current) return;
    const id = this.current.claim.id;
    const again = this.host.painted.find((p) => p.claim.id === id);
    if (!again) {
      this.hide();
      return;
    }
    const owned = this.focusOwned;
    this.open(again, false);
    this.focusOwned = owned;
  }

  visibilityChanged(): void {
    this.hide();
    this.marks.visibilityChanged();
    if (this.ui) this.ui.proxies.hidden = !this.host.isVisible;
  }

  reposition(): void {
    if (this.current) this.place(this.current);
  }

  hide(): void {
    this.cancelIntent();
    this.close();
  }

  /** Closes the open tooltip; a claim the pointer has come to rest on still gets its own. */
  private close(): void {
    this.cancelHide();
    // A hidden tooltip gets no pointerleave: the flags go with it.
    this.pointerInTooltip = false;
    this.focusOwned = false;
    if (!this.current) return;
    this.current = null;
    if (this.ui) {
      this.ui.tooltipWrap.hidden = true;
      renderTooltip(this.ui.tooltipWrap, null);
    }
    this.host.painter.set('focus', []);
  }

  destroy(): void {
    this.hide();
    this.marks.destroy();
    this.ui?.tooltipWrap.remove();
    this.ui?.proxies.remove();
    this.ui = null;
  }

  /**
   * The tooltip's frame and the proxies' list, created the first time one of them must be shown, with
   * their delegated listeners.
   */
  private shell(): Shell {
    if (this.ui) return this.ui;
    const { doc, shadow } = this.host;
    const tooltipWrap = doc.createElement('div');
    tooltipWrap.className = 'cl-tooltip-wrap cl-root';
    tooltipWrap.hidden = true;
    const proxies = doc.createElement('div');
    proxies.className = 'cl-proxies cl-root';
    proxies.hidden = !this.host.isVisible;
    const proxyTemplate = doc.createElement('button');
    proxyTemplate.type = 'button';
    proxyTemplate.className = 'cl-proxy';
    proxyTemplate.setAttribute('aria-describedby', TOOLTIP_ID);
    shadow.append(proxies, tooltipWrap);
    this.ui = { tooltipWrap, proxies, proxyTemplate };

    const listen = this.host.listen.bind(this.host);
    listen(tooltipWrap, 'keydown', ((e: KeyboardEvent) => {
      if (e.key !== 'Escape' || !this.current) return;
      e.stopPropagation();
      this.proxyByClaim.get(this.current.claim.id)?.focus();
    }) as EventListener);
    // The proxies' events, delegated: focus opens the claim's tooltip; Enter or Down moves into it (its
    // links and actions), and Escape there comes back; leaving both closes it.
    listen(proxies, 'focusin', ((e: FocusEvent) => {
      const p = this.proxyClaim(e.target);
      if (p) this.open(p, true);
    }) as EventListener);
    listen(proxies, 'focusout', ((e: FocusEvent) => this.onFocusOut(e)) as EventListener);
    listen(proxies, 'keydown', ((e: KeyboardEvent) => {
      if ((e.key !== 'Enter' && e.key !== 'ArrowDown') || !this.proxyClaim(e.target)) return;
      e.preventDefault();
      tooltipWrap.querySelector<HTMLElement>('a, button')?.focus();
    }) as EventListener);
    listen(tooltipWrap, 'pointerenter', () => {
      this.pointerInTooltip = true;
      this.cancelHide();
    });
    listen(tooltipWrap, 'pointerleave', () => {
      this.pointerInTooltip = false;
      this.scheduleHide();
    });
    listen(tooltipWrap, 'focusout', ((e: FocusEvent) => this.onFocusOut(e)) as EventListener);
    return this.ui;
  }

  /**
   * One focusable proxy per claim, for keyboard users. Built in slices of a few milliseconds: a page
   * with hundreds of claims would otherwise spend a long task creating buttons nobody has focused yet.
   * `now` builds them all at once: the reader is moving through the page by keyboard. A reader whose
   * focus is on a proxy when the claims are repainted (a verdict arrived) keeps it on the same claim:
   * a removed button would drop focus back to the top of the page.
   */
  private renderProxies(now = false): void {
    const { proxies, proxyTemplate } = this.shell();
    const active = this.host.shadow.activeElement;
    // By the map of the buttons made last time: the painted list, which their indexes point into, is new.
    let focusedId: string | undefined;
    if (active && proxies.contains(active))
      for (const [id, button] of this.proxyByClaim) if (button === active) focusedId = id;
    if (focusedId) now = true;
    proxies.textContent = '';
    this.proxyByClaim.clear();
    const render = ++this.proxyRender;
    const painted = this.host.painted;
    let i = 0;
    const slice = () => {
      if (render !== this.proxyRender) return;
      const end = Date.now() + PROXY_SLICE_MS;
      const batch = this.host.doc.createDocumentFragment();
      for (; i < painted.length && (now || i % 16 !== 0 || Date.now() < end); i++) {
        batch.append(this.proxyFor(proxyTemplate, painted[i], i));
      }
      proxies.append(batch);
      if (i < painted.length) setTimeout(slice, 0);
    };
    slice();
    if (focusedId) this.proxyByClaim.get(focusedId)?.focus();
  }

  /**
   * One proxy button. Its focus, blur and key handling are delegated to the container (see `shell`),
   * and its fixed attributes come from a cloned template: a page with 200 claims would otherwise make
   * 2,000 DOM calls here.
   */
  private proxyFor(template: HTMLElement, p: Painted, i: number): HTMLElement {
    const button = template.cloneNode(false) as HTMLElement;
    // An attribute, not `dataset`: each element's dataset is one more object to create.
    button.setAttribute('data-claim-index', String(i));
    button.textContent = claimLabel(p.claim);
    this.proxyByClaim.set(p.claim.id, button);
    return button;
  }

  /** The painted claim a proxy button stands for. */
  private proxyClaim(target: EventTarget | null): Painted | undefined {
    const index = (target as Element | null)?.getAttribute?.('data-claim-index');
    return index == null ? undefined : this.host.painted[Number(index)];
  }

  private onFocusOut(e: FocusEvent): void {
    const next = e.relatedTarget as Node | null;
    const ui = this.ui;
    if (next && ui && (ui.tooltipWrap.contains(next) || ui.proxies.contains(next))) return;
    this.hide();
  }

  private open(p: Painted, fromKeyboard: boolean, pointer?: { x: number; y: number }): void {
    const { tooltipWrap } = this.shell();
    this.current = p;
    this.focusOwned = fromKeyboard;
    this.cancelHide();
    this.cancelIntent();
    if (fromKeyboard) {
      this.host.painter.set('focus', [p.range.range]);
      const el = p.range.range.startContainer.parentElement;
      el?.scrollIntoView({ block: 'center', inline: 'nearest' });
    }
    renderTooltip(tooltipWrap, { claim: p.claim, id: TOOLTIP_ID, actions: this.actions });
    tooltipWrap.hidden = false;
    this.place(p, pointer);
  }

  /**
   * Places the tooltip below the claim's line nearest to the pointer, or above when only there it fits
   * whole; when it fits on neither side it goes where there is more room, with its height capped to
   * that room (its list scrolls): a tooltip reaching past the window's edge could not be reached.
   */
  private place(p: Painted, pointer?: { x: number; y: number }): void {
    const rects = [...p.range.range.getClientRects()];
    if (!this.ui || !rects.length) return;
    const { tooltipWrap } = this.ui;
    let anchor = rects[rects.length - 1];
    if (pointer) anchor = rects.find((r) => pointer.y >= r.top - 1 && pointer.y <= r.bottom + 1) ?? anchor;
    const win = this.host.doc.defaultView as Window;
    tooltipWrap.style.removeProperty('--cl-tooltip-room');
    const box = tooltipWrap.getBoundingClientRect();
    const width = box.width || 360;
    const height = box.height || 200;
    const left = Math.max(8, Math.min((pointer?.x ?? anchor.left) - 24, win.innerWidth - width - 8));
    const below = anchor.bottom + 6;
    const roomBelow = win.innerHeight - 8 - below;
    const roomAbove = anchor.top - 6 - 8;
    let top = below;
    if (height > roomBelow) {
      if (height <= roomAbove) top = anchor.top - 6 - height;
      else if (roomAbove > roomBelow) {
        top = 8;
        tooltipWrap.style.setProperty('--cl-tooltip-room', `${roomAbove}px`);
      } else tooltipWrap.style.setProperty('--cl-tooltip-room', `${Math.max(roomBelow, 80)}px`);
    }
    tooltipWrap.style.left = `${left}px`;
    tooltipWrap.style.top = `${Math.max(8, top)}px`;
  }

  private act(action: keyof ClaimActions, claim: ClaimView): void {
    const painted = this.host.painted.find((p) => p.claim.id === claim.id);
    this.hide();
    if (painted) this.host.onAction?.(action, claim, painted.range.range);
  }

  private scheduleHide(): void {
    if (this.hideTimer) return;
    this.hideTimer = setTimeout(() => this.close(), HIDE_DELAY_MS);
  }

  private cancelIntent(): void {
    if (this.intent) clearTimeout(this.intent.timer);
    this.intent = null;
  }

  private cancelHide(): void {
    clearTimeout(this.hideTimer);
    this.hideTimer = undefined;
  }
}
