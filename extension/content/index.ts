/**
 * Content script, injected into every http(s) page: decides cheaply whether the page is an article,
 * sends its text blocks to the background, and paints what comes back. Every callback is guarded:
 * nothing ClaimLens does may throw into the page.
 *
 * Cost discipline: extraction runs in slices of a few milliseconds (yielding to the page between
 * them), so no task ClaimLens causes grows with the page. Single-page sites are followed by watching
 * the URL (Navigation API events, or, where there are none, a one-second poll that compares a string)
 * and the article root (a MutationObserver whose callback only arms a timer): the page is re-read at
 * most once per quiet period, never on every mutation.
 */
import type { AnnotationsController } from '../../src/annotator/annotations.tsx';
import { Annotator, type ClaimActionHandler } from '../../src/annotator/annotator.ts';
import { mapClaimBlocks } from '../../src/annotator/ranges.ts';
import { pageUrlOf } from '../../src/article/page-url.ts';
import { type DomArticle, extractDomArticleSliced, runSliced } from '../../src/extract/index.ts';
import { readPageExtras } from '../../src/extract/page-extras.ts';
import { isCustomChoice } from '../../src/highlight/colours.ts';
import { nativePainter, type PainterFactory, supportsHighlightApi } from '../../src/highlight/painter.ts';
import { type ColourChoice, highlightsOn } from '../../src/model/settings.ts';
import type { Response, Settings, WireRequest } from '../../src/protocol/messages.ts';
import { packArticle } from '../../src/protocol/packed-article.ts';
import type { ArticleView } from '../../src/protocol/views.ts';
import { CONTENT_LAZY_FILE } from './files.ts';

/**
 * The extension API without webextension-polyfill: Chromium's MV3 `chrome.runtime` returns promises
 * and Firefox has `browser` natively. Every page compiles the content script on its main thread, so it
 * is one small classic script (no module loader: a dynamic `import()` costs a page several
 * milliseconds) holding only what every article page runs, since each of its functions is compiled on
 * every page. The polyfill stays out, and the tooltip and keyboard proxies, the annotation layer, the
 * reader's own colours and the message validator live in a separate module (./lazy.ts) imported only
 * when first needed.
 */
interface RuntimeApi {
  runtime: {
    sendMessage(message: unknown): Promise<unknown>;
    onMessage: { addListener(fn: (message: unknown) => void): void };
    getURL(path: string): string;
  };
}
const ext: RuntimeApi =
  (globalThis as { browser?: RuntimeApi }).browser ??
  (globalThis as unknown as { chrome: RuntimeApi }).chrome;

type Lazy = typeof import('./lazy.ts');
let lazyModule: Promise<Lazy> | null = null;

/** The on-demand module; a failed load (the extension was reloaded) is retried on the next use. */
function lazy(): Promise<Lazy> {
  lazyModule ??= (import(/* @vite-ignore */ ext.runtime.getURL(CONTENT_LAZY_FILE)) as Promise<Lazy>).catch(
    (error: unknown) => {
      lazyModule = null;
      throw error;
    },
  );
  return lazyModule;
}

/** Longest slice of extraction work before the page gets its main thread back. */
const SLICE_MS = 4;
/** Quiet time after the last change before a changed page is read again. */
const SETTLE_MS = 400;
/** Longest a busy page can postpone that re-read. */
const MAX_SETTLE_MS = 2_000;
const URL_POLL_MS = 1_000;
/** A page that is not (yet) an article is re-checked this many times while it keeps changing. */
const LATE_CONTENT_RETRIES = 3;

let annotator: Annotator | null = null;
let articleId: string | null = null;
/** The view last painted, reused when a re-read finds the same text. */
let shownView: ArticleView | null = null;
let article: DomArticle | null = null;
/** Bumped on every (re)analysis; work begun under an older generation stops. */
let generation = 0;
let shownUrl = pageUrl();
let rootObserver: MutationObserver | null = null;
let lateRetries = 0;
let settleTimer: ReturnType<typeof setTimeout> | undefined;
let settleDeadline = 0;

async function send<T extends WireRequest>(request: T): Promise<Response<T['type']>> {
  return (await ext.runtime.sendMessage(request)) as Response<T['type']>;
}

/** The researcher's annotations; created on first use so pages without any cost nothing. */
let annotations: AnnotationsController | null = null;
let annotationsLoading: Promise<AnnotationsController> | null = null;
/** Loaded on first use (its module too): most pages never carry an annotation. */
function annotationLayer(): Promise<AnnotationsController> {
  annotationsLoading ??= lazy().then(({ createAnnotationLayer }) => {
    annotations = createAnnotationLayer(document, send, () => {
      if (articleId) void refresh(articleId).catch(report);
    });
    return annotations;
  });
  annotationsLoading.catch(() => {
    annotationsLoading = null;
  });
  return annotationsLoading;
}

const loadUi = async () => (await lazy()).createClaimUi;

/** The Highlight API paints; a browser without it gets the overlay painter from the on-demand module. */
async function painters(): Promise<PainterFactory> {
  return supportsHighlightApi(window) ? nativePainter : (await lazy()).createPainter;
}

/** Whether the page has been given the reader's own colours (and must be told when they change back). */
let customColours = false;

/**
 * The reader's colours. The defaults are in the sheet the browser injects with this script, so only
 * other colours (or a change back from them) need the on-demand module.
 */
function applyColours(settings: Settings): void {
  const choice: ColourChoice = { claim: settings.claimColour, annotation: settings.annotationColour };
  if (!customColours && !isCustomChoice(choice)) return;
  customColours = true;
  lazy()
    .then((m) => m.setHighlightColours(document, choice))
    .catch(report);
}

const onClaimAction: ClaimActionHandler = (action, claim, range) => {
  annotationLayer()
    .then((layer) =>
      action === 'tag'
        ? layer.tagClaim(claim, range)
        : action === 'pin'
          ? layer.togglePin(claim, range)
          : layer.dismiss(claim, range),
    )
    .catch(report);
};

function guard<A extends unknown[]>(fn: (...args: A) => unknown): (...args: A) => void {
  return (...args) => {
    try {
      const result = fn(...args);
      if (result instanceof Promise) result.catch(report);
    } catch (error) {
      report(error);
    }
  };
}

function report(error: unknown): void {
  console.debug('[ClaimLens]', error);
}

/**
 * This page, without its fragment. Read from the document (which history calls update too), not
 * `location`: the script never needs the Location object, and each interface it first touches costs the
 * page a little.
 */
function pageUrl(): string {
  return pageUrlOf(document.URL);
}

/** Aborted once a newer read (or a navigation) bumps the generation: work begun under `mine` stops. */
function signalFor(mine: number): { readonly aborted: boolean } {
  return {
    get aborted() {
      return mine !== generation;
    },
  };
}

async function analyse(): Promise<void> {
  const signal = signalFor(++generation);
  shownUrl = pageUrl();
  const settings = await send({ type: 'getSettings', url: document.URL });
  if (signal.aborted || !settings.ok) return;
  applyColours(settings.settings);
  if (settings.annotated || annotations)
    void annotationLayer()
      .then((layer) => layer.reload())
      .catch(report);
  if (!highlightsOn(settings.settings, document.URL)) return;
  const found = await extractDomArticleSliced(document, document.URL, {
    useCss: true,
    budgetMs: SLICE_MS,
    signal,
  });
  if (found === undefined || signal.aborted) return;
  const before = article;
  watch(found);
  // The page changed around an article whose text did not (a re-render, a comment thread loading): the
  // claims are the same, only their nodes may be new, so they are painted again without asking the
  // background.
  if (found && before && annotator && shownView && articleId && sameText(before, found)) {
    if (!(await mapInSlices(found, shownView, signal))) return;
    annotator.setArticle(found);
    annotator.show(shownView);
    return;
  }
  if (!found) {
    annotator?.clear();
    articleId = null;
    return;
  }
  // The feeds the page advertises (the popup's "Follow this outlet") and its fact-check markup, if any.
  const page = readPageExtras(document, found.input.url);
  const answer = await send({
    type: 'analyze',
    article: packArticle(found.input),
    ...(page.feeds || page.claimReviews ? { page } : {}),
  });
  if (signal.aborted) return;
  if (!answer.ok) {
    report(answer.error);
    return;
  }
  if (!(await mapInSlices(found, answer.view, signal))) return;
  if (annotator) annotator.setArticle(found);
  else {
    const paint = await painters();
    if (signal.aborted) return;
    annotator = new Annotator(document, found, paint, loadUi, onClaimAction);
  }
  articleId = answer.view.articleId;
  shownView = answer.view;
  annotator.show(answer.view);
}

/**
 * Maps the claims' blocks back to the DOM in slices before they are painted, as the article was read:
 * a block of thousands of nodes must not make painting a long task. False when a newer read took over.
 */
async function mapInSlices(
  found: DomArticle,
  view: ArticleView,
  signal: { aborted: boolean },
): Promise<boolean> {
  await runSliced(mapClaimBlocks(found.blocks, view.claims), { budgetMs: SLICE_MS, signal });
  return !signal.aborted;
}

/** Same URL, title and blocks: what the background would analyse is unchanged. */
function sameText(a: DomArticle, b: DomArticle): boolean {
  const x = a.input;
  const y = b.input;
  if (x.url !== y.url || x.title !== y.title || x.blocks.length !== y.blocks.length) return false;
  return x.blocks.every((block, i) => block.text === y.blocks[i].text && block.kind === y.blocks[i].kind);
}

async function refresh(id: string): Promise<void> {
  if (!annotator || id !== articleId) return;
  const answer = await send({ type: 'getArticleView', articleId: id });
  if (!answer.ok || !answer.view || id !== articleId || !annotator) return;
  if (!(await mapInSlices(annotator.paintedArticle, answer.view, signalFor(generation)))) return;
  if (id !== articleId || !annotator) return;
  shownView = answer.view;
  annotator.show(answer.view);
}

/** Watches the article root (or, before an article appears, the body) for changes worth a re-read. */
function watch(found: DomArticle | null): void {
  article = found;
  rootObserver?.disconnect();
  rootObserver = null;
  const target = found?.root ?? (lateRetries < LATE_CONTENT_RETRIES ? document.body : null);
  if (!target) return;
  rootObserver = new MutationObserver(onMutation);
  rootObserver.observe(target, { childList: true, subtree: true, characterData: !!found });
}

/**
 * A mutation batch only arms (or pushes back) one timer: the re-read waits for the page to settle. A
 * batch that changes no text (an image swapped in, an ad slot filled with an iframe, an empty wrapper)
 * cannot change the article, so it is not even that.
 */
function onMutation(records: MutationRecord[]): void {
  if (!records.some(changesText)) return;
  if (!article) lateRetries++;
  schedule();
}

const NON_BLANK = /\S/;

function changesText(record: MutationRecord): boolean {
  if (record.type === 'characterData') return true;
  return carriesText(record.addedNodes) || carriesText(record.removedNodes);
}

function carriesText(nodes: NodeList): boolean {
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i];
    if ((node.nodeType === 1 || node.nodeType === 3) && NON_BLANK.test(node.textContent ?? '')) return true;
  }
  return false;
}

function schedule(): void {
  const now = Date.now();
  if (!settleTimer) settleDeadline = now + MAX_SETTLE_MS;
  clearTimeout(settleTimer);
  const wait = Math.max(0, Math.min(SETTLE_MS, settleDeadline - now));
  settleTimer = setTimeout(
    guard(() => {
      settleTimer = undefined;
      return analyse();
    }),
    wait,
  );
}

/** Called on navigation events and by the poll: a new URL (or a root that left the page) means a new article. */
function checkNavigation(): void {
  const url = pageUrl();
  if (url !== shownUrl) {
    shownUrl = url;
    lateRetries = 0;
    // The old article's highlights go at once; the new one is read when the page has settled.
    annotator?.clear();
    articleId = null;
    generation++;
    schedule();
  } else if (article && !article.root.isConnected) {
    annotator?.clear();
    articleId = null;
    article = null;
    schedule();
  }
}

ext.runtime.onMessage.addListener(
  guard(async (message: unknown) => {
    const { parseTabEvent } = await lazy();
    const event = parseTabEvent(message);
    if (!event.ok) return;
    if (event.value.type === 'articleChanged') return refresh(event.value.articleId);
    if (event.value.type === 'annotationsChanged') {
      if (articleId) void refresh(articleId).catch(report);
      return (await annotationLayer()).reload();
    }
    if (event.value.type === 'tagSelection') return (await annotationLayer()).tagSelection();
    if (event.value.type === 'toggleHighlights') {
      const visible = !(annotator?.isVisible ?? true);
      annotator?.setVisible(visible);
      annotations?.setVisible(visible);
      return;
    }
    if (event.value.type === 'settingsChanged') {
      const settings = event.value.settings;
      applyColours(settings);
      if (!highlightsOn(settings, document.URL)) {
        generation++;
        annotator?.destroy();
        annotator = null;
        articleId = null;
      } else if (!articleId) return analyse();
      else return refresh(articleId);
    }
  }),
);

const onNavigation = guard(checkNavigation);
const nav = (window as unknown as { navigation?: EventTarget }).navigation;
// The Navigation API reports every same-document navigation (pushState and replaceState included);
// without it (Firefox) the URL is polled, since history calls fire no event.
if (nav) nav.addEventListener('currententrychange', onNavigation);
else {
  window.addEventListener('popstate', onNavigation);
  setInterval(onNavigation, URL_POLL_MS);
}

// A timer, not `requestIdleCallback`: the script is injected when the document is idle already, the
// work runs in slices that leave the page its main thread, and the first use of `requestIdleCallback`
// costs a page more binding setup than a timer does.
setTimeout(guard(analyse), 0);
