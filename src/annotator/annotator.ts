/**
 * The in-page side of ClaimLens, in the spirit of Hypothesis' annotator: paints claim highlights,
 * finds the claim under the pointer or keyboard focus, and shows the tooltip in a closed shadow root.
 * It never changes the page's own nodes, never throws into the page (callers wrap it), and does its
 * work in short slices. The tooltip's rendering (Preact) comes in through `loadTooltip` on first use:
 * painting a page's claims needs none of it.
 */
import type { DomArticle } from '../extract/index.ts';
import { adoptCss } from '../highlight/adopt-css.ts';
import { createPainter, type Painter } from '../highlight/painter.ts';
import type { ArticleView, ClaimView } from '../protocol/views.ts';
import type { ClaimActions } from '../ui/ClaimTooltip.tsx';
import inPageCss from '../ui/in-page.css?inline';
import { claimLabel } from '../ui/status-format.ts';
import tokensCss from '../ui/tokens.css?inline';
import { type ClaimRange, rangeForOffsets } from './ranges.ts';
import { attachShadowHost, type ShadowHost } from './shadow-host.ts';
import type { TooltipRenderer } from './tooltip-view.tsx';

const TOOLTIP_ID = 'claimlens-tooltip';
const HIDE_DELAY_MS = 250;
/** Longest stretch of proxy building before the page gets its main thread back. */
const PROXY_SLICE_MS = 4;

/** Called when the researcher acts on a claim from its tooltip; the range is the claim's words in the page. */
export type ClaimActionHandler = (action: keyof ClaimActions, claim: ClaimView, range: Range) => void;

interface Painted {
  claim: ClaimView;
  range: ClaimRange;
}

/** ClaimLens' own corner of the page, with the proxies and the tooltip. */
interface Shell extends ShadowHost {
  tooltipWrap: HTMLElement;
  proxies: HTMLElement;
  proxyTemplate: HTMLElement;
}

export class Annotator {
  /** Built on first need (see `shell`): painting with the Highlight API needs none of it. */
  private ui: Shell | null = null;
  private readonly painter: Painter;
  private painted: Painted[] = [];
  private byNode = new Map<Text, Painted[]>();
  private current: Painted | null = null;
  private hideTimer: ReturnType<typeof setTimeout> | undefined;
  private frame = 0;
  private lastPointer: { x: number; y: number } | null = null;
  private readonly listeners: [EventTarget, string, EventListener, AddEventListenerOptions?][] = [];

  private readonly actions: ClaimActions | undefined;
  private visible = true;
  private tooltip: TooltipRenderer | null = null;
  private tooltipLoading: Promise<TooltipRenderer> | null = null;
  /** Whether the colour tokens are adopted yet (see `theme`). */
  private themed = false;

  constructor(
    private readonly doc: Document,
    private article: DomArticle,
    /** Loads the tooltip's renderer (a separate file in the extension); called on the first hover or focus. */
    private readonly loadTooltip: () => Promise<TooltipRenderer>,
    onAction?: ClaimActionHandler,
  ) {
    this.actions = onAction && {
      tag: (claim) => this.act(onAction, 'tag', claim),
      pin: (claim) => this.act(onAction, 'pin', claim),
      dismiss: (claim) => this.act(onAction, 'dismiss', claim),
    };
    this.painter = createPainter(doc, () => this.shell().layer);

    this.listen(doc, 'pointermove', ((e: PointerEvent) => this.onPointerMove(e)) as EventListener, {
      passive: true,
    });
    this.listen(doc, 'keydown', ((e: KeyboardEvent) => e.key === 'Escape' && this.hide()) as EventListener);
    // The reader moves through the page by keyboard: the claims' proxies must be there before the browser
    // moves focus, which it does after this event (captured, so a page that stops it cannot hide it).
    const onTab = ((e: KeyboardEvent) => e.key === 'Tab' && this.keyboardInUse()) as EventListener;
    this.listen(doc, 'keydown', onTab, { capture: true });
    const win = doc.defaultView as Window;
    this.listen(win, 'scroll', () => this.current && this.place(this.current), { passive: true });
    if (!this.painter.native) this.listen(win, 'resize', () => this.painter.relayout(), { passive: true });
  }

  /**
   * The shadow root and what lives in it, created the first time something must be shown in it (a
   * tooltip, the keyboard proxies, the fallback painter's boxes). Highlights are painted by the
   * Highlight API without it, so a reader who only reads costs the page no element of ours.
   */
  private shell(): Shell {
    if (this.ui) return this.ui;
    const doc = this.doc;
    // The colour tokens join the host's sheet when something is first shown (see `theme`), the
    // tooltip's rules with the tooltip.
    const { host, shadow, layer } = attachShadowHost(doc, inPageCss);
    const tooltipWrap = doc.createElement('div');
    tooltipWrap.className = 'cl-tooltip-wrap cl-root';
    tooltipWrap.hidden = true;
    const proxies = doc.createElement('div');
    proxies.className = 'cl-proxies cl-root';
    proxies.hidden = !this.visible;
    const proxyTemplate = doc.createElement('button');
    proxyTemplate.type = 'button';
    proxyTemplate.className = 'cl-proxy';
    proxyTemplate.setAttribute('role', 'listitem');
    proxyTemplate.setAttribute('aria-describedby', TOOLTIP_ID);
    shadow.append(proxies, tooltipWrap);
    this.ui = { host, shadow, layer, tooltipWrap, proxies, proxyTemplate };

    this.listen(tooltipWrap, 'keydown', ((e: KeyboardEvent) => {
      if (e.key !== 'Escape' || !this.current) return;
      e.stopPropagation();
      this.proxyByClaim.get(this.current.claim.id)?.focus();
    }) as EventListener);
    // The proxies' events, delegated: focus opens the claim's tooltip; Enter or Down moves into it (its
    // links and actions), and Escape there comes back; leaving both closes it.
    this.listen(proxies, 'focusin', ((e: FocusEvent) => {
      const p = this.proxyClaim(e.target);
      if (p) this.open(p, true);
    }) as EventListener);
    this.listen(proxies, 'focusout', ((e: FocusEvent) => this.onFocusOut(e)) as EventListener);
    this.listen(proxies, 'keydown', ((e: KeyboardEvent) => {
      if ((e.key !== 'Enter' && e.key !== 'ArrowDown') || !this.proxyClaim(e.target)) return;
      e.preventDefault();
      tooltipWrap.querySelector<HTMLElement>('a, button')?.focus();
    }) as EventListener);
    this.listen(tooltipWrap, 'pointerenter', () => this.cancelHide());
    this.listen(tooltipWrap, 'pointerleave', () => this.scheduleHide());
    this.listen(tooltipWrap, 'focusout', ((e: FocusEvent) => this.onFocusOut(e)) as EventListener);
    return this.ui;
  }

  /** The claims currently painted, in page order (for tests and the demo). */
  get claimCount(): number {
    return this.painted.length;
  }

  /** The article whose claims are painted (their offsets point into its blocks). */
  get paintedArticle(): DomArticle {
    return this.article;
  }

  /** Replaces the article (after a single-page navigation) without rebuilding the shadow root. */
  setArticle(article: DomArticle): void {
    this.article = article;
    this.clear();
  }

  /** Removes every highlight and proxy but keeps the shadow root for the next article. */
  clear(): void {
    this.show({ articleId: '', url: '', outlet: '', title: '', claims: [] });
  }

  /** Paints every claim of the view with the colour of its status and rebuilds the focus proxies. */
  show(view: ArticleView): void {
    const painted: Painted[] = [];
    for (const claim of view.claims) {
      const range = rangeForOffsets(this.doc, this.article.blocks, claim.start, claim.end);
      if (range) painted.push({ claim, range });
    }
    this.painted = painted;
    this.byNode = new Map();
    for (const p of painted) {
      for (const node of p.range.nodes) {
        const list = this.byNode.get(node) ?? [];
        list.push(p);
        this.byNode.set(node, list);
      }
    }
    this.painter.set('claim', this.visible ? painted.map((p) => p.range.range) : []);
    this.painter.set('focus', []);
    if (this.proxiesWanted) this.renderProxies();
    if (this.current) {
      const again = painted.find((p) => p.claim.id === this.current?.claim.id);
      if (again) this.open(again, false);
      else this.hide();
    }
  }

  /** Shows or hides every highlight (the toggle shortcut); hidden claims get no tooltip either. */
  setVisible(visible: boolean): void {
    this.visible = visible;
    this.hide();
    this.painter.set('claim', visible ? this.painted.map((p) => p.range.range) : []);
    if (this.ui) this.ui.proxies.hidden = !visible;
  }

  get isVisible(): boolean {
    return this.visible;
  }

  private act(onAction: ClaimActionHandler, action: keyof ClaimActions, claim: ClaimView): void {
    const painted = this.painted.find((p) => p.claim.id === claim.id);
    this.hide();
    if (painted) onAction(action, claim, painted.range.range);
  }

  /** Removes everything ClaimLens added: highlights, the shadow host and listeners. */
  destroy(): void {
    this.hide();
    this.painter.clear();
    for (const [target, type, fn, options] of this.listeners) target.removeEventListener(type, fn, options);
    this.ui?.host.remove();
    this.ui = null;
  }

  private listen(
    target: EventTarget,
    type: string,
    fn: EventListener,
    options?: AddEventListenerOptions,
  ): void {
    target.addEventListener(type, fn, options);
    this.listeners.push([target, type, fn, options]);
  }

  private readonly proxyByClaim = new Map<string, HTMLElement>();

  /** Bumped by every render; a slice of an older render stops. */
  private proxyRender = 0;
  /** Whether the reader has used the keyboard on this page, so the claims need their proxies. */
  private proxiesWanted = false;

  /**
   * The first Tab on the page: from now on every painted claim gets its proxy. A reader who only points
   * and scrolls never needs them, and a page with many claims would spend as much building them as
   * painting its highlights.
   */
  private keyboardInUse(): void {
    if (this.proxiesWanted) return;
    this.proxiesWanted = true;
    const { proxies } = this.shell();
    proxies.setAttribute('role', 'list');
    proxies.setAttribute('aria-label', 'ClaimLens claims on this page');
    this.renderProxies(true);
  }

  /**
   * One focusable proxy per claim, for keyboard users. Built in slices of a few milliseconds: a page
   * with hundreds of claims would otherwise spend a long task creating buttons nobody has focused yet.
   * `now` builds them all at once, when the reader's Tab is about to move focus to them.
   */
  private renderProxies(now = false): void {
    const { proxies, proxyTemplate } = this.shell();
    proxies.textContent = '';
    this.proxyByClaim.clear();
    const render = ++this.proxyRender;
    const painted = this.painted;
    let i = 0;
    const slice = () => {
      if (render !== this.proxyRender) return;
      const end = Date.now() + PROXY_SLICE_MS;
      const batch = this.doc.createDocumentFragment();
      for (; i < painted.length && (now || i % 16 !== 0 || Date.now() < end); i++) {
        const p = painted[i];
        batch.append(this.proxyFor(proxyTemplate, p, i));
      }
      proxies.append(batch);
      if (i < painted.length) setTimeout(slice, 0);
    };
    slice();
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
    return index == null ? undefined : this.painted[Number(index)];
  }

  private onFocusOut(e: FocusEvent): void {
    const next = e.relatedTarget as Node | null;
    const ui = this.ui;
    if (next && ui && (ui.tooltipWrap.contains(next) || ui.proxies.contains(next))) return;
    this.hide();
  }

  private onPointerMove(e: PointerEvent): void {
    this.lastPointer = { x: e.clientX, y: e.clientY };
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      const point = this.lastPointer;
      if (point) this.hitTest(point.x, point.y);
    });
  }

  /** Finds the claim under the pointer: caret position -> text node -> claims on that node -> rect check. */
  private hitTest(x: number, y: number): void {
    if (!this.painted.length || !this.visible) return;
    const hit = this.claimAt(x, y);
    if (hit) {
      this.cancelHide();
      if (hit !== this.current) this.open(hit, false, { x, y });
    } else if (this.current && this.ui && !this.ui.tooltipWrap.hidden) {
      this.scheduleHide();
    }
  }

  private claimAt(x: number, y: number): Painted | null {
    const doc = this.doc as Document & {
      caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
    };
    let node: Node | null = null;
    if (doc.caretPositionFromPoint) node = doc.caretPositionFromPoint(x, y)?.offsetNode ?? null;
    else node = doc.caretRangeFromPoint?.(x, y)?.startContainer ?? null;
    if (node?.nodeType !== 3) return null;
    const candidates = this.byNode.get(node as Text);
    if (!candidates) return null;
    for (const p of candidates) {
      for (const r of p.range.range.getClientRects()) {
        if (x >= r.left - 1 && x <= r.right + 1 && y >= r.top - 1 && y <= r.bottom + 1) return p;
      }
    }
    return null;
  }

  /** Adopts the colour tokens, before the first proxy or tooltip is shown. */
  private theme(): void {
    if (this.themed) return;
    this.themed = true;
    adoptCss(this.shell().shadow, tokensCss);
  }

  private open(p: Painted, fromKeyboard: boolean, pointer?: { x: number; y: number }): void {
    this.theme();
    this.current = p;
    this.cancelHide();
    if (fromKeyboard) {
      this.painter.set('focus', [p.range.range]);
      const el = p.range.range.startContainer.parentElement;
      el?.scrollIntoView({ block: 'center', inline: 'nearest' });
    }
    const show = (tooltip: TooltipRenderer) => {
      // The pointer may have moved on while the renderer loaded.
      if (this.current !== p) return;
      const { tooltipWrap } = this.shell();
      tooltip(tooltipWrap, { claim: p.claim, id: TOOLTIP_ID, actions: this.actions });
      tooltipWrap.hidden = false;
      this.place(p, pointer);
    };
    if (this.tooltip) {
      show(this.tooltip);
      return;
    }
    this.tooltipLoading ??= this.loadTooltip().then((tooltip) => {
      this.tooltip = tooltip;
      return tooltip;
    });
    this.tooltipLoading.then(show, () => {
      // Try again on the next hover (the extension may have been reloaded meanwhile).
      this.tooltipLoading = null;
    });
  }

  /** Places the tooltip below the claim's line nearest to the pointer, or above when there is no room. */
  private place(p: Painted, pointer?: { x: number; y: number }): void {
    const rects = [...p.range.range.getClientRects()];
    if (!rects.length) return;
    let anchor = rects[rects.length - 1];
    if (pointer) anchor = rects.find((r) => pointer.y >= r.top - 1 && pointer.y <= r.bottom + 1) ?? anchor;
    const win = this.doc.defaultView!;
    const { tooltipWrap } = this.shell();
    const box = tooltipWrap.getBoundingClientRect();
    const width = box.width || 360;
    const height = box.height || 200;
    const left = Math.max(8, Math.min((pointer?.x ?? anchor.left) - 24, win.innerWidth - width - 8));
    const below = anchor.bottom + 6;
    const top =
      below + height > win.innerHeight - 8 && anchor.top - height - 6 > 8 ? anchor.top - height - 6 : below;
    tooltipWrap.style.left = `${left}px`;
    tooltipWrap.style.top = `${Math.max(8, top)}px`;
  }

  private scheduleHide(): void {
    if (this.hideTimer) return;
    this.hideTimer = setTimeout(() => this.hide(), HIDE_DELAY_MS);
  }

  private cancelHide(): void {
    clearTimeout(this.hideTimer);
    this.hideTimer = undefined;
  }

  private hide(): void {
    this.cancelHide();
    if (!this.current) return;
    this.current = null;
    if (this.ui) {
      this.ui.tooltipWrap.hidden = true;
      this.tooltip?.(this.ui.tooltipWrap, null);
    }
    this.painter.set('focus', []);
  }
}
