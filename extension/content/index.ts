/**
 * Content script, injected into every http(s) page: decides cheaply whether the page is an article,
 * sends its text blocks to the background, and paints what comes back. Every callback is guarded:
 * nothing ClaimLens does may throw into the page.
 */
import browser from 'webextension-polyfill';
import { Annotator } from '../../src/annotator/annotator.tsx';
import { extractDomArticle } from '../../src/extract/index.ts';
import { parseTabEvent, type Request, type Response } from '../../src/protocol/messages.ts';

let annotator: Annotator | null = null;
let articleId: string | null = null;

async function send<T extends Request>(request: T): Promise<Response<T['type']>> {
  return (await browser.runtime.sendMessage(request)) as Response<T['type']>;
}

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

async function analyse(): Promise<void> {
  const settings = await send({ type: 'getSettings' });
  if (!settings.ok || !settings.settings.enabled) return;
  const article = extractDomArticle(document, location.href);
  if (!article) return;
  const answer = await send({ type: 'analyze', article: article.input });
  if (!answer.ok) {
    report(answer.error);
    return;
  }
  annotator?.destroy();
  annotator = new Annotator(document, article);
  articleId = answer.view.articleId;
  annotator.show(answer.view);
}

async function refresh(id: string): Promise<void> {
  if (!annotator || id !== articleId) return;
  const answer = await send({ type: 'getArticleView', articleId: id });
  if (answer.ok && answer.view) annotator.show(answer.view);
}

browser.runtime.onMessage.addListener(
  guard((message: unknown) => {
    const event = parseTabEvent(message);
    if (!event.ok) return;
    if (event.value.type === 'articleChanged') return refresh(event.value.articleId);
    if (event.value.type === 'settingsChanged') {
      if (!event.value.settings.enabled) {
        annotator?.destroy();
        annotator = null;
      } else if (!annotator) return analyse();
      else return refresh(articleId ?? '');
    }
  }),
);

const start = guard(analyse);
if ('requestIdleCallback' in window) requestIdleCallback(start, { timeout: 500 });
else setTimeout(start, 0);
