/**
 * The in-page side of ClaimLens, in the spirit of Hypothesis' annotator: paints claim highlights and
 * finds the claim under the pointer. The rest lives in a closed shadow root and comes in through
 * `loadUi`: the status marks once some claim has a status, the tooltip and the focusable proxies on
 * the first hover or Tab. Painting a page's claims needs none of it, and every page compiles this
 * file. It never changes the page's own nodes, never throws into the page (callers wrap it), and does
 * its work in short slices.
 */
import type { DomArticle } from '../extract/index.ts';
import type { Painter, PainterFactory } from '../highlight/painter.ts';
import { attachShadowHost, type ShadowHost } from '../highlight/shadow-host.ts';
import type { ArticleView, ClaimView } from '../protocol/views.ts';
import { rangeForOffsets } from './ranges.ts';
import type { ClaimActionHandler, ClaimUi, ClaimUiFactory, ClaimUiHost, Painted } from './surface.ts';

export type { ClaimActionHandler } from './surface.ts';

export class Annotator implements ClaimUiHost {
  readonly painter: Painter;
  /** The claims painted now, in page order (the claim UI reads them). */
  painted: Painted[] = [];
  /** The painted claims by text node, for hit-testing; built on the first pointer move after a paint. */
  private byNode: Map<Text, Painted[]> | null = null;
  private frame = 0;
  private lastPointer: { x: number; y: number } | null = null;
  private readonly listeners: [EventTarget, string, EventListener, AddEventListenerOptions?][] = [];
  private visible = true;
  private ui: ClaimUi | null = null;
  private uiLoading: Promise<ClaimUi> | null = null;
  private destroyed = false;
  private host: ShadowHost | null = null;

  constructor(
    readonly doc: Document,
    private article: DomArticle,
    createPainter: PainterFactory,
    /** Loads the claim UI's module (a separate file in the extension); called on the first hover or Tab. */
    private readonly loadUi: () => Promise<ClaimUiFactory>,
    readonly onAction?: ClaimActionHandler,
  ) {
    this.painter = createPainter(doc);
    // `mousemove`, not `pointermove`: hovering is a mouse's, and a pointer-event listener costs every
    // page more to add (bench/phases.ts measures it). The tooltip's
    // own listeners (scroll, Escape) wait for the tooltip (`withUi`).
    this.listen(doc, 'mousemove', ((e: MouseEvent) => this.onMouseMove(e)) as EventListener, {
      passive: true,
    });
    // The reader moves through the page by keyboard: the claims get their proxies (captured, so a page
    // that stops the event cannot keep them from keyboard users).
    const onTab = ((e: KeyboardEvent) =>
      e.key === 'Tab' && this.withUi((ui) => ui.keyboardInUse())) as EventListener;
    this.listen(doc, 'keydown', onTab, { capture: true });
    if (!this.painter.native)
      this.listen(doc.defaultView as Window, 'resize', () => this.painter.relayout(), { passive: true });
  }

  /**
   * The claim UI, made once its module is there, with the listeners only it needs (none for an
   * annotator already taken down: `destroy` has removed its listeners and would not see these).
   */
  private createUi(create: ClaimUiFactory): ClaimUi {
    const ui = create(this);
    if (this.destroyed) return ui;
    this.listen(
      this.doc,
      'keydown',
      ((e: KeyboardEvent) => e.key === 'Escape' && ui.hide()) as EventListener,
    );
    this.listen(this.doc.defaultView as Window, 'scroll', () => ui.reposition(), { passive: true });
    return ui;
  }

  /**
   * Hands `use` the claim UI, loading its module on first need. Calls made while it loads run in order
   * once it is there; a failed load (the extension was reloaded) is tried again next time.
   */
  private withUi(use: (ui: ClaimUi) => void): void {
    if (this.ui) {
      use(this.ui);
      return;
    }
    this.uiLoading ??= this.loadUi().then((create) => {
      this.ui ??= this.createUi(create);
      return this.ui;
    });
    this.uiLoading.then(
      (ui) => {
        // A hover or Tab from just before the annotator was taken down (ClaimLens switched off here).
        if (!this.destroyed) use(ui);
      },
      () => {
        this.uiLoading = null;
      },
    );
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

  /**
   * ClaimLens' closed shadow root, made with the first painted claim whatever the claims' status:
   * made only when a status arrived, its coming would tell the page that the reader has read other
   * outlets on this story. The page learns only what the highlight registry already shows it.
   */
  get shadow(): ShadowRoot {
    return this.ensureHost().shadow;
  }

  private ensureHost(): ShadowHost {
    this.host ??= attachShadowHost(this.doc);
    return this.host;
  }

  /**
   * Paints every claim of the view; the status marks, the proxies and an open tooltip follow. The
   * on-demand module that draws the marks is loaded only when some claim has a status.
   */
  show(view: ArticleView): void {
    const painted: Painted[] = [];
    for (const claim of view.claims) {
      const range = rangeForOffsets(this.doc, this.article.blocks, claim.start, claim.end);
      if (range) painted.push({ claim, range });
    }
    this.painted = painted;
    this.byNode = null;
    this.painter.set('claim', this.visible ? painted.map((p) => p.range.range) : []);
    this.painter.set('focus', []);
    if (painted.length) this.ensureHost();
    if (this.ui) this.ui.repainted();
    else if (view.claims.some(hasStatus)) this.withUi((ui) => ui.repainted());
  }

  /** Shows or hides every highlight (the toggle shortcut); hidden claims get no tooltip either. */
  setVisible(visible: boolean): void {
    this.visible = visible;
    this.painter.set('claim', visible ? this.painted.map((p) => p.range.range) : []);
    this.ui?.visibilityChanged();
  }

  get isVisible(): boolean {
    return this.visible;
  }

  /** Removes everything ClaimLens added: highlights, the shadow host and listeners. */
  destroy(): void {
    this.destroyed = true;
    this.ui?.destroy();
    this.host?.host.remove();
    this.host = null;
    this.painter.clear();
    for (const [target, type, fn, options] of this.listeners) target.removeEventListener(type, fn, options);
    this.listeners.length = 0;
  }

  /** Adds a listener that `destroy` removes. */
  listen(target: EventTarget, type: string, fn: EventListener, options?: AddEventListenerOptions): void {
    target.addEventListener(type, fn, options);
    this.listeners.push([target, type, fn, options]);
  }

  private onMouseMove(e: MouseEvent): void {
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
    if (hit) this.withUi((ui) => ui.hover(hit, x, y));
    else this.ui?.leave();
  }

  /** Built when the pointer first moves over the page, not with every paint: many pages are only read. */
  private claimsByNode(): Map<Text, Painted[]> {
    if (this.byNode) return this.byNode;
    const byNode = new Map<Text, Painted[]>();
    for (const p of this.painted) {
      for (const node of p.range.nodes) {
        const list = byNode.get(node);
        if (list) list.push(p);
        else byNode.set(node, [p]);
      }
    }
    this.byNode = byNode;
    return byNode;
  }

  private claimAt(x: number, y: number): Painted | null {
    const doc = this.doc as Document & {
      caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
    };
    let node: Node | null = null;
    if (doc.caretPositionFromPoint) node = doc.caretPositionFromPoint(x, y)?.offsetNode ?? null;
    else node = doc.caretRangeFromPoint?.(x, y)?.startContainer ?? null;
    if (node?.nodeType !== 3) return null;
    const candidates = this.claimsByNode().get(node as Text);
    if (!candidates) return null;
    for (const p of candidates) {
      for (const r of p.range.range.getClientRects()) {
        if (x >= r.left - 1 && x <= r.right + 1 && y >= r.top - 1 && y <= r.bottom + 1) return p;
      }
    }
    return null;
  }
}

/** Whether another outlet the reader has read speaks to the claim. */
function hasStatus(claim: ClaimView): boolean {
  const { status } = claim;
  return status.confirms.length + status.disputes.length + status.unclear.length > 0;
}
