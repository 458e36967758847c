/**
 * Pages built for the hostile-page suite (test/e2e/hostile.e2e.test.ts) from the committed seed
 * articles: real news prose, so the core finds real claims in them.
 */
import type { Page } from 'playwright-core';
import { seedLines } from './seeds.ts';
import { SEED_PAGES } from './server.ts';

const escapeHtml = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The body paragraphs of seed article `i` (headline and byline lines dropped). */
export function seedParagraphs(i: number): string[] {
  return seedLines(SEED_PAGES[i].seed).filter((l) => l.length > 80);
}

/** A plain article page; `head` and `after` are inserted verbatim (scripts, extra markup). */
export function articlePage(options: {
  title: string;
  site: string;
  paragraphs: string[];
  head?: string;
  after?: string;
  before?: string;
}): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(options.title)}</title>
<meta property="og:site_name" content="${escapeHtml(options.site)}">${options.head ?? ''}</head>
<body>${options.before ?? ''}<main><article id="story"><h1>${escapeHtml(options.title)}</h1>
${options.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
</article></main>${options.after ?? ''}</body></html>`;
}

/**
 * A page with over 100,000 text nodes: the article, whose last 250 paragraphs wrap every word in a
 * span (about 30,000 text nodes the block walk must slice through), then a feed of 14,000 short
 * paragraphs of five bold words each (70,000 nodes that article detection scores and drops).
 */
export function hugePage(): { html: string; textNodes: number } {
  const feed: string[] = [];
  for (let i = 0; i < 14_000; i++) feed.push(`<p><b>a${i % 10}</b><b>b</b><b>c</b><b>d</b><b>e</b></p>`);
  const paragraphs = seedParagraphs(3);
  const wrapped: string[] = [];
  let wrappedNodes = 0;
  for (let i = 0; wrappedNodes < 30_000; i++) {
    const words = paragraphs[i % paragraphs.length].replace(/&/g, '&amp;').replace(/</g, '&lt;').split(' ');
    wrappedNodes += words.length * 2;
    wrapped.push(`<p>${words.map((w) => `<span>${w}</span>`).join(' ')}</p>`);
  }
  const html = articlePage({
    title: 'A very large page',
    site: 'Huge Daily',
    paragraphs,
    head: `<script>
      window.__gaps = [];
      addEventListener('load', () => {
        let last = performance.now();
        setInterval(() => { const now = performance.now(); window.__gaps.push(now - last); last = now; }, 10);
      });
    </script>`,
    after: `<div class="feed">${feed.join('')}</div>`,
  }).replace('</article>', `${wrapped.join('\n')}</article>`);
  return { html, textNodes: 14_000 * 5 + wrappedNodes + paragraphs.length + 1 };
}

/** Page script that breaks the main world's built-ins (the content script lives in its own world). */
export const OVERRIDES = `<script>
(() => {
  const boom = (name) => function () { window.__overrideCalls = (window.__overrideCalls || 0) + 1; throw new Error('page broke ' + name); };
  for (const m of ['map', 'forEach', 'filter', 'indexOf', 'includes', 'slice', 'join', 'push', 'reduce', 'splice', 'concat', 'sort'])
    Array.prototype[m] = boom('Array.prototype.' + m);
  JSON.parse = boom('JSON.parse');
  JSON.stringify = boom('JSON.stringify');
  for (const m of ['appendChild', 'insertBefore', 'removeChild', 'contains', 'cloneNode', 'compareDocumentPosition'])
    Node.prototype[m] = boom('Node.prototype.' + m);
  Object.defineProperty(Node.prototype, 'textContent', { get: boom('textContent'), set: boom('textContent'), configurable: true });
  for (const m of ['querySelectorAll', 'querySelector', 'getAttribute', 'attachShadow', 'append'])
    Element.prototype[m] = boom('Element.prototype.' + m);
  for (const m of ['createElement', 'createRange', 'createTreeWalker', 'querySelectorAll', 'querySelector'])
    Document.prototype[m] = boom('Document.prototype.' + m);
  for (const m of ['replace', 'trim', 'split', 'toLowerCase'])
    String.prototype[m] = boom('String.prototype.' + m);
  Object.keys = boom('Object.keys');
  Object.assign = boom('Object.assign');
  Map.prototype.get = boom('Map.prototype.get');
  Map.prototype.set = boom('Map.prototype.set');
  window.fetch = boom('fetch');
  window.MutationObserver = boom('MutationObserver');
  window.requestIdleCallback = boom('requestIdleCallback');
  window.__overridden = true;
})();
</script>`;

/**
 * Evaluates an expression in a fresh isolated world of the page, through DevTools: the page's broken
 * built-ins cannot break the test's own checks (Playwright's `evaluate` runs in the main world).
 */
export async function evaluateIsolated<T>(page: Page, expression: string): Promise<T> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { frameTree } = (await cdp.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
    const { executionContextId } = (await cdp.send('Page.createIsolatedWorld', {
      frameId: frameTree.frame.id,
      worldName: 'claimlens-test',
    })) as { executionContextId: number };
    const { result, exceptionDetails } = (await cdp.send('Runtime.evaluate', {
      expression,
      contextId: executionContextId,
      returnByValue: true,
      awaitPromise: true,
    })) as {
      result: { value: T };
      exceptionDetails?: { text: string; exception?: { description?: string } };
    };
    if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
    return result.value;
  } finally {
    await cdp.detach().catch(() => {});
  }
}

/**
 * Evaluates an expression in the page's main world through DevTools, with the result serialised by
 * V8 itself: Playwright's own `evaluate` machinery would call the built-ins the page broke.
 */
export async function evaluateMain<T>(page: Page, expression: string): Promise<T> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { result, exceptionDetails } = (await cdp.send('Runtime.evaluate', {
      expression,
      returnByValue: true,
    })) as {
      result: { value: T };
      exceptionDetails?: { text: string };
    };
    if (exceptionDetails) throw new Error(`main-world evaluation failed: ${exceptionDetails.text}`);
    return result.value;
  } finally {
    await cdp.detach().catch(() => {});
  }
}

/** Claim highlight texts, read from an isolated world (safe on pages that break built-ins). */
export const HIGHLIGHT_TEXTS = `(() => {
  const h = CSS.highlights.get('claimlens-claim');
  return h ? Array.from(h, (r) => r.toString().replace(/\\s+/g, ' ').trim()) : [];
})()`;

/** The viewport point over the first highlighted claim containing `needle` (scrolled into view). */
export const pointOver = (needle: string) => `(() => {
  const h = CSS.highlights.get('claimlens-claim');
  const range = h && Array.from(h).find((r) => r.toString().replace(/\\s+/g, ' ').includes(${JSON.stringify(needle)}));
  if (!range) return null;
  range.startContainer.parentElement.scrollIntoView({ block: 'center' });
  const rect = range.getClientRects()[0];
  return { x: rect.left + Math.min(40, rect.width / 2), y: rect.top + rect.height / 2 };
})()`;
