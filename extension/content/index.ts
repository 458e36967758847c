/**
 * Content script, run on every http(s) page (imported as an ES module by the classic loader the
 * manifest injects, extension/content/loader.ts): decides cheaply whether the page is an article,
 * sends its text blocks to the background, and paints what comes back. Every callback is guarded:
 * nothing ClaimLens does may throw into the page.
 *
 * Cost discipline: extraction runs in slices of a few milliseconds (yielding to the page between
 * them), so no task ClaimLens causes grows with the page. When the page is read again (a single-page
 * navigation, late content) and when work begun for it is stale is the page lifecycle's
 * (src/annotator/page-lifecycle.ts).
 */
import type { AnnotationsController } from '../../src/annotator/annotations.tsx';
import { Annotator, type ClaimActionHandler } from '../../src/annotator/annotator.ts';
import { type StaleSignal, startPageLifecycle } from '../../src/annotator/page-lifecycle.ts';
import { mapClaimBlocks } from '../../src/annotator/ranges.ts';
import { type DomArticle, extractDomArticleSliced, runSliced } from '../../src/extract/index.ts';
import { readPageExtras } from '../../src/extract/page-extras.ts';
import { isCustomChoice } from '../../src/highlight/colours.ts';
import { nativePainter, type PainterFactory, supportsHighlightApi } from '../../src/highlight/painter.ts';
import { type ColourChoice, highlightsOn } from '../../src/model/settings.ts';
import type { Ask } from '../../src/protocol/client.ts';
import type { Settings } from '../../src/protocol/messages.ts';
import { packArticle } from '../../src/protocol/packed-article.ts';
import type { ArticleView } from '../../src/protocol/views.ts';
import { CONTENT_LAZY_FILE } from './files.ts';

/**
 * The extension API without webextension-polyfill: Chromium's MV3 `chrome.runtime` returns promises
 * and Firefox has `browser` natively. Every page loads this module, and its functions are all compiled
 * with it (the build's compile hint), so it holds only what every article page runs: the polyfill stays
 * out, and the tooltip and keyboard proxies, the annotation layer, the reader's own colours and the
 * message validator live in a separate module (./lazy.ts) imported only when first needed.
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

let annotator: Annotator | null = null;
let articleId: string | null = null;
/** The view last painted, reused when a re-read finds the same text. */
let shownView: ArticleView | null = null;
/** The article read last (null: the page held none). */
let article: DomArticle | null = null;
/** The last read's signal: work for the article it shows (a refresh) stops with it. */
let reading: StaleSignal;

/** Asks the background: one runtime message, its answer typed by the request (src/protocol/client.ts). */
const send = ((message) => ext.runtime.sendMessage(message)) as Ask;

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

function report(error: unknown): void {
  console.debug('[ClaimLens]', error);
}

async function analyse(): Promise<void> {
  const signal = lifecycle.begin();
  reading = signal;
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
  article = found;
  lifecycle.watch(found?.root);
  // The page changed around an article whose text did not (a re-render, a comment thread loading): the
  // claims are the same, only their nodes may be new, so they are painted again without asking the
  // background.
  if (found && before && annotator && shownView && articleId && sameText(before, found)) {
    if (!(await mapInSlices(found, shownView, signal))) return;
    annotator.setArticle(found);
    annotator.show(shownView);
    return;
  }
  if (!found) return left();
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
  if (!(await mapInSlices(annotator.paintedArticle, answer.view, reading))) return;
  if (id !== articleId || !annotator) return;
  shownView = answer.view;
  annotator.show(answer.view);
}

/** The page the highlights were painted on is gone: another URL, or its article root left the page. */
function left(): void {
  annotator?.clear();
  articleId = null;
  article = null;
}

/** An event from the background (validated first). */
async function onEvent(message: unknown): Promise<void> {
  const { parseTabEvent } = await lazy();
  const parsed = parseTabEvent(message);
  if (!parsed.ok) return;
  const event = parsed.value;
  if (event.type === 'articleChanged') return refresh(event.articleId);
  if (event.type === 'annotationsChanged') {
    if (articleId) void refresh(articleId).catch(report);
    return (await annotationLayer()).reload();
  }
  if (event.type === 'tagSelection') return (await annotationLayer()).tagSelection();
  if (event.type === 'toggleHighlights') {
    const visible = !(annotator?.isVisible ?? true);
    annotator?.setVisible(visible);
    annotations?.setVisible(visible);
    return;
  }
  if (event.type === 'settingsChanged') {
    const settings = event.settings;
    applyColours(settings);
    if (!highlightsOn(settings, document.URL)) {
      // What is under way for the page stops.
      lifecycle.begin();
      annotator?.destroy();
      annotator = null;
      articleId = null;
    } else if (!articleId) return analyse();
    else return refresh(articleId);
  }
}

// Nothing may throw into the page; the listener answers nothing (no `sendResponse`, no promise).
ext.runtime.onMessage.addListener((message: unknown) => {
  onEvent(message).catch(report);
});

// Reads the page now and whenever it changes into another article (src/annotator/page-lifecycle.ts).
const lifecycle = startPageLifecycle(
  document,
  window as Window & { navigation?: EventTarget },
  analyse,
  left,
  report,
);
